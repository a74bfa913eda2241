#pragma once
// One composition of the whole page for a given orientation. The page
// fitting in layout.cpp may compose more than once (narrower labels, lanes
// stretched to fill a fixed page).
#include <vector>

#include "layout/annotations/annotations.h"
#include "layout/frame/axis.h"
#include "layout/rows/event_plan.h"
#include "layout/layout.h"
#include "layout/page/page_blocks.h"
#include "layout/frame/time_frame.h"
#include "styled/timeline.h"

namespace annals::layout {

struct ChartInput {
  const styled::Timeline* chart = nullptr;  // only the events inside the view window
  const style::Style* style = nullptr;      // the chart's style
  const Options* options = nullptr;
  const text::TextMeasurer* measurer = nullptr;
  Diagnostics* diags = nullptr;
  Domain domain;                        // the view window
  PageFrame page;
  double label_factor = 1;  // < 1 wraps labels narrower to save space
  int extra_lines = 0;      // lines allowed beyond the style's max_label_lines
  double stretch = 0;       // spare room on a fixed page, shared among the lanes
};

struct Composition {
  scene::Scene scene;
  std::vector<LaneRows> lanes;
  double natural = 0;       // the page length the content needs
  std::size_t shortened = 0;  // labels shortened with an ellipsis
  std::vector<AxisBreak> breaks;
};

// The chart planned in (t, c) coordinates and mapped to the page
// (layout/page_map.h), by the same steps whichever way time runs.
Composition compose(const ChartInput& in);

// Shared by both orientations.

// Drawing layers, in the order they are painted.
struct Canvas {
  std::vector<scene::Shape> bands, grid, eras, gaps, separators, rules, headers, notes, links, axis, furniture;
  // Events' marks, then their labels, are moved straight from the plans into
  // the scene: large charts hold hundreds of thousands of shapes.
  std::vector<EventPlan>* plans = nullptr;
  std::vector<scene::Item> title_items, lane_items, era_items, marker_items, event_items, axis_items,
      legend_items, source_items;

  // Moves every layer into the scene, in painting order.
  void paint(scene::Scene& s);
  void reserve_events(std::size_t n) { event_items.reserve(2 * n); }
};

bool lanes_have_headers(const styled::Timeline& r);
std::vector<LegendEntry> legend_entries(const styled::Timeline& chart, const MarkUse& uses, bool headers);
// The event and its label as items; its shapes moved by (dt, dc).
void emit_event(Canvas& cv, const styled::Timeline& chart, const styled::Event& e, EventPlan& plan, double dx,
                double dy);
scene::Metadata metadata(const styled::Timeline& chart, const Options& o);
// A lane title wrapped into a header `width` wide, at most two lines.
struct HeaderText {
  std::vector<scene::Text> lines;
  double width = 0, height = 0;
};
// In the lane's colour it is darkened (or lightened) until it reads on `band`.
HeaderText header_text(const styled::Lane& lane, const style::Style& st, double width,
                       const text::TextMeasurer& m, Color band);
// The colour the eye sees behind lane `index`'s title: its band over the page.
Color lane_backdrop(const style::Style& st, std::size_t index);
std::vector<Color> lane_backdrops(const style::Style& st, std::size_t lanes);
std::vector<AxisBreak> breaks_of(const scale::TimeScale& s);
// The colour of a lane's title as drawn on `band`.
Color lane_title_color(const styled::Lane& lane, const style::Style& st, Color band);
double label_width_for(const style::Style& st, double plot_length, double factor);

// The time scale over [x0, x1] and every event's plan on it (ctx's scale is
// set here). A label that could not stay between two axis breaks keeps the
// time under it on the axis: the scale is made again with that time
// occupied, a few times at most and then linear, so no label runs across a break.
struct Planned {
  scale::TimeScale scale;
  std::vector<EventPlan> plans;
  MarkUse uses;
  std::size_t shortened = 0;
};
Planned plan_on_scale(const ChartInput& in, PlanContext ctx, double x0, double x1, double gap);

// Every event's plan in file order; notes the marks used and the labels shortened.
std::vector<EventPlan> plan_events(const ChartInput& in, const PlanContext& ctx, MarkUse& uses,
                                   std::size_t& shortened);

// The page furniture and the axis into their layers, then the whole canvas into the scene.
void finish(Canvas& cv, Composition& out, AxisBlock axis, Block& title, Block& legend, Block& source,
            std::vector<EventPlan>& plans, const ChartInput& in, double width, double height);

}  // namespace annals::layout
