#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "dates/locale.h"
#include "scale/calendar.h"
#include "scale/time_scale.h"

namespace annals::scale {
namespace {

using detail::kDay;
using detail::kHour;

Seconds at(std::int64_t year, int month = 1, int day = 1, int hour = 0, int minute = 0, int second = 0) {
  return detail::seconds_from_ymd(year, month, day) + hour * kHour + minute * 60 + second;
}

// A fixed-pitch stand-in for a font: 4.8 pt per byte (8 pt type).
double width_of(std::string_view s) { return 4.8 * static_cast<double>(s.size()); }

std::vector<Tick> level(const std::vector<Tick>& ticks, int lvl) {
  std::vector<Tick> out;
  std::copy_if(ticks.begin(), ticks.end(), std::back_inserter(out),
               [&](const Tick& t) { return t.level == lvl && t.major && !t.label.empty(); });
  return out;
}

std::vector<std::string> labels(const std::vector<Tick>& ticks, std::size_t n) {
  std::vector<std::string> out;
  for (const Tick& t : ticks) {
    if (out.size() == n) break;
    out.push_back(t.label);
  }
  return out;
}

std::vector<Tick> majors(Seconds t0, Seconds t1, double width) {
  return level(ticks(linear(t0, t1, 0, width), width_of), 0);
}

Seconds first_step(const std::vector<Tick>& ts) { return ts.at(1).t - ts.at(0).t; }

// Level-0 labels are centred on their tick, level-1 (context) labels start at it.
double label_start(const Tick& t, double width) { return t.level == 0 ? t.x - width / 2 : t.x; }

bool labels_overlap(const std::vector<Tick>& ts, double min_gap) {
  for (std::size_t i = 1; i < ts.size(); ++i) {
    const double left_end = label_start(ts[i - 1], width_of(ts[i - 1].label)) + width_of(ts[i - 1].label);
    const double right_start = label_start(ts[i], width_of(ts[i].label));
    if (right_start - left_end < min_gap - 1e-9) return true;
  }
  return false;
}

// --- calendar ------------------------------------------------------------

TEST(Calendar, RoundTripsDaysAcrossTheEras) {
  for (std::int64_t d = -4'000'000; d <= 3'000'000; d += 997) {
    const detail::Ymd c = detail::civil_from_days(d);
    EXPECT_EQ(detail::days_from_civil(c.year, c.month, c.day), d);
  }
}

TEST(Calendar, EpochIsDayZero) { EXPECT_EQ(detail::days_from_civil(1970, 1, 1), 0); }

TEST(Calendar, CenturyStepsLandOnRoundHistoricalYears) {
  const detail::Step century{detail::Unit::year, 100};
  EXPECT_EQ(detail::floor_to(at(-450, 6, 1), century), at(-499));  // 451 BCE → 500 BCE
  EXPECT_EQ(detail::next_after(at(-499), century), at(-399));       // 500 BCE → 400 BCE
  EXPECT_EQ(detail::next_after(at(-99), century), at(100));         // 100 BCE → 100
  EXPECT_EQ(detail::floor_to(at(50), century), at(-99));            // 50 → 100 BCE
}

TEST(Calendar, MinorStepsNestInTheirMajors) {
  using detail::Step;
  using detail::Unit;
  EXPECT_TRUE(detail::nests_in(Step{Unit::year, 5}, Step{Unit::year, 25}));
  EXPECT_FALSE(detail::nests_in(Step{Unit::year, 20}, Step{Unit::year, 25}));
  EXPECT_TRUE(detail::nests_in(Step{Unit::month, 6}, Step{Unit::year, 1}));
  EXPECT_FALSE(detail::nests_in(Step{Unit::week, 1}, Step{Unit::month, 1}));
  EXPECT_TRUE(detail::nests_in(Step{Unit::day, 1}, Step{Unit::week, 1}));
  EXPECT_TRUE(detail::nests_in(Step{Unit::hour, 12}, Step{Unit::day, 1}));
}

// --- TimeScale -------------------------------------------------------------

TEST(TimeScale, LinearMapsEndsToRange) {
  const TimeScale s = linear(at(1900), at(2000), 10, 510);
  EXPECT_DOUBLE_EQ(s.to_page(at(1900)), 10);
  EXPECT_DOUBLE_EQ(s.to_page(at(2000)), 510);
  EXPECT_FALSE(s.has_breaks());
}

TEST(TimeScale, ExtrapolatesOutsideTheDomain) {
  const TimeScale s = linear(0, 100, 0, 100);
  EXPECT_DOUBLE_EQ(s.to_page(-50), -50);
  EXPECT_DOUBLE_EQ(s.to_page(150), 150);
}

TEST(TimeScale, ToTimeInvertsToPage) {
  const TimeScale s = linear(at(-3000), at(2020), 0, 700);
  for (Seconds t : {at(-3000), at(-490, 7, 3), at(1, 1, 1), at(1969, 7, 20, 20, 17, 40), at(2020)}) {
    EXPECT_NEAR(static_cast<double>(s.to_time(s.to_page(t))), static_cast<double>(t), 1e-6 * 5020 * 365.25 * kDay);
  }
}

TEST(TimeScale, EmptyDomainDoesNotDivideByZero) {
  const TimeScale s = linear(100, 100, 0, 50);
  EXPECT_TRUE(std::isfinite(s.to_page(100)));
}

// --- collapsed ---------------------------------------------------------------

// The Bolivia case: a war in 1879–1883, then nothing until 1962–2022.
struct Bolivia {
  Seconds t0 = at(1870), t1 = at(2030);
  std::vector<Interval> occupied = {{at(1878), at(1885)}, {at(1961), at(2023)}};
};

TEST(Collapsed, CollapsesTheLongEmptyStretch) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 0, 800, b.occupied, {});
  ASSERT_EQ(s.segments().size(), 2u);
  EXPECT_EQ(s.segments()[0].t1, at(1885));
  EXPECT_EQ(s.segments()[1].t0, at(1961));
}

TEST(Collapsed, BreakIsGapPointsWide) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 0, 800, b.occupied, {.gap = 30});
  ASSERT_EQ(s.segments().size(), 2u);
  EXPECT_NEAR(s.segments()[1].x0 - s.segments()[0].x1, 30, 1e-9);
}

TEST(Collapsed, SegmentsShareOneRatio) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 0, 800, b.occupied, {});
  ASSERT_EQ(s.segments().size(), 2u);
  const auto ratio = [](const Segment& g) { return (g.x1 - g.x0) / static_cast<double>(g.t1 - g.t0); };
  EXPECT_NEAR(ratio(s.segments()[0]) / ratio(s.segments()[1]), 1.0, 1e-9);
}

TEST(Collapsed, FillsTheRange) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 20, 820, b.occupied, {});
  EXPECT_DOUBLE_EQ(s.range_begin(), 20);
  EXPECT_DOUBLE_EQ(s.range_end(), 820);
}

TEST(Collapsed, StaysMonotonicThroughTheBreak) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 0, 800, b.occupied, {});
  double prev = -1e300;
  for (Seconds t = at(1860); t <= at(2040); t += 30 * kDay) {
    const double x = s.to_page(t);
    EXPECT_GT(x, prev);
    prev = x;
  }
}

TEST(Collapsed, ToTimeInvertsToPageAcrossBreaks) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 0, 800, b.occupied, {});
  for (Seconds t : {at(1871), at(1884, 3), at(1920), at(1961, 5), at(2029)}) {
    EXPECT_NEAR(static_cast<double>(s.to_time(s.to_page(t))), static_cast<double>(t), 2 * kDay);
  }
}

TEST(Collapsed, AutoKeepsEvenlyFilledDataLinear) {
  std::vector<Interval> occupied;
  for (int y = 1900; y < 2000; y += 10) occupied.push_back({at(y), at(y + 8)});
  const TimeScale s = collapsed(at(1900), at(2000), 0, 800, occupied, {.min_share = 0.01});
  EXPECT_FALSE(s.has_breaks());
}

TEST(Collapsed, AutoKeepsASingleModestGapLinear) {
  // 20 % empty: long enough to qualify, too little to be worth a break.
  const std::vector<Interval> occupied = {{at(1900), at(1940)}, {at(1960), at(2000)}};
  const TimeScale s = collapsed(at(1900), at(2000), 0, 800, occupied, {});
  EXPECT_FALSE(s.has_breaks());
}

TEST(Collapsed, ForceCollapsesAModestGap) {
  const std::vector<Interval> occupied = {{at(1900), at(1940)}, {at(1960), at(2000)}};
  const TimeScale s = collapsed(at(1900), at(2000), 0, 800, occupied, {.force = true});
  EXPECT_TRUE(s.has_breaks());
}

TEST(Collapsed, MinShareSetsWhatCountsAsLong) {
  const std::vector<Interval> occupied = {{at(1900), at(1945)}, {at(1955), at(2000)}};
  EXPECT_FALSE(collapsed(at(1900), at(2000), 0, 800, occupied, {.min_share = 0.15, .force = true}).has_breaks());
  EXPECT_TRUE(collapsed(at(1900), at(2000), 0, 800, occupied, {.min_share = 0.05, .force = true}).has_breaks());
}

TEST(Collapsed, ShortStretchesStay) {
  const std::vector<Interval> occupied = {{at(1900), at(1995)}, {at(1998), at(2000)}};
  const TimeScale s = collapsed(at(1900), at(2000), 0, 800, occupied, {.force = true});
  EXPECT_FALSE(s.has_breaks());
}

TEST(Collapsed, KeepsEmptyEndsOfTheWindow) {
  const std::vector<Interval> occupied = {{at(1990), at(2000)}};
  const TimeScale s = collapsed(at(1800), at(2000), 0, 800, occupied, {.force = true});
  EXPECT_FALSE(s.has_breaks());
}

TEST(Collapsed, BreaksNeverTakeMoreThanHalfTheRange) {
  std::vector<Interval> occupied;
  for (int y = 0; y < 10; ++y) occupied.push_back({at(1000 + 100 * y), at(1001 + 100 * y)});
  const TimeScale s = collapsed(at(1000), at(1902), 0, 100, occupied, {.gap = 24, .min_share = 0.05, .force = true});
  double gaps = 0;
  for (std::size_t i = 1; i < s.segments().size(); ++i) gaps += s.segments()[i].x0 - s.segments()[i - 1].x1;
  EXPECT_LE(gaps, 50 + 1e-9);
}

TEST(Collapsed, UnpaddedMomentsStillGetSegments) {
  const std::vector<Interval> occupied = {{at(1900), at(1900)}, {at(1950), at(1950)}, {at(2000), at(2000)}};
  const TimeScale s = collapsed(at(1900), at(2000), 0, 800, occupied, {.force = true});
  for (const Segment& g : s.segments()) {
    EXPECT_LT(g.t0, g.t1);
    EXPECT_TRUE(std::isfinite(g.x0) && std::isfinite(g.x1));
  }
  EXPECT_LT(s.to_page(at(1900)), s.to_page(at(1950)));
}

TEST(Collapsed, IgnoresOccupancyOutsideTheDomain) {
  const std::vector<Interval> occupied = {{at(1700), at(1750)}, {at(1900), at(1910)}, {at(2100), at(2200)}};
  const TimeScale s = collapsed(at(1900), at(2000), 0, 800, occupied, {.force = true});
  EXPECT_FALSE(s.has_breaks());
}

// --- nice_domain -------------------------------------------------------------

TEST(NiceDomain, RoundsCenturyAndHalfToDecades) {
  const Interval d = nice_domain(at(1879), at(2023));
  EXPECT_EQ(d.begin, at(1870));
  EXPECT_EQ(d.end, at(2030));
}

TEST(NiceDomain, RoundsAYearToMonths) {
  const Interval d = nice_domain(at(2018, 3, 10), at(2019, 2, 20));
  EXPECT_EQ(d.begin, at(2018, 3, 1));
  EXPECT_EQ(d.end, at(2019, 3, 1));
}

TEST(NiceDomain, PadsAnExactFit) {
  const Interval d = nice_domain(at(1900), at(2000));
  EXPECT_LT(d.begin, at(1900));
  EXPECT_GT(d.end, at(2000));
}

TEST(NiceDomain, WidensAMoment) {
  const Interval d = nice_domain(at(1969, 7, 20, 20, 17), at(1969, 7, 20, 20, 17));
  EXPECT_LT(d.begin, at(1969, 7, 20, 20, 17));
  EXPECT_GT(d.end, at(1969, 7, 20, 20, 17));
}

// --- ticks: one granularity each ---------------------------------------------

TEST(Ticks, ChoosesFiveSecondsForOneMinute) {
  const auto ts = majors(at(2018, 10, 1, 10, 30), at(2018, 10, 1, 10, 31), 800);
  EXPECT_EQ(first_step(ts), 5);
  EXPECT_EQ(labels(ts, 2), (std::vector<std::string>{"10:30:00", "10:30:05"}));
}

TEST(Ticks, ChoosesFiveMinutesForOneHour) {
  const auto ts = majors(at(2018, 10, 1, 10), at(2018, 10, 1, 11), 800);
  EXPECT_EQ(first_step(ts), 5 * 60);
  EXPECT_EQ(labels(ts, 2), (std::vector<std::string>{"10:00", "10:05"}));
}

TEST(Ticks, ChoosesThreeHoursForOneDay) {
  const auto ts = majors(at(2018, 10, 1), at(2018, 10, 2), 800);
  EXPECT_EQ(first_step(ts), 3 * kHour);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"00:00", "03:00", "06:00"}));
}

TEST(Ticks, OneDayRangeNamesTheDayOnce) {
  const auto ts = level(ticks(linear(at(2018, 10, 1), at(2018, 10, 2), 0, 800), width_of), 1);
  EXPECT_EQ(labels(ts, 5), (std::vector<std::string>{"1 Oct 2018", "2 Oct 2018"}));
}

// --- ticks: never finer than the data ----------------------------------------

TEST(Ticks, DayDatesGetNoHoursEvenWhereTheyWouldFit) {
  const auto all = ticks(linear(at(2020, 3, 1), at(2020, 3, 6), 0, 1200), width_of, 12, dates::Locale{},
                         dates::Precision::day);
  ASSERT_FALSE(all.empty());
  for (const auto& t : all) EXPECT_EQ(t.t % kDay, 0) << t.label;  // majors and minors on midnights
  const auto ts = level(all, 0);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"1", "2", "3"}));
}

TEST(Ticks, YearDatesGetNoMonths) {
  const auto all = ticks(linear(at(2018), at(2021), 0, 1200), width_of, 12, dates::Locale{},
                         dates::Precision::year);
  ASSERT_FALSE(all.empty());
  for (const auto& t : all) EXPECT_EQ(t.t, at(dates::civil_from_seconds(t.t).year)) << t.label;  // on 1 January
}

TEST(Ticks, DecadesGetNoSingleYears) {
  const auto all = ticks(linear(at(1900), at(1960), 0, 2400), width_of, 12, dates::Locale{},
                         dates::Precision::decade);
  ASSERT_FALSE(all.empty());
  for (const auto& t : all) {
    EXPECT_EQ(t.t, at(dates::civil_from_seconds(t.t).year)) << t.label;
    EXPECT_EQ(dates::civil_from_seconds(t.t).year % 10, 0) << t.label;
  }
}

TEST(Ticks, TimeDatesKeepTheFinestSteps) {
  EXPECT_EQ(first_step(majors(at(2018, 10, 1), at(2018, 10, 2), 800)), 3 * kHour);
}

TEST(Ticks, ChoosesDaysForOneMonth) {
  const auto ts = majors(at(2018, 10, 1), at(2018, 11, 1), 800);
  EXPECT_EQ(first_step(ts), kDay);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"1", "2", "3"}));
}

TEST(Ticks, ChoosesMondaysForFourMonths) {
  const auto ts = majors(at(2018, 1, 1), at(2018, 5, 1), 400);
  EXPECT_EQ(first_step(ts), 7 * kDay);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"1", "8", "15"}));  // 1 Jan 2018 was a Monday
}

TEST(Ticks, ChoosesMonthsForOneYearSpan) {
  const auto ts = majors(at(2018), at(2019), 800);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"Jan", "Feb", "Mar"}));
}

TEST(Ticks, MonthsNameTheYearWhereItChanges) {
  const auto ts = level(ticks(linear(at(2018, 7), at(2019, 7), 0, 800), width_of), 1);
  EXPECT_EQ(labels(ts, 5), (std::vector<std::string>{"2018", "2019"}));
  EXPECT_EQ(ts.at(1).t, at(2019));
}

TEST(Ticks, ChoosesQuartersForTwoYearsOnANarrowPage) {
  const auto ts = majors(at(2018), at(2020), 300);
  EXPECT_EQ(labels(ts, 4), (std::vector<std::string>{"Jan", "Apr", "Jul", "Oct"}));
}

TEST(Ticks, ChoosesYearsForADecade) {
  const auto ts = majors(at(1990), at(2000), 400);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"1990", "1991", "1992"}));
}

TEST(Ticks, YearStepsHaveNoContextLine) {
  EXPECT_TRUE(level(ticks(linear(at(1990), at(2000), 0, 400), width_of), 1).empty());
}

TEST(Ticks, ChoosesDecadesForBolivia) {
  const auto ts = majors(at(1879), at(2023), 800);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"1880", "1890", "1900"}));
}

TEST(Ticks, ChoosesCenturiesForAMillennium) {
  const auto ts = majors(at(1000), at(2000), 500);
  EXPECT_EQ(labels(ts, 3), (std::vector<std::string>{"1000", "1100", "1200"}));
}

TEST(Ticks, ChoosesMillenniaForRecordedHistory) {
  const auto ts = majors(at(-4999), at(2000), 400);
  EXPECT_EQ(labels(ts, 8),
            (std::vector<std::string>{"5000 BCE", "4000 BCE", "3000 BCE", "2000 BCE", "1000 BCE", "1", "1000", "2000"}));
}

TEST(Ticks, CrossesTheEraWithoutYearZero) {
  const auto ts = majors(at(-299), at(301), 300);
  EXPECT_EQ(labels(ts, 7),
            (std::vector<std::string>{"300 BCE", "200 BCE", "100 BCE", "1", "100", "200", "300"}));
}

TEST(Ticks, StepOfOneYearShowsOneBce) {
  const auto ts = majors(at(-2), at(3), 225);
  EXPECT_EQ(labels(ts, 6), (std::vector<std::string>{"3 BCE", "2 BCE", "1 BCE", "1", "2", "3"}));
}

TEST(Ticks, BceCenturiesAreRoundHistoricalYears) {
  const auto ts = majors(at(-549), at(-149), 250);
  EXPECT_EQ(labels(ts, 4), (std::vector<std::string>{"500 BCE", "400 BCE", "300 BCE", "200 BCE"}));
}

TEST(Ticks, LeapDayIsATick) {
  const auto ts = majors(at(2020, 2, 1), at(2020, 3, 2), 800);
  EXPECT_TRUE(std::any_of(ts.begin(), ts.end(), [](const Tick& t) { return t.t == at(2020, 2, 29); }));
}

TEST(Ticks, TwoDayStepsRestartOnTheFirst) {
  const auto ts = majors(at(2021, 2, 1), at(2021, 3, 10), 500);
  ASSERT_EQ(first_step(ts), 2 * kDay);
  EXPECT_TRUE(std::any_of(ts.begin(), ts.end(), [](const Tick& t) { return t.t == at(2021, 3, 1); }));
}

TEST(Ticks, MinorTicksFallBetweenMajors) {
  const auto all = ticks(linear(at(1879), at(2023), 0, 800), width_of);
  const auto minor = std::find_if(all.begin(), all.end(), [](const Tick& t) { return !t.major; });
  ASSERT_NE(minor, all.end());
  EXPECT_EQ(minor->t, at(1885));
  EXPECT_TRUE(minor->label.empty());
}

TEST(Ticks, AreOnCalendarBoundaries) {
  for (const Tick& t : ticks(linear(at(2018, 3, 7, 5), at(2018, 7, 20), 0, 600), width_of)) {
    const detail::Civil c = detail::civil_from_seconds(t.t);
    EXPECT_EQ(c.hour + c.minute + c.second, 0) << t.label;
  }
}

TEST(Ticks, OutsideSegmentsAreDropped) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 0, 800, b.occupied, {});
  for (const Tick& t : ticks(s, width_of)) {
    const bool inside = std::any_of(s.segments().begin(), s.segments().end(),
                                    [&](const Segment& g) { return g.t0 <= t.t && t.t <= g.t1; });
    EXPECT_TRUE(inside) << t.label;
  }
}

TEST(Ticks, EachSegmentStartsOnItsOwnBoundary) {
  const std::vector<Interval> occupied = {{at(1800), at(1831)}, {at(1970), at(2000)}};
  const TimeScale s = collapsed(at(1800), at(2000), 0, 800, occupied, {});
  ASSERT_EQ(s.segments().size(), 2u);
  const auto ts = level(ticks(s, width_of), 0);
  EXPECT_TRUE(std::any_of(ts.begin(), ts.end(), [](const Tick& t) { return t.label == "1800"; }));
  EXPECT_TRUE(std::any_of(ts.begin(), ts.end(), [](const Tick& t) { return t.label == "1970"; }));
}

// A short stretch between two breaks whose one label meets the last of the
// stretch before: the earlier gives way, else the stretch reads as no time.
TEST(Ticks, ShortStretchBetweenBreaksKeepsItsOnlyLabel) {
  const TimeScale s({Segment{at(1800), at(1833), 0, 165}, Segment{at(1879, 10), at(1884, 3), 175, 225},
                     Segment{at(1940), at(2030), 250, 1000}});
  const auto ts = level(ticks(s, width_of), 0);
  for (const Segment& g : s.segments())
    EXPECT_TRUE(std::any_of(ts.begin(), ts.end(), [&](const Tick& t) { return g.t0 <= t.t && t.t <= g.t1; }))
        << "no label between " << g.x0 << " and " << g.x1;
  EXPECT_TRUE(std::any_of(ts.begin(), ts.end(), [](const Tick& t) { return t.label == "1880"; }));
  for (std::size_t i = 1; i < ts.size(); ++i)
    EXPECT_GE((ts[i].x - width_of(ts[i].label) / 2) - (ts[i - 1].x + width_of(ts[i - 1].label) / 2), 12 - 1e-9)
        << ts[i - 1].label << " " << ts[i].label;
}

TEST(Ticks, NarrowPageLabelsDoNotOverlap) {
  const auto ts = majors(at(1879), at(2023), 100);
  EXPECT_FALSE(labels_overlap(ts, 12));
  EXPECT_FALSE(ts.empty());
}

TEST(Ticks, WidePageLabelsDoNotOverlap) {
  const auto ts = majors(at(1879), at(2023), 5000);
  EXPECT_FALSE(labels_overlap(ts, 12));
  EXPECT_EQ(first_step(ts), at(1880) - at(1879));
}

TEST(Ticks, ContextLabelsDoNotOverlap) {
  const auto ts = level(ticks(linear(at(2018, 1, 25), at(2018, 6, 10), 0, 300), width_of), 1);
  EXPECT_FALSE(labels_overlap(ts, 12));
}

TEST(Ticks, HoursNameEachNewDay) {
  const auto ts = level(ticks(linear(at(1969, 7, 20), at(1969, 7, 22), 0, 500), width_of), 1);
  EXPECT_EQ(labels(ts, 5), (std::vector<std::string>{"20 Jul 1969", "21 Jul 1969", "22 Jul 1969"}));
}

TEST(Ticks, DaysNameTheMonthAtTheFirstTick) {
  const auto ts = ticks(linear(at(2018, 10, 3), at(2018, 10, 20), 0, 500), width_of);
  const auto context = level(ts, 1);
  ASSERT_FALSE(context.empty());
  EXPECT_EQ(context.front().label, "Oct 2018");
  EXPECT_EQ(context.front().t, level(ts, 0).front().t);
}

TEST(Ticks, EarlyYearsInContextLabelsCarryTheirEra) {
  const auto days = level(ticks(linear(at(9, 9, 3), at(9, 9, 20), 0, 500), width_of), 1);
  ASSERT_FALSE(days.empty());
  EXPECT_EQ(days.front().label, "Sep 9 CE");
  const auto months = level(ticks(linear(at(64, 2, 1), at(64, 11, 1), 0, 500), width_of), 1);
  ASSERT_FALSE(months.empty());
  EXPECT_EQ(months.front().label, "64 CE");
  const auto hours = level(ticks(linear(at(64, 7, 18), at(64, 7, 19), 0, 500), width_of), 1);
  ASSERT_FALSE(hours.empty());
  EXPECT_EQ(hours.front().label, "18 Jul 64 CE");
}

TEST(Ticks, ContextChangeWinsOverACrowdedOpening) {
  // The first Monday is 31 Dec; "Dec 2018" would collide with "Jan 2019" a week later.
  const auto ts = level(ticks(linear(at(2018, 12, 28), at(2019, 3, 1), 0, 250), width_of), 1);
  ASSERT_FALSE(ts.empty());
  EXPECT_EQ(ts.front().label, "Jan 2019");
}

TEST(Ticks, MinorTicksNeverSitOnMajors) {
  const auto all = ticks(linear(at(1700), at(2000), 0, 900), width_of);
  for (const Tick& minor : all) {
    if (minor.major) continue;
    EXPECT_TRUE(std::none_of(all.begin(), all.end(), [&](const Tick& t) { return t.major && t.t == minor.t; }));
  }
}

TEST(Ticks, RespectALargerMinimumGap) {
  const auto all = ticks(linear(at(1879), at(2023), 0, 800), width_of, 40);
  EXPECT_FALSE(labels_overlap(level(all, 0), 40));
}

TEST(Ticks, TinyRangeGivesNoCrash) {
  EXPECT_NO_FATAL_FAILURE(ticks(linear(at(2000), at(2001), 0, 0.5), width_of));
  EXPECT_NO_FATAL_FAILURE(ticks(linear(at(2000), at(2001), 10, 5), width_of));
}

TEST(Ticks, NarrowPageCoversEveryGranularity) {
  const std::vector<std::pair<Seconds, Seconds>> domains = {
      {at(2018, 1, 1, 10), at(2018, 1, 1, 10) + 45}, {at(2018, 1, 1, 10), at(2018, 1, 1, 11)},
      {at(2018, 1, 1), at(2018, 1, 2)},             {at(2018, 1, 1), at(2018, 2, 1)},
      {at(2018), at(2019)},                         {at(1900), at(2000)},
      {at(-9998), at(9999)}};
  for (const auto& [t0, t1] : domains) {
    const auto all = ticks(linear(t0, t1, 0, 100), width_of);
    EXPECT_FALSE(labels_overlap(level(all, 0), 12)) << t0;
    EXPECT_FALSE(labels_overlap(level(all, 1), 12)) << t0;
    EXPECT_FALSE(level(all, 0).empty()) << t0;
  }
}

TEST(TimeScale, BreaksAreTheStretchesBetweenSegments) {
  const Bolivia b;
  const TimeScale s = collapsed(b.t0, b.t1, 0, 800, b.occupied, {});
  ASSERT_EQ(s.breaks().size(), 1u);
  EXPECT_EQ(s.breaks()[0].begin, at(1885));
  EXPECT_EQ(s.breaks()[0].end, at(1961));
}

// --- properties over random domains -----------------------------------------

struct RandomDomain {
  Seconds t0, t1;
  double width;
};

std::vector<RandomDomain> random_domains(unsigned seed, int n) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<Seconds> start(at(-9000), at(9000));
  std::uniform_real_distribution<double> log_span(1.0, std::log10(15000.0 * 365.25 * kDay));
  std::uniform_real_distribution<double> width(60, 3000);
  std::vector<RandomDomain> out;
  for (int i = 0; i < n; ++i) {
    const Seconds t0 = start(rng);
    const auto span = static_cast<Seconds>(std::pow(10.0, log_span(rng)));
    out.push_back({t0, t0 + span, width(rng)});
  }
  return out;
}

TEST(TicksProperty, LabelsNeverOverlapOnRandomDomains) {
  for (const RandomDomain& d : random_domains(7, 300)) {
    const auto all = ticks(linear(d.t0, d.t1, 0, d.width), width_of);
    EXPECT_FALSE(labels_overlap(level(all, 0), 12)) << d.t0 << " " << d.t1 << " " << d.width;
    EXPECT_FALSE(labels_overlap(level(all, 1), 12)) << d.t0 << " " << d.t1 << " " << d.width;
  }
}

TEST(TicksProperty, TicksStayInsideTheDomainOnRandomDomains) {
  for (const RandomDomain& d : random_domains(11, 300)) {
    for (const Tick& t : ticks(linear(d.t0, d.t1, 0, d.width), width_of)) {
      EXPECT_GE(t.t, d.t0);
      EXPECT_LE(t.t, d.t1);
    }
  }
}

TEST(TicksProperty, MajorTicksAreStrictlyIncreasing) {
  for (const RandomDomain& d : random_domains(13, 300)) {
    const auto ts = level(ticks(linear(d.t0, d.t1, 0, d.width), width_of), 0);
    for (std::size_t i = 1; i < ts.size(); ++i) EXPECT_LT(ts[i - 1].x, ts[i].x);
  }
}

TEST(TicksProperty, DomainsWithRoomGetAtLeastTwoLabels) {
  for (const RandomDomain& d : random_domains(17, 300)) {
    if (d.width < 200) continue;
    EXPECT_GE(majors(d.t0, d.t1, d.width).size(), 2u) << d.t0 << " " << d.t1 << " " << d.width;
  }
}

// A proportional stand-in: digits narrow, letters wide, so widths differ per label.
double proportional_width(std::string_view s) {
  double w = 0;
  for (char c : s) w += (c >= '0' && c <= '9') ? 4.5 : (c == ' ' || c == ':') ? 2.5 : 6.0;
  return w;
}

bool overlap_with(const std::vector<Tick>& ts, double min_gap, double (*w)(std::string_view)) {
  for (std::size_t i = 1; i < ts.size(); ++i) {
    const double left_end = label_start(ts[i - 1], w(ts[i - 1].label)) + w(ts[i - 1].label);
    if (label_start(ts[i], w(ts[i].label)) - left_end < min_gap - 1e-9) return true;
  }
  return false;
}

TEST(TicksProperty, CollapsedScalesKeepLabelsApart) {
  std::mt19937_64 rng(29);
  for (const RandomDomain& d : random_domains(31, 200)) {
    std::uniform_int_distribution<Seconds> when(d.t0, d.t1);
    std::vector<Interval> occupied;
    for (int i = 0; i < 4; ++i) {
      const Seconds a = when(rng);
      occupied.push_back({a, a + (d.t1 - d.t0) / 50});
    }
    const TimeScale s = collapsed(d.t0, d.t1, 0, d.width, occupied, {.force = true});
    const auto all = ticks(s, proportional_width);
    EXPECT_FALSE(overlap_with(level(all, 0), 12, proportional_width)) << d.t0 << " " << d.t1 << " " << d.width;
    EXPECT_FALSE(overlap_with(level(all, 1), 12, proportional_width)) << d.t0 << " " << d.t1 << " " << d.width;
    for (const Tick& t : all) {
      EXPECT_TRUE(std::any_of(s.segments().begin(), s.segments().end(),
                              [&](const Segment& g) { return g.t0 <= t.t && t.t <= g.t1; }));
    }
  }
}

TEST(TicksProperty, MajorTicksAreOnBoundariesOfTheirStep) {
  for (const RandomDomain& d : random_domains(37, 200)) {
    const auto ts = level(ticks(linear(d.t0, d.t1, 0, d.width), width_of), 0);
    for (const Tick& t : ts) {
      const detail::Civil c = detail::civil_from_seconds(t.t);
      if (t.label.find("BCE") != std::string::npos || t.label.size() == 4) {
        EXPECT_EQ(c.month * 100 + c.day, 101) << t.label;  // years start on 1 January
      }
    }
  }
}

TEST(NiceDomainProperty, EndsLandOnMidnights) {
  for (const RandomDomain& d : random_domains(41, 300)) {
    if (d.t1 - d.t0 < 30 * kDay) continue;
    const Interval n = nice_domain(d.t0, d.t1);
    EXPECT_EQ(detail::floor_mod(n.begin, kDay), 0);
    EXPECT_EQ(detail::floor_mod(n.end, kDay), 0);
  }
}

TEST(TimeScaleProperty, ToTimeInvertsToPageOnRandomDomains) {
  std::mt19937_64 rng(43);
  for (const RandomDomain& d : random_domains(47, 300)) {
    const TimeScale s = linear(d.t0, d.t1, 0, d.width);
    std::uniform_int_distribution<Seconds> when(d.t0, d.t1);
    const Seconds t = when(rng);
    // A page coordinate is a double: allow a billionth of the span, and at least a second.
    const double tolerance = std::max(1.0, 1e-9 * static_cast<double>(d.t1 - d.t0));
    EXPECT_NEAR(static_cast<double>(s.to_time(s.to_page(t))), static_cast<double>(t), tolerance);
  }
}

TEST(NiceDomainProperty, ContainsTheDataOnRandomDomains) {
  for (const RandomDomain& d : random_domains(19, 500)) {
    const Interval n = nice_domain(d.t0, d.t1);
    EXPECT_LE(n.begin, d.t0);
    EXPECT_GE(n.end, d.t1);
    EXPECT_LT(static_cast<double>(n.end - n.begin), 2.0 * static_cast<double>(d.t1 - d.t0) + 4 * kHour);
  }
}

TEST(CollapsedProperty, MonotonicAndHonestOnRandomOccupancy) {
  std::mt19937_64 rng(23);
  for (int round = 0; round < 200; ++round) {
    std::uniform_int_distribution<int> count(1, 12);
    std::uniform_int_distribution<Seconds> when(at(1000), at(2000));
    std::vector<Interval> occupied;
    for (int i = count(rng); i > 0; --i) {
      const Seconds a = when(rng);
      occupied.push_back({a, a + 365 * kDay});
    }
    const TimeScale s = collapsed(at(1000), at(2001), 0, 600, occupied, {.force = (round % 2) == 0});
    const auto& g = s.segments();
    const double ratio = (g[0].x1 - g[0].x0) / static_cast<double>(g[0].t1 - g[0].t0);
    for (std::size_t i = 0; i < g.size(); ++i) {
      EXPECT_LT(g[i].t0, g[i].t1);
      EXPECT_NEAR((g[i].x1 - g[i].x0) / static_cast<double>(g[i].t1 - g[i].t0) / ratio, 1.0, 1e-6);
      if (i > 0) {
        EXPECT_LT(g[i - 1].x1, g[i].x0);
      }
    }
    for (const Interval& iv : occupied) EXPECT_LT(s.to_page(iv.begin), s.to_page(iv.end));
  }
}

}  // namespace
}  // namespace annals::scale
