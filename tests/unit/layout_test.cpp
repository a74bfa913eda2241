#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "events.h"
#include "layout/rows/event_plan.h"
#include "layout/labels/label_text.h"
#include "layout/layout.h"
#include "layout/page/type_scale.h"
#include "layout/rows/packing.h"
#include "layout/assembly/shapes.h"
#include "style/style.h"
#include "styled/resolve.h"
#include "text/measurer.h"

namespace annals::layout {
namespace {

constexpr dates::Seconds kDay = 86'400;

dates::Date year(std::int64_t y) { return std::get<dates::Date>(dates::from_year(y)); }
dates::Date parsed(std::string_view s) { return std::get<dates::Date>(dates::parse(s)); }

using test::point;
using test::span;

struct Chart {
  model::Timeline timeline;
  style::Style style = style::defaults();
  Options options;
  styled::Options styling;
  text::FakeMeasurer measurer;
  Diagnostics diags;

  Chart() {
    timeline.file = "test.toml";
    timeline.lanes.push_back({"main", "", {}, {}});
    style.page.size = "auto";
    style.page.width = 600;
    styling.now = std::get<dates::Date>(dates::from_ymd(2022, 12, 31));
    timeline.header.scale = model::ScaleKind::linear;
  }
  void add(model::Event e) {
    e.index = timeline.events.size();
    timeline.events.push_back(std::move(e));
  }
  Detailed run() { return layout_detailed(styled::resolve(timeline, style, styling, diags), options, measurer, diags); }
};

const scene::Item& item(const scene::Scene& s, std::string_view kind, std::string_view id) {
  const auto it = std::find_if(s.items.begin(), s.items.end(),
                               [&](const scene::Item& i) { return scene::to_string(i.kind) == kind && i.id == id; });
  EXPECT_NE(it, s.items.end()) << kind << " " << id;
  return *it;
}

std::size_t count_kind(const scene::Scene& s, std::string_view kind) {
  return static_cast<std::size_t>(
      std::count_if(s.items.begin(), s.items.end(),
                    [&](const scene::Item& i) { return scene::to_string(i.kind) == kind; }));
}

const scene::Text* text_shape(const scene::Scene& s, std::string_view text) {
  for (const auto& sh : s.shapes)
    if (const auto* t = std::get_if<scene::Text>(&sh); t && t->text == text) return t;
  return nullptr;
}

TEST(Packing, OverlappingExtentsTakeTwoRows) {
  const std::vector<Extent> e{{0, 10}, {5, 15}};
  EXPECT_EQ(first_fit(e).rows, 2u);
}

TEST(Packing, TouchingExtentsShareARow) {
  const std::vector<Extent> e{{0, 10}, {10, 20}};
  const auto p = first_fit(e);
  EXPECT_EQ(p.rows, 1u);
  EXPECT_EQ(p.row_of[1], 0u);
}

TEST(Packing, FirstFitReusesTheLowestFreeRow) {
  const std::vector<Extent> e{{0, 10}, {1, 4}, {2, 30}, {5, 8}};
  const auto p = first_fit(e);
  EXPECT_EQ(p.row_of[3], 1u);  // row 1 is free again at 5; row 0 is not
  EXPECT_EQ(p.rows, 3u);
}

TEST(Packing, TimeOrderedStacksAStaircaseDownward) {
  // A rollout: each stage starts later and all run to the end.
  const std::vector<Extent> e{{0, 100}, {10, 100}, {20, 100}, {30, 100}};
  const auto p = time_ordered(e);
  EXPECT_EQ(p.rows, 4u);
  for (std::size_t i = 0; i < e.size(); ++i) EXPECT_EQ(p.row_of[i], i);
}

TEST(Packing, TimeOrderedPutsTheLaterBelowWhereFirstFitGoesAbove) {
  // Four deep: first fit puts the last extent back on row 0, above the three
  // it overlaps; reading in time puts it below them, on the fifth row the
  // budget allows.
  const std::vector<Extent> e{{0, 10}, {1, 60}, {2, 50}, {5, 30}, {12, 40}};
  EXPECT_EQ(first_fit(e).row_of[4], 0u);
  const auto p = time_ordered(e);
  EXPECT_EQ(p.row_of[3], 3u);
  EXPECT_EQ(p.row_of[4], 4u);
  EXPECT_EQ(p.rows, 5u);
}

TEST(Packing, TimeOrderedRestartsAtTheTopWithinTheBudget) {
  // A chain of successors, each overlapping the next only: two deep, so two
  // rows, and the staircase alternates rather than growing.
  std::vector<Extent> e;
  for (int i = 0; i < 12; ++i) e.push_back({10.0 * i, 10.0 * i + 15});
  const auto p = time_ordered(e);
  EXPECT_EQ(p.rows, 2u);
  for (std::size_t i = 1; i < e.size(); ++i) EXPECT_NE(p.row_of[i], p.row_of[i - 1]);
}

TEST(Packing, TimeOrderedNeverExceedsItsBudget) {
  std::vector<Extent> e;
  for (int i = 0; i < 200; ++i) e.push_back({double((i * 37) % 101), double((i * 37) % 101 + 5 + i % 23)});
  const auto p = time_ordered(e);
  EXPECT_LE(p.rows, row_budget(max_overlap(e)));
  EXPECT_GE(p.rows, max_overlap(e));
  // No two overlapping extents share a row.
  for (std::size_t a = 0; a < e.size(); ++a)
    for (std::size_t b = a + 1; b < e.size(); ++b)
      if (e[a].begin < e[b].end - 1e-9 && e[b].begin < e[a].end - 1e-9) {
        EXPECT_NE(p.row_of[a], p.row_of[b]);
      }
}

TEST(Packing, TimeOrderedFollowsMarksNotTheLabelsBeforeThem) {
  // A year's mark labelled after it, and a span from the same year on,
  // labelled before it: the span's room starts first, its mark later, so
  // the span goes below.
  const std::vector<Extent> e{{10, 40}, {-20, 60}};
  const std::vector<Extent> marks{{10, 13}, {11, 59}};
  EXPECT_EQ(first_fit(e).row_of[1], 0u);
  const auto p = time_ordered(e, marks);
  EXPECT_EQ(p.rows, 2u);
  EXPECT_LT(p.row_of[0], p.row_of[1]);
}

TEST(Packing, TimeOrderedPutsTheLaterBelowWhereOnlyLabelsMeet) {
  // Three years labelled after their dots, each label running past the next
  // dot, and a cluster four deep later on that allows five rows. The third
  // fits the top row again once the first label ends, but the second's label
  // still runs there: read in time, the third goes below the second.
  const std::vector<Extent> e{{0, 30}, {10, 40}, {35, 60}, {100, 140}, {102, 140}, {104, 140}, {106, 140}};
  const std::vector<Extent> marks{{0, 1}, {10, 11}, {35, 36}, {100, 101}, {102, 103}, {104, 105}, {106, 107}};
  const auto p = time_ordered(e, marks);
  EXPECT_LT(p.row_of[0], p.row_of[1]);
  EXPECT_LT(p.row_of[1], p.row_of[2]);
  for (std::size_t i = 4; i < e.size(); ++i) EXPECT_LT(p.row_of[i - 1], p.row_of[i]);
}

TEST(Packing, TimeOrderedKeepsTheOrderOfMarksBeforeThatOfLabels) {
  // Two rows for three events: the span at 10 overlaps the long one's mark
  // and must lie below it, so the early year whose label alone meets the
  // long one goes below it too, out of the labels' order.
  const std::vector<Extent> e{{0, 12}, {5, 100}, {50, 90}};
  const std::vector<Extent> marks{{0, 2}, {5, 100}, {50, 60}};
  const auto p = time_ordered(e, marks);
  EXPECT_EQ(p.rows, 2u);
  EXPECT_LT(p.row_of[1], p.row_of[2]);
}

TEST(Packing, TimeOrderedKeepsItsBudgetWhenLabelsRunBeforeMarks) {
  // Labels before their marks make the order of marks differ from that of
  // room; the rows still fit, within the budget, and overlapping marks still
  // read in time order far more often than not.
  std::vector<Extent> e, marks;
  for (int i = 0; i < 300; ++i) {
    const double at = double((i * 37) % 211), length = 2 + i % 17, label = 4 + i % 11;
    marks.push_back({at, at + length});
    e.push_back(i % 3 == 0 ? Extent{at - label, at + length} : Extent{at, at + length + label});
  }
  const auto p = time_ordered(e, marks);
  EXPECT_LE(p.rows, row_budget(max_overlap(e)));
  EXPECT_GE(p.rows, max_overlap(e));
  // Overlapping marks whose later one sits below.
  const auto in_order = [&](const Packing& q) {
    int n = 0;
    for (std::size_t a = 0; a < e.size(); ++a)
      for (std::size_t b = 0; b < e.size(); ++b)
        n += marks[a].begin < marks[b].begin && marks[b].begin < marks[a].end && q.row_of[b] > q.row_of[a];
    return n;
  };
  for (std::size_t a = 0; a < e.size(); ++a)
    for (std::size_t b = a + 1; b < e.size(); ++b)
      if (e[a].begin < e[b].end - 1e-9 && e[b].begin < e[a].end - 1e-9) {
        EXPECT_NE(p.row_of[a], p.row_of[b]);
      }
  EXPECT_GT(in_order(p), in_order(first_fit(e)) * 5 / 4);
}

TEST(Packing, TimeOrderedKeepsItsGuaranteesWhenALaneIsHundredsDeep) {
  // Nearly every mark overlaps every other: polishing such a lane stops
  // early, and what it leaves still fits, within the budget, no row empty,
  // and reads in time order more often than first fit.
  std::vector<Extent> e, marks;
  for (int i = 0; i < 360; ++i) {
    const double at = double((i * 89) % 400), length = 45 + i % 21, label = 250 + i % 13;
    marks.push_back({at, at + length});
    e.push_back(i % 4 == 0 ? Extent{at - label, at + length} : Extent{at, at + length + label});
  }
  ASSERT_GT(max_overlap(e), 200u);
  const auto p = time_ordered(e, marks);
  EXPECT_LE(p.rows, row_budget(max_overlap(e)));
  EXPECT_GE(p.rows, max_overlap(e));
  std::vector<int> used(p.rows, 0);
  for (const auto r : p.row_of) used.at(r) = 1;
  EXPECT_EQ(std::count(used.begin(), used.end(), 1), static_cast<long>(p.rows));
  std::size_t clashes = 0;
  for (std::size_t a = 0; a < e.size(); ++a)
    for (std::size_t b = a + 1; b < e.size(); ++b)
      clashes += e[a].begin < e[b].end - 1e-9 && e[b].begin < e[a].end - 1e-9 && p.row_of[a] == p.row_of[b];
  EXPECT_EQ(clashes, 0u);
  const auto in_order = [&](const Packing& q) {
    int n = 0;
    for (std::size_t a = 0; a < e.size(); ++a)
      for (std::size_t b = 0; b < e.size(); ++b)
        n += marks[a].begin < marks[b].begin && marks[b].begin < marks[a].end && q.row_of[b] > q.row_of[a];
    return n;
  };
  EXPECT_GT(in_order(p), in_order(first_fit(e)));
}

TEST(Packing, TimeOrderedLeavesNoRowEmpty) {
  std::vector<Extent> e, marks;
  for (int i = 0; i < 120; ++i) {
    const double at = double((i * 53) % 97);
    marks.push_back({at, at + 3 + i % 7});
    e.push_back(i % 2 ? Extent{at - 6, at + 3 + i % 7} : Extent{at, at + 9 + i % 7});
  }
  const auto p = time_ordered(e, marks);
  std::vector<int> used(p.rows, 0);
  for (const auto r : p.row_of) used.at(r) = 1;
  EXPECT_EQ(std::count(used.begin(), used.end(), 1), static_cast<long>(p.rows));
}

TEST(Packing, TimeOrderedKeepsDisjointExtentsOnOneRow) {
  const std::vector<Extent> e{{0, 10}, {10, 20}, {30, 40}};
  EXPECT_EQ(time_ordered(e).rows, 1u);
}

TEST(Packing, RowBudgetAllowsAQuarterMore) {
  EXPECT_EQ(row_budget(1), 1u);
  EXPECT_EQ(row_budget(3), 3u);
  EXPECT_EQ(row_budget(4), 5u);
  EXPECT_EQ(row_budget(8), 10u);
}

TEST(Packing, MaxOverlapCountsOnlyRealOverlap) {
  const std::vector<Extent> e{{0, 10}, {10, 20}, {5, 12}};
  EXPECT_EQ(max_overlap(e), 2u);
}

TEST(Rows, OverlappingEventsTakeTwoRows) {
  Chart c;
  c.style.event.show_dates = false;
  c.add(span("A", year(1900), year(1950)));
  c.add(span("B", year(1920), year(1970)));
  EXPECT_EQ(c.run().lanes[0].rows, 2u);
}

// Spans that meet in time (1900–1949, 1950–1999) would read as one bar in
// one row: they go to another row, or keep a visible gap between them.
TEST(Rows, SpansThatMeetInTimeNeverReadAsOneBar) {
  Chart c;
  c.style.event.show_dates = false;
  c.add(span("A", year(1900), year(1949)));
  c.add(span("B", year(1950), year(1999)));
  const auto d = c.run();
  const auto &a = item(d.scene, "event", "0").box, &b = item(d.scene, "event", "1").box;
  const bool same_row = std::abs(a.y - b.y) < 1e-6;
  EXPECT_TRUE(!same_row || b.x - a.right() >= c.style.event.label_gap - 1e-6);
  EXPECT_EQ(d.lanes[0].rows, 2u);
}

TEST(Rows, VerticalSpansThatMeetInTimeNeverReadAsOneBar) {
  Chart c;
  c.timeline.header.orientation = model::Orientation::vertical;
  c.style.event.show_dates = false;
  c.add(span("A", year(1879), year(1883)));
  c.add(span("B", year(1884), parsed("present")));
  const auto d = c.run();
  const auto &a = item(d.scene, "event", "0").box, &b = item(d.scene, "event", "1").box;
  const bool same_column = std::abs(a.x - b.x) < 1e-6;
  EXPECT_TRUE(!same_column || b.y - a.bottom() >= c.style.event.label_gap - 1e-6);
}

TEST(Labels, PointNearTheRightEdgeIsLabelledOnTheLeft) {
  Chart c;
  c.add(point("Early", year(1900)));
  c.add(point("A late event with a fairly long title", year(2000)));
  const auto s = c.run().scene;
  const auto& mark = item(s, "event", "1");
  const auto& label = item(s, "label", "1");
  EXPECT_LE(label.box.right(), mark.box.x);
}

TEST(Labels, PointIsLabelledOnTheRightByDefault) {
  Chart c;
  c.add(point("Early", year(1900)));
  c.add(point("Late", year(2000)));
  const auto s = c.run().scene;
  EXPECT_GE(item(s, "label", "0").box.x, item(s, "event", "0").box.right());
}

TEST(Labels, WithNoRoomOnEitherSideGoBelowTiedByALeader) {
  Chart c;
  c.style.page.width = 160;
  c.add(point("A", year(1900)));
  c.add(point("Middle event with a title", year(1950)));
  c.add(point("B", year(2000)));
  const auto s = c.run().scene;
  const auto& mark = item(s, "event", "1");
  const auto& label = item(s, "label", "1");
  EXPECT_GE(label.box.y, mark.box.bottom());
  const bool leader = std::any_of(s.shapes.begin(), s.shapes.end(), [&](const scene::Shape& sh) {
    const auto* l = std::get_if<scene::Line>(&sh);
    return l && std::abs(l->from.y - mark.box.bottom()) < 1e-6 && std::abs(l->to.y - label.box.y) < 1e-6;
  });
  EXPECT_TRUE(leader);
}

TEST(Labels, StyleCanAskForLabelsAboveTheirMarks) {
  Chart c;
  c.style.event.label_position = style::LabelPosition::above;
  c.add(point("Early", year(1900)));
  c.add(point("Late", year(2000)));
  const auto s = c.run().scene;
  EXPECT_LE(item(s, "label", "0").box.bottom(), item(s, "event", "0").box.y);
}

TEST(Labels, CarryTheDateBeforeTheTitle) {
  Chart c;
  c.add(point("Founding", year(1879)));
  const auto s = c.run().scene;
  EXPECT_EQ(item(s, "label", "0").text, "1879 \u00b7 Founding");
}

TEST(Labels, LongTitleWrapsAtWordsThenEndsWithAnEllipsis) {
  const text::FakeMeasurer m;
  LabelRequest r;
  r.title = "one two three four five six seven eight nine ten eleven twelve";
  r.font.size = 10;  // 6 pt per character
  r.max_width = 60;  // ten characters
  r.max_lines = 2;
  const auto t = compose_label(r, m);
  ASSERT_EQ(t.lines.size(), 2u);
  EXPECT_EQ(t.lines[0].text, "one two");
  EXPECT_TRUE(t.shortened);
  EXPECT_TRUE(t.joined().ends_with("\u2026"));
  EXPECT_LE(t.width, 60.0);
}

TEST(Labels, DateRunIsQuieterThanTheTitle) {
  const text::FakeMeasurer m;
  LabelRequest r;
  r.date = "1879";
  r.title = "War";
  r.date_color = {0.5, 0.5, 0.5, 1};
  r.title_color = {0, 0, 0, 1};
  r.max_width = 500;
  const auto t = compose_label(r, m);
  ASSERT_EQ(t.lines.size(), 1u);
  EXPECT_EQ(t.lines[0].text, "1879 \u00b7 War");
  EXPECT_EQ(t.lines[0].date_end, std::string_view("1879 \u00b7 ").size());
  EXPECT_EQ(t.date_color, r.date_color);
  EXPECT_EQ(t.title_color, r.title_color);
}

TEST(Labels, DateAndTitleAreOneTextWithTheDateInItsOwnColour) {
  Chart c;
  c.add(point("Founding", year(1879)));
  const auto s = c.run().scene;
  std::vector<const scene::Text*> texts;
  for (const auto& shape : s.shapes)
    if (const auto* t = std::get_if<scene::Text>(&shape); t && t->text.find("Founding") != std::string::npos)
      texts.push_back(t);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0]->text, "1879 \u00b7 Founding");
  ASSERT_EQ(texts[0]->spans.size(), 1u);
  EXPECT_EQ(texts[0]->spans[0].begin, 0u);
  EXPECT_EQ(texts[0]->spans[0].end, std::string_view("1879 \u00b7 ").size());
  EXPECT_NE(texts[0]->spans[0].color, texts[0]->color);
}

TEST(Labels, AWordWiderThanTheLineIsBrokenBetweenCharacters) {
  const text::FakeMeasurer m;
  LabelRequest r;
  r.title = "abcdefghijklmnopqrstuvwxyz";
  r.font.size = 10;
  r.max_width = 60;
  r.max_lines = 5;
  const auto t = compose_label(r, m);
  EXPECT_EQ(t.joined(), "abcdefghij\nklmnopqrst\nuvwxyz");
}

TEST(Labels, EllipsisKeepsTheLongestPrefixThatFits) {
  const text::FakeMeasurer m;
  FontSpec f;
  f.size = 10;
  EXPECT_EQ(ellipsize("abcdefghij", 36, f, m), "abcde\u2026");
  EXPECT_EQ(ellipsize("abc", 36, f, m), "abc");
}

TEST(Labels, ShortenedLabelKeepsTheFullTitleOnTheEvent) {
  Chart c;
  const std::string title(400, 'x');
  c.add(point(title, year(1950)));
  const auto s = c.run().scene;
  EXPECT_EQ(item(s, "event", "0").title, title);
  EXPECT_TRUE(item(s, "label", "0").text.ends_with("\u2026"));
  EXPECT_EQ(c.diags.warning_count(), 1u);
}

// What the "…" stands for goes with the line, so a PDF copies the whole title.
TEST(Labels, ShortenedLabelsLastLineCarriesTheRestOfItsTitle) {
  Chart c;
  std::string title;
  for (int i = 0; i < 80; ++i) title += i == 0 ? "word" : " word";
  c.add(point(title, year(1950)));
  const auto s = c.run().scene;
  std::string drawn;
  const scene::Text* last = nullptr;
  for (const auto& shape : s.shapes)
    if (const auto* t = std::get_if<scene::Text>(&shape); t && t->text.find("word") != std::string::npos) {
      drawn += (drawn.empty() ? "" : " ") + t->text;
      last = t;
    }
  ASSERT_NE(last, nullptr);
  ASSERT_TRUE(drawn.ends_with("\u2026"));
  EXPECT_FALSE(last->elided.empty());
  drawn.resize(drawn.size() - std::string_view("\u2026").size());
  EXPECT_TRUE((drawn + last->elided).ends_with(title)) << drawn << " + " << last->elided;
}

TEST(Spans, LabelGoesInsideAWideEnoughBar) {
  Chart c;
  c.style.event.show_dates = false;
  c.add(span("Reign", year(1900), year(1990)));
  c.add(point("Other", year(2000)));
  const auto s = c.run().scene;
  EXPECT_TRUE(item(s, "event", "0").box.contains(item(s, "label", "0").box));
}

TEST(Spans, LabelGoesBesideANarrowBar) {
  Chart c;
  c.add(span("A rather long title for a short reign", year(1900), year(1901)));
  c.add(point("Other", year(2000)));
  const auto s = c.run().scene;
  EXPECT_FALSE(item(s, "event", "0").box.overlaps(item(s, "label", "0").box));
}

TEST(Spans, NeverNarrowerThanTwoPoints) {
  Chart c;
  dates::Date a = std::get<dates::Date>(dates::from_ymd_hms(1900, 1, 1, 0, 0, 0));
  c.add(span("Instant", a, a));
  c.add(point("Other", year(2000)));
  const auto s = c.run().scene;
  EXPECT_GE(item(s, "event", "0").box.w, 2.0);
}

TEST(Uncertainty, DecadeIsDrawnAcrossItsTenYears) {
  Chart c;
  c.add(point("Border talks", parsed("1960s")));
  c.add(point("Start", year(1900)));
  c.add(point("End", year(2000)));
  const auto s = c.run().scene;
  const auto& decade = item(s, "event", "0");
  const auto& year_mark = item(s, "event", "1");
  // Ten years on a century-long axis is a tenth of it, far wider than a dot.
  EXPECT_GT(decade.box.w, 5 * year_mark.box.w);
}

TEST(Uncertainty, ApproximatePointShowsItsFuzzEvenWhenItsYearIsNarrow) {
  Chart c;
  c.add(point("Founding", parsed("c. 1500")));
  c.add(point("Plain", year(1501)));
  c.add(point("End", year(2000)));
  const auto s = c.run().scene;
  EXPECT_GT(item(s, "event", "0").box.w, 2 * item(s, "event", "1").box.w);
}

TEST(Uncertainty, ApproximateEndFades) {
  Chart c;
  c.add(span("Survey", year(2000), parsed("c. 2010")));
  const auto s = c.run().scene;
  const bool faded = std::any_of(s.shapes.begin(), s.shapes.end(), [](const scene::Shape& sh) {
    const auto* r = std::get_if<scene::Rect>(&sh);
    return r && !r->fill.stops.empty() && r->fill.stops.back().color.a < 0.5;
  });
  EXPECT_TRUE(faded);
}

TEST(OpenEnd, PresentEndRunsToNowWithAnArrow) {
  Chart c;
  c.add(span("Ongoing", year(2000), parsed("present")));
  const auto s = c.run().scene;
  const auto& ev = item(s, "event", "0");
  ASSERT_TRUE(ev.dates);
  EXPECT_TRUE(ev.dates->open);
  EXPECT_EQ(ev.dates->end, "2022-12-31");
  const bool arrow = std::any_of(s.shapes.begin(), s.shapes.end(), [](const scene::Shape& sh) {
    const auto* p = std::get_if<scene::Path>(&sh);
    return p && p->closed && p->points.size() == 3;
  });
  EXPECT_TRUE(arrow);
}

TEST(Items, EventCarriesItsResolvedDates) {
  Chart c;
  c.add(span("War of the Pacific", year(1879), year(1883)));
  const auto s = c.run().scene;
  const auto& ev = item(s, "event", "0");
  ASSERT_TRUE(ev.dates);
  EXPECT_EQ(ev.dates->start, "1879-01-01");
  EXPECT_EQ(ev.dates->end, "1883-12-31");
  EXPECT_EQ(ev.dates->precision, "year");
  EXPECT_EQ(ev.lane, "main");
}

TEST(Items, EventIdIsItsGivenIdOrItsIndex) {
  Chart c;
  auto e = point("Named", year(1900));
  e.id = "named";
  c.add(e);
  c.add(point("Anonymous", year(1950)));
  const auto s = c.run().scene;
  EXPECT_EQ(item(s, "label", "named").event, "named");
  EXPECT_EQ(item(s, "label", "1").event, "1");
}

TEST(Eras, BandSpansEveryLane) {
  Chart c;
  c.timeline.lanes.push_back({"second", "Second", {}, {}});
  c.timeline.lanes[0].title = "First";
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000), 1));
  c.timeline.eras.push_back({"Military governments", {year(1964), {}}, {year(1982), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto& era = item(s, "era", "0");
  EXPECT_LE(era.box.y, item(s, "lane", "main").box.y + 1e-6);
  EXPECT_GE(era.box.bottom(), item(s, "lane", "second").box.bottom() - 1e-6);
}

TEST(Markers, TitlesAtTheSameDateDoNotOverlap) {
  Chart c;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  c.timeline.markers.push_back({"Armistice", {year(1950), {}}, {}, {}});
  c.timeline.markers.push_back({"Treaty signed", {year(1950), {}}, {}, {}});
  const auto s = c.run().scene;
  std::vector<Box> titles;
  for (const auto& sh : s.shapes)
    if (const auto* t = std::get_if<scene::Text>(&sh); t && (t->text == "Armistice" || t->text == "Treaty signed"))
      titles.push_back(t->box);
  ASSERT_EQ(titles.size(), 2u);
  EXPECT_FALSE(titles[0].overlaps(titles[1]));
  EXPECT_EQ(count_kind(s, "marker"), 2u);
}

TEST(Markers, RuleNeverRunsThroughAnEraTitle) {
  Chart c;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  c.timeline.eras.push_back({"A long era title reaching back over the marker", {year(1950), {}}, {year(1990), {}}, {}, {}});
  c.timeline.markers.push_back({"Armistice", {year(1952), {}}, {}, {}});
  const auto s = c.run().scene;
  const scene::Line* rule = nullptr;
  const scene::Text* era_title = nullptr;
  for (const auto& sh : s.shapes) {
    if (const auto* l = std::get_if<scene::Line>(&sh); l && !l->stroke.dash.empty()) rule = l;
    if (const auto* t = std::get_if<scene::Text>(&sh); t && t->text.starts_with("A long era")) era_title = t;
  }
  ASSERT_TRUE(rule && era_title);
  const Box rule_box{rule->from.x - 0.5, rule->from.y, 1, rule->to.y - rule->from.y};
  EXPECT_FALSE(rule_box.overlaps(era_title->box));
}

TEST(Markers, RuleStopsShortOfTheLabelsItWouldStrikeThrough) {
  Chart c;
  c.add(point("A", year(1900)));
  c.add(point("Talks on the border question begin", year(1950)));
  c.add(point("B", year(2000)));
  c.timeline.markers.push_back({"Today", {year(1955), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto& label = item(s, "label", "1");
  std::size_t pieces = 0;
  for (const auto& sh : s.shapes) {
    const auto* l = std::get_if<scene::Line>(&sh);
    if (!l || l->stroke.dash.empty()) continue;
    ++pieces;
    const Box rule_box{l->from.x - 0.5, std::min(l->from.y, l->to.y), 1, std::abs(l->to.y - l->from.y)};
    EXPECT_FALSE(rule_box.overlaps(label.box));
  }
  EXPECT_GE(pieces, 1u);
  // The rule crosses the label's line, so it is drawn in two pieces around it.
  EXPECT_TRUE(label.box.x < item(s, "marker", "0").box.x && item(s, "marker", "0").box.x < label.box.right());
  EXPECT_EQ(pieces, 2u);
}

TEST(Page, AChartTooBigEvenAtFontMinSizeGoesOntoPagesOfItsSize) {
  Chart c;
  c.style.page.size = "A6";
  c.style.page.landscape = true;
  for (int i = 0; i < 200; ++i) c.add(point("Event " + std::to_string(i), year(1900 + i / 4)));
  const auto s = c.run().scene;
  ASSERT_GT(scene::page_count(s), 1u);
  for (std::size_t p = 0; p < scene::page_count(s); ++p) {
    EXPECT_NEAR(scene::page_of(s, p).width, 419.53, 0.5);  // A6 landscape, never enlarged
    EXPECT_NEAR(scene::page_of(s, p).height, 297.64, 0.5);
  }
  EXPECT_DOUBLE_EQ(s.composed.label_size, c.style.min_size);
  ASSERT_GE(c.diags.warning_count(), 1u);
  const std::string& m = c.diags.all().back().message;
  EXPECT_NE(m.find("pages of that size"), std::string::npos) << m;
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});
}

TEST(Page, WhenNotOneEventFitsAPageTheChartIsCutAndTheWarningNamesThePageThatWouldFit) {
  Chart c;
  c.style.page.size = "A6";
  c.style.page.landscape = true;
  // Forty lanes, each with its header, cannot share one A6 page at any legible size.
  for (int l = 1; l < 40; ++l) c.timeline.lanes.push_back({"l" + std::to_string(l), "Lane " + std::to_string(l), {}, {}});
  for (int i = 0; i < 40; ++i) c.add(point("Event " + std::to_string(i), year(1950), static_cast<std::size_t>(i)));
  const auto s = c.run().scene;
  EXPECT_EQ(scene::page_count(s), 1u);
  EXPECT_NEAR(s.width, 419.53, 0.5);
  EXPECT_NEAR(s.height, 297.64, 0.5);
  EXPECT_FALSE(s.composed.fits);
  EXPECT_DOUBLE_EQ(s.composed.label_size, c.style.min_size);
  const auto& all = c.diags.all();
  const bool named = std::any_of(all.begin(), all.end(), [](const Diagnostic& d) {
    return d.message.find("font.min_size") != std::string::npos &&
           d.message.find("the smallest page that fits it is A") != std::string::npos;
  });
  EXPECT_TRUE(named);
  // What is cut leaves the dump with the page: every item kept lies on it.
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});
}

TEST(TypeScale, ScalesEverySizeOfTheStyleButNotThePage) {
  const style::Style s = style::defaults();
  const style::Style big = scaled(s, 2);
  EXPECT_DOUBLE_EQ(big.event.label.font.size, 2 * s.event.label.font.size);
  EXPECT_DOUBLE_EQ(big.title.title.font.size, 2 * s.title.title.font.size);
  EXPECT_DOUBLE_EQ(big.axis.label.font.size, 2 * s.axis.label.font.size);
  EXPECT_DOUBLE_EQ(big.event.marker_size, 2 * s.event.marker_size);
  EXPECT_DOUBLE_EQ(big.event.row_gap, 2 * s.event.row_gap);
  EXPECT_DOUBLE_EQ(big.lane.padding, 2 * s.lane.padding);
  EXPECT_DOUBLE_EQ(big.marker.dash[0], 2 * s.marker.dash[0]);
  EXPECT_DOUBLE_EQ(big.page.margin, s.page.margin);
  EXPECT_EQ(big.page.size, s.page.size);
}

TEST(TypeScale, NoTextFallsBelowFontMinSize) {
  style::Style s = style::defaults();
  s.axis.label.font.size = 5;  // smaller than the floor as written: kept
  const style::Style small = scaled(s, 0.5);
  EXPECT_DOUBLE_EQ(small.event.label.font.size, 6);  // 4.5 raised to font.min_size
  EXPECT_DOUBLE_EQ(small.title.title.font.size, 10);
  EXPECT_DOUBLE_EQ(small.axis.label.font.size, 5);
  EXPECT_DOUBLE_EQ(small.event.marker_size, 0.5 * s.event.marker_size);
}

TEST(TypeScale, LinksAndSetDescriptionSizesScaleWithTheType) {
  style::Style s = style::defaults();
  s.event.description_size = 7;
  s.link.title_size = 8;
  s.link.dash = {4, 3};
  const style::Style big = scaled(s, 2);
  EXPECT_DOUBLE_EQ(big.event.description_size, 14);
  EXPECT_DOUBLE_EQ(big.link.title_size, 16);
  EXPECT_DOUBLE_EQ(big.link.width, 2 * s.link.width);
  EXPECT_DOUBLE_EQ(big.link.arrow_size, 2 * s.link.arrow_size);
  EXPECT_DOUBLE_EQ(big.link.dash[0], 8);
  const style::Style small = scaled(s, 0.5);
  EXPECT_DOUBLE_EQ(small.event.description_size, 6);  // the floor, like any text set above it
  EXPECT_DOUBLE_EQ(small.link.title_size, 6);
  s.event.description_size = 0;  // derived from the label's: stays derived
  EXPECT_DOUBLE_EQ(scaled(s, 2).event.description_size, 0);
}

TEST(TypeScale, TextsDerivedFromLabelsStayAtFontMinSize) {
  EXPECT_DOUBLE_EQ(style::secondary_size(10, 6), 8.5);  // 85 % of the label
  EXPECT_DOUBLE_EQ(style::secondary_size(6.5, 6), 6);   // not 5.5: labels at the floor keep their notes legible
  EXPECT_DOUBLE_EQ(style::secondary_size(6, 6), 6);
  EXPECT_DOUBLE_EQ(style::secondary_size(5, 6), 4.25);  // a label the style set below the floor keeps its ratio
}

TEST(TypeScale, TheRangeGrowsWithThePage) {
  const style::Style s = style::defaults();
  const auto a3 = type_range(s, page_frame(s.page));
  style::PageStyle a1 = s.page;
  a1.size = "A1";
  const auto big = type_range(s, page_frame(a1));
  EXPECT_DOUBLE_EQ(a3.min, 6.0 / 9);
  EXPECT_NEAR(big.max, 2 * a3.max, 0.01);
  EXPECT_GE(a3.max, 1);
}

TEST(Page, AFixedPageIsFilledDownToItsFoot) {
  Chart c;
  c.style.page.size = "A4";
  c.style.page.landscape = true;
  for (int i = 0; i < 12; ++i) c.add(point("Event " + std::to_string(i), year(1900 + 3 * i), 0));
  const auto s = c.run().scene;
  EXPECT_NEAR(s.height, 595.28, 0.5);
  double low = 0;
  for (const auto& i : s.items) low = std::max(low, i.box.bottom());
  EXPECT_GT(low, 0.85 * s.height);
  EXPECT_TRUE(s.composed.fits);
  EXPECT_EQ(c.diags.warning_count(), 0u);
}

TEST(Page, ABiggerPageGetsBiggerType) {
  const auto on = [](const char* size) {
    Chart c;
    c.style.page.size = size;
    c.style.page.landscape = true;
    for (int i = 0; i < 20; ++i) c.add(point("Event number " + std::to_string(i), year(1900 + 5 * i)));
    return c.run().scene.composed;
  };
  const auto a3 = on("A3"), a1 = on("A1"), a5 = on("A5");
  EXPECT_GE(a1.label_size, 2 * a3.label_size - 0.05);
  EXPECT_GE(a1.label_size, 12);
  EXPECT_LT(a5.label_size, a3.label_size);
  EXPECT_GE(a5.label_size, 6);
  EXPECT_DOUBLE_EQ(a1.label_size, 9 * a1.scale);
}

TEST(Page, WidthAloneChoosesAHeightForReading) {
  Chart c;
  c.style.page.width = 453.54;  // 16 cm
  for (int i = 0; i < 45; ++i)
    c.add(point("A label of some length for event " + std::to_string(i), year(1900 + 2 * i), 0));
  const auto s = c.run().scene;
  EXPECT_DOUBLE_EQ(s.width, 453.54);
  EXPECT_LE(s.height, 1.2 * 453.54 + 0.01);
  EXPECT_GE(s.composed.label_size, 6);
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});
}

// A report figure has its height to spare: a label held to a narrow stretch
// before an axis break takes a fourth or fifth line rather than an ellipsis.
TEST(Page, WidthAloneGivesALabelMoreLinesBeforeItIsCut) {
  Chart c;
  c.style.page.width = 396.85;  // 14 cm
  c.add(point("Final flight of the affluent office over the hills and far away to the sea", year(1900), 0));
  c.add(point("Short", year(1950), 0));
  c.add(point("Shorter", year(1960), 0));
  const auto s = c.run().scene;
  const scene::Item* label = nullptr;
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::label && it.text.find("Final") != std::string::npos) label = &it;
  ASSERT_NE(label, nullptr);
  EXPECT_EQ(label->text.find("\xE2\x80\xA6"), std::string::npos) << label->text;  // no "…"
  EXPECT_GE(std::count(label->text.begin(), label->text.end(), '\n'), 3) << label->text;
  EXPECT_LE(s.height, 1.2 * 396.85 + 0.01);
}

TEST(Page, ACustomPageIsExact) {
  Chart c;
  c.style.page.size = "custom";
  c.style.page.width = 453.54;
  c.style.page.height = 566.93;
  for (int i = 0; i < 30; ++i) c.add(point("Event " + std::to_string(i), year(1900 + 2 * i), 0));
  const auto s = c.run().scene;
  EXPECT_DOUBLE_EQ(s.width, 453.54);
  EXPECT_DOUBLE_EQ(s.height, 566.93);
}

TEST(Page, FontMinSizeBoundsTheScale) {
  Chart c;
  c.style.page.size = "A6";
  c.style.page.landscape = true;
  c.style.min_size = 8;
  for (int i = 0; i < 60; ++i) c.add(point("Event " + std::to_string(i), year(1950 + i % 3)));
  const auto s = c.run().scene;
  EXPECT_GE(s.composed.label_size, 8);
  EXPECT_DOUBLE_EQ(s.composed.min_size, 8);
}

TEST(Axis, AnEraBeforeEveryEventDoesNotWidenTheAxis) {
  Chart c;
  c.style.page.size = "A4";
  model::Era era;
  era.title = "Cold War";
  era.start = model::LocatedDate{year(1947), {}};
  era.end = model::LocatedDate{year(1991), {}};
  c.timeline.eras.push_back(era);
  c.add(point("A", year(1960)));
  c.add(point("B", year(1990)));
  const auto s = c.run().scene;
  const Box band = item(s, "era", "0").box;
  const Box a = item(s, "event", "0").box;
  // The era is clipped where the axis starts, a little before the first event.
  EXPECT_GT(band.x, a.x - 0.15 * s.width);
  EXPECT_NE(text_shape(s, "Cold War"), nullptr);
}

TEST(Page, LaneItemsCarryTheirTitleAsDrawn) {
  Chart c;
  // Too long for a column beside the lanes, and for one line over its lane too.
  c.timeline.lanes[0].title =
      "A lane whose title is far too long to stand on a single line beside its lane, or even over it, "
      "on a page six hundred points wide";
  c.timeline.lanes.push_back({"b", "B", {}, {}});
  c.add(point("A", year(1900), 0));
  c.add(point("B", year(1950), 1));
  const auto s = c.run().scene;
  const auto& lane = item(s, "lane", "main");
  EXPECT_NE(lane.text.find('\n'), std::string::npos) << lane.text;
  EXPECT_EQ(lane.text.find("\u2026"), std::string::npos) << lane.text;
}

TEST(Page, ALongTitleWrapsAndIsNeverShortened) {
  Chart c;
  c.timeline.header.title =
      "Bolivia: foreign relations, 1879-2022, with Chile, Peru, Paraguay, Brazil and Argentina, from the War of the "
      "Pacific to the International Court of Justice";
  c.add(point("A", year(1900)));
  const auto s = c.run().scene;
  const auto& title = item(s, "title", "title");
  EXPECT_NE(title.text.find('\n'), std::string::npos);
  EXPECT_EQ(title.text.find("\u2026"), std::string::npos);
  std::string joined = title.text;
  std::replace(joined.begin(), joined.end(), '\n', ' ');
  EXPECT_EQ(joined, c.timeline.header.title);
}

TEST(Page, AutoPageKeepsItsWidthAndFitsItsHeight) {
  Chart c;
  c.add(point("A", year(1900)));
  const auto s = c.run().scene;
  EXPECT_DOUBLE_EQ(s.width, 600);
  EXPECT_LT(s.height, 300);
  EXPECT_EQ(c.diags.warning_count(), 0u);
}

TEST(Page, NamedLandscapeSizeIsTurned) {
  Chart c;
  c.style.page.size = "A4";
  c.style.page.landscape = true;
  c.add(point("A", year(1900)));
  const auto s = c.run().scene;
  EXPECT_NEAR(s.width, 841.89, 0.5);
  EXPECT_NEAR(s.height, 595.28, 0.5);
}

TEST(Legend, AppearsOnlyForMarksThatNeedIt) {
  Chart plain;
  plain.add(point("A", year(1900)));
  plain.add(point("B", year(2000)));
  EXPECT_EQ(count_kind(plain.run().scene, "legend"), 0u);

  Chart decade;
  decade.add(point("A", parsed("1960s")));
  decade.add(point("B", year(2000)));
  EXPECT_EQ(count_kind(decade.run().scene, "legend"), 1u);
}

TEST(Legend, NamesTagsThatHaveTheirOwnColour) {
  Chart c;
  c.style.tags["war"] = {{"event.color", std::string("#922b21"), {}}};
  auto e = point("Battle", year(1900));
  e.tags = {"war"};
  c.add(e);
  c.add(point("Peace", year(2000)));
  const auto s = c.run().scene;
  ASSERT_EQ(count_kind(s, "legend"), 1u);
  EXPECT_EQ(item(s, "legend", "legend-0").text, "war");
}

TEST(Legend, SwatchGrowsWithPosterSizedText) {
  Chart c;
  c.style.legend.label.font.size = 16;
  c.add(point("A", parsed("1960s")));
  c.add(point("B", year(2000)));
  const auto s = c.run().scene;
  const auto& entry = item(s, "legend", "legend-0");
  const auto* text = text_shape(s, entry.text);
  ASSERT_NE(text, nullptr);
  // The swatch is what the entry holds left of its text.
  EXPECT_GE(text->box.x - entry.box.x, 2 * 14);
}

TEST(Legend, NamesLanesWhenTheyHaveNoHeaders) {
  Chart c;
  c.timeline.lanes.push_back({"second", "", {}, {}});
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000), 1));
  EXPECT_EQ(count_kind(c.run().scene, "legend"), 2u);
}

// The shapes drawn wholly inside `box`, other than text.
std::vector<const scene::Shape*> marks_in(const scene::Scene& s, const Box& box) {
  std::vector<const scene::Shape*> out;
  for (const auto& sh : s.shapes) {
    if (std::holds_alternative<scene::Text>(sh)) continue;
    const Box b = box_of(sh);
    if (b.x >= box.x - 1e-6 && b.right() <= box.right() + 1e-6 && b.y >= box.y - 1e-6 && b.bottom() <= box.bottom() + 1e-6)
      out.push_back(&sh);
  }
  return out;
}

TEST(Legend, ALaneSwatchHasTheShapeOfTheLanesMarks) {
  Chart c;
  c.style.event.marker = style::MarkerShape::triangle;
  c.timeline.lanes.push_back({"second", "", {}, {}});
  c.add(point("A", year(1900)));
  c.add(point("B", year(1950)));
  c.add(span("C", year(1960), year(1990), 1));
  c.add(span("D", year(1995), year(2000), 1));
  const auto s = c.run().scene;
  ASSERT_EQ(count_kind(s, "legend"), 2u);
  // A lane of triangles shows a triangle; a lane of spans a bar.
  const auto first = marks_in(s, item(s, "legend", "legend-0").box);
  ASSERT_EQ(first.size(), 1u);
  const auto* triangle = std::get_if<scene::Path>(first[0]);
  ASSERT_NE(triangle, nullptr);
  EXPECT_EQ(triangle->points.size(), 3u);
  const auto second = marks_in(s, item(s, "legend", "legend-1").box);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<scene::Rect>(*second[0]));
}

TEST(Spans, AnHoursLongSpanIsDrawnAtTheShortestLengthWithEndCapsAndKeepsItsDates) {
  Chart c;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  c.add(span("Landing", parsed("1969-07-20T20:17:40"), parsed("1969-07-21T02:56:15")));
  const auto s = c.run().scene;
  const auto& ev = item(s, "event", "2");
  EXPECT_GE(ev.box.w, 6 - 1e-6);  // not a sliver
  ASSERT_TRUE(ev.dates);
  EXPECT_EQ(ev.dates->start, "1969-07-20T20:17:40");
  EXPECT_EQ(ev.dates->end, "1969-07-21T02:56:15");
  // Two caps across the bar, one at each end.
  std::vector<double> caps;
  for (const auto* sh : marks_in(s, ev.box))
    if (const auto* l = std::get_if<scene::Line>(sh); l && std::abs(l->from.x - l->to.x) < 1e-9) caps.push_back(l->from.x);
  ASSERT_EQ(caps.size(), 2u);
  EXPECT_NEAR(std::abs(caps[1] - caps[0]), 6, 1e-6);
  // A span long enough on the page gets no caps.
  Chart plain;
  plain.add(span("War", year(1900), year(1950)));
  const auto t = plain.run().scene;
  const auto& war = item(t, "event", "0");
  for (const auto* sh : marks_in(t, war.box)) EXPECT_FALSE(std::holds_alternative<scene::Line>(*sh));
}

TEST(Axis, EdgeTickLabelsStayOnTheirTicksOrAreLeftOut) {
  for (double width = 180; width <= 720; width += 23) {
    Chart c;
    c.style.page.width = width;
    c.style.page.margin = 2;
    c.timeline.header.scale = model::ScaleKind::automatic;
    c.add(point("A", year(1895)));
    c.add(point("B", year(2000)));
    const auto s = c.run().scene;
    std::vector<double> ticks;
    const Box axis = item(s, "axis", "axis").box;
    for (const auto& sh : s.shapes)
      if (const auto* l = std::get_if<scene::Line>(&sh);
          l && std::abs(l->from.x - l->to.x) < 1e-9 && std::abs(l->from.y - axis.y) < 1e-6)
        ticks.push_back(l->from.x);
    for (const auto& it : s.items) {
      if (it.kind != scene::ItemKind::tick) continue;
      const double centre = it.box.x + it.box.w / 2;
      const bool on_tick = std::any_of(ticks.begin(), ticks.end(), [&](double x) {
        return std::abs(centre - x) < 0.02 || std::abs(it.box.x - x) < 0.02 || std::abs(it.box.right() - x) < 0.02;
      });
      EXPECT_TRUE(on_tick) << "width " << width << ": '" << it.text << "' at " << it.box.x;
      EXPECT_GE(it.box.x, -1e-6);
      EXPECT_LE(it.box.right(), s.width + 1e-6);
    }
  }
}

TEST(Descriptions, PrintedUnderTheLabelWhenTheStyleAsks) {
  const std::string text = "Bolivia loses its coastal province of Atacama to Chile, and with it the sea.";
  Chart c;
  c.style.event.show_description = true;
  auto war = span("War of the Pacific", year(1879), year(1883));
  war.description = text;
  c.add(war);
  c.add(point("Treaty", year(1904)));
  const auto s = c.run().scene;
  const auto& label = item(s, "label", "0");
  EXPECT_NE(label.text.find("Atacama"), std::string::npos) << label.text;  // part of what the label draws
  const scene::Text* title_line = nullptr;
  std::vector<const scene::Text*> notes;
  for (const auto& sh : s.shapes)
    if (const auto* t = std::get_if<scene::Text>(&sh)) {
      if (t->text.find("War of") != std::string::npos) title_line = t;
      if (t->text.find("Bolivia") != std::string::npos || t->text.find("sea.") != std::string::npos) notes.push_back(t);
    }
  ASSERT_NE(title_line, nullptr);
  ASSERT_FALSE(notes.empty());
  for (const auto* n : notes) {
    EXPECT_LT(n->font.size, title_line->font.size);  // smaller
    EXPECT_GE(n->box.y, title_line->box.bottom() - 1e-6);  // under the title
    EXPECT_LE(n->box.bottom(), label.box.bottom() + 1e-6);  // inside the label's box, which collisions use
  }
  // Off by default.
  Chart plain;
  plain.add(war);
  EXPECT_EQ(item(plain.run().scene, "label", "0").text.find("Atacama"), std::string::npos);
}

TEST(Descriptions, AtTheSmallestLabelsAreNoSmallerThanFontMinSize) {
  Chart c;
  c.style.event.show_description = true;
  c.style.event.label.font.size = 6;  // what page fitting chooses at font.min_size
  auto war = span("War of the Pacific", year(1879), year(1883));
  war.description = "Bolivia loses its coast.";
  c.add(war);
  bool seen = false;
  for (const auto& sh : c.run().scene.shapes)
    if (const auto* t = std::get_if<scene::Text>(&sh); t && t->text.find("coast.") != std::string::npos) {
      seen = true;
      EXPECT_GE(t->font.size, c.style.min_size);
    }
  EXPECT_TRUE(seen);
}

TEST(Descriptions, NeverOverlapAnotherLabel) {
  Chart c;
  c.style.event.show_description = true;
  for (int y = 1900; y < 1930; y += 2) {
    auto e = point("Event " + std::to_string(y), year(y));
    e.description = "A description long enough to wrap onto a second and a third line under the title";
    c.add(e);
  }
  const auto s = c.run().scene;
  std::vector<Box> labels;
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::label) labels.push_back(it.box);
  for (std::size_t i = 0; i < labels.size(); ++i)
    for (std::size_t j = i + 1; j < labels.size(); ++j) EXPECT_FALSE(labels[i].overlaps(labels[j])) << i << " " << j;
}

TEST(TitleBlock, TitleShowFalseLeavesTheTitleAndSubtitleOut) {
  Chart c;
  c.timeline.header.title = "Said by the caption";
  c.timeline.header.subtitle = "And its subtitle";
  c.add(point("A", year(1900)));
  const double with_title = item(c.run().scene, "lane", "main").box.y;
  c.style.title.show_title = false;
  auto s = c.run().scene;
  EXPECT_EQ(count_kind(s, "title"), 0u);
  EXPECT_LT(item(s, "lane", "main").box.y, with_title);  // the chart moves up into the room
  EXPECT_EQ(s.metadata.title, "Said by the caption");    // the PDF and SVG still name it
  c.style.title.show_subtitle = true;
  s = c.run().scene;
  ASSERT_EQ(count_kind(s, "title"), 1u);
  EXPECT_EQ(item(s, "title", "subtitle").text, "And its subtitle");
}

TEST(SvgLinks, TargetFollowsTheStyle) {
  Chart c;
  c.add(point("A", year(1900)));
  EXPECT_EQ(c.run().scene.metadata.link_target, "_top");
  c.style.svg.link_target = style::LinkTarget::blank;
  EXPECT_EQ(c.run().scene.metadata.link_target, "_blank");
  c.style.svg.link_target = style::LinkTarget::self;
  EXPECT_EQ(c.run().scene.metadata.link_target, "_self");
}

TEST(Robustness, EmptyTimelineStillMakesAPage) {
  Chart c;
  c.timeline.header.title = "Nothing yet";
  const auto s = c.run().scene;
  EXPECT_GT(s.height, 0);
  EXPECT_EQ(count_kind(s, "title"), 1u);
  EXPECT_EQ(count_kind(s, "lane"), 1u);
}

TEST(Robustness, EventsOutsideTheViewWindowStayOnThePage) {
  Chart c;
  c.timeline.header.start = model::LocatedDate{year(1950), {}};
  c.timeline.header.end = model::LocatedDate{year(1960), {}};
  c.add(point("Before", year(1800)));
  c.add(span("Across", year(1900), year(2000)));
  c.add(point("After", year(2100)));
  const auto s = c.run().scene;
  const Box page{0, 0, s.width, s.height};
  for (const auto& i : s.items) EXPECT_TRUE(page.contains(i.box)) << scene::to_string(i.kind) << " " << i.id;
}

// Placed anywhere, an event outside the window would sit at a false date.
TEST(Window, EventsErasAndMarkersWhollyOutsideAreNotDrawnAndEachIsNamed) {
  Chart c;
  c.timeline.header.start = model::LocatedDate{year(1980), {}};
  c.timeline.header.end = model::LocatedDate{year(1985), {}};
  c.add(point("Inside", year(1982)));
  c.add(point("Late", year(1990)));
  c.timeline.events.back().where = {"test.toml", 7, 1};
  c.timeline.eras.push_back({"Old era", {year(1900), {}}, {year(1910), {}}, {}, {"test.toml", 12, 1}});
  c.timeline.markers.push_back({"Later", {year(1999), {}}, {}, {"test.toml", 16, 1}});
  const auto s = c.run().scene;
  EXPECT_EQ(count_kind(s, "event"), 1u);
  EXPECT_EQ(count_kind(s, "label"), 1u);
  EXPECT_EQ(count_kind(s, "era"), 0u);
  EXPECT_EQ(count_kind(s, "marker"), 0u);
  EXPECT_EQ(text_shape(s, "1990 \u00b7 Late"), nullptr);
  std::vector<std::string> messages;
  for (const auto& d : c.diags.all()) messages.push_back(format(d));
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "test.toml:7:1: warning: 'Late' (1990) lies outside the view window 1980–1985 and is not drawn\n",
                          "test.toml:12:1: warning: era 'Old era' (1900–1910) lies outside the view window 1980–1985 "
                          "and is not drawn\n",
                          "test.toml:16:1: warning: marker 'Later' (1999) lies outside the view window 1980–1985 and "
                          "is not drawn\n"}));
}

TEST(Window, SpanPartlyOutsideIsClippedAtTheWindowWithASquareEnd) {
  Chart c;
  c.timeline.header.start = model::LocatedDate{year(1980), {}};
  c.timeline.header.end = model::LocatedDate{year(1985), {}};
  c.add(span("Long reign", year(1970), year(1983)));
  c.add(point("Start", year(1980)));
  const auto s = c.run().scene;
  const auto& bar = item(s, "event", "0").box;
  const auto& dot = item(s, "event", "1").box;
  EXPECT_NEAR(bar.x, dot.x + c.style.event.marker_size / 2, 0.01);  // begins at 1 Jan 1980, not before
  const scene::Path* piece = nullptr;
  for (const auto& sh : s.shapes)
    if (const auto* p = std::get_if<scene::Path>(&sh); p && box_of(*p).contains(bar) && bar.contains(box_of(*p))) piece = p;
  ASSERT_NE(piece, nullptr);  // not a Rect with rounded corners
  EXPECT_TRUE(std::any_of(piece->points.begin(), piece->points.end(),
                          [&](const Point& p) { return std::abs(p.x - bar.x) < 1e-9 && std::abs(p.y - bar.y) < 1e-9; }));
}

TEST(Robustness, EventsAllAtOneInstantGetADomain) {
  Chart c;
  const auto t = std::get<dates::Date>(dates::from_ymd_hms(1969, 7, 20, 20, 17, 40));
  c.add(point("One", t));
  c.add(point("Two", t));
  const auto s = c.run().scene;
  EXPECT_EQ(c.run().lanes[0].rows, 2u);
  EXPECT_GT(count_kind(s, "tick"), 0u);
}

TEST(Metadata, DateIsNowAndCreatorIsPassedThrough) {
  Chart c;
  c.options.creator = "annals 9.9";
  c.timeline.header.title = "T";
  c.add(point("A", year(1900)));
  const auto s = c.run().scene;
  EXPECT_EQ(s.metadata.date, "2022-12-31");
  EXPECT_EQ(s.metadata.creator, "annals 9.9");
  EXPECT_EQ(s.metadata.title, "T");
  ASSERT_EQ(s.outline.size(), 1u);
}

// Rects whose box covers the point (x, y).
std::size_t rects_at(const scene::Scene& s, double x, double y) {
  return static_cast<std::size_t>(std::count_if(s.shapes.begin(), s.shapes.end(), [&](const scene::Shape& sh) {
    const auto* r = std::get_if<scene::Rect>(&sh);
    return r && r->box.x < x && x < r->box.right() && r->box.y < y && y < r->box.bottom();
  }));
}

std::vector<int> tick_years(const scene::Scene& s) {
  std::vector<int> years;
  for (const auto& i : s.items)
    if (i.kind == scene::ItemKind::tick && !i.text.empty() && std::all_of(i.text.begin(), i.text.end(), ::isdigit))
      years.push_back(std::stoi(i.text));
  return years;
}

bool has_tick_between(const scene::Scene& s, int lo, int hi) {
  const auto ys = tick_years(s);
  return std::any_of(ys.begin(), ys.end(), [&](int y) { return lo <= y && y <= hi; });
}

// The Bolivia sample in small: a war, a demand running ever since, and a
// crowd of events from the 1960s on.
void sea_access(Chart& c) {
  c.style.event.show_dates = false;
  c.add(span("War of the Pacific", year(1879), year(1883)));
  c.add(span("Demand for a sovereign corridor", year(1884), parsed("present")));
  c.add(point("Cuba", parsed("1960s")));
  for (int y = 1962; y <= 2018; y += 8) c.add(point("Event " + std::to_string(y), year(y)));
}

TEST(Axis, BreakShowsThePageNotABandOrAPaintedGap) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::collapsed;
  c.style.page.background = Color::none();
  c.add(point("A", year(1000)));
  c.add(point("B", year(1001)));
  c.add(point("C", year(1900)));
  c.add(point("D", year(1901)));
  const auto s = c.run().scene;
  const auto& lane = item(s, "lane", "main");
  const double mid = (item(s, "event", "1").box.right() + item(s, "event", "2").box.x) / 2;
  EXPECT_EQ(rects_at(s, mid, lane.box.y + lane.box.h / 2), 0u);
}

// The time inside a span is the event's own: a break there would remove it
// (FORMAT, issue 4: only stretches nothing touches collapse).
TEST(Axis, AutoCollapsesAnEmptyStretchThatOnlyALongSpanCrosses) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::automatic;
  sea_access(c);
  const auto d = c.run();
  EXPECT_FALSE(d.breaks.empty());
  EXPECT_FALSE(has_tick_between(d.scene, 1900, 1950));
}

// The bounding box of a piece of a bar: a rectangle, or a polygon with
// rounded or square corners (not the three-point arrow of an open end).
std::optional<Box> bar_box(const scene::Shape& sh) {
  if (const auto* r = std::get_if<scene::Rect>(&sh)) return r->box;
  const auto* p = std::get_if<scene::Path>(&sh);
  if (!p || p->points.size() < 4) return std::nullopt;
  double x0 = p->points[0].x, x1 = x0, y0 = p->points[0].y, y1 = y0;
  for (const auto& pt : p->points) {
    x0 = std::min(x0, pt.x), x1 = std::max(x1, pt.x);
    y0 = std::min(y0, pt.y), y1 = std::max(y1, pt.y);
  }
  return Box{x0, y0, x1 - x0, y1 - y0};
}

TEST(Spans, BarCrossingABreakIsDrawnInTwoPiecesWithItsLabelInOne) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::automatic;
  sea_access(c);
  const auto s = c.run().scene;
  const auto& bar = item(s, "event", "1");
  const auto& label = item(s, "label", "1");
  std::vector<Box> pieces;
  for (const auto& sh : s.shapes)
    if (const auto b = bar_box(sh); b && bar.box.contains(*b) && std::abs(b->h - bar.box.h) < 0.01 && b->w > 1)
      pieces.push_back(*b);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_TRUE(pieces[0].contains(label.box) || pieces[1].contains(label.box));
}

TEST(Axis, AutoCollapsesAStretchThatNothingTouches) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::automatic;
  sea_access(c);
  c.timeline.events.erase(c.timeline.events.begin() + 1);  // without the demand running since 1884
  for (std::size_t i = 0; i < c.timeline.events.size(); ++i) c.timeline.events[i].index = i;
  EXPECT_FALSE(has_tick_between(c.run().scene, 1900, 1950));
}

// The break must miss [begin, end) of every dated thing.
void expect_no_break_inside(const Detailed& d, dates::Seconds begin, dates::Seconds end) {
  for (const auto& b : d.breaks) EXPECT_TRUE(b.t1 <= begin || b.t0 >= end) << b.t0 << "–" << b.t1;
}

TEST(Axis, CollapsedScaleKeepsEveryMinuteOfAnHoursLongSpan) {
  Chart c;
  c.style.page.width = 1200;  // room for the labels on each side of the night's break
  c.timeline.header.scale = model::ScaleKind::collapsed;
  const auto at = [](int d, int h, int mi) { return std::get<dates::Date>(dates::from_ymd_hms(1969, 7, d, h, mi, 0)); };
  c.add(span("Powered descent", at(20, 20, 5), at(20, 20, 17)));
  c.add(point("Eagle has landed", at(20, 20, 17)));
  c.add(span("EVA", at(21, 2, 39), at(21, 5, 11)));
  c.add(point("First step", at(21, 2, 56)));
  const auto d = c.run();
  expect_no_break_inside(d, at(21, 2, 39).begin, at(21, 5, 11).end);
  EXPECT_FALSE(d.breaks.empty());  // the night between landing and EVA still collapses
}

TEST(Axis, CollapsedScaleKeepsAnOpenSpanUpToNow) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::collapsed;
  c.add(span("Current project", year(2019), parsed("present")));
  c.add(span("Survey", parsed("c. 2015"), parsed("2018~")));
  c.add(point("Uncertain meeting", parsed("2016?")));
  c.timeline.markers.push_back({"Now", {parsed("present"), {}}, {}, {}});
  expect_no_break_inside(c.run(), year(2019).begin, c.styling.now.end);
}

TEST(Axis, LinearNeverCollapsesEvenWhenASpanCrossesAnEmptyStretch) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::linear;
  sea_access(c);
  EXPECT_TRUE(has_tick_between(c.run().scene, 1900, 1950));
}

TEST(Axis, AutoKeepsALoneSpanWhole) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::automatic;
  c.add(span("Reign", year(1000), year(1900)));
  EXPECT_TRUE(has_tick_between(c.run().scene, 1300, 1600));
}

// A break never lies inside an event in a chart (see Axis.AutoNeverCollapses…),
// but a plan on any scale must still draw a cut bar as one event: square at
// the cut, in one colour.
TEST(Spans, PiecesOfABarCutByABreakAreSquareAtTheCutAndOneColour) {
  const scale::TimeScale s({{year(1000).begin, year(1100).begin, 0, 200}, {year(1800).begin, year(1900).begin, 224, 424}});
  PlanContext ctx{&s, 0, 424, 200, {}, {}, LabelFlow::along};
  styled::Event e;
  e.title = "Reign";
  e.span = true;
  e.first = year(1050);
  e.last = year(1849);
  e.begin = e.first.begin;
  e.end = e.last.end;
  e.style.corner_radius = 3;
  const text::FakeMeasurer m;
  const EventPlan p = plan_event(e, ctx, m);
  std::vector<const scene::Path*> pieces;
  for (const auto& sh : p.marks)
    if (const auto* path = std::get_if<scene::Path>(&sh)) pieces.push_back(path);
  ASSERT_EQ(pieces.size(), 2u);
  const auto has = [](const scene::Path& path, double x, double y) {
    return std::any_of(path.points.begin(), path.points.end(),
                       [&](const Point& q) { return std::abs(q.x - x) < 1e-9 && std::abs(q.y - y) < 1e-9; });
  };
  const Box a = box_of(*pieces[0]), b = box_of(*pieces[1]);
  EXPECT_DOUBLE_EQ(a.right(), 200);
  EXPECT_DOUBLE_EQ(b.x, 224);
  EXPECT_TRUE(has(*pieces[0], a.right(), a.y) && has(*pieces[0], a.right(), a.bottom()));  // square at the cut
  EXPECT_FALSE(has(*pieces[0], a.x, a.y));                                                 // rounded at its start
  EXPECT_TRUE(has(*pieces[1], b.x, b.y) && has(*pieces[1], b.x, b.bottom()));
  EXPECT_FALSE(has(*pieces[1], b.right(), b.y));
  EXPECT_EQ(pieces[0]->fill.color.r, pieces[1]->fill.color.r);
  EXPECT_EQ(pieces[0]->fill.color.a, pieces[1]->fill.color.a);
}

// Across a break a label would sit over dates it does not name.
void expect_no_label_across_a_break(const Detailed& d) {
  for (const auto& it : d.scene.items) {
    if (it.kind != scene::ItemKind::label) continue;
    for (const auto& b : d.breaks)
      EXPECT_TRUE(it.box.right() <= b.a + 1e-6 || it.box.x >= b.b - 1e-6) << it.text << " crosses " << b.a;
  }
}

TEST(Labels, NeverRunAcrossAnAxisBreak) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::collapsed;
  c.add(point("Landing", std::get<dates::Date>(dates::from_ymd_hms(1969, 7, 20, 20, 17, 40))));
  c.add(point("First step", std::get<dates::Date>(dates::from_ymd(1969, 7, 20))));
  c.add(point("Press conference", std::get<dates::Date>(dates::from_ymd(1969, 7, 20))));
  c.add(point("Splashdown", std::get<dates::Date>(dates::from_ymd(1969, 7, 24))));
  const auto d = c.run();
  ASSERT_FALSE(d.breaks.empty());
  expect_no_label_across_a_break(d);
}

TEST(Labels, OfAWideOpenSpanNeverRunAcrossAnAxisBreakOnAnA4Page) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::automatic;
  c.style.page.size = "A4";
  c.style.page.landscape = true;
  c.add(span("War of the Pacific", year(1879), year(1883)));
  c.add(point("Treaty of Peace and Friendship", year(1904)));
  c.add(span("Relations with Chile broken again over access to the sea", year(1978), parsed("present")));
  c.add(point("Relations with Chile resumed", year(1975)));
  expect_no_label_across_a_break(c.run());
}

TEST(Spans, LongBarCarriesItsWholeLabelInsideOnOneLine) {
  Chart c;
  c.add(span("Demand for a sovereign corridor to the Pacific", year(1884), parsed("present")));
  c.add(point("War", year(1879)));
  const auto s = c.run().scene;
  const auto& label = item(s, "label", "0");
  EXPECT_EQ(label.text.find('\n'), std::string::npos);
  EXPECT_TRUE(item(s, "event", "0").box.contains(label.box));
}

TEST(Spans, BarCarryingItsLabelKeepsTwoPointsAboveAndBelowIt) {
  Chart c;
  c.style.event.show_dates = false;
  c.add(span("Reign", year(1900), year(1990)));
  const auto s = c.run().scene;
  const auto& bar = item(s, "event", "0");
  const auto& label = item(s, "label", "0");
  EXPECT_GE(bar.box.h, label.box.h + 4 - 1e-6);
}

TEST(Spans, LabelBelowABarIsTiedByAShortStraightLeader) {
  Chart c;
  c.style.event.label_position = style::LabelPosition::right;
  c.style.event.show_dates = false;
  c.timeline.header.start = model::LocatedDate{year(1900), {}};
  c.timeline.header.end = model::LocatedDate{year(2000), {}};
  c.add(span("Reign of the king", year(1900), year(2000)));
  const auto s = c.run().scene;
  const auto& label = item(s, "label", "0");
  const auto& bar = item(s, "event", "0");
  ASSERT_GE(label.box.y, bar.box.bottom());
  std::size_t leaders = 0;
  for (const auto& sh : s.shapes)
    if (const auto* l = std::get_if<scene::Line>(&sh); l && std::abs(l->to.y - label.box.y) < 1e-6) {
      ++leaders;
      EXPECT_DOUBLE_EQ(l->from.x, l->to.x);
      EXPECT_LT(l->to.y - l->from.y, 10);
    }
  EXPECT_EQ(leaders, 1u);
}

TEST(Spans, TextInsideAPaleBarIsDarkEnoughToRead) {
  Chart c;
  c.style.event.show_dates = false;
  c.timeline.lanes[0].style = {{"lane.color", std::string("#ffe64d"), {}}};
  c.add(span("Reign", year(1900), year(1990)));
  const auto s = c.run().scene;
  ASSERT_TRUE(item(s, "event", "0").box.contains(item(s, "label", "0").box));
  const auto* text = text_shape(s, "Reign");
  ASSERT_NE(text, nullptr);
  EXPECT_GE(style::contrast_ratio(text->color, {1.0, 0.902, 0.302, 1}), 4.5);
}

// #787878 gives 4.4:1 with white and 4.0:1 with the dark ink: neither reads.
TEST(Spans, LabelLeavesABarOnWhichNoTextReachesFourAndAHalfToOne) {
  Chart c;
  c.style.event.show_dates = false;
  c.timeline.lanes[0].style = {{"lane.color", std::string("#787878"), {}}};
  c.add(span("Reign", year(1900), year(1990)));
  const auto s = c.run().scene;
  EXPECT_FALSE(item(s, "event", "0").box.overlaps(item(s, "label", "0").box, 0.01));
}

// A translucent bar shows the dark page through it: its text is judged
// against that, not against the bar over white paper.
TEST(Spans, TextInsideATranslucentBarOnADarkPageReadsAgainstWhatShowsThrough) {
  Chart c;
  c.style.event.show_dates = false;
  c.style.page.background = *style::parse_color("#1c1e22");
  c.style.lane.band = *style::parse_color("#23262b");
  c.style.lane.band_alt = Color::none();
  c.style.event.fill_opacity = 0.35;
  c.timeline.lanes[0].style = {{"lane.color", std::string("#56b4e9"), {}}};
  c.add(span("Reign", year(1900), year(1990)));
  const auto s = c.run().scene;
  ASSERT_TRUE(item(s, "event", "0").box.contains(item(s, "label", "0").box));
  const auto* text = text_shape(s, "Reign");
  ASSERT_NE(text, nullptr);
  // #56b4e9 at 35 % over the band #23262b.
  const auto mix = [](double bar, double band) { return (0.35 * bar + 0.65 * band) / 255; };
  const Color seen{mix(0x56, 0x23), mix(0xb4, 0x26), mix(0xe9, 0x2b), 1};
  EXPECT_GE(style::contrast_ratio(text->color, seen), 4.5);
}

TEST(Marks, StyleOutlineIsDrawnAroundPointsAndBars) {
  Chart c;
  c.style.event.outline = {0.1, 0.1, 0.1, 1};
  c.style.event.outline_width = 0.6;
  c.add(point("Founding", year(1900)));
  c.add(span("Reign", year(1910), year(1990)));
  const auto s = c.run().scene;
  std::size_t outlined = 0;
  for (const auto& sh : s.shapes) {
    if (const auto* ci = std::get_if<scene::Circle>(&sh); ci && ci->stroke.width == 0.6) ++outlined;
    if (const auto* r = std::get_if<scene::Rect>(&sh); r && r->stroke.width == 0.6) ++outlined;
  }
  EXPECT_EQ(outlined, 2u);
}

TEST(Eras, TitleCanBeHidden) {
  Chart c;
  c.style.era.label_position = style::EraLabelPosition::none;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  c.timeline.eras.push_back({"Military governments", {year(1964), {}}, {year(1982), {}}, {}, {}});
  const auto s = c.run().scene;
  EXPECT_EQ(count_kind(s, "era"), 1u);
  const bool titled = std::any_of(s.shapes.begin(), s.shapes.end(), [](const scene::Shape& sh) {
    const auto* t = std::get_if<scene::Text>(&sh);
    return t && t->text == "Military governments";
  });
  EXPECT_FALSE(titled);
}

TEST(Eras, TitleCanSitBelowTheChart) {
  Chart c;
  c.style.era.label_position = style::EraLabelPosition::bottom;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  c.timeline.eras.push_back({"Military governments", {year(1964), {}}, {year(1982), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto* title = text_shape(s, "Military governments");
  ASSERT_NE(title, nullptr);
  EXPECT_GE(title->box.y, item(s, "axis", "axis").box.bottom());
  EXPECT_LE(title->box.bottom(), s.height);
}

// The era bands drawn: rects in the era fill's colour, in time order.
std::vector<const scene::Rect*> era_rects(const scene::Scene& s) {
  const Color fill = style::defaults().era.fill;
  std::vector<const scene::Rect*> out;
  for (const auto& sh : s.shapes) {
    const auto* r = std::get_if<scene::Rect>(&sh);
    if (r == nullptr) continue;
    const Color c = r->fill.stops.empty() ? r->fill.color : r->fill.stops.front().color;
    if (std::abs(c.r - fill.r) < 1e-9 && std::abs(c.g - fill.g) < 1e-9 && c.a < 0.5) out.push_back(r);
  }
  std::sort(out.begin(), out.end(), [](const scene::Rect* a, const scene::Rect* b) { return a->box.x < b->box.x; });
  return out;
}

std::size_t rules_at(const scene::Scene& s, double x) {
  return static_cast<std::size_t>(std::count_if(s.shapes.begin(), s.shapes.end(), [&](const scene::Shape& sh) {
    const auto* l = std::get_if<scene::Line>(&sh);
    return l && std::abs(l->from.x - x) < 1e-6 && std::abs(l->to.x - x) < 1e-6 && l->stroke.color.a < 1 &&
           std::abs(l->stroke.color.r - style::defaults().era.fill.r) < 1e-9;
  }));
}

TEST(Eras, TouchingErasAlternateTheirTintAndMeetAtARule) {
  Chart c;
  c.add(point("A", year(1890)));
  c.add(point("B", year(1970)));
  c.timeline.eras.push_back({"First", {year(1900), {}}, {year(1919), {}}, {}, {}});
  c.timeline.eras.push_back({"Second", {year(1920), {}}, {year(1939), {}}, {}, {}});
  c.timeline.eras.push_back({"Third", {year(1940), {}}, {year(1959), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto bands = era_rects(s);
  ASSERT_EQ(bands.size(), 3u);
  EXPECT_GT(bands[1]->fill.color.a, bands[0]->fill.color.a * 1.5);  // the middle one is deeper
  EXPECT_DOUBLE_EQ(bands[2]->fill.color.a, bands[0]->fill.color.a);
  EXPECT_EQ(rules_at(s, bands[0]->box.x), 0u);
  EXPECT_EQ(rules_at(s, bands[1]->box.x), 1u);
  EXPECT_EQ(rules_at(s, bands[2]->box.x), 1u);
}

TEST(Eras, ErasApartKeepOneTintAndNoRule) {
  Chart c;
  c.add(point("A", year(1890)));
  c.add(point("B", year(1970)));
  c.timeline.eras.push_back({"First", {year(1900), {}}, {year(1910), {}}, {}, {}});
  c.timeline.eras.push_back({"Second", {year(1930), {}}, {year(1939), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto bands = era_rects(s);
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_DOUBLE_EQ(bands[1]->fill.color.a, bands[0]->fill.color.a);
  EXPECT_EQ(rules_at(s, bands[1]->box.x), 0u);
}

TEST(Eras, ApproximateEndsFadeAsAnEventsDo) {
  Chart c;
  c.add(point("A", year(1890)));
  c.add(point("B", year(1970)));
  c.timeline.eras.push_back({"Fuzzy", {parsed("c. 1900"), {}}, {year(1950), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto bands = era_rects(s);
  ASSERT_EQ(bands.size(), 1u);
  const auto& stops = bands[0]->fill.stops;
  ASSERT_GE(stops.size(), 3u);
  EXPECT_LT(stops.front().color.a, stops[1].color.a / 3);  // faint at the approximate start
  EXPECT_DOUBLE_EQ(stops.back().color.a, stops[1].color.a);  // a certain end stays solid
}

TEST(Eras, BandReachesOutToItsTitle) {
  Chart c;
  c.add(point("A", year(1890)));
  c.add(point("B", year(2100)));
  // Short eras with long titles: the titles stack in rows above the lanes.
  for (int y = 1900; y < 1960; y += 10)
    c.timeline.eras.push_back({"An era with a long title " + std::to_string(y), {year(y), {}}, {year(y + 9), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto bands = era_rects(s);
  ASSERT_EQ(bands.size(), 6u);
  for (std::size_t i = 0; i < bands.size(); ++i) {
    const auto* title = text_shape(s, "An era with a long title " + std::to_string(1900 + 10 * i));
    ASSERT_NE(title, nullptr) << i;
    EXPECT_LE(bands[i]->box.y, title->box.y + 1e-6) << i;  // the tint runs up behind its title
    EXPECT_NEAR(title->box.x, bands[i]->box.x, 1e-6) << i;  // which starts on the band's edge
  }
}

TEST(Eras, ATitleTooLongForTheRoomBeforeThePlotsEndEndsOnItsBandsOtherEdge) {
  Chart c;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  c.timeline.eras.push_back({"A long era title at the very end", {year(1995), {}}, {year(2000), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto bands = era_rects(s);
  ASSERT_EQ(bands.size(), 1u);
  const auto* title = text_shape(s, "A long era title at the very end");
  ASSERT_NE(title, nullptr);
  EXPECT_NEAR(title->box.right(), bands[0]->box.right(), 1e-6);
}

TEST(Eras, AnEraAcrossAnAxisBreakIsOneBand) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::collapsed;
  c.add(point("A", year(1000)));
  c.add(point("B", year(1001)));
  c.add(point("C", year(1990)));
  c.add(point("D", year(1991)));
  c.timeline.eras.push_back({"Long era", {year(995), {}}, {year(1995), {}}, {}, {}});
  const auto s = c.run().scene;
  EXPECT_EQ(era_rects(s).size(), 1u);
}

TEST(Axis, BreakWidensWithTheAxisType) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::collapsed;
  c.style.axis.label.font.size = 20;
  c.add(point("A", year(1000)));
  c.add(point("B", year(1001)));
  c.add(point("C", year(1900)));
  c.add(point("D", year(1901)));
  const auto s = c.run().scene;
  const auto& lane = item(s, "lane", "main");
  std::vector<Box> bands;
  for (const auto& sh : s.shapes)
    if (const auto* r = std::get_if<scene::Rect>(&sh); r && r->box.y == lane.box.y && r->box.h == lane.box.h)
      bands.push_back(r->box);
  ASSERT_EQ(bands.size(), 2u);
  EXPECT_GE(bands[1].x - bands[0].right(), 2.5 * 20 - 1e-6);
}

TEST(Lanes, TitleInAPaleLaneColourIsDarkenedUntilItReads) {
  Chart c;
  c.timeline.lanes[0].title = "Trade";
  c.timeline.lanes[0].style = {{"lane.color", std::string("#ffe64d"), {}}};
  c.add(point("A", year(1900)));
  const auto s = c.run().scene;
  const auto* text = text_shape(s, "Trade");
  ASSERT_NE(text, nullptr);
  EXPECT_GE(style::contrast_ratio(text->color, c.style.lane.band), 4.5);
}

TEST(Axis, TickLabelsOnALineKeepThreeLabelHeightsApart) {
  Chart c;
  c.style.page.width = 453.5;  // 16 cm
  c.add(point("A", year(1990)));
  c.add(point("B", year(1995)));
  const auto s = c.run().scene;
  std::vector<Box> line;  // the finest labels, all on the first line below the axis
  double top = 1e9;
  for (const auto& i : s.items)
    if (i.kind == scene::ItemKind::tick) top = std::min(top, i.box.y);
  for (const auto& i : s.items)
    if (i.kind == scene::ItemKind::tick && std::abs(i.box.y - top) < 1e-6) line.push_back(i.box);
  std::sort(line.begin(), line.end(), [](const Box& a, const Box& b) { return a.x < b.x; });
  ASSERT_GT(line.size(), 2u);
  for (std::size_t k = 1; k < line.size(); ++k) EXPECT_GE(line[k].x - line[k - 1].right(), 2.5 * line[k].h);
}

TEST(Axis, VerticalTickLabelsKeepThreeLabelHeightsApart) {
  Chart c;
  c.timeline.header.orientation = model::Orientation::vertical;
  c.add(point("A", year(1870)));
  c.add(point("B", year(2030)));
  const auto s = c.run().scene;
  std::vector<Box> column;  // the finest labels, right-aligned next to the axis
  double right = -1e9;
  for (const auto& i : s.items)
    if (i.kind == scene::ItemKind::tick) right = std::max(right, i.box.right());
  for (const auto& i : s.items)
    if (i.kind == scene::ItemKind::tick && std::abs(i.box.right() - right) < 1e-6) column.push_back(i.box);
  std::sort(column.begin(), column.end(), [](const Box& a, const Box& b) { return a.y < b.y; });
  ASSERT_GT(column.size(), 2u);
  for (std::size_t k = 1; k < column.size(); ++k)
    EXPECT_GE(column[k].y - column[k - 1].bottom(), 2.5 * column[k].h);
}

TEST(Axis, EveryLabelledTickIsAnItemWithItsText) {
  Chart c;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  const auto s = c.run().scene;
  EXPECT_GT(count_kind(s, "tick"), 3u);
  for (const auto& i : s.items) {
    if (i.kind == scene::ItemKind::tick) {
      EXPECT_FALSE(i.text.empty());
    }
  }
}

}  // namespace
}  // namespace annals::layout

namespace annals::layout {
namespace {

TEST(PageMap, TimeRunningDownSwapsTheAxesAndTwiceGivesTheBoxBack) {
  const PageMap down{true};
  const Box b{1, 2, 30, 4};
  const Box page = down.box(b);
  EXPECT_DOUBLE_EQ(page.x, 2);
  EXPECT_DOUBLE_EQ(page.y, 1);
  EXPECT_DOUBLE_EQ(page.w, 4);
  EXPECT_DOUBLE_EQ(page.h, 30);
  const Box back = down.box(page);
  EXPECT_DOUBLE_EQ(back.x, b.x);
  EXPECT_DOUBLE_EQ(back.w, b.w);
}

TEST(PageMap, TextBuiltUprightStaysUprightOnThePage) {
  const PageMap down{true};
  const scene::Text upright_text{{10, 20, 50, 9}, "Treaty", {}, {}, {}};
  scene::Shape s = upright(down, upright_text);
  down.apply(s);  // the composition's last step
  const auto& t = std::get<scene::Text>(s);
  EXPECT_DOUBLE_EQ(t.box.x, 10);
  EXPECT_DOUBLE_EQ(t.box.y, 20);
  EXPECT_DOUBLE_EQ(t.box.w, 50);  // its width still runs across the page
  EXPECT_DOUBLE_EQ(t.box.h, 9);
}

TEST(PageMap, AcrossTheTimeAxisIsALineOfTextOnlyWhenTimeRunsDown) {
  EXPECT_FALSE(PageMap{false}.cross_is_inline());
  EXPECT_TRUE(PageMap{true}.cross_is_inline());
  EXPECT_DOUBLE_EQ(PageMap{true}.extent(50, 9).x, 9);  // along t, a line of text takes its height
  EXPECT_DOUBLE_EQ(PageMap{false}.extent(50, 9).x, 50);
}

// Both orientations are one composition: a vertical chart is the same plan
// mapped down the page, with every text upright and measured as drawn.
TEST(Layout, VerticalChartsDrawEveryTextAsMeasured) {
  Chart c;
  c.timeline.header.orientation = model::Orientation::vertical;
  c.timeline.header.title = "Down the page";
  c.timeline.lanes[0].title = "Main";
  c.add(point("A treaty", year(1904)));
  c.add(span("A war", year(1879), year(1883)));
  c.timeline.markers.push_back({"Today", {year(2020), {}}, {}, {}});
  const auto s = c.run().scene;
  std::size_t texts = 0;
  for (const auto& shape : s.shapes) {
    const auto* t = std::get_if<scene::Text>(&shape);
    if (!t) continue;
    ++texts;
    EXPECT_NEAR(t->box.w, c.measurer.measure(t->text, t->font).width, 1e-6) << t->text;
    EXPECT_NEAR(t->box.h, c.measurer.measure(t->text, t->font).height, 1e-6) << t->text;
  }
  EXPECT_GT(texts, 5u);
}

TEST(Layout, AVerticalMarkersRuleStartsPastItsTitleAndRunsAcrossTheLanes) {
  Chart c;
  c.timeline.header.orientation = model::Orientation::vertical;
  c.add(point("A", year(1900)));
  c.add(point("B", year(2000)));
  c.timeline.markers.push_back({"Today", {year(1950), {}}, {}, {}});
  const auto s = c.run().scene;
  const auto& marker = item(s, "marker", "0");
  const auto& lane = item(s, "lane", "main");
  const scene::Text* title = text_shape(s, "Today");
  ASSERT_NE(title, nullptr);
  EXPECT_GT(marker.box.x, title->box.right());          // clear of its last glyph
  EXPECT_NEAR(marker.box.right(), lane.box.right(), 1e-6);  // across every lane
  EXPECT_LE(title->box.right() + 2 + 1e-6, lane.box.x);     // the title beside the lanes, not over them
}

}  // namespace
}  // namespace annals::layout

namespace annals::layout {
namespace {

// Time running down, a column stands in the room a long bar's label leaves
// beside the bar: a point halfway along the bar sits just past the bar,
// under the end of the bar's label, not a whole label's width further.
// Columns keep their order where they share time, and nothing overlaps.
TEST(Rows, VerticalColumnStandsInTheRoomBesideALongBar) {
  Chart c;
  c.timeline.header.orientation = model::Orientation::vertical;
  c.style.page.height = 800;
  c.add(span("A long-running border dispute with its neighbours", year(1900), year(2000)));
  c.add(point("Talks", year(1950)));
  const auto d = c.run();
  ASSERT_EQ(d.lanes[0].rows, 2u);
  const auto &bar = item(d.scene, "event", "0").box, &mark = item(d.scene, "event", "1").box;
  const auto& bar_label = item(d.scene, "label", "0").box;
  EXPECT_GT(mark.x, bar.right());             // past the bar
  EXPECT_LT(mark.right(), bar_label.right());  // within the width of the bar's label
  EXPECT_TRUE(scene::validate(d.scene).empty()) << scene::validate(d.scene).front();
}

// Where the later column's label shares time with the earlier one's, it
// stands past that label, as columns always did.
TEST(Rows, VerticalColumnStandsPastALabelItSharesTimeWith) {
  Chart c;
  c.timeline.header.orientation = model::Orientation::vertical;
  c.style.page.height = 800;
  c.add(span("A long-running border dispute with its neighbours", year(1900), year(2000)));
  c.add(point("Talks", year(1900)));
  const auto d = c.run();
  ASSERT_EQ(d.lanes[0].rows, 2u);
  // Whichever column comes first, the other's mark stands past its label.
  const auto &bar = item(d.scene, "event", "0").box, &mark = item(d.scene, "event", "1").box;
  const bool bar_first = bar.x < mark.x;
  const auto& first_label = item(d.scene, "label", bar_first ? "0" : "1").box;
  EXPECT_GE((bar_first ? mark : bar).x, first_label.right());
  EXPECT_TRUE(scene::validate(d.scene).empty()) << scene::validate(d.scene).front();
}

}  // namespace
}  // namespace annals::layout

namespace annals::layout {
namespace {

// A stretch between axis breaks too short for its labels keeps more time
// on the axis (as a designer widens a crowded stretch) rather than move a
// label below its mark or wrap it into a column of one-word lines.
TEST(Axis, StretchTooShortForItsLabelsKeepsTimeForThem) {
  Chart c;
  c.timeline.header.scale = model::ScaleKind::automatic;
  c.style.page.width = 900;
  c.add(span("Relations with Chile severed", year(1962), year(1975)));
  c.add(point("OAS General Assembly in La Paz", year(1979)));
  c.add(point("Summit of the Americas", year(1994)));
  c.add(point("Hemispheric summit on sustainable development", parsed("1996-12")));
  c.add(point("Association agreement with MERCOSUR", year(1996)));
  c.add(span("Non-permanent member", year(2017), year(2018)));
  const auto d = c.run();
  for (const auto& it : d.scene.items) {
    if (it.kind != scene::ItemKind::label) continue;
    const auto lines = 1 + std::count(it.text.begin(), it.text.end(), '\n');
    EXPECT_LE(lines, 2) << it.text;
  }
  for (const auto& it : d.scene.items) {  // beside its mark, level with it, not moved below
    if (it.kind != scene::ItemKind::label) continue;
    const auto& mark = item(d.scene, "event", it.id).box;
    EXPECT_LT(it.box.y, mark.bottom()) << it.text;
    EXPECT_GT(it.box.bottom(), mark.y) << it.text;
  }
  EXPECT_TRUE(scene::validate(d.scene).empty()) << scene::validate(d.scene).front();
}

}  // namespace
}  // namespace annals::layout

namespace annals::layout {
namespace {

// Time running down, a label shortened at its lines asks for the time its
// whole text would take along time in the most lines a label across may
// take; one shown whole asks for nothing.
TEST(Labels, ShortenedLabelAcrossAsksForTheTimeItsWholeTextTakes) {
  const scale::TimeScale s({{year(1900).begin, year(1910).begin, 0, 100}, {year(1990).begin, year(2000).begin, 124, 224}});
  PlanContext ctx{&s, 0, 224, 40, {}, PageMap{true}, LabelFlow::across};
  styled::Event e;
  e.title = "A very long title of a treaty that wraps into many lines";
  e.first = year(1905);
  e.last = e.first;
  e.begin = e.first.begin;
  e.end = e.last.end;
  e.style.max_label_lines = 3;
  const text::FakeMeasurer m;
  const EventPlan cut = plan_event(e, ctx, m);
  ASSERT_TRUE(cut.shortened);
  ASSERT_TRUE(cut.wants.has_value());
  styled::Event longer = e;
  longer.style.max_label_lines = 3 + std::end(kMoreLinesAlongTime)[-1];
  const EventPlan whole = plan_event(longer, ctx, m);
  EXPECT_FALSE(whole.shortened);
  EXPECT_FALSE(whole.wants.has_value());
  const Box& b = whole.label_box;  // on the page: time runs down
  EXPECT_GE(cut.wants->end - cut.wants->begin, b.h);
}

}  // namespace
}  // namespace annals::layout

namespace annals::layout {
namespace {

// Time running down, an era's title stands in a column beside the lanes
// that grows with its type: on a poster's larger type it is not cut.
TEST(Layout, VerticalEraTitleIsWholeAtLargeType) {
  Chart c;
  c.timeline.header.orientation = model::Orientation::vertical;
  c.style.page.height = 900;
  c.style.era.label.font.size = 30;
  c.add(point("A", year(1960)));
  c.add(point("B", year(1990)));
  c.timeline.eras.push_back({"Military governments", {year(1964), {}}, {year(1982), {}}, {}, {}});
  const auto d = c.run();
  EXPECT_EQ(item(d.scene, "era", "0").text, "Military governments");
}

}  // namespace
}  // namespace annals::layout
