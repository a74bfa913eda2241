#pragma once
// From a styled timeline (styled/timeline.h: every value resolved) to a
// finished Scene: lanes, rows, labels without collisions, eras, markers,
// axis, title, legend, page fitting. The one layout call.
#include <functional>
#include <string>

#include "base/diagnostics.h"
#include "dates/date.h"
#include "layout/rows/packing.h"
#include "scene/scene.h"
#include "styled/timeline.h"
#include "text/measurer.h"

namespace annals::layout {

struct Options {
  std::string creator = "annals"; // PDF/SVG metadata
  // When set, a chart laid out over several pages (FORMAT.md §5.6) hands
  // each page here in order once the next three are composed (a short
  // last page may still share their events) and keeps none after that:
  // memory is bounded by a few pages, not by the chart, and the pages can be
  // drawn while the rest is laid out. The scene returned then has no shapes,
  // items or further pages. A chart of one page (even one that paginating
  // found fits) is returned as always.
  std::function<void(scene::Scene page)> on_page;
};

// Layout takes the styled timeline over: it drops what lies outside the view
// window. Problems (a page too small, a shortened label, something outside
// the view window) go to `diags` as warnings.
scene::Scene layout(styled::Timeline chart, const Options& options, const text::TextMeasurer& measurer,
                    Diagnostics& diags);

// How a lane's events were packed: one extent per event (mark and label
// along the time axis, in the order of the file) and the rows they use.
struct LaneRows {
  std::string lane;              // the lane's id
  std::size_t rows = 0;
  std::vector<Extent> extents;
};

// A collapsed stretch of the time axis: the time left out and the page
// interval along the time axis that stands for it.
struct AxisBreak {
  dates::Seconds t0 = 0, t1 = 0;
  double a = 0, b = 0;
};

struct Detailed {
  scene::Scene scene;
  std::vector<LaneRows> lanes;
  std::vector<AxisBreak> breaks;
};

// layout() with what it decided on the way, for tests and tools.
Detailed layout_detailed(styled::Timeline chart, const Options& options, const text::TextMeasurer& measurer,
                         Diagnostics& diags);

}  // namespace annals::layout
