#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <regex>
#include <sstream>

#include "style/builtin.h"
#include "style/style.h"

namespace annals::style {
namespace {

Property prop(std::string key, PropertyValue value, int line = 3, int col = 1) {
  return {std::move(key), std::move(value), {"chart.toml", line, col}};
}

Color rgb(int r, int g, int b, int a = 255) { return {r / 255.0, g / 255.0, b / 255.0, a / 255.0}; }

void expect_color(const Color& actual, const Color& expected) {
  EXPECT_NEAR(actual.r, expected.r, 1e-9);
  EXPECT_NEAR(actual.g, expected.g, 1e-9);
  EXPECT_NEAR(actual.b, expected.b, 1e-9);
  EXPECT_NEAR(actual.a, expected.a, 1e-9);
}

// ---- colours ---------------------------------------------------------------

TEST(Colors, ShortHexDoublesEachDigit) { expect_color(*parse_color("#f80"), rgb(255, 136, 0)); }

TEST(Colors, ShortHexWithAlpha) { expect_color(*parse_color("#f808"), rgb(255, 136, 0, 136)); }

TEST(Colors, SixDigitHex) { expect_color(*parse_color("#1f77b4"), rgb(0x1f, 0x77, 0xb4)); }

TEST(Colors, EightDigitHexCarriesAlpha) { expect_color(*parse_color("#1F77B480"), rgb(0x1f, 0x77, 0xb4, 0x80)); }

TEST(Colors, NamedColourIsCaseInsensitive) { expect_color(*parse_color("RebeccaPurple"), rgb(0x66, 0x33, 0x99)); }

TEST(Colors, BothGreySpellingsAreKnown) {
  expect_color(*parse_color("lightslategrey"), *parse_color("lightslategray"));
}

TEST(Colors, AllCssNamesAreKnown) {
  EXPECT_EQ(color_names().size(), 148u);
  for (auto name : color_names()) EXPECT_TRUE(parse_color(name).has_value()) << name;
}

TEST(Colors, NoneAndTransparentAreInvisible) {
  EXPECT_TRUE(parse_color("none")->is_none());
  EXPECT_TRUE(parse_color("transparent")->is_none());
}

TEST(Colors, RejectsMalformed) {
  for (auto bad : {"", "#", "#12", "#12345", "#1234567", "#ggg", "blu", "1f77b4", "#1f77b4 "})
    EXPECT_FALSE(parse_color(bad).has_value()) << bad;
}

// ---- lengths -----------------------------------------------------------------

TEST(Lengths, BareNumberIsPoints) { EXPECT_DOUBLE_EQ(*parse_length("9"), 9); }
TEST(Lengths, Points) { EXPECT_DOUBLE_EQ(*parse_length("18pt"), 18); }
TEST(Lengths, Millimetres) { EXPECT_NEAR(*parse_length("12mm"), 34.0157, 1e-4); }
TEST(Lengths, Centimetres) { EXPECT_NEAR(*parse_length("1.2cm"), 34.0157, 1e-4); }
TEST(Lengths, Inches) { EXPECT_DOUBLE_EQ(*parse_length("0.5in"), 36); }
TEST(Lengths, PixelIsThreeQuartersOfAPoint) { EXPECT_DOUBLE_EQ(*parse_length("24px"), 18); }
TEST(Lengths, UnitIsCaseInsensitiveAndMaySitAfterASpace) { EXPECT_NEAR(*parse_length("12 MM"), 34.0157, 1e-4); }
TEST(Lengths, NegativeParsesForTheCallerToJudge) { EXPECT_DOUBLE_EQ(*parse_length("-2pt"), -2); }

TEST(Lengths, RejectsMalformed) {
  for (auto bad : {"", "mm", "12furlongs", "12mmm", "abc", "1..2pt", "inf", "nan", "12 m m"})
    EXPECT_FALSE(parse_length(bad).has_value()) << bad;
}

// ---- page sizes ------------------------------------------------------------

TEST(PageSizes, A4IsPortraitInPoints) {
  const auto a4 = page_size("A4");
  EXPECT_NEAR(a4->width, 595.28, 0.01);
  EXPECT_NEAR(a4->height, 841.89, 0.01);
}

TEST(PageSizes, EveryAPaperFromA0ToA6) {
  for (auto name : {"A0", "A1", "A2", "A3", "A4", "A5", "A6"}) EXPECT_TRUE(page_size(name)) << name;
  EXPECT_NEAR(page_size("A0")->height, 3370.39, 0.01);
  EXPECT_NEAR(page_size("A6")->width, 297.64, 0.01);
}

TEST(PageSizes, AmericanSizesAreWholeInches) {
  EXPECT_NEAR(page_size("letter")->width, 612, 1e-9);
  EXPECT_NEAR(page_size("letter")->height, 792, 1e-9);
  EXPECT_NEAR(page_size("legal")->height, 1008, 1e-9);
  EXPECT_NEAR(page_size("tabloid")->width, 792, 1e-9);
  EXPECT_NEAR(page_size("tabloid")->height, 1224, 1e-9);
}

TEST(PageSizes, NamesAreCaseInsensitive) { EXPECT_TRUE(page_size("a3") && page_size("LETTER")); }

TEST(PageSizes, UnknownNameIsRejected) {
  EXPECT_FALSE(page_size("B5"));
  EXPECT_FALSE(page_size("A7"));
}

// ---- apply: one test per kind of value -------------------------------------------

TEST(Apply, LengthWithUnit) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("page.margin", std::string("0.5in")), d);
  EXPECT_DOUBLE_EQ(s.page.margin, 36);
  EXPECT_TRUE(d.all().empty());
}

TEST(Apply, IntegerIsAcceptedAsLength) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.marker_size", std::int64_t{12}), d);
  EXPECT_DOUBLE_EQ(s.event.marker_size, 12);
  EXPECT_TRUE(d.all().empty());
}

TEST(Apply, Colour) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("page.background", std::string("#fffdf8")), d);
  expect_color(s.page.background, rgb(0xff, 0xfd, 0xf8));
}

TEST(Apply, Choice) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.marker", std::string("diamond")), d);
  EXPECT_EQ(s.event.marker, MarkerShape::diamond);
}

TEST(Apply, LabelPositionAutoIsAutomatic) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.label_position", std::string("inside")), d);
  apply(s, prop("event.label_position", std::string("auto")), d);
  EXPECT_EQ(s.event.label_position, LabelPosition::automatic);
}

TEST(Apply, Boolean) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("legend.show", false), d);
  EXPECT_FALSE(s.legend.show);
}

TEST(Apply, NumberInRange) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("era.opacity", 0.2), d);
  EXPECT_DOUBLE_EQ(s.era.opacity, 0.2);
}

TEST(Apply, PageSizeIsStoredInCanonicalSpelling) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("page.size", std::string("a1")), d);
  EXPECT_EQ(s.page.size, "A1");
}

TEST(Apply, PortraitOrientation) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("page.orientation", std::string("portrait")), d);
  EXPECT_FALSE(s.page.landscape);
}

TEST(Apply, FontWeightByName) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("subtitle.weight", std::string("bold")), d);
  EXPECT_EQ(s.title.subtitle.font.weight, 700);
}

TEST(Apply, PaletteList) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("palette.colors", std::vector<std::string>{"#000", "white"}), d);
  ASSERT_EQ(s.palette.size(), 2u);
  expect_color(s.palette[1], rgb(255, 255, 255));
}

TEST(Apply, LinkKeysStyleTheLineArrowheadAndTitle) {
  Style s = defaults();
  Diagnostics d;
  // Unset, a link follows the events: date colour, labels' font.
  EXPECT_TRUE(s.link.color.is_none());
  EXPECT_TRUE(s.link.title_color.is_none());
  EXPECT_EQ(s.link.title_size, 0);
  apply(s, prop("link.color", std::string("#ff0000")), d);
  apply(s, prop("link.width", std::string("1mm")), d);
  apply(s, prop("link.arrow_size", 8.0), d);
  apply(s, prop("link.dash", std::string("dotted")), d);
  apply(s, prop("link.title_font", std::string("DejaVu Serif")), d);
  apply(s, prop("link.title_size", 9.0), d);
  apply(s, prop("link.title_weight", std::string("bold")), d);
  apply(s, prop("link.title_color", std::string("blue")), d);
  apply(s, prop("link.title_italic", false), d);
  EXPECT_TRUE(d.all().empty());
  expect_color(s.link.color, rgb(255, 0, 0));
  EXPECT_NEAR(s.link.width, 2.8346, 1e-4);
  EXPECT_EQ(s.link.arrow_size, 8);
  EXPECT_FALSE(s.link.dash.empty());
  EXPECT_EQ(s.link.title_font, "DejaVu Serif");
  EXPECT_EQ(s.link.title_size, 9);
  EXPECT_EQ(s.link.title_weight, 700);
  expect_color(s.link.title_color, rgb(0, 0, 255));
  EXPECT_FALSE(s.link.title_italic);
}

TEST(Apply, DashFromListOfLengths) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("marker.dash", std::vector<std::string>{"2", "1mm"}), d);
  ASSERT_EQ(s.marker.dash.size(), 2u);
  EXPECT_NEAR(s.marker.dash[1], 2.8346, 1e-4);
}

TEST(Apply, SolidDashIsEmpty) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("marker.dash", std::string("solid")), d);
  EXPECT_TRUE(s.marker.dash.empty());
}

TEST(Apply, LaneTitleColourStopsFollowingTheLane) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("lane.title_color", std::string("black")), d);
  EXPECT_FALSE(s.lane.title_uses_lane_color);
}

TEST(Apply, EveryKnownKeyIsAccepted) {
  // A value no key accepts: every key must reject it as a bad value, none as unknown.
  for (auto key : known_keys()) {
    Style s = defaults();
    Diagnostics d;
    apply(s, prop(std::string(key), std::vector<std::string>{"?"}), d);
    ASSERT_EQ(d.all().size(), 1u) << key;
    EXPECT_EQ(d.all()[0].severity, Severity::error) << key << ": " << d.all()[0].message;
  }
}

// ---- problems ------------------------------------------------------------------

TEST(Apply, UnknownKeyWarnsWithSuggestionAtItsPosition) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.markr", std::string("diamond"), 7, 5), d);
  ASSERT_EQ(d.all().size(), 1u);
  const Diagnostic& w = d.all()[0];
  EXPECT_EQ(w.severity, Severity::warning);
  EXPECT_EQ(w.message, "unknown style key 'event.markr'");
  EXPECT_EQ(w.where.line, 7);
  EXPECT_EQ(w.where.col, 5);
  ASSERT_EQ(w.notes.size(), 1u);
  EXPECT_EQ(w.notes[0].message, "did you mean 'event.marker'?");
}

TEST(Apply, FarOffKeyHasNoSuggestion) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("zzzzzzzz.qqqq", true), d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_TRUE(d.all()[0].notes.empty());
}

TEST(Apply, BadChoiceIsAnErrorListingTheChoices) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.marker", std::string("star")), d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].severity, Severity::error);
  EXPECT_EQ(d.all()[0].message,
            "'event.marker' must be one of circle, diamond, square, triangle, none; found 'star'");
  EXPECT_EQ(s.event.marker, MarkerShape::circle);
}

TEST(Apply, BadLengthIsAnErrorAndLeavesTheStyleUnchanged) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("page.margin", std::string("wide")), d);
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.all()[0].message, "'page.margin' must be a length like 12mm or 9 (points); found 'wide'");
  EXPECT_DOUBLE_EQ(s.page.margin, defaults().page.margin);
}

TEST(Apply, NegativeLengthIsAnError) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.span_height", std::string("-3mm")), d);
  EXPECT_EQ(d.error_count(), 1u);
}

TEST(Apply, MisspelledColourNameSuggestsTheNearest) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.color", std::string("tomatoe")), d);
  ASSERT_EQ(d.error_count(), 1u);
  ASSERT_EQ(d.all()[0].notes.size(), 1u);
  EXPECT_EQ(d.all()[0].notes[0].message, "did you mean 'tomato'?");
}

TEST(Apply, BadPaletteEntryIsNamedWithASuggestion) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("palette.colors", std::vector<std::string>{"#fff", "blu"}), d);
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.all()[0].message, "'palette.colors' must be an array of colours like [\"#1f77b4\", \"teal\"]; found 'blu' in it");
  EXPECT_EQ(d.all()[0].notes.at(0).message, "did you mean 'blue'?");
  EXPECT_EQ(s.palette, defaults().palette);
}

TEST(Apply, OpacityAboveOneIsAnError) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("era.opacity", std::int64_t{2}), d);
  EXPECT_EQ(d.error_count(), 1u);
}

// ---- [font] -----------------------------------------------------------------------

TEST(Font, FamilyReachesEveryTextStyle) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("font.family", std::string("DejaVu Serif")), d);
  EXPECT_EQ(s.title.title.font.family, "DejaVu Serif");
  EXPECT_EQ(s.event.label.font.family, "DejaVu Serif");
  EXPECT_EQ(s.axis.label.font.family, "DejaVu Serif");
}

TEST(Font, SizeRescalesTheHierarchy) {
  Style s = defaults();
  const double ratio = s.title.title.font.size / s.event.label.font.size;
  Diagnostics d;
  apply(s, prop("font.size", std::int64_t{18}), d);
  EXPECT_DOUBLE_EQ(s.event.label.font.size, 18);
  EXPECT_NEAR(s.title.title.font.size / s.event.label.font.size, ratio, 0.01);
}

TEST(Font, MinSizeIsALengthDefaultingToSixPoints) {
  Style s = defaults();
  EXPECT_DOUBLE_EQ(s.min_size, 6);
  Diagnostics d;
  apply(s, prop("font.min_size", std::string("8pt")), d);
  EXPECT_DOUBLE_EQ(s.min_size, 8);
  EXPECT_EQ(d.error_count(), 0u);
  apply(s, prop("font.min_size", std::string("small")), d);
  EXPECT_EQ(d.error_count(), 1u);
  EXPECT_DOUBLE_EQ(s.min_size, 8);
}

TEST(Font, WeightLeavesBoldTextBold) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("font.weight", std::string("light")), d);
  EXPECT_EQ(s.event.label.font.weight, 300);
  EXPECT_EQ(s.title.title.font.weight, 700);
}

TEST(Font, FontKeysApplyBeforeTheSectionsThatRefineThem) {
  // Sorted TOML keys put [event] before [font]; the event's own size must still win.
  Style s = defaults();
  Diagnostics d;
  apply(s, PropertySheet{prop("event.label_size", std::int64_t{12}), prop("font.size", std::int64_t{18})}, d);
  EXPECT_DOUBLE_EQ(s.event.label.font.size, 12);
  EXPECT_DOUBLE_EQ(s.axis.label.font.size, 15);
}

// ---- tags and the event cascade -------------------------------------------------------

TEST(Tags, TagKeysAreStoredAsEventKeys) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("tag.war.color", std::string("#922b21")), d);
  ASSERT_EQ(s.tags["war"].size(), 1u);
  EXPECT_EQ(s.tags["war"][0].key, "event.color");
  EXPECT_TRUE(d.all().empty());
}

TEST(Tags, UnknownTagKeySuggestsTheTagSpelling) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("tag.war.markr", std::string("diamond")), d);
  ASSERT_EQ(d.warning_count(), 1u);
  EXPECT_EQ(d.all()[0].notes.at(0).message, "did you mean 'tag.war.marker'?");
  EXPECT_TRUE(s.tags.empty());
}

TEST(Tags, BadTagValueIsAnErrorAndNotStored) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("tag.war.marker", std::string("star")), d);
  EXPECT_EQ(d.error_count(), 1u);
  EXPECT_TRUE(s.tags.empty());
}

class Cascade : public ::testing::Test {
 protected:
  Style s = defaults();
  Diagnostics d;
  const Color lane = *parse_color("#111111");

  void SetUp() override {
    apply(s, prop("tag.war.color", std::string("#222222")), d);
    apply(s, prop("tag.war.marker", std::string("square")), d);
    apply(s, prop("tag.peace.color", std::string("#333333")), d);
  }
  EventStyle resolve(const PropertySheet& lane_sheet, std::vector<std::string> tags, const PropertySheet& event,
                     const PropertySheet& cli = {}) {
    return event_style(s, lane, lane_sheet, tags, event, cli, d);
  }
};

TEST_F(Cascade, EventTakesTheLaneColour) { expect_color(resolve({}, {}, {}).color, lane); }

TEST_F(Cascade, LaneSheetOverridesTheStyle) {
  EXPECT_EQ(resolve({prop("event.marker", std::string("diamond"))}, {}, {}).marker, MarkerShape::diamond);
}

TEST_F(Cascade, TagOverridesTheLane) {
  EXPECT_EQ(resolve({prop("event.marker", std::string("diamond"))}, {"war"}, {}).marker, MarkerShape::square);
}

TEST_F(Cascade, LaterTagWins) {
  expect_color(resolve({}, {"war", "peace"}, {}).color, *parse_color("#333333"));
  expect_color(resolve({}, {"peace", "war"}, {}).color, *parse_color("#222222"));
}

TEST_F(Cascade, EventOverridesItsTags) {
  expect_color(resolve({}, {"war"}, {prop("event.color", std::string("#444444"))}).color, *parse_color("#444444"));
}

TEST_F(Cascade, CommandLineWinsOverTheEvent) {
  const auto e = resolve({}, {"war"}, {prop("event.marker", std::string("triangle"))},
                         {prop("event.marker", std::string("none"))});
  EXPECT_EQ(e.marker, MarkerShape::none);
}

TEST_F(Cascade, UnknownTagIsIgnored) { expect_color(resolve({}, {"nosuchtag"}, {}).color, lane); }

TEST_F(Cascade, EventSheetProblemsAreReported) {
  resolve({}, {}, {prop("event.colr", std::string("red"))});
  ASSERT_EQ(d.warning_count(), 1u);
  EXPECT_EQ(d.all().back().notes.at(0).message, "did you mean 'event.color'?");
}

TEST_F(Cascade, ChartKeyInAnEventIsReportedAsMisplaced) {
  resolve({}, {}, {prop("page.size", std::string("A4"))});
  EXPECT_EQ(d.warning_count(), 1u);
}

// ---- lane colours ----------------------------------------------------------------

TEST(Lanes, ColoursCycleThePalette) {
  const Style s = defaults();
  Diagnostics d;
  const std::size_t n = s.palette.size();
  expect_color(lane_color(s, 0, {}, d), s.palette[0]);
  expect_color(lane_color(s, 1, {}, d), s.palette[1]);
  expect_color(lane_color(s, n, {}, d), s.palette[0]);
  expect_color(lane_color(s, n + 2, {}, d), s.palette[2]);
}

TEST(Lanes, OwnColourWins) {
  const Style s = defaults();
  Diagnostics d;
  expect_color(lane_color(s, 0, {prop("lane.color", std::string("#b03a2e"))}, d), *parse_color("#b03a2e"));
  EXPECT_TRUE(d.all().empty());
}

TEST(Lanes, StyleEventColourBeatsThePaletteButNotTheLanesOwn) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("event.color", std::string("#ff0000")), d);
  expect_color(lane_color(s, 0, {}, d), *parse_color("#ff0000"));
  expect_color(lane_color(s, 3, {}, d), *parse_color("#ff0000"));
  expect_color(lane_color(s, 1, {prop("lane.color", std::string("#b03a2e"))}, d), *parse_color("#b03a2e"));
  EXPECT_TRUE(d.all().empty());
}

TEST(Lanes, PaletteMarkersGiveEachLaneItsShapeInTurn) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("palette.markers", std::vector<std::string>{"circle", "Square"}), d);
  EXPECT_TRUE(d.all().empty());
  const auto marker_of = [&](std::size_t lane, const PropertySheet& own = {}) {
    return event_style(s, Color{}, lane_event_sheet(s, lane, own), {}, {}, {}, d).marker;
  };
  EXPECT_EQ(marker_of(0), MarkerShape::circle);
  EXPECT_EQ(marker_of(1), MarkerShape::square);
  EXPECT_EQ(marker_of(2), MarkerShape::circle);
  // The lane's own mark wins over the palette's.
  EXPECT_EQ(marker_of(1, {prop("event.marker", std::string("triangle"))}), MarkerShape::triangle);
}

TEST(Lanes, AStylesOwnEventMarkerBeatsPaletteMarkers) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("palette.markers", std::vector<std::string>{"square"}), d);
  apply(s, prop("event.marker", std::string("diamond")), d);
  EXPECT_EQ(event_style(s, Color{}, lane_event_sheet(s, 0, {}), {}, {}, {}, d).marker, MarkerShape::diamond);
}

TEST(Lanes, UnknownPaletteMarkerIsAnErrorNamingTheChoices) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("palette.markers", std::vector<std::string>{"circle", "hexagon"}), d);
  ASSERT_EQ(d.error_count(), 1u);
  EXPECT_NE(d.all()[0].message.find("hexagon"), std::string::npos);
  EXPECT_NE(d.all()[0].message.find("triangle"), std::string::npos);
  EXPECT_TRUE(s.palette_markers.empty());
}

TEST(Lanes, BadLaneColourIsAnErrorAndFallsBackToThePalette) {
  const Style s = defaults();
  Diagnostics d;
  expect_color(lane_color(s, 1, {prop("lane.color", std::string("redd"))}, d), s.palette[1]);
  EXPECT_EQ(d.error_count(), 1u);
}

// ---- eras and markers --------------------------------------------------------------

TEST(Sections, EraTakesItsOwnFill) {
  Diagnostics d;
  const EraStyle e = era_style(defaults(), {prop("era.fill", std::string("#ff0000"))}, d);
  expect_color(e.fill, rgb(255, 0, 0));
  EXPECT_TRUE(d.all().empty());
}

TEST(Sections, MarkerTakesItsOwnDash) {
  Diagnostics d;
  EXPECT_TRUE(marker_style(defaults(), {prop("marker.dash", std::string("solid"))}, d).dash.empty());
}

TEST(Sections, EventKeyOnAnEraIsReported) {
  Diagnostics d;
  era_style(defaults(), {prop("event.marker", std::string("square"))}, d);
  EXPECT_EQ(d.warning_count(), 1u);
}

// ---- contrast -------------------------------------------------------------------

TEST(Contrast, BlackOnWhiteIsTwentyOne) { EXPECT_NEAR(contrast_ratio(rgb(0, 0, 0), rgb(255, 255, 255)), 21, 1e-9); }

TEST(Contrast, IsSymmetric) {
  EXPECT_DOUBLE_EQ(contrast_ratio(rgb(31, 119, 180), rgb(250, 250, 250)),
                   contrast_ratio(rgb(250, 250, 250), rgb(31, 119, 180)));
}

TEST(Contrast, ReadableTextOnTableauBlueReachesAA) {
  const Color bg = *parse_color("#1f77b4");
  EXPECT_GE(contrast_ratio(readable_text_on(bg), bg), 4.5);
}

TEST(Contrast, ReadableTextIsDarkOnPaleAndLightOnDark) {
  EXPECT_LT(readable_text_on(*parse_color("#f0e442")).r, 0.5);
  EXPECT_GT(readable_text_on(*parse_color("#1a1a2e")).r, 0.5);
}

TEST(Contrast, EveryDefaultLaneColourCarriesReadableText) {
  for (const auto& c : defaults().palette) EXPECT_GE(contrast_ratio(readable_text_on(c), c), 4.5);
}

TEST(Contrast, TextColourOnKeepsHueButReachesTheRatio) {
  const Color white = rgb(255, 255, 255);
  const Color orange = *parse_color("#e69f00");
  const Color text = text_color_on(orange, white);
  EXPECT_GE(contrast_ratio(text, white), 4.5);
  EXPECT_GT(text.r, text.b);  // still orange-ish, not grey
}

// ---- defaults and shipped styles ----------------------------------------------------

TEST(Defaults, TitleIsAboutTwiceTheBody) {
  const Style s = defaults();
  EXPECT_NEAR(s.title.title.font.size / s.event.label.font.size, 2.2, 0.3);
}

TEST(Defaults, SmallPrintStaysAboveSevenPoints) {
  const Style s = defaults();
  EXPECT_GE(s.axis.label.font.size, 7);
  EXPECT_GE(s.title.source.font.size, 7);
}

TEST(Builtin, ShipsTheFiveStyles) {
  for (auto name : {"default", "classic", "dark", "print", "poster"})
    EXPECT_TRUE(builtin_style_text(name).has_value()) << name;
}

TEST(Builtin, StylesAreSortedByName) {
  const auto styles = builtin_styles();
  EXPECT_TRUE(std::is_sorted(styles.begin(), styles.end(),
                             [](const BuiltinStyle& a, const BuiltinStyle& b) { return a.name < b.name; }));
}

// The keys a style text writes, commented-out examples included. A line scan
// of our own files, not a TOML reader: enough to catch a misspelt key.
std::vector<std::string> written_keys(std::string_view text) {
  const std::regex header(R"(^#?\s*\[([a-z_.]+)\]\s*(#.*)?$)");
  const std::regex assignment(R"(^#?\s*([a-z_]+)\s*=)");
  std::vector<std::string> keys;
  std::string section;
  std::istringstream in{std::string(text)};
  std::smatch m;
  for (std::string line; std::getline(in, line);) {
    if (std::regex_search(line, m, header)) {
      section = m[1];
    } else if (!section.empty() && std::regex_search(line, m, assignment)) {
      keys.push_back((section.starts_with("tag.") ? std::string("event") : section) + "." + m[1].str());
    }
  }
  return keys;
}

TEST(Builtin, ShippedStylesWriteOnlyKnownKeys) {
  const auto known = known_keys();
  for (const auto& style : builtin_styles()) {
    const auto keys = written_keys(style.text);
    EXPECT_FALSE(keys.empty()) << style.name;
    for (const auto& key : keys)
      EXPECT_NE(std::find(known.begin(), known.end(), key), known.end()) << style.name << ": " << key;
  }
}

TEST(Docs, EveryKeyIsDocumented) {
  std::ifstream file(std::string(ANNALS_SOURCE_DIR) + "/docs/styles.md");
  ASSERT_TRUE(file) << "docs/styles.md";
  std::stringstream docs;
  docs << file.rdbuf();
  for (auto key : known_keys())
    EXPECT_NE(docs.str().find("`" + std::string(key) + "`"), std::string::npos) << key;
}

TEST(Apply, SvgTextDefaultsToRealTextAndTakesOutlines) {
  Style s = defaults();
  EXPECT_EQ(s.svg.text, SvgText::text);
  Diagnostics d;
  apply(s, prop("svg.text", std::string("outlines")), d);
  EXPECT_TRUE(d.all().empty());
  EXPECT_EQ(s.svg.text, SvgText::outlines);
}

TEST(Apply, SvgTextOfAnotherWordIsAnErrorListingTheChoices) {
  Style s = defaults();
  Diagnostics d;
  apply(s, prop("svg.text", std::string("paths")), d);
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].severity, Severity::error);
  EXPECT_EQ(d.all()[0].message, "'svg.text' must be one of text, outlines; found 'paths'");
  EXPECT_EQ(s.svg.text, SvgText::text);
}

}  // namespace
}  // namespace annals::style
