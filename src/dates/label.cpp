// Dates in the reader's terms: historical years ("490 BCE"), our own month
// names (never the locale's, so output does not depend on the machine), and
// spans that say the shared year or era once.
#include <optional>

#include <fmt/format.h>

#include "dates/date.h"
#include "dates/detail.h"

namespace annals::dates {

namespace {

constexpr std::string_view kDash = "\xE2\x80\x93";  // en dash, the typographic range mark

std::string ordinal(std::int64_t n) {
  const std::int64_t tens = n % 100;
  const std::int64_t ones = n % 10;
  std::string_view suffix = "th";
  if (tens < 11 || tens > 13) {
    if (ones == 1) suffix = "st";
    if (ones == 2) suffix = "nd";
    if (ones == 3) suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

std::int64_t first_year(const Date& d) { return civil_from_seconds(d.begin).year; }
std::int64_t last_year(const Date& d) { return civil_from_seconds(d.end - 1).year; }

bool is_bce(const Date& d) { return !d.present && first_year(d) <= 0; }

bool is_qualified(const Date& d) { return d.approximate || d.uncertain; }

// "1960s", "490s BCE"; also "1900s" for 19XX.
std::string hundreds_or_tens(const Date& d, bool mark_ce) {
  if (first_year(d) > 0) return fmt::format("{}s{}", first_year(d), mark_ce ? " CE" : "");
  return fmt::format("{}s BCE", 1 - last_year(d));
}

std::string century_text(const Date& d, bool mark_ce) {
  if (d.unspecified_digits == 2) return hundreds_or_tens(d, mark_ce);
  if (first_year(d) > 0)
    return fmt::format("{} century{}", ordinal(last_year(d) / 100), mark_ce ? " CE" : "");
  return fmt::format("{} century BCE", ordinal((1 - first_year(d)) / 100));
}

std::string clock_text(const Civil& c, bool has_seconds) {
  if (has_seconds) return fmt::format("{:02}:{:02}:{:02}", c.hour, c.minute, c.second);
  return fmt::format("{:02}:{:02}", c.hour, c.minute);
}

// The label without qualifiers. `mark_ce` writes " CE" after a CE year, for the
// end of a span that starts BCE.
std::string core(const Date& d, bool mark_ce) {
  if (d.present) return "present";
  const Civil c = civil_from_seconds(d.begin);
  const bool after_month =
      d.precision == Precision::time || d.precision == Precision::day || d.precision == Precision::month;
  std::string year = after_month ? year_in_date_label(c.year) : detail::year_text(c.year);
  if (mark_ce && c.year > 0 && !year.ends_with(" CE")) year += " CE";
  switch (d.precision) {
    case Precision::time:
      return fmt::format("{} {} {} {}", c.day, month_abbrev(c.month), year,
                         clock_text(c, d.has_seconds));
    case Precision::day: return fmt::format("{} {} {}", c.day, month_abbrev(c.month), year);
    case Precision::month: return fmt::format("{} {}", month_abbrev(c.month), year);
    case Precision::year: return year;
    case Precision::decade: return hundreds_or_tens(d, mark_ce);
    case Precision::century: return century_text(d, mark_ce);
  }
  return year;
}

std::string decorate(std::string text, const Date& d) {
  if (d.approximate) text = "c. " + text;
  if (d.uncertain) text += "?";
  return text;
}

std::string strip_bce(std::string text) {
  constexpr std::string_view kBce = " BCE";
  if (text.ends_with(kBce)) text.resize(text.size() - kBce.size());
  return text;
}

// Spans inside one year, month or day say it once: "Mar–Oct 2018", "2–9 Mar 2022".
std::optional<std::string> compact_within(const Date& start, const Date& end) {
  const Civil a = civil_from_seconds(start.begin);
  const Civil b = civil_from_seconds(end.begin);
  const std::string year = year_in_date_label(a.year);
  if (a.year != b.year) return std::nullopt;
  switch (start.precision) {
    case Precision::month:
      return fmt::format("{}{}{} {}", month_abbrev(a.month), kDash, month_abbrev(b.month), year);
    case Precision::day:
      if (a.month == b.month)
        return fmt::format("{}{}{} {} {}", a.day, kDash, b.day, month_abbrev(a.month), year);
      return fmt::format("{} {}{}{} {} {}", a.day, month_abbrev(a.month), kDash, b.day,
                         month_abbrev(b.month), year);
    case Precision::time:
      if (a.month == b.month && a.day == b.day)
        return fmt::format("{}{}{}", core(start, false), kDash, clock_text(b, end.has_seconds));
      // A spaced dash, so "11:00 – 7 Mar" does not read as a range of hours "11:00–7".
      return fmt::format("{} {} {} {} {}", core(start, false), kDash, b.day, month_abbrev(b.month),
                         clock_text(b, end.has_seconds));
    default: return std::nullopt;
  }
}

std::optional<std::string> compact_span(const Date& start, const Date& end) {
  if (is_qualified(start) || is_qualified(end) || start.present || end.present) return std::nullopt;
  if (start.precision != end.precision) return std::nullopt;
  const bool whole_years =
      start.precision == Precision::year || start.precision == Precision::decade;
  if (whole_years) {
    if (!is_bce(start) || !is_bce(end)) return std::nullopt;
    return fmt::format("{}{}{}", strip_bce(core(start, false)), kDash, core(end, false));
  }
  return compact_within(start, end);
}

}  // namespace

std::string_view month_name(int month) {
  if (month < 1 || month > 12) return "";
  return detail::kMonthNames[static_cast<std::size_t>(month - 1)];
}

std::string_view month_abbrev(int month) {
  if (month < 1 || month > 12) return "";
  return detail::kMonthAbbrev[static_cast<std::size_t>(month - 1)];
}

std::string year_label(std::int64_t astronomical_year) {
  return detail::year_text(astronomical_year);
}

std::string year_in_date_label(std::int64_t astronomical_year) {
  std::string text = detail::year_text(astronomical_year);
  if (astronomical_year >= 1 && astronomical_year < 100) text += " CE";
  return text;
}

std::string label(const Date& d) { return decorate(core(d, false), d); }

std::string span_label(const Date& start, const Date& end) {
  const std::string first = label(start);
  if (end.present) return fmt::format("{}{}present", first, kDash);
  const std::string last = label(end);
  if (first == last) return first;
  if (auto compact = compact_span(start, end)) return *compact;
  const bool crossing = is_bce(start) && !is_bce(end);
  return fmt::format("{}{}{}", first, kDash, decorate(core(end, crossing), end));
}

}  // namespace annals::dates
