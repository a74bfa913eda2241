#include "layout/frame/time_frame.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace annals::layout {

std::vector<scale::Interval> occupied_time(const styled::Timeline& t) {
  std::vector<scale::Interval> out;
  out.reserve(t.events.size() + t.eras.size() + t.markers.size());
  for (const auto& e : t.events) out.push_back({e.begin, std::max(e.begin, e.end)});
  for (const auto& era : t.eras) out.push_back(era_time(era));
  for (const auto& m : t.markers) out.push_back(marker_time(m));
  return out;
}

scale::Interval era_time(const styled::Era& era) { return {era.begin, std::max(era.begin, era.end_at)}; }

scale::Interval marker_time(const styled::Marker& m) { return {m.at, m.at}; }

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

// The events' time: eras and markers never widen the axis beyond it (an
// era reaching outside is clipped at the plot's edge). Without events, what
// eras and markers cover.
Bounds dated_bounds(const styled::Timeline& t) {
  Bounds b;
  for (const auto& e : t.events) b.add(e.begin, std::max(e.begin, e.end));
  if (!b.empty()) return b;
  for (const auto& iv : occupied_time(t)) b.add(iv.begin, iv.end);
  return b;
}

}  // namespace

Domain chart_domain(const styled::Timeline& timeline) {
  const auto& now = timeline.now;
  Bounds b = dated_bounds(timeline);
  if (b.empty()) b.add(now.begin, now.end);
  if (b.hi <= b.lo) b.hi = b.lo + 1;
  const auto nice = scale::nice_domain(b.lo, b.hi);
  Domain d{nice.begin, nice.end};
  if (d.end <= d.begin) d = {b.lo, b.hi};
  if (timeline.header.window_begin) d.begin = *timeline.header.window_begin;
  if (timeline.header.window_end) d.end = *timeline.header.window_end;
  if (d.end <= d.begin) d.end = d.begin + kYear;
  return d;
}

bool in_window(scale::Interval iv, Domain d) {
  if (iv.end <= iv.begin) return d.begin <= iv.begin && iv.begin <= d.end;
  return iv.begin < d.end && iv.end > d.begin;
}

namespace {

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

// The time a chart must keep on its axis. A span occupies all of its time,
// except one whose inside bridges half the chart or more (1884–present over an empty
// century): that one keeps only its two dates, or it alone would forbid every
// break, and it is drawn continuing across the break. It bridges only when
// something else lies wholly before its end and wholly after its start: a
// span alone has nothing to gain from a break.
std::vector<scale::Interval> kept_time(const styled::Timeline& r, std::vector<scale::Interval> others, Domain domain) {
  const dates::Seconds long_inside = (domain.end - domain.begin) / 2;
  TwoBest earliest_end, latest_begin;  // latest begin kept negated
  const std::size_t n = r.events.size();
  for (std::size_t i = 0; i < n; ++i) {
    earliest_end.add(r.events[i].last.end, i);
    latest_begin.add(-r.events[i].first.begin, i);
  }
  for (std::size_t i = 0; i < others.size(); ++i) {
    earliest_end.add(others[i].end, n + i);
    latest_begin.add(-others[i].begin, n + i);
  }
  std::vector<scale::Interval> out = std::move(others);
  out.reserve(out.size() + 2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    const styled::Event& e = r.events[i];
    // Each period keeps its own time: a long stretch between two may be collapsed.
    if (!e.periods.empty()) {
      for (const auto& p : e.periods) out.push_back({p.begin, std::max(p.begin, p.end)});
      continue;
    }
    const bool bridges = e.span && e.last.begin - e.first.end >= long_inside &&
                         earliest_end.without(i) <= e.last.begin && -latest_begin.without(i) >= e.first.end;
    if (bridges) {
      out.push_back({e.first.begin, e.first.end});
      out.push_back({e.last.begin, e.last.end});
    } else {
      out.push_back({e.begin, std::max(e.begin, e.end)});
    }
  }
  return out;
}

}  // namespace

scale::TimeScale chart_scale(const styled::Timeline& timeline, Domain domain, double x0, double x1, double gap,
                             const std::vector<scale::Interval>& also) {
  const auto kind = timeline.header.scale;
  if (kind == styled::ScaleKind::linear) return scale::linear(domain.begin, domain.end, x0, x1);

  // Eras, markers and the time kept under labels are whole; events as kept_time() says.
  std::vector<scale::Interval> others;
  others.reserve(timeline.eras.size() + timeline.markers.size() + also.size());
  for (const auto& era : timeline.eras) others.push_back(era_time(era));
  for (const auto& m : timeline.markers) others.push_back(marker_time(m));
  others.insert(others.end(), also.begin(), also.end());
  std::vector<scale::Interval> occupied = kept_time(timeline, std::move(others), domain);
  // Pad what is occupied so that marks near a break keep some air around them.
  const auto pad = std::max<dates::Seconds>(1, (domain.end - domain.begin) / 50);
  for (auto& iv : occupied) iv = {iv.begin - pad, iv.end + pad};
  scale::CollapseOptions options;
  options.force = kind == styled::ScaleKind::collapsed;
  options.gap = gap;
  return scale::collapsed(domain.begin, domain.end, x0, x1, std::move(occupied), options);
}

}  // namespace annals::layout
