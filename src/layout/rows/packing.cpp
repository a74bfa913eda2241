#include "layout/rows/packing.h"

#include <algorithm>
#include <functional>
#include <iterator>
#include <numeric>
#include <queue>
#include <optional>
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

Packing time_ordered(std::span<const Extent> extents, std::span<const double> mark_ends) {
  std::vector<std::size_t> order(extents.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return extents[a].begin < extents[b].begin;
  });
  std::size_t budget = std::max<std::size_t>(1, row_budget(max_overlap(extents)));

  Packing out;
  out.row_of.assign(extents.size(), 0);
  // Busy rows (their extent runs on) and the rows whose mark runs on, each
  // waiting in a heap by where it ends; a mark never outlasts its extent.
  MinHeap<std::pair<double, std::size_t>> busy_until, mark_until;
  std::set<std::size_t> free_rows, marks;
  for (std::size_t r = 0; r < budget; ++r) free_rows.insert(r);
  for (const std::size_t i : order) {
    const Extent& e = extents[i];
    while (!mark_until.empty() && mark_until.top().first <= e.begin + kTouch) {
      marks.erase(mark_until.top().second);
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
    std::size_t row = first_free_below(marks.empty() ? std::nullopt : std::optional(*marks.rbegin()));
    if (row >= budget) {
      const std::size_t last_free = *free_rows.rbegin();
      const auto after = marks.lower_bound(last_free);
      row = first_free_below(after == marks.begin() ? std::nullopt : std::optional(*std::prev(after)));
    }
    free_rows.erase(row);
    out.row_of[i] = row;
    out.rows = std::max(out.rows, row + 1);
    const double end = std::max(e.end, e.begin);
    busy_until.emplace(end, row);
    const double mark_end = i < mark_ends.size() ? std::min(end, mark_ends[i]) : end;
    if (mark_end > e.begin + kTouch) {
      marks.insert(row);
      mark_until.emplace(mark_end, row);
    }
  }
  return out;
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
