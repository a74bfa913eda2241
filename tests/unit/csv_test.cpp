// CSV and TSV timelines (FORMAT.md §5.5): RFC 4180 syntax, the columns,
// and the same checks of each event as a TOML [[event]], at the cell.
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "load/load.h"

namespace annals {
namespace {

using ::testing::HasSubstr;

struct Loaded {
  std::optional<model::Timeline> tl;
  Diagnostics diags;

  std::string all() const {
    std::string text;
    for (const auto& d : diags.all()) text += format(d) + "\n";
    return text;
  }
};

Loaded csv(std::string_view text, const std::string& file = "events.csv", char separator = ',') {
  Loaded l;
  l.tl = load::csv_timeline(text, file, separator, l.diags);
  return l;
}

// The diagnostics as the command line prints their first lines.
std::vector<std::string> lines(const Loaded& l) {
  std::vector<std::string> out;
  for (const auto& d : l.diags.all())
    out.push_back(fmt::format("{}:{}:{}: {}: {}", d.where.file, d.where.line, d.where.col,
                              d.severity == Severity::error ? "error" : "warning", d.message));
  return out;
}

TEST(Csv, ReadsPointsSpansAndLanesInOrderOfFirstAppearance) {
  const auto l = csv("title,date,start,end,lane\n"
                     "War of the Pacific,,1879,1883,Chile\n"
                     "Joins MERCOSUR,1996-12-17,,,Americas\n"
                     "ICJ ruling,2018-10,,,Chile\n");
  ASSERT_TRUE(l.tl) << l.all();
  EXPECT_FALSE(l.diags.has_errors()) << l.all();
  ASSERT_EQ(l.tl->events.size(), 3u);
  ASSERT_EQ(l.tl->lanes.size(), 2u);
  EXPECT_EQ(l.tl->lanes[0].id, "Chile");
  EXPECT_EQ(l.tl->lanes[0].title, "Chile");
  EXPECT_EQ(l.tl->lanes[1].id, "Americas");
  const auto& war = l.tl->events[0];
  EXPECT_TRUE(war.is_span());
  EXPECT_EQ(war.start->date.precision, dates::Precision::year);
  EXPECT_EQ(war.start->where.line, 2);
  EXPECT_EQ(war.start->where.col, 21);
  EXPECT_EQ(l.tl->events[1].date->date.precision, dates::Precision::day);
  EXPECT_EQ(l.tl->events[2].lane, 0u);
  EXPECT_EQ(l.tl->header.title, "events");
}

TEST(Csv, QuotedCellsHoldCommasQuotesAndLineBreaks) {
  const auto l = csv("\xEF\xBB\xBFTitle,DATE,Description\r\n"
                     "\"Treaty of Peace, and Friendship\",1904,\"He said \"\"no\"\"\r\non two lines\"\r\n"
                     "Next,1905,\n");
  ASSERT_TRUE(l.tl) << l.all();
  EXPECT_FALSE(l.diags.has_errors()) << l.all();
  ASSERT_EQ(l.tl->events.size(), 2u);
  EXPECT_EQ(l.tl->events[0].title, "Treaty of Peace, and Friendship");
  EXPECT_EQ(l.tl->events[0].description, "He said \"no\"\r\non two lines");
  // The row after a quoted line break starts on line 4.
  EXPECT_EQ(l.tl->events[1].where.line, 4);
  EXPECT_EQ(l.tl->events[1].date->where.col, 6);
}

TEST(Csv, TsvSeparatesByTabs) {
  const auto l = csv("title\tdate\ttags\nA, with comma\t1879\twar; treaty ;\n", "events.tsv", '\t');
  ASSERT_TRUE(l.tl) << l.all();
  EXPECT_FALSE(l.diags.has_errors()) << l.all();
  EXPECT_EQ(l.tl->events[0].title, "A, with comma");
  EXPECT_EQ(l.tl->events[0].tags, (std::vector<std::string>{"war", "treaty"}));
}

TEST(Csv, OptionalColumnsReachTheModel) {
  const auto l = csv("id,title,date,url,color,description\n"
                     "icj,ICJ ruling,2018-10-01,https://www.icj-cij.org,#b03a2e,No obligation to negotiate\n");
  ASSERT_TRUE(l.tl) << l.all();
  EXPECT_FALSE(l.diags.has_errors()) << l.all();
  const auto& e = l.tl->events[0];
  EXPECT_EQ(e.id, "icj");
  EXPECT_EQ(e.url, "https://www.icj-cij.org");
  EXPECT_EQ(e.description, "No obligation to negotiate");
  ASSERT_EQ(e.style.size(), 1u);
  EXPECT_EQ(e.style[0].key, "event.color");
  ASSERT_EQ(l.tl->lanes.size(), 1u);  // no lane column: the default lane
  EXPECT_EQ(l.tl->lanes[0].id, "default");
}

TEST(Csv, ABadDateIsAnErrorAtItsCharacter) {
  const auto l = csv("title,date\nWar,1879\nICJ,2018-02-31\n");
  EXPECT_THAT(lines(l), ::testing::ElementsAre("events.csv:3:13: error: day 31 does not exist in February 2018"));
}

TEST(Csv, ABadDateInAQuotedCellCountsTheQuote) {
  const auto l = csv("title,date\n\"War, first\",\"c. 18x9\"\n");
  ASSERT_EQ(lines(l).size(), 1u) << l.all();
  EXPECT_THAT(lines(l)[0], HasSubstr("events.csv:2:15: error:"));
}

TEST(Csv, ColumnsCountCharactersNotBytes) {
  const auto l = csv("title,date\nGuerra del Pacífico – Chile,18799\n");
  ASSERT_FALSE(lines(l).empty());
  EXPECT_THAT(lines(l)[0], HasSubstr("events.csv:2:29: error:"));
}

TEST(Csv, EndBeforeStartIsAnErrorAtTheEnd) {
  const auto l = csv("title,start,end\nWar,1883,1879\n");
  EXPECT_THAT(lines(l), ::testing::ElementsAre("events.csv:2:10: error: 'end' (1879) is before 'start' (1883)"));
}

TEST(Csv, PresentMayOnlyEndASpan) {
  const auto l = csv("title,date,start,end\nA,present,,\nB,,present,2000\nC,,1990,present\n");
  EXPECT_THAT(lines(l), ::testing::ElementsAre(
                            "events.csv:2:3: error: 'present' cannot be the date of a point event; it may only end "
                            "a span or date a marker",
                            "events.csv:3:4: error: 'present' cannot be a start; it may only end a span or date a "
                            "marker"));
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events.size(), 1u);
}

TEST(Csv, RowShapesAreCheckedCellByCell) {
  const auto l = csv("title,date,start,end\n"
                     " ,1900,,\n"
                     "Both,1900,1901,1902\n"
                     "Neither,,,\n"
                     "Half,,1901,\n");
  EXPECT_THAT(lines(l), ::testing::ElementsAre("events.csv:2:1: error: an event needs a non-empty title",
                                               "events.csv:3:6: error: an event has either a 'date' or a 'start' "
                                               "and an 'end', not both",
                                               "events.csv:4:1: error: an event needs a 'date' or a 'start' and "
                                               "an 'end'",
                                               "events.csv:5:7: error: 'start' without 'end' (a point event uses "
                                               "'date')"));
}

TEST(Csv, LoaderChecksOfUrlColourAndIdsApply) {
  const auto l = csv("id,title,date,url,color\n"
                     "a,A,1900,javascript:alert(1),\n"
                     "a,B,1901,,notacolour\n");
  const auto got = lines(l);
  ASSERT_EQ(got.size(), 3u) << l.all();
  EXPECT_THAT(got[0], HasSubstr("events.csv:2:10: error:"));
  EXPECT_EQ(got[0], "events.csv:2:10: error: " + load::url_problem("javascript:alert(1)"));
  EXPECT_EQ(got[1], "events.csv:3:1: error: duplicate event id 'a'");
  EXPECT_THAT(got[2], HasSubstr("events.csv:3:11: error: 'notacolour' is not a colour"));
}

TEST(Csv, ATitleWithALineBreakIsOneLineAndAWarning) {
  const auto l = csv("title,date\n\"Two\nlines\",1900\n");
  ASSERT_TRUE(l.tl);
  EXPECT_EQ(l.tl->events[0].title, "Two lines");
  EXPECT_THAT(lines(l), ::testing::ElementsAre(HasSubstr("events.csv:2:1: warning: a title is one line")));
}

TEST(Csv, HeaderNamesAreMatchedWithoutCaseAndUnknownOnesWarned) {
  const auto l = csv("TITLE,Date,Notes,dat\nA,1900,x,y\n");
  ASSERT_TRUE(l.tl);
  EXPECT_FALSE(l.diags.has_errors()) << l.all();
  EXPECT_THAT(lines(l), ::testing::ElementsAre("events.csv:1:12: warning: unknown column 'Notes'; its cells are ignored",
                                               "events.csv:1:18: warning: unknown column 'dat'; its cells are ignored"));
  EXPECT_THAT(l.diags.all()[1].notes[0].message, HasSubstr("did you mean 'date'?"));
}

TEST(Csv, HeaderWithoutTitleOrDatesIsAnError) {
  EXPECT_THAT(lines(csv("name,date\nA,1900\n")),
              ::testing::Contains("events.csv:1:1: error: the header row has no 'title' column"));
  EXPECT_THAT(lines(csv("title,when\nA,1900\n")),
              ::testing::Contains("events.csv:1:1: error: the header row has no 'date' column, nor 'start' and "
                                  "'end' columns, nor a 'periods' column"));
  EXPECT_THAT(lines(csv("title,start\nA,1900\n")),
              ::testing::Contains("events.csv:1:7: error: a 'start' column without an 'end' column (a point event "
                                  "uses 'date')"));
  EXPECT_THAT(lines(csv("title,date,Title\nA,1900,B\n")),
              ::testing::Contains("events.csv:1:12: error: duplicate column 'title'"));
}

TEST(Csv, PeriodsAreReadWithTheirGroup) {
  const auto l = csv("title,periods,group,lane\nChile,1962–1975; 1978–present,The Americas,Chile\n");
  EXPECT_THAT(lines(l), ::testing::IsEmpty());
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->lanes.size(), 1u);
  EXPECT_EQ(l.tl->lanes[0].group, "The Americas");
  ASSERT_EQ(l.tl->events.size(), 1u);
  EXPECT_EQ(l.tl->events[0].periods.size(), 2u);
}

TEST(Csv, GroupColumnGroupsTheRowsLanes) {
  const auto l = csv("title,date,lane,group\nA,1900,Chile,The Americas\nB,1901,UN,\nC,1902,Cuba,The Americas\n"
                     "D,1903,Chile,\n");
  ASSERT_TRUE(l.tl);
  ASSERT_EQ(l.tl->lanes.size(), 3u);
  // Cuba is drawn with the rest of its group, before the ungrouped UN lane.
  EXPECT_EQ(l.tl->lanes[0].id, "Chile");
  EXPECT_EQ(l.tl->lanes[0].group, "The Americas");
  EXPECT_EQ(l.tl->lanes[1].id, "Cuba");
  EXPECT_EQ(l.tl->lanes[1].group, "The Americas");
  EXPECT_EQ(l.tl->lanes[2].id, "UN");
  EXPECT_EQ(l.tl->lanes[2].group, "");
  EXPECT_EQ(l.tl->events[2].lane, 1u);  // C stays in Cuba
  EXPECT_EQ(l.tl->events[1].lane, 2u);  // B stays in UN
  EXPECT_THAT(lines(l), ::testing::ElementsAre(
                            "events.csv:4:13: warning: lane 'Cuba' of group 'The Americas' is written apart from the "
                            "group's other lanes; it is drawn with them"));
}

TEST(Csv, AnotherGroupForTheSameLaneIsAnErrorAtItsCell) {
  const auto l = csv("title,date,lane,group\nA,1900,Chile,The Americas\nB,1901,Chile,Pacific\nC,1902,,Pacific\n");
  EXPECT_THAT(lines(l), ::testing::ElementsAre(
                            "events.csv:3:14: error: lane 'Chile' is already in group 'The Americas'",
                            "events.csv:4:9: warning: a 'group' names the group of the row's lane, and this row has "
                            "no 'lane'; it is ignored"));
}

TEST(Csv, RaggedRowsAreErrorsWhereTheyGoWrong) {
  const auto l = csv("title,date\nA,1900,extra\nB\n");
  EXPECT_THAT(lines(l), ::testing::ElementsAre(
                            "events.csv:2:8: error: this row has 3 cells, the header 2 (quote a cell that holds "
                            "a ',')",
                            "events.csv:3:2: error: this row has 1 cell, the header 2"));
}

TEST(Csv, SyntaxErrorsStopTheReadAtTheirPosition) {
  auto first = [](const Loaded& l) { return lines(l).empty() ? std::string() : lines(l)[0]; };
  const auto stray = csv("title,date\nThe \"war\",1879\n");
  EXPECT_FALSE(stray.tl);
  EXPECT_THAT(first(stray), HasSubstr("events.csv:2:5: error: a quote inside a cell that does not start with one"));
  const auto after = csv("title,date\n\"The\" war,1879\n");
  EXPECT_FALSE(after.tl);
  EXPECT_THAT(first(after), HasSubstr("events.csv:2:6: error: after a quoted cell's closing quote, expected ','"));
  const auto open = csv("title,date\nA,\"1879\nB,1880\n");
  EXPECT_FALSE(open.tl);
  EXPECT_THAT(first(open), HasSubstr("events.csv:2:3: error: a quoted cell is never closed"));
  const auto utf8 = csv("title,date\nA\xC3(,1879\n");
  EXPECT_FALSE(utf8.tl);
  EXPECT_EQ(first(utf8), "events.csv:2:2: error: invalid UTF-8 byte 0xC3");
  const auto nul = csv(std::string_view("title,date\nA,18\0""79\n", 19));
  EXPECT_FALSE(nul.tl);
  EXPECT_EQ(first(nul), "events.csv:2:5: error: NUL byte");
  const auto control = csv("title,date\nA\x07,1879\n");
  EXPECT_EQ(first(control), "events.csv:2:2: error: a cell cannot hold the control character U+0007");
}

TEST(Csv, EmptyInputsAreErrorsNotEmptyCharts) {
  EXPECT_THAT(lines(csv("")), ::testing::ElementsAre(HasSubstr("events.csv:1:1: error: an empty file")));
  EXPECT_THAT(lines(csv("\n\n,,\n")), ::testing::ElementsAre(HasSubstr("events.csv:1:1: error: an empty file")));
  EXPECT_THAT(lines(csv("title,date\n")),
              ::testing::ElementsAre("events.csv:1:11: error: no events: the file has a header row and nothing "
                                     "below it"));
}

TEST(Csv, BlankRowsAreSkippedAndCountedAsLines) {
  const auto l = csv("title,date\n\n,\nA,18q\n");
  EXPECT_THAT(lines(l), ::testing::ElementsAre(HasSubstr("events.csv:4:3: error:")));
}

TEST(Csv, TheFileDecidesHowItIsRead) {
  Diagnostics diags;
  const auto path = std::string(ANNALS_SOURCE_DIR) + "/timelines/bolivia-foreign-relations.csv";
  const auto tl = load::timeline_file(path, diags);
  ASSERT_TRUE(tl);
  EXPECT_FALSE(diags.has_errors());
  EXPECT_GE(tl->events.size(), 10u);
  EXPECT_EQ(tl->header.title, "bolivia-foreign-relations");
}

// What the CSV fuzzer was seeded with or found stays a regression test
// without clang: each file, as CSV and as TSV, loads or is reported.
TEST(Csv, EveryFuzzCorpusInputLoadsOrIsReported) {
  namespace fs = std::filesystem;
  std::size_t replayed = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(ANNALS_SOURCE_DIR) / "fuzz" / "corpus" / "csv")) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    for (const char separator : {',', '\t'}) {
      Loaded l;
      l.tl = load::csv_timeline(text, "fuzz.csv", separator, l.diags);
      EXPECT_TRUE(l.tl || l.diags.has_errors()) << entry.path();
      if (l.tl && !l.diags.has_errors()) {
        for (const auto& e : l.tl->events) EXPECT_LT(e.lane, l.tl->lanes.size()) << entry.path();
      }
    }
    ++replayed;
  }
  EXPECT_GE(replayed, 5u);
}

}  // namespace
}  // namespace annals
