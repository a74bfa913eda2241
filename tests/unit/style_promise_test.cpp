// The colour promises of the styles: `print` is grey and `dark` keeps lane
// colours at 3:1 against its ground, even when the timeline sets its own
// colours. The pure functions first, then real renders checked on pixels.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "annals/pipeline.h"
#include "base/diagnostics.h"
#include "load/load.h"
#include "raster.h"
#include "render/render.h"
#include "style/style.h"

namespace annals {
namespace {

Color hex(std::string_view s) { return *style::parse_color(s); }

style::Style builtin(const std::string& name) {
  Diagnostics diags;
  auto s = load::style_named(name, ".", {}, diags);
  EXPECT_TRUE(s.has_value()) << name;
  return s ? *s : style::defaults();
}

bool is_grey(const Color& c) { return c.r == c.g && c.g == c.b; }

TEST(GreyOf, KeepsTheLightnessAndTheAlpha) {
  const Color red{0.8, 0.1, 0.1, 0.5};
  const Color g = style::grey_of(red);
  EXPECT_TRUE(is_grey(g));
  EXPECT_DOUBLE_EQ(g.a, 0.5);
  EXPECT_NEAR(style::contrast_ratio({g.r, g.g, g.b, 1}, {red.r, red.g, red.b, 1}), 1.0, 0.01);
  EXPECT_EQ(style::grey_of(hex("#777777")), hex("#777777"));
}

TEST(PromisedLaneColor, PrintTakesItsGreysInLaneOrderWhateverTheTimelineSets) {
  const style::Style print = builtin("print");
  ASSERT_TRUE(print.grey_only);
  // Three saturated lane colours of nearly one lightness: their own greys would be indistinguishable.
  const Color set[] = {hex("#b03a2e"), hex("#2e86c1"), hex("#229954")};
  std::vector<Color> drawn;
  for (std::size_t i = 0; i < 3; ++i) drawn.push_back(style::promised_lane_color(print, i, set[i]));
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_TRUE(is_grey(drawn[i]));
    EXPECT_EQ(drawn[i], print.palette[i]);
  }
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = i + 1; j < 3; ++j) EXPECT_GE(std::abs(drawn[i].r - drawn[j].r), 0.15) << i << j;
}

TEST(PromisedLaneColor, DarkLiftsAColourUnderThreeToOneAndKeepsTheOthers) {
  const style::Style dark = builtin("dark");
  ASSERT_DOUBLE_EQ(dark.min_contrast, 3);
  const Color navy = hex("#1a237e");
  ASSERT_LT(style::contrast_ratio(navy, dark.page.background), 3);
  const Color lifted = style::promised_lane_color(dark, 0, navy);
  EXPECT_GE(style::contrast_ratio(lifted, dark.page.background), 3);
  EXPECT_GE(style::contrast_ratio(lifted, dark.lane.band), 3);
  EXPECT_GT(lifted.b, lifted.r);  // still a blue
  const Color sky = hex("#56b4e9");
  EXPECT_EQ(style::promised_lane_color(dark, 0, sky), sky);
}

TEST(PromisedLaneColor, DefaultPromisesNothingAndKeepsTimelineColours) {
  const style::Style s = style::defaults();
  EXPECT_EQ(style::promised_lane_color(s, 2, hex("#ffee00")), hex("#ffee00"));
  EXPECT_EQ(style::promised_color(s, hex("#ffee00")), hex("#ffee00"));
}

TEST(PromisedColor, PrintTurnsEventEraAndMarkerColoursGrey) {
  const style::Style print = builtin("print");
  Diagnostics diags;
  const auto e = style::event_style(print, print.palette[0], {}, {}, {{"event.color", std::string("#ff0000"), {}}},
                                    {}, diags);
  EXPECT_TRUE(is_grey(e.color));
  const auto era = style::era_style(print, {{"era.fill", std::string("#00ff00"), {}}}, diags);
  EXPECT_TRUE(is_grey(era.fill));
  const auto marker = style::marker_style(print, {{"marker.color", std::string("#0000ff"), {}}}, diags);
  EXPECT_TRUE(is_grey(marker.color));
  EXPECT_FALSE(diags.has_errors());
}

// --- pixels ----------------------------------------------------------------

constexpr std::string_view kColouredLanes = R"(
[timeline]
title = "Lanes in colours of their own"
now = 2000-01-01

[[lane]]
id = "a"
title = "Navy"
color = "#1a237e"

[[lane]]
id = "b"
title = "Red"
color = "#b03a2e"

[[lane]]
id = "c"
title = "Blue"
color = "#2e86c1"

[[lane]]
id = "d"
title = "Green"
color = "#229954"

[[event]]
title = "A long span"
start = 1900
end = 1960
lane = "a"

[[event]]
title = "A point"
date = 1975
lane = "a"

[[event]]
title = "Second span"
start = 1910
end = 1950
lane = "b"

[[event]]
title = "Third span"
start = 1920
end = 1990
lane = "c"

[[event]]
title = "Fourth span"
start = 1905
end = 1945
lane = "d"

[[event]]
title = "Own colour"
date = 1980
lane = "d"
color = "#4a148c"
)";

struct Rendered {
  scene::Scene scene;
  render::Raster raster;
  Color background;
};

// `annals render lanes.toml --style STYLE -o x.png --dpi 72`, with the scene it drew.
Rendered render_in(const std::string& style_name) {
  Request request;
  request.input = "lanes.toml";
  request.text = kColouredLanes;
  request.style = style_name;
  request.outputs = {{Format::png, "x.png"}};
  request.dpi = 72;
  Pipeline p(request);
  const render::Renderer renderer;
  std::optional<std::string> png;
  if (p.load() && p.style() && p.layout(renderer.measurer())) png = p.draw(0, renderer);
  Rendered out{p.scene(), {}, builtin(style_name).page.background};
  const Result result = std::move(p).result();
  for (const auto& d : result.diagnostics.all()) EXPECT_NE(d.severity, Severity::error) << format(d);
  EXPECT_TRUE(png.has_value());
  out.raster = render::decode_png(png.value_or("")).value_or(render::Raster{});
  return out;
}

Color color_of(std::uint32_t argb) {
  const double a = ((argb >> 24) & 0xFF) / 255.0;
  const auto ch = [&](int shift) { return a > 0 ? ((argb >> shift) & 0xFF) / 255.0 / a : 0.0; };
  return {ch(16), ch(8), ch(0), a};
}

// The colour covering most of an item's box: a bar's or a mark's fill.
Color dominant(const render::Raster& r, const Box& b) {
  std::map<std::uint32_t, int> counts;
  for (int y = static_cast<int>(std::ceil(b.y)); y < static_cast<int>(b.y + b.h); ++y)
    for (int x = static_cast<int>(std::ceil(b.x)); x < static_cast<int>(b.x + b.w); ++x)
      if (x >= 0 && y >= 0 && x < r.width && y < r.height) ++counts[r.at(x, y)];
  const auto best = std::max_element(counts.begin(), counts.end(),
                                     [](const auto& a, const auto& c) { return a.second < c.second; });
  return best == counts.end() ? Color::none() : color_of(best->first);
}

TEST(StylePromisePixels, PrintIsGreyWithLaneColoursSet) {
  const Rendered r = render_in("print");
  ASSERT_GT(r.raster.width, 0);
  std::size_t coloured = 0;
  for (const std::uint32_t p : r.raster.pixels) {
    const int red = (p >> 16) & 0xFF, green = (p >> 8) & 0xFF, blue = p & 0xFF;
    coloured += std::max({red, green, blue}) - std::min({red, green, blue}) > 1;
  }
  EXPECT_EQ(coloured, 0u) << "of " << r.raster.pixels.size() << " pixels";
  // And the four lanes' bars print as four different greys.
  std::map<std::string, double> lightness;
  for (const auto& it : r.scene.items)
    if (it.kind == scene::ItemKind::event && it.box.w > 20) lightness[it.lane] = dominant(r.raster, it.box).r;
  ASSERT_EQ(lightness.size(), 4u);
  std::vector<double> values;
  for (const auto& [lane, v] : lightness) values.push_back(v);
  std::sort(values.begin(), values.end());
  for (std::size_t i = 1; i < values.size(); ++i) EXPECT_GE(values[i] - values[i - 1], 0.1) << i;
}

TEST(StylePromisePixels, DarkLaneColoursReadAtThreeToOne) {
  const Rendered r = render_in("dark");
  ASSERT_GT(r.raster.width, 0);
  int marks = 0;
  for (const auto& it : r.scene.items) {
    if (it.kind != scene::ItemKind::event) continue;
    const Color drawn = dominant(r.raster, it.box);
    EXPECT_GE(style::contrast_ratio(drawn, r.background), 3.0 - 0.02)
        << it.id << " drawn as " << drawn.r << "," << drawn.g << "," << drawn.b;
    ++marks;
  }
  EXPECT_EQ(marks, 6);
}

}  // namespace
}  // namespace annals
