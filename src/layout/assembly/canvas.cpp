#include "layout/assembly/canvas.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <utility>
#include <variant>

#include "layout/labels/label_text.h"
#include "layout/assembly/shapes.h"
#include "layout/frame/time_frame.h"

namespace annals::layout {

namespace {

const Color kLegendInk{0.45, 0.45, 0.45, 1};

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  from.clear();
}

// What the dump says of the time from `first` to `last`.
scene::EventDates dates_between(const dates::Date& first, const dates::Date& last) {
  scene::EventDates d;
  d.start = dates::iso_first(first);
  d.end = dates::iso_last(last);
  d.precision = std::string(dates::to_string(first.precision));
  d.approximate = first.approximate || last.approximate;
  d.uncertain = first.uncertain || last.uncertain;
  d.open = last.present;
  return d;
}

scene::EventDates dates_of(const styled::Event& e) { return dates_between(e.first, e.last); }

scene::EventDates dates_of(const styled::Period& p) { return dates_between(p.first, p.last); }

constexpr double kRuleClearance = 2;  // pt a rule stops short of a label
constexpr int kHeaderLines = 3;         // a lane title wraps into this many lines before "…"

// A marker's rule stops short of every event label it would run through, so
// that no text is struck out (the rule's item keeps its whole length).
// Rules are few; labels are checked in one pass per rule.
void cut_rules(std::vector<scene::Shape>& rules, const std::vector<scene::Item>& items) {
  std::vector<scene::Shape> out;
  for (auto& shape : rules) {
    const auto* l = std::get_if<scene::Line>(&shape);
    const bool down = l && l->from.x == l->to.x, across = l && l->from.y == l->to.y;
    if (!down && !across) {
      out.push_back(std::move(shape));
      continue;
    }
    // The rule's course and the label stretches along it that it must skip.
    const double at = down ? l->from.x : l->from.y;
    double lo = down ? std::min(l->from.y, l->to.y) : std::min(l->from.x, l->to.x);
    const double hi = down ? std::max(l->from.y, l->to.y) : std::max(l->from.x, l->to.x);
    std::vector<std::pair<double, double>> skip;
    for (const auto& it : items) {
      if (it.kind != scene::ItemKind::label) continue;
      const Box& b = it.box;
      const bool crosses = down ? b.x - kRuleClearance < at && at < b.right() + kRuleClearance
                                : b.y - kRuleClearance < at && at < b.bottom() + kRuleClearance;
      if (crosses)
        skip.emplace_back(down ? b.y - kRuleClearance : b.x - kRuleClearance,
                          down ? b.bottom() + kRuleClearance : b.right() + kRuleClearance);
    }
    if (skip.empty()) {
      out.push_back(std::move(shape));
      continue;
    }
    std::sort(skip.begin(), skip.end());
    const auto piece = [&](double a, double b) {
      if (b - a <= 0.5) return;
      scene::Line part = *l;
      part.from = down ? Point{at, a} : Point{a, at};
      part.to = down ? Point{at, b} : Point{b, at};
      out.push_back(std::move(part));
    };
    for (const auto& [a, b] : skip) {
      piece(lo, std::min(a, hi));
      lo = std::max(lo, b);
    }
    piece(lo, hi);
  }
  rules = std::move(out);
}

}  // namespace

void Canvas::paint(scene::Scene& s) {
  cut_rules(rules, event_items);
  std::size_t shapes = 0, items = 0;
  for (const auto* layer : {&bands, &grid, &eras, &gaps, &separators, &rules, &headers, &notes, &arrows, &links,
                            &axis, &furniture})
    shapes += layer->size();
  if (plans)
    for (const auto& p : *plans) shapes += p.marks.size() + p.label.size();
  for (const auto* list : {&title_items, &lane_items, &group_items, &era_items, &marker_items, &event_items, &link_items, &axis_items,
                           &legend_items, &source_items})
    items += list->size();
  s.shapes.reserve(s.shapes.size() + shapes);
  s.items.reserve(s.items.size() + items);
  for (auto* layer : {&bands, &grid, &eras, &gaps, &separators, &rules, &headers, &notes}) append(s.shapes, *layer);
  if (plans) {
    for (auto& p : *plans) append(s.shapes, p.marks);
  }
  append(s.shapes, arrows);
  if (plans) {
    for (auto& p : *plans) append(s.shapes, p.label);
  }
  for (auto* layer : {&links, &axis, &furniture}) append(s.shapes, *layer);
  for (auto* list : {&title_items, &lane_items, &group_items, &era_items, &marker_items, &event_items, &link_items, &axis_items,
                           &legend_items, &source_items})
    append(s.items, *list);
}

bool lanes_have_headers(const styled::Timeline& r) {
  return std::any_of(r.lanes.begin(), r.lanes.end(), [](const styled::Lane& l) { return !l.title.empty(); });
}

void finish(Canvas& cv, Composition& out, AxisBlock axis, Block& title, Block& legend, Block& source,
            std::vector<EventPlan>& plans, const ChartInput& in, double width, double height) {
  cv.grid = std::move(axis.grid);
  cv.gaps = std::move(axis.gaps);
  cv.axis = std::move(axis.shapes);
  cv.axis_items = std::move(axis.items);
  for (auto* b : {&title, &legend, &source}) std::move(b->shapes.begin(), b->shapes.end(), std::back_inserter(cv.furniture));
  cv.title_items = std::move(title.items);
  cv.legend_items = std::move(legend.items);
  cv.source_items = std::move(source.items);
  out.scene.width = width;
  out.scene.height = height;
  out.scene.background = in.style->page.background;
  out.scene.metadata = metadata(*in.chart, *in.options);
  cv.plans = &plans;
  cv.paint(out.scene);
}

namespace {

LegendEntry legend_entry(LegendEntry::Swatch swatch, Color color, std::string text) {
  LegendEntry e;
  e.swatch = swatch;
  e.color = color;
  e.text = std::move(text);
  return e;
}

}  // namespace

std::vector<LegendEntry> legend_entries(const styled::Timeline& r, const MarkUse& uses, bool headers) {
  const auto& st = r.style;
  std::vector<LegendEntry> out;
  if (!st.legend.show || st.legend.position == style::LegendPosition::none) return out;
  if (!headers && r.lanes.size() > 1) {
    // A lane of points shows the shape its marks have (the most used, the first on a tie); a lane of spans a bar.
    std::vector<std::array<std::size_t, 5>> shapes(r.lanes.size(), std::array<std::size_t, 5>{});
    std::vector<scene::Stroke> outline(r.lanes.size());
    for (const auto& e : r.events) {
      if (e.lane >= r.lanes.size()) continue;
      if (!e.style.outline.is_none() && e.style.outline_width > 0)
        outline[e.lane] = scene::Stroke{e.style.outline, e.style.outline_width, {}};
      if (!e.span && e.style.marker != style::MarkerShape::none)
        ++shapes[e.lane][static_cast<std::size_t>(e.style.marker)];
    }
    for (std::size_t l = 0; l < r.lanes.size(); ++l) {
      const auto& lane = r.lanes[l];
      LegendEntry entry = legend_entry(LegendEntry::Swatch::lane, lane.color, lane.title.empty() ? lane.id : lane.title);
      const auto& n = shapes[l];
      const auto most = std::max_element(n.begin(), n.end());
      if (*most > 0) entry.mark = static_cast<style::MarkerShape>(most - n.begin());
      entry.outline = outline[l];
      out.push_back(std::move(entry));
    }
  }
  for (const auto& tag : r.tags) out.push_back(legend_entry(LegendEntry::Swatch::solid, tag.color, tag.name));
  // In the chart's language, as its dates are.
  const dates::Locale& words = r.header.locale;
  if (uses.band) out.push_back(legend_entry(LegendEntry::Swatch::band, kLegendInk, words.legend_imprecise));
  if (uses.fade) out.push_back(legend_entry(LegendEntry::Swatch::fade, kLegendInk, words.legend_approximate));
  if (uses.open) out.push_back(legend_entry(LegendEntry::Swatch::open, kLegendInk, words.legend_ongoing));
  return out;
}

void emit_event(Canvas& cv, const styled::Timeline& r, const styled::Event& e, EventPlan& plan, double dx,
                double dy) {
  for (auto& s : plan.marks) translate(s, dx, dy);
  for (auto& s : plan.label) translate(s, dx, dy);
  plan.mark_box.x += dx, plan.mark_box.y += dy;
  plan.label_box.x += dx, plan.label_box.y += dy;
  for (auto& b : plan.period_boxes) b.x += dx, b.y += dy;
  const std::string& lane = r.lanes[e.lane].id;

  // The mark and the label are two items of the same event and lane.
  const auto item = [&](scene::ItemKind kind, const Box& box) {
    scene::Item it;
    it.kind = kind;
    it.id = e.id;
    it.box = box;
    it.event = e.id;
    it.lane = lane;
    return it;
  };
  // One event item per period (FORMAT.md §5.1), all of the same event.
  const std::size_t marks = std::max<std::size_t>(1, plan.period_boxes.size());
  for (std::size_t k = 0; k < marks; ++k) {
    const bool period = k < plan.period_boxes.size() && k < e.periods.size();
    scene::Item ev = item(scene::ItemKind::event, period ? plan.period_boxes[k] : plan.mark_box);
    ev.title = e.title;
    ev.dates = period ? dates_of(e.periods[k]) : dates_of(e);
    if (period) ev.period = k + 1;
    ev.description = e.description;
    ev.url = e.url;
    cv.event_items.push_back(std::move(ev));
  }
  scene::Item label = item(scene::ItemKind::label, plan.label_box);
  label.text = plan.label_text;
  cv.event_items.push_back(std::move(label));

  if (!e.url.empty()) cv.links.push_back(scene::Link{union_box(plan.mark_box, plan.label_box), e.url});
}

scene::Metadata metadata(const styled::Timeline& t, const Options& o) {
  scene::Metadata md;
  md.title = t.header.title;
  md.subject = t.header.subtitle.empty() ? t.header.description : t.header.subtitle;
  md.creator = o.creator;
  md.date = dates::iso(t.now.begin);
  switch (t.style.svg.link_target) {
    case style::LinkTarget::top: md.link_target = "_top"; break;
    case style::LinkTarget::blank: md.link_target = "_blank"; break;
    case style::LinkTarget::self: md.link_target = "_self"; break;
    case style::LinkTarget::parent: md.link_target = "_parent"; break;
  }
  return md;
}

namespace {

// `top` composited over an opaque `bottom`.
Color over(Color top, Color bottom) {
  const double a = std::clamp(top.a, 0.0, 1.0);
  return {top.r * a + bottom.r * (1 - a), top.g * a + bottom.g * (1 - a), top.b * a + bottom.b * (1 - a), 1};
}

}  // namespace

Color lane_backdrop(const style::Style& st, std::size_t index) {
  // A transparent page is most often embedded on white.
  const Color page = st.page.background.is_none() ? Color{1, 1, 1, 1} : over(st.page.background, {1, 1, 1, 1});
  return over(index % 2 == 0 ? st.lane.band : st.lane.band_alt, page);
}

std::vector<Color> lane_backdrops(const style::Style& st, std::size_t lanes) {
  std::vector<Color> out;
  for (std::size_t l = 0; l < lanes; ++l) out.push_back(lane_backdrop(st, l));
  return out;
}

Color lane_title_color(const styled::Lane& lane, const style::Style& st, Color band) {
  if (!st.lane.title_uses_lane_color) return st.lane.title.color;
  return style::text_color_on(lane.color, band);
}

HeaderText header_text(const styled::Lane& lane, const style::Style& st, double width,
                       const text::TextMeasurer& m, Color band) {
  HeaderText h;
  if (lane.title.empty()) return h;
  const auto& ts = st.lane.title;
  const Color c = lane_title_color(lane, st, band);
  LabelRequest req;
  req.title = lane.title;
  req.font = ts.font;
  req.title_color = c;
  req.date_color = c;
  req.max_width = width;
  req.max_lines = kHeaderLines;
  const LabelText t = compose_label(req, m);
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const auto& line = t.lines[i];
    h.lines.push_back(
        scene::Text{{0, t.line_height * static_cast<double>(i), line.width, t.line_height}, line.text, ts.font, c, {}});
  }
  h.width = t.width;
  h.height = t.height();
  return h;
}

double label_width_for(const style::Style& st, double plot_length, double factor, double scale) {
  // About 45 characters of the style's own size before wrapping, never more
  // than ~45 % of the plot: type grown with the page wraps into more lines
  // rather than taking more of the time axis.
  const double em = st.event.label.font.size;
  const double w = std::min(28 * em / std::max(1.0, scale), 0.45 * plot_length) * factor;
  return std::max(w, std::min(8 * em, plot_length));
}

}  // namespace annals::layout
