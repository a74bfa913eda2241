#pragma once
// Private calendar arithmetic of the scale module: the calendar-aligned tick
// steps (the interval table of d3-time and matplotlib's AutoDateLocator) over
// the civil conversions of dates/ (proleptic Gregorian, astronomical years).
#include <cstdint>
#include <span>

#include "dates/date.h"

namespace annals::scale::detail {

using dates::Seconds;

constexpr Seconds kMinute = 60;
constexpr Seconds kHour = 3600;
constexpr Seconds kDay = 86400;
constexpr Seconds kWeek = 7 * kDay;

// Integer division and remainder rounding toward minus infinity.
std::int64_t floor_div(std::int64_t a, std::int64_t b);
std::int64_t floor_mod(std::int64_t a, std::int64_t b);

struct Ymd {
  std::int64_t year = 1970;  // astronomical: 1 BCE = 0
  int month = 1, day = 1;
};
Ymd civil_from_days(std::int64_t days);

using dates::Civil;
using dates::civil_from_seconds;
using dates::days_from_civil;
using dates::days_in_month;
Seconds seconds_from_ymd(std::int64_t year, int month, int day);

enum class Unit { second, minute, hour, day, week, month, year };

struct Step {
  Unit unit = Unit::year;
  int count = 1;
  bool operator==(const Step&) const = default;
};

// Finest first: seconds … millennia.
std::span<const Step> step_table();

// Typical length of one step, for estimates only (months and years vary).
double nominal_seconds(const Step& s);

// Calendar boundaries of a step. Year steps land on round historical years:
// CE years divisible by the step, and BCE years whose historical number is
// divisible by it (…, 200 BCE, 100 BCE, 100, 200, …), since year 0 does not exist.
// Two-day steps run through each month (1, 3, 5, …) and skip a last day that
// would sit one day before the next month's first.
Seconds floor_to(Seconds t, const Step& s);  // the last boundary ≤ t
Seconds next_after(Seconds t, const Step& s);  // the first boundary > t

// True when every boundary of `major` is also a boundary of `minor`.
bool nests_in(const Step& minor, const Step& major);

}  // namespace annals::scale::detail
