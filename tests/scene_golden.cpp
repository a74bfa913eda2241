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

#include "annals/pipeline.h"
#include "scene/scene.h"
#include "text/measurer.h"

namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: scene_golden CASE.toml GOLDEN.txt\n";
    return 2;
  }
  const std::string case_path = argv[1], golden_path = argv[2];
  annals::Request request;
  request.input = case_path;
  // Cases pin `now` in the file; without it, a fixed day keeps the golden stable.
  request.source_date_epoch = "1700000000";
  annals::Pipeline pipeline(request);
  const annals::text::FakeMeasurer measurer;
  const bool laid_out = pipeline.load() && pipeline.style() && pipeline.layout(measurer);
  const auto& scene = pipeline.scene();
  const annals::Result result = std::move(pipeline).result();
  if (!laid_out) {
    for (const auto& d : result.diagnostics.all()) std::cerr << annals::format(d);
    return 1;
  }
  std::string actual = annals::scene::to_text(scene);
  // Messages name the case by its file name, so the reference holds wherever it runs.
  for (auto d : result.diagnostics.all()) {
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
