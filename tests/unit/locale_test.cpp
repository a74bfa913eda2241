// Dates in the chart's language (FORMAT.md §5.4): names from ICU's data,
// labels in each supported language, dates read in them.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "dates/date.h"
#include "dates/locale.h"

namespace annals::dates {
namespace {

Locale locale(std::string_view tag) {
  auto r = make_locale(tag);
  if (const auto* e = std::get_if<LocaleError>(&r)) {
    ADD_FAILURE() << tag << ": " << e->message;
    return {};
  }
  return std::get<Locale>(r);
}

Date parsed(std::string_view text, const Locale& loc) {
  const DateResult r = parse(text, loc);
  if (const auto* e = std::get_if<ParseError>(&r)) ADD_FAILURE() << text << ": " << e->message;
  return ok(r) ? std::get<Date>(r) : Date{};
}

std::string shown(std::string_view text, const Locale& loc) { return label(parsed(text, loc), loc); }

TEST(Locale, SpanishLabelsADayAsTheContractWrites) {
  EXPECT_EQ(shown("2022-03-02", locale("es")), "2 mar 2022");
}

TEST(Locale, SpanishLabelsDecadesCenturiesAndEras) {
  const Locale es = locale("es");
  EXPECT_EQ(shown("1960s", es), "década de 1960");
  EXPECT_EQ(shown("19th century", es), "siglo XIX");
  EXPECT_EQ(shown("490 BCE", es), "490 a. C.");
  EXPECT_EQ(shown("5th century BCE", es), "siglo V a. C.");
  EXPECT_EQ(shown("c. 1964", es), "c. 1964");
  EXPECT_EQ(shown("2004-03", es), "mar 2004");
}

TEST(Locale, SpanishSpansSayTheOpenEndInSpanish) {
  const Locale es = locale("es");
  Date now = parsed("2022-12-31", es);
  Date present = resolve_present(parsed("present", es), now);
  EXPECT_EQ(span_label(parsed("1978", es), present, es), "1978–presente");
  EXPECT_EQ(span_label(parsed("2018-03", es), parsed("2018-10", es), es), "mar–oct 2018");
  EXPECT_EQ(span_label(parsed("2022-03-02", es), parsed("2022-03-09", es), es), "2–9 mar 2022");
}

TEST(Locale, EveryLanguageWritesItsOwnMonthsAndCenturies) {
  EXPECT_EQ(shown("2022-03-02", locale("fr")), "2 mars 2022");
  EXPECT_EQ(shown("19th century", locale("fr")), "XIXe siècle");
  EXPECT_EQ(shown("490 BCE", locale("fr")), "490 av. J.-C.");
  EXPECT_EQ(shown("2022-10-02", locale("de")), "2. Okt. 2022");
  EXPECT_EQ(shown("19th century", locale("de")), "19. Jahrhundert");
  EXPECT_EQ(shown("1960s", locale("de")), "1960er");
  EXPECT_EQ(shown("2022-03-02", locale("pt")), "2 de mar. de 2022");
  EXPECT_EQ(shown("19th century", locale("pt")), "século XIX");
}

// The first centuries are where ordinals differ most from one language to the next.
TEST(Locale, CenturiesTakeEachLanguagesOrdinal) {
  EXPECT_EQ(shown("1st century", locale("en")), "1st century");
  EXPECT_EQ(shown("2nd century", locale("en")), "2nd century");
  EXPECT_EQ(shown("19th century", locale("en")), "19th century");
  EXPECT_EQ(shown("1st century", locale("es")), "siglo I");
  EXPECT_EQ(shown("19th century", locale("es")), "siglo XIX");
  EXPECT_EQ(shown("1st century", locale("fr")), "Ier siècle");
  EXPECT_EQ(shown("2nd century", locale("fr")), "IIe siècle");
  EXPECT_EQ(shown("19th century", locale("fr")), "XIXe siècle");
  EXPECT_EQ(shown("5th century BCE", locale("fr")), "Ve siècle av. J.-C.");
  EXPECT_EQ(shown("1st century", locale("de")), "1. Jahrhundert");
  EXPECT_EQ(shown("19th century", locale("de")), "19. Jahrhundert");
  EXPECT_EQ(shown("1st century", locale("pt")), "século I");
  EXPECT_EQ(shown("19th century", locale("pt")), "século XIX");
}

TEST(Locale, FrenchCenturiesReadWithTheirOrdinalEndingOrInFigures) {
  EXPECT_EQ(iso_first(parsed("Ier siècle", locale("fr"))), "0001-01-01");
  EXPECT_EQ(iso_first(parsed("IIe siècle", locale("fr"))), "0101-01-01");
  EXPECT_EQ(iso_first(parsed("19e siècle", locale("fr"))), "1801-01-01");
  EXPECT_EQ(iso_first(parsed("XIX siècle", locale("fr"))), "1801-01-01");
}

TEST(Locale, EnglishFromIcuWritesWhatTheDefaultWrites) {
  const Locale en = locale("en");
  for (std::string_view text : {"2022-03-02", "2018-10", "1960s", "19th century", "490 BCE", "c. 1964", "1964?",
                                "0009-09", "5th century BCE", "19XX"})
    EXPECT_EQ(shown(text, en), label(parsed(text, Locale{}))) << text;
  EXPECT_EQ(en.months_abbrev, Locale{}.months_abbrev);
  EXPECT_EQ(en.months, Locale{}.months);
}

TEST(Locale, RegionsKeepTheirLanguageAndData) {
  const Locale bo = locale("es-BO");
  EXPECT_EQ(bo.language, "es");
  EXPECT_EQ(bo.tag, "es-BO");
  EXPECT_EQ(locale("PT-br").tag, "pt-BR");
}

TEST(Locale, UnknownOrMalformedTagsAreErrors) {
  for (std::string_view tag : {"xx", "tlh", "", "not a tag!", "zz-ZZ"}) {
    const auto r = make_locale(tag);
    ASSERT_TRUE(std::holds_alternative<LocaleError>(r)) << tag;
    EXPECT_NE(std::get<LocaleError>(r).message.find("en, es, fr, de, pt"), std::string::npos);
  }
}

TEST(Locale, ALanguageNamedInWordsIsAnErrorThatGivesItsTag) {
  for (const auto& [words, tag] : {std::pair{"Spanish", "\"es\""}, std::pair{"español", "\"es\""},
                                   std::pair{"Deutsch", "\"de\""}, std::pair{"french", "\"fr\""}}) {
    const auto r = make_locale(words);
    ASSERT_TRUE(std::holds_alternative<LocaleError>(r)) << words;
    EXPECT_NE(std::get<LocaleError>(r).message.find(std::string(words) + " is written " + tag), std::string::npos)
        << std::get<LocaleError>(r).message;
  }
}

TEST(Locale, ReadsSpanishDates) {
  const Locale es = locale("es");
  EXPECT_EQ(iso_first(parsed("marzo de 2004", es)), "2004-03-01");
  EXPECT_EQ(parsed("marzo de 2004", es).precision, Precision::month);
  EXPECT_EQ(iso_first(parsed("2 de marzo de 2004", es)), "2004-03-02");
  EXPECT_EQ(iso_first(parsed("2 mar 2022", es)), "2022-03-02");
  EXPECT_EQ(iso_first(parsed("15 sept 1999", es)), "1999-09-15");
  EXPECT_EQ(iso_first(parsed("década de 1960", es)), "1960-01-01");
  EXPECT_EQ(parsed("década de 1960", es).precision, Precision::decade);
  EXPECT_EQ(iso_first(parsed("siglo XIX", es)), "1801-01-01");
  EXPECT_EQ(iso_last(parsed("siglo V a. C.", es)), "-0400-12-31");  // 401 BCE
  EXPECT_EQ(iso_first(parsed("490 a. C.", es)), "-0489-01-01");
  EXPECT_TRUE(parsed("hacia 1964", es).approximate);
  EXPECT_TRUE(parsed("presente", es).present);
  EXPECT_TRUE(parsed("1964?", es).uncertain);
}

TEST(Locale, ReadsEveryLanguagesOwnWords) {
  EXPECT_EQ(iso_first(parsed("1er mars 2004", locale("fr"))), "2004-03-01");
  EXPECT_EQ(iso_first(parsed("XIXe siècle", locale("fr"))), "1801-01-01");
  EXPECT_EQ(iso_first(parsed("2. März 2004", locale("de"))), "2004-03-02");
  EXPECT_EQ(iso_first(parsed("19. Jahrhundert", locale("de"))), "1801-01-01");
  EXPECT_EQ(iso_first(parsed("1960er", locale("de"))), "1960-01-01");
  EXPECT_EQ(iso_first(parsed("março de 2004", locale("pt"))), "2004-03-01");
}

TEST(Locale, EnglishFormsKeepTheirMeaningInAnyLanguage) {
  const Locale es = locale("es");
  EXPECT_EQ(iso_first(parsed("Oct 2018", es)), "2018-10-01");
  EXPECT_EQ(iso_first(parsed("1960s", es)), "1960-01-01");
  EXPECT_EQ(iso_first(parsed("490 BCE", es)), "-0489-01-01");
}

TEST(Locale, LabelsReadBackInTheirLanguage) {
  for (std::string_view tag : {"es", "fr", "de", "pt"}) {
    const Locale loc = locale(tag);
    for (std::string_view text : {"2022-03-02", "2018-10", "1960s", "19th century", "490 BCE", "5th century BCE"}) {
      const Date d = parsed(text, loc);
      const std::string l = label(d, loc);
      const DateResult back = parse(l, loc);
      ASSERT_TRUE(ok(back)) << tag << ": " << l;
      EXPECT_EQ(iso_first(std::get<Date>(back)), iso_first(d)) << tag << ": " << l;
      EXPECT_EQ(std::get<Date>(back).precision, d.precision) << tag << ": " << l;
    }
  }
}

TEST(Locale, ErrorsOfSpanishDatesAreTheCalendarsOwn) {
  const DateResult r = parse("31 de febrero de 2004", locale("es"));
  ASSERT_FALSE(ok(r));
  EXPECT_NE(std::get<ParseError>(r).message.find("February"), std::string::npos) << std::get<ParseError>(r).message;
  EXPECT_FALSE(ok(parse("marzo de", locale("es"))));
  EXPECT_FALSE(ok(parse("siglo XIXX", locale("es"))));
}

TEST(Locale, FillsIcuPatternsWithOurOwnCalendarValues) {
  const Locale es = locale("es");
  EXPECT_EQ(fill_pattern("d 'de' MMMM 'de' y", es, "2", 3, "1582"), "2 de marzo de 1582");
  EXPECT_EQ(fill_pattern("MMM d, y G", Locale{}, "4", 10, "1582"), "Oct 4, 1582");
  EXPECT_EQ(fill_pattern("'o''clock' d", Locale{}, "4", 1, ""), "o'clock 4");
}

}  // namespace
}  // namespace annals::dates
