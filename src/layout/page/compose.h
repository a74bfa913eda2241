#pragma once
// Page composition: one composition of the whole page, the chart planned in
// (t, c) coordinates and mapped to the page once (page/page_map.h), by the
// same steps whichever way time runs. What differs between the orientations
// is stated once, in OrientationParams; what page fitting may change between
// compositions, in FitParams. The page fitting in layout.cpp may compose
// more than once (narrower labels, lanes stretched to fill a fixed page).
#include <vector>

#include "layout/annotations/annotations.h"
#include "layout/frame/axis.h"
#include "layout/frame/time_frame.h"
#include "layout/layout.h"
#include "layout/page/page_blocks.h"
#include "layout/page/page_map.h"
#include "layout/rows/event_plan.h"
#include "styled/timeline.h"

namespace annals::layout {

// What page fitting (layout.cpp) may change from one composition to the
// next to fit or fill a fixed page: the knobs a search over compositions turns.
struct FitParams {
  double label_factor = 1;  // < 1 wraps labels narrower to save space
  int extra_lines = 0;      // lines allowed beyond the style's max_label_lines
  double stretch = 0;       // spare room across on a fixed page, loosening the lanes' rows
  double scale = 1;         // the type scale the chart's style was drawn at (page/type_scale.h)
  bool grow_labels = false;  // labels as wide in ems as at the style's size (else as wide on the page)
  // A trial of the search: the composition's natural length and shortened
  // labels only, its lanes, events and links not drawn (the scene of a whole
  // chart too long for its page is most of a paged chart's peak memory).
  bool measure_only = false;
  // A measured trial that asks only how long the chart is at least: each
  // lane in the fewest rows, their time order not polished.
  bool fewest_rows = false;
};

struct ChartInput {
  const styled::Timeline* chart = nullptr;  // only the events inside the view window
  const style::Style* style = nullptr;      // the chart's style
  const Options* options = nullptr;
  const text::TextMeasurer* measurer = nullptr;
  Diagnostics* diags = nullptr;
  Domain domain;                        // the view window
  PageFrame page;
  FitParams fit;
};

struct Composition {
  scene::Scene scene;
  std::vector<LaneRows> lanes;
  double natural = 0;       // the page length the content needs
  double natural_along = 0; // the page length along time it needs (more than the page's when its minimum lengths do not fit)
  std::size_t shortened = 0;  // labels shortened with an ellipsis
  std::vector<AxisBreak> breaks;
};

// What differs between a chart whose time runs across the page and one whose
// time runs down it, as values. The steps below read these, never the
// orientation itself.
struct OrientationParams {
  PageMap map;
  LabelFlow labels = LabelFlow::along;
  double label_share = 1;      // × the label width: labels across take the room of a lane, not of the plot
  double row_gap_factor = 1;   // rows of a lane keep row_gap × this apart
  bool centre_in_row = true;   // an event centred across its row (else at the row's start)
  bool wrap_headers = true;    // lane titles wrapped beside the lanes (else one line over each lane)
  bool axis_first = false;     // across: the axis, then era and marker titles, then the lanes (else titles,
                               // axis, lanes, and the axis where the style asks)
  bool widen_lanes = false;    // spare room across widens the lanes (else fit() loosens their rows)
  // Blocks stack down the page: when time runs down too, they share the
  // page's length with the plot, and the legend (not known before the plan)
  // follows the chart.
  bool blocks_along_time = false;
};

// The parameters of `in`'s orientation.
OrientationParams params_for(const ChartInput& in);

// The chart planned in (t, c) coordinates and mapped to the page, by the
// same steps whichever way time runs:
//   1. the title, the lanes' titles and the time span along t (time_span);
//   2. every event's plan on the scale (rows/plans.h), the lanes' rows, the
//      titles of eras and markers (annotations/);
//   3. across: titles, the axis and the lanes in order (stack_before_lanes,
//      place_lanes), the axis on the lanes' sides, titles asked after;
//   4. the layers drawn in (t, c) and mapped to the page (map_to_page);
//   5. down the page: legend and source, the page's size (assembly/).
Composition compose(const ChartInput& in);

// The composition cut to `page`: what lies outside leaves it (items and
// texts whole, a text is never drawn half; other shapes are clipped).
void keep_within(Composition& c, const PageFrame& page);

}  // namespace annals::layout
