#include "layout/rows/event_plan.h"

#include <algorithm>
#include <cmath>

#include "layout/frame/axis.h"
#include "layout/labels/label_text.h"
#include "layout/assembly/shapes.h"
#include "style/values.h"

namespace annals::layout {

namespace {

using style::LabelPosition;
using style::MarkerShape;

// A point's interval is drawn when it is wider than twice its marker (or than
// this many points for approximate dates): narrower ones read as the point.
constexpr double kMinBand = 3;
// A span shorter than this on the page (hours or days on a chart of
// decades) is drawn this long, centred on its true middle, with end caps, so
// it reads as a span and not a sliver; the dump keeps its true dates.
constexpr double kMinSpan = 6;       // pt: the shortest bar
constexpr double kCapReach = 0.8;    // an end cap reaches this share of the bar's height beyond its centre
constexpr int kDescriptionLines = 6;  // a printed description wraps to this many lines, then shortens
constexpr double kInsidePad = 3;     // pt between a bar's end and its inside label, at least
constexpr double kInsidePadEm = 0.35;  // ... and in ems, so a poster's large type keeps its margin in the bar
constexpr double kBandAlpha = 0.28;  // uncertainty bands are quiet
constexpr double kFadeAlpha = 0.12;  // where an approximate end fades to

double clamp_to(double v, double lo, double hi) { return std::max(lo, std::min(v, hi)); }

// The plot narrowed to the unbroken stretch that holds [a, b]: a label kept
// inside it never runs across an axis break to sit over other dates.
PlanContext within(const PlanContext& ctx, double a, double b) {
  PlanContext local = ctx;
  const auto& seg = ctx.scale->segments();
  for (std::size_t i = 0; i + 1 < seg.size(); ++i) {
    if (seg[i + 1].x0 <= a) local.lo = std::max(local.lo, seg[i + 1].x0);
    if (seg[i].x1 >= b) local.hi = std::min(local.hi, seg[i].x1);
  }
  return local;
}

// A quarter circle of `r` around (cx, cy) from angle a0 (radians, y down),
// clockwise on the page.
void arc(std::vector<Point>& pts, double cx, double cy, double r, double a0) {
  constexpr int kSteps = 4;
  constexpr double kQuarter = 1.5707963267948966;
  for (int i = 0; i <= kSteps; ++i) {
    const double a = a0 + kQuarter * i / kSteps;
    pts.push_back({cx + r * std::cos(a), cy + r * std::sin(a)});
  }
}

// A bar over `box` with rounded ends, except where it is cut (at an axis
// break or the view window's edge): a square cut end reads as "continues",
// a rounded one as the event's start or end. Bars run along t (page x
// until the chart is mapped to the page).
scene::Shape bar_shape(const Box& box, double radius, bool cut_start, bool cut_end, scene::Paint fill,
                       scene::Stroke stroke) {
  if (radius <= 0 || (!cut_start && !cut_end)) return scene::Rect{box, radius, std::move(fill), std::move(stroke)};
  constexpr double kPi = 3.141592653589793;
  const double x = box.x, y = box.y, r = radius, R = box.right(), B = box.bottom();
  // Corners clockwise from the top left; each is round when its end is.
  const bool tl = !cut_start, tr = !cut_end, br = !cut_end, bl = !cut_start;
  std::vector<Point> pts;
  const auto corner = [&](bool round, Point at, Point centre, double a0) {
    if (round)
      arc(pts, centre.x, centre.y, r, a0);
    else
      pts.push_back(at);
  };
  corner(tl, {x, y}, {x + r, y + r}, kPi);
  corner(tr, {R, y}, {R - r, y + r}, 1.5 * kPi);
  corner(br, {R, B}, {R - r, B - r}, 0);
  corner(bl, {x, B}, {x + r, B - r}, 0.5 * kPi);
  return scene::Path{std::move(pts), true, std::move(fill), std::move(stroke)};
}

// The mark of a point event, centred on (x, y); a style's outline keeps pale
// marks visible on white paper.
scene::Shape marker(MarkerShape shape, double x, double y, double size, Color c, const scene::Stroke& outline) {
  const double r = size / 2;
  const auto fill = scene::Paint::solid(c);
  switch (shape) {
    case MarkerShape::circle: return scene::Circle{{x, y}, r, fill, outline};
    case MarkerShape::square: return scene::Rect{{x - r, y - r, size, size}, 0, fill, outline};
    case MarkerShape::diamond:
      return scene::Path{{{x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}}, true, fill, outline};
    case MarkerShape::triangle:
      return scene::Path{{{x, y - r}, {x + r, y + r}, {x - r, y + r}}, true, fill, outline};
    case MarkerShape::none: break;
  }
  return scene::Rect{{x, y - r, 0, size}, 0, scene::Paint::solid(Color::none()), {}};
}

// What a bar's outline and fill look like, from the style.
scene::Stroke outline_of(const style::EventStyle& st) {
  if (st.outline.is_none() || st.outline_width <= 0) return {};
  return scene::Stroke{st.outline, st.outline_width, {}};
}

// The share of a bar's length given to each faded end.
double fade_share(double length) { return length > 0 ? clamp_to(12.0 / length, 0.1, 0.45) : 0.3; }

// A horizontal or vertical fade along a bar: solid in the middle, faint at
// the approximate ends.
scene::Paint faded(Color c, Point from, Point to, double length, bool fade_start, bool fade_end) {
  if (!fade_start && !fade_end) return scene::Paint::solid(c);
  const double f = fade_share(length);
  scene::Paint p;
  p.from = from;
  p.to = to;
  p.stops.push_back({0, fade_start ? with_alpha(c, kFadeAlpha) : c});
  if (fade_start) p.stops.push_back({f, c});
  if (fade_end) p.stops.push_back({1 - f, c});
  p.stops.push_back({1, fade_end ? with_alpha(c, kFadeAlpha) : c});
  return p;
}

bool fuzzy(const dates::Date& d) { return d.approximate || d.uncertain; }

LabelText label_for(const styled::Event& e, double max_width, const PlanContext& ctx, const text::TextMeasurer& m) {
  const std::string date = date_text(e, ctx.locale);
  LabelRequest r;
  r.date = date;
  r.title = e.title;
  r.font = e.style.label.font;
  r.date_color = e.style.date_color;
  r.title_color = e.style.label.color;
  r.max_width = max_width;
  r.max_lines = std::max(1, e.style.max_label_lines);
  r.break_date = ctx.labels == LabelFlow::across;
  LabelText label = compose_label(r, m);
  // Posters and printed charts have no tooltips: the description under the title, smaller.
  if (e.style.show_description && !e.description.empty()) {
    FontSpec font = e.style.label.font;
    font.weight = 400;
    font.size = e.style.description_size > 0 ? e.style.description_size
                                             : style::secondary_size(e.style.label.font.size, ctx.min_size);
    add_note(label, e.description, font, e.style.date_color, max_width, kDescriptionLines, m);
  }
  return label;
}

// The lines of `t`, upright, with its top-left corner at `at` (t, c); lines
// flush right when the label sits on the left of its mark.
void add_text(EventPlan& p, const LabelText& t, Point at, const PageMap& map, bool flush_right = false) {
  const Point page = map.point(at);
  const double x = page.x, y = page.y;
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const TextLine& line = t.lines[i];
    if (line.text.empty()) continue;
    const double ly = y + t.line_height * static_cast<double>(i);
    const double lx = flush_right ? x + t.width - line.width : x;
    const bool date_only = line.date_end >= line.text.size();
    scene::Text text{{lx, ly, line.width, t.line_height}, line.text, t.font,
                     date_only ? t.date_color : t.title_color, {}};
    if (!date_only && line.date_end > 0) text.spans.push_back({0, line.date_end, t.date_color});
    text.elided = line.elided;
    p.label.push_back(upright(map, std::move(text)));
  }
  const double note_y = y + t.line_height * static_cast<double>(t.lines.size());
  for (std::size_t i = 0; i < t.note.lines.size(); ++i) {
    const TextLine& line = t.note.lines[i];
    if (line.text.empty()) continue;
    const double lx = flush_right ? x + t.width - line.width : x;
    p.label.push_back(upright(map, scene::Text{{lx, note_y + t.note.line_height * static_cast<double>(i), line.width,
                                                t.note.line_height},
                                               line.text, t.note.font, t.note.color, {}}));
  }
  p.label_box = map.box({x, y, t.width, t.height()});
  p.label_text = t.joined();
  p.shortened = t.shortened;
}

void recolour(LabelText& t, Color c) { t.date_color = t.title_color = c; }

void add_mark(EventPlan& p, scene::Shape s) {
  p.mark_box = p.marks.empty() ? box_of(s) : union_box(p.mark_box, box_of(s));
  p.marks.push_back(std::move(s));
}

enum class Side { right, left, above, below };

// Where a label goes beside a mark spanning [a, b]: right unless it would
// leave the plot (or the style asks for left and there is room); above when
// the style asks; below, tied back by a leader, when neither side has room.
struct Beside {
  Side side = Side::right;
  double x = 0;
};

Beside beside(double a, double b, double width, double gap, const PlanContext& ctx, LabelPosition pref) {
  const double under = clamp_to(a, ctx.lo, std::max(ctx.lo, ctx.hi - width));
  if (pref == LabelPosition::above) return {Side::above, under};
  const double right = b + gap, left = a - gap - width;
  const bool fits_right = right + width <= ctx.hi, fits_left = left >= ctx.lo;
  if (pref == LabelPosition::left && fits_left) return {Side::left, left};
  if (fits_right) return {Side::right, right};
  if (fits_left) return {Side::left, left};
  return {Side::below, under};
}

// Fits a label beside [a, b], rewrapping it narrower when neither side has room.
Beside place_beside(LabelText& label, const styled::Event& e, double a, double b, const PlanContext& ctx,
                    const text::TextMeasurer& m) {
  const double gap = e.style.label_gap;
  const auto pref = e.style.label_position;
  Beside at = beside(a, b, label.width, gap, ctx, pref);
  if (at.side != Side::below) return at;
  // A narrower wrap that fits beside the mark beats a label moved below it.
  const double room = std::max(ctx.hi - (b + gap), (a - gap) - ctx.lo);
  if (room > 2 * e.style.label.font.size && room < label.width) {
    LabelText narrower = label_for(e, room, ctx, m);
    const Beside again = beside(a, b, narrower.width, gap, ctx, pref);
    if (again.side != Side::below) {
      label = std::move(narrower);
      return again;
    }
  }
  if (label.width > ctx.hi - ctx.lo) {
    label = label_for(e, ctx.hi - ctx.lo, ctx, m);
    at.x = ctx.lo;
  }
  return at;
}

// A label beside [a, b], kept within the stretch between axis breaks that
// holds the mark. One wider than its whole stretch (its date alone is) is
// placed on the whole plot instead; the chart then keeps the time under it
// on the axis (compose's plan_on_scale), so it never crosses a break.
// A label its stretch squeezes (moved below its mark, or wrapped into more
// than two lines, and more than the whole plot would make it) says in
// `wants` the room it would take beside the mark in two: the chart keeps
// that time on the axis where it can (plan_on_scale), as a designer widens
// a crowded stretch.
constexpr std::size_t kSqueezedLines = 2;
Beside place_label(LabelText& label, const styled::Event& e, double a, double b, const PlanContext& ctx,
                   const text::TextMeasurer& m, std::optional<Extent>& wants) {
  const PlanContext local = within(ctx, a, b);
  // Without a break near the mark the stretch is the whole plot: no copy to keep.
  if (local.lo == ctx.lo && local.hi == ctx.hi) return place_beside(label, e, a, b, ctx, m);
  LabelText whole = label;
  const Beside at = place_beside(label, e, a, b, local, m);
  if (at.side == Side::below || label.lines.size() > std::max<std::size_t>(kSqueezedLines, whole.lines.size())) {
    // Room for it in two lines beside its mark: a stretch need not grow to hold it in one.
    const LabelText two = whole.lines.size() >= kSqueezedLines ? whole : label_for(e, 0.55 * whole.width, ctx, m);
    wants = Extent{a, b + e.style.label_gap + std::min(two.width, whole.width)};
  }
  if (label.width <= local.hi - local.lo) return at;
  label = std::move(whole);
  return place_beside(label, e, a, b, ctx, m);
}

// How a mark and its label stack across the time axis.
struct Stack {
  double cross = 0;    // the item's whole size
  double mark_c = 0;   // the mark's centre line
  double label_y = 0;  // the label's top
};

constexpr double kStackGap = 2;  // pt between a mark and a label above or below it

Stack stack(double mark_h, double label_h, Side side) {
  if (side == Side::below) return {mark_h + kStackGap + label_h, mark_h / 2, mark_h + kStackGap};
  if (side == Side::above) return {label_h + kStackGap + mark_h, label_h + kStackGap + mark_h / 2, 0};
  const double c = std::max(mark_h, label_h);
  return {c, c / 2, c / 2 - label_h / 2};
}

// Labels written toward each other in one row ("…Stockholm) 2032 · Brisbane ●")
// leave the reader to guess which mark each names: a label left of its mark
// keeps this many em clear before it, so a label facing it from the left, or
// an earlier mark, never comes closer.
constexpr double kFacingEm = 1.5;

void extend_for_label(EventPlan& p, const Beside& at, double width, double em) {
  const double clear = at.side == Side::left ? kFacingEm * em : 0;
  p.extent.begin = std::min(p.extent.begin, at.x - clear);
  p.extent.end = std::max(p.extent.end, at.x + width);
}

// Neighbours in a row keep `gap` between them, so two spans that meet in time
// (1879–1883, 1884–present) never read as one bar and no label touches the
// next mark: the extent ends that far after the mark and label.
void keep_apart(EventPlan& p, double gap) { p.extent.end += gap; }

// A label that had to leave its mark's side is tied back to it.
void add_leader(EventPlan& p, double mark_x, double mark_bottom, const Beside& at, double label_y, double width,
                Color c) {
  if (at.side != Side::below) return;
  p.label.push_back(line({mark_x, mark_bottom}, {clamp_to(mark_x, at.x, at.x + width), label_y}, c, 0.5));
}

// Where a point's mark lies along t: its moment, and the end of its date's
// interval when that is wide enough to draw as a band.
struct PointSpan {
  double t = 0, te = 0;
  bool band = false;
};

PointSpan point_span(const styled::Event& e, const PlanContext& ctx, double s) {
  const double x = clamp_to(ctx.scale->to_page(std::max(e.first.begin, ctx.scale->domain_begin())), ctx.lo, ctx.hi);
  // An approximate date always shows its fuzz, however narrow its interval.
  const double fuzz = fuzzy(e.first) ? 2.5 * s : 0;
  const double xe = clamp_to(std::max(ctx.scale->to_page(e.first.end), x + fuzz), ctx.lo, ctx.hi);
  const bool band = xe - x > std::max(kMinBand, 2 * s) || (fuzzy(e.first) && xe - x > kMinBand);
  return {x, xe, band};
}

// The point's band (when it has one) and its mark, centred across on `cy`.
void add_point_marks(EventPlan& p, const styled::Event& e, const PointSpan& at, double cy, const PageMap& map) {
  const auto& st = e.style;
  const double s = st.marker_size, x = at.t, xe = at.te;
  if (at.band) {
    const double h = s * 0.6;
    scene::Rect r{{x, cy - h / 2, xe - x, h}, h / 2, scene::Paint::solid(with_alpha(st.color, kBandAlpha)), {}};
    if (fuzzy(e.first)) r.fill = faded(with_alpha(st.color, kBandAlpha), {x, cy}, {xe, cy}, xe - x, false, true);
    add_mark(p, std::move(r));
    p.uses.band = true;
  }
  const Point page = map.point({x, cy});
  add_mark(p, upright(map, marker(st.marker, page.x, page.y, s, st.color, outline_of(st))));
}

EventPlan point_along(const styled::Event& e, const PlanContext& ctx, const text::TextMeasurer& m) {
  EventPlan p;
  const auto& st = e.style;
  const double s = st.marker_size;
  const PointSpan at_time = point_span(e, ctx, s);
  const double x = at_time.t;
  // The band is part of the mark: the label starts after it, never over it.
  const double mark_end = at_time.band ? std::max(at_time.te, x + s / 2) : x + s / 2;
  LabelText label = label_for(e, ctx.label_width, ctx, m);
  const Beside at = place_label(label, e, x - s / 2, mark_end, ctx, m, p.wants);
  const Stack sk = stack(s, label.height(), at.side);
  p.cross = sk.cross;
  const double cy = sk.mark_c;

  add_point_marks(p, e, at_time, cy, ctx.map);
  p.extent = {p.mark_box.x, p.mark_box.right()};
  add_text(p, label, {at.x, sk.label_y}, ctx.map, at.side == Side::left);
  add_leader(p, x, cy + s / 2, at, sk.label_y, label.width, st.date_color);
  extend_for_label(p, at, label.width, st.label.font.size);
  keep_apart(p, st.label_gap);
  return p;
}

// Where a bar lies along t, clipped to the view window; a cut end continues
// beyond it, so it has no arrow, fade or rounded corner.
struct BarSpan {
  double t0 = 0, t1 = 0, arrow = 0;
  bool cut_start = false, cut_end = false, fade_start = false, fade_end = false;
  bool lengthened = false;  // shorter than kMinSpan on the page: drawn at it, with end caps
  std::vector<std::pair<double, double>> pieces;  // between the axis breaks
};

BarSpan bar_span(const styled::Event& e, const PlanContext& ctx) {
  BarSpan b;
  const auto w0 = ctx.scale->domain_begin(), w1 = ctx.scale->domain_end();
  b.cut_start = e.first.begin < w0, b.cut_end = e.last.end > w1;
  b.arrow = e.last.present && !b.cut_end ? e.style.span_height * 0.6 : 0;
  const double arrow = b.arrow;
  double x0 = clamp_to(ctx.scale->to_page(std::max(e.first.begin, w0)), ctx.lo, ctx.hi - arrow);
  double x1 = clamp_to(ctx.scale->to_page(std::min(e.last.end, w1)), ctx.lo, ctx.hi - arrow);
  if (x1 - x0 < kMinSpan && !b.cut_start && !b.cut_end) {
    const double mid = (x0 + x1) / 2;
    x0 = std::max(ctx.lo, mid - kMinSpan / 2);
    x1 = x0 + kMinSpan;
    if (x1 > ctx.hi - arrow) x0 = (x1 = ctx.hi - arrow) - kMinSpan;
    b.lengthened = true;
  } else if (x1 - x0 < kMinSpan) {
    x1 = x0 + kMinSpan;
    if (x1 > ctx.hi - arrow) x0 = (x1 = ctx.hi - arrow) - kMinSpan;
  }
  b.t0 = x0, b.t1 = x1;
  b.pieces = unbroken(*ctx.scale, x0, x1);
  b.fade_start = fuzzy(e.first) && !b.cut_start, b.fade_end = fuzzy(e.last) && !e.last.present && !b.cut_end;
  return b;
}

// The bar `bar_h` thick centred across on `cy`, and its arrow when it is ongoing.
void add_bar(EventPlan& p, const styled::Event& e, const BarSpan& b, double cy, double bar_h) {
  const auto& st = e.style;
  const double x0 = b.t0, x1 = b.t1, arrow = b.arrow;
  const auto fill = faded(with_alpha(st.color, std::clamp(st.fill_opacity, 0.0, 1.0)), {x0, cy}, {x1, cy}, x1 - x0,
                          b.fade_start, b.fade_end);
  // Pieces of a bar cut by an axis break are square at the cut: one event, continued.
  const auto& bar = b.pieces;
  for (std::size_t i = 0; i < bar.size(); ++i) {
    const auto [lo, hi] = bar[i];
    add_mark(p, bar_shape({lo, cy - bar_h / 2, hi - lo, bar_h}, std::min(st.corner_radius, bar_h / 2),
                          i > 0 || b.cut_start, i + 1 < bar.size() || b.cut_end, fill, outline_of(st)));
  }
  p.uses.fade = b.fade_start || b.fade_end;
  // End caps: a lengthened span keeps both its ends visible, unlike a point's mark.
  if (b.lengthened) {
    const double reach = kCapReach * bar_h;
    for (const double x : {x0, x1})
      add_mark(p, line({x, cy - reach}, {x, cy + reach}, st.color, std::max(0.75, bar_h / 10)));
  }
  if (arrow > 0) {
    add_mark(p, scene::Path{{{x1, cy - bar_h / 2}, {x1 + arrow, cy}, {x1, cy + bar_h / 2}}, true,
                            scene::Paint::solid(st.color), outline_of(st)});
    p.uses.open = true;
  }
}

// Where a label fits inside a bar on one line, with its padding.
struct Inside {
  bool fits = false;
  double x = 0;
};

// The first piece of the bar that holds the label on one line. A label
// wrapped for the plot's label width may still fit a long bar unwrapped.
Inside inside_label(LabelText& label, const styled::Event& e, const std::vector<std::pair<double, double>>& bar,
                    double fade_lo, double fade_hi, const PlanContext& ctx, const text::TextMeasurer& m) {
  if (!label.note.lines.empty()) return {};  // a description does not fit in a bar's height
  const double pad = std::max(kInsidePad, kInsidePadEm * e.style.label.font.size);
  for (std::size_t i = 0; i < bar.size(); ++i) {
    const double lo = i == 0 ? fade_lo : bar[i].first, hi = i + 1 == bar.size() ? fade_hi : bar[i].second;
    const double room = hi - lo - 2 * pad;
    if (room <= 0) continue;
    const bool one_line = label.lines.size() == 1 && !label.shortened;
    if (one_line && label.width <= room) return {true, lo + pad};
    if (one_line || room <= ctx.label_width) continue;
    LabelText wide = label_for(e, room, ctx, m);
    if (wide.lines.size() == 1 && !wide.shortened && wide.width <= room) {
      label = std::move(wide);
      return {true, lo + pad};
    }
  }
  return {};
}

// The bar's colour as the eye sees it over what lies below it (its lane's
// band over the page): what text inside must read against.
Color seen_fill(const styled::Event& e, const PlanContext& ctx) {
  const Color below = e.lane < ctx.backdrops.size() ? ctx.backdrops[e.lane] : Color{1, 1, 1, 1};
  const auto& st = e.style;
  const double a = std::clamp(st.fill_opacity, 0.0, 1.0) * std::clamp(st.color.a, 0.0, 1.0);
  const auto mix = [a](double top, double bottom) { return top * a + bottom * (1 - a); };
  return {mix(st.color.r, below.r), mix(st.color.g, below.g), mix(st.color.b, below.b), 1};
}

// WCAG AA for body text: below this, a label leaves the bar for its side.
constexpr double kMinContrast = 4.5;

constexpr double kInsideTextPad = 2;  // pt above and below a label inside its bar

EventPlan span_along(const styled::Event& e, const PlanContext& ctx, const text::TextMeasurer& m) {
  EventPlan p;
  const auto& st = e.style;
  const double h = st.span_height;
  const BarSpan b = bar_span(e, ctx);
  const double x0 = b.t0, x1 = b.t1, arrow = b.arrow;
  LabelText label = label_for(e, ctx.label_width, ctx, m);
  const Color seen = seen_fill(e, ctx), ink = style::readable_text_on(seen);
  const bool may_inside = (st.label_position == LabelPosition::automatic ||
                           st.label_position == LabelPosition::inside) &&
                          style::contrast_ratio(ink, seen) >= kMinContrast;
  // Text inside keeps off the faded ends, where it would not read.
  const double fade = fade_share(x1 - x0) * (x1 - x0);
  const double text_x0 = x0 + (b.fade_start ? fade : 0), text_x1 = x1 - (b.fade_end ? fade : 0);
  const Inside in = may_inside ? inside_label(label, e, b.pieces, text_x0, text_x1, ctx, m) : Inside{};
  const bool inside = in.fits;

  // A bar that carries its label is tall enough for one line of it.
  const double bar_h = inside ? std::max(h, label.line_height + 2 * kInsideTextPad) : h;
  Beside at;
  if (!inside) at = place_label(label, e, x0, x1 + arrow, ctx, m, p.wants);
  const Stack sk = inside ? Stack{bar_h, bar_h / 2, (bar_h - label.height()) / 2} : stack(bar_h, label.height(), at.side);
  p.cross = sk.cross;
  const double cy = sk.mark_c;

  add_bar(p, e, b, cy, bar_h);
  p.extent = {p.mark_box.x, p.mark_box.right()};
  if (inside) {
    recolour(label, ink);
    add_text(p, label, {in.x, sk.label_y}, ctx.map);
  } else {
    add_text(p, label, {at.x, sk.label_y}, ctx.map, at.side == Side::left);
    // Straight down from the bar into the label, near the label's start.
    const double from = std::max(x0, at.x), to = std::min(x1, at.x + label.width);
    add_leader(p, from + std::min(6.0, std::max(0.0, to - from) / 2), cy + bar_h / 2, at, sk.label_y, label.width,
               st.date_color);
    extend_for_label(p, at, label.width, st.label.font.size);
  }
  keep_apart(p, st.label_gap);
  return p;
}

// ---- several periods on one row ----------------------------------------------

// One period of `e` as an event of its own, to draw its mark.
styled::Event period_event(const styled::Event& e, const styled::Period& p) {
  styled::Event one;
  one.lane = e.lane;
  one.span = p.span;
  one.first = p.first;
  one.last = p.last;
  one.begin = p.begin;
  one.end = p.end;
  one.style = e.style;
  return one;
}

// Where each period of an event lies along t, before anything is drawn.
struct PeriodMarks {
  std::vector<styled::Event> events;  // one per period
  std::vector<BarSpan> bars;          // for spans
  std::vector<PointSpan> points;      // for points
  std::vector<std::pair<double, double>> along;  // each period's mark along t
};

PeriodMarks period_marks(const styled::Event& e, const PlanContext& ctx) {
  PeriodMarks pm;
  const double s = e.style.marker_size;
  for (const auto& period : e.periods) {
    pm.events.push_back(period_event(e, period));
    const styled::Event& one = pm.events.back();
    if (one.span) {
      pm.bars.push_back(bar_span(one, ctx));
      pm.points.emplace_back();
      const BarSpan& b = pm.bars.back();
      pm.along.emplace_back(b.t0, b.t1 + b.arrow);
    } else {
      pm.bars.emplace_back();
      pm.points.push_back(point_span(one, ctx, s));
      const PointSpan& at = pm.points.back();
      pm.along.emplace_back(at.t - s / 2, at.band ? std::max(at.te, at.t + s / 2) : at.t + s / 2);
    }
  }
  return pm;
}

constexpr double kConnectorWidth = 0.75;  // pt: the dashed line between periods is thin
constexpr double kConnectorDash = 2.5, kConnectorSpace = 2;

// Each period's mark centred across on `cy` (bars `bar_h` thick), joined by
// dashed connectors drawn beneath them; records each period's box.
void add_period_marks(EventPlan& p, const styled::Event& e, const PeriodMarks& pm, double cy, double bar_h,
                      const PageMap& map) {
  for (std::size_t i = 0; i + 1 < pm.along.size(); ++i) {
    const double a = pm.along[i].second, b = pm.along[i + 1].first;
    if (b - a > 0.5) add_mark(p, line({a, cy}, {b, cy}, with_alpha(e.style.color, 0.85), kConnectorWidth,
                          {kConnectorDash, kConnectorSpace}));
  }
  for (std::size_t i = 0; i < pm.events.size(); ++i) {
    const std::size_t first = p.marks.size();
    if (pm.events[i].span) add_bar(p, pm.events[i], pm.bars[i], cy, bar_h);
    else add_point_marks(p, pm.events[i], pm.points[i], cy, map);
    Box box = box_of(p.marks[first]);
    for (std::size_t k = first + 1; k < p.marks.size(); ++k) box = union_box(box, box_of(p.marks[k]));
    p.period_boxes.push_back(box);
  }
}

// An event of several periods with its label along t: the periods on one
// row, the label inside one of its bars when it fits there on one line, else
// beside the whole (before the first period or after the last), as a span's.
EventPlan periods_along(const styled::Event& e, const PlanContext& ctx, const text::TextMeasurer& m) {
  EventPlan p;
  const auto& st = e.style;
  const PeriodMarks pm = period_marks(e, ctx);
  // Periods close on the page may overlap there (a decade's band over the next period): the whole is their union.
  double x0 = pm.along.front().first, x1 = pm.along.back().second;
  for (const auto& [a, b] : pm.along) x0 = std::min(x0, a), x1 = std::max(x1, b);
  const bool any_bar = std::any_of(pm.events.begin(), pm.events.end(), [](const styled::Event& one) { return one.span; });
  LabelText label = label_for(e, ctx.label_width, ctx, m);
  const Color seen = seen_fill(e, ctx), ink = style::readable_text_on(seen);
  const bool may_inside = any_bar &&
                          (st.label_position == LabelPosition::automatic ||
                           st.label_position == LabelPosition::inside) &&
                          style::contrast_ratio(ink, seen) >= kMinContrast;
  Inside in;
  for (std::size_t i = 0; may_inside && !in.fits && i < pm.events.size(); ++i) {
    if (!pm.events[i].span) continue;
    const BarSpan& b = pm.bars[i];
    const double fade = fade_share(b.t1 - b.t0) * (b.t1 - b.t0);
    in = inside_label(label, e, b.pieces, b.t0 + (b.fade_start ? fade : 0), b.t1 - (b.fade_end ? fade : 0), ctx, m);
  }
  const bool inside = in.fits;
  const double h = any_bar ? st.span_height : st.marker_size;
  const double bar_h = inside ? std::max(st.span_height, label.line_height + 2 * kInsideTextPad) : st.span_height;
  const double mark_h = std::max(inside ? bar_h : h, st.marker_size);
  Beside at;
  if (!inside) at = place_label(label, e, x0, x1, ctx, m, p.wants);
  const Stack sk = inside ? Stack{mark_h, mark_h / 2, (mark_h - label.height()) / 2} : stack(mark_h, label.height(), at.side);
  p.cross = sk.cross;
  const double cy = sk.mark_c;
  add_period_marks(p, e, pm, cy, bar_h, ctx.map);
  p.extent = {p.mark_box.x, p.mark_box.right()};
  if (inside) {
    recolour(label, ink);
    add_text(p, label, {in.x, sk.label_y}, ctx.map);
  } else {
    add_text(p, label, {at.x, sk.label_y}, ctx.map, at.side == Side::left);
    const double from = std::max(pm.along.front().first, at.x), to = std::min(pm.along.front().second, at.x + label.width);
    add_leader(p, from + std::min(3.0, std::max(0.0, to - from) / 2), cy + mark_h / 2, at, sk.label_y, label.width,
               st.date_color);
    extend_for_label(p, at, label.width, st.label.font.size);
  }
  keep_apart(p, st.label_gap);
  return p;
}

// Labels across: the mark at the start of the cross extent, its label past
// it, the label's first line centred on a point (or level with a bar's
// start), kept within the stretch between axis breaks that holds it.
EventPlan plan_across(const styled::Event& e, const PlanContext& ctx, const text::TextMeasurer& m) {
  EventPlan p;
  const auto& st = e.style;
  const bool any_bar = e.span && (e.periods.empty() || std::any_of(e.periods.begin(), e.periods.end(),
                                                                   [](const styled::Period& q) { return q.span; }));
  const double thick = any_bar ? st.span_height : st.marker_size;
  double t0 = 0;
  if (!e.periods.empty()) {
    const PeriodMarks pm = period_marks(e, ctx);
    add_period_marks(p, e, pm, thick / 2, st.span_height, ctx.map);
    t0 = pm.along.front().first;
  } else if (e.span) {
    const BarSpan b = bar_span(e, ctx);
    add_bar(p, e, b, thick / 2, thick);
    t0 = b.t0;
  } else {
    const PointSpan at = point_span(e, ctx, thick);
    add_point_marks(p, e, at, thick / 2, ctx.map);
    t0 = at.t;
  }
  const LabelText label = label_for(e, ctx.label_width, ctx, m);
  const Point size = ctx.map.extent(label.width, label.height());  // along t, across
  const double anchor = e.span ? t0 + label.line_height / 2 : t0;
  PlanContext local = within(ctx, t0, t0);
  if (size.x > local.hi - local.lo) local = ctx;  // as in place_label
  const double lt = clamp_to(anchor - label.line_height / 2, local.lo, local.hi - size.x);
  // A shortened label asks for the time its whole text would take along
  // time, in as many lines as a label across may take: a stretch between
  // breaks too short for it keeps that time (plan_on_scale), and the
  // longer lines then have room. So does one that is whole only thanks to
  // the extra lines page fitting allowed: without that time its longer
  // lines would crowd the next label of its lane into a column of its own.
  const auto style_lines = static_cast<std::size_t>(std::max(1, st.max_label_lines - ctx.extra_lines));
  if (label.shortened || (ctx.extra_lines > 0 && label.lines.size() - label.date_lines > style_lines)) {
    styled::Event longer = e;
    longer.style.max_label_lines += std::end(kMoreLinesAlongTime)[-1];
    const LabelText whole = label_for(longer, ctx.label_width, ctx, m);
    const double along = ctx.map.extent(whole.width, whole.height()).x;
    p.wants = Extent{anchor - label.line_height / 2, anchor - label.line_height / 2 + along + st.label_gap};
  }
  add_text(p, label, {lt, thick + st.label_gap}, ctx.map);
  p.cross = thick + st.label_gap + size.y;
  p.extent = {std::min(p.mark_box.x, lt), std::max(p.mark_box.right(), lt + size.x)};
  const double apart = std::max(st.label_gap, st.row_gap / 2);
  p.profile = {{{p.mark_box.x, p.mark_box.right() + apart}, 0, thick},
               {{lt, lt + size.x + apart}, thick + st.label_gap, p.cross}};
  keep_apart(p, apart);
  return p;
}

}  // namespace

std::string date_text(const styled::Event& e, const dates::Locale* locale) {
  if (!e.style.show_dates) return {};
  const auto span = [&](const dates::Date& a, const dates::Date& b) {
    return locale ? dates::span_label(a, b, *locale) : dates::span_label(a, b);
  };
  const auto one = [&](const dates::Date& d) { return locale ? dates::label(d, *locale) : dates::label(d); };
  if (!e.periods.empty()) {
    // Every period's dates while they read at a glance ("1962–1975, 1978–present"),
    // else the whole stretch they cover. Labels across break a date too wide
    // for them after a comma, then a dash (compose_label).
    std::string out;
    for (const auto& p : e.periods) out += (out.empty() ? "" : ", ") + (p.span ? span(p.first, p.last) : one(p.first));
    constexpr std::size_t kMaxPeriodsListed = 3, kMaxDateBytes = 40;
    if (e.periods.size() <= kMaxPeriodsListed && out.size() <= kMaxDateBytes) return out;
    return span(e.first, e.last);
  }
  return e.span ? span(e.first, e.last) : one(e.first);
}

EventPlan plan_event(const styled::Event& e, const PlanContext& ctx, const text::TextMeasurer& m) {
  if (ctx.labels == LabelFlow::across) return plan_across(e, ctx, m);
  if (!e.periods.empty()) return periods_along(e, ctx, m);
  return e.span ? span_along(e, ctx, m) : point_along(e, ctx, m);
}

}  // namespace annals::layout
