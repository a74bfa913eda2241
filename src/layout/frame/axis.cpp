#include "layout/frame/axis.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>

#include "layout/assembly/shapes.h"

namespace annals::layout {

namespace {

constexpr double kLabelGap = 2;  // pt between a tick and its label
constexpr double kBreakSlant = 3;
constexpr double kDefaultBreak = 24;  // pt: a break at body sizes up to about 10 pt

double clamp_to(double v, double lo, double hi) { return std::max(lo, std::min(v, hi)); }

std::vector<scale::Tick> ticks_for(const scale::TimeScale& s, const style::Style& st, const text::TextMeasurer& m,
                                   const PageMap& map, const dates::Locale& locale, dates::Precision finest) {
  const auto& font = st.axis.label.font;
  // Labels breathe: about three label heights between neighbours, so a decade
  // reads in years rather than in a crowd of month names.
  const double h = m.measure("0", font).height, gap = 3 * h;
  // What a label takes along t: its height when time runs down, else its width.
  if (map.transposed) return scale::ticks(s, [h](std::string_view) { return h; }, gap, locale, finest);
  return scale::ticks(s, [&](std::string_view t) { return m.measure(t, font).width; }, gap, locale, finest);
}

scene::Item tick_item(std::size_t n, const scene::Text& t) {
  scene::Item it;
  it.kind = scene::ItemKind::tick;
  it.id = std::to_string(n);
  it.box = t.box;
  it.text = t.text;
  return it;
}

void add_gaps(AxisBlock& b, const scale::TimeScale& s, const AxisFrame& f, Color axis) {
  const auto& seg = s.segments();
  for (std::size_t i = 0; i + 1 < seg.size(); ++i) {
    const double g0 = seg[i].x1, g1 = seg[i + 1].x0;
    const double mid = (g0 + g1) / 2;
    // The strokes grow with the break, so a poster's break is as plain as a report's.
    const double k = std::max(1.0, (g1 - g0) / kDefaultBreak);
    for (const double d : {-kBreakSlant * k, kBreakSlant * k}) {
      const double c = mid + d;
      b.shapes.push_back(line({c - 2 * k, f.at + 4 * k}, {c + 2 * k, f.at - 4 * k}, axis, k));
    }
  }
}

}  // namespace

double break_gap(const style::Style& st) { return std::max(kDefaultBreak, 2.5 * st.axis.label.font.size); }

std::vector<std::pair<double, double>> unbroken(const scale::TimeScale& s, double a, double b) {
  std::vector<std::pair<double, double>> out;
  const auto& seg = s.segments();
  double from = a;
  for (std::size_t i = 0; i + 1 < seg.size(); ++i) {
    const double g0 = seg[i].x1, g1 = seg[i + 1].x0;
    if (g0 > from && g1 < b) {
      out.emplace_back(from, g0);
      from = g1;
    }
  }
  out.emplace_back(from, b);
  return out;
}

std::vector<Box> cut_at_breaks(const Box& box, const scale::TimeScale& s) {
  std::vector<Box> out;
  for (const auto& [p, q] : unbroken(s, box.x, box.right())) out.push_back(Box{p, box.y, q - p, box.h});
  return out;
}

AxisBlock time_axis(const scale::TimeScale& s, const style::Style& st, const AxisFrame& f,
                    const text::TextMeasurer& m) {
  AxisBlock b;
  const auto& ax = st.axis;
  const PageMap& map = f.map;
  for (const auto& seg : s.segments())
    b.shapes.push_back(line({seg.x0, f.at}, {seg.x1, f.at}, ax.color, ax.width));
  add_gaps(b, s, f, ax.color);

  const double line_h = m.measure("0", ax.label.font).height;
  const auto ts = ticks_for(s, st, m, map, f.locale, f.finest);
  // Each level of labels (the finest next to the ticks, the context further
  // out) takes as much room across as its largest label; levels set side by
  // side along a line of text keep a gap between them.
  std::vector<double> level_size;
  for (const auto& t : ts) {
    if (t.label.empty()) continue;
    const auto level = static_cast<std::size_t>(t.level);
    if (level_size.size() <= level) level_size.resize(level + 1, map.extent(0, line_h).y);
    level_size[level] = std::max(level_size[level], map.extent(m.measure(t.label, ax.label.font).width, line_h).y);
  }
  const double level_gap = map.cross_is_inline() ? 2 * kLabelGap : 0;
  std::vector<double> level_at(level_size.size(), 0);  // from the first level's inner edge
  for (std::size_t k = 1; k < level_size.size(); ++k) level_at[k] = level_at[k - 1] + level_size[k - 1] + level_gap;

  const double dir = f.labels_before ? -1 : 1;
  std::size_t n = 0;
  int levels = 0;
  for (const auto& t : ts) {
    const double len = (t.major ? ax.tick_length : ax.tick_length / 2) * dir;
    if (t.level == 0) b.shapes.push_back(line({t.x, f.at}, {t.x, f.at + len}, ax.color, ax.width));
    if (t.major && st.grid.major)
      b.grid.push_back(line({t.x, f.plot_lo}, {t.x, f.plot_hi}, st.grid.major_color, st.grid.width));
    else if (!t.major && st.grid.minor)
      b.grid.push_back(line({t.x, f.plot_lo}, {t.x, f.plot_hi}, st.grid.minor_color, st.grid.width));
    if (t.label.empty()) continue;
    const double w = m.measure(t.label, ax.label.font).width;
    const Point size = map.extent(w, line_h);  // along t, across
    // The finest labels centre on their tick; the context line starts at it.
    double along = clamp_to(t.level == 0 ? t.x - size.x / 2 : t.x, f.page_lo, f.page_hi - size.x);
    if (t.level == 0 && std::abs(along - (t.x - size.x / 2)) > 0.01) {
      // Too near the page's edge to centre: a label shifted off its tick would
      // name the wrong date. It ends (or starts) at its tick instead, the tick
      // still readable at its edge, or is left out when even that leaves the page.
      if (t.x - size.x >= f.page_lo && t.x + size.x / 2 > f.page_hi) along = t.x - size.x;
      else if (t.x + size.x <= f.page_hi && t.x - size.x / 2 < f.page_lo) along = t.x;
      else continue;
    }
    const double reach = ax.tick_length + kLabelGap + level_at[static_cast<std::size_t>(t.level)];
    const double across = f.labels_before ? f.at - reach - size.y : f.at + reach;
    const Box page = map.box({along, across, size.x, size.y});
    scene::Shape text = upright(map, scene::Text{page, t.label, ax.label.font, ax.label.color, {}});
    b.items.push_back(tick_item(n++, std::get<scene::Text>(text)));
    b.shapes.push_back(std::move(text));
    levels = std::max(levels, t.level + 1);
  }
  scene::Item axis;
  axis.kind = scene::ItemKind::axis;
  axis.id = "axis";
  axis.box = {s.range_begin(), f.labels_before ? f.at - ax.tick_length : f.at, s.range_end() - s.range_begin(),
              ax.tick_length};
  b.items.insert(b.items.begin(), axis);
  const auto top = static_cast<std::size_t>(levels);
  b.size = ax.tick_length + kLabelGap + (top > 0 ? level_at[top - 1] + level_size[top - 1] : 0);
  return b;
}

}  // namespace annals::layout
