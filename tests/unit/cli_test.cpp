// Runs the real binary: exit statuses, messages with positions, outputs
// written atomically, standard input and output (FORMAT.md §3).
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "run_annals.h"

namespace fs = std::filesystem;

namespace {

using annals::testing::Outcome;
using annals::testing::slurp;

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(ANNALS_BUILD_DIR) / "test-tmp" / "cli" / info->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  // Runs `annals ARGS` in the test's folder; `prefix` goes before the command (environment, pipes).
  Outcome annals(const std::string& args, const std::string& prefix = "") const {
    return annals::testing::run_in(dir_, prefix + " '" + ANNALS_BINARY + "' " + args);
  }

  bool exists(const std::string& name) const { return fs::exists(dir_ / name); }

  // Files other than the ones the harness writes: no temporary may be left behind.
  std::vector<std::string> stray_files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir_)) {
      const auto n = e.path().filename().string();
      if (n.find(".annals-") != std::string::npos) names.push_back(n);
    }
    return names;
  }

  fs::path dir_;
};

const char* kGood = R"(
[timeline]
title = "Test"
now = 2022-12-31

[[lane]]
title = "Chile"

[[event]]
title = "War of the Pacific"
start = 1879
end = 1883
lane = "Chile"

[[event]]
title = "ICJ ruling"
date = "2018-10"
lane = "chile"
)";

}  // namespace

TEST_F(Cli, VersionPrintsTheVersion) {
  const auto r = annals("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("annals "), std::string::npos);
}

TEST_F(Cli, HelpNamesTheVerbs) {
  const auto r = annals("--help");
  EXPECT_EQ(r.status, 0);
  for (const char* verb : {"render", "check", "styles"}) EXPECT_NE(r.out.find(verb), std::string::npos) << verb;
}

TEST_F(Cli, UnknownOptionIsAUsageError) {
  const auto r = annals("render --frobnicate x.toml");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("error"), std::string::npos);
}

TEST_F(Cli, RenderWithoutInputIsAUsageError) { EXPECT_EQ(annals("render").status, 2); }

TEST_F(Cli, MissingInputExitsOneNamingTheFile) {
  const auto r = annals("render missing.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("missing.toml"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error"), std::string::npos);
  EXPECT_FALSE(exists("out.svg"));
}

TEST_F(Cli, InputThatIsAFolderExitsOne) {
  fs::create_directories(dir_ / "folder.toml");
  const auto r = annals("render folder.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("folder.toml"), std::string::npos) << r.err;
  EXPECT_FALSE(exists("out.svg"));
}

TEST_F(Cli, DefaultOutputIsAnSvgInTheOutputFolder) {
  write("sample.toml", kGood);
  const auto r = annals("render sample.toml");
  EXPECT_EQ(r.status, 0) << r.err;
  ASSERT_TRUE(exists("output/sample.svg"));
  EXPECT_NE(slurp(dir_ / "output/sample.svg").find("<svg"), std::string::npos);
}

TEST_F(Cli, SeveralOutputsAreWrittenFromOneRun) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml -o a.svg -o a.pdf -o a.png -o a.json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(slurp(dir_ / "a.pdf").rfind("%PDF", 0), 0u);
  EXPECT_EQ(slurp(dir_ / "a.png").substr(1, 3), "PNG");
  EXPECT_NE(slurp(dir_ / "a.svg").find("<svg"), std::string::npos);
  const std::string json = slurp(dir_ / "a.json");
  EXPECT_NE(json.find("\"items\""), std::string::npos);
  EXPECT_NE(json.find("\"start\":\"1879-01-01\""), std::string::npos) << json.substr(0, 400);
  EXPECT_NE(json.find("\"end\":\"1883-12-31\""), std::string::npos);
}

TEST_F(Cli, FormatOptionOverridesTheExtension) {
  write("t.toml", kGood);
  ASSERT_EQ(annals("render t.toml --format json -o layout.txt").status, 0);
  EXPECT_EQ(slurp(dir_ / "layout.txt").front(), '{');
}

TEST_F(Cli, UnknownExtensionIsAUsageError) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml -o chart.gif");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("chart.gif"), std::string::npos);
  EXPECT_FALSE(exists("chart.gif"));
}

TEST_F(Cli, StandardOutputNeedsAFormat) {
  write("t.toml", kGood);
  EXPECT_EQ(annals("render t.toml -o -").status, 2);
}

TEST_F(Cli, ReadsStandardInputAndWritesStandardOutput) {
  write("t.toml", kGood);
  const auto r = annals("render - --format json -o -", "cat t.toml |");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_NE(r.out.find("War of the Pacific"), std::string::npos);
}

TEST_F(Cli, MissingOutputFolderExitsThreeAndLeavesNothing) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml -o nowhere/a.svg");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("nowhere"), std::string::npos) << r.err;
  EXPECT_TRUE(stray_files().empty());
}

TEST_F(Cli, FullDiskExitsThree) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml --format svg -o /dev/full");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("/dev/full"), std::string::npos) << r.err;
}

TEST_F(Cli, ClosedPipeExitsThree) {
  write("t.toml", kGood);
  // `true` exits without reading, so annals writes into a closed pipe.
  const std::string cmd = "cd '" + dir_.string() + "' && { sleep 0.2; '" + ANNALS_BINARY +
                          "' render t.toml --format svg -o - 2>err.txt; echo $? >status.txt; } | true";
  std::system(cmd.c_str());
  EXPECT_EQ(slurp(dir_ / "status.txt"), "3\n") << slurp(dir_ / "err.txt");
}

TEST_F(Cli, UnwritableFolderExitsThree) {
  write("t.toml", kGood);
  // Root may write into any folder, but no one may create files in /proc.
  std::string target = "/proc/annals-test.svg";
  if (::geteuid() != 0) {
    fs::create_directories(dir_ / "ro");
    fs::permissions(dir_ / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    target = "ro/a.svg";
  }
  const auto r = annals("render t.toml -o " + target);
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
}

TEST_F(Cli, FailedRunKeepsTheEarlierGoodFile) {
  write("t.toml", kGood);
  write("a.svg", "earlier good file");
  write("bad.toml", "[[event]]\ntitle = \"x\"\ndate = \"1996-02-31\"\n");
  EXPECT_EQ(annals("render bad.toml -o a.svg").status, 1);
  EXPECT_EQ(slurp(dir_ / "a.svg"), "earlier good file");
  EXPECT_TRUE(stray_files().empty());
}

TEST_F(Cli, ImpossibleDateIsReportedAtItsLine) {
  write("bad.toml", "[[event]]\ntitle = \"x\"\ndate = \"1996-02-31\"\n");
  const auto r = annals("render bad.toml -o a.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("bad.toml:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(": error: "), std::string::npos) << r.err;
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, UnknownLaneIsReportedAtTheValue) {
  write("lane.toml", "[[lane]]\ntitle = \"Chile\"\n\n[[event]]\ntitle = \"x\"\ndate = 1990\nlane = \"Mars\"\n");
  const auto r = annals("check lane.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("lane.toml:7:8: error: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Mars"), std::string::npos) << r.err;
}

// FORMAT.md §5.4 from the command line: a CSV file has no [timeline], so
// its language comes from --set locale=…, for check as for render.
TEST_F(Cli, SetLocaleReadsASpreadsheetInItsLanguage) {
  write("es.csv", "title,date\nMovilizaciones,marzo de 2004\nCuba,década de 1960\n");
  EXPECT_EQ(annals("check es.csv").status, 1);
  const auto checked = annals("check es.csv --set locale=es");
  EXPECT_EQ(checked.status, 0) << checked.err;
  const auto rendered = annals("render es.csv --set locale=es -o es.json");
  EXPECT_EQ(rendered.status, 0) << rendered.err;
  const auto bad = annals("render es.csv --set locale=xx -o x.json");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.err.find("--set locale=xx: unknown locale 'xx'"), std::string::npos) << bad.err;
  EXPECT_FALSE(exists("x.json"));
}

TEST_F(Cli, UnknownLocaleInTheFileIsAnErrorAtItsValue) {
  write("xx.toml", "[timeline]\nlocale = \"xx\"\n[[event]]\ntitle = \"a\"\ndate = 1990\n");
  const auto r = annals("check xx.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("xx.toml:2:10: error: unknown locale 'xx'"), std::string::npos) << r.err;
}

TEST_F(Cli, CheckReportsEveryProblemInFileOrder) {
  write("many.toml",
        "[[event]]\ntitle = \"a\"\ndate = \"1996-13\"\n\n"
        "[[event]]\ndate = 1990\n\n"
        "[[event]]\ntitle = \"c\"\nstart = 1990\nend = 1980\n");
  const auto r = annals("check many.toml");
  EXPECT_EQ(r.status, 1);
  const auto first = r.err.find("many.toml:3:");
  const auto second = r.err.find("many.toml:5:");
  const auto third = r.err.find("many.toml:11:");
  ASSERT_NE(first, std::string::npos) << r.err;
  ASSERT_NE(second, std::string::npos) << r.err;
  ASSERT_NE(third, std::string::npos) << r.err;
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
  EXPECT_FALSE(exists("output"));
}

TEST_F(Cli, UnknownKeyWarnsAndStrictMakesItAnError) {
  write("typo.toml", "[[event]]\ntitle = \"a\"\ndate = 1990\ndat = 1991\n");
  const auto lenient = annals("check typo.toml");
  EXPECT_EQ(lenient.status, 0) << lenient.err;
  EXPECT_NE(lenient.err.find("typo.toml:4:1: warning: "), std::string::npos) << lenient.err;
  EXPECT_NE(lenient.err.find("date"), std::string::npos);
  const auto strict = annals("check --strict typo.toml");
  EXPECT_EQ(strict.status, 1);
  EXPECT_NE(strict.err.find("typo.toml:4:1: error: "), std::string::npos) << strict.err;
}

TEST_F(Cli, QuietHidesWarnings) {
  write("typo.toml", "[[event]]\ntitle = \"a\"\ndate = 1990\ndat = 1991\n");
  const auto r = annals("render --quiet typo.toml -o a.svg");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

TEST_F(Cli, StylesListsTheShippedStyles) {
  const auto r = annals("styles");
  EXPECT_EQ(r.status, 0);
  for (const char* s : {"default", "classic", "dark", "print", "poster"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST_F(Cli, StylesPrintsOneAsToml) {
  const auto r = annals("styles poster");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("[page]"), std::string::npos);
}

TEST_F(Cli, UnknownStyleNameSuggestsTheNearest) {
  const auto r = annals("styles postr");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("poster"), std::string::npos) << r.err;
}

TEST_F(Cli, EveryShippedStyleRendersWithoutDiagnostics) {
  write("t.toml", kGood);
  for (const char* s : {"default", "classic", "dark", "print", "poster"}) {
    const auto r = annals(std::string("render t.toml --style ") + s + " -o " + s + ".svg");
    EXPECT_EQ(r.status, 0) << s << ": " << r.err;
    EXPECT_EQ(r.err, "") << s;
  }
}

TEST_F(Cli, SetOverridesAStyleKey) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml --set page.size=A5 --format json -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  // A5 landscape is 595.28 pt wide.
  EXPECT_NE(r.out.find("\"width\":595.28"), std::string::npos) << r.out.substr(0, 200);
}

TEST_F(Cli, MalformedSetIsAUsageError) {
  write("t.toml", kGood);
  EXPECT_EQ(annals("render t.toml --set nonsense -o a.svg").status, 2);
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, IdPrefixStartsEveryIdOfTheSvg) {
  write("t.toml", kGood);
  ASSERT_EQ(annals("render t.toml --id-prefix chart2- -o a.svg").status, 0);
  const std::string svg = annals::testing::slurp(dir_ / "a.svg");
  std::size_t ids = 0, prefixed = 0;
  for (auto at = svg.find(" id=\""); at != std::string::npos; at = svg.find(" id=\"", at + 1)) {
    ++ids;
    if (svg.compare(at + 5, 7, "chart2-") == 0) ++prefixed;
  }
  EXPECT_GT(ids, 0u);
  EXPECT_EQ(prefixed, ids);
}

TEST_F(Cli, IdPrefixThatIsNoXmlNameIsAUsageError) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml --id-prefix '1 x' -o a.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--id-prefix '1 x'"), std::string::npos) << r.err;
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, MalformedNowIsAUsageError) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml --now 2022-02-30 -o a.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, SameInputsAndNowGiveIdenticalBytes) {
  write("t.toml", kGood);
  ASSERT_EQ(annals("render t.toml -o 1.svg -o 1.pdf -o 1.png -o 1.json").status, 0);
  ASSERT_EQ(annals("render t.toml -o 2.svg -o 2.pdf -o 2.png -o 2.json").status, 0);
  for (const char* ext : {"svg", "pdf", "png", "json"})
    EXPECT_EQ(slurp(dir_ / (std::string("1.") + ext)), slurp(dir_ / (std::string("2.") + ext))) << ext;
}

TEST_F(Cli, PresentFollowsSourceDateEpochWhenTheFileHasNoNow) {
  write("open.toml", "[[event]]\ntitle = \"ongoing\"\nstart = 2000\nend = \"present\"\n");
  const auto r = annals("render open.toml --format json -o -", "SOURCE_DATE_EPOCH=1262304000");  // 2010-01-01
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"end\":\"2010-01-01\""), std::string::npos) << r.out.substr(0, 600);
  EXPECT_NE(r.out.find("\"open\":true"), std::string::npos);
}

TEST_F(Cli, NowOptionWinsOverTheFile) {
  write("open.toml", "[timeline]\nnow = 2015-06-30\n\n[[event]]\ntitle = \"ongoing\"\nstart = 2000\nend = \"present\"\n");
  const auto r = annals("render open.toml --now 2020-01-31 --format json -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"end\":\"2020-01-31\""), std::string::npos) << r.out.substr(0, 600);
}

TEST_F(Cli, BatchWritesEachInputBesideItselfAsDotDoes) {
  write("a.toml", kGood);
  write("sub/b.toml", kGood);
  const auto r = annals("render a.toml sub/b.toml -O --format pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(slurp(dir_ / "a.pdf").rfind("%PDF", 0), 0u);
  EXPECT_EQ(slurp(dir_ / "sub/b.pdf").rfind("%PDF", 0), 0u);
  EXPECT_FALSE(exists("output"));
}

TEST_F(Cli, WithoutOutputOptionsTheOutputFolderIsOutput) {
  write("a.toml", kGood);
  ASSERT_EQ(annals("render a.toml").status, 0);
  EXPECT_TRUE(exists("output/a.svg"));
}

TEST_F(Cli, OutputDirChoosesWhereBatchWritesAndIsCreated) {
  write("a.toml", kGood);
  write("sub/b.toml", kGood);
  const auto r = annals("render a.toml sub/b.toml -O --output-dir charts/2024");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(exists("charts/2024/a.svg"));
  EXPECT_TRUE(exists("charts/2024/b.svg"));
  EXPECT_EQ(annals("render a.toml --output-dir x -o a.svg").status, 2);
}

TEST_F(Cli, SeveralFormatsInOneBatchRunFromOneLayout) {
  write("a.toml", kGood);
  const auto r = annals("render a.toml -O -T svg,pdf,json");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(slurp(dir_ / "a.svg").find("<svg"), std::string::npos);
  EXPECT_EQ(slurp(dir_ / "a.pdf").rfind("%PDF", 0), 0u);
  EXPECT_EQ(slurp(dir_ / "a.json").rfind("{", 0), 0u);
  EXPECT_EQ(annals("render a.toml -O -T svg,gif").status, 2);
  EXPECT_EQ(annals("render a.toml -T svg,pdf -o x.svg").status, 2);
  EXPECT_EQ(annals("render a.toml -T svg,pdf --format svg").status, 2);
}

// script(1) gives the run a terminal: the names written are left on it, after the progress line.
TEST_F(Cli, OnATerminalTheWrittenPathsArePrintedAndAPipeGetsNone) {
  write("a.toml", kGood);
  const std::string cmd = std::string("'") + ANNALS_BINARY + "' render a.toml -O -T svg,pdf";
  const auto tty = annals::testing::run_in(dir_, "timeout 20 script -qec \"" + cmd + "\" /dev/null");
  EXPECT_NE(tty.out.find("annals: wrote a.svg"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("annals: wrote a.pdf"), std::string::npos) << tty.out;
  EXPECT_EQ(annals("render a.toml -O -T svg,pdf").err, "");
}

TEST_F(Cli, SeveralInputsWithOneOutputIsAUsageError) {
  write("a.toml", kGood);
  write("b.toml", kGood);
  EXPECT_EQ(annals("render a.toml b.toml -o x.svg").status, 2);
}

TEST_F(Cli, NoArgumentsPrintsHelpToStandardErrorAndExitsTwo) {
  const auto r = annals("");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.out, "");
  for (const char* verb : {"render", "check", "styles"}) EXPECT_NE(r.err.find(verb), std::string::npos) << r.err;
}

TEST_F(Cli, OutputExtensionsAreCaseInsensitive) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml -o m.SVG -o m.Pdf -o m.JSON -o m.pNg");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(slurp(dir_ / "m.SVG").find("<svg"), std::string::npos);
  EXPECT_EQ(slurp(dir_ / "m.Pdf").rfind("%PDF", 0), 0u);
  EXPECT_EQ(slurp(dir_ / "m.JSON").front(), '{');
  EXPECT_EQ(slurp(dir_ / "m.pNg").substr(1, 3), "PNG");
}

TEST_F(Cli, NowOptionBeforeAnOpenSpanIsEndBeforeStart) {
  write("open.toml", "[[event]]\ntitle = \"ongoing\"\nstart = 1990\nend = \"present\"\n");
  const auto r = annals("render open.toml --now 1980 -o a.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err,
            "open.toml:4:7: error: 'end' (present, 31 Dec 1980) is before 'start' (1990)\n"
            "open.toml:3:9: note: the start is here\n"
            "open.toml:4:7: note: 'present' is 31 Dec 1980, from --now 1980\n");
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, CoarseNowMeansTheEndOfItsInterval) {
  write("open.toml", "[timeline]\nnow = 2010\n\n[[event]]\ntitle = \"ongoing\"\nstart = 2000\nend = \"present\"\n");
  const auto r = annals("render open.toml --format json -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"end\":\"2010-12-31\""), std::string::npos) << r.out.substr(0, 600);
  const auto option = annals("render open.toml --now 2015-06 --format json -o -");
  ASSERT_EQ(option.status, 0) << option.err;
  EXPECT_NE(option.out.find("\"end\":\"2015-06-30\""), std::string::npos) << option.out.substr(0, 600);
}

TEST_F(Cli, ApproximateNowOptionIsAUsageError) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml --now '2010?' -o a.svg");
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "annals: error: --now '2010?': 'now' cannot be approximate or uncertain; write the date itself\n");
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, SourceDateEpochBeyondTheRangeIsTheRangeError) {
  write("open.toml", "[[event]]\ntitle = \"ongoing\"\nstart = 2000\nend = \"present\"\n");
  const auto r = annals("render open.toml -o a.svg", "SOURCE_DATE_EPOCH=253402300800");  // 10000-01-01
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(r.err, "annals: error: SOURCE_DATE_EPOCH='253402300800': year 10000 is outside the supported range "
                   "9999 BCE to 9999 CE\n");
  EXPECT_FALSE(exists("a.svg"));
  const auto huge = annals("render open.toml -o a.svg", "SOURCE_DATE_EPOCH=99999999999999999999");
  EXPECT_EQ(huge.status, 2);
  EXPECT_NE(huge.err.find("annals: error: SOURCE_DATE_EPOCH='99999999999999999999': "), std::string::npos) << huge.err;
  EXPECT_NE(huge.err.find("outside the supported range 9999 BCE to 9999 CE"), std::string::npos) << huge.err;
  EXPECT_FALSE(exists("a.svg"));
  // The last second of 9999 is still in range.
  EXPECT_EQ(annals("render open.toml -o a.svg", "SOURCE_DATE_EPOCH=253402300799").status, 0);
}

TEST_F(Cli, StrictMakesUnknownSetKeysErrors) {
  write("t.toml", kGood);
  const auto lenient = annals("render t.toml --set event.markr=diamond -o a.svg");
  EXPECT_EQ(lenient.status, 0) << lenient.err;
  EXPECT_EQ(lenient.err.substr(0, lenient.err.find('\n')),
            "annals: warning: --set event.markr=diamond: unknown style key 'event.markr'");
  fs::remove(dir_ / "a.svg");
  const auto strict = annals("render t.toml --set event.markr=diamond --strict -o a.svg");
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(strict.err.substr(0, strict.err.find('\n')),
            "annals: error: --set event.markr=diamond: unknown style key 'event.markr'");
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, WidthAndHeightMakeTheExactPage) {
  write("t.toml", kGood);
  const auto both = annals("render t.toml --width 16cm --height 10cm -o a.json");
  ASSERT_EQ(both.status, 0) << both.err;
  EXPECT_NE(slurp(dir_ / "a.json").find("\"page\":{\"width\":453.54,\"height\":283.46,"), std::string::npos)
      << slurp(dir_ / "a.json").substr(0, 200);
  const auto alone = annals("render t.toml --height 10cm -o b.json");
  EXPECT_EQ(alone.status, 2);
  EXPECT_NE(alone.err.find("--width"), std::string::npos) << alone.err;
  EXPECT_FALSE(exists("b.json"));
  const auto bad = annals("render t.toml --width 16cm --height 3furlongs -o c.json");
  EXPECT_EQ(bad.status, 2);
  EXPECT_EQ(bad.err.rfind("annals: error: --height: 'page.height' must be a length", 0), 0u) << bad.err;
}

TEST_F(Cli, CommandLineValueProblemsNameTheOption) {
  write("t.toml", kGood);
  const auto page = annals("render t.toml --page A9 -o a.svg");
  EXPECT_EQ(page.status, 2);
  EXPECT_EQ(page.err.rfind("annals: error: --page: 'page.size' must be one of ", 0), 0u) << page.err;
  const auto width = annals("render t.toml --width 3furlongs -o a.svg");
  EXPECT_EQ(width.status, 2);
  EXPECT_EQ(width.err.rfind("annals: error: --width: 'page.width' must be a length", 0), 0u) << width.err;
  const auto set = annals("render t.toml --set page.size=A9 -o a.svg");
  EXPECT_EQ(set.status, 2);
  EXPECT_EQ(set.err.rfind("annals: error: --set page.size=A9: 'page.size' must be one of ", 0), 0u) << set.err;
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, StyleFileIsNamedAsGiven) {
  write("t.toml", kGood);
  write("mystyle.toml", "[event]\nmarker = 3\n");
  write("sub/t.toml", "[timeline]\nstyle = \"./mystyle.toml\"\n\n[[event]]\ntitle = \"a\"\ndate = 1990\n");
  write("sub/mystyle.toml", "[event]\nmarker = 3\n");
  for (const std::string line : {"render t.toml --style ./mystyle.toml -o a.svg", "check t.toml --style ./mystyle.toml"}) {
    const auto r = annals(line);
    EXPECT_EQ(r.status, 1) << line;
    EXPECT_EQ(r.err.rfind("./mystyle.toml:2:10: error: ", 0), 0u) << r.err;
  }
  const auto plain = annals("check t.toml --style mystyle.toml");
  EXPECT_EQ(plain.err.rfind("mystyle.toml:2:10: error: ", 0), 0u) << plain.err;
  const auto relative = annals("check sub/t.toml");
  EXPECT_EQ(relative.err.rfind("sub/mystyle.toml:2:10: error: ", 0), 0u) << relative.err;
}

// check validates what render resolves while laying out: inline event
// styles, lanes, eras and markers, from the timeline and the style file.
TEST_F(Cli, CheckReportsEveryStyleProblemThatRenderReports) {
  write("styled.toml",
        "[[lane]]\ntitle = \"L\"\nstyle = { marker = \"hexagon\" }\n\n"
        "[[event]]\ntitle = \"a\"\ndate = 1990\nlane = \"L\"\n"
        "style = { markr = \"diamond\", color = \"#zz\", marker = \"star\" }\n\n"
        "[[era]]\ntitle = \"e\"\nstart = 1990\nend = 1990\nstyle = { fil = \"red\" }\n\n"
        "[[marker]]\ntitle = \"m\"\ndate = 1990\nstyle = { dash = \"x\" }\n");
  const auto render = annals("render styled.toml -o a.svg");
  const auto check = annals("check styled.toml");
  EXPECT_EQ(render.status, 1) << render.err;
  EXPECT_EQ(check.status, 1) << check.err;
  EXPECT_EQ(check.err, render.err);
  for (const char* where : {"styled.toml:3:", "styled.toml:9:", "styled.toml:15:", "styled.toml:20:"})
    EXPECT_NE(check.err.find(where), std::string::npos) << where << "\n" << check.err;
  EXPECT_FALSE(exists("a.svg"));
}

TEST_F(Cli, CheckReportsInlineStyleWarningsAndStrictFailsThem) {
  write("typo.toml", "[[event]]\ntitle = \"a\"\ndate = 1990\nstyle = { markr = \"diamond\" }\n");
  const auto lenient = annals("check typo.toml");
  EXPECT_EQ(lenient.status, 0);
  EXPECT_EQ(lenient.err,
            "typo.toml:4:19: warning: unknown style key 'event.markr'\n"
            "typo.toml:4:19: note: did you mean 'event.marker'?\n");
  const auto strict = annals("check --strict typo.toml");
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(strict.err.rfind("typo.toml:4:19: error: unknown style key 'event.markr'", 0), 0u) << strict.err;
}

TEST_F(Cli, TitleWithALineBreakWarnsAndIsDrawnOnOneLine) {
  write("t.toml", "[[event]]\ntitle = \"War of\\nthe Pacific\"\ndate = 1879\n");
  const auto r = annals("render t.toml --now 2022-12-31 --format json -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "t.toml:2:9: warning: a title is one line; its line breaks are drawn as spaces\n");
  EXPECT_NE(r.out.find("\"title\":\"War of the Pacific\""), std::string::npos) << r.out.substr(0, 800);
}

TEST_F(Cli, DumpedBceDatesReadBackAsTheSameInterval) {
  write("bce.toml", "[[event]]\ntitle = \"Persian Wars\"\nstart = -499\nend = -449\n");
  const auto first = annals("render bce.toml --now 2022-12-31 --format json -o -");
  ASSERT_EQ(first.status, 0) << first.err;
  ASSERT_NE(first.out.find("\"start\":\"-0498-01-01\",\"end\":\"-0448-12-31\""), std::string::npos)
      << first.out.substr(0, 800);
  write("again.toml", "[[event]]\ntitle = \"Persian Wars\"\nstart = \"-0498-01-01\"\nend = \"-0448-12-31\"\n");
  const auto again = annals("render again.toml --now 2022-12-31 --format json -o -");
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_NE(again.out.find("\"start\":\"-0498-01-01\",\"end\":\"-0448-12-31\""), std::string::npos)
      << again.out.substr(0, 800);
}

// A PDF page beyond 14400 pt a side is scaled down to it with a warning like
// any other: --strict fails it before anything is written, --quiet silences it.
TEST_F(Cli, PdfPageBeyondViewersIsAWarningThatStrictFails) {
  write("t.toml", kGood);
  const auto plain = annals("render t.toml -o big.pdf --width 600cm");
  EXPECT_EQ(plain.status, 0) << plain.err;
  const std::string head = "big.pdf: warning: the page is 17008 × ";
  const std::string tail = " pt, beyond the 14400 pt (200 in) per side that PDF viewers show; "
                           "the PDF page is scaled down to 14400 × 146 pt (split the timeline, narrow its dates, "
                           "or use SVG to keep its size)\n";
  ASSERT_EQ(plain.err.rfind(head, 0), 0u) << plain.err;
  ASSERT_TRUE(plain.err.ends_with(tail)) << plain.err;
  EXPECT_EQ(plain.err.find('\n'), plain.err.size() - 1) << plain.err;  // one message, nothing else
  EXPECT_TRUE(exists("big.pdf"));
  // No PDF page beyond 14,400 pt, ever: this one is scaled down to it.
  EXPECT_NE(annals::testing::run_in(dir_, "pdfinfo big.pdf").out.find("Page size:       14400 x 14"), std::string::npos);
  fs::remove(dir_ / "big.pdf");

  const auto strict = annals("render t.toml -o big.pdf --width 600cm --strict");
  EXPECT_EQ(strict.status, 1);
  EXPECT_EQ(strict.err, "big.pdf: error:" + plain.err.substr(std::string("big.pdf: warning:").size()));
  EXPECT_FALSE(exists("big.pdf"));

  const auto quiet = annals("render t.toml -o big.pdf -o big.svg --width 600cm --quiet");
  EXPECT_EQ(quiet.status, 0);
  EXPECT_EQ(quiet.err, "");
  // Only the PDF has the limit: an SVG of the same page says nothing.
  const auto svg = annals("render t.toml -o big.svg --width 600cm");
  EXPECT_EQ(svg.status, 0);
  EXPECT_EQ(svg.err, "");
}

// Every kind of error in a timeline file, through the real binary: the exact
// position and message, exit status 1, and no output file.
struct ErrorCase {
  const char* name;
  const char* text;
  const char* expected;  // the first line of standard error, after "NAME.toml:"
};

class CliErrorKinds : public Cli, public ::testing::WithParamInterface<ErrorCase> {};

TEST_P(CliErrorKinds, PointsAtTheProblemAndWritesNothing) {
  const ErrorCase& c = GetParam();
  const std::string file = std::string(c.name) + ".toml";
  write(file, c.text);
  const auto r = annals("render " + file + " -o out.svg");
  EXPECT_EQ(r.status, 1) << r.err;
  const std::string first_line = r.err.substr(0, r.err.find('\n'));
  EXPECT_EQ(first_line, file + ":" + c.expected);
  EXPECT_FALSE(exists("out.svg"));
  EXPECT_TRUE(stray_files().empty());
}

INSTANTIATE_TEST_SUITE_P(
    Cli, CliErrorKinds,
    ::testing::Values(
        ErrorCase{"malformed", "[[event]]\ntitle = \"a\"\ndate = \"19x6\"\n",
                  "3:9: error: could not read '19x6' as a date; expected forms like 1879, 1996-12, "
                  "1996-12-17, \"Oct 2018\", \"490 BCE\", \"1960s\", \"c. 1964\""},
        ErrorCase{"feb31", "[[event]]\ntitle = \"a\"\ndate = \"1996-02-31\"\n",
                  "3:17: error: day 31 does not exist in February 1996"},
        ErrorCase{"month13", "[[event]]\ntitle = \"a\"\ndate = \"1996-13\"\n",
                  "3:14: error: month 13 does not exist"},
        ErrorCase{"year0", "[[event]]\ntitle = \"a\"\ndate = 0\n",
                  "3:8: error: there is no year 0 (1 BCE is followed by 1 CE)"},
        ErrorCase{"range", "[[event]]\ntitle = \"a\"\ndate = \"10000 BCE\"\n",
                  "3:9: error: year 10000 BCE is outside the supported range 9999 BCE to 9999 CE"},
        ErrorCase{"endbefore", "[[event]]\ntitle = \"a\"\nstart = 1990\nend = 1980\n",
                  "4:7: error: 'end' (1980) is before 'start' (1990)"},
        ErrorCase{"presentstart", "[[event]]\ntitle = \"a\"\nstart = \"present\"\nend = 1980\n",
                  "3:9: error: 'present' cannot be a start; it may only end a span or date a marker"},
        ErrorCase{"dateandspan", "[[event]]\ntitle = \"a\"\ndate = 1990\nstart = 1980\nend = 1985\n",
                  "3:1: error: an event has either a 'date' or a 'start' and an 'end', not both"},
        ErrorCase{"notitle", "[[event]]\ndate = 1990\n", "1:1: error: [[event]] needs a 'title'"},
        ErrorCase{"periodsoverlap",
                  "[[event]]\ntitle = \"a\"\nperiods = [ { start = 1962, end = 1975 }, { date = 1970 } ]\n",
                  "3:43: error: the period 1970 overlaps the period before it (1962–1975); write the periods in "
                  "time order, without overlaps"},
        ErrorCase{"periodsanddate", "[[event]]\ntitle = \"a\"\ndate = 1950\nperiods = [ { date = 1970 } ]\n",
                  "3:1: error: an event has either 'periods' or 'date', not both; write every period in 'periods'"},
        ErrorCase{"linkunknown",
                  "[[event]]\nid = \"war\"\ntitle = \"a\"\ndate = 1879\n\n[[link]]\nfrom = \"wat\"\nto = \"war\"\n",
                  "7:8: error: unknown event id 'wat' in 'from'"},
        ErrorCase{"wrongtype", "[[event]]\ntitle = 5\ndate = 1990\n",
                  "2:9: error: 'title' must be a string, found an integer"},
        ErrorCase{"unknownlane", "[[lane]]\ntitle = \"A\"\n\n[[event]]\ntitle = \"a\"\ndate = 1990\nlane = \"B\"\n",
                  "7:8: error: unknown lane 'B'"},
        ErrorCase{"dupid",
                  "[[event]]\nid = \"x\"\ntitle = \"a\"\ndate = 1990\n\n[[event]]\nid = \"x\"\ntitle = \"b\"\n"
                  "date = 1991\n",
                  "7:6: error: duplicate event id 'x'"},
        ErrorCase{"badcolor", "[[event]]\ntitle = \"a\"\ndate = 1990\ncolor = \"#12\"\n",
                  "4:9: error: '#12' is not a colour: write #rgb, #rrggbb, #rrggbbaa, a CSS colour name or 'none'"},
        ErrorCase{"badutf8", "[[event]]\ntitle = \"a\xff\"\ndate = 1990\n", "2:11: error: invalid UTF-8 byte 0xFF"},
        ErrorCase{"tomlsyntax", "[[event]\ntitle = \"a\"\n",
                  "1:9: error: in a [table] header: expected ']', saw '\\n'"},
        ErrorCase{"empty", "", "1:1: error: no [[event]] in the file"},
        ErrorCase{"commentonly", "# nothing yet\n", "1:1: error: no [[event]] in the file"},
        ErrorCase{"presentbeforenow",
                  "[timeline]\nnow = 2010-05-05\n\n[[event]]\ntitle = \"a\"\nstart = 2011\nend = \"present\"\n",
                  "7:7: error: 'end' (present, 5 May 2010) is before 'start' (2011)"},
        ErrorCase{"approximatenow", "[timeline]\nnow = \"c. 2010\"\n\n[[event]]\ntitle = \"a\"\ndate = 1990\n",
                  "2:7: error: 'now' cannot be approximate or uncertain; write the date itself"},
        ErrorCase{"uncertainnow", "[timeline]\nnow = \"2010?\"\n\n[[event]]\ntitle = \"a\"\ndate = 1990\n",
                  "2:7: error: 'now' cannot be approximate or uncertain; write the date itself"},
        ErrorCase{"blanktitle", "[[event]]\ntitle = \"  \"\ndate = 1990\n",
                  "2:9: error: an event needs a non-empty title"},
        ErrorCase{"emptyid", "[[event]]\nid = \"\"\ntitle = \"a\"\ndate = 1990\n",
                  "2:6: error: an id cannot be empty; give the event a name or leave 'id' out"},
        ErrorCase{"tomlfeb31", "[[event]]\ntitle = \"a\"\ndate = 1996-02-31\n",
                  "3:8: error: day 31 does not exist in February 1996"},
        ErrorCase{"inlinestyle", "[[event]]\ntitle = \"a\"\ndate = 1990\nstyle = { marker = \"star\" }\n",
                  "4:20: error: 'event.marker' must be one of circle, diamond, square, triangle, none; found 'star'"}),
    [](const ::testing::TestParamInfo<ErrorCase>& p) { return std::string(p.param.name); });

namespace {

class CliMessages : public Cli {};

const char* kTypo = "[[event]]\ntitle = \"a\"\ndate = 1990\nstyle = { markr = \"diamond\" }\n";

}  // namespace

TEST_F(CliMessages, FullFormShowsTheSourceLineWithACaretUnderTheColumnAndACount) {
  write("typo.toml", kTypo);
  const auto r = annals("check --diagnostics=full typo.toml");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err,
            "typo.toml:4:19: warning: unknown style key 'event.markr'\n"
            " 4 | style = { markr = \"diamond\" }\n"
            "   |                   ^\n"
            "typo.toml:4:19: note: did you mean 'event.marker'?\n"
            "annals: 1 warning\n");
}

TEST_F(CliMessages, CountSaysErrorsAndWarningsInTheirNumber) {
  write("two.toml", "[[event]]\ntitle = 5\ndate = 1990\nstyle = { markr = \"diamond\" }\n\n"
                    "[[event]]\ntitle = \"b\"\ndate = 1990\nlane = \"B\"\n");
  const auto r = annals("check --diagnostics=full two.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("\nannals: 2 errors, 1 warning\n"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.rfind("two.toml:2:9: error: 'title' must be a string, found an integer\n 2 | title = 5\n"
                        "   |         ^\n",
                        0),
            0u)
      << r.err;
}

TEST_F(CliMessages, SourceLineKeepsItsControlCharactersEscapedAndTheCaretInPlace) {
  write("tab.toml", "[[event]]\ntitle = \"a\"\ndate = 1990\n\tstyle = { markr = \"\x1b[2J\" }\n");
  const auto r = annals("check --diagnostics=full tab.toml");
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  // The tab shows as one space, the escape as four characters; the caret stays under the escape.
  EXPECT_NE(r.err.find(" 4 |  style = { markr = \"\\x1b[2J\" }\n   |                     ^\n"), std::string::npos)
      << r.err;
}

TEST_F(CliMessages, StandardInputHasNoSourceLineButKeepsItsMessage) {
  const auto r = annals("check --diagnostics=full -", std::string("printf '") + "[[event]]\\ntitle = 5\\ndate = 1990\\n' |");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err, "-:2:9: error: 'title' must be a string, found an integer\nannals: 1 error\n");
}

TEST_F(CliMessages, ShortFormIsOneLineAMessageAsWithoutATerminal) {
  write("typo.toml", kTypo);
  EXPECT_EQ(annals("check --diagnostics=short typo.toml").err, annals("check typo.toml").err);
  EXPECT_EQ(annals("check typo.toml").err,
            "typo.toml:4:19: warning: unknown style key 'event.markr'\n"
            "typo.toml:4:19: note: did you mean 'event.marker'?\n");
}

TEST_F(CliMessages, ColorAlwaysPaintsSeverityPositionAndCaretAndNeverDoesNot) {
  write("typo.toml", kTypo);
  const auto painted = annals("check --color=always --diagnostics=full typo.toml");
  EXPECT_EQ(painted.err.rfind("\033[1mtypo.toml:4:19: \033[m\033[1;35mwarning:\033[m \033[1munknown style key", 0), 0u)
      << painted.err;
  EXPECT_NE(painted.err.find("\033[1;32m^\033[m"), std::string::npos) << painted.err;
  EXPECT_NE(painted.err.find("\033[1;36mnote:\033[m"), std::string::npos) << painted.err;
  EXPECT_EQ(annals("check --color=never --diagnostics=full typo.toml").err.find('\033'), std::string::npos);
  EXPECT_EQ(annals("check --color=rainbow typo.toml").status, 2);
}

// script(1) gives the run a terminal, as a person typing the command has.
TEST_F(CliMessages, OnATerminalTheFullFormIsInColourUnlessNoColorIsSet) {
  write("typo.toml", kTypo);
  const std::string cmd = std::string("'") + ANNALS_BINARY + "' check typo.toml";
  const auto coloured = annals::testing::run_in(dir_, "timeout 20 script -qec \"" + cmd + "\" /dev/null");
  EXPECT_NE(coloured.out.find("\033[1;35mwarning:"), std::string::npos) << coloured.out;
  EXPECT_NE(coloured.out.find("annals: 1 warning"), std::string::npos) << coloured.out;
  const auto plain = annals::testing::run_in(dir_, "NO_COLOR=1 timeout 20 script -qec \"" + cmd + "\" /dev/null");
  EXPECT_EQ(plain.out.find('\033'), std::string::npos) << plain.out;
  EXPECT_NE(plain.out.find(" 4 | style = { markr"), std::string::npos) << plain.out;
}

TEST_F(CliMessages, MistypedVerbOrOptionSuggestsTheNearestName) {
  write("t.toml", kGood);
  const auto verb = annals("rendr t.toml");
  EXPECT_EQ(verb.status, 2);
  EXPECT_NE(verb.err.find("annals: note: did you mean 'render'?\n"), std::string::npos) << verb.err;
  const auto option = annals("render t.toml --pgae A4 -o t.svg");
  EXPECT_EQ(option.status, 2);
  EXPECT_NE(option.err.find("annals: note: did you mean '--page'?\n"), std::string::npos) << option.err;
  const auto far = annals("render t.toml --zzzzzzzz -o t.svg");
  EXPECT_EQ(far.status, 2);
  EXPECT_EQ(far.err.find("did you mean"), std::string::npos) << far.err;
  EXPECT_FALSE(exists("t.svg"));
}

TEST_F(CliMessages, TomlSyntaxErrorsAreSaidInTheFormatsWords) {
  write("eof.toml", "[[event]]\ntitle = \"a\"\ndate = \n");
  const auto r = annals("check eof.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.find("Error while parsing"), std::string::npos) << r.err;
  write("open.toml", "[[event]]\ntitle = \"a\ndate = 1990\n");
  EXPECT_EQ(annals("check open.toml").err,
            "open.toml:2:11: error: a string holds a line break or a control character: is its closing quote "
            "missing? (write \\n or \\t for them)\n");
  EXPECT_EQ(annals("check eof.toml").err, "eof.toml:3:8: error: a value is missing after '=' (found '\\n')\n");
  write("twice.toml", "[timeline]\ntitle = \"a\"\n[timeline]\n");
  const auto twice = annals("check twice.toml");
  EXPECT_NE(twice.err.find("is defined twice"), std::string::npos) << twice.err;
}

namespace {

// What the bash completion offers for the words typed so far (the last one being completed).
std::string bash_completes(const fs::path& dir, const std::string& words) {
  const std::string script = std::string(ANNALS_SOURCE_DIR) + "/tools/completions/annals.bash";
  const std::string body = "source \"" + script + "\"; COMP_WORDS=(" + words +
                           "); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _annals; printf \"%s\\n\" \"${COMPREPLY[@]}\"";
  return annals::testing::run_in(dir, "timeout 20 bash --norc -c '" + body + "'").out;
}

}  // namespace

TEST_F(Cli, ADarkStyleThatCannotBeFoundIsAnErrorAtItsKeyForEveryFormat) {
  write("t.toml", "[timeline]\ntitle = \"x\"\n[style]\nsvg.dark = \"nosuch\"\n[[event]]\ntitle = \"A\"\ndate = 1990\n");
  for (const std::string command : {"check t.toml", "render t.toml -o t.png", "render t.toml -o t.svg"}) {
    const auto r = annals(command);
    EXPECT_EQ(r.status, 1) << command;
    EXPECT_NE(r.err.find("t.toml:4:12: error: no built-in style or file named 'nosuch'"), std::string::npos)
        << command << ": " << r.err;
  }
  EXPECT_FALSE(exists("t.png"));
  EXPECT_FALSE(exists("t.svg"));
  // A style file beside the timeline is found there, and the SVG gets its dark rules.
  write("night.toml", "extends = \"dark\"\n");
  write("u.toml", "[style]\nsvg.dark = \"night.toml\"\n[[event]]\ntitle = \"A\"\ndate = 1990\n");
  const auto ok = annals("render u.toml -o u.svg");
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_NE(slurp(dir_ / "u.svg").find("@media (prefers-color-scheme: dark)"), std::string::npos);
}

TEST_F(Cli, BashCompletionOffersTheVerbsTheOptionsAndTheirValues) {
  write("a.toml", kGood);
  EXPECT_EQ(bash_completes(dir_, "annals \"\""), "render\nwatch\ncheck\nstyles\n--help\n--version\n");
  EXPECT_EQ(bash_completes(dir_, "annals re"), "render\n");
  EXPECT_EQ(bash_completes(dir_, "annals render a.toml --form"), "--format\n");
  EXPECT_EQ(bash_completes(dir_, "annals render a.toml --color \"\""), "auto\nalways\nnever\n");
  EXPECT_EQ(bash_completes(dir_, "annals render a"), "a.toml\n");
  // Every option `render --help` lists is offered, so the script cannot fall behind the program.
  const std::string offered = bash_completes(dir_, "annals render a.toml -");
  const std::string help = annals("render --help").out;
  for (std::size_t at = help.find(" --"); at != std::string::npos; at = help.find(" --", at + 1)) {
    const std::size_t end = help.find_first_of(" ,=)\n", at + 1);
    const std::string option = help.substr(at + 1, end - at - 1);
    EXPECT_NE(offered.find(option + "\n"), std::string::npos) << option << " is not offered:\n" << offered;
  }
}

// ---- pages (FORMAT.md §5.6) -------------------------------------------------

namespace {

// `n` events over a century in three lanes: far too many for an A6 page.
std::string crowded(int n) {
  std::string t = "[timeline]\ntitle = \"A crowded century\"\nnow = 2022-12-31\n";
  for (int l = 1; l <= 3; ++l) t += "[[lane]]\nid = \"l" + std::to_string(l) + "\"\ntitle = \"Lane " + std::to_string(l) + "\"\n";
  for (int i = 0; i < n; ++i) {
    const int year = 1900 + i * 100 / n;
    t += "[[event]]\ntitle = \"Event " + std::to_string(i) + "\"\nlane = \"l" + std::to_string(i % 3 + 1) + "\"\n";
    t += i % 4 == 0 ? "start = " + std::to_string(year) + "\nend = " + std::to_string(year + 3) + "\n"
                    : "date = " + std::to_string(year) + "\n";
  }
  return t;
}

int count_of(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_F(Cli, ChartTooBigForItsPageIsAPdfOfSeveralPagesOfThatSize) {
  write("big.toml", crowded(300));
  const auto r = annals("render big.toml --page A6 -o big.pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto npages = annals::testing::run_in(dir_, "qpdf --show-npages big.pdf");
  ASSERT_EQ(npages.status, 0) << npages.err;
  const int pages = std::stoi(npages.out);
  EXPECT_GT(pages, 2);
  EXPECT_NE(r.err.find("big.toml: warning: the content does not fit one A6 landscape page"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("it is laid out over " + std::to_string(pages) + " pages of that size"), std::string::npos)
      << r.err;
  EXPECT_EQ(annals::testing::run_in(dir_, "qpdf --check big.pdf").status, 0);
  // Every page A6 landscape.
  const auto info = annals::testing::run_in(dir_, "pdfinfo -f 1 -l " + std::to_string(pages) + " big.pdf");
  EXPECT_EQ(count_of(info.out, "size:  419.528 x 297.638 pts"), pages) << info.out;
  // One bookmark per page, its lanes under it.
  const auto outline = annals::testing::run_in(dir_, "qpdf --json --json-key=outlines big.pdf");
  EXPECT_NE(outline.out.find("\"title\": \"Page 2 · "), std::string::npos) << outline.out.substr(0, 2000);
  EXPECT_EQ(count_of(outline.out, "\"title\": \"Lane 2\""), pages);
  EXPECT_EQ(count_of(outline.out, "\"destpageposfrom1\": " + std::to_string(pages) + ","), 4);  // page and 3 lanes
  // The text of page 2: its footer.
  const auto text = annals::testing::run_in(dir_, "pdftotext -f 2 -l 2 big.pdf -");
  EXPECT_NE(text.out.find("continued from page 1"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("page 2"), std::string::npos) << text.out;
  EXPECT_EQ(text.out.find("page 2 of"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("continued on page 3"), std::string::npos) << text.out;
  // The last page says how many there are.
  const std::string n = std::to_string(pages);
  const auto last = annals::testing::run_in(dir_, "pdftotext -f " + n + " -l " + n + " big.pdf -");
  EXPECT_NE(last.out.find("page " + n + " of " + n), std::string::npos) << last.out;
}

TEST_F(Cli, ChartOfSeveralPagesIsNumberedPngAndSvgFiles) {
  write("big.toml", crowded(300));
  const auto dump = annals("render big.toml --page A6 --format json -o -");
  ASSERT_EQ(dump.status, 0) << dump.err;
  const int pages = count_of(dump.out.substr(0, dump.out.find("\"items\"")), "{\"width\":") - 1;
  ASSERT_GT(pages, 2) << dump.out.substr(0, 400);
  const auto r = annals("render big.toml --page A6 -o big.png -o big.svg -o big.pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  for (int p = 1; p <= pages; ++p) {
    for (const char* ext : {".png", ".svg"}) {
      const std::string name = "big-" + std::to_string(p) + ext;
      ASSERT_TRUE(exists(name)) << name;
      EXPECT_GT(fs::file_size(dir_ / name), 1000u) << name;
    }
  }
  EXPECT_FALSE(exists("big.png"));
  EXPECT_FALSE(exists("big.svg"));
  EXPECT_FALSE(exists("big-" + std::to_string(pages + 1) + ".png"));
  EXPECT_FALSE(exists("big-0.png"));
  EXPECT_TRUE(exists("big.pdf"));
  EXPECT_EQ(stray_files(), std::vector<std::string>{});
  // Each SVG is one A6 landscape page.
  const std::string svg = slurp(dir_ / "big-2.svg");
  EXPECT_NE(svg.find("width=\"419.527559pt\" height=\"297.637795pt\""), std::string::npos) << svg.substr(0, 300);
  // PNG page 2 is the PDF's page 2.
  const auto png = annals::testing::run_in(dir_, "pdftoppm -f 2 -l 2 -r 144 -png big.pdf pdf2");
  EXPECT_EQ(png.status, 0);
}

TEST_F(Cli, SeveralPagesCannotGoToStandardOutputAsPng) {
  write("big.toml", crowded(300));
  const auto r = annals("render big.toml --page A6 --format png -o -");
  EXPECT_EQ(r.status, 3);
  EXPECT_NE(r.err.find("standard output: error: cannot write: the chart takes "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pages, one png file each; name a file with -o (NAME.png becomes NAME-1.png"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(Cli, DumpOfSeveralPagesListsEveryPageAndEachItemsPage) {
  write("big.toml", crowded(300));
  const auto r = annals("render big.toml --page A6 --format json -o -");
  ASSERT_EQ(r.status, 0) << r.err;
  // The first page, with what page fitting chose, then every page's size.
  EXPECT_EQ(r.out.rfind(R"({"page":{"width":419.53,"height":297.64,)", 0), 0u);
  EXPECT_NE(r.out.find(R"(},"pages":[{"width":419.53,"height":297.64},)"), std::string::npos)
      << r.out.substr(0, 300);
  EXPECT_EQ(count_of(r.out, "\"kind\":"), count_of(r.out, ",\"page\":"));
  EXPECT_EQ(count_of(r.out, "\"kind\":\"event\""), 300);
  EXPECT_NE(r.out.find("\"kind\":\"lane\",\"id\":\"l1\",\"box\":"), std::string::npos);
}

// ---- tiles (page.tiles) -----------------------------------------------------

TEST_F(Cli, PosterInTilesIsAPdfOfSheetsOfTheTileSize) {
  write("t.toml", kGood);
  const auto r = annals("render t.toml --set page.size=A0 --set page.tiles=A4 -o poster.pdf -o poster.json");
  ASSERT_EQ(r.status, 0) << r.err;
  // A0 landscape (3370 × 2384 pt) on A4 landscape sheets, 12 mm frames, 10 mm overlap: 5 × 5.
  EXPECT_EQ(annals::testing::run_in(dir_, "qpdf --show-npages poster.pdf").out, "25\n");
  EXPECT_EQ(annals::testing::run_in(dir_, "qpdf --check poster.pdf").status, 0);
  const auto info = annals::testing::run_in(dir_, "pdfinfo -f 1 -l 25 poster.pdf");
  EXPECT_EQ(count_of(info.out, "size:  841.89 x 595.276 pts"), 25) << info.out;
  const auto text = annals::testing::run_in(dir_, "pdftotext -f 7 -l 7 poster.pdf -");
  EXPECT_NE(text.out.find("A4 landscape · sheet 7 of 25 · row 2 of 5, column 2 of 5"), std::string::npos)
      << text.out;
  const std::string dump = slurp(dir_ / "poster.json");
  EXPECT_EQ(dump.rfind(R"({"page":{"width":841.89,"height":595.28},"pages":[)", 0), 0u) << dump.substr(0, 200);
}

TEST_F(Cli, UnknownTileSizeIsAnErrorAtItsValue) {
  write("t.toml", kGood);
  write("s.toml", "extends = \"default\"\n[page]\nsize = \"A0\"\ntiles = \"A9\"\n");
  const auto r = annals("render t.toml --style s.toml -o poster.pdf");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(r.err.rfind("s.toml:4:9: error: 'page.tiles' must be one of A0, A1, A2, A3, A4, A5, A6, letter, legal, "
                        "tabloid, none; found 'A9'\n",
                        0),
            0u)
      << r.err;
  EXPECT_FALSE(exists("poster.pdf"));
}

TEST_F(Cli, TilesNotSmallerThanThePageAreAnErrorAtTheKey) {
  write("t.toml", kGood);
  write("s.toml", "extends = \"default\"\n[page]\nsize = \"A4\"\ntiles = \"A3\"\n");
  const auto r = annals("render t.toml --style s.toml -o poster.pdf");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("s.toml:4:9: error: page.tiles = \"A3\" (842 × 1191 pt) is not smaller than the page (842 × "),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("s.toml:4:9: note: name a smaller sheet, or a larger page.size"), std::string::npos) << r.err;
  EXPECT_FALSE(exists("poster.pdf"));
}
