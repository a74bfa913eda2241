#include "scale/calendar.h"

#include <algorithm>
#include <array>

namespace annals::scale::detail {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t b) { return a - floor_div(a, b) * b; }

Ymd civil_from_days(std::int64_t days) {
  const Civil c = civil_from_seconds(days * kDay);
  return {c.year, c.month, c.day};
}

Seconds seconds_from_ymd(std::int64_t year, int month, int day) {
  return days_from_civil(year, month, day) * kDay;
}

std::span<const Step> step_table() {
  static constexpr std::array kSteps = {
      Step{Unit::second, 1},  Step{Unit::second, 5},  Step{Unit::second, 15}, Step{Unit::second, 30},
      Step{Unit::minute, 1},  Step{Unit::minute, 5},  Step{Unit::minute, 15}, Step{Unit::minute, 30},
      Step{Unit::hour, 1},    Step{Unit::hour, 3},    Step{Unit::hour, 6},    Step{Unit::hour, 12},
      Step{Unit::day, 1},     Step{Unit::day, 2},     Step{Unit::week, 1},    Step{Unit::month, 1},
      Step{Unit::month, 3},   Step{Unit::month, 6},   Step{Unit::year, 1},    Step{Unit::year, 2},
      Step{Unit::year, 5},    Step{Unit::year, 10},   Step{Unit::year, 20},   Step{Unit::year, 25},
      Step{Unit::year, 50},   Step{Unit::year, 100},  Step{Unit::year, 200},  Step{Unit::year, 250},
      Step{Unit::year, 500},  Step{Unit::year, 1000}, Step{Unit::year, 2000}, Step{Unit::year, 5000},
  };
  return kSteps;
}

namespace {

constexpr double kSecondsPerYear = 365.2425 * 86400;

// Steps of a fixed length counted from an origin: seconds to weeks, and single days.
bool is_fixed(const Step& s) {
  return s.unit == Unit::second || s.unit == Unit::minute || s.unit == Unit::hour || s.unit == Unit::week ||
         (s.unit == Unit::day && s.count == 1);
}

Seconds fixed_length(const Step& s) {
  switch (s.unit) {
    case Unit::second: return s.count;
    case Unit::minute: return s.count * kMinute;
    case Unit::hour: return s.count * kHour;
    case Unit::day: return s.count * kDay;
    default: return kWeek;
  }
}

// 1970-01-05 was a Monday: weeks start there.
Seconds fixed_origin(const Step& s) { return s.unit == Unit::week ? 4 * kDay : 0; }

// Two-day steps within a month: day 1, 1 + n, …, while the next month's first is at least n days on.
bool is_month_day_boundary(std::int64_t year, int month, int day, int n) {
  return (day - 1) % n == 0 && day + n <= days_in_month(year, month) + 1;
}

Seconds floor_month_day(Seconds t, int n) {
  const Ymd d = civil_from_days(floor_div(t, kDay));
  int day = d.day;
  while (!is_month_day_boundary(d.year, d.month, day, n)) --day;
  return seconds_from_ymd(d.year, d.month, day);
}

Seconds next_month_day(Seconds t, int n) {
  const Ymd d = civil_from_days(floor_div(floor_month_day(t, n), kDay));
  if (is_month_day_boundary(d.year, d.month, d.day + n, n)) return seconds_from_ymd(d.year, d.month, d.day + n);
  return d.month == 12 ? seconds_from_ymd(d.year + 1, 1, 1) : seconds_from_ymd(d.year, d.month + 1, 1);
}

Seconds month_start(std::int64_t month_index) {
  return seconds_from_ymd(floor_div(month_index, 12), static_cast<int>(floor_mod(month_index, 12)) + 1, 1);
}

std::int64_t month_index_of(Seconds t) {
  const Ymd d = civil_from_days(floor_div(t, kDay));
  return d.year * 12 + d.month - 1;
}

bool is_year_boundary(std::int64_t year, int n) {
  return year >= 1 ? year % n == 0 : (1 - year) % n == 0;
}

// The last round year ≤ `year` (BCE years counted historically).
std::int64_t floor_year(std::int64_t year, int n) {
  if (year >= 1 && floor_div(year, n) * n >= 1) return floor_div(year, n) * n;
  const std::int64_t historical = 1 - std::min<std::int64_t>(year, 0);
  return 1 - (historical + n - 1) / n * n;
}

// The first round year > `year`.
std::int64_t next_year(std::int64_t year, int n) {
  if (year < 0) {
    const std::int64_t below = (1 - year - 1) / n * n;  // largest multiple of n under the historical year
    if (below >= 1) return 1 - below;
  }
  return (std::max<std::int64_t>(year, 0) / n + 1) * n;
}

}  // namespace

double nominal_seconds(const Step& s) {
  if (s.unit == Unit::month) return s.count * kSecondsPerYear / 12;
  if (s.unit == Unit::year) return s.count * kSecondsPerYear;
  return static_cast<double>(is_fixed(s) ? fixed_length(s) : s.count * kDay);
}

Seconds floor_to(Seconds t, const Step& s) {
  if (is_fixed(s)) return t - floor_mod(t - fixed_origin(s), fixed_length(s));
  if (s.unit == Unit::day) return floor_month_day(t, s.count);
  if (s.unit == Unit::month) {
    const std::int64_t m = month_index_of(t);
    return month_start(m - floor_mod(m, s.count));
  }
  return seconds_from_ymd(floor_year(civil_from_days(floor_div(t, kDay)).year, s.count), 1, 1);
}

Seconds next_after(Seconds t, const Step& s) {
  if (is_fixed(s)) return floor_to(t, s) + fixed_length(s);
  if (s.unit == Unit::day) return next_month_day(t, s.count);
  if (s.unit == Unit::month) {
    const std::int64_t m = month_index_of(t);
    return month_start(m - floor_mod(m, s.count) + s.count);
  }
  const std::int64_t y = civil_from_days(floor_div(t, kDay)).year;
  return seconds_from_ymd(next_year(is_year_boundary(y, s.count) ? y : floor_year(y, s.count), s.count), 1, 1);
}

bool nests_in(const Step& minor, const Step& major) {
  if (is_fixed(minor) && is_fixed(major)) {
    return fixed_length(major) % fixed_length(minor) == 0 &&
           floor_mod(fixed_origin(major) - fixed_origin(minor), fixed_length(minor)) == 0;
  }
  if (major.unit == Unit::week || is_fixed(major)) return false;
  // Month and year boundaries are midnights on the first of a month.
  if (is_fixed(minor)) return fixed_length(minor) <= kDay;
  if (minor.unit == Unit::day) return major.unit != Unit::day;
  if (minor.unit == Unit::month) return major.unit == Unit::year || major.count % minor.count == 0;
  return major.unit == Unit::year && major.count % minor.count == 0;
}

}  // namespace annals::scale::detail
