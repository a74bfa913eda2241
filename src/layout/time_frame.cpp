#include "layout/time_frame.h"

#include <algorithm>
#include <limits>

namespace annals::layout {

namespace {

constexpr dates::Seconds kYear = 31'556'952;  // mean Gregorian year

struct Bounds {
  dates::Seconds lo = std::numeric_limits<dates::Seconds>::max();
  dates::Seconds hi = std::numeric_limits<dates::Seconds>::min();
  void add(dates::Seconds b, dates::Seconds e) {
    lo = std::min(lo, b);
    hi = std::max(hi, std::max(b, e));
  }
  bool empty() const { return lo > hi; }
};

Bounds dated_bounds(const model::Timeline& t, const Resolved& r, const dates::Date& now) {
  Bounds b;
  for (const auto& e : r.events) b.add(e.begin, e.end);
  for (const auto& era : t.eras)
    b.add(resolved(era.start.date, now).begin, resolved(era.end.date, now).end);
  for (const auto& m : t.markers) {
    const auto d = resolved(m.date.date, now);
    b.add(d.begin, d.begin);
  }
  return b;
}

}  // namespace

Domain chart_domain(const model::Timeline& timeline, const Resolved& resolved_model,
                    const dates::Date& now) {
  Bounds b = dated_bounds(timeline, resolved_model, now);
  if (b.empty()) b.add(now.begin, now.end);
  if (b.hi <= b.lo) b.hi = b.lo + 1;
  const auto nice = scale::nice_domain(b.lo, b.hi);
  Domain d{nice.begin, nice.end};
  if (d.end <= d.begin) d = {b.lo, b.hi};
  if (timeline.header.start) d.begin = resolved(timeline.header.start->date, now).begin;
  if (timeline.header.end) d.end = resolved(timeline.header.end->date, now).end;
  if (d.end <= d.begin) d.end = d.begin + kYear;
  return d;
}

scale::TimeScale chart_scale(const model::Timeline& timeline, const Resolved& r, const dates::Date& now,
                             Domain domain, double x0, double x1) {
  const auto kind = timeline.header.scale;
  if (kind == model::ScaleKind::linear) return scale::linear(domain.begin, domain.end, x0, x1);

  // Pad what is occupied so that marks near a break keep some air around them.
  const auto pad = std::max<dates::Seconds>(1, (domain.end - domain.begin) / 50);
  std::vector<scale::Interval> occupied;
  occupied.reserve(r.events.size() + timeline.eras.size() + timeline.markers.size());
  auto add = [&](dates::Seconds b, dates::Seconds e) {
    occupied.push_back({b - pad, std::max(b, e) + pad});
  };
  for (const auto& e : r.events) add(e.begin, e.end);
  for (const auto& era : timeline.eras)
    add(resolved(era.start.date, now).begin, resolved(era.end.date, now).end);
  for (const auto& m : timeline.markers) {
    const auto d = resolved(m.date.date, now);
    add(d.begin, d.begin);
  }
  scale::CollapseOptions options;
  options.force = kind == model::ScaleKind::collapsed;
  return scale::collapsed(domain.begin, domain.end, x0, x1, std::move(occupied), options);
}

}  // namespace annals::layout
