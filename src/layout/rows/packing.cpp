#include "layout/rows/packing.h"

#include <algorithm>
#include <functional>
#include <numeric>
#include <queue>
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
