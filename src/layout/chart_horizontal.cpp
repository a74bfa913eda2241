// Time runs left to right: blocks stacked top to bottom (title, era and
// marker titles, lanes, axis, legend, source), lane headers on the left.
#include <algorithm>
#include <numeric>

#include "layout/axis.h"
#include "layout/chart.h"
#include "layout/shapes.h"
#include "layout/time_frame.h"

namespace annals::layout {

namespace {

struct LaneGeometry {
  std::vector<std::size_t> events;  // indices into the chart's events
  Packing packing;
  std::vector<double> row_top, row_height;
  HeaderText header;
  double height = 0;
  double top = 0;
};

// Rows of one lane: packed extents, each row as tall as its tallest item.
void pack_lane(LaneGeometry& g, const std::vector<EventPlan>& plans) {
  std::vector<Extent> extents;
  extents.reserve(g.events.size());
  for (const auto i : g.events) extents.push_back(plans[i].extent);
  g.packing = first_fit(extents);
  g.row_height.assign(g.packing.rows, 0);
  for (std::size_t k = 0; k < g.events.size(); ++k) {
    auto& h = g.row_height[g.packing.row_of[k]];
    h = std::max(h, plans[g.events[k]].cross);
  }
}

// Rows stacked inside the lane, `spread` of spare height added to every gap
// between rows and half of it above the first and below the last.
void place_rows(LaneGeometry& g, const style::Style& st, double spread) {
  const double gap = st.event.row_gap + spread;
  double y = spread / 2;
  g.row_top.clear();
  for (const double h : g.row_height) {
    g.row_top.push_back(y);
    y += h + gap;
  }
  const double rows = g.row_height.empty() ? st.event.marker_size + spread : y - gap + spread / 2;
  g.height = std::max(rows, g.header.height) + 2 * st.lane.padding;
}

LaneRows rows_of(const LaneGeometry& g, const styled::Lane& lane, const std::vector<EventPlan>& plans) {
  LaneRows r;
  r.lane = lane.id;
  r.rows = g.packing.rows;
  for (const auto i : g.events) r.extents.push_back(plans[i].extent);
  return r;
}

void draw_annotations(Canvas& cv, const Annotations& ann, double top, double lanes_top, double lanes_bottom,
                      const styled::Timeline& t, const scale::TimeScale& scale) {
  // Row 0 sits just above the lanes; later rows stack upwards.
  std::vector<double> row_y(ann.row_size.size());
  double y = top + ann.total();
  for (std::size_t r = 0; r < ann.row_size.size(); ++r) {
    y -= ann.row_size[r];
    row_y[r] = y;
    y -= kAnnotationGap;
  }
  for (const auto& an : ann.labels) {
    const double ly = row_y[an.row] + ann.row_size[an.row] - an.h;
    scene::Item it;
    it.id = std::to_string(an.index);
    it.text = an.is_era ? t.eras[an.index].title : t.markers[an.index].title;
    if (an.is_era) {
      const Box band{an.a, lanes_top, std::max(0.0, an.b - an.a), lanes_bottom - lanes_top};
      for (const Box& piece : cut_at_breaks(band, scale, false))
        cv.eras.push_back(scene::Rect{piece, 0, scene::Paint::solid(with_alpha(an.era.fill, an.era.opacity)), {}});
      it.kind = "era";
      it.box = band;
      cv.era_items.push_back(std::move(it));
    } else {
      const auto& mk = an.marker;
      const double rule_top = an.text.empty() ? lanes_top : ly + an.h;
      cv.rules.push_back(line({an.a, rule_top}, {an.a, lanes_bottom}, mk.color, mk.width, mk.dash));
      it.kind = "marker";
      it.box = {an.a - mk.width / 2, rule_top, mk.width, lanes_bottom - rule_top};
      cv.marker_items.push_back(std::move(it));
    }
    if (!an.text.empty()) cv.notes.push_back(scene::Text{{an.pos, ly, an.w, an.h}, an.text, an.font, an.color, {}});
  }
}

void draw_titles_below(Canvas& cv, const Annotations& ann, double top) {
  std::vector<double> row_y(ann.row_size.size());
  double y = top;
  for (std::size_t r = 0; r < ann.row_size.size(); ++r) {
    row_y[r] = y;
    y += ann.row_size[r] + kAnnotationGap;
  }
  for (const auto& an : ann.labels)
    cv.notes.push_back(scene::Text{{an.pos, row_y[an.row], an.w, an.h}, an.text, an.font, an.color, {}});
}

// Lanes: bands, separators, headers, then the events in their rows.
void draw_lanes(Canvas& cv, Composition& out, const std::vector<LaneGeometry>& lanes, std::vector<EventPlan>& plans,
                const ChartInput& in, const scale::TimeScale& scale) {
  const auto& st = *in.style;
  const auto& r = *in.chart;
  const double margin = st.page.margin, width = in.page.width, inner = std::max(1.0, width - 2 * margin);
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const auto& g = lanes[l];
    const Box band{margin, g.top, inner, g.height};
    const Color fill = l % 2 == 0 ? st.lane.band : st.lane.band_alt;
    for (const Box& piece : cut_at_breaks(band, scale, false)) {
      cv.bands.push_back(scene::Rect{piece, 0, scene::Paint::solid(fill), {}});
      if (l > 0)
        cv.separators.push_back(
            line({piece.x, g.top}, {piece.right(), g.top}, st.lane.separator, st.lane.separator_width));
    }
    for (const auto& text : g.header.lines) {
      scene::Shape s = text;
      translate(s, margin, g.top + st.lane.padding + (g.row_top.empty() ? 0 : g.row_top[0]));
      cv.headers.push_back(std::move(s));
    }
    scene::Item it;
    it.kind = "lane";
    it.id = r.lanes[l].id;
    it.box = band;
    it.lane = r.lanes[l].id;
    it.text = r.lanes[l].title;
    cv.lane_items.push_back(std::move(it));
    out.scene.outline.push_back({r.lanes[l].title.empty() ? r.lanes[l].id : r.lanes[l].title, g.top});
    for (std::size_t k = 0; k < g.events.size(); ++k) {
      const std::size_t i = g.events[k];
      const std::size_t row = g.packing.row_of[k];
      const double dy = g.top + st.lane.padding + g.row_top[row] + (g.row_height[row] - plans[i].cross) / 2;
      emit_event(cv, r, r.events[i], plans[i], 0, dy);
    }
  }
}

}  // namespace

Composition compose_horizontal(const ChartInput& in) {
  const auto& t = *in.chart;
  const auto& st = *in.style;
  const auto& m = *in.measurer;
  const auto& r = *in.chart;
  const double margin = st.page.margin, width = in.page.width, unit = st.font.size;
  const double inner = std::max(1.0, width - 2 * margin);
  Canvas cv;
  Composition out;

  Block title = title_block(t.header.title, t.header.subtitle, st.title, inner, m);

  // Lane headers take the width of the longest title, within reason.
  const bool headers = lanes_have_headers(r);
  double header_w = 0;
  if (headers) {
    const double cap = st.lane.header_width > 0 ? st.lane.header_width : inner * 0.2;
    for (const auto& lane : r.lanes)
      header_w = std::max(header_w, m.measure(lane.title, st.lane.title.font).width);
    header_w = std::min(header_w, cap);
    if (st.lane.header_width > 0) header_w = st.lane.header_width;
  }
  const double plot_lo = margin + header_w + (headers ? unit : 0), plot_hi = width - margin;
  const double inset = std::max(2.0, st.event.marker_size / 2);

  const std::vector<Color> backdrops = lane_backdrops(st, r.lanes.size());
  const PlanContext ctx{nullptr, plot_lo, plot_hi, label_width_for(st, plot_hi - plot_lo, in.label_factor), backdrops};
  Planned planned = plan_on_scale(in, ctx, false, plot_lo + inset, plot_hi - inset, break_gap(st));
  const scale::TimeScale& scale = planned.scale;
  std::vector<EventPlan>& plans = planned.plans;
  const MarkUse uses = planned.uses;
  out.shortened = planned.shortened;
  out.breaks = breaks_of(scale);
  cv.reserve_events(r.events.size());

  std::vector<LaneGeometry> lanes(r.lanes.size());
  for (std::size_t i = 0; i < r.events.size(); ++i) lanes[r.events[i].lane].events.push_back(i);
  std::size_t row_count = 0;
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    if (headers) lanes[l].header = header_text(r.lanes[l], st, header_w, m, lane_backdrop(st, l));
    pack_lane(lanes[l], plans);
    row_count += std::max<std::size_t>(1, lanes[l].packing.rows);
  }
  // Spare height on a fixed page loosens the rows by at most a comfortable
  // gap; the rest stays below the chart, so lanes keep to their content.
  const double spread = row_count == 0 ? 0 : std::min(in.stretch / static_cast<double>(row_count), unit);
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    place_rows(lanes[l], st, spread);
    out.lanes.push_back(rows_of(lanes[l], r.lanes[l], plans));
  }

  const Annotations ann = plan_annotations(t, scale, plot_lo, plot_hi, false, m);

  const auto where = st.axis.position;
  const bool axis_top = where != style::AxisPosition::bottom, axis_bottom = where != style::AxisPosition::top;
  Block legend = legend_block(legend_entries(r, uses, headers), st.legend, inner, m);
  const bool legend_top = st.legend.position == "top";

  // Stack the blocks.
  double y = margin;
  move_block(title, margin, y);
  if (title.height > 0) y += title.height + 1.5 * unit;
  if (legend_top && legend.height > 0) {
    move_block(legend, margin, y);
    y += legend.height + unit;
  }
  const double ann_top = y;
  if (ann.total() > 0) y += ann.total() + unit / 2;
  AxisFrame probe{0, 0, 0, margin, width - margin, st.page.background, true};
  const double top_axis_size = axis_top ? horizontal_axis(scale, st, probe, m).size : 0;
  y += top_axis_size;
  const double lanes_top = y;
  for (auto& g : lanes) {
    g.top = y;
    y += g.height;
  }
  const double lanes_bottom = y;

  AxisFrame frame{lanes_bottom, lanes_top, lanes_bottom, margin, width - margin, st.page.background};
  if (st.page.background.is_none()) frame.background = Color{1, 1, 1, 1};
  AxisBlock axis = horizontal_axis(scale, st, frame, m);
  if (axis_bottom) y += axis.size;
  if (axis_top) {
    frame.at = lanes_top;
    frame.labels_before = true;
    AxisBlock top = horizontal_axis(scale, st, frame, m);
    for (auto& it : top.items) it.id = "top-" + it.id;
    if (!axis_bottom) {
      axis = std::move(top);
    } else {
      std::move(top.shapes.begin(), top.shapes.end(), std::back_inserter(axis.shapes));
      std::move(top.items.begin(), top.items.end(), std::back_inserter(axis.items));
    }
  }

  // Era titles asked below the chart: under the axis, rows stacking downward.
  const Annotations below = plan_annotations(t, scale, plot_lo, plot_hi, false, m, TitleSide::below);
  if (below.total() > 0) {
    y += unit / 2;
    draw_titles_below(cv, below, y);
    y += below.total();
  }

  if (!legend_top && legend.height > 0) {
    y += unit;
    move_block(legend, margin, y);
    y += legend.height;
  }
  Block source = source_block(t.header.source, st.title, inner, m);
  if (source.height > 0) y += unit;
  out.natural = y + source.height + margin;
  const double height = std::max(out.natural, in.page.height);
  move_block(source, margin, height - margin - source.height);

  draw_lanes(cv, out, lanes, plans, in, scale);
  draw_annotations(cv, ann, ann_top, lanes_top, lanes_bottom, t, scale);

  finish(cv, out, std::move(axis), title, legend, source, plans, in, width, height);
  return out;
}

}  // namespace annals::layout
