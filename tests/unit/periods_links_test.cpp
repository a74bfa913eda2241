// Several periods on one row (FORMAT.md §5.1) and links between events
// (§5.2): the TOML and CSV readers with every error at its place, the layout
// of both orientations and what the dump says of them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "layout/layout.h"
#include "layout/links/links.h"
#include "load/load.h"
#include "scene/scene.h"
#include "style/style.h"
#include "styled/resolve.h"
#include "text/measurer.h"

namespace annals {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Loaded {
  std::optional<model::Timeline> tl;
  Diagnostics diags;
};

Loaded toml(std::string_view text) {
  Loaded l;
  l.tl = load::timeline(text, "t.toml", l.diags);
  return l;
}

Loaded csv(std::string_view text) {
  Loaded l;
  l.tl = load::csv_timeline(text, "events.csv", ',', l.diags);
  return l;
}

// Every diagnostic as the command line prints its first line, notes as "note: ..." lines after it.
std::vector<std::string> lines(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags.all()) {
    out.push_back(fmt::format("{}:{}:{}: {}: {}", d.where.file, d.where.line, d.where.col,
                              d.severity == Severity::error ? "error" : "warning", d.message));
    for (const auto& n : d.notes)
      out.push_back(n.where.line > 0 ? fmt::format("note {}:{}: {}", n.where.line, n.where.col, n.message)
                                     : "note: " + n.message);
  }
  return out;
}

std::vector<std::string> errors(const Diagnostics& diags) {
  std::vector<std::string> out;
  for (const auto& l : lines(diags))
    if (l.find(": error: ") != std::string::npos) out.push_back(l);
  return out;
}

constexpr std::string_view kHead = "[timeline]\nnow = 2022-12-31\n";

// ---- TOML: periods ----------------------------------------------------------

TEST(Periods, LoadInTheOrderWritten) {
  const auto l = toml(std::string(kHead) +
                      "[[event]]\ntitle = \"Relations broken\"\n"
                      "periods = [ { start = 1962, end = 1975 }, { date = 1977 }, { start = 1978, end = \"present\" } ]\n");
  ASSERT_TRUE(l.tl);
  EXPECT_TRUE(l.diags.all().empty()) << lines(l.diags).front();
  ASSERT_EQ(l.tl->events.size(), 1u);
  const auto& e = l.tl->events[0];
  EXPECT_FALSE(e.date || e.start || e.end);
  ASSERT_EQ(e.periods.size(), 3u);
  EXPECT_TRUE(e.periods[0].is_span());
  EXPECT_FALSE(e.periods[1].is_span());
  EXPECT_TRUE(e.periods[2].end->date.present);
  EXPECT_EQ(e.periods[1].where.line, 5);
  EXPECT_EQ(e.periods[1].where.col, 43);
}

TEST(Periods, ArrayOfTablesFormLoadsToo) {
  const auto l = toml(std::string(kHead) +
                      "[[event]]\ntitle = \"A\"\n[[event.periods]]\nstart = 1900\nend = 1910\n"
                      "[[event.periods]]\ndate = 1920\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->events.size(), 1u);
  EXPECT_EQ(l.tl->events[0].periods.size(), 2u);
}

TEST(Periods, WithADateIsAnErrorAtTheDateKey) {
  const auto l = toml(std::string(kHead) + "[[event]]\ntitle = \"A\"\ndate = 1950\nperiods = [ { date = 1960 } ]\n");
  EXPECT_THAT(lines(l.diags),
              ElementsAre("t.toml:5:1: error: an event has either 'periods' or 'date', not both; write every period "
                          "in 'periods'",
                          "note 6:1: 'periods' is here"));
  EXPECT_TRUE(l.tl->events.empty());
}

TEST(Periods, OutOfOrderOrOverlappingIsAnErrorAtTheOffendingPeriod) {
  const auto l = toml(std::string(kHead) +
                      "[[event]]\ntitle = \"A\"\n"
                      "periods = [ { start = 1962, end = 1975 }, { start = 1970, end = 1980 } ]\n"
                      "[[event]]\ntitle = \"B\"\n"
                      "periods = [ { date = 1990 }, { date = 1980 } ]\n"
                      "[[event]]\ntitle = \"C\"\n"
                      "periods = [ { start = 1962, end = 1975 }, { start = 1975, end = 1980 } ]\n");
  EXPECT_THAT(lines(l.diags),
              ElementsAre("t.toml:5:43: error: the period 1970–1980 overlaps the period before it (1962–1975); "
                          "write the periods in time order, without overlaps",
                          "note 5:13: the period before it (1962–1975) is here",
                          "t.toml:8:30: error: the period 1980 comes before the period before it (1990); write the "
                          "periods in time order, without overlaps",
                          "note 8:13: the period before it (1990) is here",
                          "t.toml:11:43: error: the period 1975–1980 overlaps the period before it (1962–1975); "
                          "write the periods in time order, without overlaps",
                          "note 11:13: the period before it (1962–1975) is here"));
  EXPECT_TRUE(l.tl->events.empty());
}

TEST(Periods, OnlyTheLastMayBeOngoing) {
  const auto l = toml(std::string(kHead) + "[[event]]\ntitle = \"A\"\n"
                                           "periods = [ { start = 1962, end = \"present\" }, { date = 1990 } ]\n");
  EXPECT_THAT(errors(l.diags), ElementsAre("t.toml:5:48: error: a period (1990) after one that runs to 'present'; "
                                           "only the last period can be ongoing"));
}

TEST(Periods, ShapeErrorsArePositioned) {
  const auto l = toml(std::string(kHead) +
                      "[[event]]\ntitle = \"A\"\nperiods = []\n"
                      "[[event]]\ntitle = \"B\"\nperiods = 1962\n"
                      "[[event]]\ntitle = \"C\"\nperiods = [ 1962 ]\n"
                      "[[event]]\ntitle = \"D\"\nperiods = [ { start = 1962 } ]\n"
                      "[[event]]\ntitle = \"E\"\nperiods = [ { } ]\n"
                      "[[event]]\ntitle = \"F\"\nperiods = [ { date = 1962, end = 1970 } ]\n"
                      "[[event]]\ntitle = \"G\"\nperiods = [ { start = 1970, end = 1962 } ]\n"
                      "[[event]]\ntitle = \"H\"\nperiods = [ { date = \"present\" } ]\n");
  EXPECT_THAT(errors(l.diags),
              ElementsAre("t.toml:5:11: error: 'periods' needs at least one period ({ start = 1962, end = 1975 } or "
                          "{ date = 1975 })",
                          "t.toml:8:11: error: 'periods' must be an array of periods (periods = [ { start = 1962, "
                          "end = 1975 } ]), found an integer",
                          "t.toml:11:13: error: each period must be a table ({ start = 1962, end = 1975 } or "
                          "{ date = 1975 }), found an integer",
                          "t.toml:14:15: error: 'start' without 'end' (a point event uses 'date')",
                          "t.toml:17:13: error: a period needs a 'date' or a 'start' and an 'end'",
                          "t.toml:20:15: error: a period has either a 'date' or a 'start' and an 'end', not both",
                          "t.toml:23:35: error: 'end' (1962) is before 'start' (1970)",
                          "t.toml:26:22: error: 'present' cannot be the date of a point event; it may only end a "
                          "span or date a marker"));
  ASSERT_EQ(l.tl->events.size(), 1u) << l.tl->events[0].title;
  EXPECT_EQ(l.tl->events[0].title, "G");  // an end before its start is reported, and the period drawn as written
}

TEST(Periods, AnUnknownKeyInAPeriodIsAWarningWithTheNearestKey) {
  const auto l = toml(std::string(kHead) + "[[event]]\ntitle = \"A\"\nperiods = [ { start = 1962, ends = 1975, end = 1975 } ]\n");
  const auto all = lines(l.diags);
  ASSERT_GE(all.size(), 2u);
  EXPECT_THAT(all[0], HasSubstr("t.toml:5:29: warning: unknown key 'ends' in a period"));
  EXPECT_THAT(all, ::testing::Contains(HasSubstr("did you mean 'end'?")));
  ASSERT_EQ(l.tl->events.size(), 1u);
}

TEST(Periods, PresentBeforeTheStartOfAPeriodIsAnError) {
  Diagnostics diags;
  const auto l = toml("[[event]]\ntitle = \"A\"\nperiods = [ { date = 1900 }, { start = 2030, end = \"present\" } ]\n");
  ASSERT_TRUE(l.tl);
  load::check_present(*l.tl, std::get<dates::Date>(dates::from_ymd(2022, 12, 31)), {"now", {}}, diags);
  EXPECT_THAT(errors(diags), ElementsAre(HasSubstr("t.toml:3:52: error: 'end' (present, 31 Dec 2022) is before "
                                                   "'start' (2030)")));
}

// ---- TOML: links --------------------------------------------------------------

constexpr std::string_view kTwo =
    "[[event]]\nid = \"war\"\ntitle = \"War\"\nstart = 1879\nend = 1883\n"
    "[[event]]\nid = \"corridor\"\ntitle = \"Corridor\"\nstart = 1884\nend = \"present\"\n";

TEST(Links, LoadWithBothEndsAndTheTitle) {
  const auto l = toml(std::string(kHead) + std::string(kTwo) +
                      "[[link]]\nfrom = \"war\"\nto = \"corridor\"\ntitle = \"leads to\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_TRUE(l.diags.all().empty());
  ASSERT_EQ(l.tl->links.size(), 1u);
  EXPECT_EQ(l.tl->links[0].from, 0u);
  EXPECT_EQ(l.tl->links[0].to, 1u);
  EXPECT_EQ(l.tl->links[0].title, "leads to");
  EXPECT_EQ(l.tl->links[0].where.line, 13);
  EXPECT_EQ(l.tl->links[0].title_where.line, 16);
}

TEST(Links, UnknownIdsAreErrorsAtTheKeyWithTheNearestId) {
  const auto l = toml(std::string(kHead) + std::string(kTwo) + "[[link]]\nfrom = \"wart\"\nto = \"nowhere-at-all\"\n");
  EXPECT_THAT(lines(l.diags), ElementsAre("t.toml:14:8: error: unknown event id 'wart' in 'from'",
                                          "note 4:6: did you mean 'war'?",
                                          "t.toml:15:6: error: unknown event id 'nowhere-at-all' in 'to'"));
  EXPECT_TRUE(l.tl->links.empty());
}

TEST(Links, MissingEndsSameEventAndWrongTypesAreErrors) {
  const auto l = toml(std::string(kHead) + std::string(kTwo) +
                      "[[link]]\nto = \"war\"\n"
                      "[[link]]\nfrom = \"war\"\nto = \"war\"\n"
                      "[[link]]\nfrom = 3\nto = \"war\"\n"
                      "[[link]]\nfrom = \"war\"\nto = \"corridor\"\ncolour = \"red\"\n");
  EXPECT_THAT(lines(l.diags),
              ElementsAre("t.toml:13:1: error: [[link]] needs a 'from' (the id of an event)",
                          "t.toml:17:1: error: a link joins two events; 'from' and 'to' name the same one",
                          "t.toml:19:8: error: 'from' must be a string, found an integer",
                          "t.toml:24:1: warning: unknown key 'colour' in [[link]]"));
  ASSERT_EQ(l.tl->links.size(), 1u);
}

TEST(Links, ToAnEventThatFailedIsNotReportedAgain) {
  const auto l = toml(std::string(kHead) + "[[event]]\nid = \"a\"\ntitle = \"A\"\ndate = \"1879-02-30\"\n" +
                      "[[event]]\nid = \"b\"\ntitle = \"B\"\ndate = 1900\n[[link]]\nfrom = \"a\"\nto = \"b\"\n");
  ASSERT_EQ(errors(l.diags).size(), 1u);
  EXPECT_THAT(errors(l.diags)[0], HasSubstr("t.toml:6:17: error: day 30 does not exist in February 1879"));
}

// ---- CSV: the periods column ---------------------------------------------------

TEST(CsvPeriods, ReadSpansAndDatesWithEveryDivider) {
  const auto l = csv("title,periods\n"
                     "A,1962–1975; 1978–present\n"
                     "B,1962-1975; 1980; 1990-present\n"
                     "C,1996-12 / 1997-01;2000 to 2001;2010--2012\n");
  ASSERT_TRUE(l.tl);
  EXPECT_TRUE(l.diags.all().empty()) << lines(l.diags).front();
  ASSERT_EQ(l.tl->events.size(), 3u);
  const auto& a = l.tl->events[0].periods;
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(dates::label(a[0].start->date), "1962");
  EXPECT_EQ(dates::label(a[0].end->date), "1975");
  EXPECT_TRUE(a[1].end->date.present);
  const auto& b = l.tl->events[1].periods;
  ASSERT_EQ(b.size(), 3u);
  EXPECT_TRUE(b[0].is_span());
  EXPECT_FALSE(b[1].is_span());
  EXPECT_EQ(b[1].where.col, 14);
  const auto& c = l.tl->events[2].periods;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].start->date.precision, dates::Precision::month);
  EXPECT_EQ(dates::label(c[2].end->date), "2012");
}

TEST(CsvPeriods, ErrorsAreAtTheColumnOfTheirPeriod) {
  const auto l = csv("title,periods\n"
                     "A,1962–1975; 1970–1980\n"
                     "B,1962;;1970\n"
                     "C,1962–\n"
                     "D,1962–1975; 1978–19x5\n"
                     "E,\"1962–1975; present\"\n");
  EXPECT_THAT(lines(l.diags),
              ElementsAre("events.csv:2:14: error: the period 1970–1980 overlaps the period before it (1962–1975); "
                          "write the periods in time order, without overlaps",
                          "note 2:3: the period before it (1962–1975) is here",
                          "events.csv:3:8: error: an empty period in 'periods'; write periods as 1962–1975; "
                          "1978–present",
                          "events.csv:4:3: error: a period with a start and no end; write 1978–present for one that "
                          "is ongoing",
                          HasSubstr("events.csv:5:19: error: could not read '19x5' as a date"),
                          "events.csv:6:15: error: 'present' cannot be the date of a point event; it may only end a "
                          "span or date a marker"));
  EXPECT_TRUE(l.tl->events.empty());
}

TEST(CsvPeriods, WithADateInTheSameRowIsAnError) {
  const auto l = csv("title,date,periods\nA,1950,1962–1975\nB,,1962–1975\nC,,\n");
  EXPECT_THAT(lines(l.diags),
              ElementsAre("events.csv:2:3: error: an event has either 'periods' or a 'date' or a 'start' and an "
                          "'end', not both",
                          "note 2:8: 'periods' is here",
                          "events.csv:4:1: error: an event needs a 'date', a 'start' and an 'end', or 'periods'"));
  ASSERT_EQ(l.tl->events.size(), 1u);
  EXPECT_EQ(l.tl->events[0].periods.size(), 1u);
}

// ---- layout and the dump ----------------------------------------------------------

struct Drawn {
  scene::Scene scene;
  Diagnostics diags;
};

Drawn draw(std::string_view text, bool vertical = false, double width = 700, style::Style st = style::defaults()) {
  Drawn d;
  auto l = toml(text);
  EXPECT_TRUE(l.tl);
  for (const auto& g : l.diags.all()) EXPECT_NE(g.severity, Severity::error) << format(g);
  if (!l.tl) return d;
  if (vertical) l.tl->header.orientation = model::Orientation::vertical;
  st.page.size = "auto";
  st.page.width = width;
  styled::Options o;
  o.now = std::get<dates::Date>(dates::from_ymd(2022, 12, 31));
  const text::FakeMeasurer m;
  d.scene = layout::layout(styled::resolve(*l.tl, st, o, d.diags), {}, m, d.diags);
  return d;
}

std::vector<const scene::Item*> items(const scene::Scene& s, scene::ItemKind kind, std::string_view event = {}) {
  std::vector<const scene::Item*> out;
  for (const auto& it : s.items)
    if (it.kind == kind && (event.empty() || it.event == event || (kind == scene::ItemKind::link && it.id == event)))
      out.push_back(&it);
  return out;
}

constexpr std::string_view kChile =
    "[timeline]\nnow = 2022-12-31\nscale = \"linear\"\n"
    "[[event]]\nid = \"war\"\ntitle = \"War of the Pacific\"\nstart = 1879\nend = 1883\n"
    "[[event]]\nid = \"corridor\"\ntitle = \"Demand for a corridor\"\nstart = 1884\nend = \"present\"\n"
    "[[event]]\nid = \"relations\"\ntitle = \"Relations broken\"\n"
    "periods = [ { start = 1962, end = 1975 }, { date = \"1985\" }, { start = 1995, end = \"present\" } ]\n"
    "[[event]]\nid = \"icj\"\ntitle = \"ICJ ruling\"\ndate = 2018-10-01\n"
    "[[link]]\nfrom = \"war\"\nto = \"corridor\"\ntitle = \"coast lost\"\n"
    "[[link]]\nfrom = \"relations\"\nto = \"icj\"\n";

TEST(PeriodsLayout, OneEventItemPerPeriodWithItsOwnDatesAndOneLabel) {
  for (const bool vertical : {false, true}) {
    const Drawn d = draw(kChile, vertical);
    const auto marks = items(d.scene, scene::ItemKind::event, "relations");
    ASSERT_EQ(marks.size(), 3u) << vertical;
    EXPECT_EQ(marks[0]->dates->start, "1962-01-01");
    EXPECT_EQ(marks[0]->dates->end, "1975-12-31");
    EXPECT_FALSE(marks[0]->dates->open);
    EXPECT_EQ(marks[1]->dates->start, "1985-01-01");
    EXPECT_EQ(marks[1]->dates->end, "1985-12-31");
    EXPECT_EQ(marks[2]->dates->start, "1995-01-01");
    EXPECT_TRUE(marks[2]->dates->open);
    for (std::size_t k = 0; k < 3; ++k) {
      EXPECT_EQ(marks[k]->id, "relations");
      EXPECT_EQ(marks[k]->period, k + 1);
      EXPECT_EQ(marks[k]->title, "Relations broken");
    }
    // One row: the periods share the centre line across t, in time order along it.
    const auto centre = [&](const scene::Item* it) { return vertical ? it->box.x + it->box.w / 2 : it->box.y + it->box.h / 2; };
    const auto along = [&](const scene::Item* it) { return vertical ? it->box.y : it->box.x; };
    const auto end_along = [&](const scene::Item* it) { return vertical ? it->box.bottom() : it->box.right(); };
    EXPECT_NEAR(centre(marks[0]), centre(marks[2]), 0.01);
    EXPECT_NEAR(centre(marks[0]), centre(marks[1]), 0.01);
    EXPECT_LT(end_along(marks[0]), along(marks[1]));
    EXPECT_LT(end_along(marks[1]), along(marks[2]));
    const auto labels = items(d.scene, scene::ItemKind::label, "relations");
    ASSERT_EQ(labels.size(), 1u);
    EXPECT_THAT(labels[0]->text, HasSubstr("1962–1975, 1985, 1995–present"));
    EXPECT_TRUE(scene::validate(d.scene).empty()) << scene::validate(d.scene).front();
  }
}

TEST(PeriodsLayout, PeriodsAreJoinedByThinDashedConnectorsOnTheirCentreLine) {
  const Drawn d = draw(kChile);
  const auto marks = items(d.scene, scene::ItemKind::event, "relations");
  ASSERT_EQ(marks.size(), 3u);
  std::vector<scene::Line> connectors;
  for (const auto& s : d.scene.shapes)
    if (const auto* l = std::get_if<scene::Line>(&s); l && !l->stroke.dash.empty() && l->stroke.width < 1)
      connectors.push_back(*l);
  ASSERT_EQ(connectors.size(), 2u);
  for (std::size_t k = 0; k < 2; ++k) {
    EXPECT_NEAR(connectors[k].from.x, marks[k]->box.right(), 0.01);
    EXPECT_NEAR(connectors[k].to.x, marks[k + 1]->box.x, 0.01);
    EXPECT_NEAR(connectors[k].from.y, marks[k]->box.y + marks[k]->box.h / 2, 0.01);
    EXPECT_EQ(connectors[k].from.y, connectors[k].to.y);
  }
}

TEST(PeriodsLayout, NoOtherEventSitsOnTheRowBetweenPeriods) {
  // A point in the gap between the periods takes another row: the event occupies the union.
  const Drawn d = draw("[timeline]\nnow = 2022-12-31\nscale = \"linear\"\n"
                       "[[event]]\nid = \"p\"\ntitle = \"P\"\nperiods = [ { date = 1900 }, { date = 2000 } ]\n"
                       "[[event]]\nid = \"x\"\ntitle = \"X\"\ndate = 1950\n");
  const auto p = items(d.scene, scene::ItemKind::event, "p");
  const auto x = items(d.scene, scene::ItemKind::event, "x");
  ASSERT_EQ(p.size(), 2u);
  ASSERT_EQ(x.size(), 1u);
  EXPECT_TRUE(x[0]->box.y >= p[0]->box.bottom() || x[0]->box.bottom() <= p[0]->box.y);
}

TEST(PeriodsLayout, APeriodOutsideTheViewWindowIsNotDrawn) {
  const Drawn d = draw("[timeline]\nnow = 2022-12-31\nstart = 1950\nend = 2000\n"
                       "[[event]]\nid = \"p\"\ntitle = \"P\"\nperiods = [ { date = 1900 }, { date = 1960 }, { date = 1990 } ]\n");
  const auto p = items(d.scene, scene::ItemKind::event, "p");
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[0]->dates->start, "1960-01-01");
}

TEST(LinksLayout, ALinkItemCarriesItsEndsRouteBoxAndTitle) {
  for (const bool vertical : {false, true}) {
    const Drawn d = draw(kChile, vertical);
    const auto links = items(d.scene, scene::ItemKind::link);
    ASSERT_EQ(links.size(), 2u);
    const scene::Item& a = *links[0];
    EXPECT_EQ(a.id, "0");
    EXPECT_EQ(a.from, "war");
    EXPECT_EQ(a.to, "corridor");
    EXPECT_EQ(a.text, "coast lost");
    ASSERT_TRUE(a.title_box);
    ASSERT_GE(a.route.size(), 2u);
    for (const Point& p : a.route) EXPECT_TRUE(a.box.contains({p.x, p.y, 0, 0})) << vertical;
    // From the mark of `from` to the mark of `to`.
    const Box war = items(d.scene, scene::ItemKind::event, "war")[0]->box;
    const Box corridor = items(d.scene, scene::ItemKind::event, "corridor")[0]->box;
    const auto on_edge = [](const Box& b, Point p) {
      return p.x >= b.x - 0.01 && p.x <= b.right() + 0.01 && p.y >= b.y - 0.01 && p.y <= b.bottom() + 0.01;
    };
    EXPECT_TRUE(on_edge(war, a.route.front())) << vertical;
    EXPECT_TRUE(on_edge(corridor, a.route.back())) << vertical;
    EXPECT_EQ(links[1]->from, "relations");
    EXPECT_TRUE(links[1]->text.empty());
    EXPECT_FALSE(links[1]->title_box);
    const auto problems = scene::validate(d.scene);
    EXPECT_TRUE(problems.empty()) << problems.front();
    for (const auto& g : d.diags.all()) EXPECT_NE(g.severity, Severity::error) << format(g);
    const std::string json = scene::to_json(d.scene);
    EXPECT_THAT(json, HasSubstr(R"("kind":"link","id":"0")"));
    EXPECT_THAT(json, HasSubstr(R"("from":"war","to":"corridor","route":[[)"));
    EXPECT_THAT(json, HasSubstr(R"("text":"coast lost")"));
    EXPECT_THAT(json, HasSubstr(R"("period":3)"));
  }
}

TEST(LinksLayout, ARouteIsDrawnAsALineAndAnArrowhead) {
  const Drawn d = draw(kChile);
  const auto links = items(d.scene, scene::ItemKind::link);
  ASSERT_FALSE(links.empty());
  const Point tip = links[0]->route.back();
  const bool head = std::any_of(d.scene.shapes.begin(), d.scene.shapes.end(), [&](const scene::Shape& s) {
    const auto* p = std::get_if<scene::Path>(&s);
    return p && p->closed && !p->points.empty() && std::abs(p->points[0].x - tip.x) < 0.01 &&
           std::abs(p->points[0].y - tip.y) < 0.01;
  });
  EXPECT_TRUE(head);
}

// The link's line, arrowhead and title as drawn, for the link whose route ends at `tip`.
struct LinkShapes {
  const scene::Path* line = nullptr;
  const scene::Path* head = nullptr;
  const scene::Text* title = nullptr;
};

LinkShapes link_shapes(const scene::Scene& s, const scene::Item& link) {
  LinkShapes out;
  const Point tip = link.route.back(), start = link.route.front();
  for (const auto& sh : s.shapes) {
    if (const auto* p = std::get_if<scene::Path>(&sh); p && !p->points.empty()) {
      const Point q = p->points.front();
      if (p->closed && std::abs(q.x - tip.x) < 0.01 && std::abs(q.y - tip.y) < 0.01) out.head = p;
      if (!p->closed && std::abs(q.x - start.x) < 0.01 && std::abs(q.y - start.y) < 0.01) out.line = p;
    }
    if (const auto* t = std::get_if<scene::Text>(&sh); t && t->text == link.text) out.title = t;
  }
  return out;
}

TEST(LinksLayout, LinkKeysSetTheLineArrowheadAndTitle) {
  style::Style st = style::defaults();
  st.link.color = {1, 0, 0, 1};
  st.link.width = 2;
  st.link.dash = {4, 3};
  st.link.arrow_size = 8;
  st.link.title_size = 11;
  st.link.title_weight = 700;
  st.link.title_italic = false;
  st.link.title_color = {0, 0, 1, 1};
  const Drawn plain = draw(kChile), d = draw(kChile, false, 700, st);
  const auto link = items(d.scene, scene::ItemKind::link);
  ASSERT_FALSE(link.empty());
  ASSERT_EQ(link[0]->text, "coast lost");
  const LinkShapes before = link_shapes(plain.scene, *items(plain.scene, scene::ItemKind::link)[0]);
  const LinkShapes after = link_shapes(d.scene, *link[0]);
  ASSERT_TRUE(before.line && before.head && before.title && after.line && after.head && after.title);
  // By default: thin, solid, in the date colour; the title italic, smaller than the labels.
  EXPECT_NEAR(before.line->stroke.width, 0.9, 1e-9);
  EXPECT_TRUE(before.line->stroke.dash.empty());
  EXPECT_TRUE(before.title->font.italic);
  EXPECT_EQ(before.title->color, style::defaults().event.date_color);
  // With the keys: red, 2 pt, dashed, a longer head; the title blue, upright, bold, 11 pt.
  EXPECT_EQ(after.line->stroke.color, (Color{1, 0, 0, 1}));
  EXPECT_NEAR(after.line->stroke.width, 2, 1e-9);
  EXPECT_FALSE(after.line->stroke.dash.empty());
  EXPECT_EQ(after.head->fill.color, (Color{1, 0, 0, 1}));
  const Point tip = after.head->points[0], b1 = after.head->points[1], b2 = after.head->points[2];
  const double length = std::hypot(tip.x - (b1.x + b2.x) / 2, tip.y - (b1.y + b2.y) / 2);
  const double last_leg = std::hypot(tip.x - link[0]->route[link[0]->route.size() - 2].x,
                                     tip.y - link[0]->route[link[0]->route.size() - 2].y);
  EXPECT_NEAR(length, std::min(8.0, last_leg - 0.5), 1e-6);
  EXPECT_EQ(after.title->color, (Color{0, 0, 1, 1}));
  EXPECT_FALSE(after.title->font.italic);
  EXPECT_EQ(after.title->font.weight, 700);
  EXPECT_NEAR(after.title->font.size, 11, 1e-9);
}

TEST(LinksLayout, ATitleIsNoSmallerThanFontMinSizeWhenTheLabelsAreAtIt) {
  style::Style st = style::defaults();
  st.event.label.font.size = st.min_size;  // labels at the floor: 85 % of them would be 5.1 pt
  const Drawn d = draw(kChile, false, 700, st);
  const auto link = items(d.scene, scene::ItemKind::link);
  ASSERT_FALSE(link.empty());
  const LinkShapes drawn = link_shapes(d.scene, *link[0]);
  ASSERT_TRUE(drawn.title);
  EXPECT_NEAR(drawn.title->font.size, st.min_size, 1e-9);
}

TEST(LinksLayout, ALinkToAnEventOutsideTheWindowIsNotDrawnAndSaysSo) {
  const Drawn d = draw(std::string("[timeline]\nnow = 2022-12-31\nstart = 1950\n") + std::string(kChile).substr(30));
  EXPECT_EQ(items(d.scene, scene::ItemKind::link).size(), 1u);
  EXPECT_THAT(lines(d.diags), ::testing::Contains(HasSubstr("the link is not drawn: its event 'War of the Pacific' "
                                                            "lies outside the view window")));
}

// ---- routing on its own ------------------------------------------------------------

struct Routing {
  styled::Timeline chart;
  layout::LinkInput in;
  text::FakeMeasurer m;
  Diagnostics diags;

  Routing() {
    chart.events.resize(2);
    chart.events[0].id = "a";
    chart.events[1].id = "b";
    chart.links.push_back({0, 1, "", {"t.toml", 9, 1}, {}});
    in.chart = &chart;
    in.ends = {{{10, 10, 20, 10}, {10, 10, 20, 10}, {10, 10, 20, 10}},
               {{100, 50, 20, 10}, {100, 50, 20, 10}, {100, 50, 20, 10}}};
    in.channels = {{0, 8}, {22, 48}, {62, 80}};
    in.t_lo = 0, in.t_hi = 200, in.c_lo = 0, in.c_hi = 80;
    in.measurer = &m;
    in.diags = &diags;
  }
};

TEST(LinkRouting, TakesTheShortestRouteThatCrossesNoLabel) {
  Routing r;
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].straight_fallback);
  EXPECT_TRUE(r.diags.all().empty());
  // An L: along t out of a's end, across into b: no bend more than needed.
  EXPECT_LE(out[0].route.size(), 3u);
}

TEST(LinkRouting, GoesAroundALabelInTheWay) {
  Routing r;
  const auto direct = layout::route_links(r.in)[0].route;
  r.in.labels = {{31, 12, 100, 8}, {24, 30, 70, 16}};  // beside a's mark, and in the middle channel
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].straight_fallback);
  const auto same = [](const std::vector<Point>& a, const std::vector<Point>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](Point p, Point q) {
             return std::abs(p.x - q.x) < 1e-9 && std::abs(p.y - q.y) < 1e-9;
           });
  };
  EXPECT_FALSE(same(out[0].route, direct));
  for (const Box& label : r.in.labels)
    for (std::size_t k = 0; k + 1 < out[0].route.size(); ++k) {
      const Point a = out[0].route[k], b = out[0].route[k + 1];
      const Box seg{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
      EXPECT_FALSE(seg.x < label.right() && seg.right() > label.x && seg.y < label.bottom() && seg.bottom() > label.y);
    }
}

TEST(LinkRouting, DetoursOnTheGridWhenNoSimpleRouteIsFree) {
  Routing r;
  r.in.ends = {{{10, 30, 20, 10}, {10, 30, 20, 10}, {10, 30, 20, 10}},
               {{150, 30, 20, 10}, {150, 30, 20, 10}, {150, 30, 20, 10}}};
  r.in.channels = {{0, 8}, {22, 28}, {42, 48}, {62, 80}};
  // A wall of labels between the two marks above the lowest channel, and a label right under a's mark.
  r.in.labels = {{40, 0, 100, 60}, {15, 44, 20, 16}};
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].straight_fallback);
  EXPECT_TRUE(r.diags.all().empty());
  const auto& route = out[0].route;
  ASSERT_GE(route.size(), 3u);
  // Down past the label under a, along the free channel, up into b.
  EXPECT_TRUE(std::any_of(route.begin(), route.end(), [](Point p) { return p.y > 62 && p.y < 80; }));
  EXPECT_NEAR(route.back().y, 40, 0.01);
  for (const Box& label : r.in.labels)
    for (std::size_t k = 0; k + 1 < route.size(); ++k) {
      const Point a = route[k], b = route[k + 1];
      const Box seg{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
      EXPECT_FALSE(seg.x < label.right() && seg.right() > label.x && seg.y < label.bottom() && seg.bottom() > label.y)
          << k;
    }
}

bool route_meets_a_label(const std::vector<Point>& route, const std::vector<Box>& labels) {
  for (const Box& label : labels)
    for (std::size_t k = 0; k + 1 < route.size(); ++k) {
      const Point a = route[k], b = route[k + 1];
      const Box seg{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(a.x - b.x), std::abs(a.y - b.y)};
      if (seg.x < label.right() && seg.right() > label.x && seg.y < label.bottom() && seg.bottom() > label.y) return true;
    }
  return false;
}

TEST(LinkRouting, TakesAChannelNarrowerThanTheUsualClearanceRatherThanCrossALabel) {
  Routing r;
  // Two rows 2 pt apart, each full of labels but for the ends' columns: the
  // only way is along the channel between them, closer to the labels than 1.5 pt.
  r.in.ends = {{{10, 10, 10, 10}, {10, 10, 10, 10}, {10, 10, 10, 10}},
               {{150, 22, 10, 10}, {150, 22, 10, 10}, {150, 22, 10, 10}}};
  r.in.channels = {{20, 22}};
  r.in.t_lo = 0, r.in.t_hi = 200, r.in.c_lo = 10, r.in.c_hi = 32;
  r.in.labels = {{0, 10, 9, 10}, {21, 10, 179, 10}, {0, 22, 149, 10}, {161, 22, 39, 10}};
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].straight_fallback);
  EXPECT_TRUE(r.diags.all().empty());
  EXPECT_FALSE(route_meets_a_label(out[0].route, r.in.labels));
}

TEST(LinkRouting, CrossesThousandsOfRowsThroughTheGapsBetweenTheirLabels) {
  Routing r;
  // 2,000 rows of labels, each with one gap at a different place: a grid of
  // every label's edges would be far too large, the gaps are few.
  constexpr int kRows = 2000;
  constexpr double kRow = 10, kGap = 2;
  r.in.t_lo = 0, r.in.t_hi = 400, r.in.c_lo = 0, r.in.c_hi = kRows * (kRow + kGap);
  r.in.channels.clear();
  r.in.labels.clear();
  for (int i = 0; i < kRows; ++i) {
    const double top = i * (kRow + kGap) + kGap;
    r.in.channels.push_back({top - kGap, top});
    const double hole = 30 + (i * 37) % 340;  // where this row's labels leave room
    r.in.labels.push_back({0, top, hole, kRow});
    r.in.labels.push_back({hole + 8, top, 400 - hole - 8, kRow});
  }
  r.in.channels.push_back({r.in.c_hi - kGap, r.in.c_hi});
  // The ends sit in the first and the last row's gap.
  const Box a{30 + 1, kGap + 2, 6, 6};
  const double last_top = (kRows - 1) * (kRow + kGap) + kGap;
  const Box b{30 + ((kRows - 1) * 37) % 340 + 1, last_top + 2, 6, 6};
  r.in.ends = {{a, a, a}, {b, b, b}};
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].straight_fallback);
  EXPECT_TRUE(r.diags.all().empty());
  EXPECT_FALSE(route_meets_a_label(out[0].route, r.in.labels));
  EXPECT_NEAR(out[0].route.front().y, a.bottom(), 0.01);
  EXPECT_NEAR(out[0].route.back().y, b.y, 0.01);
}

TEST(LinkRouting, WithoutAFreeRouteDrawsStraightAndWarnsAtTheLink) {
  Routing r;
  r.in.labels = {{0, 0, 9, 80}, {31, 0, 68, 80}, {121, 0, 79, 80}, {9, 0, 22, 9}, {9, 21, 22, 59}, {99, 0, 22, 49},
                 {99, 61, 22, 19}};
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].straight_fallback);
  EXPECT_THAT(lines(r.diags), ElementsAre("t.toml:9:1: warning: no route for the link from 'a' to 'b' avoids every "
                                          "label; it is drawn straight across them"));
  EXPECT_FALSE(out[0].item.route.empty());
}

TEST(LinkRouting, ATitleWithoutRoomIsLeftOutWithAWarningAtItsKey) {
  Routing r;
  r.chart.links[0].title = "a title far too long to sit anywhere in this small plot";
  r.chart.links[0].title_where = {"t.toml", 11, 9};
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].item.title_box);
  EXPECT_TRUE(out[0].item.text.empty());
  EXPECT_THAT(lines(r.diags), ElementsAre(HasSubstr("t.toml:11:9: warning: no room beside the link from 'a' to 'b' "
                                                    "for its title")));
}

TEST(LinkRouting, ATitleSitsBesideTheRouteClearOfLabels) {
  Routing r;
  r.chart.links[0].title = "leads";
  const auto out = layout::route_links(r.in);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_TRUE(out[0].item.title_box);
  EXPECT_EQ(out[0].item.text, "leads");
  const Box t = *out[0].item.title_box;
  EXPECT_GE(t.x, r.in.t_lo);
  EXPECT_LE(t.right(), r.in.t_hi);
  EXPECT_GE(t.y, r.in.c_lo);
  EXPECT_LE(t.bottom(), r.in.c_hi);
  EXPECT_FALSE(t.overlaps(r.in.ends[0].mark));
  EXPECT_FALSE(t.overlaps(r.in.ends[1].mark));
}

}  // namespace
}  // namespace annals
