// Locales from ICU's data (CLDR): month and day names, eras, the date
// patterns of each language, ordinal and roman numerals. ICU is asked for
// names only, never to compute a date: its default calendar turns Julian
// before 1582, and annals' calendar is proleptic Gregorian.
#include "dates/locale.h"

#include <algorithm>
#include <memory>

#include <unicode/dtfmtsym.h>
#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

namespace annals::dates {

namespace {

// The words CLDR has no data for: how a language writes an approximate date,
// a decade, a century, the open end of a span and the legend's notes. Kept
// to these few phrases, one row per language annals writes; everything else
// comes from ICU. English keeps the forms FORMAT.md fixes ("490 BCE",
// "2 Mar 2022", "1960s"), which CLDR's English ("490 BC", "Mar 2, 2022") does not give.
struct Phrases {
  std::string_view language;
  std::string_view approximate, present, decade, century, hundreds;
  std::string_view particle;
  std::string_view imprecise, approximate_end, ongoing;
  std::initializer_list<std::string_view> approximate_aliases, present_aliases;
};

const Phrases kPhrases[] = {
    {"en", "c. {}", "present", "{}s", "{O} century", "{}s", "", "imprecise date (its whole range)",
     "approximate start or end", "ongoing", {}, {"now"}},
    {"es", "c. {}", "presente", "década de {}", "siglo {R}", "", "de", "fecha imprecisa (todo su intervalo)",
     "inicio o fin aproximado", "en curso", {"ca.", "hacia", "circa"}, {"actualidad", "hoy"}},
    {"fr", "v. {}", "présent", "années {}", "{RS} siècle", "", "", "date imprécise (tout son intervalle)",
     "début ou fin approximatif", "en cours", {"vers", "env.", "circa"}, {"aujourd'hui"}},
    {"de", "um {}", "heute", "{}er", "{O} Jahrhundert", "", "", "ungenaues Datum (ganzer Zeitraum)",
     "ungefährer Beginn oder ungefähres Ende", "andauernd", {"ca.", "etwa"}, {"gegenwart", "jetzt"}},
    {"pt", "c. {}", "presente", "década de {}", "século {R}", "", "de", "data imprecisa (todo o intervalo)",
     "início ou fim aproximado", "em curso", {"ca.", "cerca de", "circa"}, {"atualidade", "hoje"}},
};

std::string utf8(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

// The pattern the locale's data gives for a skeleton ("dMMMy" -> "d MMM y" in es).
std::string best_pattern(icu::DateTimePatternGenerator& g, const char* skeleton) {
  UErrorCode st = U_ZERO_ERROR;
  const icu::UnicodeString p = g.getBestPattern(icu::UnicodeString(skeleton), st);
  return U_SUCCESS(st) ? utf8(p) : std::string();
}

std::string without_dot(std::string s) {
  if (s.ends_with('.')) s.pop_back();
  return s;
}

void fill_months(Locale& loc, const icu::DateFormatSymbols& sy) {
  using S = icu::DateFormatSymbols;
  int32_t n = 0;
  const auto take = [&](S::DtContextType c, S::DtWidthType w, std::array<std::string, 12>* into) {
    const icu::UnicodeString* names = sy.getMonths(n, c, w);
    for (int32_t i = 0; i < n && i < 12; ++i) {
      std::string name = utf8(names[i]);
      if (into) (*into)[static_cast<std::size_t>(i)] = name;
      loc.month_aliases.emplace_back(fold(name), i + 1);
      loc.month_aliases.emplace_back(fold(without_dot(name)), i + 1);
    }
  };
  take(S::FORMAT, S::WIDE, &loc.months);
  take(S::FORMAT, S::ABBREVIATED, &loc.months_abbrev);
  take(S::STANDALONE, S::WIDE, nullptr);
  take(S::STANDALONE, S::ABBREVIATED, &loc.months_standalone_abbrev);
  std::sort(loc.month_aliases.begin(), loc.month_aliases.end());
  loc.month_aliases.erase(std::unique(loc.month_aliases.begin(), loc.month_aliases.end()), loc.month_aliases.end());
  const icu::UnicodeString* days = sy.getWeekdays(n, S::FORMAT, S::WIDE);
  // ICU's weekday arrays start at index 1 (UCAL_SUNDAY).
  for (int32_t i = 1; i < n && i <= 7; ++i) loc.weekdays[static_cast<std::size_t>(i - 1)] = utf8(days[i]);
}

void fill_eras(Locale& loc, const icu::DateFormatSymbols& sy) {
  int32_t n = 0;
  const icu::UnicodeString* eras = sy.getEras(n);
  if (n >= 2) {
    loc.bce = utf8(eras[0]);
    loc.ce = utf8(eras[1]);
  }
  const icu::UnicodeString* names = sy.getEraNames(n);
  for (int32_t i = 0; i < n && i < 2; ++i) (i == 0 ? loc.bce_aliases : loc.ce_aliases).push_back(fold(utf8(names[i])));
  const icu::UnicodeString* narrow = sy.getNarrowEras(n);
  for (int32_t i = 0; i < n && i < 2; ++i)
    (i == 0 ? loc.bce_aliases : loc.ce_aliases).push_back(fold(utf8(narrow[i])));
}

void fill_numbers(Locale& loc, const icu::Locale& icu_loc) {
  UErrorCode st = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat ordinal(icu::URBNF_ORDINAL, icu_loc, st);
  UErrorCode st2 = U_ZERO_ERROR;
  icu::RuleBasedNumberFormat numbering(icu::URBNF_NUMBERING_SYSTEM, icu_loc, st2);
  for (int32_t i = 1; i <= 100; ++i) {
    const auto at = static_cast<std::size_t>(i - 1);
    if (U_SUCCESS(st)) {
      icu::UnicodeString s;
      ordinal.format(i, s);
      loc.ordinals[at] = utf8(s);
    }
    if (U_SUCCESS(st2)) {
      icu::UnicodeString s;
      icu::FieldPosition fp;
      UErrorCode f = U_ZERO_ERROR;
      numbering.format(i, icu::UnicodeString("%roman-upper"), s, fp, f);
      if (U_SUCCESS(f)) loc.romans[at] = utf8(s);
    }
  }
}

void fill_phrases(Locale& loc, const Phrases& p) {
  loc.approximate = p.approximate;
  loc.present = p.present;
  loc.decade = p.decade;
  loc.century = p.century;
  loc.hundreds = p.hundreds;
  loc.particle = p.particle;
  loc.legend_imprecise = p.imprecise;
  loc.legend_approximate = p.approximate_end;
  loc.legend_ongoing = p.ongoing;
  for (auto a : p.approximate_aliases) loc.approximate_aliases.push_back(fold(a));
  for (auto a : p.present_aliases) loc.present_aliases.push_back(fold(a));
}

}  // namespace

std::string_view supported_locales() { return "en, es, fr, de, pt"; }

std::string fold(std::string_view text) {
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  s.foldCase();
  return utf8(s);
}

std::string roman_ordinal(const Locale& loc, int n) {
  if (n < 1 || n > 100) return fmt::format("{}", n);
  const auto at = static_cast<std::size_t>(n - 1);
  const std::string& ordinal = loc.ordinals[at];
  if (loc.romans[at].empty() || ordinal.empty()) return ordinal.empty() ? fmt::format("{}", n) : ordinal;
  const auto digits = ordinal.find_first_not_of("0123456789");
  return loc.romans[at] + (digits == std::string::npos ? "" : ordinal.substr(digits));
}

std::string apply_phrase(std::string_view phrase, std::string_view what) {
  std::string out(phrase);
  if (const auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, what);
  return out;
}

std::string fill_pattern(std::string_view pattern, const Locale& loc, std::string_view day, int month,
                         std::string_view year) {
  std::string out;
  const auto month_text = [&](std::size_t count, bool standalone) -> std::string {
    if (month < 1 || month > 12) return "";
    const auto m = static_cast<std::size_t>(month - 1);
    if (count >= 4) return loc.months[m];
    if (count == 3) return standalone ? loc.months_standalone_abbrev[m] : loc.months_abbrev[m];
    return count == 2 ? fmt::format("{:02}", month) : fmt::format("{}", month);
  };
  std::size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\'') {
      // 'literal' text; '' is a quote.
      std::size_t j = i + 1;
      if (j < pattern.size() && pattern[j] == '\'') {
        out += '\'';
        i = j + 1;
        continue;
      }
      for (; j < pattern.size(); ++j) {
        if (pattern[j] != '\'') {
          out += pattern[j];
        } else if (j + 1 < pattern.size() && pattern[j + 1] == '\'') {
          out += '\'';  // '' inside quotes is a quote too
          ++j;
        } else {
          break;
        }
      }
      i = j + 1;
      continue;
    }
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      std::size_t j = i;
      while (j < pattern.size() && pattern[j] == c) ++j;
      const std::size_t count = j - i;
      switch (c) {
        case 'd': out += day; break;
        case 'M': out += month_text(count, false); break;
        case 'L': out += month_text(count, true); break;
        case 'y':
        case 'Y':
        case 'u': out += year; break;
        default:  // the era goes with the year; weekdays and the rest are not shown
          while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
          break;
      }
      i = j;
      continue;
    }
    out += c;
    ++i;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == ',')) out.pop_back();
  return out;
}

namespace {

// The tag of a supported language named in words, in English or in itself
// ("Spanish", "español" -> "es"), from ICU's display names; "" if none.
std::string tag_named(std::string_view words) {
  const std::string wanted = fold(words);
  for (const Phrases& p : kPhrases) {
    const icu::Locale lang(std::string(p.language).c_str());
    icu::UnicodeString in_english, in_itself;
    lang.getDisplayLanguage(icu::Locale::getEnglish(), in_english);
    lang.getDisplayLanguage(lang, in_itself);
    if (fold(utf8(in_english)) == wanted || fold(utf8(in_itself)) == wanted) return std::string(p.language);
  }
  return "";
}

}  // namespace

std::variant<Locale, LocaleError> make_locale(std::string_view tag) {
  const auto unknown = [&](std::string_view why) {
    std::string message = fmt::format("{} locale '{}'; annals writes {} (alone or with a region, like es-BO)", why,
                                      tag, supported_locales());
    if (const std::string named = tag_named(tag); !named.empty())
      message += fmt::format("; {} is written \"{}\"", tag, named);
    return LocaleError{std::move(message)};
  };
  if (tag.empty()) return unknown("empty");
  UErrorCode st = U_ZERO_ERROR;
  const icu::Locale icu_loc = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), static_cast<int32_t>(tag.size())), st);
  if (U_FAILURE(st) || icu_loc.isBogus()) return unknown("malformed");
  const std::string language = icu_loc.getLanguage();
  const auto* phrases = std::find_if(std::begin(kPhrases), std::end(kPhrases),
                                     [&](const Phrases& p) { return p.language == language; });
  if (phrases == std::end(kPhrases)) return unknown("unknown");
  Locale loc;
  st = U_ZERO_ERROR;
  const std::string canonical = icu_loc.toLanguageTag<std::string>(st);
  loc.tag = U_SUCCESS(st) ? canonical : std::string(tag);
  loc.language = language;
  loc.month_aliases.clear();
  st = U_ZERO_ERROR;
  const icu::DateFormatSymbols symbols(icu_loc, st);
  if (U_FAILURE(st)) return unknown("unavailable");
  fill_months(loc, symbols);
  fill_phrases(loc, *phrases);
  fill_numbers(loc, icu_loc);
  if (language == "en") {
    // FORMAT.md's English: "490 BCE", "2 Mar 2022", "Mar 2022" (CLDR's own English eras are kept for reading).
    loc.bce_aliases = {"bc", "before christ"};
    loc.ce_aliases = {"ad", "anno domini"};
    return loc;
  }
  fill_eras(loc, symbols);
  st = U_ZERO_ERROR;
  std::unique_ptr<icu::DateTimePatternGenerator> g(icu::DateTimePatternGenerator::createInstance(icu_loc, st));
  if (U_FAILURE(st) || !g) return unknown("unavailable");
  if (auto p = best_pattern(*g, "yMMMd"); !p.empty()) loc.day_pattern = p;
  if (auto p = best_pattern(*g, "yMMM"); !p.empty()) loc.month_pattern = p;
  if (auto p = best_pattern(*g, "MMMd"); !p.empty()) loc.day_month_pattern = p;
  return loc;
}

}  // namespace annals::dates
