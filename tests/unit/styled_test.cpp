#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "style/style.h"
#include "styled/resolve.h"

namespace annals::styled {
namespace {

dates::Date year(std::int64_t y) { return std::get<dates::Date>(dates::from_year(y)); }
dates::Date parsed(std::string_view s) { return std::get<dates::Date>(dates::parse(s)); }

Property prop(std::string key, PropertyValue value, int line = 7) {
  return {std::move(key), std::move(value), {"chart.toml", line, 1}};
}

struct Fixture {
  model::Timeline timeline;
  style::Style style = style::defaults();
  Options options{std::get<dates::Date>(dates::from_ymd(2020, 6, 30)), {}};
  Diagnostics diags;

  Fixture() {
    timeline.file = "chart.toml";
    timeline.lanes.push_back({"main", "Main", {}, {}});
  }
  Timeline run() { return resolve(timeline, style, options, diags); }
};

model::Event span(dates::Date a, dates::Date b, std::size_t index = 0) {
  model::Event e;
  e.index = index;
  e.title = "Span";
  e.start = model::LocatedDate{a, {}};
  e.end = model::LocatedDate{b, {}};
  return e;
}

TEST(Styled, AnOpenSpanRunsToTheEndOfNow) {
  Fixture f;
  f.timeline.events.push_back(span(year(2000), parsed("present")));
  const Timeline t = f.run();
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_TRUE(t.events[0].last.present);
  EXPECT_EQ(t.events[0].end, std::get<dates::Date>(dates::from_ymd(2020, 6, 30)).end);
}

TEST(Styled, EventsWithoutAnIdAreNamedByTheirIndex) {
  Fixture f;
  f.timeline.events.push_back(span(year(2000), year(2001), 0));
  f.timeline.events.push_back(span(year(2002), year(2003), 1));
  f.timeline.events[1].id = "war";
  const Timeline t = f.run();
  EXPECT_EQ(t.events[0].id, "0");
  EXPECT_EQ(t.events[1].id, "war");
}

TEST(Styled, ATimelineWithoutLanesGetsADefaultLane) {
  Fixture f;
  f.timeline.lanes.clear();
  const Timeline t = f.run();
  ASSERT_EQ(t.lanes.size(), 1u);
  EXPECT_EQ(t.lanes[0].id, "default");
}

TEST(Styled, LanesTakeThePaletteInTurnAndTheirEventsTheLaneColour) {
  Fixture f;
  f.timeline.lanes.push_back({"second", "Second", {}, {}});
  f.timeline.events.push_back(span(year(2000), year(2001)));
  f.timeline.events[0].lane = 1;
  const Timeline t = f.run();
  EXPECT_EQ(t.lanes[0].color, f.style.palette[0]);
  EXPECT_EQ(t.lanes[1].color, f.style.palette[1]);
  EXPECT_EQ(t.events[0].style.color, f.style.palette[1]);
}

TEST(Styled, AnEraTakesItsOwnKeysOverTheChartsEraStyle) {
  Fixture f;
  f.timeline.eras.push_back({"Cold War", {year(1947), {}}, {year(1991), {}}, {prop("era.opacity", 0.5)}, {}});
  const Timeline t = f.run();
  ASSERT_EQ(t.eras.size(), 1u);
  EXPECT_DOUBLE_EQ(t.eras[0].style.opacity, 0.5);
  EXPECT_EQ(t.eras[0].begin, year(1947).begin);
  EXPECT_EQ(t.eras[0].end_at, year(1991).end);
  EXPECT_EQ(f.diags.all().size(), 0u);
}

TEST(Styled, AMarkerKeyOnAnEraIsReportedAtItsPosition) {
  Fixture f;
  f.timeline.eras.push_back({"Cold War", {year(1947), {}}, {year(1991), {}}, {prop("marker.width", 2.0, 12)}, {}});
  (void)f.run();
  ASSERT_EQ(f.diags.all().size(), 1u);
  EXPECT_EQ(f.diags.all()[0].where.line, 12);
  EXPECT_NE(f.diags.all()[0].message.find("cannot be set for one era"), std::string::npos);
}

TEST(Styled, AMarkerAtPresentStandsAtNow) {
  Fixture f;
  f.timeline.markers.push_back({"Today", {parsed("present"), {}}, {}, {}});
  const Timeline t = f.run();
  ASSERT_EQ(t.markers.size(), 1u);
  EXPECT_TRUE(t.markers[0].date.present);  // as written, for messages
  EXPECT_EQ(t.markers[0].at, dates::resolve_present(parsed("present"), f.options.now).begin);
}

TEST(Styled, TheViewWindowIsBoundedByItsDatesIntervals) {
  Fixture f;
  f.timeline.header.start = model::LocatedDate{year(1980), {}};
  f.timeline.header.end = model::LocatedDate{year(1985), {}};
  const Timeline t = f.run();
  EXPECT_EQ(t.header.window_begin, year(1980).begin);
  EXPECT_EQ(t.header.window_end, year(1985).end);
}

TEST(Styled, OrientationAndScaleCarryOver) {
  Fixture f;
  f.timeline.header.orientation = model::Orientation::vertical;
  f.timeline.header.scale = model::ScaleKind::collapsed;
  const Timeline t = f.run();
  EXPECT_EQ(t.header.orientation, Orientation::vertical);
  EXPECT_EQ(t.header.scale, ScaleKind::collapsed);
}

TEST(Styled, TheLegendShowsOnlyColouredTagsThatEventsUse) {
  Fixture f;
  style::apply(f.style, prop("tag.war.color", std::string("#ff0000")), f.diags);
  style::apply(f.style, prop("tag.peace.color", std::string("#00ff00")), f.diags);
  f.timeline.events.push_back(span(year(2000), year(2001)));
  f.timeline.events[0].tags = {"war"};
  const Timeline t = f.run();
  ASSERT_EQ(t.tags.size(), 1u);
  EXPECT_EQ(t.tags[0].name, "war");
  EXPECT_EQ(t.tags[0].color, (Color{1, 0, 0, 1}));
}

TEST(Styled, TheCommandLineBeatsAnEventsOwnKeys) {
  Fixture f;
  f.timeline.events.push_back(span(year(2000), year(2001)));
  f.timeline.events[0].style = {prop("event.span_height", 20.0)};
  f.options.command_line = {prop("event.span_height", 30.0)};
  const Timeline t = f.run();
  EXPECT_DOUBLE_EQ(t.events[0].style.span_height, 30);
}

}  // namespace
}  // namespace annals::styled
