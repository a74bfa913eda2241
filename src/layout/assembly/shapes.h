#pragma once
// Small helpers for building scene shapes and their boxes.
#include <algorithm>

#include "base/color.h"
#include "base/geometry.h"
#include "scene/scene.h"

namespace annals::layout {

inline Color with_alpha(Color c, double a) {
  c.a *= a;
  return c;
}

inline Box union_box(const Box& a, const Box& b) {
  const double x0 = std::min(a.x, b.x), y0 = std::min(a.y, b.y);
  const double x1 = std::max(a.right(), b.right()), y1 = std::max(a.bottom(), b.bottom());
  return {x0, y0, x1 - x0, y1 - y0};
}

// The area a shape covers, strokes excluded.
Box box_of(const scene::Shape& s);

// Moves a shape (and any gradient it carries) by (dx, dy).
void translate(scene::Shape& s, double dx, double dy);

inline scene::Line line(Point a, Point b, Color c, double width, std::vector<double> dash = {}) {
  return scene::Line{a, b, scene::Stroke{c, width, std::move(dash)}};
}

}  // namespace annals::layout
