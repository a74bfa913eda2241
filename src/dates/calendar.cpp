// The proleptic Gregorian calendar, the interval each date denotes, and the
// validated constructors. Years are astronomical here (1 BCE = 0).
#include <optional>

#include <fmt/format.h>

#include "dates/date.h"
#include "dates/detail.h"

namespace annals::dates {

namespace {

// Floor division: civil arithmetic before 1970 must round towards -infinity.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

Seconds start_of_day(std::int64_t year, int month, int day) {
  return days_from_civil(year, month, day) * detail::kSecondsPerDay;
}

ParseError error_at(std::string message, std::size_t offset) {
  return {std::move(message), offset};
}

}  // namespace

std::string_view to_string(Precision p) {
  switch (p) {
    case Precision::time: return "time";
    case Precision::day: return "day";
    case Precision::month: return "month";
    case Precision::year: return "year";
    case Precision::decade: return "decade";
    case Precision::century: return "century";
  }
  return "year";
}

// Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms".
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  const std::int64_t y = month <= 2 ? year - 1 : year;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Civil civil_from_seconds(Seconds s) {
  const std::int64_t days = floor_div(s, detail::kSecondsPerDay);
  const std::int64_t secs = s - days * detail::kSecondsPerDay;
  const std::int64_t z = days + 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  Civil c;
  c.year = yoe + era * 400 + (m <= 2 ? 1 : 0);
  c.month = static_cast<int>(m);
  c.day = static_cast<int>(d);
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  return c;
}

bool is_leap_year(std::int64_t astronomical_year) { return detail::is_leap(astronomical_year); }

int days_in_month(std::int64_t astronomical_year, int month) {
  return detail::days_in_month(astronomical_year, month);
}

Seconds seconds_from_civil(const Civil& c) {
  return start_of_day(c.year, c.month, c.day) + c.hour * 3600 + c.minute * 60 + c.second;
}

std::string iso(Seconds s, bool with_time) {
  const Civil c = civil_from_seconds(s);
  std::string out = c.year < 0 ? fmt::format("-{:04}-{:02}-{:02}", -c.year, c.month, c.day)
                               : fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
  if (with_time) out += fmt::format("T{:02}:{:02}:{:02}", c.hour, c.minute, c.second);
  return out;
}

std::string iso_first(const Date& d) { return iso(d.begin, d.precision == Precision::time); }

std::string iso_last(const Date& d) {
  // A moment is its own last instant; any longer interval ends on its last day.
  if (d.precision == Precision::time) return iso(d.begin, true);
  return iso(d.end - 1, false);
}

Date resolve_present(const Date& d, const Date& now) {
  if (!d.present) return d;
  Date r;
  r.precision = Precision::day;
  r.present = true;
  // The last day of now's interval: with `now = 2010`, a span "to present"
  // covers all of 2010, as `end = 2010` would.
  r.begin = floor_div(now.end - 1, detail::kSecondsPerDay) * detail::kSecondsPerDay;
  r.end = r.begin + detail::kSecondsPerDay;
  return r;
}

Date from_epoch_seconds(std::int64_t unix_seconds) {
  Date d;
  d.precision = Precision::day;
  d.begin = floor_div(unix_seconds, detail::kSecondsPerDay) * detail::kSecondsPerDay;
  d.end = d.begin + detail::kSecondsPerDay;
  return d;
}

DateResult from_year(std::int64_t historical_year) {
  detail::Written w;
  w.year = historical_year;
  return detail::build(w, {});
}

DateResult from_ymd(std::int64_t year, int month, int day) {
  detail::Written w;
  w.year = year;
  w.month = month;
  w.day = day;
  return detail::build(w, {});
}

DateResult from_ymd_hms(std::int64_t year, int month, int day, int hour, int minute, int second,
                        bool has_seconds) {
  detail::Written w;
  w.year = year;
  w.month = month;
  w.day = day;
  w.hour = hour;
  w.minute = minute;
  w.second = second;
  w.has_seconds = has_seconds;
  return detail::build(w, {});
}

namespace detail {

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t y, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(y)) return 29;
  return kDays[static_cast<std::size_t>(month - 1)];
}

std::string year_text(std::int64_t astronomical_year) {
  if (astronomical_year > 0) return fmt::format("{}", astronomical_year);
  return fmt::format("{} BCE", 1 - astronomical_year);
}

bool historical_year_in_range(std::int64_t y) { return y >= -(1 - kMinYear) && y <= kMaxYear; }

ParseError out_of_range(std::string_view written_year, std::size_t offset) {
  return error_at(
      fmt::format("year {} is outside the supported range {}", written_year, kRangeText), offset);
}

namespace {

std::string historical_text(std::int64_t y) {
  // Unsigned, so that the most negative year (any integer may be written) has a magnitude.
  return y < 0 ? fmt::format("{} BCE", 0 - static_cast<std::uint64_t>(y)) : fmt::format("{}", y);
}

std::optional<ParseError> check_year(std::int64_t y, std::size_t at) {
  if (y == 0) return error_at("there is no year 0 (1 BCE is followed by 1 CE)", at);
  if (!historical_year_in_range(y)) return out_of_range(historical_text(y), at);
  return std::nullopt;
}

std::optional<ParseError> check_day(const Written& w, std::int64_t astro, const Offsets& at) {
  if (!w.day || (*w.day >= 1 && *w.day <= days_in_month(astro, *w.month))) return std::nullopt;
  return error_at(
      fmt::format("day {} does not exist in {} {}", *w.day,
                  kMonthNames[static_cast<std::size_t>(*w.month - 1)], historical_text(w.year)),
      at.day);
}

std::optional<ParseError> check_time(const Written& w, const Offsets& at) {
  if (!w.hour) return std::nullopt;
  if (*w.hour < 0 || *w.hour > 23)
    return error_at(fmt::format("hour {} does not exist (hours run from 0 to 23)", *w.hour),
                    at.hour);
  if (w.minute < 0 || w.minute > 59)
    return error_at(fmt::format("minute {} does not exist (minutes run from 0 to 59)", w.minute),
                    at.minute);
  if (w.second < 0 || w.second > 59)
    return error_at(fmt::format("second {} does not exist (seconds run from 0 to 59)", w.second),
                    at.second);
  return std::nullopt;
}

std::optional<ParseError> validate(const Written& w, const Offsets& at) {
  if (auto e = check_year(w.year, at.year)) return e;
  if (!w.month) return std::nullopt;
  if (*w.month < 1 || *w.month > 12)
    return error_at(fmt::format("month {} does not exist", *w.month), at.month);
  const std::int64_t astro = w.year < 0 ? w.year + 1 : w.year;
  if (auto e = check_day(w, astro, at)) return e;
  return check_time(w, at);
}

Date interval_of(const Written& w) {
  const std::int64_t astro = w.year < 0 ? w.year + 1 : w.year;
  Date d;
  if (w.hour) {
    d.precision = Precision::time;
    d.has_seconds = w.has_seconds;
    d.begin = start_of_day(astro, *w.month, *w.day) + *w.hour * 3600 + w.minute * 60 + w.second;
    d.end = d.begin + (w.has_seconds ? 1 : 60);
  } else if (w.day) {
    d.precision = Precision::day;
    d.begin = start_of_day(astro, *w.month, *w.day);
    d.end = d.begin + kSecondsPerDay;
  } else if (w.month) {
    d.precision = Precision::month;
    d.begin = start_of_day(astro, *w.month, 1);
    d.end = *w.month == 12 ? start_of_day(astro + 1, 1, 1) : start_of_day(astro, *w.month + 1, 1);
  } else {
    d.precision = Precision::year;
    d.begin = start_of_day(astro, 1, 1);
    d.end = start_of_day(astro + 1, 1, 1);
  }
  return d;
}

}  // namespace

DateResult build(const Written& w, const Offsets& at) {
  if (auto e = validate(w, at)) return *e;
  return interval_of(w);
}

Date year_block(std::int64_t first, std::int64_t last, Precision p, int unspecified_digits) {
  Date d;
  d.precision = p;
  d.unspecified_digits = unspecified_digits;
  d.begin = start_of_day(first, 1, 1);
  d.end = start_of_day(last + 1, 1, 1);
  return d;
}

}  // namespace detail

}  // namespace annals::dates
