#pragma once
// Page geometry in points (1/72 in), origin at the top-left corner.
namespace annals {

struct Point {
  double x = 0;
  double y = 0;
};

struct Box {
  double x = 0;
  double y = 0;
  double w = 0;
  double h = 0;

  double right() const { return x + w; }
  double bottom() const { return y + h; }
  // True when the interiors meet; boxes that only touch do not overlap.
  bool overlaps(const Box& o, double eps = 1e-6) const {
    return x < o.right() - eps && o.x < right() - eps && y < o.bottom() - eps && o.y < bottom() - eps;
  }
  bool contains(const Box& o, double eps = 1e-6) const {
    return o.x >= x - eps && o.y >= y - eps && o.right() <= right() + eps && o.bottom() <= bottom() + eps;
  }
};

}  // namespace annals
