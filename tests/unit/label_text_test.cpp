// Wrapping a label: at the measurer's break opportunities, never leaving an
// orphan word or a dangling separator it can avoid; scripts wrap by their own rules.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/labels/label_text.h"
#include "render/render.h"
#include "text/measurer.h"

namespace annals::layout {
namespace {

LabelRequest request(std::string_view title, double max_width, int max_lines = 3) {
  LabelRequest r;
  r.title = title;
  r.font.family = "DejaVu Sans";
  r.font.size = 10;  // the fake measurer: 6 pt per character
  r.max_width = max_width;
  r.max_lines = max_lines;
  return r;
}

std::vector<std::string> lines_of(const LabelText& t) {
  std::vector<std::string> out;
  for (const auto& l : t.lines) out.push_back(l.text);
  return out;
}

std::string concatenated(const LabelText& t) {
  std::string out;
  for (const auto& l : t.lines) out += l.text;
  return out;
}

TEST(LabelWrap, LastLineIsNotAnOrphanWordWhenThePreviousCanGiveOneDown) {
  const text::FakeMeasurer m;
  // Greedy would leave "Zulu" alone on the second line.
  const auto t = compose_label(request("Battle of Isandlwana Zulu", 120), m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"Battle of", "Isandlwana Zulu"}));
  EXPECT_FALSE(t.shortened);
  EXPECT_LE(t.width, 120.0);
}

TEST(LabelWrap, LastAllowedLineIsNotAnOrphanEither) {
  const text::FakeMeasurer m;
  const auto t = compose_label(request("Battle of Isandlwana Zulu", 120, 2), m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"Battle of", "Isandlwana Zulu"}));
}

TEST(LabelWrap, OrphanStaysWhenThePreviousLineHasOneWord) {
  const text::FakeMeasurer m;
  const auto t = compose_label(request("Internationalisation war", 126), m);  // 21 characters a line
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"Internationalisation", "war"}));
}

TEST(LabelWrap, OrphanStaysWhenGivingAWordDownWouldNotFit) {
  const text::FakeMeasurer m;
  const auto t = compose_label(request("aaaa bbbbbbbbbbbbbbb cccccc", 120), m);  // 20 characters a line
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"aaaa bbbbbbbbbbbbbbb", "cccccc"}));
}

TEST(LabelWrap, OrphanStaysWhenGivingAWordDownWouldOrphanTheLineAbove) {
  const text::FakeMeasurer m;
  // 18 characters a line: moving "cc" down would leave "bb" alone in the middle.
  const auto t = compose_label(request("aaaaaaaaaaaaaaaa bb cc dddddddddddddd", 108), m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"aaaaaaaaaaaaaaaa", "bb cc", "dddddddddddddd"}));
}

// A number keeps its digit groups and its unit on its line.
TEST(LabelWrap, NumberIsNeverPartedFromItsDigitGroupsOrItsUnit) {
  const text::FakeMeasurer m;
  // 23 characters a line: greedy would end the first line on "149 597 870" or "218".
  EXPECT_EQ(lines_of(compose_label(request("The unit is 149 597 870 700 m long", 138), m)),
            (std::vector<std::string>{"The unit is", "149 597 870 700 m long"}));
  EXPECT_EQ(lines_of(compose_label(request("Coca estimated at 218 km\u00b2, 45% below", 138), m)),
            (std::vector<std::string>{"Coca estimated at", "218 km\u00b2, 45% below"}));
  // A word after a number that is no unit may start the next line.
  EXPECT_EQ(lines_of(compose_label(request("Founded in the year 1066 before", 138), m)),
            (std::vector<std::string>{"Founded in the year", "1066 before"}));
}

TEST(LabelWrap, NoLineEndsOnASeparatorInsideTheTitle) {
  const text::FakeMeasurer m;
  // Greedy would end the first line on "·".
  const auto t = compose_label(request("Brisbane games \u00b7 2032 Olympics", 102), m);
  ASSERT_GE(t.lines.size(), 2u);
  for (const auto& l : t.lines) EXPECT_FALSE(l.text.ends_with("\u00b7")) << l.text;
  EXPECT_EQ(t.lines[0].text, "Brisbane games");
}

// Two lines that would split a title fitting a line of its own give the
// date the first line and the title the second, whole.
TEST(LabelWrap, TitleThatFitsALineIsNotSplitUnderItsDate) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Gas war", 90);  // 15 characters a line
  r.date = "2003-2005";
  EXPECT_EQ(lines_of(compose_label(r, m)), (std::vector<std::string>{"2003-2005", "Gas war"}));
  // A title longer than a line still shares the first line with its date.
  r.title = "Gas war over the export route";
  EXPECT_EQ(lines_of(compose_label(r, m))[0], "2003-2005 \u00b7 Gas");
}

TEST(LabelWrap, DateAloneOnItsLineDropsItsSeparator) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Internationalisation", 126);
  r.date = "21 Sep 1997";
  const auto t = compose_label(r, m);
  ASSERT_EQ(t.lines.size(), 2u);
  EXPECT_EQ(t.lines[0].text, "21 Sep 1997");
  EXPECT_EQ(t.lines[0].date_end, r.date.size());
  EXPECT_DOUBLE_EQ(t.lines[0].width, 11 * 6.0);
  EXPECT_EQ(t.lines[1].text, "Internationalisation");
}

// A date listing several periods, wider than the label, breaks after its
// commas (never inside a period), in the date's colour, the title after it.
TEST(LabelWrap, DateOfSeveralPeriodsBreaksAfterItsCommasWhenWiderThanTheLabel) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Relations broken", 84);  // 14 characters a line
  r.date = "1962-1975, 1978-present";
  r.break_date = true;
  const auto t = compose_label(r, m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"1962-1975,", "1978-present", "Relations broken"}));
  EXPECT_EQ(t.lines[0].date_end, t.lines[0].text.size());
  EXPECT_EQ(t.lines[1].date_end, t.lines[1].text.size());
  EXPECT_EQ(t.lines[2].date_end, 0u);
  EXPECT_FALSE(t.shortened);
}

TEST(LabelWrap, DateOfSeveralPeriodsFillsEachLineBeforeBreaking) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Talks", 96);  // 16 characters a line
  r.date = "1929, 1950-1953, 1990s";
  r.break_date = true;
  const auto t = compose_label(r, m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"1929, 1950-1953,", "1990s \u00b7 Talks"}));
  EXPECT_EQ(t.lines[1].date_end, std::string("1990s \u00b7 ").size());  // the separator in the date colour, as ever
}

TEST(LabelWrap, DateThatFitsTheLabelIsNeverBroken) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Relations broken", 150);  // 25 characters a line
  r.date = "1962-1975, 1978-present";
  r.break_date = true;
  const auto t = compose_label(r, m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"1962-1975, 1978-present", "Relations broken"}));
}

// One period alone too wide breaks after its dash, the dash kept at the line's end.
TEST(LabelWrap, DateOfOnePeriodWiderThanTheLabelBreaksAfterItsDash) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Accord", 72);  // 12 characters a line
  r.date = "12 Oct 1805\u201328 Jun 1813";
  r.break_date = true;
  const auto t = compose_label(r, m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"12 Oct 1805\u2013", "28 Jun 1813", "Accord"}));
  EXPECT_EQ(t.lines[0].date_end, t.lines[0].text.size());
}

// Several periods break between them first; only a period still too wide breaks at its dash.
TEST(LabelWrap, DateBreaksBetweenPeriodsBeforeInsideThem) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Talks", 72);  // 12 characters a line
  r.date = "1929, 1950\u20131953, 12 Oct 1990\u201328 Jun 1993";
  r.break_date = true;
  const auto t = compose_label(r, m);
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{"1929,", "1950\u20131953,", "12 Oct 1990\u2013",
                                                   "28 Jun 1993", "Talks"}));
}

// A dash too near the line's start ("2–9 Mar") is no place to break; nor is a date without one.
TEST(LabelWrap, DateWithNowhereToBreakWidensTheLabelInstead) {
  const text::FakeMeasurer m;
  for (const char* date : {"2\u20139 March 2022", "14 September 1752"}) {
    LabelRequest r = request("Voyage", 48);
    r.date = date;
    r.break_date = true;
    const auto t = compose_label(r, m);
    ASSERT_FALSE(t.lines.empty());
    EXPECT_EQ(t.lines[0].text.substr(0, r.date.size()), r.date) << date;
    EXPECT_GT(t.width, 48.0);
  }
}

// Time across, a label widens to its date rather than break it: its room is along time.
TEST(LabelWrap, DateIsKeptWholeUnlessBreakingIsAsked) {
  const text::FakeMeasurer m;
  LabelRequest r = request("Relations broken", 84);
  r.date = "1962-1975, 1978-present";
  const auto t = compose_label(r, m);
  EXPECT_EQ(t.lines[0].text, "1962-1975, 1978-present");
}

// The real measurer with the pinned test fonts: titles of scripts that the
// space rule gets wrong. Break positions need no glyphs, so Devanagari and
// Thai (which the test fonts lack) wrap by Pango's rules all the same.
class PangoWrap : public ::testing::Test {
 protected:
  render::Renderer renderer;
  const text::TextMeasurer& m = renderer.measurer();
  double width_of(std::string_view s) {
    FontSpec f;
    f.family = "DejaVu Sans";
    f.size = 10;
    return m.measure(s, f).width;
  }
};

TEST_F(PangoWrap, ThaiTitleWrapsBetweenWords) {
  const std::string a = "\u0e2a\u0e07\u0e04\u0e23\u0e32\u0e21", b = "\u0e42\u0e25\u0e01",
                    c = "\u0e04\u0e23\u0e31\u0e49\u0e07", d = "\u0e17\u0e35\u0e48", e = "\u0e2a\u0e2d\u0e07";
  const std::string title = a + b + c + d + e;  // "Second World War", no spaces
  const double room = width_of(a + b) + 0.5;
  const auto t = compose_label(request(title, room, 5), m);
  EXPECT_EQ(concatenated(t), title);
  ASSERT_GE(t.lines.size(), 2u);
  EXPECT_EQ(t.lines[0].text, a + b);
  const std::vector<std::string> words = {a, b, c, d, e};
  for (const auto& l : t.lines) {
    // Every line is whole words.
    std::string rest = l.text;
    for (const auto& w : words)
      if (rest.starts_with(w)) rest = rest.substr(w.size());
    for (const auto& w : words)
      if (rest.starts_with(w)) rest = rest.substr(w.size());
    EXPECT_EQ(rest, "") << l.text;
  }
}

TEST_F(PangoWrap, DevanagariTitleNeverSplitsACluster) {
  // "The Indian independence movement": the long word must be cut, between clusters only.
  const std::string title =
      "\u092d\u093e\u0930\u0924 \u0915\u0940 \u0938\u094d\u0935\u0924\u0902\u0924\u094d\u0930\u0924\u093e "
      "\u0915\u093e \u0906\u0902\u0926\u094b\u0932\u0928";
  const auto t = compose_label(request(title, 40, 8), m);
  ASSERT_GE(t.lines.size(), 3u);
  for (const auto& l : t.lines) {
    ASSERT_GE(l.text.size(), 3u);
    const auto b1 = static_cast<unsigned char>(l.text[1]), b2 = static_cast<unsigned char>(l.text[2]);
    const unsigned cp = 0x900u + ((b1 - 0xA4u) << 6) + (b2 - 0x80u);
    // No line starts with a vowel sign, virama or other mark of the consonant before it.
    EXPECT_FALSE(cp >= 0x93A && cp <= 0x94F) << l.text;
    EXPECT_FALSE(cp >= 0x900 && cp <= 0x903) << l.text;
  }
}

TEST_F(PangoWrap, ArabicTitleWrapsAtSpacesAndKeepsItsWords) {
  const std::string w1 = "\u0627\u0644\u062d\u0631\u0628", w2 = "\u0627\u0644\u0639\u0627\u0644\u0645\u064a\u0629",
                    w3 = "\u0627\u0644\u062b\u0627\u0646\u064a\u0629";
  const std::string title = w1 + " " + w2 + " " + w3;  // "The Second World War"
  const auto t = compose_label(request(title, width_of(w1 + " " + w2) + 0.5), m);
  // Greedy gives w1 w2 / w3; the orphan rule gives a word down.
  EXPECT_EQ(lines_of(t), (std::vector<std::string>{w1, w2 + " " + w3}));
}

TEST_F(PangoWrap, CjkTitleWrapsBetweenIdeographsWithinTheWidth) {
  const std::string title = "\u7b2c\u4e8c\u6b21\u4e16\u754c\u5927\u6218\u7ed3\u675f";  // 第二次世界大战结束
  const double room = width_of("\u7b2c\u4e8c\u6b21\u4e16") + 0.5;
  const auto t = compose_label(request(title, room, 3), m);
  EXPECT_EQ(concatenated(t), title);
  EXPECT_FALSE(t.shortened);
  ASSERT_EQ(t.lines.size(), 3u);
  EXPECT_EQ(t.lines[0].text, "\u7b2c\u4e8c\u6b21\u4e16");
  // Nine ideographs: 4 + 4 + 1 would orphan the last; one comes down.
  EXPECT_EQ(t.lines[2].text, "\u7ed3\u675f");
  for (const auto& l : t.lines) EXPECT_LE(l.width, room);
}

}  // namespace
}  // namespace annals::layout
