// Dates written in the chart's language (FORMAT.md §5.4): the words of the
// locale ("marzo de 2004", "siglo XIX", "490 a. C.", "década de 1960") are
// turned into the English forms parse() reads, so that every check and
// every message of the English reader applies to them as well.
#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "dates/date.h"
#include "dates/detail.h"
#include "dates/locale.h"

namespace annals::dates {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Folded, with the no-break spaces of CLDR's data as plain spaces.
std::string folded(std::string_view text) {
  std::string s = fold(text);
  for (std::string_view nbsp : {"\xC2\xA0", "\xE2\x80\xAF"})
    for (auto at = s.find(nbsp); at != std::string::npos; at = s.find(nbsp)) s.replace(at, nbsp.size(), " ");
  return s;
}

std::string without_spaces(std::string s) {
  std::erase_if(s, is_space);
  return s;
}

// The phrase's text before and after its placeholder, folded.
std::pair<std::string, std::string> around(std::string_view phrase, std::string_view placeholder) {
  const auto at = phrase.find(placeholder);
  if (at == std::string_view::npos) return {};
  return {folded(phrase.substr(0, at)), folded(phrase.substr(at + placeholder.size()))};
}

// What stands where the phrase's placeholder is, when `s` is the phrase.
std::optional<std::string_view> inside(std::string_view s, const std::pair<std::string, std::string>& p) {
  if (p.first.empty() && p.second.empty()) return std::nullopt;
  if (s.size() < p.first.size() + p.second.size() || !s.starts_with(p.first) || !s.ends_with(p.second))
    return std::nullopt;
  return trim(s.substr(p.first.size(), s.size() - p.first.size() - p.second.size()));
}

// Strips the era written after the date; " BCE", " CE" or "".
std::string take_era(std::string& s, const Locale& L) {
  std::vector<std::pair<std::string, std::string_view>> marks;
  for (const auto& [words, era] : {std::pair{&L.bce_aliases, std::string_view(" BCE")},
                                   std::pair{&L.ce_aliases, std::string_view(" CE")}}) {
    const std::string& main = era == " BCE" ? L.bce : L.ce;
    marks.emplace_back(folded(main), era);
    marks.emplace_back(without_spaces(folded(main)), era);
    for (const auto& w : *words) marks.emplace_back(folded(w), era);
  }
  std::sort(marks.begin(), marks.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [word, era] : marks) {
    if (word.empty() || s.size() <= word.size() || !s.ends_with(word)) continue;
    const char before = s[s.size() - word.size() - 1];
    if (!is_space(before) && !(before >= '0' && before <= '9')) continue;
    s = std::string(trim(std::string_view(s).substr(0, s.size() - word.size())));
    return std::string(era);
  }
  return "";
}

// "década de 1960" -> "1960s".
std::optional<std::string> decade(std::string_view s, const Locale& L) {
  auto middle = inside(s, around(L.decade, "{}"));
  if (!middle && L.language == "de") middle = inside(s, {"", "er jahre"});
  if (middle && all_digits(*middle)) return fmt::format("{}s", *middle);
  return std::nullopt;
}

// "siglo xix", "xixe siècle", "ier siècle", "19e siècle", "19. jahrhundert" -> "19th century".
std::optional<std::string> century(std::string_view s, const Locale& L) {
  if (const auto middle = inside(s, around(L.century, "{RS}"))) {
    for (int i = 1; i <= 100; ++i) {
      const auto at = static_cast<std::size_t>(i - 1);
      for (const std::string& name : {roman_ordinal(L, i), L.ordinals[at], L.romans[at]})
        if (!name.empty() && folded(name) == *middle) return detail::english_ordinal(i) + " century";
    }
  }
  for (std::string_view placeholder : {"{R}", "{O}"}) {
    const auto middle = inside(s, around(L.century, placeholder));
    if (!middle) continue;
    std::string_view n = *middle;
    if (n.ends_with('.')) n.remove_suffix(1);
    if (all_digits(n) && n.size() <= 3) return detail::english_ordinal(std::stoi(std::string(n))) + " century";
    for (int i = 1; i <= 100; ++i) {
      const auto& names = placeholder == "{R}" ? L.romans : L.ordinals;
      const std::string& name = names[static_cast<std::size_t>(i - 1)];
      if (!name.empty() && folded(name) == *middle) return detail::english_ordinal(i) + " century";
    }
  }
  return std::nullopt;
}

int month_of(std::string_view word, const Locale& L) {
  for (const auto& [name, month] : L.month_aliases)
    if (name == word) return month;
  return 0;
}

// "2 de marzo de 2004", "2. märz 2004", "1er mars 2004" -> "2 Mar 2004".
std::optional<std::string> month_form(std::string_view s, const Locale& L) {
  std::vector<std::string> out;
  bool any_month = false;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    std::size_t j = i;
    while (j < s.size() && !is_space(s[j]) && s[j] != ',') ++j;
    if (j == i) break;
    std::string word(s.substr(i, j - i));
    i = j;
    if (!L.particle.empty() && word == L.particle) continue;
    if (std::any_of(L.weekdays.begin(), L.weekdays.end(), [&](const std::string& d) { return folded(d) == word; }))
      continue;
    std::string bare = word;
    if (bare.ends_with('.')) bare.pop_back();
    if (int m = month_of(word, L); m != 0 || (m = month_of(bare, L)) != 0) {
      out.emplace_back(month_abbrev(m));
      any_month = true;
      continue;
    }
    if (bare.ends_with("er") && all_digits(bare.substr(0, bare.size() - 2))) bare.resize(bare.size() - 2);  // 1er
    out.push_back(all_digits(bare) ? bare : word);
  }
  if (!any_month) return std::nullopt;
  std::string joined;
  for (const auto& w : out) joined += (joined.empty() ? "" : " ") + w;
  return joined;
}

// The English form of a date written in `L`'s words, or nothing when it has none of them.
std::optional<std::string> to_english(std::string_view text, const Locale& L) {
  std::string s(trim(folded(text)));
  if (s == folded(L.present) ||
      std::find(L.present_aliases.begin(), L.present_aliases.end(), s) != L.present_aliases.end())
    return std::string("present");
  std::string qualifiers;  // EDTF marks at the end stay as they are
  while (!s.empty() && (s.back() == '?' || s.back() == '~' || s.back() == '%')) {
    qualifiers.insert(qualifiers.begin(), s.back());
    s.pop_back();
    s = std::string(trim(s));
  }
  std::string prefix;
  std::vector<std::string> approx = L.approximate_aliases;
  approx.push_back(around(L.approximate, "{}").first);
  std::sort(approx.begin(), approx.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  for (const auto& a0 : approx) {
    const std::string a(trim(a0));
    if (a.empty() || !s.starts_with(a) || s.size() == a.size()) continue;
    if (!a.ends_with('.') && !is_space(s[a.size()])) continue;
    s = std::string(trim(std::string_view(s).substr(a.size())));
    prefix = "c. ";
    break;
  }
  const std::string era = take_era(s, L);
  std::optional<std::string> body = decade(s, L);
  if (!body) body = century(s, L);
  if (!body) body = month_form(s, L);
  if (!body && (prefix.empty() && era.empty())) return std::nullopt;
  return prefix + (body ? *body : s) + era + qualifiers;
}

}  // namespace

DateResult parse(std::string_view text, const Locale& L) {
  DateResult english = parse(text);
  if (ok(english) || L.language == "en") return english;
  const std::optional<std::string> translated = to_english(text, L);
  if (!translated) return english;
  DateResult r = parse(*translated);
  if (ok(r)) return r;
  // The English reader's complaint, about the words as the user wrote them.
  ParseError e = std::get<ParseError>(r);
  if (e.message.find(*translated) != std::string::npos) return english;
  e.offset = 0;
  return e;
}

}  // namespace annals::dates
