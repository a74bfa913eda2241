#pragma once
// Time ↔ page coordinate. Piecewise linear and monotonic: a linear scale has
// one segment; a collapsed scale shortens long empty stretches to a fixed gap
// (an axis break) between segments.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "dates/date.h"

namespace annals::scale {

using dates::Seconds;

struct Segment {
  Seconds t0 = 0, t1 = 0;  // time interval shown, t0 < t1
  double x0 = 0, x1 = 0;   // page interval it maps to, x0 < x1
};

struct Interval {
  Seconds begin = 0, end = 0;  // [begin, end)
};

class TimeScale {
 public:
  TimeScale() = default;
  explicit TimeScale(std::vector<Segment> segments);

  // Page coordinate of a time. Times inside a break map linearly across the gap;
  // outside the domain they extrapolate from the nearest segment.
  double to_page(Seconds t) const;
  Seconds to_time(double x) const;

  const std::vector<Segment>& segments() const { return segments_; }
  Seconds domain_begin() const;
  Seconds domain_end() const;
  double range_begin() const;
  double range_end() const;
  bool has_breaks() const { return segments_.size() > 1; }
  // The collapsed stretches, in time, between consecutive segments.
  std::vector<Interval> breaks() const;

 private:
  std::vector<Segment> segments_;
};

TimeScale linear(Seconds t0, Seconds t1, double x0, double x1);

struct CollapseOptions {
  double gap = 24;              // pt given to each break
  double min_share = 0.15;      // a stretch is collapsed only if it is at least this share of the domain
  bool force = false;           // "collapsed": collapse every qualifying stretch; else only when worthwhile ("auto")
};

// Collapses the empty stretches between the occupied intervals (events, eras,
// markers, already padded by the caller) over [t0, t1] → [x0, x1]. Stretches
// before the first and after the last occupied interval are kept (they are the
// chosen view window). Without `force`, collapses only when the qualifying
// stretches together are at least a quarter of the domain. Every segment gets
// the same points per second; breaks take at most half of the range.
TimeScale collapsed(Seconds t0, Seconds t1, double x0, double x1, std::vector<Interval> occupied,
                    const CollapseOptions& options);

// A "nice" domain around [t0, t1]: padded by 2 % of the span on each side and
// rounded outward to calendar boundaries of a step about a tenth of the span
// (1879–1883 … 1962–2022 → 1870–2030). A moment is widened to an hour first.
Interval nice_domain(Seconds t0, Seconds t1);

struct Tick {
  Seconds t = 0;
  double x = 0;
  bool major = true;
  std::string label;  // "" for unlabelled minor ticks
  int level = 0;      // 0 = the finest labels, 1 = the context line (the year once, then months)
};

// Width in points of a tick label as drawn (the layout passes a measurer).
using LabelWidth = std::function<double(std::string_view)>;

// Calendar-aligned ticks for every segment, chosen from the interval table
// (seconds … millennia) so that labels are as dense as `label_width` allows
// without overlapping (at least `min_gap` pt between labels).
//
// Sorted by level, then x. Level 0: major ticks labelled in the step's finest
// unit ("1880", "500 BCE", "Feb", "15", "14:00", "14:05:30") and unlabelled
// minor ticks one table step finer. Level 1: the context a level-0 label leaves
// unsaid ("2018", "Mar 2018", "15 Mar 2018"), at the tick where it changes and
// at a segment's first tick; it shares t and x with that major tick (draw its
// text, not another mark). Level-0 labels are centred on x; level-1 labels
// start at x (left- or top-aligned). Labels of a level never come closer than
// `min_gap` with that placement. Ticks lie inside their segment.
// Year steps land on round historical years: CE years divisible by the step,
// BCE years whose number is (…, 200 BCE, 100 BCE, 1, 100, 200, …): year 0 does
// not exist, so 1 CE stands in its place where it fits.
std::vector<Tick> ticks(const TimeScale& s, const LabelWidth& label_width, double min_gap = 12);
// The same with labels in `locale`'s language ("mar", "2 mar 2022", "500 a. C."),
// and no tick, major or minor, finer than `finest`, the finest precision of
// the chart's dates: day dates get no 12:00, years no months, decades no single
// years.
std::vector<Tick> ticks(const TimeScale& s, const LabelWidth& label_width, double min_gap,
                        const dates::Locale& locale, dates::Precision finest = dates::Precision::time);

}  // namespace annals::scale
