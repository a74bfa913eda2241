// libFuzzer target over the whole pipeline: any bytes as a timeline file are
// loaded, laid out on a small page and drawn to every format; each step must
// end in a result or diagnostics, never a crash, a hang or an escaping
// exception. Styles come only from the built-ins (a fuzzer must not read files).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "layout/layout.h"
#include "load/load.h"
#include "render/render.h"
#include "scene/scene.h"
#include "style/builtin.h"
#include "style/style.h"

namespace {

using namespace annals;

std::string style_name(const model::Timeline& t) {
  return style::builtin_style_text(t.header.style) ? t.header.style : std::string("default");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  const auto timeline = load::timeline(text, "fuzz.toml", diags);
  if (!timeline || diags.has_errors()) return 0;
  auto style = load::style_named(style_name(*timeline), "", {}, diags);
  if (!style) return 0;
  style::apply(*style, timeline->style, diags);
  // A small page keeps each run short; the file's own page keys are still
  // read and checked above, only the size drawn is pinned.
  PropertySheet small{{"page.size", PropertyValue{std::string("A6")}, {}},
                      {"page.margin", PropertyValue{std::int64_t{10}}, {}}};
  style::apply(*style, small, diags);
  const dates::Date now =
      timeline->header.now ? timeline->header.now->date : std::get<dates::Date>(dates::from_year(2000));
  load::check_present(*timeline, now, {"fuzz", {}}, diags);
  if (diags.has_errors()) return 0;

  // One renderer per input: it keeps every text it shaped, so a shared one
  // would grow for the whole run.
  const render::Renderer renderer;
  const layout::Options options{now, small, "annals fuzz"};
  const scene::Scene scene = layout::layout(*timeline, *style, options, renderer.measurer(), diags);
  if (diags.has_errors()) return 0;
  std::size_t total = scene::to_json(scene).size();
  for (const auto format : {render::Format::svg, render::Format::pdf, render::Format::png}) {
    const auto out = renderer.render(scene, format, render::Options{36});
    total += out.bytes.size() + out.error.size();
  }
  return total == 0 ? 0 : 0;
}
