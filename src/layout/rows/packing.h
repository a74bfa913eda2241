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

// Rows that read in time order: of two events whose extents overlap (so
// that they take different rows), the one whose mark starts later goes
// below; a pair whose marks overlap too weighs eight times more. `marks` says where
// each event's mark lies inside its extent (its label may run before or
// after it; empty: the whole extent). In order of mark begin, each extent
// goes to the first row below every overlapping extent placed before it
// that it fits; past `row_budget(max_overlap)` rows the staircase restarts
// higher up, on the fitting row with the fewest of those below it. A few passes of
// moves, trades between overlapping events and moves that send up to three
// events in the way elsewhere follow. Unless that leaves every pair in
// order, the extents are also taken in order of begin, where a free row
// always exists (labels before marks break the interval order of marks),
// and the order with fewer pairs out of order is kept. Never more than
// `row_budget` rows, none left empty; extents that never overlap stay on
// one row. Large lanes (events × rows beyond a few million) keep the order
// of begins alone, O(n log n).
Packing time_ordered(std::span<const Extent> extents, std::span<const Extent> marks = {});

// The rows `time_ordered` may use for a lane whose extents overlap `depth`
// deep: a quarter more, rounded down, so two or three rows stay exact.
std::size_t row_budget(std::size_t depth);

// The most extents overlapping at one point: the lower bound of any packing.
std::size_t max_overlap(std::span<const Extent> extents);

}  // namespace annals::layout
