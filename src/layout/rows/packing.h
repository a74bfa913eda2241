#pragma once
// Rows of a lane: interval packing along the time axis.
#include <cstddef>
#include <span>
#include <vector>

namespace annals::layout {

// What one event occupies along the time axis, mark and label together,
// half-open: extents that only touch share a row.
struct Extent {
  double begin = 0;
  double end = 0;
};

struct Packing {
  std::vector<std::size_t> row_of;  // per extent, in input order
  std::size_t rows = 0;
};

// First fit in order of begin (ties by input order): each extent goes to the
// lowest row whose last extent ends at or before its begin. For intervals
// this uses the fewest rows possible (the most extents overlapping at one
// point). O(n log n).
Packing first_fit(std::span<const Extent> extents);

// Rows that read in time order. `mark_ends` says where each event's mark
// ends (its label may run on; empty: at the extent's end): only marks that
// overlap in time have an order a reader sees. In order of begin (ties by
// input order), each extent goes to the first free row below the lowest row
// whose mark still runs at its begin, so overlapping marks form a staircase
// that descends with time. When the staircase would pass
// `row_budget(max_overlap)` rows it restarts higher up, on a free row with
// the fewest running marks below it (each an earlier event drawn under a
// later one): the first free row under the last running mark above the last
// free row. Never more than `row_budget` rows; extents that never overlap
// stay on one row. O(n log n).
Packing time_ordered(std::span<const Extent> extents, std::span<const double> mark_ends = {});

// The rows `time_ordered` may use for a lane whose extents overlap `depth`
// deep: a quarter more, rounded down, so two or three rows stay exact.
std::size_t row_budget(std::size_t depth);

// The most extents overlapping at one point: the lower bound of any packing.
std::size_t max_overlap(std::span<const Extent> extents);

}  // namespace annals::layout
