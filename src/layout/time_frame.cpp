#include "layout/time_frame.h"

#include <algorithm>
#include <limits>
#include <vector>

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

namespace {

// A dated thing as the collapsing sees it: the interval its start date
// denotes and the interval its end date denotes (the same for a point).
struct Dated {
  scale::Interval first, last;
  bool span = false;
};

std::vector<Dated> dated_things(const model::Timeline& t, const Resolved& r, const dates::Date& now) {
  std::vector<Dated> out;
  out.reserve(r.events.size() + t.eras.size() + t.markers.size());
  for (const auto& e : r.events) {
    if (e.span)
      out.push_back({{e.first.begin, e.first.end}, {e.last.begin, e.last.end}, true});
    else
      out.push_back({{e.begin, e.end}, {e.begin, e.end}, false});
  }
  for (const auto& era : t.eras) {
    const auto a = resolved(era.start.date, now), b = resolved(era.end.date, now);
    out.push_back({{a.begin, a.end}, {b.begin, b.end}, true});
  }
  for (const auto& m : t.markers) {
    const auto d = resolved(m.date.date, now);
    out.push_back({{d.begin, d.begin}, {d.begin, d.begin}, false});
  }
  return out;
}

// The two smallest values and where the smallest came from, so that "the
// smallest among the others" costs O(1) per item.
struct TwoBest {
  dates::Seconds best = std::numeric_limits<dates::Seconds>::max(), second = best;
  std::size_t at = std::numeric_limits<std::size_t>::max();
  void add(dates::Seconds v, std::size_t i) {
    if (v < best) {
      second = best;
      best = v;
      at = i;
    } else if (v < second) {
      second = v;
    }
  }
  dates::Seconds without(std::size_t i) const { return i == at ? second : best; }
};

}  // namespace

scale::TimeScale chart_scale(const model::Timeline& timeline, const Resolved& r, const dates::Date& now,
                             Domain domain, double x0, double x1, double gap) {
  const auto kind = timeline.header.scale;
  if (kind == model::ScaleKind::linear) return scale::linear(domain.begin, domain.end, x0, x1);

  // Pad what is occupied so that marks near a break keep some air around them.
  const auto pad = std::max<dates::Seconds>(1, (domain.end - domain.begin) / 50);
  const std::vector<Dated> things = dated_things(timeline, r, now);
  // A span occupies its two dates, not its inside: a long span must not keep
  // an otherwise empty century on the page. It is drawn broken at the break.
  // Only when something else lies wholly before its end and wholly after its
  // start, though: a span alone has nothing to gain from a break.
  TwoBest earliest_end, latest_begin;  // latest begin kept negated
  for (std::size_t i = 0; i < things.size(); ++i) {
    earliest_end.add(things[i].last.end, i);
    latest_begin.add(-things[i].first.begin, i);
  }
  std::vector<scale::Interval> occupied;
  occupied.reserve(2 * things.size());
  auto add = [&](dates::Seconds b, dates::Seconds e) { occupied.push_back({b - pad, std::max(b, e) + pad}); };
  for (std::size_t i = 0; i < things.size(); ++i) {
    const auto& d = things[i];
    const bool bridged = d.span && earliest_end.without(i) <= d.last.begin &&
                         -latest_begin.without(i) >= d.first.end;
    if (bridged) {
      add(d.first.begin, d.first.end);
      add(d.last.begin, d.last.end);
    } else {
      add(d.first.begin, d.last.end);
    }
  }
  scale::CollapseOptions options;
  options.force = kind == model::ScaleKind::collapsed;
  options.gap = gap;
  return scale::collapsed(domain.begin, domain.end, x0, x1, std::move(occupied), options);
}

}  // namespace annals::layout
