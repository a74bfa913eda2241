#pragma once
// The calendar of annals: dates as written by people, with their precision
// and qualifiers, and the interval of time each one denotes.
//
// Calendar: proleptic Gregorian, no time zones. Years are kept astronomical
// internally (1 BCE = 0, 490 BCE = -489); there is no year 0 in what users
// write. Supported: 9999 BCE – 9999 CE.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace annals::dates {

struct Locale;  // dates/locale.h: the language labels are written in

// Seconds since 1970-01-01T00:00:00 in the proleptic Gregorian calendar.
using Seconds = std::int64_t;

constexpr std::int64_t kMinYear = -9998;  // astronomical, = 9999 BCE
constexpr std::int64_t kMaxYear = 9999;   // 9999 CE
constexpr std::string_view kRangeText = "9999 BCE to 9999 CE";

enum class Precision { time, day, month, year, decade, century };

std::string_view to_string(Precision p);  // "time", "day", ... as in the JSON dump

struct Date {
  Precision precision = Precision::year;
  bool approximate = false;  // "c. 1964", "~1964", "1964~", "1964%"
  bool uncertain = false;    // "1964?", "1964%"
  bool present = false;      // "present"/"now": an open end, see resolve_present()

  // The interval the date denotes: [begin, end). A year is the whole year.
  Seconds begin = 0;
  Seconds end = 0;

  // How many trailing digits of the year were written as X ("196X" = 1, "19XX" = 2).
  int unspecified_digits = 0;
  // True when written with seconds ("10:30:15"), so labels keep them.
  bool has_seconds = false;
};

struct ParseError {
  std::string message;     // e.g. "day 31 does not exist in February 1900"
  std::size_t offset = 0;  // byte offset into the text where the problem starts
};

// Either a date or why the text is not one.
using DateResult = std::variant<Date, ParseError>;

inline bool ok(const DateResult& r) { return std::holds_alternative<Date>(r); }

// Every string form of FORMAT.md §1.2: "1879", "1996-12", "1996-12-17",
// "2018-10-01T10:30:00", "Oct 2018", "2 March 2022", "March 2, 2022",
// "490 BCE", "490 BC", "AD 79", "79 CE", "1960s", "19th century",
// "5th century BCE", "c. 1964", "circa 1964", "~1964", "1964~", "1964?",
// "1964%", "196X", "19XX", "present", "now".
DateResult parse(std::string_view text);
// As parse(), and also the forms of `locale`'s language (FORMAT.md §5.4):
// "marzo de 2004", "2 de marzo de 2004", "década de 1960", "siglo XIX",
// "490 a. C.", "c. 1964", "presente". What English reads keeps its meaning.
DateResult parse(std::string_view text, const Locale& locale);

// A year as written with an integer: negative = BCE (-490 = 490 BCE); 0 is an error.
DateResult from_year(std::int64_t historical_year);
// A day (TOML local date). `year` is the CE year as TOML writes it (1..9999).
DateResult from_ymd(std::int64_t year, int month, int day);
// A moment (TOML local date-time); `has_seconds` says whether seconds were written.
DateResult from_ymd_hms(std::int64_t year, int month, int day, int hour, int minute, int second,
                        bool has_seconds = true);

// A "present" date replaced by the last day of `now`'s interval (day
// precision, keeping present = true): now = 2010 makes present 31 Dec 2010.
// Any other date is returned unchanged.
Date resolve_present(const Date& d, const Date& now);

// Today's or an epoch's date at day precision (for `now` from the clock or SOURCE_DATE_EPOCH).
Date from_epoch_seconds(std::int64_t unix_seconds);

// Civil conversions (Howard Hinnant's algorithms), astronomical years.
std::int64_t days_from_civil(std::int64_t year, int month, int day);
struct Civil {
  std::int64_t year = 1970;  // astronomical
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
Civil civil_from_seconds(Seconds s);
Seconds seconds_from_civil(const Civil& c);
// Leap years of the proleptic Gregorian calendar, astronomical years (1 BCE = 0 is one).
bool is_leap_year(std::int64_t astronomical_year);
int days_in_month(std::int64_t astronomical_year, int month);  // month 1..12

// ISO 8601 with astronomical years and at least four digits: "1879-01-01",
// "0000-01-01" (1 BCE), "-0489-01-01" (490 BCE). With `with_time`,
// "1969-07-20T20:17:40".
std::string iso(Seconds s, bool with_time = false);

// The JSON dump's inclusive end of a date's interval (FORMAT.md §4):
// "1883-12-31" for 1883; the second itself for date-times.
std::string iso_last(const Date& d);
std::string iso_first(const Date& d);

// Labels in the reader's terms, for the precision the data has:
// "1879", "Oct 2018", "2 Mar 2022", "c. 1964", "1960s", "19th century",
// "490 BCE", "1964?", "20 Jul 1969 20:17", "Sep 9 CE".
std::string label(const Date& d);
// The same in `locale`'s language: "2 mar 2022", "década de 1960", "siglo XIX", "490 a. C.".
std::string label(const Date& d, const Locale& locale);
// "1879–1883", "1978–present", "Mar–Oct 2018", "490–479 BCE",
// "3 Mar 2025 11:00–17:00", "3 Mar 2025 11:00 – 7 Mar 17:00".
std::string span_label(const Date& start, const Date& end);
std::string span_label(const Date& start, const Date& end, const Locale& locale);

// Our own English names for months 1..12 (never the locale's, so output does
// not depend on the machine): "January", and "Jan" for labels.
std::string_view month_name(int month);
std::string_view month_abbrev(int month);
// A year in the reader's terms: 1879 -> "1879", 0 -> "1 BCE", -489 -> "490 BCE".
std::string year_label(std::int64_t astronomical_year);
std::string year_label(std::int64_t astronomical_year, const Locale& locale);  // "490 a. C."
// A year as written after a month or a day: as year_label(), with " CE" after
// the years 1 to 99, so that "Sep 9 CE" does not read as the 9th of September
// nor "18 Jul 64 CE" as 1964 (BCE years carry their era already).
std::string year_in_date_label(std::int64_t astronomical_year);
std::string year_in_date_label(std::int64_t astronomical_year, const Locale& locale);
// A month or a day of a year in `locale`'s terms: "Mar 2022", "mar 2022"; "2 Mar 2022", "2 de mar. de 2022".
std::string month_label(std::int64_t astronomical_year, int month, const Locale& locale);
std::string day_label(std::int64_t astronomical_year, int month, int day, const Locale& locale);

}  // namespace annals::dates
