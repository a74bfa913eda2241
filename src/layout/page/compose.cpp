// One composition of the page, whichever way time runs. The chart is planned
// in (t, c) coordinates (page/page_map.h) by the same steps for both
// orientations; what differs is stated once, in OrientationParams, and the
// PageMap turns the chart into page coordinates at the end. The blocks that frame it
// (title, legend, source) always stack down the page.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <optional>

#include "layout/page/compose.h"

#include "layout/assembly/canvas.h"
#include "layout/assembly/shapes.h"
#include "layout/frame/axis.h"
#include "layout/frame/time_frame.h"
#include "layout/labels/label_text.h"
#include "layout/links/links.h"
#include "layout/rows/plans.h"

namespace annals::layout {

OrientationParams params_for(const ChartInput& in) {
  OrientationParams p;
  if (in.chart->header.orientation != styled::Orientation::vertical) return p;
  p.map.transposed = true;
  p.labels = LabelFlow::across;
  p.label_share = 2.2;
  p.row_gap_factor = 2;
  p.centre_in_row = false;
  p.wrap_headers = false;
  p.axis_first = true;
  p.widen_lanes = true;
  p.blocks_along_time = true;
  return p;
}

namespace {

struct LaneGeometry {
  std::vector<std::size_t> events;  // indices into the chart's events
  Packing packing;
  std::vector<double> row_top, row_height;  // across, from the lane's inner edge
  // Per row, what its events take, in order along t; empty unless every
  // event of the lane says so apart (EventPlan::profile).
  std::vector<std::vector<Occupied>> row_profile;
  HeaderText header;
  double header_across = 0;  // what the lane's title needs across
  double rows_at = 0;        // across, where the rows start: after a title over the lane
  double height = 0;         // the lane's size across
  double top = 0;            // where it starts across
};

// Lane titles: whether there are any, and what they take along t before the plot.
// Lane groups (FORMAT.md §5.3) take a strip of their own before the lanes'
// titles: beside them when titles wrap beside the lanes, above them when
// each title is a line over its lane. The strip and the titles never share
// room, so a group header cannot overlap a lane header.
struct Headers {
  bool shown = false;
  bool on_top = false;  // over each lane, the rows below (a narrow page), not beside the lanes
  double along = 0;
  std::vector<styled::LaneGroup> groups;
  double group_along = 0;  // the group strip's size along t
  double group_gap = 0;    // between the strip and the lanes
  double inner = 0;       // the page's inner width, what a title over its lane may take
};

// A column of lane titles beside the lanes takes at most this share of the
// page's width; wider, the titles go over their lanes.
constexpr double kHeaderShare = 0.12;

// Time running down: a lane grows across to hold its title up to this many
// ems; a longer title wraps over the lane.
constexpr double kHeaderCap = 12;

// Group headers: the lane titles' font, bold, in the chart title's colour,
// which every style sets to read on its page (lane titles may wear their
// lane's colour; a group spans several lanes).
style::TextStyle group_style(const style::Style& st) {
  style::TextStyle g = st.lane.title;
  g.font.weight = std::max(g.font.weight, 700);
  g.color = st.title.title.color;
  return g;
}

// A group header wraps into this many lines before "…".
constexpr int kGroupLines = 8;

// A group's name wrapped at `width`, its lines stacked from the top.
HeaderText group_text(const std::string& title, const style::TextStyle& gs, double width,
                      const text::TextMeasurer& m) {
  const LabelText t = wrap_text(title, gs.font, gs.color, width, kGroupLines, m);
  HeaderText text;
  for (std::size_t i = 0; i < t.lines.size(); ++i)
    text.lines.push_back(scene::Text{{0, t.line_height * static_cast<double>(i), t.lines[i].width, t.line_height},
                                     t.lines[i].text, gs.font, gs.color, {}});
  text.width = t.width;
  text.height = t.height();
  return text;
}

void group_strip(Headers& h, const ChartInput& in, const OrientationParams& p, double inner) {
  const auto& st = *in.style;
  const auto& m = *in.measurer;
  h.groups = styled::lane_groups(in.chart->lanes);
  if (h.groups.empty()) return;
  const auto font = group_style(st).font;
  if (!p.wrap_headers) {
    // One line over its lanes, or the lines a name wider than its lanes are
    // sure to get (kHeaderCap) needs: group names wrap, never cut.
    h.group_along = m.measure("X", font).height;
    h.group_gap = st.lane.padding + st.font.size / 2;
    const double cap = kHeaderCap * st.font.size;
    for (const auto& g : h.groups)
      if (m.measure(g.title, font).width > cap)
        h.group_along = std::max(h.group_along, group_text(g.title, group_style(st), cap, m).height);
    return;
  }
  // As wide as the longest name within reason, never narrower than its longest word (names wrap, not cut).
  double widest = 0, longest_word = 0;
  for (const auto& g : h.groups) {
    widest = std::max(widest, m.measure(g.title, font).width);
    std::size_t from = 0;
    while (from < g.title.size()) {
      const std::size_t space = std::min(g.title.find(' ', from), g.title.size());
      longest_word = std::max(longest_word, m.measure(g.title.substr(from, space - from), font).width);
      from = space + 1;
    }
  }
  h.group_along = std::min(widest, std::max(inner * 0.15, longest_word));
  h.group_gap = st.font.size;
}

Headers headers_of(const ChartInput& in, const OrientationParams& p, double inner) {
  const auto& st = *in.style;
  const auto& m = *in.measurer;
  Headers h;
  group_strip(h, in, p, inner);
  h.shown = lanes_have_headers(*in.chart);
  h.inner = inner;
  if (!h.shown) return h;
  if (!p.wrap_headers) {
    // Over each lane: one line, or the lines a title wider than a lane is
    // sure to get (kHeaderCap) needs, so that lane names wrap instead of being cut.
    h.along = m.measure("X", st.lane.title.font).height;
    const double cap = kHeaderCap * st.font.size;
    for (const auto& lane : in.chart->lanes)
      if (m.measure(lane.title, st.lane.title.font).width > cap)
        h.along = std::max(h.along, header_text(lane, st, cap, m, Color{}).height);
    return h;
  }
  // Beside the lanes they take the width of the longest title, within reason.
  const double cap = st.lane.header_width > 0 ? st.lane.header_width : inner * 0.2;
  for (const auto& lane : in.chart->lanes) h.along = std::max(h.along, m.measure(lane.title, st.lane.title.font).width);
  h.along = std::min(h.along, cap);
  if (st.lane.header_width > 0) h.along = st.lane.header_width;
  // On a narrow page the column would squeeze the plot: the titles go over their lanes.
  if (st.lane.header_width <= 0 && h.along > kHeaderShare * inner) {
    h.on_top = true;
    h.along = 0;
  }
  return h;
}

// A figure of a given width only, time running down: its height over its width.
constexpr double kFigureRatio = 1.2;

// The time axis's stretch of the page: the lanes' bands [t0, t1] and the plot [lo, hi] inside them.
struct TimeSpan {
  double t0 = 0, t1 = 0, band = 0;  // band = t1 - t0, kept as the page's inner width when that is what it is
  double lo = 0, hi = 0;
  double group_t0 = 0;  // where the group headers' strip starts (= t0 without groups)
};

TimeSpan time_span(const ChartInput& in, const OrientationParams& p, const Headers& h, double t0,
                   const Block& source) {
  const auto& st = *in.style;
  const double margin = st.page.margin, unit = st.font.size;
  TimeSpan s;
  s.group_t0 = t0;
  const double strip = h.groups.empty() ? 0 : h.group_along + h.group_gap;
  t0 += strip;
  s.t0 = t0;
  if (!p.blocks_along_time) {
    s.lo = t0 + h.along + (h.shown && !h.on_top ? unit : 0);
    s.hi = s.t1 = in.page.width - margin;
    s.band = std::max(1.0, in.page.width - 2 * margin - strip);
    return s;
  }
  s.lo = t0 + (h.shown ? h.along + st.lane.padding : 0) + st.lane.padding;
  // The plot takes the page's length when it has one, else what makes a
  // figure 1.2 times as tall as it is wide; the source and about three lines
  // of legend follow it.
  const double reserve = margin + (source.height > 0 ? source.height + unit : 0) + 3 * unit + 24;
  const double page = in.page.height > 0 ? in.page.height : kFigureRatio * in.page.width;
  const double length = std::max(120.0, page - s.lo - reserve);
  s.hi = s.lo + length;
  s.t1 = s.hi + st.lane.padding;
  s.band = s.t1 - s.t0;
  return s;
}

// Where things stand across, in order from the page's edge.
struct Across {
  double annotations = 0;   // where the era and marker title rows start
  double lanes = 0;         // the lanes' first edge
  AxisFrame axis;           // the main axis (below the lanes, or before them when the axis comes first)
  bool axis_top = false, axis_bottom = true;
};

// The finest precision of the dates drawn: the axis claims no more.
dates::Precision finest_precision(const styled::Timeline& t) {
  auto out = dates::Precision::century;
  const auto take = [&](const dates::Date& d) { out = std::min(out, d.precision); };
  for (const auto& e : t.events) {
    take(e.first), take(e.last);
    for (const auto& period : e.periods) take(period.first), take(period.last);
  }
  for (const auto& era : t.eras) take(era.start), take(era.end);
  for (const auto& marker : t.markers) take(marker.date);
  return out;
}

AxisFrame axis_frame(const ChartInput& in, const OrientationParams& p, double lo, double hi) {
  AxisFrame f;
  f.page_lo = lo;
  f.page_hi = hi;
  f.background = in.style->page.background;
  f.map = p.map;
  f.locale = in.chart->header.locale;
  f.finest = finest_precision(*in.chart);
  return f;
}

// The cross positions before the lanes: annotations and the axis, from `c0`.
Across stack_before_lanes(const ChartInput& in, const OrientationParams& p, const TimeSpan& ts,
                          const scale::TimeScale& scale, const Annotations& ann, double c0) {
  const auto& st = *in.style;
  const auto& m = *in.measurer;
  const double unit = st.font.size;
  Across a;
  double c = c0;
  if (p.axis_first) {
    // The axis with its labels before it, then the titles' columns, then the lanes.
    a.axis = axis_frame(in, p, ts.lo, ts.hi);
    a.axis.labels_before = true;
    a.axis.at = c + time_axis(scale, st, a.axis, m).size;
    c = a.axis.at + unit;
    a.annotations = c;
    a.lanes = c + (ann.total() > 0 ? ann.total() + unit : 0);
    return a;
  }
  const auto where = st.axis.position;
  a.axis_top = where != style::AxisPosition::bottom, a.axis_bottom = where != style::AxisPosition::top;
  a.annotations = c;
  if (ann.total() > 0) c += ann.total() + unit / 2;
  AxisFrame probe = axis_frame(in, p, ts.t0, ts.t1);
  probe.labels_before = true;
  c += a.axis_top ? time_axis(scale, st, probe, m).size : 0;
  a.lanes = c;
  a.axis = axis_frame(in, p, ts.t0, ts.t1);
  return a;
}

// Rows of one lane: packed extents, each row as large across as its largest item.
// `fewest` packs each lane into the fewest rows, their time order as it
// falls: a bound on the length, for a trial that asks how long a chart is at least.
void pack_lane(LaneGeometry& g, const std::vector<EventPlan>& plans, bool fewest) {
  std::vector<Extent> extents;
  std::vector<Extent> marks;
  extents.reserve(g.events.size());
  for (const auto i : g.events) {
    extents.push_back(plans[i].extent);
    marks.push_back({plans[i].mark_box.x, plans[i].mark_box.right()});
  }
  g.packing = fewest ? first_fit(extents) : time_ordered(extents, marks);
  g.row_height.assign(g.packing.rows, 0);
  for (std::size_t k = 0; k < g.events.size(); ++k) {
    auto& h = g.row_height[g.packing.row_of[k]];
    h = std::max(h, plans[g.events[k]].cross);
  }
  g.row_profile.clear();
  const bool apart = std::all_of(g.events.begin(), g.events.end(), [&](std::size_t i) {
    return !plans[i].profile.empty();
  });
  // Every pair of rows is compared: beyond this many rows times events, rows stand one after another.
  constexpr std::size_t kMostCompared = 4'000'000;
  if (!apart || g.packing.rows < 2 || g.packing.rows * g.events.size() > kMostCompared) return;
  g.row_profile.resize(g.packing.rows);
  for (std::size_t k = 0; k < g.events.size(); ++k) {
    auto& row = g.row_profile[g.packing.row_of[k]];
    row.insert(row.end(), plans[g.events[k]].profile.begin(), plans[g.events[k]].profile.end());
  }
  for (auto& row : g.row_profile)
    std::sort(row.begin(), row.end(), [](const Occupied& a, const Occupied& b) { return a.along.begin < b.along.begin; });
}

// How far across row b must start from row a so that nothing of theirs
// meets: the most, over their parts that share time, of a's far edge plus
// `gap` less b's near edge; nothing when no part shares time. Both in order
// along t, each row's parts disjoint along it, as a row's events are.
std::optional<double> clearance(const std::vector<Occupied>& a, const std::vector<Occupied>& b, double gap) {
  std::optional<double> out;
  std::size_t i = 0;
  for (const Occupied& q : b) {
    while (i < a.size() && a[i].along.end <= q.along.begin) ++i;
    for (std::size_t k = i; k < a.size() && a[k].along.begin < q.along.end; ++k)
      if (a[k].along.end > q.along.begin) out = std::max(out.value_or(a[k].c1 + gap - q.c0), a[k].c1 + gap - q.c0);
  }
  return out;
}

// Rows whose events say apart what they take (labels across) stand as close
// to the lane's inner edge as the rows before them allow: a column of short
// labels beside a long bar moves into the room the bar's label leaves
// beside it. Rows keep their order wherever they share time, so the rows'
// time order holds. Spare room then widens every distance from the first
// row alike, as far as the lane would have grown with its rows one after another.
bool place_rows_apart(LaneGeometry& g, double gap, double spread) {
  if (g.row_profile.empty()) return false;
  const std::size_t n = g.row_height.size();
  std::vector<double> at(n, 0);  // from the first row, packed close
  for (std::size_t k = 1; k < n; ++k)
    for (std::size_t j = 0; j < k; ++j)
      if (const auto c = clearance(g.row_profile[j], g.row_profile[k], gap)) at[k] = std::max(at[k], at[j] + *c);
  double end = 0;
  for (std::size_t k = 0; k < n; ++k) end = std::max(end, at[k] + g.row_height[k]);
  // The largest stretch of the distances that keeps every row within the grown end.
  const double grown = end + static_cast<double>(n - 1) * spread;
  double f = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < n; ++k)
    if (at[k] > 0) f = std::min(f, (grown - g.row_height[k]) / at[k]);
  if (!std::isfinite(f)) f = 1;
  g.row_top.resize(n);
  double last = 0;
  for (std::size_t k = 0; k < n; ++k) {
    g.row_top[k] = g.rows_at + spread / 2 + at[k] * f;
    last = std::max(last, g.row_top[k] + g.row_height[k]);
  }
  g.height = last + spread / 2;
  return true;
}

// Rows stacked inside the lane, `spread` of spare room added to every gap
// between rows and half of it before the first and after the last.
void place_rows(LaneGeometry& g, const style::Style& st, const OrientationParams& p, double spread) {
  if (place_rows_apart(g, st.event.row_gap * p.row_gap_factor, spread)) {
    g.height = std::max(g.height, g.header_across) + 2 * st.lane.padding;
    return;
  }
  const double gap = st.event.row_gap * p.row_gap_factor + spread;
  double y = g.rows_at + spread / 2;
  g.row_top.clear();
  for (const double h : g.row_height) {
    g.row_top.push_back(y);
    y += h + gap;
  }
  const double rows = g.row_height.empty() ? g.rows_at + st.event.marker_size + spread : y - gap + spread / 2;
  g.height = std::max(rows, g.header_across) + 2 * st.lane.padding;
}

// Every lane's events packed into rows; spare room on a fixed page loosens
// the rows evenly.
std::vector<LaneGeometry> lane_rows(const ChartInput& in, const OrientationParams& p, const Headers& h,
                                    const std::vector<EventPlan>& plans, Composition& out) {
  const auto& st = *in.style;
  const auto& m = *in.measurer;
  const auto& r = *in.chart;
  const double unit = st.font.size;
  std::vector<LaneGeometry> lanes(r.lanes.size());
  for (std::size_t i = 0; i < r.events.size(); ++i) lanes[r.events[i].lane].events.push_back(i);
  std::size_t row_count = 0;
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    auto& g = lanes[l];
    if (h.shown && h.on_top) {
      g.header = header_text(r.lanes[l], st, h.inner, m, lane_backdrop(st, l));
      g.rows_at = g.header.height + st.lane.padding / 2;
    } else if (h.shown && p.wrap_headers) {
      g.header = header_text(r.lanes[l], st, h.along, m, lane_backdrop(st, l));
      g.header_across = g.header.height;
    } else if (h.shown) {
      g.header_across = std::min(m.measure(r.lanes[l].title, st.lane.title.font).width, kHeaderCap * unit);
    }
    pack_lane(g, plans, in.fit.fewest_rows);
    row_count += std::max<std::size_t>(1, g.packing.rows);
  }
  // Spare room on a fixed page goes to the gaps between rows: the chart fills the page.
  const double spread = row_count == 0 ? 0 : in.fit.stretch / static_cast<double>(row_count);
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    auto& g = lanes[l];
    place_rows(g, st, p, spread);
    LaneRows rows;
    rows.lane = r.lanes[l].id;
    rows.rows = g.packing.rows;
    for (const auto i : g.events) rows.extents.push_back(plans[i].extent);
    out.lanes.push_back(std::move(rows));
  }
  return lanes;
}

// Group headers wrapped beside their lanes (as many lines as a name needs,
// like titles: a group's name is never cut); lanes grow where a group's name
// needs more room than its lanes take.
std::vector<HeaderText> group_texts(const ChartInput& in, const OrientationParams& p, const Headers& h,
                                    std::vector<LaneGeometry>& lanes) {
  std::vector<HeaderText> out;
  const auto& st = *in.style;
  const style::TextStyle gs = group_style(st);
  for (const auto& g : h.groups) {
    // Beside the lanes, wrapped in the strip: the lanes grow to its height.
    // Over them, one line: the lanes grow across to its width, up to
    // kHeaderCap ems (a longer name wraps in the room group_strip() kept).
    HeaderText text;
    double need = 0;
    if (p.wrap_headers) {
      text = group_text(g.title, gs, h.group_along, *in.measurer);
      // Drawn level with its first lane's first row (draw_groups()).
      const auto& rows = lanes[g.first].row_top;
      need = text.height + (rows.empty() ? 0 : rows[0]);
    } else {
      need = std::min(in.measurer->measure(g.title, gs.font).width, kHeaderCap * st.font.size);
    }
    need += 2 * st.lane.padding;
    double have = 0;
    for (std::size_t l = g.first; l <= g.last; ++l) have += lanes[l].height;
    if (have < need) lanes[g.last].height += need - have;
    if (p.wrap_headers) out.push_back(std::move(text));
  }
  return out;
}

// The lanes one after another across from `c0`; with `widen`, room left
// before `limit` widens each lane evenly so the chart fills the page. Returns where the last lane ends.
double place_lanes(std::vector<LaneGeometry>& lanes, double c0, bool widen, double limit) {
  double used = 0;
  for (const auto& g : lanes) used += g.height;
  const double spare = widen ? std::max(0.0, limit - c0 - used) : 0;
  double c = c0;
  for (auto& g : lanes) {
    g.top = c;
    if (widen) g.height += spare / static_cast<double>(lanes.size());
    c += g.height;
  }
  return c;
}

// Era and marker titles in their rows; era bands and marker rules across the lanes.
void draw_annotations(Canvas& cv, const Annotations& ann, double c0, double lanes_c0, double lanes_c1,
                      const styled::Timeline& t, const PageMap& map) {
  // Row 0 sits just before the lanes; later rows stack outward.
  std::vector<double> row_c(ann.row_size.size());
  double c = c0 + ann.total();
  for (std::size_t r = 0; r < ann.row_size.size(); ++r) {
    c -= ann.row_size[r];
    row_c[r] = c;
    c -= kAnnotationGap;
  }
  // A rule leaving a title along its line of text keeps clear of its last glyph.
  const double clearance = map.cross_is_inline() ? 2 : 0;
  for (const auto& an : ann.labels) {
    const Point size = map.extent(an.w, an.h);
    // Titles sit at the side of their row nearest the lanes.
    const double lc = row_c[an.row] + ann.row_size[an.row] - size.y;
    scene::Item it;
    it.id = std::to_string(an.index);
    it.text = an.is_era ? t.eras[an.index].title : t.markers[an.index].title;
    if (an.is_era) {
      const Box band{an.a, lanes_c0, std::max(0.0, an.b - an.a), lanes_c1 - lanes_c0};
      // The band reaches out to its title's row, so a title rows away still sits in its own band.
      for (auto& piece : era_band(an, an.text.empty() ? lanes_c0 : row_c[an.row], lanes_c1))
        cv.eras.push_back(std::move(piece));
      it.kind = scene::ItemKind::era;
      it.box = band;
      cv.era_items.push_back(std::move(it));
    } else {
      const auto& mk = an.marker;
      const double rule_c0 = an.text.empty() ? lanes_c0 : lc + size.y + clearance;
      cv.rules.push_back(line({an.a, rule_c0}, {an.a, lanes_c1}, mk.color, mk.width, mk.dash));
      it.kind = scene::ItemKind::marker;
      it.box = {an.a - mk.width / 2, rule_c0, mk.width, lanes_c1 - rule_c0};
      cv.marker_items.push_back(std::move(it));
    }
    if (!an.text.empty()) {
      const Point at = map.point({an.pos, lc});
      cv.notes.push_back(upright(map, scene::Text{{at.x, at.y, an.w, an.h}, an.text, an.font, an.color, {}}));
    }
  }
}

// Era titles asked after the chart: rows stacking outward from `c0`.
void draw_titles_after(Canvas& cv, const Annotations& ann, double c0, const PageMap& map) {
  std::vector<double> row_c(ann.row_size.size());
  double c = c0;
  for (std::size_t r = 0; r < ann.row_size.size(); ++r) {
    row_c[r] = c;
    c += ann.row_size[r] + kAnnotationGap;
  }
  for (const auto& an : ann.labels) {
    const Point at = map.point({an.pos, row_c[an.row]});
    cv.notes.push_back(upright(map, scene::Text{{at.x, at.y, an.w, an.h}, an.text, an.font, an.color, {}}));
  }
}

// A lane title on one line over its lane, shortened to the lane's width.
HeaderText one_line_header(const styled::Lane& lane, const style::Style& st, double width, double height,
                           const text::TextMeasurer& m, Color band) {
  HeaderText h;
  if (lane.title.empty()) return h;
  const Color c = lane_title_color(lane, st, band);
  const std::string shown = ellipsize(lane.title, width, st.lane.title.font, m);
  const double w = m.measure(shown, st.lane.title.font).width;
  h.lines.push_back(scene::Text{{0, 0, w, height}, shown, st.lane.title.font, c, {}});
  h.width = w;
  h.height = height;
  return h;
}

// Lanes: bands, separators, titles, then the events in their rows.
void draw_lanes(Canvas& cv, Composition& out, std::vector<LaneGeometry>& lanes, std::vector<EventPlan>& plans,
                const ChartInput& in, const OrientationParams& p, const Headers& h, const TimeSpan& ts,
                const scale::TimeScale& scale) {
  const auto& st = *in.style;
  const auto& r = *in.chart;
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    auto& g = lanes[l];
    const Box band{ts.t0, g.top, ts.band, g.height};
    const Color fill = l % 2 == 0 ? st.lane.band : st.lane.band_alt;
    for (const Box& piece : cut_at_breaks(band, scale)) {
      cv.bands.push_back(scene::Rect{piece, 0, scene::Paint::solid(fill), {}});
      if (l > 0)
        cv.separators.push_back(
            line({piece.x, g.top}, {piece.right(), g.top}, st.lane.separator, st.lane.separator_width));
    }
    if (h.shown && !p.wrap_headers) {
      const double width = g.height - 2 * st.lane.padding;
      g.header = one_line_header(r.lanes[l], st, width, h.along, *in.measurer, lane_backdrop(st, l));
      // A title wider than its lane wraps over it, in the room headers_of() kept for it.
      if (!g.header.lines.empty() && g.header.lines.front().text != r.lanes[l].title) {
        HeaderText wrapped = header_text(r.lanes[l], st, width, *in.measurer, lane_backdrop(st, l));
        if (wrapped.height <= h.along + 0.01) g.header = std::move(wrapped);
      }
    }
    const double first_row = h.on_top || g.row_top.empty() ? 0 : g.row_top[0];
    const Point at = p.map.point({ts.t0, g.top + st.lane.padding + first_row});
    for (const auto& text : g.header.lines) {
      scene::Shape s = text;
      translate(s, at.x, at.y);
      cv.headers.push_back(upright(p.map, std::move(s)));
    }
    scene::Item it;
    it.kind = scene::ItemKind::lane;
    it.id = r.lanes[l].id;
    it.box = band;
    it.lane = r.lanes[l].id;
    // The title as drawn, its lines joined by "\n".
    for (const auto& line : g.header.lines) {
      if (!it.text.empty()) it.text += '\n';
      it.text += line.text;
    }
    cv.lane_items.push_back(std::move(it));
    out.scene.outline.push_back({r.lanes[l].title.empty() ? r.lanes[l].id : r.lanes[l].title, p.map.box(band).y});
    for (std::size_t k = 0; k < g.events.size(); ++k) {
      const std::size_t i = g.events[k];
      const std::size_t row = g.packing.row_of[k];
      const double dc = g.top + st.lane.padding + g.row_top[row] +
                        (p.centre_in_row ? (g.row_height[row] - plans[i].cross) / 2 : 0);
      emit_event(cv, r, r.events[i], plans[i], 0, dc);
    }
  }
}

// Links between events, routed once every event sits in its row (in (t, c)).
void draw_links(Canvas& cv, const std::vector<LaneGeometry>& lanes, const std::vector<EventPlan>& plans,
                const ChartInput& in, const OrientationParams& p, const TimeSpan& ts, double lanes_c0,
                double lanes_c1) {
  const auto& r = *in.chart;
  if (r.links.empty()) return;
  const auto& st = *in.style;
  LinkInput li;
  li.chart = &r;
  for (const auto& plan : plans) {
    const Box first = plan.period_boxes.empty() ? plan.mark_box : plan.period_boxes.front();
    const Box last = plan.period_boxes.empty() ? plan.mark_box : plan.period_boxes.back();
    li.ends.push_back({plan.mark_box, first, last});
    li.labels.push_back(plan.label_box);
  }
  // The free stretches across: before, between and after each lane's rows.
  double free_from = lanes_c0;
  for (const auto& g : lanes) {
    const double inner = g.top + st.lane.padding;
    for (std::size_t row = 0; row < g.row_top.size(); ++row) {
      li.channels.push_back({free_from, inner + g.row_top[row]});
      free_from = inner + g.row_top[row] + g.row_height[row];
    }
  }
  li.channels.push_back({free_from, lanes_c1});
  std::erase_if(li.channels, [](const Channel& c) { return c.c1 - c.c0 < 1; });
  li.t_lo = ts.lo;
  li.t_hi = ts.hi;
  li.c_lo = lanes_c0;
  li.c_hi = lanes_c1;
  li.map = p.map;
  li.measurer = in.measurer;
  li.title_font = st.event.label.font;
  li.title_font.size = style::secondary_size(li.title_font.size, st.min_size);
  li.title_font.italic = true;
  li.title_color = st.event.date_color;
  li.color = st.event.date_color;
  li.diags = in.diags;
  for (auto& routed : route_links(li)) {
    std::move(routed.shapes.begin(), routed.shapes.end(), std::back_inserter(cv.arrows));
    cv.link_items.push_back(std::move(routed.item));
  }
}

// The axis on both sides of the lanes when the style asks, its items told apart.
AxisBlock axes(const ChartInput& in, const Across& a, double lanes_c0, double lanes_c1,
               const scale::TimeScale& scale) {
  const auto& st = *in.style;
  AxisFrame frame = a.axis;
  frame.plot_lo = lanes_c0;
  frame.plot_hi = lanes_c1;
  if (st.page.background.is_none()) frame.background = Color{1, 1, 1, 1};
  if (!frame.labels_before) frame.at = lanes_c1;
  AxisBlock axis = time_axis(scale, st, frame, *in.measurer);
  if (!a.axis_top) return axis;
  frame.at = lanes_c0;
  frame.labels_before = true;
  AxisBlock top = time_axis(scale, st, frame, *in.measurer);
  for (auto& it : top.items) it.id = "top-" + it.id;
  if (!a.axis_bottom) return top;
  std::move(top.shapes.begin(), top.shapes.end(), std::back_inserter(axis.shapes));
  std::move(top.items.begin(), top.items.end(), std::back_inserter(axis.items));
  return axis;
}

// The label width: along, a share of the plot's length; across, of the room
// each lane would get across the page (found on a first scale, before the plan).
double label_width(const ChartInput& in, const OrientationParams& p, const TimeSpan& ts, double c0, double t_inset) {
  const auto& st = *in.style;
  if (p.labels == LabelFlow::along)
    return label_width_for(st, ts.hi - ts.lo, in.fit.label_factor * p.label_share,
                           in.fit.grow_labels ? 1 : in.fit.scale);
  const auto& r = *in.chart;
  const scale::TimeScale first = chart_scale(r, in.domain, ts.lo + t_inset, ts.hi - t_inset, break_gap(st));
  const Annotations ann = plan_annotations(r, first, ts.lo, ts.hi, true, *in.measurer);
  const double lanes_c0 = stack_before_lanes(in, p, ts, first, ann, c0).lanes;
  const double across = p.map.extent(in.page.width, in.page.height).y;
  const double per_lane = std::max(60.0, (across - st.page.margin - lanes_c0) /
                                             static_cast<double>(std::max<std::size_t>(1, r.lanes.size())));
  return label_width_for(st, per_lane - std::max(st.event.marker_size, st.event.span_height) - 2 * st.lane.padding,
                         in.fit.label_factor * p.label_share, in.fit.grow_labels ? 1 : in.fit.scale);
}

// Every layer of the chart from (t, c) to the page.
void map_to_page(Canvas& cv, std::vector<EventPlan>& plans, AxisBlock& axis, const PageMap& map) {
  if (!map.transposed) return;
  for (auto* layer : {&cv.bands, &cv.grid, &cv.eras, &cv.gaps, &cv.separators, &cv.rules, &cv.headers, &cv.notes,
                      &cv.links, &cv.arrows, &axis.grid, &axis.gaps, &axis.shapes})
    for (auto& s : *layer) map.apply(s);
  for (auto* list : {&cv.lane_items, &cv.group_items, &cv.era_items, &cv.marker_items, &cv.event_items, &cv.link_items, &axis.items})
    for (auto& it : *list) map.apply(it);
  for (auto& plan : plans) {
    for (auto& s : plan.marks) map.apply(s);
    for (auto& s : plan.label) map.apply(s);
  }
}

// Steps 1 and 2: what the chart holds, planned along t.
struct Plan {
  Headers headers;
  TimeSpan ts;
  Planned planned;
  std::vector<LaneGeometry> lanes;
  std::vector<HeaderText> groups;  // wrapped group headers (titles beside the lanes)
  Annotations ann;
};

Plan plan_chart(const ChartInput& in, const OrientationParams& p, Point origin, const Block& source, Composition& out) {
  const auto& st = *in.style;
  const auto& r = *in.chart;
  Plan plan;
  plan.headers = headers_of(in, p, std::max(1.0, in.page.width - 2 * st.page.margin));
  plan.ts = time_span(in, p, plan.headers, origin.x, source);
  const TimeSpan& ts = plan.ts;
  const double inset = std::max(2.0, st.event.marker_size / 2);
  const std::vector<Color> backdrops = lane_backdrops(st, r.lanes.size());
  const PlanContext ctx{nullptr,  ts.lo,    ts.hi, label_width(in, p, ts, origin.y, inset), backdrops, p.map,
                        p.labels, &r.header.locale, st.min_size, in.fit.extra_lines};
  plan.planned = plan_on_scale(in, ctx, ts.lo + inset, ts.hi - inset, break_gap(st));
  out.shortened = plan.planned.shortened;
  out.breaks = breaks_of(plan.planned.scale);
  plan.lanes = lane_rows(in, p, plan.headers, plan.planned.plans, out);
  plan.groups = group_texts(in, p, plan.headers, plan.lanes);
  plan.ann = plan_annotations(r, plan.planned.scale, ts.lo, ts.hi, p.map.transposed, *in.measurer);
  return plan;
}

// Group headers in their strip, each with a thin rule along its lanes, and a
// `group` item spanning them (FORMAT.md §5.3).
void draw_groups(Canvas& cv, const Plan& plan, const ChartInput& in, const OrientationParams& p) {
  const auto& h = plan.headers;
  const auto& st = *in.style;
  const TimeSpan& ts = plan.ts;
  const style::TextStyle gs = group_style(st);
  const double pad = st.lane.padding;
  for (std::size_t k = 0; k < h.groups.size(); ++k) {
    const auto& g = h.groups[k];
    const LaneGeometry& first = plan.lanes[g.first];
    const double c0 = first.top, c1 = plan.lanes[g.last].top + plan.lanes[g.last].height;
    HeaderText text;
    Point at;
    if (p.wrap_headers) {
      text = plan.groups[k];
      // Level with the first lane's own title.
      at = p.map.point({ts.group_t0, c0 + pad + (first.row_top.empty() ? 0 : first.row_top[0])});
    } else {
      // One line over its lanes, centred on them; wider than they are, wrapped
      // in the strip's lines, and shortened only when even those cannot hold it.
      const double room = std::max(0.0, c1 - c0 - 2 * pad);
      text = group_text(g.title, gs, room, *in.measurer);
      if (text.lines.size() > 1 && text.height > h.group_along + 0.01) {
        const std::string shown = ellipsize(g.title, room, gs.font, *in.measurer);
        const double w = in.measurer->measure(shown, gs.font).width;
        text = HeaderText{};
        text.lines.push_back(scene::Text{{0, 0, w, h.group_along}, shown, gs.font, gs.color, {}});
        text.width = w;
      }
      // Its last line on the strip's rule, whatever the strip's other names need.
      const double drop = std::max(0.0, h.group_along - text.height);
      at = p.map.point({ts.group_t0 + drop, c0 + std::max(pad, (c1 - c0 - text.width) / 2)});
    }
    std::string drawn;
    for (const auto& line_text : text.lines) {
      drawn += (drawn.empty() ? "" : "\n") + line_text.text;
      scene::Shape s = line_text;
      translate(s, at.x, at.y);
      cv.headers.push_back(upright(p.map, std::move(s)));
    }
    const double rule_t = ts.group_t0 + h.group_along + h.group_gap / 2;
    cv.headers.push_back(line({rule_t, c0 + pad / 2}, {rule_t, c1 - pad / 2}, with_alpha(gs.color, 0.55), 0.75));
    scene::Item it;
    it.kind = scene::ItemKind::group;
    it.id = std::to_string(k);
    it.text = drawn;
    it.box = {ts.group_t0, c0, ts.t1 - ts.group_t0, c1 - c0};
    cv.group_items.push_back(std::move(it));
  }
}

// Steps 3 and 4: across from `c0`, the titles, the axis, the lanes and what
// follows them, drawn and mapped to the page. Returns the chart's far corner
// on the page.
Point draw_chart(Canvas& cv, Composition& out, Plan& plan, AxisBlock& axis, const ChartInput& in,
                 const OrientationParams& p, double c0) {
  const auto& st = *in.style;
  const auto& scale = plan.planned.scale;
  const TimeSpan& ts = plan.ts;
  const Across a = stack_before_lanes(in, p, ts, scale, plan.ann, c0);
  const double across_page = p.map.extent(in.page.width, in.page.height).y;
  const double lanes_c1 = place_lanes(plan.lanes, a.lanes, p.widen_lanes, across_page - st.page.margin);
  axis = axes(in, a, a.lanes, lanes_c1, scale);
  double c = lanes_c1;
  if (!p.axis_first && a.axis_bottom) c += axis.size;
  const Annotations after =
      plan_annotations(*in.chart, scale, ts.lo, ts.hi, p.map.transposed, *in.measurer, TitleSide::below);
  if (after.total() > 0) {
    c += st.font.size / 2;
    draw_titles_after(cv, after, c, p.map);
    c += after.total();
  }
  if (in.fit.measure_only) return p.map.point({ts.t1, c});
  cv.reserve_events(in.chart->events.size());
  draw_lanes(cv, out, plan.lanes, plan.planned.plans, in, p, plan.headers, ts, scale);
  draw_links(cv, plan.lanes, plan.planned.plans, in, p, ts, a.lanes, lanes_c1);
  draw_groups(cv, plan, in, p);
  draw_annotations(cv, plan.ann, a.annotations, a.lanes, lanes_c1, *in.chart, p.map);
  map_to_page(cv, plan.planned.plans, axis, p.map);
  return p.map.point({ts.t1, c});
}

}  // namespace

Composition compose(const ChartInput& in) {
  const auto& t = *in.chart;
  const auto& st = *in.style;
  const auto& m = *in.measurer;
  const OrientationParams p = params_for(in);
  const double margin = st.page.margin, unit = st.font.size;
  const double inner = std::max(1.0, in.page.width - 2 * margin);
  Canvas cv;
  Composition out;

  // Down the page: the title, the legend when it leads, then the chart.
  Block title = title_block(t.header.title, t.header.subtitle, st.title, inner, m);
  Block source = source_block(t.header.source, st.title, inner, m);
  double y = margin;
  move_block(title, margin, y);
  if (title.height > 0) y += title.height + 1.5 * unit;
  Plan plan = plan_chart(in, p, p.map.point({margin, y}), source, out);
  Block legend = legend_block(legend_entries(t, plan.planned.uses, plan.headers.shown), st.legend, inner, m);
  const bool legend_first = st.legend.position == style::LegendPosition::top && !p.blocks_along_time;
  if (legend_first && legend.height > 0) {
    move_block(legend, margin, y);
    y += legend.height + unit;
  }
  AxisBlock axis;
  const Point end = draw_chart(cv, out, plan, axis, in, p, p.map.point({margin, y}).y);

  // Step 5, down the page again: after the chart, the legend and the source; the page's size.
  y = end.y;
  if (!legend_first && legend.height > 0) {
    y += unit;
    move_block(legend, margin, y);
    y += legend.height;
  }
  if (source.height > 0) y += unit;
  const double natural_y = y + source.height + margin;
  const double natural_x = p.blocks_along_time ? end.x + margin : in.page.width;
  const double width = std::max(in.page.width, natural_x), height = std::max(natural_y, in.page.height);
  out.natural = p.map.extent(natural_x, natural_y).y;
  out.natural_along = p.map.extent(natural_x, natural_y).x;
  if (in.fit.measure_only) return out;
  move_block(source, margin, height - margin - source.height);

  finish(cv, out, std::move(axis), title, legend, source, plan.planned.plans, in, width, height);
  return out;
}

// Whatever lies outside the page is cut: its items and texts leave the
// chart (a text is never drawn half), other shapes are clipped by the page.
void keep_within(Composition& c, const PageFrame& page) {
  c.scene.width = page.width;
  c.scene.height = page.height;
  const Box sheet{0, 0, page.width, page.height};
  std::erase_if(c.scene.items, [&](const scene::Item& it) { return !sheet.contains(it.box); });
  std::erase_if(c.scene.shapes, [&](const scene::Shape& s) {
    const Box b = box_of(s);
    if (std::holds_alternative<scene::Text>(s)) return !sheet.contains(b);
    return b.x >= sheet.right() || b.y >= sheet.bottom() || b.right() <= 0 || b.bottom() <= 0;
  });
}

}  // namespace annals::layout
