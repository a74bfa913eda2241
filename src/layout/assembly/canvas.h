#pragma once
// Scene assembly: the chart's drawing layers in painting order, each event
// and its label turned into shapes and dump items, the page furniture, and
// the whole moved into the Scene. Everything here is already placed; the
// layers are in (t, c) coordinates until the composition maps them to the
// page (layout/page/page_map.h), the furniture in page coordinates.
#include <vector>

#include "layout/page/compose.h"

namespace annals::layout {

// Drawing layers, in the order they are painted.
struct Canvas {
  std::vector<scene::Shape> bands, grid, eras, gaps, separators, rules, headers, notes, links, axis, furniture;
  // Links between events (FORMAT.md §5.2): over the marks, under the labels.
  std::vector<scene::Shape> arrows;
  // Events' marks, then their labels, are moved straight from the plans into
  // the scene: large charts hold hundreds of thousands of shapes.
  std::vector<EventPlan>* plans = nullptr;
  std::vector<scene::Item> title_items, lane_items, group_items, era_items, marker_items, event_items, link_items, axis_items,
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
// A lane title wrapped into a header `width` wide, at most three lines.
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
// The colour of a lane's title as drawn on `band`.
Color lane_title_color(const styled::Lane& lane, const style::Style& st, Color band);
// The width labels wrap at; `scale` is the type scale the style was drawn at.
double label_width_for(const style::Style& st, double plot_length, double factor, double scale = 1);

// The page furniture and the axis into their layers, then the whole canvas into the scene.
void finish(Canvas& cv, Composition& out, AxisBlock axis, Block& title, Block& legend, Block& source,
            std::vector<EventPlan>& plans, const ChartInput& in, double width, double height);

}  // namespace annals::layout
