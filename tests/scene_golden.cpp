// Scene golden test: a timeline case laid out with the fake measurer, dumped
// as text and compared exactly with its reference. UPDATE_GOLDEN=1 rewrites
// the reference and fails, so a regeneration is never green.
//
// usage: scene_golden CASE.toml GOLDEN.txt
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "base/diagnostics.h"
#include "dates/date.h"
#include "layout/layout.h"
#include "styled/resolve.h"
#include "load/load.h"
#include "scene/scene.h"
#include "style/style.h"
#include "text/measurer.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Cases pin `now` in the file; without it, a fixed day keeps the golden stable.
annals::dates::Date now_of(const annals::model::Timeline& t) {
  if (t.header.now) return t.header.now->date;
  return annals::dates::from_epoch_seconds(1'700'000'000);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: scene_golden CASE.toml GOLDEN.txt\n";
    return 2;
  }
  const std::string case_path = argv[1], golden_path = argv[2];
  annals::Diagnostics diags;
  auto timeline = annals::load::timeline_file(case_path, diags);
  if (!timeline || diags.has_errors()) {
    for (const auto& d : diags.all()) std::cerr << annals::format(d);
    return 1;
  }
  const auto dir = std::filesystem::path(case_path).parent_path().string();
  const std::string style_name = timeline->header.style.empty() ? "default" : timeline->header.style;
  auto style = annals::load::style_named(style_name, dir, timeline->header.style_where, diags);
  if (!style) {
    for (const auto& d : diags.all()) std::cerr << annals::format(d);
    return 1;
  }
  annals::style::apply(*style, timeline->style, diags);

  const annals::text::FakeMeasurer measurer;
  const auto scene = annals::layout::layout(annals::styled::resolve(*timeline, *style, {now_of(*timeline), {}}, diags),
                                            {}, measurer, diags);
  std::string actual = annals::scene::to_text(scene);
  // Messages name the case by its file name, so the reference holds wherever it runs.
  for (auto d : diags.all()) {
    d.where.file = std::filesystem::path(d.where.file).filename().string();
    actual += "# " + annals::format(d);
  }

  if (std::getenv("UPDATE_GOLDEN")) {
    std::ofstream(golden_path, std::ios::binary) << actual;
    std::cerr << "rewrote " << golden_path << " (UPDATE_GOLDEN is set: failing on purpose)\n";
    return 1;
  }
  const std::string expected = read(golden_path);
  if (expected == actual) return 0;
  const auto out = golden_path + ".actual";
  std::ofstream(std::filesystem::path(out).filename().string(), std::ios::binary) << actual;
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    const bool ge = static_cast<bool>(std::getline(e, le)), ga = static_cast<bool>(std::getline(a, la));
    if (!ge && !ga) break;
    if (le != la || ge != ga) {
      std::cerr << golden_path << ":" << line << ": differs\n  expected: " << (ge ? le : "<end>")
                << "\n  actual:   " << (ga ? la : "<end>") << "\n";
      break;
    }
  }
  return 1;
}
