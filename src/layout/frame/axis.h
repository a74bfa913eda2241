#pragma once
// The time axis: its line, ticks with concise labels, the grid behind the
// lanes and the marks of collapsed stretches (axis breaks).
#include <utility>
#include <vector>

#include "base/geometry.h"
#include "dates/locale.h"
#include "layout/page/page_map.h"
#include "scale/time_scale.h"
#include "scene/scene.h"
#include "style/values.h"
#include "text/measurer.h"

namespace annals::layout {

struct AxisBlock {
  std::vector<scene::Shape> grid;    // behind everything in the plot
  std::vector<scene::Shape> gaps;    // unused: breaks are left unpainted (bands are cut instead)
  std::vector<scene::Shape> shapes;  // axis line, ticks, labels, break strokes
  std::vector<scene::Item> items;    // the axis and every labelled tick
  double size = 0;                   // how far the block reaches from the axis line
};

// Where the axis goes, in (t, c) coordinates (layout/page_map.h).
struct AxisFrame {
  double at = 0;                // the axis line's cross coordinate
  double plot_lo = 0, plot_hi = 0;  // the plot's cross extent: grid lines span it
  double page_lo = 0, page_hi = 0;  // labels stay within these along the time axis
  Color background;
  bool labels_before = false;   // ticks and labels on the near side of the line (an axis on top, or on the left)
  PageMap map;                  // labels stay upright on the page
  dates::Locale locale;         // the language of the tick labels
  dates::Precision finest = dates::Precision::time;  // of the chart's dates: no tick claims more
};

// The axis along t at cross `f.at`: shapes and items in (t, c), text upright.
AxisBlock time_axis(const scale::TimeScale& s, const style::Style& st, const AxisFrame& f,
                    const text::TextMeasurer& m);

// The page length of an axis break: wide enough to read as a break at the axis's type size.
double break_gap(const style::Style& st);

// The stretches of [a, b] (page coordinates along the time axis) outside the
// axis breaks: bands, bars and rules are cut there, so a break shows the page
// itself, transparent or not.
std::vector<std::pair<double, double>> unbroken(const scale::TimeScale& s, double a, double b);
// `box` (t, c) cut at the axis breaks along t.
std::vector<Box> cut_at_breaks(const Box& box, const scale::TimeScale& s);

}  // namespace annals::layout
