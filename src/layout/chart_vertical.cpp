// Time runs top to bottom: the axis on the left, era and marker titles in
// columns beside it, then the lanes as columns with their titles on top.
// Events are packed into columns exactly as horizontal charts pack rows.
#include <algorithm>

#include "layout/axis.h"
#include "layout/chart.h"
#include "layout/label_text.h"
#include "layout/shapes.h"
#include "layout/time_frame.h"

namespace annals::layout {

namespace {

struct LaneColumns {
  std::vector<std::size_t> events;
  Packing packing;
  std::vector<double> col_left, col_width;
  double left = 0, width = 0;
};

void pack_lane(LaneColumns& g, const std::vector<EventPlan>& plans, const style::Style& st, double min_width) {
  std::vector<Extent> extents;
  extents.reserve(g.events.size());
  for (const auto i : g.events) extents.push_back(plans[i].extent);
  g.packing = first_fit(extents);
  g.col_width.assign(g.packing.rows, 0);
  for (std::size_t k = 0; k < g.events.size(); ++k) {
    auto& w = g.col_width[g.packing.row_of[k]];
    w = std::max(w, plans[g.events[k]].cross);
  }
  double x = st.lane.padding;
  for (const double w : g.col_width) {
    g.col_left.push_back(x);
    x += w + st.event.row_gap * 2;
  }
  g.width = std::max(x - (g.col_width.empty() ? 0 : st.event.row_gap * 2) + st.lane.padding, min_width);
}

// Era and marker titles in their columns; era bands and marker rules across the lanes.
void draw_annotations(Canvas& cv, const Annotations& ann, double left, double lanes_left, double lanes_right,
                      const styled::Timeline& t, const scale::TimeScale& scale) {
  // Column 0 sits just left of the lanes; later columns stack leftwards.
  std::vector<double> col_x(ann.row_size.size());
  double x = left + ann.total();
  for (std::size_t c = 0; c < ann.row_size.size(); ++c) {
    x -= ann.row_size[c];
    col_x[c] = x;
    x -= kAnnotationGap;
  }
  for (const auto& an : ann.labels) {
    const double lx = col_x[an.row];
    scene::Item it;
    it.id = std::to_string(an.index);
    it.text = an.is_era ? t.eras[an.index].title : t.markers[an.index].title;
    if (an.is_era) {
      const Box band{lanes_left, an.a, lanes_right - lanes_left, std::max(0.0, an.b - an.a)};
      for (const Box& piece : cut_at_breaks(band, scale, true))
        cv.eras.push_back(scene::Rect{piece, 0, scene::Paint::solid(with_alpha(an.era.fill, an.era.opacity)), {}});
      it.kind = "era";
      it.box = band;
      cv.era_items.push_back(std::move(it));
    } else {
      const auto& mk = an.marker;
      const double rule_left = an.text.empty() ? lanes_left : lx + an.w + 2;
      cv.rules.push_back(line({rule_left, an.a}, {lanes_right, an.a}, mk.color, mk.width, mk.dash));
      it.kind = "marker";
      it.box = {rule_left, an.a - mk.width / 2, lanes_right - rule_left, mk.width};
      cv.marker_items.push_back(std::move(it));
    }
    if (!an.text.empty()) cv.notes.push_back(scene::Text{{lx, an.pos, an.w, an.h}, an.text, an.font, an.color, {}});
  }
}

}  // namespace

Composition compose_vertical(const ChartInput& in) {
  const auto& t = *in.chart;
  const auto& st = *in.style;
  const auto& m = *in.measurer;
  const auto& r = *in.chart;
  const double margin = st.page.margin, page_w = in.page.width, unit = st.font.size;
  const double inner = std::max(1.0, page_w - 2 * margin);
  Canvas cv;
  Composition out;

  Block title = title_block(t.header.title, t.header.subtitle, st.title, inner, m);
  const bool headers = lanes_have_headers(r);
  const double header_h = headers ? m.measure("X", st.lane.title.font).height : 0;

  double y = margin;
  move_block(title, margin, y);
  if (title.height > 0) y += title.height + 1.5 * unit;
  const double header_top = y;
  if (headers) y += header_h + st.lane.padding;
  const double plot_top = y + st.lane.padding;

  // The time axis takes the page's height when it has one, else a tall default.
  Block source = source_block(t.header.source, st.title, inner, m);
  const double reserve = margin + (source.height > 0 ? source.height + unit : 0) + 3 * unit + 24;
  const double length = in.page.height > 0 ? std::max(120.0, in.page.height - plot_top - reserve)
                                            : std::max(300.0, 1.3 * page_w);
  const double plot_bottom = plot_top + length;
  const double inset = std::max(2.0, st.event.marker_size / 2);

  const double x0 = plot_top + inset, x1 = plot_bottom - inset;
  // The axis first, to know how much room its labels take on the left.
  AxisFrame probe{0, 0, 0, plot_top, plot_bottom, st.page.background};
  // Where the lanes start on a scale: after the axis labels and the era and marker columns.
  const auto lanes_left_on = [&](const scale::TimeScale& s) {
    const double ann = plan_annotations(t, s, plot_top, plot_bottom, true, m).total();
    return margin + vertical_axis(s, st, probe, m).size + unit + (ann > 0 ? ann + unit : 0);
  };
  const double first_left = lanes_left_on(chart_scale(t, in.domain, x0, x1, break_gap(st)));
  const double per_lane = std::max(60.0, (page_w - margin - first_left) / static_cast<double>(std::max<std::size_t>(1, r.lanes.size())));
  const std::vector<Color> backdrops = lane_backdrops(st, r.lanes.size());
  const PlanContext ctx{nullptr, plot_top, plot_bottom,
                        label_width_for(st, per_lane - st.event.marker_size - 2 * st.lane.padding, in.label_factor * 2.2),
                        backdrops};
  // Labels that could not stay between breaks may have changed the scale: the
  // axis and annotations are measured again on the scale the plans use.
  Planned planned = plan_on_scale(in, ctx, true, x0, x1, break_gap(st));
  const scale::TimeScale& scale = planned.scale;
  std::vector<EventPlan>& plans = planned.plans;
  const MarkUse uses = planned.uses;
  out.shortened = planned.shortened;
  out.breaks = breaks_of(scale);
  const double axis_x = margin + vertical_axis(scale, st, probe, m).size;
  const Annotations ann = plan_annotations(t, scale, plot_top, plot_bottom, true, m);
  const double ann_left = axis_x + unit;
  const double lanes_left = ann_left + (ann.total() > 0 ? ann.total() + unit : 0);
  cv.reserve_events(r.events.size());

  std::vector<LaneColumns> lanes(r.lanes.size());
  for (std::size_t i = 0; i < r.events.size(); ++i) lanes[r.events[i].lane].events.push_back(i);
  double used = 0;
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const double title_w = headers ? std::min(m.measure(r.lanes[l].title, st.lane.title.font).width, 12 * unit) : 0;
    pack_lane(lanes[l], plans, st, title_w + 2 * st.lane.padding);
    used += lanes[l].width;
    out.lanes.push_back({r.lanes[l].id, lanes[l].packing.rows, {}});
    for (const auto i : lanes[l].events) out.lanes.back().extents.push_back(plans[i].extent);
  }
  // Spare width widens the lanes (each at most to twice its own) so the page is framed evenly.
  const double spare = std::max(0.0, page_w - margin - lanes_left - used);
  double x = lanes_left;
  for (auto& g : lanes) {
    g.left = x;
    g.width += std::min(spare / static_cast<double>(lanes.size()), g.width);
    x += g.width;
  }
  const double lanes_right = x;
  const double width = std::max(page_w, lanes_right + margin);
  out.natural = lanes_right + margin;

  AxisFrame frame{axis_x, lanes_left, lanes_right, plot_top, plot_bottom, st.page.background};
  if (st.page.background.is_none()) frame.background = Color{1, 1, 1, 1};
  AxisBlock axis = vertical_axis(scale, st, frame, m);

  y = plot_bottom + st.lane.padding;
  Block legend = legend_block(legend_entries(r, uses, headers), st.legend, width - 2 * margin, m);
  if (legend.height > 0) {
    y += unit;
    move_block(legend, margin, y);
    y += legend.height;
  }
  if (source.height > 0) y += unit;
  const double height = std::max(y + source.height + margin, in.page.height);
  move_block(source, margin, height - margin - source.height);

  for (std::size_t l = 0; l < lanes.size(); ++l) {
    const auto& g = lanes[l];
    const Box band{g.left, header_top, g.width, plot_bottom + st.lane.padding - header_top};
    for (const Box& piece : cut_at_breaks(band, scale, true)) {
      cv.bands.push_back(
          scene::Rect{piece, 0, scene::Paint::solid(l % 2 == 0 ? st.lane.band : st.lane.band_alt), {}});
      if (l > 0)
        cv.separators.push_back(
            line({g.left, piece.y}, {g.left, piece.bottom()}, st.lane.separator, st.lane.separator_width));
    }
    if (headers && !r.lanes[l].title.empty()) {
      const Color c = lane_title_color(r.lanes[l], st, lane_backdrop(st, l));
      const std::string shown = ellipsize(r.lanes[l].title, g.width - 2 * st.lane.padding, st.lane.title.font, m);
      const double w = m.measure(shown, st.lane.title.font).width;
      cv.headers.push_back(scene::Text{{g.left + st.lane.padding, header_top, w, header_h}, shown, st.lane.title.font, c, {}});
    }
    scene::Item it;
    it.kind = "lane";
    it.id = r.lanes[l].id;
    it.box = band;
    it.lane = r.lanes[l].id;
    it.text = r.lanes[l].title;
    cv.lane_items.push_back(std::move(it));
    out.scene.outline.push_back({r.lanes[l].title.empty() ? r.lanes[l].id : r.lanes[l].title, header_top});
    for (std::size_t k = 0; k < g.events.size(); ++k) {
      const std::size_t i = g.events[k];
      emit_event(cv, r, r.events[i], plans[i], g.left + g.col_left[g.packing.row_of[k]], 0);
    }
  }
  draw_annotations(cv, ann, ann_left, lanes_left, lanes_right, t, scale);

  finish(cv, out, std::move(axis), title, legend, source, plans, in, width, height);
  return out;
}

}  // namespace annals::layout
