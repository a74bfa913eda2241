#include "scene/scene.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <utility>

namespace annals::scene {
namespace {

Item label(std::string id, Box box) {
  Item it;
  it.kind = scene::ItemKind::label;
  it.id = std::move(id);
  it.box = box;
  it.event = "e";
  it.lane = "l";
  it.text = "t";
  return it;
}

Scene page_with(std::vector<Item> items) {
  Scene s;
  s.width = 200;
  s.height = 100;
  s.items = std::move(items);
  return s;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The dump's kinds are FORMAT.md §4's words, whatever the enum is called in code.
TEST(Scene, TheDumpNamesEachItemKindAsTheFormatDoes) {
  const std::pair<ItemKind, const char*> kinds[] = {
      {ItemKind::event, "event"}, {ItemKind::label, "label"}, {ItemKind::lane, "lane"},
      {ItemKind::era, "era"},     {ItemKind::marker, "marker"}, {ItemKind::axis, "axis"},
      {ItemKind::tick, "tick"},   {ItemKind::title, "title"},   {ItemKind::legend, "legend"},
      {ItemKind::group, "group"}};
  for (const auto& [kind, name] : kinds) {
    Item it;
    it.kind = kind;
    it.id = "x";
    const std::string json = to_json(page_with({it}));
    EXPECT_TRUE(contains(json, std::string("\"kind\":\"") + name + "\"")) << name << ": " << json;
    EXPECT_TRUE(contains(to_text(page_with({it})), std::string("item ") + name + " ")) << name;
  }
}

TEST(SceneJson, WritesPageSize) {
  Scene s;
  s.width = 841.89;
  s.height = 595.28;
  EXPECT_EQ(to_json(s), "{\"page\":{\"width\":841.89,\"height\":595.28},\"items\":[]}\n");
}

TEST(SceneJson, PageSaysWhatPageFittingChose) {
  Scene s;
  s.width = 841.89;
  s.height = 595.28;
  s.composed = {true, 0.8, 7.2, 7.2, 6, 34, 773.89, 500, false};
  EXPECT_EQ(to_json(s),
            "{\"page\":{\"width\":841.89,\"height\":595.28,\"scale\":0.8,\"font_size\":7.2,\"label_size\":7.2,"
            "\"min_size\":6,\"margin\":34,\"content_width\":773.89,\"content_height\":500,\"fits\":false},"
            "\"items\":[]}\n");
}

TEST(SceneJson, RoundsNumbersToHundredths) {
  const Scene s = page_with({label("a", {1.23456, 2.005001, 3.0, 0.1 + 0.2})});
  EXPECT_TRUE(contains(to_json(s), "\"box\":[1.23,2.01,3,0.3]")) << to_json(s);
}

TEST(SceneJson, NeverWritesExponentOrNegativeZero) {
  const Scene s = page_with({label("a", {1e-9, -0.001, 12345678.9, 1e7})});
  EXPECT_TRUE(contains(to_json(s), "\"box\":[0,0,12345678.9,10000000]")) << to_json(s);
}

TEST(SceneJson, EscapesQuotesBackslashesAndControlCharacters) {
  Item it = label("a", {});
  it.text = std::string("say \"hi\"\\\n\t\x01\x1f", 13);
  const std::string json = to_json(page_with({it}));
  EXPECT_TRUE(contains(json, R"("text":"say \"hi\"\\\n\t\u0001\u001f")")) << json;
}

TEST(SceneJson, PassesValidUtf8Through) {
  Item it = label("a", {});
  it.text = "Bolívia · שלום · 中国";
  EXPECT_TRUE(contains(to_json(page_with({it})), "\"text\":\"Bolívia · שלום · 中国\""));
}

TEST(SceneJson, ReplacesInvalidUtf8) {
  Item it = label("a", {});
  it.text =
      "a\xff"
      "b\xc3";
  EXPECT_TRUE(contains(to_json(page_with({it})),
                       "\"text\":\"a\xEF\xBF\xBD"
                       "b\xEF\xBF\xBD\""));
}

TEST(SceneJson, EventCarriesResolvedDates) {
  Item it;
  it.kind = scene::ItemKind::event;
  it.id = "war";
  it.event = "war";
  it.lane = "chile";
  it.title = "War of the Pacific";
  it.dates = EventDates{"1879-01-01", "1883-12-31", "year", true, false, true};
  const std::string json = to_json(page_with({it}));
  EXPECT_TRUE(contains(json,
                       "{\"kind\":\"event\",\"id\":\"war\",\"box\":[0,0,0,0],\"event\":\"war\","
                       "\"lane\":\"chile\",\"title\":\"War of the Pacific\",\"start\":\"1879-01-01\","
                       "\"end\":\"1883-12-31\",\"precision\":\"year\",\"approximate\":true,"
                       "\"uncertain\":false,\"open\":true}"))
      << json;
}

TEST(SceneJson, LabelCarriesEventLaneAndTextButNoDates) {
  const std::string json = to_json(page_with({label("a", {})}));
  EXPECT_TRUE(contains(json, "\"event\":\"e\",\"lane\":\"l\",\"text\":\"t\"}")) << json;
  EXPECT_FALSE(contains(json, "\"start\""));
  EXPECT_FALSE(contains(json, "\"title\""));
}

TEST(SceneJson, TickCarriesTextOnly) {
  Item it;
  it.kind = scene::ItemKind::tick;
  it.id = "3";
  it.text = "1880";
  EXPECT_EQ(to_json(page_with({it})),
            "{\"page\":{\"width\":200,\"height\":100},\"items\":[\n"
            "{\"kind\":\"tick\",\"id\":\"3\",\"box\":[0,0,0,0],\"text\":\"1880\"}\n]}\n");
}

TEST(SceneJson, LaneOmitsEventFields) {
  Item it;
  it.kind = scene::ItemKind::lane;
  it.id = "chile";
  const std::string json = to_json(page_with({it}));
  EXPECT_FALSE(contains(json, "\"event\":"));
  EXPECT_FALSE(contains(json, "\"lane\":"));
  EXPECT_FALSE(contains(json, "\"text\":"));
}

TEST(SceneText, WritesOneLinePerShapeAndItem) {
  Scene s = page_with({label("a", {1, 2, 3, 4})});
  s.shapes.push_back(Rect{{0, 0, 10, 5}, 2, Paint::solid({1, 0, 0, 1}), {}});
  s.shapes.push_back(Text{{1, 2, 3, 4}, "Hi", FontSpec{}, {0, 0, 0, 1}, {}});
  EXPECT_EQ(to_text(s),
            "page 200.00 100.00 background=#ffffffff\n"
            "rect 0.00 0.00 10.00 5.00 r=2.00 fill=#ff0000ff stroke=none\n"
            "text 1.00 2.00 3.00 4.00 font=\"DejaVu Sans\" 9.00 400 color=#000000ff \"Hi\"\n"
            "item label \"a\" 1.00 2.00 3.00 4.00 event=\"e\" lane=\"l\" text=\"t\"\n");
}

TEST(SceneText, WritesGradientStopsAndDashes) {
  Scene s = page_with({});
  Paint fade;
  fade.stops = {{0, {0, 0, 1, 1}}, {1, {0, 0, 1, 0}}};
  fade.from = {0, 0};
  fade.to = {10, 0};
  s.shapes.push_back(Line{{0, 0}, {0, 50}, Stroke{{0, 0, 0, 1}, 1, {4, 3}}});
  s.shapes.push_back(Rect{{0, 0, 10, 5}, 0, fade, {}});
  EXPECT_TRUE(contains(to_text(s), "line 0.00,0.00 0.00,50.00 stroke=#000000ff 1.00 dash 4.00 3.00\n"));
  EXPECT_TRUE(contains(to_text(s), "fill=linear(0.00,0.00 10.00,0.00 #0000ffff@0.00 #0000ff00@1.00)"));
}

TEST(SceneValidate, AcceptsLabelsThatOnlyTouch) {
  const Scene s =
      page_with({label("a", {0, 0, 10, 10}), label("b", {10, 0, 10, 10}), label("c", {0, 10, 10, 10})});
  EXPECT_TRUE(validate(s).empty());
}

TEST(SceneValidate, ReportsOverlappingLabels) {
  const Scene s =
      page_with({label("a", {0, 0, 10, 10}), label("b", {50, 50, 10, 10}), label("c", {5, 5, 10, 10})});
  ASSERT_EQ(validate(s).size(), 1u);
  EXPECT_EQ(validate(s)[0], "labels \"a\" and \"c\" overlap");
}

TEST(SceneValidate, ReportsOverlapWithLabelBelow) {
  const Scene s = page_with({label("a", {0, 10, 10, 10}), label("c", {5, 5, 10, 10})});
  EXPECT_EQ(validate(s).size(), 1u);
}

Item mark(std::string event, Box box) {
  Item it;
  it.kind = scene::ItemKind::event;
  it.id = event;
  it.event = std::move(event);
  it.box = box;
  return it;
}

TEST(SceneValidate, ReportsLabelCrossingAnotherEventsMark) {
  Item l = label("a", {0, 0, 50, 10});
  l.event = "a";
  const Scene s = page_with({l, mark("a", {0, 10, 5, 5}), mark("b", {40, 5, 5, 5})});
  ASSERT_EQ(validate(s).size(), 1u);
  EXPECT_EQ(validate(s)[0], "label \"a\" crosses the mark of event \"b\"");
}

TEST(SceneValidate, AcceptsLabelInsideItsOwnMark) {
  Item l = label("a", {10, 2, 20, 6});
  l.event = "a";
  EXPECT_TRUE(validate(page_with({mark("a", {0, 0, 100, 10}), l})).empty());
}

TEST(SceneValidate, FindsMarkAboveALabelBehindTallerMarks) {
  // The tall mark "t" starts above the label and reaches into it.
  Item l = label("a", {50, 40, 20, 10});
  l.event = "a";
  const Scene s = page_with({mark("t", {0, 0, 100, 45}), mark("u", {0, 60, 100, 5}), l});
  EXPECT_EQ(validate(s).size(), 1u);
}

TEST(SceneValidate, ReportsBoxOffThePage) {
  const Scene s = page_with({label("a", {195, 0, 10, 10})});
  ASSERT_EQ(validate(s).size(), 1u);
  EXPECT_TRUE(contains(validate(s)[0], "not on the page"));
}

TEST(SceneValidate, HandlesManyLabelsQuickly) {
  std::vector<Item> items;
  for (int i = 0; i < 100000; ++i)
    items.push_back(label(std::to_string(i),
                          {static_cast<double>(i % 100) * 2, static_cast<double>(i / 100) * 0.1, 2, 0.1}));
  Scene s = page_with(std::move(items));
  EXPECT_TRUE(validate(s).empty());
}

// svg.dark: each colour drawn pairs with the one at the same place in the dark version.
TEST(DarkColors, PairsEachColourWithItsCounterpartAndSplitsAColourOfTwoRoles) {
  const Color white{1, 1, 1, 1}, ink{0.1, 0.1, 0.1, 1}, charcoal{0.11, 0.12, 0.13, 1}, blue{0, 0.45, 0.7, 1};
  Scene light, dark;
  light.background = white;
  dark.background = charcoal;
  // White paper turns charcoal; white text on a blue bar stays white.
  light.shapes = {Rect{{0, 0, 10, 10}, 0, Paint::solid(blue), {}}, Text{{0, 0, 5, 5}, "a", {}, white, {}},
                  Text{{0, 0, 5, 5}, "b", {}, ink, {}}};
  dark.shapes = {Rect{{0, 0, 10, 10}, 0, Paint::solid(blue), {}}, Text{{0, 0, 5, 5}, "a", {}, white, {}},
                 Text{{0, 0, 5, 5}, "b", {}, white, {}}};
  ASSERT_TRUE(pair_colors(light, dark));
  const auto& pairs = light.metadata.dark_colors;
  ASSERT_EQ(pairs.size(), 4u);  // paper, bar, text on the bar, ink
  EXPECT_EQ(pairs[0].light, white);
  EXPECT_EQ(pairs[0].dark, charcoal);
  const Color on_bar = std::get<Text>(light.shapes[1]).color;
  EXPECT_NE(on_bar, white);                      // a copy of white, told apart ...
  EXPECT_LT(std::abs(on_bar.r - white.r), 1e-4);  // ... by far less than one 8-bit step
  EXPECT_EQ(pairs[2].light, on_bar);
  EXPECT_EQ(pairs[2].dark, white);
  EXPECT_EQ(pairs[3].light, ink);
  EXPECT_EQ(pairs[3].dark, white);
}

TEST(DarkColors, RefusesScenesThatDifferInMoreThanColour) {
  Scene light, dark;
  light.shapes = {Rect{{0, 0, 10, 10}, 0, Paint::solid({1, 0, 0, 1}), {}}};
  dark.shapes = {Circle{{5, 5}, 5, Paint::solid({0, 1, 0, 1}), {}}};
  EXPECT_FALSE(pair_colors(light, dark));
  EXPECT_TRUE(light.metadata.dark_colors.empty());
}

}  // namespace
}  // namespace annals::scene
