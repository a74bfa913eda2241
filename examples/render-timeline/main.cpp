// Renders a timeline file to PDF through the annals library: the same steps
// as `annals render`, with the defaults a program embedding annals would pick.
//   render-timeline INPUT.toml OUTPUT.pdf
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "base/diagnostics.h"
#include "dates/date.h"
#include "layout/layout.h"
#include "load/load.h"
#include "render/render.h"
#include "scene/scene.h"
#include "style/style.h"
#include "styled/resolve.h"

namespace {

void print(const annals::Diagnostics& diags) {
  for (const auto& d : diags.all()) std::fputs(annals::format(d).c_str(), stderr);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: render-timeline INPUT.toml OUTPUT.pdf\n", stderr);
    return 2;
  }
  annals::Diagnostics diags;
  auto timeline = annals::load::timeline_file(argv[1], diags);
  // A timeline's own style (a built-in name or a path beside the file), else "default".
  const std::string style_name =
      timeline && !timeline->header.style.empty() ? timeline->header.style : "default";
  const std::string folder = std::filesystem::path(argv[1]).parent_path().string();
  auto style = annals::load::style_named(style_name, folder.empty() ? "." : folder, {}, diags);
  if (!timeline || !style || diags.has_errors()) {
    print(diags);
    return 1;
  }
  annals::style::apply(*style, timeline->style, diags);

  // A fixed "present" keeps the output reproducible; a real program might use today.
  const annals::dates::Date now =
      timeline->header.now ? timeline->header.now->date : annals::dates::from_epoch_seconds(0);
  const annals::render::Renderer renderer;  // owns the fonts; measures and draws
  const annals::layout::Options options{"render-timeline"};
  // The cascade for every lane, event, era and marker, then the layout of the styled timeline.
  annals::styled::Timeline styled = annals::styled::resolve(*timeline, *style, {now, {}}, diags);
  const annals::scene::Scene scene = annals::layout::layout(std::move(styled), options, renderer.measurer(), diags);
  print(diags);
  if (diags.has_errors()) return 1;

  const auto pdf = renderer.render(scene, annals::render::Format::pdf, {});
  if (!pdf.ok()) {
    std::fprintf(stderr, "%s: %s\n", argv[2], pdf.error.c_str());
    return 3;
  }
  std::ofstream out(argv[2], std::ios::binary);
  out << pdf.bytes;
  return out.good() ? 0 : 3;
}
