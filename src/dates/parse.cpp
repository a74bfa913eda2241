// Reading dates as people write them (FORMAT.md §1.2). The text is peeled
// from the outside in: qualifiers ("c.", "?"), then the era ("BCE", "AD"),
// then one of the base forms. Every piece keeps its byte offset so an error
// can point at the culprit.
#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "dates/date.h"
#include "dates/detail.h"

namespace annals::dates {

namespace {

using detail::Offsets;
using detail::Written;

constexpr std::string_view kExpected =
    "expected forms like 1879, 1996-12, 1996-12-17, \"Oct 2018\", \"490 BCE\", \"1960s\", "
    "\"c. 1964\"";
constexpr std::string_view kEnDash = "\xE2\x80\x93";

// A slice of the original text and where it starts in it.
struct Piece {
  std::string_view s;
  std::size_t at = 0;
};

enum class Era { none, bce, ce };

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}
bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}
bool iends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && iequals(s.substr(s.size() - suffix.size()), suffix);
}

Piece drop_front(Piece p, std::size_t n) { return {p.s.substr(n), p.at + n}; }
Piece drop_back(Piece p, std::size_t n) { return {p.s.substr(0, p.s.size() - n), p.at}; }
Piece slice(Piece p, std::size_t from, std::size_t to) {
  return {p.s.substr(from, to - from), p.at + from};
}

Piece trim(Piece p) {
  while (!p.s.empty() && is_space(p.s.front())) p = drop_front(p, 1);
  while (!p.s.empty() && is_space(p.s.back())) p = drop_back(p, 1);
  return p;
}

std::size_t digits_end(std::string_view s, std::size_t from) {
  while (from < s.size() && is_digit(s[from])) ++from;
  return from;
}

// Saturates far above any supported year so huge inputs report "outside the range".
std::int64_t to_number(std::string_view digits) {
  constexpr std::int64_t kCap = 1'000'000'000'000'000;
  std::int64_t v = 0;
  for (const char c : digits) v = std::min(kCap, v * 10 + (c - '0'));
  return v;
}
int to_field(std::string_view digits) {
  return static_cast<int>(std::min<std::int64_t>(to_number(digits), 999'999'999));
}

// The whole text, for messages that quote it.
struct Source {
  Piece whole;
  ParseError unreadable() const {
    return {fmt::format("could not read '{}' as a date; {}", whole.s, kExpected), whole.at};
  }
  ParseError span() const {
    return {fmt::format("'{}' looks like a span; write it as a start and an end", whole.s),
            whole.at};
  }
};

struct Qualifiers {
  bool approximate = false;
  bool uncertain = false;
};

Piece strip_prefix_qualifier(Piece p, Qualifiers& q) {
  struct Prefix {
    std::string_view word;
    bool needs_space;  // "c 1964" but not "century"-like words glued to it
  };
  static constexpr Prefix kPrefixes[] = {{"circa", true}, {"approx.", false}, {"ca.", false},
                                         {"ca", true},    {"c.", false},      {"c", true},
                                         {"~", false}};
  for (const Prefix& prefix : kPrefixes) {
    if (!istarts_with(p.s, prefix.word)) continue;
    const std::string_view rest = p.s.substr(prefix.word.size());
    if (prefix.needs_space && (rest.empty() || !is_space(rest.front()))) continue;
    q.approximate = true;
    return trim(drop_front(p, prefix.word.size()));
  }
  return p;
}

// EDTF qualifiers at the end: "~" approximate, "?" uncertain, "%" both.
Piece strip_suffix_qualifiers(Piece p, Qualifiers& q) {
  while (!p.s.empty()) {
    const char c = p.s.back();
    if (c == '~')
      q.approximate = true;
    else if (c == '?')
      q.uncertain = true;
    else if (c == '%')
      q.approximate = q.uncertain = true;
    else
      break;
    p = trim(drop_back(p, 1));
  }
  return p;
}

// "490 BCE", "490BC", "79 CE", "79 A.D.", "AD 79". Returns nullopt when the era
// is written twice.
std::optional<Era> strip_era(Piece& p) {
  struct Mark {
    std::string_view word;
    Era era;
  };
  static constexpr Mark kSuffixes[] = {{"b.c.e.", Era::bce}, {"bce", Era::bce}, {"b.c.", Era::bce},
                                       {"b.c", Era::bce},    {"bc", Era::bce},  {"c.e.", Era::ce},
                                       {"ce", Era::ce},      {"a.d.", Era::ce}, {"ad", Era::ce}};
  static constexpr std::string_view kPrefixes[] = {"a.d.", "ad"};
  Era era = Era::none;
  for (const Mark& m : kSuffixes) {
    if (!iends_with(p.s, m.word) || p.s.size() == m.word.size()) continue;
    const char before = p.s[p.s.size() - m.word.size() - 1];
    if (!is_space(before) && !is_digit(before)) continue;
    p = trim(drop_back(p, m.word.size()));
    era = m.era;
    break;
  }
  for (const std::string_view prefix : kPrefixes) {
    if (!istarts_with(p.s, prefix) || p.s.size() == prefix.size()) continue;
    const char after = p.s[prefix.size()];
    if (!is_space(after) && !is_digit(after)) continue;
    if (era != Era::none) return std::nullopt;
    p = trim(drop_front(p, prefix.size()));
    era = Era::ce;
    break;
  }
  return era;
}

// The historical year of `digits` in `era`, or why it cannot be one.
std::variant<std::int64_t, ParseError> era_year(Piece digits, bool negative, Era era) {
  if (negative && era != Era::none)
    return ParseError{"a negative year is already BCE; write either -490 or 490 BCE", digits.at};
  const std::int64_t v = to_number(digits.s);
  return (negative || era == Era::bce) ? -v : v;
}

// A block of whole historical years lo..hi (counted upwards as written: the
// 1960s are 1960..1969, the 490s BCE are 499..490 BCE).
DateResult years_block(std::int64_t lo, std::int64_t hi, Era era, Precision p, int unspecified,
                       std::size_t at) {
  if (lo == 0) return ParseError{"there is no year 0 (1 BCE is followed by 1 CE)", at};
  if (hi > kMaxYear && era != Era::bce)
    return detail::out_of_range(fmt::format("{}", std::max(lo, kMaxYear + 1)), at);
  if (hi > 1 - kMinYear && era == Era::bce)
    return detail::out_of_range(fmt::format("{} BCE", std::max(lo, 2 - kMinYear)), at);
  if (era == Era::bce) return detail::year_block(1 - hi, 1 - lo, p, unspecified);
  return detail::year_block(lo, hi, p, unspecified);
}

// "19th century", "1st century", "5th century BCE".
std::optional<DateResult> parse_century(Piece body, Era era) {
  const std::size_t n_end = digits_end(body.s, 0);
  if (n_end == 0 || n_end + 2 > body.s.size()) return std::nullopt;
  const std::string_view ordinal = body.s.substr(n_end, 2);
  if (!iequals(ordinal, "st") && !iequals(ordinal, "nd") && !iequals(ordinal, "rd") &&
      !iequals(ordinal, "th"))
    return std::nullopt;
  std::size_t i = n_end + 2;
  const std::size_t gap = i;
  while (i < body.s.size() && (is_space(body.s[i]) || body.s[i] == '-')) ++i;
  if (i == gap || !iequals(body.s.substr(i), "century")) return std::nullopt;
  const std::int64_t n = to_number(body.s.substr(0, n_end));
  if (n == 0)
    return ParseError{"there is no 0th century; the 1st century is the years 1 to 100", body.at};
  if (n > 99) {
    return ParseError{fmt::format("the {} century is outside the supported range {}",
                                  body.s.substr(0, n_end + 2), kRangeText),
                      body.at};
  }
  return years_block((n - 1) * 100 + 1, n * 100, era, Precision::century, 0, body.at);
}

// "1960s", "1960's": the ten years from the one written.
std::optional<DateResult> parse_decade(Piece body, Era era) {
  const std::size_t n_end = digits_end(body.s, 0);
  if (n_end == 0) return std::nullopt;
  std::string_view rest = body.s.substr(n_end);
  if (rest.starts_with("'"))
    rest.remove_prefix(1);
  else if (rest.starts_with("\xE2\x80\x99"))
    rest.remove_prefix(3);
  if (!iequals(rest, "s")) return std::nullopt;
  if (body.s[n_end - 1] != '0') {
    return ParseError{"a decade is written with its first year, which ends in 0 (like 1960s)",
                      body.at};
  }
  const std::int64_t lo = to_number(body.s.substr(0, n_end));
  return years_block(lo, lo + 9, era, Precision::decade, 0, body.at);
}

// EDTF unspecified digits: "196X" is the 1960s, "19XX" the years 1900-1999.
std::optional<DateResult> parse_unspecified(Piece body, Era era) {
  const std::size_t n_end = digits_end(body.s, 0);
  std::size_t x_end = n_end;
  while (x_end < body.s.size() && lower(body.s[x_end]) == 'x') ++x_end;
  if (x_end == n_end || x_end != body.s.size()) return std::nullopt;
  const std::size_t xs = x_end - n_end;
  if (xs > 2 || n_end == 0) {
    return ParseError{"only the last one or two digits of a year can be unspecified (196X, 19XX)",
                      body.at + n_end};
  }
  const std::int64_t lo = to_number(body.s.substr(0, n_end)) * (xs == 1 ? 10 : 100);
  const std::int64_t hi = lo + (xs == 1 ? 9 : 99);
  const Precision p = xs == 1 ? Precision::decade : Precision::century;
  return years_block(lo, hi, era, p, static_cast<int>(xs), body.at);
}

bool is_unspecified_field(std::string_view s) {
  return s.size() == 2 && lower(s[0]) == 'x' && lower(s[1]) == 'x';
}

// "HH:MM" or "HH:MM:SS", the whole of `text`. A trailing Z names UTC, which
// is what a zone-less timeline means anyway.
bool read_clock(Piece text, Written& w, Offsets& at) {
  std::string_view s = text.s;
  if (!s.empty() && lower(s.back()) == 'z') s.remove_suffix(1);
  const std::size_t h_end = digits_end(s, 0);
  if (h_end == 0 || h_end > 2 || h_end >= s.size() || s[h_end] != ':') return false;
  const std::size_t m_end = digits_end(s, h_end + 1);
  if (m_end != h_end + 3) return false;
  w.hour = to_field(s.substr(0, h_end));
  w.minute = to_field(s.substr(h_end + 1, 2));
  at.hour = text.at;
  at.minute = text.at + h_end + 1;
  if (m_end == s.size()) return true;
  if (s[m_end] != ':' || digits_end(s, m_end + 1) != m_end + 3 || m_end + 3 != s.size())
    return false;
  w.second = to_field(s.substr(m_end + 1, 2));
  w.has_seconds = true;
  at.second = text.at + m_end + 1;
  return true;
}

// A cursor over the ISO forms: -?YYYY[-MM[-DD[THH:MM[:SS]]]], with XX for an
// unspecified month or day.
class IsoReader {
 public:
  IsoReader(Piece body, Era era, const Source& src) : p_(body), era_(era), src_(src) {}

  DateResult read() {
    const bool negative = peek() == '-';
    if (negative) ++i_;
    const Piece year = take_digits();
    if (year.s.empty()) return src_.unreadable();
    auto y = era_year(year, negative, era_);
    if (auto* e = std::get_if<ParseError>(&y)) return *e;
    w_.year = std::get<std::int64_t>(y);
    // ISO 8601 writes a year in four digits with astronomical numbering, as
    // the layout dump does (-0489 = 490 BCE), so the dump's dates read back.
    // A shorter negative year is the historical one ("-490" = 490 BCE), as
    // an integer is; a longer one is outside the range either way.
    if (negative && year.s.size() == 4) w_.year -= 1;
    at_.year = negative ? year.at - 1 : year.at;
    if (done()) return detail::build(w_, at_);
    return read_month();
  }

 private:
  DateResult read_month() {
    if (!eat('-')) return src_.unreadable();
    if (eat_unspecified()) return done() ? detail::build(w_, at_) : src_.unreadable();
    const Piece month = take_digits();
    if (month.s.empty()) return src_.unreadable();
    if (month.s.size() >= 3) return src_.span();
    w_.month = to_field(month.s);
    at_.month = month.at;
    if (done()) return detail::build(w_, at_);
    return read_day();
  }

  DateResult read_day() {
    if (!eat('-')) return src_.unreadable();
    if (eat_unspecified()) return done() ? detail::build(w_, at_) : src_.unreadable();
    const Piece day = take_digits();
    if (day.s.empty() || day.s.size() > 2) return src_.unreadable();
    w_.day = to_field(day.s);
    at_.day = day.at;
    if (done()) return detail::build(w_, at_);
    return read_time();
  }

  DateResult read_time() {
    if (!eat('T') && !eat('t') && !eat(' ')) return src_.unreadable();
    if (!read_clock(slice(p_, i_, p_.s.size()), w_, at_)) return src_.unreadable();
    return detail::build(w_, at_);
  }

  char peek() const { return i_ < p_.s.size() ? p_.s[i_] : '\0'; }
  bool done() const { return i_ == p_.s.size(); }
  bool eat(char c) {
    if (peek() != c || done()) return false;
    ++i_;
    return true;
  }
  bool eat_unspecified() {
    if (!is_unspecified_field(p_.s.substr(i_, 2))) return false;
    i_ += 2;
    return true;
  }
  Piece take_digits() {
    const std::size_t from = i_;
    i_ = digits_end(p_.s, i_);
    return slice(p_, from, i_);
  }

  Piece p_;
  Era era_;
  const Source& src_;
  std::size_t i_ = 0;
  Written w_;
  Offsets at_;
};

// Words and numbers of the month-name forms ("2 March 2022", "March 2, 2022").
struct Token {
  enum Kind { number, ordinal, word } kind;
  Piece text;  // for an ordinal, the digits only
};

std::optional<std::vector<Token>> tokenize(Piece body) {
  std::vector<Token> out;
  std::size_t i = 0;
  const std::string_view s = body.s;
  while (i < s.size()) {
    if (is_space(s[i]) || s[i] == ',' || s[i] == '.' || s[i] == '/' || s[i] == '-') {
      ++i;
      continue;
    }
    const std::size_t from = i;
    if (is_digit(s[i])) {
      i = digits_end(s, i);
      const std::size_t n_end = i;
      while (i < s.size() && is_alpha(s[i])) ++i;
      const std::string_view suffix = s.substr(n_end, i - n_end);
      if (suffix.empty()) {
        out.push_back({Token::number, slice(body, from, n_end)});
      } else if (iequals(suffix, "st") || iequals(suffix, "nd") || iequals(suffix, "rd") ||
                 iequals(suffix, "th")) {
        out.push_back({Token::ordinal, slice(body, from, n_end)});
      } else {
        return std::nullopt;
      }
    } else if (is_alpha(s[i])) {
      while (i < s.size() && is_alpha(s[i])) ++i;
      out.push_back({Token::word, slice(body, from, i)});
    } else {
      return std::nullopt;
    }
  }
  return out;
}

int month_number(std::string_view word) {
  for (std::size_t m = 0; m < 12; ++m) {
    if (iequals(word, detail::kMonthNames[m]) || iequals(word, detail::kMonthAbbrev[m]))
      return static_cast<int>(m + 1);
  }
  return iequals(word, "sept") ? 9 : 0;
}

bool is_day(const Token& t) { return t.kind == Token::number || t.kind == Token::ordinal; }

// Splits "20:17" or "20:17:40" off the end of "20 Jul 1969 20:17".
std::optional<Piece> take_clock(Piece& body) {
  const std::size_t space = body.s.find_last_of(" \t");
  if (space == std::string_view::npos) return std::nullopt;
  const Piece clock = drop_front(body, space + 1);
  if (clock.s.find(':') == std::string_view::npos) return std::nullopt;
  body = trim(slice(body, 0, space));
  return clock;
}

DateResult parse_month_name(Piece body, Era era, const Source& src) {
  const std::optional<Piece> clock = take_clock(body);
  // Labels write the era before the clock ("24 Aug 79 CE 13:00"), and read back.
  if (clock && era == Era::none) {
    const std::optional<Era> before_clock = strip_era(body);
    if (!before_clock) return src.unreadable();
    era = *before_clock;
  }
  const auto tokens = tokenize(body);
  if (!tokens) return src.unreadable();
  const std::vector<Token>& t = *tokens;
  const Token* month = nullptr;
  const Token* day = nullptr;
  const Token* year = nullptr;
  if (t.size() == 2 && t[0].kind == Token::word && t[1].kind == Token::number) {
    month = &t[0], year = &t[1];
  } else if (t.size() == 3 && is_day(t[0]) && t[1].kind == Token::word &&
             t[2].kind == Token::number) {
    day = &t[0], month = &t[1], year = &t[2];
  } else if (t.size() == 3 && t[0].kind == Token::word && is_day(t[1]) &&
             t[2].kind == Token::number) {
    month = &t[0], day = &t[1], year = &t[2];
  } else {
    return src.unreadable();
  }
  Written w;
  Offsets at;
  w.month = month_number(month->text.s);
  if (*w.month == 0)
    return ParseError{fmt::format("'{}' is not a month name", month->text.s), month->text.at};
  at.month = month->text.at;
  auto y = era_year(year->text, false, era);
  if (auto* e = std::get_if<ParseError>(&y)) return *e;
  w.year = std::get<std::int64_t>(y);
  at.year = year->text.at;
  if (day) {
    w.day = to_field(day->text.s);
    at.day = day->text.at;
  }
  if (clock && (!day || !read_clock(*clock, w, at))) return src.unreadable();
  return detail::build(w, at);
}

// "1879 - 1883", "1879–1883", "1879 to 1883": two dates where one is expected.
bool looks_like_span(std::string_view s) {
  static constexpr std::string_view kMarks[] = {kEnDash, "\xE2\x80\x94", " - ", "--",
                                                " to ",  " TO ",         " To "};
  return std::any_of(std::begin(kMarks), std::end(kMarks),
                     [&](std::string_view mark) { return s.find(mark) != std::string_view::npos; });
}

bool has_month_letters(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return is_alpha(c) && lower(c) != 't' && lower(c) != 'z' && lower(c) != 'x';
  });
}

DateResult parse_body(Piece body, Era era, const Source& src) {
  if (body.s.empty()) return src.unreadable();
  if (auto d = parse_century(body, era)) return *d;
  if (auto d = parse_unspecified(body, era)) return *d;
  if (auto d = parse_decade(body, era)) return *d;
  if (looks_like_span(body.s)) return src.span();
  if (has_month_letters(body.s)) return parse_month_name(body, era, src);
  if (!is_digit(body.s.front()) && body.s.front() != '-') return src.unreadable();
  return IsoReader(body, era, src).read();
}

DateResult parse_present(const Source& src, const Qualifiers& q) {
  if (q.approximate || q.uncertain)
    return ParseError{"'present' cannot be approximate or uncertain", src.whole.at};
  Date d;
  d.precision = Precision::day;
  d.present = true;
  return d;
}

}  // namespace

DateResult parse(std::string_view text) {
  const Source src{trim(Piece{text, 0})};
  if (src.whole.s.empty()) return ParseError{fmt::format("the date is empty; {}", kExpected), 0};
  Qualifiers q;
  Piece body = strip_suffix_qualifiers(strip_prefix_qualifier(src.whole, q), q);
  if (iequals(body.s, "present") || iequals(body.s, "now")) return parse_present(src, q);
  const std::optional<Era> era = strip_era(body);
  if (!era) return src.unreadable();
  DateResult r = parse_body(body, *era, src);
  if (auto* d = std::get_if<Date>(&r)) {
    d->approximate = q.approximate;
    d->uncertain = q.uncertain;
  }
  return r;
}

}  // namespace annals::dates
