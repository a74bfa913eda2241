#pragma once
// Pieces shared by the parser, the calendar and the labels of the dates
// module. Not part of the module's contract: include only from src/dates.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "dates/date.h"

namespace annals::dates::detail {

constexpr Seconds kSecondsPerDay = 86400;

inline constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
inline constexpr std::array<std::string_view, 12> kMonthAbbrev = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_leap(std::int64_t astronomical_year);
int days_in_month(std::int64_t astronomical_year, int month);

// Historical numbering for readers: 1879 -> "1879", 0 -> "1 BCE", -489 -> "490 BCE".
std::string year_text(std::int64_t astronomical_year);

// "1st", "2nd", "11th", "23rd": the English ordinal, the labels' fallback and
// the form localized centuries are parsed into.
std::string english_ordinal(std::int64_t n);

// A date as written, before validation. The year is historical (negative =
// BCE, 0 = the year that does not exist) so messages can quote it back.
struct Written {
  std::int64_t year = 0;
  std::optional<int> month;  // absent = not written; 0 may be written, and is an error
  std::optional<int> day;
  std::optional<int> hour;  // absent = no time written
  int minute = 0;
  int second = 0;
  bool has_seconds = false;
};

// Where each field of a Written starts, so an error points at its culprit.
struct Offsets {
  std::size_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};

// Validates every field and returns the date of the finest field written.
DateResult build(const Written& w, const Offsets& at);

// A block of whole years [first, last] (astronomical) at decade or century
// precision. The caller has checked the range.
Date year_block(std::int64_t first, std::int64_t last, Precision p, int unspecified_digits);

// "year 10000 is outside the supported range 9999 BCE to 9999 CE".
ParseError out_of_range(std::string_view written_year, std::size_t offset);
bool historical_year_in_range(std::int64_t historical_year);

}  // namespace annals::dates::detail
