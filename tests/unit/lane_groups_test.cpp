// Lane groups (FORMAT.md §5.3) and the chart's language (§5.4) as the layout
// dump shows them: a `group` item per group spanning its lanes, group
// headers clear of lane headers in both orientations, dates, ticks and the
// legend in the chart's language.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <variant>
#include <vector>

#include "annals/pipeline.h"
#include "scene/scene.h"
#include "text/measurer.h"

namespace annals {
namespace {

const char* kGrouped = R"(
[timeline]
title = "Grouped"
now = 2022-12-31
orientation = "ORIENTATION"

[[lane]]
title = "MERCOSUR"
group = "The Americas"
[[lane]]
title = "OAS"
group = "The Americas"
[[lane]]
title = "Summits"
group = "The Americas"
[[lane]]
title = "Security Council"
group = "United Nations"
[[lane]]
title = "Alone"

[[event]]
title = "Association agreement"
date = 1996
lane = "MERCOSUR"
[[event]]
title = "OAS assembly in La Paz"
date = 1979
lane = "OAS"
[[event]]
title = "Summit of the Americas"
date = 1994
lane = "Summits"
[[event]]
title = "Non-permanent member"
start = 2017
end = 2018
lane = "Security Council"
[[event]]
title = "Something else"
date = 2000
lane = "Alone"
)";

std::string with(std::string text, const std::string& what, const std::string& by) {
  const auto at = text.find(what);
  if (at != std::string::npos) text.replace(at, what.size(), by);
  return text;
}

struct Laid {
  scene::Scene scene;
  Result result;
};

Laid lay_out(const std::string& text, std::vector<std::string> sets = {}) {
  Request q;
  q.input = "mem.toml";
  q.text = text;
  q.sets = std::move(sets);
  Pipeline p(q);
  const text::FakeMeasurer measurer;
  Laid out;
  if (p.load() && p.style()) p.layout(measurer);
  out.scene = p.scene();
  out.result = std::move(p).result();
  return out;
}

std::vector<const scene::Item*> items(const scene::Scene& s, scene::ItemKind kind) {
  std::vector<const scene::Item*> out;
  for (const auto& it : s.items)
    if (it.kind == kind) out.push_back(&it);
  return out;
}

const scene::Text* text_shape(const scene::Scene& s, std::string_view text) {
  for (const auto& sh : s.shapes)
    if (const auto* t = std::get_if<scene::Text>(&sh); t && t->text == text) return t;
  return nullptr;
}

bool contains(const Box& outer, const Box& inner) {
  constexpr double e = 0.01;
  return inner.x >= outer.x - e && inner.y >= outer.y - e && inner.right() <= outer.right() + e &&
         inner.bottom() <= outer.bottom() + e;
}

bool overlap(const Box& a, const Box& b) {
  return a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom();
}

class LaneGroups : public ::testing::TestWithParam<const char*> {};

TEST_P(LaneGroups, DumpHasOneGroupItemPerGroupSpanningItsLanes) {
  const Laid l = lay_out(with(kGrouped, "ORIENTATION", GetParam()));
  ASSERT_TRUE(l.result.ok()) << format(l.result.diagnostics.all().front());
  const auto groups = items(l.scene, scene::ItemKind::group);
  const auto lanes = items(l.scene, scene::ItemKind::lane);
  ASSERT_EQ(groups.size(), 2u);
  ASSERT_EQ(lanes.size(), 5u);
  EXPECT_EQ(groups[0]->text, "The Americas");
  EXPECT_EQ(groups[1]->text, "United Nations");
  for (std::size_t l0 = 0; l0 < 3; ++l0) EXPECT_TRUE(contains(groups[0]->box, lanes[l0]->box)) << l0;
  EXPECT_TRUE(contains(groups[1]->box, lanes[3]->box));
  EXPECT_FALSE(contains(groups[0]->box, lanes[3]->box));
  EXPECT_FALSE(overlap(groups[0]->box, groups[1]->box));
  // The lane without a group lies outside both.
  EXPECT_FALSE(overlap(groups[0]->box, lanes[4]->box));
  EXPECT_FALSE(overlap(groups[1]->box, lanes[4]->box));
  for (const auto* g : groups) {
    EXPECT_GE(g->box.x, 0);
    EXPECT_LE(g->box.right(), l.scene.width + 0.01);
    EXPECT_LE(g->box.bottom(), l.scene.height + 0.01);
  }
  EXPECT_NE(scene::to_json(l.scene).find(R"("kind":"group","id":"0")"), std::string::npos);
}

TEST_P(LaneGroups, GroupHeadersNeverOverlapLaneHeaders) {
  const Laid l = lay_out(with(kGrouped, "ORIENTATION", GetParam()));
  std::vector<const scene::Text*> lane_titles, group_titles;
  for (const char* t : {"MERCOSUR", "OAS", "Summits", "Security Council", "Alone"})
    if (const auto* s = text_shape(l.scene, t)) lane_titles.push_back(s);
  for (const char* t : {"The Americas", "United Nations"})
    if (const auto* s = text_shape(l.scene, t)) group_titles.push_back(s);
  ASSERT_EQ(lane_titles.size(), 5u);
  ASSERT_EQ(group_titles.size(), 2u);
  for (const auto* g : group_titles)
    for (const auto* t : lane_titles) EXPECT_FALSE(overlap(g->box, t->box)) << g->text << " / " << t->text;
  // Every lane title lies in its band; the group's title lies before the bands, in the group's box.
  const auto groups = items(l.scene, scene::ItemKind::group);
  EXPECT_TRUE(contains(groups[0]->box, group_titles[0]->box));
  EXPECT_TRUE(contains(groups[1]->box, group_titles[1]->box));
  for (const auto* lane : items(l.scene, scene::ItemKind::lane))
    for (const auto* g : group_titles) EXPECT_FALSE(overlap(lane->box, g->box)) << lane->text << " / " << g->text;
}

TEST_P(LaneGroups, ALongGroupNameOverFewLanesIsNeverCut) {
  const std::string text =
      with(with(kGrouped, "ORIENTATION", GetParam()), "group = \"United Nations\"",
           "group = \"The United Nations and its agencies, councils and missions\"");
  const Laid l = lay_out(text);
  const auto groups = items(l.scene, scene::ItemKind::group);
  ASSERT_EQ(groups.size(), 2u);
  const std::string& drawn = groups[1]->text;
  if (std::string(GetParam()) == "horizontal") {
    // Beside the lanes it wraps, and its lane grows to hold it.
    EXPECT_EQ(drawn.find("\xE2\x80\xA6"), std::string::npos) << drawn;
    std::string joined = drawn;
    std::replace(joined.begin(), joined.end(), '\n', ' ');
    EXPECT_EQ(joined, "The United Nations and its agencies, councils and missions");
  }
  for (const auto* lane : items(l.scene, scene::ItemKind::lane))
    if (lane->text == "Security Council") {
      EXPECT_TRUE(contains(groups[1]->box, lane->box));
    }
}

// Many random charts: whatever the groups, their names and their lanes,
// group headers stay clear of lane titles and of event labels, and each
// group's box holds its lanes and its header.
TEST_P(LaneGroups, RandomChartsKeepGroupHeadersClear) {
  std::mt19937 rng(7);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<std::string> words{"North", "South", "Pacific", "Andean", "Community", "of", "Nations",
                                       "and", "Treaty", "Organization", "Council"};
  for (int seed = 0; seed < 25; ++seed) {
    std::string text = std::string("[timeline]\nnow = 2022-12-31\norientation = \"") + GetParam() + "\"\n";
    const int lanes = pick(1, 7);
    int group = 0;
    for (int l = 0; l < lanes; ++l) {
      text += "[[lane]]\nid = \"l" + std::to_string(l) + "\"\ntitle = \"Lane " + std::to_string(l) + "\"\n";
      if (pick(0, 3) == 0) ++group;
      if (pick(0, 4) > 0) {
        std::string name = "G" + std::to_string(group);
        for (int w = pick(0, 6); w > 0; --w) name += " " + words[static_cast<std::size_t>(pick(0, 10))];
        text += "group = \"" + name + "\"\n";
      }
    }
    for (int e = pick(1, 20); e > 0; --e)
      text += "[[event]]\ntitle = \"Event " + std::to_string(e) + "\"\ndate = " + std::to_string(pick(1900, 2020)) +
              "\nlane = \"l" + std::to_string(pick(0, lanes - 1)) + "\"\n";
    const Laid l = lay_out(text);
    ASSERT_TRUE(l.result.ok()) << text;
    // Every line of every group header as drawn, from the group items' text.
    std::vector<std::string> group_lines;
    for (const auto* g : items(l.scene, scene::ItemKind::group)) {
      std::size_t from = 0;
      for (std::size_t nl; (nl = g->text.find('\n', from)) != std::string::npos; from = nl + 1)
        group_lines.push_back(g->text.substr(from, nl - from));
      group_lines.push_back(g->text.substr(from));
    }
    std::vector<const scene::Text*> group_titles, lane_titles;
    for (const auto& sh : l.scene.shapes)
      if (const auto* t = std::get_if<scene::Text>(&sh)) {
        if (std::find(group_lines.begin(), group_lines.end(), t->text) != group_lines.end()) group_titles.push_back(t);
        if (t->text.starts_with("Lane ")) lane_titles.push_back(t);
      }
    EXPECT_GE(group_titles.size(), group_lines.size()) << text;
    for (const auto* g : group_titles) {
      for (const auto* t : lane_titles) EXPECT_FALSE(overlap(g->box, t->box)) << g->text << " / " << t->text << "\n" << text;
      for (const auto* label : items(l.scene, scene::ItemKind::label))
        EXPECT_FALSE(overlap(g->box, label->box)) << g->text << " / " << label->text << "\n" << text;
      EXPECT_GE(g->box.x, 0);
      EXPECT_LE(g->box.right(), l.scene.width + 0.01);
    }
    const auto groups = items(l.scene, scene::ItemKind::group);
    for (const auto* g : groups) {
      const bool holds_title = std::any_of(group_titles.begin(), group_titles.end(),
                                           [&](const scene::Text* t) { return contains(g->box, t->box); });
      EXPECT_TRUE(holds_title) << g->text << "\n" << text;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(BothOrientations, LaneGroups, ::testing::Values("horizontal", "vertical"));

TEST(LaneGroupsLayout, ChartsWithoutGroupsHaveNoGroupItems) {
  const Laid l = lay_out("[[event]]\ntitle = \"a\"\ndate = 1990\n");
  EXPECT_TRUE(items(l.scene, scene::ItemKind::group).empty());
}

TEST(LaneGroupsLayout, GroupsOfLanesWithoutTitlesStillHaveTheirHeader) {
  const Laid l = lay_out("[[lane]]\nid = \"a\"\ngroup = \"G\"\n[[lane]]\nid = \"b\"\ngroup = \"G\"\n"
                         "[[event]]\ntitle = \"e\"\ndate = 1990\nlane = \"a\"\n");
  const auto groups = items(l.scene, scene::ItemKind::group);
  ASSERT_EQ(groups.size(), 1u);
  ASSERT_NE(text_shape(l.scene, "G"), nullptr);
  EXPECT_TRUE(contains(groups[0]->box, text_shape(l.scene, "G")->box));
}

// ---------------------------------------------------------------- languages in the dump

const char* kSpanish = R"(
[timeline]
title = "Bolivia"
locale = "es"
now = 2022-12-31
[[event]]
title = "Resolución ES-11/1"
date = "2 de marzo de 2022"
[[event]]
title = "Cuba"
date = "década de 1960"
[[event]]
title = "Demanda marítima"
start = 1884
end = "presente"
[[event]]
title = "Guerra"
start = "siglo XIX"
end = 1883
)";

std::vector<std::string> texts(const scene::Scene& s, scene::ItemKind kind) {
  std::vector<std::string> out;
  for (const auto* it : items(s, kind)) out.push_back(it->text);
  return out;
}

bool any_starts(const std::vector<std::string>& v, const std::string& prefix) {
  return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.starts_with(prefix); });
}

TEST(Languages, SpanishLabelsAndLegendReadInSpanish) {
  const Laid l = lay_out(kSpanish);
  ASSERT_TRUE(l.result.ok());
  const auto labels = texts(l.scene, scene::ItemKind::label);
  EXPECT_TRUE(any_starts(labels, "2 mar 2022")) << labels.front();  // the date may have a line of its own
  EXPECT_TRUE(any_starts(labels, "década de 1960 · "));
  EXPECT_TRUE(any_starts(labels, "1884–presente · "));
  EXPECT_TRUE(any_starts(labels, "siglo XIX–1883 · "));
  const auto legend = texts(l.scene, scene::ItemKind::legend);
  EXPECT_NE(std::find(legend.begin(), legend.end(), "en curso"), legend.end());
  EXPECT_NE(std::find(legend.begin(), legend.end(), "fecha imprecisa (todo su intervalo)"), legend.end());
}

TEST(Languages, TicksUseTheChartsMonthNames) {
  // Two years: months under their years, in the stand-alone form German gives a month on its own.
  const Laid l = lay_out("[timeline]\nlocale = \"de\"\n[[event]]\ntitle = \"a\"\nstart = 2021-01-10\n"
                         "end = 2022-12-20\n");
  ASSERT_TRUE(l.result.ok());
  const auto ticks = texts(l.scene, scene::ItemKind::tick);
  EXPECT_NE(std::find(ticks.begin(), ticks.end(), "Okt"), ticks.end());
  EXPECT_EQ(std::find(ticks.begin(), ticks.end(), "Oct"), ticks.end());
}

TEST(Languages, SetLocaleOnTheCommandLineRelabelsAnEnglishFile) {
  const Laid l = lay_out("[[event]]\ntitle = \"a\"\ndate = 2022-03-02\n", {"locale=fr"});
  ASSERT_TRUE(l.result.ok());
  EXPECT_TRUE(any_starts(texts(l.scene, scene::ItemKind::label), "2 mars 2022 · "));
}

TEST(Languages, UnknownLocaleOnTheCommandLineIsTheRequestsFault) {
  const Laid l = lay_out("[[event]]\ntitle = \"a\"\ndate = 2022-03-02\n", {"locale=klingon"});
  EXPECT_EQ(l.result.status, Status::bad_request);
  ASSERT_FALSE(l.result.diagnostics.all().empty());
  EXPECT_NE(l.result.diagnostics.all().front().message.find("unknown locale 'klingon'"), std::string::npos)
      << l.result.diagnostics.all().front().message;
}

TEST(Languages, EnglishStaysTheDefault) {
  const Laid l = lay_out("[[event]]\ntitle = \"a\"\ndate = 2022-03-02\n");
  EXPECT_TRUE(any_starts(texts(l.scene, scene::ItemKind::label), "2 Mar 2022 · "));
}

}  // namespace
}  // namespace annals
