#include "layout/rows/packing.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <map>
#include <numeric>
#include <optional>
#include <queue>
#include <set>
#include <utility>

namespace annals::layout {

namespace {

// Extents closer than this are treated as touching (rounding in page units).
constexpr double kTouch = 1e-9;

template <class T>
using MinHeap = std::priority_queue<T, std::vector<T>, std::greater<T>>;

}  // namespace

Packing first_fit(std::span<const Extent> extents) {
  std::vector<std::size_t> order(extents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return extents[a].begin < extents[b].begin;
  });

  Packing out;
  out.row_of.assign(extents.size(), 0);
  // Begins only grow, so a row once free stays free for every later extent:
  // busy rows wait in a heap by end, free rows in a heap by index.
  MinHeap<std::pair<double, std::size_t>> busy;
  MinHeap<std::size_t> free_rows;
  for (const std::size_t i : order) {
    const Extent& e = extents[i];
    while (!busy.empty() && busy.top().first <= e.begin + kTouch) {
      free_rows.push(busy.top().second);
      busy.pop();
    }
    std::size_t row = out.rows;
    if (free_rows.empty())
      ++out.rows;
    else {
      row = free_rows.top();
      free_rows.pop();
    }
    out.row_of[i] = row;
    busy.emplace(std::max(e.end, e.begin), row);
  }
  return out;
}

std::size_t row_budget(std::size_t depth) { return depth + depth / 4; }

namespace {

// What an extent occupies: an empty one occupies its begin only.
Extent occupied(std::span<const Extent> extents, std::size_t i) {
  return {extents[i].begin, std::max(extents[i].end, extents[i].begin)};
}

// A mark never outlasts its extent; without marks, the extent is the mark.
Extent mark_of(std::span<const Extent> extents, std::span<const Extent> marks, std::size_t i) {
  const Extent e = occupied(extents, i);
  if (i >= marks.size()) return e;
  return {std::clamp(marks[i].begin, e.begin, e.end), std::clamp(marks[i].end, e.begin, e.end)};
}

// Indices in order of where their marks begin (ties in input order).
std::vector<std::size_t> by_mark_begin(std::span<const Extent> extents, std::span<const Extent> marks) {
  std::vector<std::size_t> order(extents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return mark_of(extents, marks, a).begin < mark_of(extents, marks, b).begin;
  });
  return order;
}

// The extents placed on each row, by begin, for placement in any order.
class Rows {
 public:
  explicit Rows(std::size_t count) : rows_(count) {}
  bool fits(std::size_t row, const Extent& e) const {
    const auto& r = rows_[row];
    const auto next = r.lower_bound(e.end - kTouch);
    return next == r.begin() || std::prev(next)->second.first <= e.begin + kTouch;
  }
  void put(std::size_t row, const Extent& e, std::size_t event = 0) {
    if (e.end > e.begin + kTouch) rows_[row].emplace(e.begin, std::pair(e.end, event));
  }
  void lift(std::size_t row, const Extent& e) {
    if (e.end > e.begin + kTouch) rows_[row].erase(e.begin);
  }
  // The events on a row whose extents `e` would overlap, at most `limit`
  // of them (empty and false past that).
  bool in_the_way(std::size_t row, const Extent& e, std::size_t limit, std::vector<std::size_t>& out) const {
    out.clear();
    const auto& r = rows_[row];
    for (auto it = r.lower_bound(e.end - kTouch); it != r.begin();) {
      --it;
      if (it->second.first <= e.begin + kTouch) break;  // ends grow with begins on a row
      if (out.size() == limit) return out.clear(), false;
      out.push_back(it->second.second);
    }
    return true;
  }

 private:
  std::vector<std::map<double, std::pair<double, std::size_t>>> rows_;  // begin → end, event
};

// Of two events whose extents overlap, which must take different rows, a
// reader sees which lies below: the later should. When their marks overlap
// too, the pair weighs as much as several, since then a mark above one that
// starts sooner reads as wrong even without looking at labels, and two
// labels' order must never cost the order of marks.
struct Near {
  std::size_t event = 0;
  std::size_t weight = 1;
};
constexpr std::size_t kMarksWeight = 8;

bool marks_overlap(const Extent& a, const Extent& b) { return a.begin < b.end - kTouch && b.begin < a.end - kTouch; }

// For each event, the events whose extents overlap its own and whose marks
// do not start together with it; empty when there are more than `limit`
// such pairs. With `marks_only`, only those whose marks overlap.
std::vector<std::vector<Near>> overlapping(std::span<const Extent> extents, std::span<const Extent> marks,
                                           std::size_t limit, bool marks_only) {
  std::vector<std::vector<Near>> out(extents.size());
  std::vector<std::size_t> order(extents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const auto span_of = [&](std::size_t i) { return marks_only ? mark_of(extents, marks, i) : occupied(extents, i); };
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return span_of(a).begin < span_of(b).begin; });
  std::set<std::pair<double, std::size_t>> running;  // (end, event)
  std::size_t pairs = 0;
  for (const std::size_t i : order) {
    const Extent e = span_of(i);
    while (!running.empty() && running.begin()->first <= e.begin + kTouch) running.erase(running.begin());
    const Extent m = mark_of(extents, marks, i);
    for (const auto& [end, j] : running) {
      const Extent mj = mark_of(extents, marks, j);
      if (std::abs(mj.begin - m.begin) <= kTouch) continue;  // marks that start together have no order to keep
      const std::size_t weight = marks_overlap(m, mj) ? kMarksWeight : 1;
      out[i].push_back({j, weight});
      out[j].push_back({i, weight});
      if (++pairs > limit) return {};
    }
    if (e.end > e.begin + kTouch) running.emplace(e.end, i);
  }
  return out;
}

// The rows of the events near one, those that start sooner (it belongs below
// them) and later (above), each side by weight: what a row would cost it is
// a few binary searches.
class Neighbours {
 public:
  void clear() {
    for (auto& v : rows_) v.clear();
  }
  void add(bool sooner, std::size_t weight, std::size_t row) { rows_[(sooner ? 0 : 2) + (weight > 1)].push_back(row); }
  void sort() {
    for (auto& v : rows_) std::sort(v.begin(), v.end());
  }
  bool none_sooner() const { return rows_[0].empty() && rows_[1].empty(); }
  std::size_t deepest_sooner() const {
    return std::max(rows_[0].empty() ? 0 : rows_[0].back(), rows_[1].empty() ? 0 : rows_[1].back());
  }
  // Weighted pairs a row puts out of order: sooner ones on it or below, later ones above.
  std::size_t misordered(std::size_t row) const {
    const auto under = [&](const std::vector<std::size_t>& v) {
      return static_cast<std::size_t>(v.end() - std::lower_bound(v.begin(), v.end(), row));
    };
    const auto over = [&](const std::vector<std::size_t>& v) {
      return static_cast<std::size_t>(std::lower_bound(v.begin(), v.end(), row) - v.begin());
    };
    return under(rows_[0]) + kMarksWeight * under(rows_[1]) + over(rows_[2]) + kMarksWeight * over(rows_[3]);
  }

 private:
  std::vector<std::size_t> rows_[4];  // sooner, sooner by marks, later, later by marks
};

// In order of where marks begin, so every placed event near an event's
// starts sooner: the event goes to the first row under all of them that its
// extent fits, else to the fitting row with the fewest of them below it, the
// highest among equals. Without `near` (too many pairs to list), the events
// near are those whose marks overlap. Labels that run before their marks
// make this order differ from the order of extents, which alone guarantees a
// fit within the budget: empty when some extent fits no row.
std::optional<Packing> by_mark(std::span<const Extent> extents, std::span<const Extent> marks,
                               const std::vector<std::vector<Near>>& near, std::size_t budget) {
  Rows rows(budget);
  Packing out;
  out.row_of.assign(extents.size(), 0);
  std::set<std::pair<double, std::size_t>> running;  // (mark end, event) of the marks placed
  Neighbours sooner;
  for (const std::size_t i : by_mark_begin(extents, marks)) {
    const Extent e = occupied(extents, i);
    const Extent m = mark_of(extents, marks, i);
    while (!running.empty() && running.begin()->first <= m.begin + kTouch) running.erase(running.begin());
    sooner.clear();
    if (near.empty()) {
      for (const auto& [end, j] : running)  // marks that start together have no order to keep
        if (mark_of(extents, marks, j).begin < m.begin - kTouch) sooner.add(true, kMarksWeight, out.row_of[j]);
    } else {
      for (const auto& [j, weight] : near[i])
        if (mark_of(extents, marks, j).begin < m.begin) sooner.add(true, weight, out.row_of[j]);
    }
    sooner.sort();
    std::optional<std::size_t> row;
    for (std::size_t r = sooner.none_sooner() ? 0 : sooner.deepest_sooner() + 1; r < budget && !row; ++r)
      if (rows.fits(r, e)) row = r;
    std::size_t least = 0;
    for (std::size_t r = 0; r < budget && (!row || least > 0); ++r)
      if (const auto bad = sooner.misordered(r); rows.fits(r, e) && (!row || bad < least)) row = r, least = bad;
    if (!row) return std::nullopt;
    rows.put(*row, e);
    out.row_of[i] = *row;
    out.rows = std::max(out.rows, *row + 1);
    if (m.end > m.begin + kTouch) running.emplace(m.end, i);
  }
  return out;
}

// In order of where extents begin, so a free row is always there within the
// budget: each event goes to the first free row below the lowest row whose
// mark still runs at its begin, so overlapping marks form a staircase that
// descends with time. When the staircase would pass the budget it restarts
// higher up, on a free row with the fewest running marks below it: the first
// free row under the last running mark above the last free row. O(n log n).
Packing by_extent(std::span<const Extent> extents, std::span<const Extent> marks, std::size_t budget) {
  std::vector<std::size_t> order(extents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return extents[a].begin < extents[b].begin;
  });
  Packing out;
  out.row_of.assign(extents.size(), 0);
  // Busy rows (their extent runs on) and the rows whose mark runs on, each
  // waiting in a heap by where it ends.
  MinHeap<std::pair<double, std::size_t>> busy_until, mark_until;
  std::set<std::size_t> free_rows, running;
  for (std::size_t r = 0; r < budget; ++r) free_rows.insert(r);
  for (const std::size_t i : order) {
    const Extent e = occupied(extents, i);
    while (!mark_until.empty() && mark_until.top().first <= e.begin + kTouch) {
      running.erase(mark_until.top().second);
      mark_until.pop();
    }
    while (!busy_until.empty() && busy_until.top().first <= e.begin + kTouch) {
      free_rows.insert(busy_until.top().second);
      busy_until.pop();
    }
    // At most max_overlap - 1 rows are busy here unless the extent is empty.
    if (free_rows.empty()) free_rows.insert(budget++);
    const auto first_free_below = [&](std::optional<std::size_t> above) {
      const auto it = above ? free_rows.upper_bound(*above) : free_rows.begin();
      return it == free_rows.end() ? budget : *it;
    };
    std::size_t row = first_free_below(running.empty() ? std::nullopt : std::optional(*running.rbegin()));
    if (row >= budget) {
      const std::size_t last_free = *free_rows.rbegin();
      const auto after = running.lower_bound(last_free);
      row = first_free_below(after == running.begin() ? std::nullopt : std::optional(*std::prev(after)));
    }
    free_rows.erase(row);
    out.row_of[i] = row;
    out.rows = std::max(out.rows, row + 1);
    busy_until.emplace(e.end, row);
    const double mark_end = mark_of(extents, marks, i).end;
    if (mark_end > e.begin + kTouch) {
      running.insert(row);
      mark_until.emplace(mark_end, row);
    }
  }
  return out;
}

// Either greedy order sees only the events placed before: a few passes then
// move each event to the row its extent fits with the fewest of its
// overlapping marks out of order, let two overlapping events trade rows, or
// move an event to a better row by sending the few events in its way to their
// best other rows, whenever that puts fewer out of order. Rows left empty
// close up.
void polish(std::span<const Extent> extents, std::span<const Extent> marks,
            const std::vector<std::vector<Near>>& near, Packing& p) {
  constexpr int kPasses = 4;
  Rows rows(p.rows);
  for (std::size_t i = 0; i < extents.size(); ++i) rows.put(p.row_of[i], occupied(extents, i), i);
  Neighbours around;
  std::vector<std::size_t> moving;
  // Every look at an event near another, or at a row for one, counts
  // against this budget: a lane hundreds of events deep would take seconds
  // per polish (and a composition lays a lane out many times), while its
  // rows can only be read roughly in order anyway. Lanes a reader can follow
  // polish in full well within it.
  constexpr std::size_t kLooksPerPair = 30, kFewestLooks = 50'000, kMostLooks = 2'000'000;
  const std::size_t pairs = std::accumulate(near.begin(), near.end(), std::size_t{0},
                                            [](std::size_t n, const std::vector<Near>& v) { return n + v.size(); });
  const std::size_t budget = std::clamp(kLooksPerPair * pairs, kFewestLooks, kMostLooks);
  std::size_t looks = 0;
  const auto spent = [&] { return looks >= budget; };
  // Out of order pairs of event i on a row, the other events where they are.
  const auto cost = [&](std::size_t i, std::size_t row) {
    const double begin = mark_of(extents, marks, i).begin;
    std::size_t n = 0;
    looks += near[i].size();
    for (const auto& [j, weight] : near[i])
      n += weight * (mark_of(extents, marks, j).begin < begin ? p.row_of[j] >= row : p.row_of[j] <= row);
    return n;
  };
  // Pairs out of order that involve a set of events, each pair once.
  const auto bad_among = [&](const std::vector<std::size_t>& set) {
    std::size_t n = 0;
    for (const std::size_t x : set) {
      const double begin = mark_of(extents, marks, x).begin;
      looks += near[x].size();
      for (const auto& [j, weight] : near[x]) {
        if (j < x && std::find(set.begin(), set.end(), j) != set.end()) continue;
        n += weight *
             (mark_of(extents, marks, j).begin < begin ? p.row_of[j] >= p.row_of[x] : p.row_of[j] <= p.row_of[x]);
      }
    }
    return n;
  };
  const auto sides = [&](std::size_t i) {
    const double begin = mark_of(extents, marks, i).begin;
    around.clear();
    looks += near[i].size();
    for (const auto& [j, weight] : near[i]) around.add(mark_of(extents, marks, j).begin < begin, weight, p.row_of[j]);
    around.sort();
  };
  constexpr std::size_t kInTheWay = 3;    // events one move may send elsewhere
  const std::size_t max_tries = 40 * extents.size();  // such moves tried, so long lanes stay quick
  std::size_t tries = 0;
  for (int pass = 0; pass < kPasses; ++pass) {
    bool moved = false;
    for (std::size_t i = 0; i < extents.size() && !spent(); ++i) {
      if (near[i].empty()) continue;
      const Extent e = occupied(extents, i);
      sides(i);
      looks += p.rows;
      const std::size_t from = p.row_of[i];
      rows.lift(from, e);
      std::size_t best = from, least = around.misordered(from);
      for (std::size_t r = 0; r < p.rows && least > 0; ++r)
        if (const auto m = around.misordered(r); m < least && rows.fits(r, e)) best = r, least = m;
      rows.put(best, e, i);
      p.row_of[i] = best;
      moved = moved || best != from;
    }
    for (std::size_t i = 0; i < extents.size() && !spent(); ++i)
      for (const auto& [j, weight] : near[i]) {
        const std::size_t ri = p.row_of[i], rj = p.row_of[j];
        // Only a pair out of order is worth trading (each pair looked at once).
        const bool i_sooner = mark_of(extents, marks, i).begin < mark_of(extents, marks, j).begin;
        if (j < i || (i_sooner ? ri < rj : rj < ri)) continue;
        const Extent ei = occupied(extents, i), ej = occupied(extents, j);
        rows.lift(ri, ei);
        rows.lift(rj, ej);
        bool trade = rows.fits(rj, ei) && rows.fits(ri, ej);
        if (trade) {
          const std::size_t before = cost(i, ri) + cost(j, rj);
          p.row_of[i] = rj, p.row_of[j] = ri;
          trade = cost(i, rj) + cost(j, ri) < before;
          if (!trade) p.row_of[i] = ri, p.row_of[j] = rj;
        }
        rows.put(p.row_of[i], ei, i);
        rows.put(p.row_of[j], ej, j);
        moved = moved || trade;
      }
    // An event whose own row is out of order moves to a row that reads
    // better, sending the few events in its way to their best other rows,
    // whenever that puts fewer pairs out of order.
    for (std::size_t i = 0; i < extents.size(); ++i) {
      const std::size_t from = p.row_of[i];
      if (near[i].empty() || tries >= max_tries || spent()) continue;
      sides(i);
      const std::size_t here = around.misordered(from);
      if (here == 0) continue;
      looks += p.rows;
      const Extent e = occupied(extents, i);
      for (std::size_t r = 0; r < p.rows; ++r) {
        if (r == from || spent() || around.misordered(r) >= here || ++tries > max_tries) continue;
        if (!rows.in_the_way(r, e, kInTheWay, moving) || moving.empty()) continue;
        moving.push_back(i);
        const std::size_t before = bad_among(moving);
        std::vector<std::size_t> was;
        std::vector<bool> placed(moving.size(), false);
        for (const std::size_t k : moving) was.push_back(p.row_of[k]), rows.lift(p.row_of[k], occupied(extents, k));
        rows.put(r, e, i);
        p.row_of[i] = r;
        placed.back() = true;
        bool fit = true;
        for (std::size_t k = 0; k + 1 < moving.size() && fit; ++k) {
          const std::size_t b = moving[k];
          const Extent eb = occupied(extents, b);
          std::optional<std::size_t> to;
          for (std::size_t q = 0; q < p.rows; ++q)
            if (q != r && rows.fits(q, eb) && (!to || cost(b, q) < cost(b, *to))) to = q;
          if (to) rows.put(*to, eb, b), p.row_of[b] = *to, placed[k] = true;
          fit = to.has_value();
        }
        if (fit && bad_among(moving) < before) {
          moved = true;
          break;
        }
        for (std::size_t k = 0; k < moving.size(); ++k)
          if (placed[k]) rows.lift(p.row_of[moving[k]], occupied(extents, moving[k]));
        for (std::size_t k = 0; k < moving.size(); ++k)
          p.row_of[moving[k]] = was[k], rows.put(was[k], occupied(extents, moving[k]), moving[k]);
      }
    }
    if (!moved || spent()) break;
  }
  std::vector<std::size_t> row_at(p.rows, 0);  // 1 where a row is used, then its new index + 1
  for (const std::size_t r : p.row_of) row_at[r] = 1;
  std::partial_sum(row_at.begin(), row_at.end(), row_at.begin());
  for (auto& r : p.row_of) r = row_at[r] - 1;
  p.rows = row_at.empty() ? 0 : row_at.back();
}

// Pairs near each other out of order, by weight: the later not below the sooner.
std::size_t out_of_order(std::span<const Extent> extents, std::span<const Extent> marks,
                         const std::vector<std::vector<Near>>& near, const Packing& p) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < near.size(); ++i)
    for (const auto& [j, weight] : near[i])
      n += weight * (mark_of(extents, marks, j).begin < mark_of(extents, marks, i).begin && p.row_of[i] <= p.row_of[j]);
  return n;
}

}  // namespace

Packing time_ordered(std::span<const Extent> extents, std::span<const Extent> marks) {
  const std::size_t budget = std::max<std::size_t>(1, row_budget(max_overlap(extents)));
  // The order of marks looks at every row for every event: lanes too large
  // for that keep the order of extents, and their polish is skipped.
  constexpr std::size_t kSearchLimit = 4'000'000;
  if (extents.size() * budget > kSearchLimit) return by_extent(extents, marks, budget);
  // A lane a reader can follow has far fewer pairs than these; past the
  // first, only the order of marks is worth its time.
  constexpr std::size_t kExtentPairLimit = 2'000, kPairLimit = 20'000;
  auto near = overlapping(extents, marks, kExtentPairLimit, false);
  if (near.empty()) near = overlapping(extents, marks, kPairLimit, true);
  auto p = by_mark(extents, marks, near, budget);
  if (near.empty()) return p ? *p : by_extent(extents, marks, budget);
  // Labels written before their marks can make either order the better
  // start: unless the order of marks reads in order already, both are
  // polished, and the one with fewer pairs out of order kept.
  std::size_t bad = 0;
  if (p) {
    polish(extents, marks, near, *p);
    bad = out_of_order(extents, marks, near, *p);
    if (bad == 0) return *p;
  }
  Packing q = by_extent(extents, marks, budget);
  polish(extents, marks, near, q);
  if (!p || out_of_order(extents, marks, near, q) < bad) return q;
  return *p;
}

std::size_t max_overlap(std::span<const Extent> extents) {
  // Ends sort before begins at the same coordinate: touching does not overlap.
  std::vector<std::pair<double, int>> events;
  events.reserve(extents.size() * 2);
  for (const auto& e : extents) {
    if (e.end - kTouch <= e.begin) continue;  // occupies nothing
    events.emplace_back(e.begin, +1);
    events.emplace_back(e.end - kTouch, -1);
  }
  std::sort(events.begin(), events.end());
  std::size_t depth = 0, best = 0;
  for (const auto& [x, d] : events) {
    depth = d > 0 ? depth + 1 : depth - 1;
    best = std::max(best, depth);
  }
  return best;
}

}  // namespace annals::layout
