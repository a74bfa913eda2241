// Real renders (Pango + Cairo with the pinned test fonts) compared with
// reference pictures: the sample in every shipped style, many scripts on one
// axis, a vertical chart, and periods and links. Regenerate with UPDATE_GOLDEN=1, on purpose.
#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "annals/pipeline.h"
#include "raster_golden.h"
#include "render/render.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

const fs::path kSample = fs::path(ANNALS_SOURCE_DIR) / "timelines/bolivia-foreign-relations.toml";

// `annals render FILE --style STYLE -o x.png --dpi 72`, in another orientation if asked.
std::string render_png(const fs::path& file, const std::string& style_name,
                       model::Orientation orientation = model::Orientation::horizontal, const std::string& now = "") {
  Request request;
  request.input = file.string();
  request.now = now;
  request.style = style_name;
  request.outputs = {{Format::png, "x.png"}};
  request.dpi = 72;
  Pipeline p(request);
  EXPECT_TRUE(p.load());
  if (!p.timeline()) return {};
  if (now.empty()) {
    EXPECT_TRUE(p.timeline()->header.now.has_value());  // reproducible: the file says what "present" is
  }
  p.timeline()->header.orientation = orientation;
  const render::Renderer renderer;
  std::optional<std::string> png;
  if (p.style() && p.layout(renderer.measurer())) png = p.draw(0, renderer);
  const Result result = std::move(p).result();
  for (const auto& d : result.diagnostics.all()) EXPECT_NE(d.severity, Severity::error) << format(d);
  return png.value_or("");
}

// FORMAT.md §5.5: the sample's spreadsheet edition, read as CSV (a CSV has
// no [timeline] table, so "present" is given as --now would).
TEST(Raster, CsvSample) {
  const fs::path file = fs::path(ANNALS_SOURCE_DIR) / "timelines/bolivia-foreign-relations.csv";
  testing::expect_matches_golden(render_png(file, "default", model::Orientation::horizontal, "2022-12-31"),
                                 "sample-csv");
}

class SampleInStyle : public ::testing::TestWithParam<const char*> {};

TEST_P(SampleInStyle, MatchesItsReference) {
  testing::expect_matches_golden(render_png(kSample, GetParam()), std::string("sample-") + GetParam());
}

INSTANTIATE_TEST_SUITE_P(Raster, SampleInStyle,
                         ::testing::Values("default", "classic", "dark", "print", "poster"));

TEST(Raster, ManyScriptsOnOneAxis) {
  const fs::path file = fs::path(ANNALS_SOURCE_DIR) / "tests/raster/multilingual.toml";
  testing::expect_matches_golden(render_png(file, "default"), "multilingual");
}

// Several periods on one row and links between events (FORMAT.md §5.1, §5.2), both ways time runs.
TEST(Raster, PeriodsAndLinks) {
  const fs::path file = fs::path(ANNALS_SOURCE_DIR) / "tests/cases/periods_and_links.toml";
  testing::expect_matches_golden(render_png(file, "default"), "periods-and-links");
}

TEST(Raster, PeriodsAndLinksVertical) {
  const fs::path file = fs::path(ANNALS_SOURCE_DIR) / "tests/cases/periods_and_links_vertical.toml";
  testing::expect_matches_golden(render_png(file, "default", model::Orientation::vertical), "periods-and-links-vertical");
}

// FORMAT.md §5.4: the Spanish edition of the sample, dates and legend in Spanish.
TEST(Raster, SpanishSample) {
  const fs::path file = fs::path(ANNALS_SOURCE_DIR) / "timelines/bolivia-relaciones-exteriores.toml";
  testing::expect_matches_golden(render_png(file, "default"), "sample-es");
}

// FORMAT.md §5.3: two-level lane headers, beside the lanes and above them.
TEST(Raster, LaneGroups) {
  const fs::path file = fs::path(ANNALS_SOURCE_DIR) / "timelines/bolivia-by-region.toml";
  testing::expect_matches_golden(render_png(file, "default"), "lane-groups");
}

TEST(Raster, LaneGroupsVertical) {
  const fs::path file = fs::path(ANNALS_SOURCE_DIR) / "timelines/bolivia-by-region.toml";
  testing::expect_matches_golden(render_png(file, "default", model::Orientation::vertical), "lane-groups-vertical");
}

TEST(Raster, VerticalSample) {
  testing::expect_matches_golden(render_png(kSample, "default", model::Orientation::vertical),
                                 "sample-vertical");
}

}  // namespace
}  // namespace annals
