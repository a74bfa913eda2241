// CSV and TSV timelines through the real binary (FORMAT.md §5.5): the file's
// extension decides how it is read, errors are FILE:LINE:COL, a bad file
// writes nothing, and --set title= names the chart.
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_annals.h"

namespace fs = std::filesystem;

namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class CsvCli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(ANNALS_BUILD_DIR) / "test-tmp" / "csv-cli" / info->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }

  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  annals::testing::Outcome annals(const std::string& args) const {
    return annals::testing::run_in(dir_, std::string(" '") + ANNALS_BINARY + "' " + args);
  }

  bool exists(const std::string& name) const { return fs::exists(dir_ / name); }

  fs::path dir_;
};

TEST_F(CsvCli, RendersACsvNamedByItsStem) {
  write("events.csv", "title,date,lane\nWar of the Pacific,1879,Chile\nICJ ruling,2018-10,Chile\n");
  const auto r = annals("render events.csv -o out.svg --now 2022-12-31");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(exists("out.svg"));
  EXPECT_THAT(annals::testing::slurp(dir_ / "out.svg"), HasSubstr("events"));
}

TEST_F(CsvCli, SetTitleNamesTheChartAndIsNoStyleKey) {
  write("events.csv", "title,date\nWar of the Pacific,1879\n");
  const auto r = annals("render events.csv -o out.json --now 2022-12-31 --set 'title=Bolivia at war'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_THAT(r.err, Not(HasSubstr("title")));
  EXPECT_THAT(annals::testing::slurp(dir_ / "out.json"), HasSubstr("Bolivia at war"));
}

TEST_F(CsvCli, ABadDateIsReportedAtItsLineAndColumnAndWritesNothing) {
  write("events.csv", "title,date\nWar of the Pacific,1879\nICJ ruling,2018-13\n");
  const auto r = annals("render events.csv -o out.svg --now 2022-12-31");
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.err, HasSubstr("events.csv:3:17: error:"));
  EXPECT_FALSE(exists("out.svg"));
}

TEST_F(CsvCli, TsvAndUpperCaseExtensionsAreTabularToo) {
  write("events.TSV", "title\tstart\tend\nWar, of the Pacific\t1883\t1879\n");
  const auto r = annals("check events.TSV");
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.err, HasSubstr("events.TSV:2:26: error: 'end' (1879) is before 'start' (1883)"));
}

TEST_F(CsvCli, CheckReportsEveryProblemOfTheFile) {
  write("events.csv", "title,date,colour\n,1879,red\nB,18790,\n");
  const auto r = annals("check events.csv");
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.err, HasSubstr("events.csv:1:12: warning: unknown column 'colour'"));
  EXPECT_THAT(r.err, HasSubstr("events.csv:2:1: error: an event needs a non-empty title"));
  EXPECT_THAT(r.err, HasSubstr("events.csv:3:3: error:"));
}

TEST_F(CsvCli, BrokenSyntaxIsAPositionedErrorNeverACrash) {
  const std::pair<std::string, std::string> cases[] = {
      {"title,date\nA \"b\",1879\n", "bad.csv:2:3: error: a quote inside a cell"},
      {"title,date\nA,\"1879\n", "bad.csv:2:3: error: a quoted cell is never closed"},
      {"title,date\nA,1879,x\n", "bad.csv:2:8: error: this row has 3 cells, the header 2"},
      {"title,date\nA\n", "bad.csv:2:2: error: this row has 1 cell, the header 2"},
      {"", "bad.csv:1:1: error: an empty file"},
      {"title,date\nA\xFF,1879\n", "bad.csv:2:2: error: invalid UTF-8 byte 0xFF"},
      {std::string("title,date\nA\0,1879\n", 19), "bad.csv:2:2: error: NUL byte"},
      {"title,periods\nA,1962-1975; 1970\n", "bad.csv:2:14: error: the period 1970 overlaps the period before "
                                             "it (1962–1975)"},
  };
  for (const auto& [text, expected] : cases) {
    write("bad.csv", text);
    const auto r = annals("render bad.csv -o out.svg");
    EXPECT_EQ(r.status, 1) << expected;
    EXPECT_THAT(r.err, HasSubstr(expected));
    EXPECT_FALSE(exists("out.svg")) << expected;
  }
}

TEST_F(CsvCli, TheShippedCsvExampleChecksClean) {
  const auto r = annals(std::string("check '") + ANNALS_SOURCE_DIR + "/timelines/bolivia-foreign-relations.csv'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
}

}  // namespace
