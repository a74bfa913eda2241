#include "scale/time_scale.h"

#include <algorithm>
#include <cmath>

#include "scale/calendar.h"

namespace annals::scale {
namespace {

double lerp_page(Seconds t, Seconds t0, Seconds t1, double x0, double x1) {
  if (t1 == t0) return x0;
  return x0 + (x1 - x0) * (static_cast<double>(t - t0) / static_cast<double>(t1 - t0));
}

Seconds lerp_time(double x, double x0, double x1, Seconds t0, Seconds t1) {
  if (x1 == x0) return t0;
  const double f = (x - x0) / (x1 - x0);
  return t0 + static_cast<Seconds>(std::llround(f * static_cast<double>(t1 - t0)));
}

}  // namespace

TimeScale::TimeScale(std::vector<Segment> segments) : segments_(std::move(segments)) {
  std::stable_sort(segments_.begin(), segments_.end(),
                   [](const Segment& a, const Segment& b) { return a.t0 < b.t0; });
}

double TimeScale::to_page(Seconds t) const {
  if (segments_.empty()) return 0;
  const Segment& first = segments_.front();
  if (t <= first.t1) return lerp_page(t, first.t0, first.t1, first.x0, first.x1);
  for (std::size_t i = 1; i < segments_.size(); ++i) {
    const Segment& prev = segments_[i - 1];
    const Segment& seg = segments_[i];
    if (t < seg.t0) return lerp_page(t, prev.t1, seg.t0, prev.x1, seg.x0);  // inside the break
    if (t <= seg.t1) return lerp_page(t, seg.t0, seg.t1, seg.x0, seg.x1);
  }
  const Segment& last = segments_.back();
  return lerp_page(t, last.t0, last.t1, last.x0, last.x1);
}

Seconds TimeScale::to_time(double x) const {
  if (segments_.empty()) return 0;
  const Segment& first = segments_.front();
  if (x <= first.x1) return lerp_time(x, first.x0, first.x1, first.t0, first.t1);
  for (std::size_t i = 1; i < segments_.size(); ++i) {
    const Segment& prev = segments_[i - 1];
    const Segment& seg = segments_[i];
    if (x < seg.x0) return lerp_time(x, prev.x1, seg.x0, prev.t1, seg.t0);
    if (x <= seg.x1) return lerp_time(x, seg.x0, seg.x1, seg.t0, seg.t1);
  }
  const Segment& last = segments_.back();
  return lerp_time(x, last.x0, last.x1, last.t0, last.t1);
}

std::vector<Interval> TimeScale::breaks() const {
  std::vector<Interval> out;
  for (std::size_t i = 1; i < segments_.size(); ++i) out.push_back({segments_[i - 1].t1, segments_[i].t0});
  return out;
}

Seconds TimeScale::domain_begin() const { return segments_.empty() ? 0 : segments_.front().t0; }
Seconds TimeScale::domain_end() const { return segments_.empty() ? 0 : segments_.back().t1; }
double TimeScale::range_begin() const { return segments_.empty() ? 0 : segments_.front().x0; }
double TimeScale::range_end() const { return segments_.empty() ? 0 : segments_.back().x1; }

TimeScale linear(Seconds t0, Seconds t1, double x0, double x1) {
  if (t1 <= t0) t1 = t0 + 1;  // an empty domain still maps somewhere rather than dividing by zero
  return TimeScale({Segment{t0, t1, x0, x1}});
}

namespace {

// Sorted, merged, clipped to [t0, t1].
std::vector<Interval> merge(std::vector<Interval> occupied, Seconds t0, Seconds t1) {
  std::vector<Interval> merged;
  std::sort(occupied.begin(), occupied.end(),
            [](const Interval& a, const Interval& b) { return a.begin < b.begin; });
  for (Interval iv : occupied) {
    iv.end = std::max(iv.end, iv.begin + 1);  // a moment still occupies its second, so no segment is empty
    iv.begin = std::max(iv.begin, t0);
    iv.end = std::min(iv.end, t1);
    if (iv.end <= iv.begin) continue;
    if (!merged.empty() && iv.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, iv.end);
    } else {
      merged.push_back(iv);
    }
  }
  return merged;
}

// Empty stretches between occupied intervals that are long enough to collapse.
// The stretches before the first and after the last occupied interval are kept:
// they are the view window the caller chose, and a break at the axis's end reads badly.
std::vector<Interval> long_gaps(const std::vector<Interval>& merged, Seconds min_length) {
  std::vector<Interval> gaps;
  for (std::size_t i = 1; i < merged.size(); ++i) {
    const Interval gap{merged[i - 1].end, merged[i].begin};
    if (gap.end - gap.begin >= min_length && gap.end > gap.begin) gaps.push_back(gap);
  }
  return gaps;
}

}  // namespace

TimeScale collapsed(Seconds t0, Seconds t1, double x0, double x1, std::vector<Interval> occupied,
                    const CollapseOptions& options) {
  if (t1 <= t0) return linear(t0, t1, x0, x1);
  const auto domain = static_cast<double>(t1 - t0);
  const auto min_length = static_cast<Seconds>(std::ceil(std::max(options.min_share, 0.0) * domain));
  const std::vector<Interval> gaps = long_gaps(merge(std::move(occupied), t0, t1), std::max<Seconds>(min_length, 1));
  if (gaps.empty()) return linear(t0, t1, x0, x1);

  Seconds removed = 0;
  for (const Interval& g : gaps) removed += g.end - g.begin;
  constexpr double kWorthwhileShare = 0.25;
  if (!options.force && static_cast<double>(removed) < kWorthwhileShare * domain) return linear(t0, t1, x0, x1);

  // Breaks never take more than half the page, so the data keeps most of it.
  const double length = x1 - x0;
  const double gap = std::min(std::max(options.gap, 0.0), 0.5 * length / static_cast<double>(gaps.size()));
  const double ratio = (length - gap * static_cast<double>(gaps.size())) / static_cast<double>(t1 - t0 - removed);

  std::vector<Segment> segments;
  Seconds begin = t0;
  double x = x0;
  auto add = [&](Seconds end) {
    const double w = static_cast<double>(end - begin) * ratio;
    segments.push_back(Segment{begin, end, x, x + w});
    x += w;
  };
  for (const Interval& g : gaps) {
    add(g.begin);
    x += gap;
    begin = g.end;
  }
  add(t1);
  segments.back().x1 = x1;  // no rounding drift at the end of the range
  return TimeScale(std::move(segments));
}

Interval nice_domain(Seconds t0, Seconds t1) {
  if (t1 < t0) std::swap(t0, t1);
  if (t1 - t0 < detail::kHour) {  // a moment: show the hour around it
    t0 -= detail::kHour / 2;
    t1 += detail::kHour / 2;
  }
  const auto span = static_cast<double>(t1 - t0);
  constexpr double kPadShare = 0.02;
  constexpr double kRoundingSteps = 10;  // round to a step about a tenth of the span
  const auto pad = static_cast<Seconds>(std::llround(kPadShare * span));
  detail::Step step = detail::step_table().front();
  for (const detail::Step& s : detail::step_table()) {
    if (detail::nominal_seconds(s) <= span / kRoundingSteps && s.unit != detail::Unit::week &&
        !(s.unit == detail::Unit::day && s.count != 1)) {
      step = s;
    }
  }
  const Seconds begin = detail::floor_to(t0 - pad, step);
  const Seconds end_floor = detail::floor_to(t1 + pad, step);
  const Seconds end = end_floor == t1 + pad ? end_floor : detail::next_after(t1 + pad, step);
  return {begin, end};
}

}  // namespace annals::scale
