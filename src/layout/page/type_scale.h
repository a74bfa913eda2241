#pragma once
// The type scale of a composition: one factor applied to every size of the
// chart's style (type, marks, gaps, paddings, rules) through one place, so a
// composition at scale s is the style drawn s times larger or smaller. Page
// fitting (layout.cpp) searches the factor that fills a fixed page between
// the legible minimum (font.min_size) and a maximum that grows with the page.
#include "layout/page/page_blocks.h"
#include "style/values.h"
#include "styled/timeline.h"

namespace annals::layout {

// The factors page fitting may choose from for `page`: `min` keeps event
// labels at font.min_size (or at the style's size when it is smaller
// still), `max` lets a page larger than the style's body size was drawn for
// grow its type with the page (about 12.5 pt labels on A3, twice that on A1;
// never less than the style's own size).
struct TypeRange {
  double min = 1, max = 1;
};
TypeRange type_range(const style::Style& style, const PageFrame& page);

// `s` with every size times `k`. A text smaller than font.min_size at the
// style's own size stays as written; others never fall below font.min_size.
// The page's size and margin are kept.
style::Style scaled(const style::Style& s, double k);

// The timeline with its style, and every event's, era's and marker's, scaled by `k`.
styled::Timeline scaled(const styled::Timeline& t, double k);

}  // namespace annals::layout
