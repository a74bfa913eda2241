// A chart too big for its page at a legible size goes onto several pages of
// that size, each a stretch of time (FORMAT.md §5.6; layout/pages/).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "events.h"
#include "layout/layout.h"
#include "layout/pages/paginate.h"
#include "layout/pages/tiles.h"
#include "layout/page/type_scale.h"
#include "style/style.h"
#include "styled/resolve.h"
#include "text/measurer.h"

namespace annals::layout {
namespace {

dates::Date day(std::int64_t y, int m, int d) { return std::get<dates::Date>(dates::from_ymd(y, m, d)); }

using test::point;
using test::span;

struct Chart {
  model::Timeline timeline;
  style::Style style = style::defaults();
  styled::Options styling;
  text::FakeMeasurer measurer;
  Diagnostics diags;

  explicit Chart(std::string page = "A5", std::size_t lanes = 3) {
    timeline.file = "test.toml";
    timeline.header.title = "A long history";
    for (std::size_t l = 0; l < lanes; ++l)
      timeline.lanes.push_back({"l" + std::to_string(l), "Lane " + std::to_string(l + 1), {}, {}});
    style.page.size = std::move(page);
    style.page.landscape = true;
    styling.now = std::get<dates::Date>(dates::from_ymd(2022, 12, 31));
    timeline.header.scale = model::ScaleKind::linear;
  }
  void add(model::Event e) {
    e.index = timeline.events.size();
    timeline.events.push_back(std::move(e));
  }
  // `n` events over 1900–1999, points and spans, spread over the lanes.
  void fill(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto y = 1900 + static_cast<std::int64_t>(i * 100 / n);
      const int m = static_cast<int>(i % 12) + 1;
      const std::size_t lane = i % timeline.lanes.size();
      if (i % 3 == 0)
        add(span("Span " + std::to_string(i), day(y, m, 1), day(y + 2, m, 28), lane));
      else
        add(point("Event " + std::to_string(i), day(y, m, 15), lane));
    }
  }
  scene::Scene run() { return layout(styled::resolve(timeline, style, styling, diags), {}, measurer, diags); }
};

std::vector<const scene::Item*> items_of(const scene::Scene& page, scene::ItemKind kind) {
  std::vector<const scene::Item*> out;
  for (const auto& it : page.items)
    if (it.kind == kind) out.push_back(&it);
  return out;
}

std::vector<std::string> texts_of(const scene::Scene& page) {
  std::vector<std::string> out;
  for (const auto& s : page.shapes)
    if (const auto* t = std::get_if<scene::Text>(&s)) out.push_back(t->text);
  return out;
}

bool has_text(const scene::Scene& page, const std::string& text) {
  const auto all = texts_of(page);
  return std::find(all.begin(), all.end(), text) != all.end();
}

TEST(Pages, ChartTooBigForItsPageGoesOntoSeveralPagesOfThatSize) {
  Chart c;
  c.fill(600);
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 2u);
  // A5 landscape: 595.3 × 419.5 pt, kept on every page.
  for (std::size_t p = 0; p < scene::page_count(s); ++p) {
    EXPECT_NEAR(scene::page_of(s, p).width, 595.28, 0.01) << "page " << p + 1;
    EXPECT_NEAR(scene::page_of(s, p).height, 419.53, 0.01) << "page " << p + 1;
  }
  // One warning says how many pages it took.
  ASSERT_EQ(c.diags.warning_count(), 1u);
  EXPECT_NE(c.diags.all().front().message.find(std::to_string(scene::page_count(s)) + " pages"), std::string::npos);
}

TEST(Pages, EveryEventIsOnExactlyOnePage) {
  Chart c;
  c.fill(600);
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 1u);
  std::map<std::string, std::set<std::size_t>> pages_of;  // event id → pages its marks and label are on
  std::map<std::string, int> labels;
  for (std::size_t p = 0; p < scene::page_count(s); ++p)
    for (const auto& it : scene::page_of(s, p).items) {
      if (it.kind != scene::ItemKind::event && it.kind != scene::ItemKind::label) continue;
      pages_of[it.event].insert(p);
      if (it.kind == scene::ItemKind::label) ++labels[it.event];
    }
  EXPECT_EQ(pages_of.size(), 600u);
  for (const auto& [id, pages] : pages_of) {
    EXPECT_EQ(pages.size(), 1u) << "event " << id;
    EXPECT_EQ(labels[id], 1) << "event " << id;
  }
}

TEST(Pages, StretchesFollowOneAnotherInTimeOrder) {
  Chart c;
  c.fill(600);
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 2u);
  std::string last_start;  // ISO dates of years 1900–2001 sort as text
  for (std::size_t p = 0; p < scene::page_count(s); ++p) {
    const auto events = items_of(scene::page_of(s, p), scene::ItemKind::event);
    ASSERT_FALSE(events.empty()) << "page " << p + 1 << " has no event";
    std::string lo = events.front()->dates->start, hi = lo;
    for (const auto* e : events) lo = std::min(lo, e->dates->start), hi = std::max(hi, e->dates->start);
    EXPECT_LE(last_start, lo) << "page " << p + 1 << " starts before page " << p << " ends";
    last_start = hi;
  }
}

// How far down its page the lanes' content of `page` reaches.
double content_foot(const scene::Scene& page) {
  double foot = 0;
  for (const auto& it : page.items)
    if (it.kind == scene::ItemKind::event || it.kind == scene::ItemKind::label) foot = std::max(foot, it.box.bottom());
  return foot;
}

TEST(Pages, TheLastPagesShareTheirEventsSoNoneIsLeftNearlyEmpty) {
  // Whatever the count, the chart never ends on a page its last few events
  // leave almost blank: the last pages share them, then give the room left
  // to their rows, so their content reaches as far down as a full page's.
  int paged = 0;
  for (std::size_t n = 500; n <= 700; n += 25) {
    Chart c;
    c.fill(n);
    const scene::Scene s = c.run();
    const std::size_t pages = scene::page_count(s);
    if (pages < 3) continue;
    ++paged;
    double fullest = 0;
    for (std::size_t p = 0; p < pages; ++p) fullest = std::max(fullest, content_foot(scene::page_of(s, p)));
    for (std::size_t p = 0; p < pages; ++p)
      EXPECT_GE(content_foot(scene::page_of(s, p)), 0.85 * fullest)
          << n << " events, page " << p + 1 << " of " << pages;
  }
  EXPECT_GE(paged, 5);
}

TEST(Pages, EachPageHoldsItsContentWithTheAxisLaneHeadersAndTitleRepeated) {
  Chart c;
  c.fill(600);
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 1u);
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});  // every box on its page, no label collision
  for (std::size_t p = 0; p < scene::page_count(s); ++p) {
    const auto& page = scene::page_of(s, p);
    EXPECT_EQ(items_of(page, scene::ItemKind::lane).size(), 3u) << "page " << p + 1;
    EXPECT_FALSE(items_of(page, scene::ItemKind::tick).empty()) << "page " << p + 1;
    EXPECT_FALSE(items_of(page, scene::ItemKind::title).empty()) << "page " << p + 1;
    EXPECT_TRUE(has_text(page, "Lane 2")) << "page " << p + 1;
    // Nothing drawn beyond the page either.
    for (const auto& shape : page.shapes)
      if (const auto* t = std::get_if<scene::Text>(&shape)) {
        EXPECT_GE(t->box.x, 0) << t->text;
        EXPECT_LE(t->box.bottom(), page.height + 0.01) << t->text << " on page " << p + 1;
      }
    EXPECT_EQ(page.outline.size(), 3u);
    EXPECT_EQ(page.page_title.rfind("Page " + std::to_string(p + 1) + " · ", 0), 0u) << page.page_title;
  }
}

// Asked to, layout hands each page over as soon as it is composed and keeps
// none: the same pages, in order, the first saying what fitting chose.
TEST(Pages, HandedOverOneByOneWhenAskedAndNoneKept) {
  Chart whole;
  whole.fill(600);
  const scene::Scene kept = whole.run();
  Chart c;
  c.fill(600);
  std::vector<scene::Scene> pages;
  Options options;
  options.on_page = [&](scene::Scene page) { pages.push_back(std::move(page)); };
  const scene::Scene left = layout(styled::resolve(c.timeline, c.style, c.styling, c.diags), options, c.measurer, c.diags);
  EXPECT_TRUE(left.shapes.empty());
  EXPECT_TRUE(left.items.empty());
  EXPECT_TRUE(left.more_pages.empty());
  ASSERT_EQ(pages.size(), scene::page_count(kept));
  EXPECT_TRUE(pages.front().composed.known);
  for (std::size_t i = 0; i < pages.size(); ++i) {
    scene::Scene page = scene::page_of(kept, i);
    page.more_pages.clear();  // page 1 holds the others
    EXPECT_TRUE(scene::to_text(pages[i]) == scene::to_text(page)) << "page " << i + 1;
  }
}

// A chart of one page is returned, not handed over.
TEST(Pages, ChartOfOnePageIsReturnedEvenWhenPagesAreAskedFor) {
  Chart c("A3");
  c.fill(10);
  std::size_t handed = 0;
  Options options;
  options.on_page = [&](scene::Scene) { ++handed; };
  const scene::Scene s = layout(styled::resolve(c.timeline, c.style, c.styling, c.diags), options, c.measurer, c.diags);
  EXPECT_EQ(handed, 0u);
  EXPECT_FALSE(s.shapes.empty());
}

// The length of a chart's first events, each lane in its fewest rows, is a
// bound from below on the whole chart's: what lets a chart of thousands of
// events go onto pages without composing it whole first.
TEST(Pages, FirstEventsNeedNoMoreThanTheWholeChart) {
  for (const std::size_t n : {300u, 900u}) {
    Chart c("A4");
    c.fill(n);
    const styled::Timeline t = styled::resolve(c.timeline, c.style, c.styling, c.diags);
    ChartInput in;
    in.chart = &t;
    in.style = &t.style;
    const Options options;
    in.options = &options;
    in.measurer = &c.measurer;
    in.diags = &c.diags;
    in.domain = chart_domain(t);
    in.page = page_frame(t.style.page);
    in.fit.measure_only = true;
    const double whole = compose(in).natural;
    const double first = first_stretch_length(in, in.page.height, n / 3);
    EXPECT_GT(first, 0) << n;
    EXPECT_LE(first, whole) << n;
    EXPECT_GT(first, whole / 6) << n;  // a third of the events: not far below a third of the length
  }
}

// Pages are finished as they are found, before their number is known: the
// last page alone says how many there are.
TEST(Pages, FooterNumbersEachPageAndSaysWhereTheChartContinues) {
  Chart c;
  c.fill(600);
  const scene::Scene s = c.run();
  const std::size_t n = scene::page_count(s);
  ASSERT_GT(n, 2u);
  const std::string of = " of " + std::to_string(n);
  EXPECT_TRUE(has_text(s, "page 1"));
  EXPECT_FALSE(has_text(s, "page 1" + of));
  EXPECT_FALSE(has_text(s, "continued from page 0"));
  EXPECT_TRUE(has_text(s, "continued on page 2"));
  const auto& middle = scene::page_of(s, 1);
  EXPECT_TRUE(has_text(middle, "page 2"));
  EXPECT_TRUE(has_text(middle, "continued from page 1"));
  EXPECT_TRUE(has_text(middle, "continued on page 3"));
  const auto& last = scene::page_of(s, n - 1);
  EXPECT_TRUE(has_text(last, "page " + std::to_string(n) + of));
  EXPECT_FALSE(has_text(last, "continued on page " + std::to_string(n + 1)));
}

TEST(Pages, SpanCrossingACutEndsSquareAtThePageEdge) {
  Chart c("A6", 1);
  c.fill(200);
  c.add(span("The long war", day(1910, 1, 1), day(1990, 1, 1)));
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 2u);
  // Drawn once, on the page of its start, running to that page's plot edge.
  std::size_t found = 0;
  for (std::size_t p = 0; p < scene::page_count(s); ++p)
    for (const auto* e : items_of(scene::page_of(s, p), scene::ItemKind::event))
      if (e->title == "The long war") ++found;
  EXPECT_EQ(found, 1u);
}

TEST(Pages, ManyEventsAtOneMomentStillSplitIntoPagesThatFit) {
  Chart c("A6", 1);
  for (int i = 0; i < 200; ++i) c.add(point("Event " + std::to_string(i), day(1950, 1, 1)));
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 1u);
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});
  std::size_t events = 0;
  for (std::size_t p = 0; p < scene::page_count(s); ++p) {
    events += items_of(scene::page_of(s, p), scene::ItemKind::event).size();
    EXPECT_NEAR(scene::page_of(s, p).height, 297.64, 0.01);
  }
  EXPECT_EQ(events, 200u);
}

TEST(Pages, PageThatGrowsWithItsContentStopsAtTheLongestPdfSide) {
  Chart c("auto", 2);
  c.style.page.width = 600;
  c.fill(6000);
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 1u);
  for (std::size_t p = 0; p < scene::page_count(s); ++p) {
    EXPECT_LE(scene::page_of(s, p).height, kMaxPageSide);
    EXPECT_EQ(scene::page_of(s, p).width, 600);
  }
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});
}

TEST(Pages, VerticalChartSplitsDownTheTimeAxisOnPortraitPages) {
  Chart c("A5", 3);
  c.timeline.header.orientation = model::Orientation::vertical;
  c.fill(500);
  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 1u);
  for (std::size_t p = 0; p < scene::page_count(s); ++p) {
    EXPECT_NEAR(scene::page_of(s, p).width, 419.53, 0.01);
    EXPECT_NEAR(scene::page_of(s, p).height, 595.28, 0.01);
  }
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});
}

// Time running down, a page has room along time and little across it:
// narrower labels in more lines put more events on a page, and the paged
// chart takes the label width that puts the most on its first page.
TEST(Pages, VerticalPagesTakeTheLabelWidthThatHoldsTheMostEvents) {
  Chart c("A4", 3);
  c.timeline.header.orientation = model::Orientation::vertical;
  c.style.page.landscape = false;
  // Spans of years beside points, dated to the day.
  for (std::size_t i = 0; i < 400; ++i) {
    const auto y = 1800 + static_cast<std::int64_t>(i / 4);
    const int m = static_cast<int>(i % 12) + 1;
    const std::string title = "Canal loan summit " + std::to_string(i);
    if (i % 4 == 0)
      c.add(span(title, day(y, m, 1), day(y + 8, m, 28), (i / 4) % c.timeline.lanes.size()));
    else
      c.add(point(title, day(y, m, 15), (i * 7) % c.timeline.lanes.size()));
  }
  const styled::Timeline resolved = styled::resolve(c.timeline, c.style, c.styling, c.diags);
  const PageFrame page = page_frame(resolved.style.page);
  // At the smallest type, as a chart goes onto pages.
  const double k = type_range(resolved.style, page).min;
  const styled::Timeline t = scaled(resolved, k);
  ChartInput in;
  in.chart = &t;
  in.style = &t.style;
  const Options options;
  in.options = &options;
  in.measurer = &c.measurer;
  in.diags = &c.diags;
  in.domain = chart_domain(t);
  in.page = page;
  in.fit.scale = k;
  // Every label width and number of lines the chart may take, as layout tries them.
  const FirstPage wide = first_page_events(in, in.page.width, 0);
  ASSERT_GT(wide.events, 0u);
  std::size_t most = wide.events;
  for (const double factor : {1.0, 0.7, 0.5, 0.35, 0.25})
    for (const int extra : {0, 2, 5}) {
      ChartInput narrow = in;
      narrow.fit.label_factor = factor;
      narrow.fit.extra_lines = extra;
      const FirstPage tried = first_page_events(narrow, in.page.width, 0);
      if (tried.shortened <= wide.shortened) most = std::max(most, tried.events);
    }
  EXPECT_GT(static_cast<double>(most), 1.1 * static_cast<double>(wide.events));  // narrower labels pay here

  const scene::Scene s = c.run();
  ASSERT_GT(scene::page_count(s), 1u);
  std::set<std::string> first;
  for (const auto* it : items_of(s, scene::ItemKind::event)) first.insert(it->id);
  // The widest labels unless narrower ones take a tenth more events.
  EXPECT_GE(1.1 * static_cast<double>(first.size()), static_cast<double>(most));
  EXPECT_EQ(scene::validate(s), std::vector<std::string>{});
}

// The chart's ends are rounded for the whole chart (1800–2020 for events
// of 1811–2011); a first or last page of a few years rounds to its own
// events, or its axis would start or end years of empty time away from them.
TEST(Pages, FirstAndLastPagesEndNearTheirOwnEvents) {
  Chart c("A5");
  for (std::size_t i = 0; i < 400; ++i) {
    const auto y = 1811 + static_cast<std::int64_t>(i * 200 / 399);
    c.add(point("Event " + std::to_string(i), day(y, static_cast<int>(i % 12) + 1, 15), i % 3));
  }
  const scene::Scene s = c.run();
  const std::size_t pages = scene::page_count(s);
  ASSERT_GT(pages, 2u);
  for (const std::size_t p : {std::size_t{0}, pages - 1}) {
    const scene::Scene& page = scene::page_of(s, p);
    const auto lanes = items_of(page, scene::ItemKind::lane);
    const auto marks = items_of(page, scene::ItemKind::event);
    ASSERT_FALSE(lanes.empty());
    ASSERT_FALSE(marks.empty());
    double x0 = lanes[0]->box.x, x1 = lanes[0]->box.right(), lo = marks[0]->box.x, hi = marks[0]->box.right();
    for (const auto* m : marks) lo = std::min(lo, m->box.x), hi = std::max(hi, m->box.right());
    const double plot = x1 - x0;
    if (p == 0) {
      EXPECT_LT(lo - x0, 0.15 * plot) << "page 1 starts " << (lo - x0) / plot << " of its width early";
    } else {
      EXPECT_LT(x1 - hi, 0.15 * plot) << "the last page ends " << (x1 - hi) / plot << " of its width late";
    }
  }
}

// A timeline's own start and end are kept on the first and last page.
TEST(Pages, TimelineStartAndEndAreKeptOnTheFirstAndLastPage) {
  Chart c("A5");
  for (std::size_t i = 0; i < 400; ++i) {
    const auto y = 1803 + static_cast<std::int64_t>(i * 214 / 399);
    c.add(point("Event " + std::to_string(i), day(y, static_cast<int>(i % 12) + 1, 15), i % 3));
  }
  c.timeline.header.start = model::LocatedDate{std::get<dates::Date>(dates::from_year(1790)), {}};
  c.timeline.header.end = model::LocatedDate{std::get<dates::Date>(dates::from_year(2030)), {}};
  const scene::Scene s = c.run();
  const std::size_t pages = scene::page_count(s);
  ASSERT_GT(pages, 2u);
  const auto ticks_of = [&](std::size_t p) {
    std::vector<std::string> out;
    for (const auto* t : items_of(scene::page_of(s, p), scene::ItemKind::tick)) out.push_back(t->text);
    return out;
  };
  const auto first = ticks_of(0), last = ticks_of(pages - 1);
  EXPECT_NE(std::find(first.begin(), first.end(), "1790"), first.end());
  EXPECT_NE(std::find(last.begin(), last.end(), "2030"), last.end());
}

TEST(Pages, DumpListsEveryPageAndTagsEachItemWithItsPage) {
  Chart c;
  c.fill(600);
  const scene::Scene s = c.run();
  const std::size_t n = scene::page_count(s);
  ASSERT_GT(n, 1u);
  const std::string json = scene::to_json(s);
  // The first page, with what page fitting chose, then every page's size.
  EXPECT_EQ(json.rfind(R"({"page":{"width":595.28,"height":419.53,)", 0), 0u);
  EXPECT_NE(json.find(R"(},"pages":[{"width":595.28,"height":419.53},)"), std::string::npos)
      << json.substr(0, 200);
  std::size_t items = 0;
  for (std::size_t p = 0; p < n; ++p) items += scene::page_of(s, p).items.size();
  std::size_t tagged = 0;
  for (auto at = json.find(R"(,"page":)"); at != std::string::npos; at = json.find(R"(,"page":)", at + 1)) ++tagged;
  EXPECT_EQ(tagged, items);
  EXPECT_NE(json.find(R"(,"page":)" + std::to_string(n) + ","), std::string::npos);
  EXPECT_EQ(json.find(R"(,"page":)" + std::to_string(n + 1) + ","), std::string::npos);
}

TEST(Pages, SinglePageDumpHasNoPagesNorItemPages) {
  Chart c;
  c.fill(5);
  const scene::Scene s = c.run();
  ASSERT_EQ(scene::page_count(s), 1u);
  const std::string json = scene::to_json(s);
  EXPECT_EQ(json.find("\"pages\""), std::string::npos);
  EXPECT_EQ(json.find(",\"page\":"), std::string::npos);
}

}  // namespace
}  // namespace annals::layout

namespace annals::layout {
namespace {

// A poster of 2000 × 1000 pt with a square in each corner and one in the middle.
scene::Scene poster() {
  scene::Scene s;
  s.width = 2000;
  s.height = 1000;
  const auto square = [&](double x, double y, const std::string& id) {
    s.shapes.push_back(scene::Rect{{x, y, 20, 20}, 0, scene::Paint::solid({0, 0, 0, 1}), {}});
    scene::Item it;
    it.kind = scene::ItemKind::marker;
    it.id = id;
    it.box = {x, y, 20, 20};
    s.items.push_back(it);
  };
  square(10, 10, "top-left");
  square(1970, 10, "top-right");
  square(10, 970, "bottom-left");
  square(1970, 970, "bottom-right");
  square(990, 490, "middle");
  return s;
}

TEST(Tiles, PosterIsCutIntoOverlappingSheetsOfTheTileSize) {
  auto st = style::defaults();
  st.page.tiles = "A4";
  const text::FakeMeasurer m;
  Diagnostics diags;
  const scene::Scene sheets = tile(poster(), st, m, diags);
  EXPECT_FALSE(diags.has_errors());
  // A4 landscape windows 774 × 527 pt stepping by 746 × 499: 3 columns, 2 rows.
  ASSERT_EQ(scene::page_count(sheets), 6u);
  std::map<std::string, std::size_t> seen;
  for (std::size_t p = 0; p < scene::page_count(sheets); ++p) {
    const auto& s = scene::page_of(sheets, p);
    EXPECT_NEAR(s.width, 841.89, 0.01);
    EXPECT_NEAR(s.height, 595.28, 0.01);
    ASSERT_TRUE(s.clip.has_value());
    EXPECT_NEAR(s.clip->x, kTileFrame, 1e-9);
    EXPECT_NEAR(s.clip->right(), s.width - kTileFrame, 1e-9);
    // Eight crop marks (two at each corner) and the sheet's place.
    std::size_t solid = 0;
    for (const auto& mark : s.marks)
      if (const auto* l = std::get_if<scene::Line>(&mark); l && l->stroke.dash.empty()) {
        ++solid;
        EXPECT_FALSE(s.clip->contains({std::min(l->from.x, l->to.x), std::min(l->from.y, l->to.y), 0, 0}));
      }
    EXPECT_EQ(solid, 8u);
    for (const auto& it : s.items) {
      ++seen[it.id];
      EXPECT_TRUE(s.clip->contains(it.box)) << it.id << " on sheet " << p + 1;
    }
  }
  // Each corner on one sheet; the middle square, in an overlap, on more than one.
  EXPECT_EQ(seen["top-left"], 1u);
  EXPECT_EQ(seen["top-right"], 1u);
  EXPECT_EQ(seen["bottom-left"], 1u);
  EXPECT_EQ(seen["bottom-right"], 1u);
  EXPECT_GE(seen["middle"], 1u);
  // The top-left square keeps its place inside the first sheet's frame.
  const auto& first = scene::page_of(sheets, 0);
  EXPECT_NEAR(first.items.front().box.x, kTileFrame + 10, 1e-9);
}

TEST(Tiles, NeighbouringSheetsShowTheOverlapTwice) {
  auto st = style::defaults();
  st.page.tiles = "A4";
  const text::FakeMeasurer m;
  Diagnostics diags;
  scene::Scene p = poster();
  // A square just inside where the second column starts, within the overlap strip.
  const double second = 841.89 - 2 * kTileFrame - kTileOverlap;
  p.shapes.push_back(scene::Rect{{second + 5, 100, 10, 10}, 0, scene::Paint::solid({0, 0, 0, 1}), {}});
  const scene::Scene sheets = tile(p, st, m, diags);
  std::size_t on = 0;
  for (std::size_t i = 0; i < 2; ++i)
    for (const auto& s : scene::page_of(sheets, i).shapes)
      if (const auto* r = std::get_if<scene::Rect>(&s); r && r->box.w == 10) ++on;
  EXPECT_EQ(on, 2u);
}

TEST(Tiles, SheetThatHoldsThePageWholeIsAnErrorAtTheKey) {
  auto st = style::defaults();
  st.page.tiles = "A0";
  st.page.tiles_where = {"style.toml", 4, 9};
  const text::FakeMeasurer m;
  Diagnostics diags;
  const scene::Scene out = tile(poster(), st, m, diags);
  ASSERT_TRUE(diags.has_errors());
  EXPECT_EQ(diags.all().front().where.line, 4u);
  EXPECT_EQ(scene::page_count(out), 1u);
  EXPECT_EQ(out.width, 2000);
}

}  // namespace
}  // namespace annals::layout

namespace annals::layout {
namespace {

TEST(Pages, LegibleShareIsTheFloorOverTheBodySize) {
  auto st = style::defaults();
  st.font.size = 9;
  EXPECT_NEAR(legible_share(st), 6.0 / 9.0, 1e-12);
  st.font.size = kLegibleFontSize;
  EXPECT_EQ(legible_share(st), 1.0);
  st.font.size = 4;  // already below the floor: it cannot shrink further
  EXPECT_EQ(legible_share(st), 1.0);
}

}  // namespace
}  // namespace annals::layout
