// Dates in the reader's terms and language: historical years ("490 BCE",
// "490 a. C."), the chart's own month names (never the machine's locale), and
// spans that say the shared year or era once.
#include <optional>

#include <fmt/format.h>

#include "dates/date.h"
#include "dates/detail.h"
#include "dates/locale.h"

namespace annals::dates {

namespace {

constexpr std::string_view kDash = "\xE2\x80\x93";  // en dash, the typographic range mark

const Locale& english() {
  static const Locale kEnglish;  // immutable: the built-in default, as FORMAT.md writes it
  return kEnglish;
}

std::int64_t first_year(const Date& d) { return civil_from_seconds(d.begin).year; }
std::int64_t last_year(const Date& d) { return civil_from_seconds(d.end - 1).year; }

bool is_bce(const Date& d) { return !d.present && first_year(d) <= 0; }

bool is_qualified(const Date& d) { return d.approximate || d.uncertain; }

std::string with_era(std::string text, std::string_view era) { return fmt::format("{} {}", text, era); }

std::string year_text(std::int64_t y, const Locale& L) {
  if (y > 0) return fmt::format("{}", y);
  return with_era(fmt::format("{}", 1 - y), L.bce);
}

std::string year_in_date(std::int64_t y, const Locale& L) {
  std::string text = year_text(y, L);
  if (y >= 1 && y < 100) text = with_era(text, L.ce);
  return text;
}

// "1960s", "490s BCE", "década de 1960"; also "1900s" for 19XX.
std::string decade_text(std::int64_t first, std::int64_t last, const Locale& L, bool mark_ce) {
  if (first > 0) {
    std::string s = apply_phrase(L.decade, fmt::format("{}", first));
    return mark_ce ? with_era(s, L.ce) : s;
  }
  return with_era(apply_phrase(L.decade, fmt::format("{}", 1 - last)), L.bce);
}

std::string hundreds_text(const Date& d, const Locale& L, bool mark_ce) {
  const std::int64_t a = first_year(d), b = last_year(d);
  if (!L.hundreds.empty()) {
    if (a > 0) {
      std::string s = apply_phrase(L.hundreds, fmt::format("{}", a));
      return mark_ce ? with_era(s, L.ce) : s;
    }
    return with_era(apply_phrase(L.hundreds, fmt::format("{}", 1 - b)), L.bce);
  }
  if (a > 0) return fmt::format("{}{}{}{}", a, kDash, b, mark_ce ? " " + L.ce : "");
  return with_era(fmt::format("{}{}{}", 1 - a, kDash, 1 - b), L.bce);
}

std::string century_number(std::int64_t n, const Locale& L) {
  std::string phrase = L.century;
  const auto at = static_cast<std::size_t>(n - 1);
  const bool known = n >= 1 && n <= 100;
  if (auto p = phrase.find("{O}"); p != std::string::npos)
    phrase.replace(p, 3, known && !L.ordinals[at].empty() ? L.ordinals[at] : detail::english_ordinal(n));
  if (auto p = phrase.find("{R}"); p != std::string::npos)
    phrase.replace(p, 3, known && !L.romans[at].empty() ? L.romans[at] : fmt::format("{}", n));
  if (auto p = phrase.find("{RS}"); p != std::string::npos) phrase.replace(p, 4, roman_ordinal(L, static_cast<int>(n)));
  return phrase;
}

std::string century_text(const Date& d, const Locale& L, bool mark_ce) {
  if (d.unspecified_digits == 2) return hundreds_text(d, L, mark_ce);
  if (first_year(d) > 0) {
    std::string s = century_number(last_year(d) / 100, L);
    return mark_ce ? with_era(s, L.ce) : s;
  }
  return with_era(century_number((1 - first_year(d)) / 100, L), L.bce);
}

std::string clock_text(const Civil& c, bool has_seconds) {
  if (has_seconds) return fmt::format("{:02}:{:02}:{:02}", c.hour, c.minute, c.second);
  return fmt::format("{:02}:{:02}", c.hour, c.minute);
}

std::string day_text(const Civil& c, std::string_view year, const Locale& L) {
  return fill_pattern(L.day_pattern, L, fmt::format("{}", c.day), c.month, year);
}

std::string month_text(const Civil& c, std::string_view year, const Locale& L) {
  return fill_pattern(L.month_pattern, L, "", c.month, year);
}

// The label without qualifiers. `mark_ce` writes the CE era after a CE year,
// for the end of a span that starts BCE.
std::string core(const Date& d, const Locale& L, bool mark_ce) {
  if (d.present) return L.present;
  const Civil c = civil_from_seconds(d.begin);
  const bool after_month =
      d.precision == Precision::time || d.precision == Precision::day || d.precision == Precision::month;
  std::string year = after_month ? year_in_date(c.year, L) : year_text(c.year, L);
  if (mark_ce && c.year > 0 && !year.ends_with(" " + L.ce)) year = with_era(year, L.ce);
  switch (d.precision) {
    case Precision::time: return fmt::format("{} {}", day_text(c, year, L), clock_text(c, d.has_seconds));
    case Precision::day: return day_text(c, year, L);
    case Precision::month: return month_text(c, year, L);
    case Precision::year: return year;
    case Precision::decade: return decade_text(first_year(d), last_year(d), L, mark_ce);
    case Precision::century: return century_text(d, L, mark_ce);
  }
  return year;
}

std::string decorate(std::string text, const Date& d, const Locale& L) {
  if (d.approximate) text = apply_phrase(L.approximate, text);
  if (d.uncertain) text += "?";
  return text;
}

std::string strip_bce(std::string text, const Locale& L) {
  const std::string bce = " " + L.bce;
  if (text.ends_with(bce)) text.resize(text.size() - bce.size());
  return text;
}

// Spans inside one year, month or day say it once: "Mar–Oct 2018", "2–9 Mar 2022".
std::optional<std::string> compact_within(const Date& start, const Date& end, const Locale& L) {
  const Civil a = civil_from_seconds(start.begin);
  const Civil b = civil_from_seconds(end.begin);
  const std::string year = year_in_date(a.year, L);
  if (a.year != b.year) return std::nullopt;
  const auto m = [&](int month) { return L.months_abbrev[static_cast<std::size_t>(month - 1)]; };
  switch (start.precision) {
    case Precision::month: {
      // The month pattern with a range of months where its month stands.
      const std::string range = fmt::format("{}{}{}", m(a.month), kDash, m(b.month));
      std::string p = L.month_pattern;
      const auto at = p.find("MMM");
      if (at == std::string::npos) return std::nullopt;
      std::size_t len = 3;
      while (at + len < p.size() && p[at + len] == 'M') ++len;
      p.replace(at, len, "'" + range + "'");
      return fill_pattern(p, L, "", a.month, year);
    }
    case Precision::day:
      if (a.month == b.month)
        return fill_pattern(L.day_pattern, L, fmt::format("{}{}{}", a.day, kDash, b.day), a.month, year);
      return fmt::format("{}{}{}", fill_pattern(L.day_month_pattern, L, fmt::format("{}", a.day), a.month, ""),
                         kDash, day_text(b, year, L));
    case Precision::time:
      if (a.month == b.month && a.day == b.day)
        return fmt::format("{}{}{}", core(start, L, false), kDash, clock_text(b, end.has_seconds));
      // A spaced dash, so "11:00 – 7 Mar" does not read as a range of hours "11:00–7".
      return fmt::format("{} {} {} {}", core(start, L, false), kDash,
                         fill_pattern(L.day_month_pattern, L, fmt::format("{}", b.day), b.month, ""),
                         clock_text(b, end.has_seconds));
    default: return std::nullopt;
  }
}

std::optional<std::string> compact_span(const Date& start, const Date& end, const Locale& L) {
  if (is_qualified(start) || is_qualified(end) || start.present || end.present) return std::nullopt;
  if (start.precision != end.precision) return std::nullopt;
  const bool whole_years =
      start.precision == Precision::year || start.precision == Precision::decade;
  if (whole_years) {
    if (!is_bce(start) || !is_bce(end)) return std::nullopt;
    return fmt::format("{}{}{}", strip_bce(core(start, L, false), L), kDash, core(end, L, false));
  }
  return compact_within(start, end, L);
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

std::string year_label(std::int64_t astronomical_year) { return year_text(astronomical_year, english()); }
std::string year_label(std::int64_t astronomical_year, const Locale& L) { return year_text(astronomical_year, L); }

std::string year_in_date_label(std::int64_t astronomical_year) { return year_in_date(astronomical_year, english()); }
std::string year_in_date_label(std::int64_t astronomical_year, const Locale& L) {
  return year_in_date(astronomical_year, L);
}

std::string month_label(std::int64_t astronomical_year, int month, const Locale& L) {
  return month_text({astronomical_year, month, 1}, year_in_date(astronomical_year, L), L);
}

std::string day_label(std::int64_t astronomical_year, int month, int day, const Locale& L) {
  return day_text({astronomical_year, month, day}, year_in_date(astronomical_year, L), L);
}

std::string label(const Date& d) { return label(d, english()); }
std::string label(const Date& d, const Locale& L) { return decorate(core(d, L, false), d, L); }

std::string span_label(const Date& start, const Date& end) { return span_label(start, end, english()); }

std::string span_label(const Date& start, const Date& end, const Locale& L) {
  const std::string first = label(start, L);
  if (end.present) return fmt::format("{}{}{}", first, kDash, L.present);
  const std::string last = label(end, L);
  if (first == last) return first;
  if (auto compact = compact_span(start, end, L)) return *compact;
  const bool crossing = is_bce(start) && !is_bce(end);
  return fmt::format("{}{}{}", first, kDash, decorate(core(end, L, crossing), end, L));
}

namespace detail {

std::string english_ordinal(std::int64_t n) {
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

}  // namespace detail

}  // namespace annals::dates
