// Every case of tests/cases and timeline of timelines/ laid out: no text the
// chart writes (labels, ticks, their context line) has a year below 100 bare
// after a month or a day, where "Sep 9" would read as a day and "18 Jul 64" as 1964.
#include <filesystem>
#include <regex>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "annals/pipeline.h"
#include "text/measurer.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

// A month name, then a number of one or two digits that is not a day of a
// time ("Mar 17:00") and is not followed by its era.
const std::regex kBareEarlyYear(
    "\\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9][0-9]?(?![0-9:]| CE| BCE)");

bool ambiguous(const std::string& text) { return std::regex_search(text, kBareEarlyYear); }

TEST(CaseDates, ThePatternCatchesBareEarlyYearsOnly) {
  EXPECT_TRUE(ambiguous("Sep 9"));
  EXPECT_TRUE(ambiguous("18 Jul 64 \u00b7 Great Fire"));
  EXPECT_TRUE(ambiguous("2\u20139 Mar 64"));
  EXPECT_FALSE(ambiguous("Sep 9 CE"));
  EXPECT_FALSE(ambiguous("15 Mar 44 BCE"));
  EXPECT_FALSE(ambiguous("Sep 2018"));
  EXPECT_FALSE(ambiguous("3 Mar 2025 11:00 \u2013 7 Mar 17:00"));
}

std::vector<std::string> texts_of_case(const fs::path& file) {
  Request request;
  request.input = file.string();
  request.source_date_epoch = "1700000000";
  Pipeline p(request);
  const text::FakeMeasurer measurer;
  EXPECT_TRUE(p.load() && p.style() && p.layout(measurer)) << file;
  const scene::Scene& scene = p.scene();
  std::vector<std::string> out;
  for (const auto& item : scene.items) out.push_back(item.text);
  for (const auto& shape : scene.shapes)
    if (const auto* t = std::get_if<scene::Text>(&shape)) out.push_back(t->text);
  return out;
}

TEST(CaseDates, NoCaseWritesAnEarlyYearBareAfterAMonthOrADay) {
  int cases = 0, early = 0;
  for (const char* dir : {"tests/cases", "timelines"})
    for (const auto& entry : fs::directory_iterator(fs::path(ANNALS_SOURCE_DIR) / dir)) {
      if (entry.path().extension() != ".toml") continue;
      ++cases;
      for (const std::string& text : texts_of_case(entry.path())) {
        EXPECT_FALSE(ambiguous(text)) << entry.path().filename() << ": \"" << text << "\"";
        early += text.find(" 64 CE") != std::string::npos;
      }
    }
  EXPECT_GE(cases, 10);
  EXPECT_GE(early, 4);  // early_dates.toml is among them, in labels and on the axis
}

}  // namespace
}  // namespace annals
