// Real renders (Pango + Cairo with the pinned test fonts) compared with
// reference pictures: the sample in every shipped style, many scripts on one
// axis, and a vertical chart. Regenerate with UPDATE_GOLDEN=1, on purpose.
#include <filesystem>
#include <string>

#include <gtest/gtest.h>

#include "base/diagnostics.h"
#include "layout/layout.h"
#include "styled/resolve.h"
#include "load/load.h"
#include "raster_golden.h"
#include "render/render.h"
#include "style/style.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

const fs::path kSample = fs::path(ANNALS_SOURCE_DIR) / "timelines/bolivia-foreign-relations.toml";

// The pipeline of `annals render FILE --style STYLE -o x.png --dpi 72`.
std::string render_png(const fs::path& file, const std::string& style_name,
                       model::Orientation orientation = model::Orientation::horizontal) {
  Diagnostics diags;
  auto timeline = load::timeline_file(file.string(), diags);
  EXPECT_TRUE(timeline.has_value());
  if (!timeline) return {};
  timeline->header.orientation = orientation;
  auto style = load::style_named(style_name.empty() ? timeline->header.style : style_name,
                                 file.parent_path().string(), {}, diags);
  EXPECT_TRUE(style.has_value());
  if (!style) return {};
  style::apply(*style, timeline->style, diags);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_TRUE(timeline->header.now.has_value());
  const render::Renderer renderer;
  const layout::Options options{"annals"};
  const scene::Scene scene = layout::layout(styled::resolve(*timeline, *style, {timeline->header.now->date, {}}, diags),
                                            options, renderer.measurer(), diags);
  const render::Output out = renderer.render(scene, render::Format::png, render::Options{72});
  EXPECT_TRUE(out.ok()) << out.error;
  return out.bytes;
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

TEST(Raster, VerticalSample) {
  testing::expect_matches_golden(render_png(kSample, "default", model::Orientation::vertical),
                                 "sample-vertical");
}

}  // namespace
}  // namespace annals
