#include "load/load.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace annals {
namespace {

using ::testing::HasSubstr;

struct Loaded {
  std::optional<model::Timeline> tl;
  Diagnostics diags;
};

Loaded load_text(std::string_view text) {
  Loaded l;
  l.tl = load::timeline(text, "t.toml", l.diags);
  return l;
}

// The only diagnostic of a given severity, or a failing placeholder.
const Diagnostic& only(const Diagnostics& diags, Severity severity = Severity::error) {
  static const Diagnostic none{Severity::note, "<no such diagnostic>", {}, {}};
  const Diagnostic* found = nullptr;
  int count = 0;
  for (const auto& d : diags.all())
    if (d.severity == severity) {
      found = &d;
      ++count;
    }
  EXPECT_EQ(count, 1) << "diagnostics: " << [&] {
    std::string all;
    for (const auto& d : diags.all()) all += format(d);
    return all;
  }();
  return found != nullptr ? *found : none;
}

std::string position(const SourceLocation& w) { return w.file + ":" + std::to_string(w.line) + ":" + std::to_string(w.col); }

const Property* find(const PropertySheet& sheet, std::string_view key) {
  for (const auto& p : sheet)
    if (p.key == key) return &p;
  return nullptr;
}

std::string text_of(const PropertySheet& sheet, std::string_view key) {
  const Property* p = find(sheet, key);
  if (p == nullptr) return "<missing>";
  const auto* s = std::get_if<std::string>(&p->value);
  return s != nullptr ? *s : "<not a string>";
}

// ---- happy paths -----------------------------------------------------------

TEST(Load, ReadsTimelineHeader) {
  const auto l = load_text(R"(
[timeline]
title = "T"
subtitle = "S"
source = "Src"
description = "D"
style = "classic"
start = 1870
end = 2025
now = 2022-12-31
scale = "collapsed"
orientation = "vertical"
[[event]]
title = "e"
date = 1900
)");
  ASSERT_TRUE(l.tl);
  EXPECT_FALSE(l.diags.has_errors());
  const auto& h = l.tl->header;
  EXPECT_EQ(h.title, "T");
  EXPECT_EQ(h.subtitle, "S");
  EXPECT_EQ(h.source, "Src");
  EXPECT_EQ(h.description, "D");
  EXPECT_EQ(h.style, "classic");
  EXPECT_EQ(position(h.style_where), "t.toml:7:9");
  ASSERT_TRUE(h.start && h.end && h.now);
  EXPECT_EQ(h.now->date.precision, dates::Precision::day);
  EXPECT_EQ(h.scale, model::ScaleKind::collapsed);
  EXPECT_EQ(h.orientation, model::Orientation::vertical);
}

TEST(Load, ReadsPointEventWithItsValuePosition) {
  const auto l = load_text("[[event]]\ntitle = \"ICJ\"\ndate = 2018-10-01\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->events.size(), 1u);
  const auto& e = l.tl->events[0];
  ASSERT_TRUE(e.date);
  EXPECT_FALSE(e.is_span());
  EXPECT_EQ(e.date->date.precision, dates::Precision::day);
  EXPECT_EQ(position(e.date->where), "t.toml:3:8");
}

TEST(Load, ReadsSpanEvent) {
  const auto l = load_text("[[event]]\ntitle = \"War\"\nstart = 1879\nend = 1883\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->events.size(), 1u);
  EXPECT_TRUE(l.tl->events[0].is_span());
  EXPECT_TRUE(l.tl->events[0].end.has_value());
  EXPECT_FALSE(l.diags.has_errors());
}

TEST(Load, ReadsEventTextKeys) {
  const auto l = load_text(R"([[event]]
id = "w"
title = "War"
date = 1879
description = "Long"
tags = ["war", "coast"]
url = "https://example.org"
)");
  ASSERT_TRUE(l.tl);
  const auto& e = l.tl->events.at(0);
  EXPECT_EQ(e.id, "w");
  EXPECT_EQ(e.description, "Long");
  EXPECT_EQ(e.tags, (std::vector<std::string>{"war", "coast"}));
  EXPECT_EQ(e.url, "https://example.org");
}

TEST(Load, IntegerYearIsYearPrecision) {
  const auto l = load_text("[[event]]\ntitle = \"a\"\ndate = 1879\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events.at(0).date->date.precision, dates::Precision::year);
}

TEST(Load, NegativeIntegerIsBeforeTheCommonEra) {
  const auto l = load_text("[[event]]\ntitle = \"a\"\ndate = -490\n");
  ASSERT_TRUE(l.tl);
  const auto expected = dates::from_year(-490);
  ASSERT_TRUE(dates::ok(expected));
  EXPECT_EQ(l.tl->events.at(0).date->date.begin, std::get<dates::Date>(expected).begin);
}

TEST(Load, LocalDateTimeIsTimePrecision) {
  const auto l = load_text("[[event]]\ntitle = \"a\"\ndate = 1969-07-20T20:17:40\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events.at(0).date->date.precision, dates::Precision::time);
  EXPECT_TRUE(l.tl->events.at(0).date->date.has_seconds);
}

TEST(Load, StringDateIsParsedByTheCalendar) {
  const auto l = load_text("[[event]]\ntitle = \"a\"\ndate = \"1960s\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events.at(0).date->date.precision, dates::Precision::decade);
}

TEST(Load, PresentIsAllowedAsAnEventEnd) {
  const auto l = load_text("[[event]]\ntitle = \"a\"\nstart = 1978\nend = \"present\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_FALSE(l.diags.has_errors());
  EXPECT_TRUE(l.tl->events.at(0).end->date.present);
}

TEST(Load, LaneIdDefaultsToTheSlugifiedTitle) {
  const auto l = load_text("[[lane]]\ntitle = \"Chile & Peru\"\n[[event]]\ntitle = \"a\"\ndate = 1\nlane = \"chile-peru\"\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->lanes.size(), 1u);
  EXPECT_EQ(l.tl->lanes[0].id, "chile-peru");
  EXPECT_FALSE(l.diags.has_errors());
}

TEST(Load, EventRefersToLaneByTitle) {
  const auto l = load_text(
      "[[lane]]\nid = \"a\"\ntitle = \"Alpha\"\n[[lane]]\nid = \"b\"\ntitle = \"Beta\"\n"
      "[[event]]\ntitle = \"e\"\ndate = 1\nlane = \"Beta\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events.at(0).lane, 1u);
}

TEST(Load, EventRefersToLaneById) {
  const auto l = load_text("[[lane]]\nid = \"a\"\ntitle = \"Alpha\"\n[[event]]\ntitle = \"e\"\ndate = 1\nlane = \"a\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events.at(0).lane, 0u);
  EXPECT_EQ(l.tl->lanes.size(), 1u);
}

TEST(Load, EventsWithoutLaneGoToADefaultLaneAppendedAtTheEnd) {
  const auto l = load_text("[[lane]]\ntitle = \"A\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->lanes.size(), 2u);
  EXPECT_EQ(l.tl->lanes[1].id, "default");
  EXPECT_EQ(l.tl->lanes[1].title, "");
  EXPECT_EQ(l.tl->events.at(0).lane, 1u);
}

TEST(Load, FileWithoutLanesGetsOneDefaultLane) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->lanes.size(), 1u);
  EXPECT_EQ(l.tl->lanes[0].id, "default");
  EXPECT_EQ(l.tl->events.at(0).lane, 0u);
}

TEST(Load, NoDefaultLaneWhenEveryEventHasALane) {
  const auto l = load_text("[[lane]]\ntitle = \"A\"\n[[event]]\ntitle = \"e\"\ndate = 1\nlane = \"A\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->lanes.size(), 1u);
}

TEST(Load, EventsKeepFileOrderAndIndex) {
  const auto l = load_text("[[event]]\ntitle = \"z\"\ndate = 3\n[[event]]\ntitle = \"a\"\ndate = 1\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->events.size(), 2u);
  EXPECT_EQ(l.tl->events[0].title, "z");
  EXPECT_EQ(l.tl->events[1].title, "a");
  EXPECT_EQ(l.tl->events[1].index, 1u);
}

TEST(Load, EventColorBecomesEventColorProperty) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\ncolor = \"#7b241c\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(text_of(l.tl->events.at(0).style, "event.color"), "#7b241c");
  EXPECT_EQ(position(find(l.tl->events.at(0).style, "event.color")->where), "t.toml:4:9");
}

TEST(Load, EventInlineStyleKeysAreEventKeys) {
  const auto l = load_text(
      "[[event]]\ntitle = \"e\"\ndate = 1\n"
      "style = { marker = \"diamond\", label_position = \"left\", label.color = \"red\" }\n");
  ASSERT_TRUE(l.tl);
  const auto& sheet = l.tl->events.at(0).style;
  EXPECT_EQ(text_of(sheet, "event.marker"), "diamond");
  EXPECT_EQ(text_of(sheet, "event.label_position"), "left");
  EXPECT_EQ(text_of(sheet, "event.label.color"), "red");
}

TEST(Load, StylePropertiesKeepTheirTypes) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\nstyle = { a = true, b = 3, c = 1.5, d = [\"x\"] }\n");
  ASSERT_TRUE(l.tl);
  const auto& sheet = l.tl->events.at(0).style;
  EXPECT_TRUE(std::holds_alternative<bool>(find(sheet, "event.a")->value));
  EXPECT_TRUE(std::holds_alternative<std::int64_t>(find(sheet, "event.b")->value));
  EXPECT_TRUE(std::holds_alternative<double>(find(sheet, "event.c")->value));
  EXPECT_TRUE(std::holds_alternative<std::vector<std::string>>(find(sheet, "event.d")->value));
}

TEST(Load, LaneColorIsLaneColorAndLaneStyleIsEventStyle) {
  const auto l = load_text(
      "[[lane]]\ntitle = \"A\"\ncolor = \"#b03a2e\"\nstyle = { marker = \"square\" }\n"
      "[[event]]\ntitle = \"e\"\ndate = 1\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(text_of(l.tl->lanes.at(0).style, "lane.color"), "#b03a2e");
  EXPECT_EQ(text_of(l.tl->lanes.at(0).style, "event.marker"), "square");
}

TEST(Load, ReadsEraWithColorAsFill) {
  const auto l = load_text(
      "[[event]]\ntitle = \"e\"\ndate = 1970\n"
      "[[era]]\ntitle = \"Military\"\nstart = 1964\nend = 1982\ncolor = \"grey\"\nstyle = { opacity = 0.2 }\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->eras.size(), 1u);
  EXPECT_EQ(l.tl->eras[0].title, "Military");
  EXPECT_EQ(text_of(l.tl->eras[0].style, "era.fill"), "grey");
  EXPECT_NE(find(l.tl->eras[0].style, "era.opacity"), nullptr);
}

TEST(Load, ReadsMarkerAtPresent) {
  const auto l = load_text(
      "[[event]]\ntitle = \"e\"\ndate = 1970\n"
      "[[marker]]\ntitle = \"Today\"\ndate = \"present\"\ncolor = \"red\"\nstyle = { dash = [4, 3] }\n");
  ASSERT_TRUE(l.tl);
  EXPECT_FALSE(l.diags.has_errors());
  ASSERT_EQ(l.tl->markers.size(), 1u);
  EXPECT_TRUE(l.tl->markers[0].date.date.present);
  EXPECT_EQ(text_of(l.tl->markers[0].style, "marker.color"), "red");
  const auto* dash = find(l.tl->markers[0].style, "marker.dash");
  ASSERT_NE(dash, nullptr);
  EXPECT_EQ(std::get<std::vector<std::string>>(dash->value), (std::vector<std::string>{"4", "3"}));
}

TEST(Load, StyleTableIsFlattenedLikeAStyleFile) {
  const auto l = load_text(
      "[[event]]\ntitle = \"e\"\ndate = 1970\n[style]\npage.size = \"A4\"\n[style.tag.war]\ncolor = \"red\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(text_of(l.tl->style, "page.size"), "A4");
  EXPECT_EQ(text_of(l.tl->style, "tag.war.color"), "red");
}

TEST(Load, SpanWithinOneYearIsFine) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\nstart = 1970\nend = 1970\n");
  EXPECT_FALSE(l.diags.has_errors());
}

// ---- errors, each at its position ----------------------------------------------

TEST(Load, ReportsOffsetDateTime) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 2018-10-01T10:30:00Z\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:3:8");
  EXPECT_THAT(d.message, HasSubstr("time zones are not supported"));
}

TEST(Load, ReportsFloatDate) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1879.5\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:3:8");
  EXPECT_EQ(d.message, "expected a date (an integer year, a TOML date or a string), found a float");
}

TEST(Load, ReportsYearZero) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 0\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:3:8");
}

TEST(Load, ReportsImpossibleTomlDate) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1900-02-29\n");
  EXPECT_EQ(only(l.diags).where.line, 3);
}

TEST(Load, ReportsMalformedStringDateInsideTheString) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = \"banana\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(d.where.line, 3);
  EXPECT_GE(d.where.col, 9);  // past the opening quote
}

TEST(Load, ReportsEndBeforeStartWithANoteAtTheStart) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\nstart = 1883\nend = 1879\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:4:7");
  EXPECT_THAT(d.message, HasSubstr("before 'start'"));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(position(d.notes[0].where), "t.toml:3:9");
}

TEST(Load, ReportsPresentAsStart) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\nstart = \"present\"\nend = \"present\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:3:9");
  EXPECT_THAT(d.message, HasSubstr("'present' cannot be a start"));
}

TEST(Load, ReportsPresentAsPointDate) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = \"now\"\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:3:8");
}

TEST(Load, ReportsPresentAsEraStart) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\n[[era]]\nstart = \"present\"\nend = \"present\"\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:5:9");
}

TEST(Load, ReportsDateTogetherWithStart) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\nstart = 1\nend = 2\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:3:1");
  EXPECT_THAT(d.message, HasSubstr("not both"));
}

TEST(Load, ReportsStartWithoutEnd) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\nstart = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:3:1");
  EXPECT_THAT(d.message, HasSubstr("'start' without 'end'"));
}

TEST(Load, ReportsEndWithoutStart) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\nend = 1\n");
  EXPECT_THAT(only(l.diags).message, HasSubstr("'end' without 'start'"));
}

TEST(Load, ReportsEventWithoutDate) {
  const auto l = load_text("x = 1\n[[event]]\ntitle = \"e\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(d.where.line, 2);
  EXPECT_THAT(d.message, HasSubstr("needs a 'date'"));
}

TEST(Load, ReportsMissingTitleAtTheTable) {
  const auto l = load_text("\n[[event]]\ndate = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(d.where.line, 2);
  EXPECT_THAT(d.message, HasSubstr("needs a 'title'"));
}

TEST(Load, ReportsTitleOfWrongType) {
  const auto l = load_text("[[event]]\ntitle = 12\ndate = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:2:9");
  EXPECT_EQ(d.message, "'title' must be a string, found an integer");
}

TEST(Load, ReportsUnknownLaneListingTheKnownOnes) {
  const auto l = load_text("[[lane]]\nid = \"chile\"\n[[event]]\ntitle = \"e\"\ndate = 1\nlane = \"chle\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:6:8");
  EXPECT_THAT(d.message, HasSubstr("unknown lane 'chle'"));
  ASSERT_FALSE(d.notes.empty());
  EXPECT_THAT(d.notes[0].message, HasSubstr("'chile'"));
}

TEST(Load, ReportsDuplicateEventIdWithANoteAtTheFirst) {
  const auto l = load_text("[[event]]\nid = \"a\"\ntitle = \"e\"\ndate = 1\n[[event]]\nid = \"a\"\ntitle = \"f\"\ndate = 2\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:6:6");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(position(d.notes[0].where), "t.toml:2:6");
}

TEST(Load, ReportsDuplicateLaneId) {
  const auto l = load_text("[[lane]]\ntitle = \"A\"\n[[lane]]\ntitle = \"a\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(d.where.line, 4);
  EXPECT_THAT(d.message, HasSubstr("duplicate lane id 'a'"));
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].where.line, 1);
}

TEST(Load, ReportsBadColour) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\ncolor = \"#zzz\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:4:9");
  EXPECT_THAT(d.message, HasSubstr("not a colour"));
}

TEST(Load, ReportsTagsThatAreNotAnArray) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\ntags = \"war\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:4:8");
  EXPECT_THAT(d.message, HasSubstr("'tags' must be an array of strings"));
}

TEST(Load, ReportsATagThatIsNotAString) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\ntags = [\"a\", 2]\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:4:14");
}

TEST(Load, ReportsUrlThatIsNotAString) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\nurl = 3\n");
  EXPECT_EQ(only(l.diags).message, "'url' must be a string, found an integer");
}

TEST(Load, ReportsStyleValueOfWrongType) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\nstyle = { marker = 1970-01-01 }\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:4:20");
  EXPECT_THAT(d.message, HasSubstr("a boolean, a number, a string or an array of strings, found a date"));
}

TEST(Load, ReportsBadScale) {
  const auto l = load_text("[timeline]\nscale = \"log\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:2:9");
}

TEST(Load, ReportsEmptyFile) {
  const auto l = load_text("");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(only(l.diags).message, "no [[event]] in the file");
}

TEST(Load, ReportsFileWithoutEvents) {
  const auto l = load_text("[timeline]\ntitle = \"x\"\n");
  EXPECT_EQ(only(l.diags).message, "no [[event]] in the file");
}

TEST(Load, WarnsAboutUnknownKeyWithSuggestion) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\ndat = 2\n");
  EXPECT_FALSE(l.diags.has_errors());
  const auto& d = only(l.diags, Severity::warning);
  EXPECT_EQ(position(d.where), "t.toml:4:1");
  EXPECT_EQ(d.message, "unknown key 'dat' in [[event]]");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "did you mean 'date'?");
}

TEST(Load, WarnsAboutUnknownTopLevelTable) {
  const auto l = load_text("[[evnt]]\ntitle = \"e\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  const auto& d = only(l.diags, Severity::warning);
  EXPECT_EQ(d.where.line, 1);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "did you mean 'event'?");
}

TEST(Load, ReportsTimelineThatIsNotATable) {
  const auto l = load_text("timeline = 3\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:1:12");
  EXPECT_THAT(d.message, HasSubstr("[timeline] must be a table"));
}

TEST(Load, ReportsEventThatIsNotAnArrayOfTables) {
  const auto l = load_text("[event]\ntitle = \"e\"\ndate = 1\n");
  EXPECT_THAT(only(l.diags).message, HasSubstr("[[event]]"));
}

TEST(Load, ReportsEveryProblemInFileOrder) {
  const auto l = load_text("[[event]]\ntitle = 1\ndate = 1.5\n[[event]]\ndate = 2\nzzz = 1\ntitle = 2\n");
  std::vector<int> lines;
  for (const auto& d : l.diags.all()) lines.push_back(d.where.line);
  EXPECT_TRUE(std::is_sorted(lines.begin(), lines.end()));
  EXPECT_EQ(l.diags.error_count(), 3u);
}

TEST(Load, ReportsSyntaxErrorWithPosition) {
  const auto l = load_text("[[event]]\ntitle = \"e\ndate = 1\n");
  EXPECT_FALSE(l.tl);
  EXPECT_EQ(only(l.diags).where.line, 2);
}

TEST(Load, ReportsEraWithoutEnd) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\n[[era]]\nstart = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(d.where.line, 4);
  EXPECT_THAT(d.message, HasSubstr("[[era]] needs an 'end'"));
}

TEST(Load, ReportsMarkerWithoutDate) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\n[[marker]]\ntitle = \"m\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(d.where.line, 4);
  EXPECT_THAT(d.message, HasSubstr("[[marker]] needs a 'date'"));
}

TEST(Load, ReportsPresentAsNow) {
  const auto l = load_text("[timeline]\nnow = \"present\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:2:7");
}

TEST(Load, ReportsApproximateNowAtTheValue) {
  for (const char* now : {"\"c. 2010\"", "\"2010?\"", "\"~2010-05\""}) {
    SCOPED_TRACE(now);
    const auto l = load_text(std::string("[timeline]\nnow = ") + now + "\n[[event]]\ntitle = \"e\"\ndate = 1\n");
    const auto& d = only(l.diags);
    EXPECT_EQ(position(d.where), "t.toml:2:7");
    EXPECT_EQ(d.message, "'now' cannot be approximate or uncertain; write the date itself");
  }
}

TEST(Load, ReportsBlankTitleAtTheTitle) {
  for (const char* title : {"\"\"", "\"   \"", "\"\\t\\n\""}) {
    SCOPED_TRACE(title);
    const auto l = load_text(std::string("[[event]]\ntitle = ") + title + "\ndate = 1990\n");
    const auto& d = only(l.diags);
    EXPECT_EQ(position(d.where), "t.toml:2:9");
    EXPECT_EQ(d.message, "an event needs a non-empty title");
  }
}

TEST(Load, TitleLineBreaksBecomeSpacesWithAWarning) {
  const auto l = load_text("[[event]]\ntitle = \"War of\\nthe Pacific\\r\\n(1879)\"\ndate = 1879\n");
  EXPECT_FALSE(l.diags.has_errors());
  const auto& d = only(l.diags, Severity::warning);
  EXPECT_EQ(position(d.where), "t.toml:2:9");
  EXPECT_EQ(d.message, "a title is one line; its line breaks are drawn as spaces");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->events.size(), 1u);
  EXPECT_EQ(l.tl->events[0].title, "War of the Pacific (1879)");
}

TEST(Load, ReportsEmptyEventIdAtTheValue) {
  const auto l = load_text("[[event]]\nid = \"\"\ntitle = \"e\"\ndate = 1990\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:2:6");
  EXPECT_EQ(d.message, "an id cannot be empty; give the event a name or leave 'id' out");
}

TEST(Load, ReportsEmptyLaneIdAtTheValue) {
  const auto l = load_text("[[lane]]\nid = \"\"\ntitle = \"L\"\n[[event]]\ntitle = \"e\"\ndate = 1990\nlane = \"L\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:2:6");
  EXPECT_THAT(d.message, HasSubstr("an id cannot be empty"));
}

TEST(Load, ReportsImpossibleTomlDateInOurWordsAtTheValue) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1996-02-31\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:3:8");
  EXPECT_EQ(d.message, "day 31 does not exist in February 1996");
}

TEST(Load, ReportsImpossibleTomlDateTimeInOurWordsAtTheValue) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\nstart = 1990\nend = 2001-04-31T10:00:00\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:4:7");
  EXPECT_EQ(d.message, "day 31 does not exist in April 2001");
}

TEST(Load, ReportsImpossibleTomlDateAtItsColumnInCodePoints) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1990\nstyle = { label = \"\xC3\xA9\", x = 1996-13-01 }\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:4:28");
  EXPECT_EQ(d.message, "month 13 does not exist");
}

TEST(Load, ReportsEmptyFileAtLineOne) {
  for (const char* text : {"", "# only a comment\n", "\n\n"}) {
    SCOPED_TRACE(text);
    const auto l = load_text(text);
    EXPECT_EQ(position(only(l.diags).where), "t.toml:1:1");
  }
}

// "present" is known only once now is chosen: an open span may then end before it starts.
TEST(Load, ReportsPresentBeforeTheStartOnceNowIsKnown) {
  const auto l = load_text("[timeline]\nnow = 2010-05-05\n[[event]]\ntitle = \"e\"\nstart = 2011\nend = \"present\"\n");
  ASSERT_TRUE(l.tl);
  ASSERT_FALSE(l.diags.has_errors());
  Diagnostics diags;
  load::check_present(*l.tl, l.tl->header.now->date, {"from the file's 'now'", l.tl->header.now->where}, diags);
  const auto& d = only(diags);
  EXPECT_EQ(position(d.where), "t.toml:6:7");
  EXPECT_EQ(d.message, "'end' (present, 5 May 2010) is before 'start' (2011)");
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(position(d.notes[0].where), "t.toml:5:9");
  EXPECT_EQ(d.notes[1].message, "'present' is 5 May 2010, from the file's 'now'");
  EXPECT_EQ(position(d.notes[1].where), "t.toml:2:7");
}

TEST(Load, AcceptsPresentOnTheDayOfTheStartAndLater) {
  const auto l = load_text(
      "[[event]]\ntitle = \"e\"\nstart = 2010-05-05\nend = \"present\"\n"
      "[[era]]\ntitle = \"r\"\nstart = 2000\nend = \"present\"\n");
  ASSERT_TRUE(l.tl);
  Diagnostics diags;
  load::check_present(*l.tl, std::get<dates::Date>(dates::parse("2010-05-05")), {"from --now", {}}, diags);
  EXPECT_FALSE(diags.has_errors());
}

TEST(Load, ReportsEraEndingAtPresentBeforeItStarts) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\n[[era]]\ntitle = \"r\"\nstart = 2000\nend = \"present\"\n");
  ASSERT_TRUE(l.tl);
  Diagnostics diags;
  load::check_present(*l.tl, std::get<dates::Date>(dates::parse("1999")), {"from --now 1999", {}}, diags);
  const auto& d = only(diags);
  EXPECT_EQ(position(d.where), "t.toml:7:7");
  EXPECT_EQ(d.message, "'end' (present, 31 Dec 1999) is before 'start' (2000)");
}

TEST(Load, ReportsViewWindowEndingBeforeItStarts) {
  const auto l = load_text("[timeline]\nstart = 2000\nend = 1990\n[[event]]\ntitle = \"e\"\ndate = 1995\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:3:7");
}

TEST(Load, ReportsLaneWithoutTitleOrId) {
  const auto l = load_text("[[lane]]\ncolor = \"red\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(d.where.line, 1);
  EXPECT_THAT(d.message, HasSubstr("needs a 'title' or an 'id'"));
}

TEST(Load, LaneIdKeepsLettersOfOtherScripts) {
  const auto l = load_text("[[lane]]\ntitle = \"\u0420\u043e\u0441\u0441\u0438\u044f 1\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->lanes.at(0).id, "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F-1");
}

TEST(Load, WarnsAboutUnknownKeyInTimeline) {
  const auto l = load_text("[timeline]\ntitel = \"x\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  const auto& d = only(l.diags, Severity::warning);
  EXPECT_EQ(d.message, "unknown key 'titel' in [timeline]");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].message, "did you mean 'title'?");
}

// ---- hostile text --------------------------------------------------------------

TEST(Load, AcceptsByteOrderMark) {
  const auto l = load_text("\xEF\xBB\xBF[[event]]\ntitle = 1\ndate = 1\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:2:9");
}

TEST(Load, ReportsInvalidUtf8AtItsPosition) {
  const auto l = load_text("[[event]]\ntitle = \"caf\xE9\"\ndate = 1\n");
  EXPECT_FALSE(l.tl);
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:2:13");
  EXPECT_EQ(d.message, "invalid UTF-8 byte 0xE9");
}

TEST(Load, CountsColumnsInCodePoints) {
  const auto l = load_text("[[event]]\ntitle = \"\xC3\xA9t\xC3\xA9\" + 1\n");
  EXPECT_FALSE(l.tl);
  EXPECT_EQ(l.diags.all().at(0).where.line, 2);
}

TEST(Load, ReportsNulByte) {
  const std::string text("[[event]]\ntitle = \"a\0b\"\ndate = 1\n", 29);
  const auto l = load_text(text);
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:2:11");
  EXPECT_EQ(d.message, "NUL byte");
}

TEST(Load, ReportsBinaryFile) {
  const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 29);
  const auto l = load_text(png);
  EXPECT_FALSE(l.tl);
  EXPECT_THAT(only(l.diags).message, HasSubstr("binary file"));
}

TEST(Load, ReportsNonAsciiOutsideStrings) {
  const auto l = load_text("[[event]]\n\xC3\xA9 = 1\n");
  EXPECT_FALSE(l.tl);
  EXPECT_EQ(position(only(l.diags).where), "t.toml:2:1");
}

TEST(Load, AcceptsNonAsciiInStringsAndComments) {
  const auto l = load_text(
      "# caf\xC3\xA9\n[[event]]\ntitle = '''\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 \"\"'''\n"
      "description = \"\\\"\xE4\xB8\xAD\"\ndate = 1\n");
  ASSERT_TRUE(l.tl);
  EXPECT_FALSE(l.diags.has_errors());
}

TEST(Load, ReadsVeryLongString) {
  const std::string title(1'000'000, 'x');
  const auto l = load_text("[[event]]\ntitle = \"" + title + "\"\ndate = 1\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events.at(0).title.size(), title.size());
}

TEST(Load, ReportsIntegerBeyond64Bits) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 99999999999999999999999\n");
  EXPECT_FALSE(l.tl);
  EXPECT_EQ(only(l.diags).where.line, 3);
}

TEST(Load, SurvivesDeeplyNestedArrays) {
  const auto l = load_text("x = " + std::string(10000, '[') + "\n");
  EXPECT_TRUE(l.diags.has_errors());
}

std::string nested_style(int levels) {
  std::string text = "[[event]]\ntitle = \"e\"\ndate = 1\nstyle = ";
  for (int i = 0; i < levels; ++i) text += "{ a = ";
  text += "1";
  for (int i = 0; i < levels; ++i) text += " }";
  return text + "\n";
}

TEST(Load, FlattensNestedInlineTablesIntoDottedKeys) {
  const auto l = load_text(nested_style(3));
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->events.at(0).style.size(), 1u);
  EXPECT_EQ(l.tl->events.at(0).style[0].key, "event.a.a.a");
}

TEST(Load, ReportsStyleTablesNestedTooDeep) {
  const auto l = load_text(nested_style(100));
  EXPECT_THAT(only(l.diags).message, HasSubstr("levels deep"));
}

TEST(Load, ReportsKeyPathNestedTooDeep) {
  std::string key = "a";
  for (int i = 0; i < 100000; ++i) key += ".a";
  const auto l = load_text("[" + key + "]\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  EXPECT_FALSE(l.tl);
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:1:203");
  EXPECT_THAT(d.message, HasSubstr("levels deep"));
}

TEST(Load, AcceptsManyFloatsOnOneLine) {
  std::string floats = "1.5";
  for (int i = 0; i < 500; ++i) floats += ", 2.5";
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = 1\nstyle = { dash = [" + floats + "] }\n");
  EXPECT_FALSE(l.diags.has_errors());
}

TEST(Load, SurvivesDeeplyNestedInlineTables) {
  std::string text = "x = ";
  for (int i = 0; i < 10000; ++i) text += "{ a = ";
  const auto l = load_text(text + "\n");
  EXPECT_TRUE(l.diags.has_errors());
}

// ---- files ---------------------------------------------------------------------

std::filesystem::path temp_folder(const std::string& name) {
  const auto dir = std::filesystem::path(::testing::TempDir()) / ("annals-load-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void write(const std::filesystem::path& path, std::string_view text) { std::ofstream(path) << text; }

TEST(LoadFile, ReportsMissingFileWithoutALine) {
  Diagnostics diags;
  EXPECT_FALSE(load::timeline_file("/nonexistent/x.toml", diags));
  EXPECT_EQ(format(only(diags)), "/nonexistent/x.toml: error: cannot read: No such file or directory\n");
}

TEST(LoadFile, ReportsDirectory) {
  Diagnostics diags;
  const auto dir = temp_folder("dir");
  EXPECT_FALSE(load::timeline_file(dir.string(), diags));
  EXPECT_THAT(only(diags).message, HasSubstr("is a directory"));
}

TEST(LoadFile, ReadsAFileNamedAsGiven) {
  const auto path = temp_folder("file") / "t.toml";
  write(path, "[[event]]\ntitle = 3\ndate = 1\n");
  Diagnostics diags;
  const auto tl = load::timeline_file(path.string(), diags);
  ASSERT_TRUE(tl);
  EXPECT_EQ(only(diags).where.file, path.string());
}

// ---- style files -----------------------------------------------------------------

TEST(StyleSheet, FlattensSectionsAndTags) {
  Diagnostics diags;
  std::string extends;
  SourceLocation extends_where;
  const auto sheet = load::style_sheet(
      "extends = \"classic\"\n[page]\nsize = \"A4\"\n[tag.war]\ncolor = \"red\"\n[palette]\ncolors = [\"#fff\", \"red\"]\n",
      "s.toml", &extends, &extends_where, diags);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(extends, "classic");
  EXPECT_EQ(position(extends_where), "s.toml:1:11");
  EXPECT_EQ(text_of(*sheet, "page.size"), "A4");
  EXPECT_EQ(text_of(*sheet, "tag.war.color"), "red");
  EXPECT_EQ(std::get<std::vector<std::string>>(find(*sheet, "palette.colors")->value).size(), 2u);
  EXPECT_FALSE(diags.has_errors());
}

TEST(StyleSheet, ReportsValueOfWrongType) {
  Diagnostics diags;
  load::style_sheet("[page]\nsize = 2020-01-01\n", "s.toml", nullptr, nullptr, diags);
  EXPECT_EQ(position(only(diags).where), "s.toml:2:8");
}

TEST(StyleSheet, ReportsExtendsThatIsNotAString) {
  Diagnostics diags;
  std::string extends;
  load::style_sheet("extends = 3\n", "s.toml", &extends, nullptr, diags);
  EXPECT_EQ(only(diags).message, "'extends' must be a string, found an integer");
}

TEST(StyleNamed, NamesTheBuiltInStyle) {
  Diagnostics diags;
  const auto s = load::style_named("default", "", {}, diags);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->name, "default");
  EXPECT_FALSE(diags.has_errors());
}

TEST(StyleNamed, FollowsAnExtendsChainFromTheRootDown) {
  const auto dir = temp_folder("chain");
  write(dir / "base.toml", "[page]\nsize = \"A4\"\nmargin = 10\n");
  write(dir / "mid.toml", "extends = \"base\"\n[page]\nmargin = 20\n");
  write(dir / "top.toml", "extends = \"mid.toml\"\n[page]\nsize = \"A5\"\n");
  Diagnostics diags;
  const auto s = load::style_named("top", dir.string(), {}, diags);
  ASSERT_TRUE(s);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_EQ(s->page.size, "A5");
  EXPECT_DOUBLE_EQ(s->page.margin, 20);
}

TEST(StyleNamed, ReportsACycle) {
  const auto dir = temp_folder("cycle");
  write(dir / "a.toml", "extends = \"b\"\n");
  write(dir / "b.toml", "extends = \"a\"\n");
  Diagnostics diags;
  EXPECT_FALSE(load::style_named("a", dir.string(), {}, diags));
  const auto& d = only(diags);
  EXPECT_EQ(d.message, "style 'a' extends itself through 'b'");
  EXPECT_EQ(d.where.line, 1);
  EXPECT_EQ(d.where.col, 11);
}

TEST(StyleNamed, ReportsAMissingStyleListingTheBuiltIns) {
  const auto dir = temp_folder("missing");
  write(dir / "a.toml", "extends = \"nosuch\"\n");
  Diagnostics diags;
  EXPECT_FALSE(load::style_named("a", dir.string(), {}, diags));
  const auto& d = only(diags);
  EXPECT_EQ(d.message, "no built-in style or file named 'nosuch'");
  EXPECT_EQ(position(d.where), (dir / "a.toml").string() + ":1:11");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_THAT(d.notes[0].message, HasSubstr("default"));
}

TEST(StyleNamed, ReportsAStyleExtendingItself) {
  const auto dir = temp_folder("self");
  write(dir / "a.toml", "extends = \"a.toml\"\n");
  Diagnostics diags;
  EXPECT_FALSE(load::style_named("a", dir.string(), {}, diags));
  EXPECT_EQ(only(diags).message, "style 'a' extends itself");
}

// ---- --set ------------------------------------------------------------------------

TEST(CommandLine, BareWordIsAString) {
  Diagnostics diags;
  const auto p = load::command_line_property("event.marker=diamond", diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(p->key, "event.marker");
  EXPECT_EQ(std::get<std::string>(p->value), "diamond");
}

TEST(CommandLine, NumberIsReadAsTomlValue) {
  Diagnostics diags;
  const auto p = load::command_line_property("font.size=12", diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(std::get<std::int64_t>(p->value), 12);
}

TEST(CommandLine, ColourWithHashIsAString) {
  Diagnostics diags;
  const auto p = load::command_line_property("event.color=#ff0000", diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(std::get<std::string>(p->value), "#ff0000");
}

TEST(CommandLine, ArrayOfStringsIsReadAsTomlValue) {
  Diagnostics diags;
  const auto p = load::command_line_property("palette.colors=[\"red\", \"blue\"]", diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(std::get<std::vector<std::string>>(p->value).size(), 2u);
}

TEST(CommandLine, QuotedStringIsUnquoted) {
  Diagnostics diags;
  const auto p = load::command_line_property("title.align=\"center\"", diags);
  ASSERT_TRUE(p);
  EXPECT_EQ(std::get<std::string>(p->value), "center");
}

TEST(CommandLine, ReportsMissingEquals) {
  Diagnostics diags;
  EXPECT_FALSE(load::command_line_property("noequals", diags));
  EXPECT_THAT(only(diags).message, HasSubstr("expected KEY=VALUE"));
}

// What the fuzzers found is kept in fuzz/corpus/ and replayed here on every
// run, so an input that once crashed the loader stays a regression test
// without clang; every message formats and escapes its control characters.
TEST(FuzzCorpus, EveryFoundTimelineAndStyleLoadsOrIsReported) {
  namespace fs = std::filesystem;
  std::size_t replayed = 0;
  for (const char* target : {"timeline", "pipeline", "style"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(ANNALS_SOURCE_DIR) / "fuzz" / "corpus" / target)) {
      std::ifstream in(entry.path(), std::ios::binary);
      const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
      Diagnostics diags;
      if (std::string_view(target) == "style") {
        std::string extends;
        SourceLocation where;
        (void)load::style_sheet(text, "fuzz.toml", &extends, &where, diags);
      } else {
        (void)load::timeline(text, "fuzz.toml", diags);
      }
      for (const auto& d : diags.all()) {
        const std::string shown = format(d);
        ASSERT_EQ(shown.find('\x1b'), std::string::npos) << entry.path();
      }
      ++replayed;
    }
  }
  EXPECT_GT(replayed, 1000u);
}

}  // namespace
// ---------------------------------------------------------------- languages (FORMAT.md §5.4)

TEST(Load, LocaleLetsDatesBeWrittenInThatLanguage) {
  const auto l = load_text("[timeline]\nlocale = \"es\"\n[[event]]\ntitle = \"e\"\ndate = \"marzo de 2004\"\n"
                           "[[event]]\ntitle = \"f\"\nstart = \"década de 1960\"\nend = \"presente\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_FALSE(l.diags.has_errors());
  EXPECT_EQ(l.tl->header.locale.language, "es");
  ASSERT_EQ(l.tl->events.size(), 2u);
  EXPECT_EQ(dates::iso_first(l.tl->events[0].date->date), "2004-03-01");
  EXPECT_EQ(l.tl->events[0].date->date.precision, dates::Precision::month);
  EXPECT_TRUE(l.tl->events[1].end->date.present);
}

TEST(Load, UnknownLocaleIsAnErrorAtItsValue) {
  const auto l = load_text("[timeline]\nlocale = \"xx\"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where), "t.toml:2:10");
  EXPECT_THAT(d.message, HasSubstr("unknown locale 'xx'"));
  EXPECT_THAT(d.message, HasSubstr("en, es, fr, de, pt"));
}

TEST(Load, LocaleMustBeAString) {
  const auto l = load_text("[timeline]\nlocale = 3\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:2:10");
}

TEST(Load, SpanishDateErrorsKeepTheirPosition) {
  const auto l = load_text("[timeline]\nlocale = \"es\"\n[[event]]\ntitle = \"e\"\ndate = \"31 de febrero de 2004\"\n");
  const auto& d = only(l.diags);
  EXPECT_EQ(position(d.where).substr(0, 8), "t.toml:5");
  EXPECT_THAT(d.message, HasSubstr("February"));
}

TEST(Load, WithoutLocaleSpanishDatesAreNotDates) {
  const auto l = load_text("[[event]]\ntitle = \"e\"\ndate = \"marzo de 2004\"\n");
  EXPECT_EQ(position(only(l.diags).where), "t.toml:3:9");  // inside the quotes, at the word
}

TEST(Load, CommandLineLocaleWinsAndReadsTheFilesDates) {
  Loaded l;
  load::ReadOptions o;
  o.locale = "fr";
  l.tl = load::timeline("[timeline]\nlocale = \"es\"\n[[event]]\ntitle = \"e\"\ndate = \"mars 2004\"\n", "t.toml",
                        l.diags, o);
  ASSERT_TRUE(l.tl);
  EXPECT_FALSE(l.diags.has_errors());
  EXPECT_EQ(l.tl->header.locale.language, "fr");
}

// ---------------------------------------------------------------- lane groups (FORMAT.md §5.3)

TEST(Load, LanesKeepTheirGroup) {
  const auto l = load_text("[[lane]]\ntitle = \"MERCOSUR\"\ngroup = \"The Americas\"\n[[lane]]\ntitle = \"OAS\"\n"
                           "group = \"The Americas\"\n[[event]]\ntitle = \"e\"\ndate = 1\nlane = \"OAS\"\n");
  ASSERT_TRUE(l.tl);
  EXPECT_TRUE(l.diags.all().empty());
  ASSERT_EQ(l.tl->lanes.size(), 2u);
  EXPECT_EQ(l.tl->lanes[0].group, "The Americas");
  EXPECT_EQ(l.tl->lanes[1].group, "The Americas");
  EXPECT_EQ(position(l.tl->lanes[1].group_where), "t.toml:6:9");
}

TEST(Load, ALaneWrittenApartFromItsGroupJoinsItWithAWarning) {
  const auto l = load_text("[[lane]]\nid = \"a\"\ngroup = \"G\"\n[[lane]]\nid = \"b\"\n[[lane]]\nid = \"c\"\n"
                           "group = \"G\"\n[[event]]\ntitle = \"e\"\ndate = 1\nlane = \"b\"\n");
  ASSERT_TRUE(l.tl);
  const auto& d = only(l.diags, Severity::warning);
  EXPECT_EQ(position(d.where), "t.toml:8:9");
  EXPECT_THAT(d.message, HasSubstr("lane 'c' of group 'G' is written apart"));
  ASSERT_EQ(l.tl->lanes.size(), 3u);
  EXPECT_EQ(l.tl->lanes[1].id, "c");
  EXPECT_EQ(l.tl->lanes[2].id, "b");
  EXPECT_EQ(l.tl->events[0].lane, 2u);  // the event stays in lane b
}

TEST(Load, GroupMustBeNonEmptyText) {
  const auto blank = load_text("[[lane]]\nid = \"a\"\ngroup = \" \"\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  EXPECT_EQ(position(only(blank.diags).where), "t.toml:3:9");
  EXPECT_THAT(only(blank.diags).message, HasSubstr("'group' cannot be empty"));
  const auto number = load_text("[[lane]]\nid = \"a\"\ngroup = 5\n[[event]]\ntitle = \"e\"\ndate = 1\n");
  EXPECT_EQ(position(only(number.diags).where), "t.toml:3:9");
  EXPECT_THAT(only(number.diags).message, HasSubstr("'group' must be a string"));
}

}  // namespace annals
