#pragma once
// The one place orientation enters the chart. Every step plans in (time,
// cross) coordinates: `t` along the time axis (the scale's page positions),
// `c` across it (lanes, rows, axis and annotation rows stack along c). A
// PageMap turns those into page coordinates at the end: horizontal charts
// map (t, c) to (x, y), vertical ones to (y, x).
//
// Text and point marks stay upright on the page whichever way time runs: a
// step that places them in (t, c) builds them upright at map.point(p) and
// hands them to map.apply(), which, being its own inverse, sets them back
// upright at the end (see upright()).
#include "base/geometry.h"
#include "scene/scene.h"

namespace annals::layout {

struct PageMap {
  bool transposed = false;  // time runs down the page

  Point point(Point p) const { return transposed ? Point{p.y, p.x} : p; }
  Box box(const Box& b) const { return transposed ? Box{b.y, b.x, b.h, b.w} : b; }
  // A page-oriented size (width, height) as (along t, across).
  Point extent(double width, double height) const { return transposed ? Point{height, width} : Point{width, height}; }
  // Whether the cross direction runs along a line of text (time runs down):
  // there text needs air at its ends, which its line height does not give.
  bool cross_is_inline() const { return transposed; }

  void apply(scene::Shape& s) const;
  void apply(scene::Item& it) const {
    it.box = box(it.box);
    for (auto& p : it.route) p = point(p);
    if (it.title_box) it.title_box = box(*it.title_box);
  }
};

// `upright` built in page orientation at map.point(tc), as a (t, c) shape.
scene::Shape upright(const PageMap& map, scene::Shape upright);

}  // namespace annals::layout
