#include "layout/annotations/annotations.h"

#include <algorithm>
#include <limits>
#include <set>
#include <utility>

#include "layout/assembly/shapes.h"
#include "layout/labels/label_text.h"
#include "layout/frame/time_frame.h"

namespace annals::layout {

namespace {

double clamp_to(double v, double lo, double hi) { return std::max(lo, std::min(v, hi)); }

constexpr double kVerticalTitleEms = 200.0 / 7.5;  // 200 pt at the default 7.5 pt

Annotation make(bool is_era, std::size_t index, const style::EraStyle* era, const style::MarkerStyle* marker,
                const std::string& title, double a, double b, double lo, double hi, bool vertical,
                const text::TextMeasurer& m, TitleSide side) {
  Annotation an;
  an.is_era = is_era;
  an.index = index;
  if (is_era)
    an.era = *era;
  else
    an.marker = *marker;
  const auto& ts = is_era ? an.era.label : an.marker.label;
  an.font = ts.font;
  an.color = is_era ? ts.color : an.marker.color;
  an.a = clamp_to(std::min(a, b), lo, hi);
  an.b = clamp_to(std::max(a, b), lo, hi);
  // Time running down, a title stands in a column beside the lanes, as
  // wide as this many ems of its type: it grows with the type on a larger page.
  const double room = vertical ? kVerticalTitleEms * an.font.size : std::max(20.0, hi - lo);
  // An era may keep its band and drop its title.
  // Time running down has no bottom row: its era titles stay in their column.
  const bool below = is_era && an.era.label_position == style::EraLabelPosition::bottom && !vertical;
  const bool hidden = is_era && (an.era.label_position == style::EraLabelPosition::none ||
                                 below != (side == TitleSide::below));
  an.text = hidden ? std::string() : ellipsize(title, room, an.font, m);
  const auto ext = m.measure(an.text, an.font);
  an.w = hidden ? 0 : ext.width;
  an.h = hidden ? 0 : ext.height;
  const double along = vertical ? an.h : an.w;
  // Centred over what it marks; an era too narrow for its title starts at its beginning.
  const double centre = (an.a + an.b) / 2 - along / 2;
  double start = (is_era && along > an.b - an.a) ? an.a : centre;
  // Near the plot's end a title starting on its band's edge would be pushed off
  // it: it ends on the band's other edge instead.
  if (is_era && along > an.b - an.a && an.a + along > hi && an.b - along >= lo) start = an.b - along;
  an.pos = clamp_to(vertical && is_era ? an.a : start, lo, std::max(lo, hi - along));
  return an;
}

// Rows counted from the lanes outward. Each title takes the row nearest the
// lanes where it overlaps no other title and meets no marker's rule: a
// title covering a marker's rule must stand at least as far out as that
// marker's title, and a marker's title no farther out than any title its own
// rule would cross. When those two bounds leave no free row, the marker's
// rule crosses a title and only overlaps are avoided. Markers are placed
// first, their rules being the obstacles era titles step around.
//
// Titles are placed in order along the time axis, so every title already in
// a row starts no later than the one being placed: a row is free for it when
// the row's titles all end by its start (one number per row, searched in a
// segment tree) and, for eras, no marker's title starts inside it (markers
// to the right, placed before; a second tree). Each title costs O(log n),
// so 10,000 markers and eras take milliseconds instead of minutes.

constexpr double kInf = std::numeric_limits<double>::infinity();

constexpr double kTouch = 1;            // pt: eras this close meet
constexpr double kAlternateTint = 1.75;  // the deeper tint of every other touching era
constexpr double kEraFade = 0.15;        // an approximate end fades to this share of the tint

// Which eras meet the one before and which take the alternate tint: along
// time, each run of touching (or overlapping) eras alternates.
void mark_neighbours(std::vector<Annotation>& labels) {
  std::vector<std::size_t> eras;
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i].is_era) eras.push_back(i);
  std::stable_sort(eras.begin(), eras.end(), [&](std::size_t x, std::size_t y) { return labels[x].a < labels[y].a; });
  double reach = -kInf;  // the farthest end of the run so far
  bool alternate = false;
  for (const std::size_t i : eras) {
    Annotation& an = labels[i];
    an.meets_previous = an.a <= reach + kTouch;
    alternate = an.meets_previous && !alternate;
    an.alternate = alternate;
    reach = an.meets_previous ? std::max(reach, an.b) : an.b;
  }
}

// Segment tree over rows: the lowest row in a range whose value is at most
// (`Min`) or at least (`Max`) a bound.
template <bool Min>
class RowTree {
 public:
  explicit RowTree(std::size_t n) : size_(std::max<std::size_t>(1, n)), node_(4 * size_, Min ? -kInf : kInf) {}

  void set(std::size_t i, double v) { set(1, 0, size_ - 1, i, v); }

  // The lowest row in [lo, hi] whose value passes `bound`, or npos.
  std::size_t first(std::size_t lo, std::size_t hi, double bound) const {
    if (lo > hi || lo >= size_) return npos;
    return first(1, 0, size_ - 1, lo, std::min(hi, size_ - 1), bound);
  }

  static constexpr std::size_t npos = std::numeric_limits<std::size_t>::max();

 private:
  static bool passes(double v, double bound) { return Min ? v <= bound : v >= bound; }
  static double best(double a, double b) { return Min ? std::min(a, b) : std::max(a, b); }

  void set(std::size_t n, std::size_t l, std::size_t r, std::size_t i, double v) {
    if (l == r) {
      node_[n] = v;
      return;
    }
    const std::size_t m = (l + r) / 2;
    if (i <= m) set(2 * n, l, m, i, v);
    else set(2 * n + 1, m + 1, r, i, v);
    node_[n] = best(node_[2 * n], node_[2 * n + 1]);
  }

  std::size_t first(std::size_t n, std::size_t l, std::size_t r, std::size_t lo, std::size_t hi, double bound) const {
    if (r < lo || l > hi || !passes(node_[n], bound)) return npos;
    if (l == r) return l;
    const std::size_t m = (l + r) / 2;
    const std::size_t left = first(2 * n, l, m, lo, hi, bound);
    return left != npos ? left : first(2 * n + 1, m + 1, r, lo, hi, bound);
  }

  std::size_t size_;
  std::vector<double> node_;
};

// Marker rules along the time axis, compressed to their sorted positions:
// the farthest row of a marker whose rule lies in a range, and the nearest
// row of a title lying over a rule.
class Rules {
 public:
  explicit Rules(std::vector<double> at) : at_(std::move(at)) {
    std::sort(at_.begin(), at_.end());
    at_.erase(std::unique(at_.begin(), at_.end()), at_.end());
    size_ = std::max<std::size_t>(1, at_.size());
    farthest_.assign(4 * size_, -1);
    nearest_.assign(4 * size_, std::numeric_limits<std::size_t>::max());
  }

  // A marker in `row` with its rule at `x`.
  void add_rule(double x, std::size_t row) {
    const std::size_t i = index(x);
    raise(1, 0, size_ - 1, i, static_cast<double>(row));
  }
  // The farthest row of the rules in [a, b]; -1 when none.
  double farthest(double a, double b) const {
    const auto [lo, hi] = range(a, b);
    if (lo >= hi) return -1;
    return max_of(1, 0, size_ - 1, lo, hi - 1);
  }
  // A title over [a, b] in `row`.
  void add_title(double a, double b, std::size_t row) {
    const auto [lo, hi] = range(a, b);
    if (lo < hi) lower(1, 0, size_ - 1, lo, hi - 1, row);
  }
  // The nearest row of a title over the rule at `x`.
  std::size_t nearest(double x) const {
    std::size_t best = std::numeric_limits<std::size_t>::max();
    std::size_t n = 1, l = 0, r = size_ - 1;
    const std::size_t i = index(x);
    while (true) {
      best = std::min(best, nearest_[n]);
      if (l == r) return best;
      const std::size_t m = (l + r) / 2;
      if (i <= m) n = 2 * n, r = m;
      else n = 2 * n + 1, l = m + 1;
    }
  }

 private:
  std::size_t index(double x) const {
    return static_cast<std::size_t>(std::lower_bound(at_.begin(), at_.end(), x) - at_.begin());
  }
  std::pair<std::size_t, std::size_t> range(double a, double b) const {
    return {index(a), static_cast<std::size_t>(std::upper_bound(at_.begin(), at_.end(), b) - at_.begin())};
  }
  void raise(std::size_t n, std::size_t l, std::size_t r, std::size_t i, double v) {
    farthest_[n] = std::max(farthest_[n], v);
    if (l == r) return;
    const std::size_t m = (l + r) / 2;
    if (i <= m) raise(2 * n, l, m, i, v);
    else raise(2 * n + 1, m + 1, r, i, v);
  }
  double max_of(std::size_t n, std::size_t l, std::size_t r, std::size_t lo, std::size_t hi) const {
    if (r < lo || l > hi) return -1;
    if (lo <= l && r <= hi) return farthest_[n];
    const std::size_t m = (l + r) / 2;
    return std::max(max_of(2 * n, l, m, lo, hi), max_of(2 * n + 1, m + 1, r, lo, hi));
  }
  void lower(std::size_t n, std::size_t l, std::size_t r, std::size_t lo, std::size_t hi, std::size_t row) {
    if (r < lo || l > hi) return;
    if (lo <= l && r <= hi) {
      nearest_[n] = std::min(nearest_[n], row);
      return;
    }
    const std::size_t m = (l + r) / 2;
    lower(2 * n, l, m, lo, hi, row);
    lower(2 * n + 1, m + 1, r, lo, hi, row);
  }

  std::vector<double> at_;
  std::size_t size_ = 1;
  std::vector<double> farthest_;
  std::vector<std::size_t> nearest_;
};

struct Span {
  double begin = 0, end = 0;  // the title along the time axis, with its gap
  double rule = 0;            // a marker's position
};

// The titles in each row that start no later than the one being placed. A
// row is free for a title [b, e) when none of them ends after b; for a title
// of no length at b, when none contains b strictly, which also lets a row
// whose farthest title starts exactly at b take it.
class RowEnds {
 public:
  static constexpr std::size_t npos() { return RowTree<true>::npos; }

  explicit RowEnds(std::size_t rows) : ends_(rows), end_(rows, -kInf), end_begin_(rows, -kInf) {}

  void add(std::size_t row, const Span& s) {
    if (s.end > end_[row]) {
      end_[row] = s.end;
      end_begin_[row] = s.begin;
      ends_.set(row, s.end);
    }
    if (s.begin != at_) {
      at_ = s.begin;
      starting_here_.clear();
    }
    if (end_begin_[row] == at_) starting_here_.insert(row);
  }

  // The lowest free row in [lo, hi] for `s`, or npos.
  std::size_t first_free(std::size_t lo, std::size_t hi, const Span& s) {
    std::size_t r = ends_.first(lo, hi, s.begin);
    if (s.end == s.begin) {
      if (s.begin != at_) {
        at_ = s.begin;
        starting_here_.clear();
      }
      const auto it = starting_here_.lower_bound(lo);
      if (it != starting_here_.end() && *it <= hi) r = std::min(r, *it);
    }
    return r;
  }

 private:
  RowTree<true> ends_;
  std::vector<double> end_, end_begin_;
  double at_ = -kInf;                  // the start of the titles placed last
  std::set<std::size_t> starting_here_;  // rows whose farthest-reaching title starts at at_
};

// For era titles: per row, the marker titles not yet passed, by start; a row
// is blocked for [b, e) by a marker title starting inside (b, e).
class MarkersAhead {
 public:
  MarkersAhead(std::size_t rows, std::vector<std::vector<double>> starts)
      : starts_(std::move(starts)), next_(rows, 0), tree_(rows) {
    for (std::size_t r = 0; r < starts_.size(); ++r) update(r);
  }
  // The marker title starting first in `row` has been passed.
  void pass(std::size_t row) {
    ++next_[row];
    update(row);
  }
  // The lowest row in [lo, hi] where no marker title starts before `e`.
  std::size_t first_clear(std::size_t lo, std::size_t hi, double e) const { return tree_.first(lo, hi, e); }

 private:
  void update(std::size_t r) { tree_.set(r, next_[r] < starts_[r].size() ? starts_[r][next_[r]] : kInf); }
  std::vector<std::vector<double>> starts_;
  std::vector<std::size_t> next_;
  RowTree<false> tree_;
};

std::size_t assign_rows(std::vector<Annotation>& labels, bool vertical) {
  const std::size_t n = labels.size();
  std::vector<Span> spans(n);
  std::vector<std::size_t> markers, eras;
  std::vector<double> rules;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& an = labels[i];
    const double along = an.text.empty() ? 0 : (vertical ? an.h : an.w) + kAnnotationGap;
    spans[i] = {an.pos, an.pos + along, an.a};
    (an.is_era ? eras : markers).push_back(i);
    if (!an.is_era) rules.push_back(an.a);
  }
  const auto by_start = [&](std::size_t a, std::size_t b) { return labels[a].pos < labels[b].pos; };
  std::stable_sort(markers.begin(), markers.end(), by_start);
  std::stable_sort(eras.begin(), eras.end(), by_start);

  Rules rule_rows(std::move(rules));
  std::size_t placed = 0, rows = 0;
  auto settle = [&](std::size_t i, std::size_t row) {
    labels[i].row = row;
    rows = std::max(rows, row + 1);
    ++placed;
  };

  RowEnds marker_rows(n + 1);
  for (const std::size_t i : markers) {
    const Span& s = spans[i];
    const double below = rule_rows.farthest(s.begin, s.end);
    const std::size_t lo = below < 0 ? 0 : static_cast<std::size_t>(below);
    const std::size_t hi = std::min(placed, rule_rows.nearest(s.rule));
    std::size_t row = lo <= hi ? marker_rows.first_free(lo, hi, s) : RowEnds::npos();
    // A rule already crossed by a title nearer the lanes: accept the crossing.
    if (row == RowEnds::npos()) row = marker_rows.first_free(0, placed, s);
    marker_rows.add(row, s);
    rule_rows.add_rule(s.rule, row);
    rule_rows.add_title(s.begin, s.end, row);
    settle(i, row);
  }

  std::vector<std::vector<double>> ahead(n + 1);
  for (const std::size_t i : markers) ahead[labels[i].row].push_back(spans[i].begin);
  MarkersAhead markers_ahead(n + 1, std::move(ahead));
  RowEnds era_rows(n + 1);
  std::size_t next_marker = 0;
  for (const std::size_t i : eras) {
    const Span& s = spans[i];
    // Marker titles starting by this one's start now count among the row's titles.
    for (; next_marker < markers.size() && spans[markers[next_marker]].begin <= s.begin; ++next_marker) {
      const std::size_t m = markers[next_marker];
      era_rows.add(labels[m].row, spans[m]);
      markers_ahead.pass(labels[m].row);
    }
    const double below = rule_rows.farthest(s.begin, s.end);
    const std::size_t lo = below < 0 ? 0 : static_cast<std::size_t>(below);
    auto search = [&](std::size_t from) {
      // Leapfrog between the two conditions; each jump skips a run of rows blocked by one of them.
      while (from <= placed) {
        const std::size_t r = era_rows.first_free(from, placed, s);
        if (r == RowEnds::npos() || s.end == s.begin) return r;
        const std::size_t clear = markers_ahead.first_clear(r, placed, s.end);
        if (clear == r || clear == RowEnds::npos()) return clear;
        from = clear;
      }
      return RowEnds::npos();
    };
    std::size_t row = search(lo);
    if (row == RowEnds::npos()) row = search(0);
    era_rows.add(row, s);
    settle(i, row);
  }
  return rows;
}

}  // namespace

std::vector<scene::Shape> era_band(const Annotation& an, double c0, double c1) {
  std::vector<scene::Shape> out;
  const double opacity = std::min(1.0, an.era.opacity * (an.alternate ? kAlternateTint : 1.0));
  const Color tint = with_alpha(an.era.fill, opacity);
  const double length = std::max(0.0, an.b - an.a);
  scene::Paint paint = scene::Paint::solid(tint);
  if ((an.fade_start || an.fade_end) && length > 0) {
    // As an event's bar: about 12 pt of fade, between a tenth and 45 % of the band.
    const double f = std::clamp(12.0 / length, 0.1, 0.45);
    const Color faint = with_alpha(an.era.fill, opacity * kEraFade);
    const double mid = (c0 + c1) / 2;
    paint = scene::Paint{};
    paint.from = {an.a, mid};
    paint.to = {an.b, mid};
    paint.stops.push_back({0, an.fade_start ? faint : tint});
    if (an.fade_start) paint.stops.push_back({f, tint});
    if (an.fade_end) paint.stops.push_back({1 - f, tint});
    paint.stops.push_back({1, an.fade_end ? faint : tint});
  }
  out.push_back(scene::Rect{{an.a, c0, length, c1 - c0}, 0, paint, {}});
  if (an.meets_previous)
    out.push_back(line({an.a, c0}, {an.a, c1}, with_alpha(an.era.fill, std::clamp(4 * an.era.opacity, 0.25, 0.6)),
                       0.6));
  return out;
}

double Annotations::total() const {
  double t = 0;
  for (const double s : row_size) t += s;
  if (row_size.size() > 1) t += kAnnotationGap * static_cast<double>(row_size.size() - 1);
  return t;
}

Annotations plan_annotations(const styled::Timeline& timeline, const scale::TimeScale& s, double lo, double hi,
                             bool vertical, const text::TextMeasurer& m, TitleSide side) {
  Annotations out;
  // What lies wholly outside the view window is not drawn (layout() warns of it).
  const Domain window{s.domain_begin(), s.domain_end()};
  for (std::size_t i = 0; i < timeline.eras.size(); ++i) {
    const auto& e = timeline.eras[i];
    if (!in_window(era_time(e), window)) continue;
    auto an = make(true, i, &e.style, nullptr, e.title, s.to_page(e.begin), s.to_page(e.end_at), lo, hi, vertical,
                   m, side);
    an.fade_start = e.start.approximate || e.start.uncertain;
    an.fade_end = !e.end.present && (e.end.approximate || e.end.uncertain);
    // Below the chart only titles are drawn; the band belongs to the plan above.
    if (side == TitleSide::above || !an.text.empty()) out.labels.push_back(std::move(an));
  }
  for (std::size_t i = 0; side == TitleSide::above && i < timeline.markers.size(); ++i) {
    const auto& mk = timeline.markers[i];
    if (!in_window(marker_time(mk), window)) continue;
    const double x = s.to_page(mk.at);
    out.labels.push_back(make(false, i, nullptr, &mk.style, mk.title, x, x, lo, hi, vertical, m, side));
  }
  mark_neighbours(out.labels);
  const auto rows = assign_rows(out.labels, vertical);
  out.row_size.assign(rows, 0);
  for (const auto& an : out.labels)
    out.row_size[an.row] = std::max(out.row_size[an.row], vertical ? an.w : an.h);
  return out;
}

}  // namespace annals::layout
