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

// The most extents overlapping at one point: the lower bound of any packing.
std::size_t max_overlap(std::span<const Extent> extents);

}  // namespace annals::layout
