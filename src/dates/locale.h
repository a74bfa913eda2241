#pragma once
// The language a chart's dates are written in (FORMAT.md §5.4): month names,
// eras, "c.", "present", decades and centuries, as a plain value built once
// from a BCP 47 tag. Names come from ICU's locale data (CLDR); the few phrases
// CLDR has no data for come from the table in locale.cpp. ICU gives names
// only: every date is still computed by our own proleptic Gregorian calendar.
#include <array>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace annals::dates {

struct Locale {
  std::string tag = "en";  // canonical BCP 47 ("es", "es-BO", "pt-BR")
  std::string language = "en";

  // Month names, 1..12 at [0..11]: as written inside a date ("2 mar 2022"),
  // and on their own (a tick under its year: "Mär" in German, "Mar").
  std::array<std::string, 12> months{"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
  std::array<std::string, 12> months_abbrev{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::array<std::string, 12> months_standalone_abbrev = months_abbrev;
  // Every other spelling of the months the locale's data has (stand-alone
  // wide forms, abbreviations without their dot), for reading dates.
  std::vector<std::pair<std::string, int>> month_aliases;
  // Day names, Sunday first, as the locale's data writes them.
  std::array<std::string, 7> weekdays{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

  // The eras after a year ("490 BCE", "490 a. C."), and their long names for reading.
  std::string bce = "BCE", ce = "CE";
  std::vector<std::string> bce_aliases, ce_aliases;

  // Date patterns in ICU's pattern syntax (d, MMM, y; 'quoted' literals):
  // a day, a month, and a day without its year (the first day of a span).
  std::string day_pattern = "d MMM y", month_pattern = "MMM y", day_month_pattern = "d MMM";

  // Phrases, with {} for what they wrap (locale.cpp says why they are ours).
  std::string approximate = "c. {}";   // "c. 1964"
  std::string present = "present";
  std::string decade = "{}s";          // "1960s"
  std::string century = "{O} century"; // {O} the ordinal ("19th"), {R} the roman numeral ("XIX"),
                                       // {RS} the roman numeral with the ordinal's ending ("Ier", "XIXe")
  std::string hundreds = "{}s";        // "1900s" for 19XX; "" writes the years as a range
  std::vector<std::string> approximate_aliases;  // also read: "ca.", "hacia", …
  std::vector<std::string> present_aliases;
  std::string particle;  // the word dropped when reading "2 de marzo de 2004" ("de")
  // The legend's words for the marks that need one.
  std::string legend_imprecise = "imprecise date (its whole range)";
  std::string legend_approximate = "approximate start or end";
  std::string legend_ongoing = "ongoing";

  // The century's number as the phrase wants it: 1..100.
  std::array<std::string, 100> ordinals{};  // "1st", "19th" (filled by make_locale; empty = ours)
  std::array<std::string, 100> romans{};    // "I", "XIX"

  bool operator==(const Locale&) const = default;
};

struct LocaleError {
  std::string message;  // "unknown locale 'xx'; annals writes en, es, fr, de and pt (with a region: es-BO)"
};

// The locale of a BCP 47 tag: "en", "es", "fr", "de", "pt", each with any
// region or script ("es-BO", "pt-BR", "de-CH"), in any case ("ES-bo"). An
// unknown language or a malformed tag is an error.
std::variant<Locale, LocaleError> make_locale(std::string_view tag);

// The languages annals writes, for messages and the schema.
std::string_view supported_locales();  // "en, es, fr, de, pt"

// `pattern` (ICU syntax) filled in: `day` for d, month `month` (1..12) for
// M/L (MMM the abbreviation, MMMM the name), `year` (already in the reader's
// terms, with its era) for y; G and E are dropped; 'quoted' text is kept.
std::string fill_pattern(std::string_view pattern, const Locale& loc, std::string_view day, int month,
                         std::string_view year);

// Century `n` (1..100) as a roman numeral with the ending the language's
// ordinal gives it (French "Ier", "IIe", "XIXe": ICU's "1er", "19e" less
// their digits); past the tables, the ordinal itself.
std::string roman_ordinal(const Locale& loc, int n);

// `phrase` with its {} replaced by `what`.
std::string apply_phrase(std::string_view phrase, std::string_view what);

// Text folded for matching (Unicode case folding): "MARZO" -> "marzo", "März" -> "märz".
std::string fold(std::string_view text);

}  // namespace annals::dates
