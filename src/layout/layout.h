#pragma once
// From a timeline and its style to a finished Scene: lanes, rows, labels
// without collisions, eras, markers, axis, title, legend, page fitting.
#include "base/diagnostics.h"
#include "base/property.h"
#include "dates/date.h"
#include "layout/packing.h"
#include "model/timeline.h"
#include "scene/scene.h"
#include "style/style.h"
#include "text/measurer.h"

namespace annals::layout {

struct Options {
  dates::Date now;                // what "present" means (already chosen by the caller)
  PropertySheet command_line;     // `--set KEY=VALUE`, strongest in the cascade
  std::string creator = "annals"; // PDF/SVG metadata
};

// `style` is already resolved up to the timeline's [style] table and the
// command line's --set for non-event keys. Problems (a page too small, a
// shortened label) go to `diags` as warnings.
scene::Scene layout(const model::Timeline& timeline, const style::Style& style,
                    const Options& options, const text::TextMeasurer& measurer,
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
Detailed layout_detailed(const model::Timeline& timeline, const style::Style& style,
                         const Options& options, const text::TextMeasurer& measurer,
                         Diagnostics& diags);

}  // namespace annals::layout
