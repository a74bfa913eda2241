// The string functions every module shares.
#include <gtest/gtest.h>

#include "base/strings.h"

namespace annals {
namespace {

TEST(Strings, LowercaseLowersAsciiOnly) {
  EXPECT_EQ(lowercase("A4 Landscape"), "a4 landscape");
  // UTF-8 bytes pass through unchanged: "É" is not lowered, nor broken.
  EXPECT_EQ(lowercase("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");
  EXPECT_EQ(lowercase('Q'), 'q');
  EXPECT_EQ(lowercase('['), '[');
}

TEST(Strings, TrimDropsWhiteSpaceAtBothEnds) {
  EXPECT_EQ(trim(" \t 12 mm \r\n"), "12 mm");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim(""), "");
  EXPECT_EQ(trim("a"), "a");
}

}  // namespace
}  // namespace annals
