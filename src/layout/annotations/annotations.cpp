#include "layout/annotations/annotations.h"

#include <algorithm>

#include "layout/labels/label_text.h"
#include "layout/frame/time_frame.h"

namespace annals::layout {

namespace {

double clamp_to(double v, double lo, double hi) { return std::max(lo, std::min(v, hi)); }

Annotation make(bool is_era, std::size_t index, const style::EraStyle* era, const style::MarkerStyle* marker,
                const std::string& title, double a, double b, double lo, double hi, bool vertical,
                const text::TextMeasurer& m, TitleSide side) {
  Annotation an;
  an.is_era = is_era;
  an.index = index;
  if (is_era)
    an.era = *era;
  else
    an.marker = *marker;
  const auto& ts = is_era ? an.era.label : an.marker.label;
  an.font = ts.font;
  an.color = is_era ? ts.color : an.marker.color;
  an.a = clamp_to(std::min(a, b), lo, hi);
  an.b = clamp_to(std::max(a, b), lo, hi);
  const double room = vertical ? 200 : std::max(20.0, hi - lo);
  // An era may keep its band and drop its title.
  // Time running down has no bottom row: its era titles stay in their column.
  const bool below = is_era && an.era.label_position == style::EraLabelPosition::bottom && !vertical;
  const bool hidden = is_era && (an.era.label_position == style::EraLabelPosition::none ||
                                 below != (side == TitleSide::below));
  an.text = hidden ? std::string() : ellipsize(title, room, an.font, m);
  const auto ext = m.measure(an.text, an.font);
  an.w = hidden ? 0 : ext.width;
  an.h = hidden ? 0 : ext.height;
  const double along = vertical ? an.h : an.w;
  // Centred over what it marks; an era too narrow for its title starts at its beginning.
  const double centre = (an.a + an.b) / 2 - along / 2;
  const double start = (is_era && along > an.b - an.a) ? an.a : centre;
  an.pos = clamp_to(vertical && is_era ? an.a : start, lo, std::max(lo, hi - along));
  return an;
}

struct Placed {
  double begin = 0, end = 0;  // the title along the time axis, with its gap
  double rule = 0;            // a marker's position; its rule crosses every row nearer the lanes
  bool is_marker = false;
  std::size_t row = 0;
};

bool clashes(const Placed& p, const Placed& q) {
  if (p.row == q.row && p.begin < q.end && q.begin < p.end) return true;
  // A marker's rule runs from its title to the lanes, through the rows below it.
  if (q.is_marker && p.row < q.row && p.begin <= q.rule && q.rule <= p.end) return true;
  if (p.is_marker && q.row < p.row && q.begin <= p.rule && p.rule <= q.end) return true;
  return false;
}

// The lowest row where `p` meets no title (and, with `rules`, no marker's
// rule); placed.size() + 1 when there is none.
std::size_t first_free_row(Placed p, const std::vector<Placed>& placed, bool rules) {
  for (p.row = 0; p.row <= placed.size(); ++p.row) {
    const bool blocked = std::any_of(placed.begin(), placed.end(), [&](const Placed& q) {
      return rules ? clashes(p, q) : (p.row == q.row && p.begin < q.end && q.begin < p.end);
    });
    if (!blocked) return p.row;
  }
  return p.row;
}

// Rows counted from the lanes outward. Each title takes the row nearest the
// lanes where it meets no other title and no marker's rule. Eras and
// markers are few, so a simple quadratic search is enough.
std::size_t assign_rows(std::vector<Annotation>& labels, bool vertical) {
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  // Markers first: their rules are the obstacles that era titles step around.
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (labels[a].is_era != labels[b].is_era) return !labels[a].is_era;
    return labels[a].pos < labels[b].pos;
  });
  std::vector<Placed> placed;
  std::size_t rows = 0;
  for (const auto i : order) {
    auto& an = labels[i];
    const double along = an.text.empty() ? 0 : (vertical ? an.h : an.w) + kAnnotationGap;
    Placed p{an.pos, an.pos + along, an.a, !an.is_era, 0};
    p.row = first_free_row(p, placed, true);
    // A rule already crossed by a title nearer the lanes: accept the crossing.
    if (p.row > placed.size()) p.row = first_free_row(p, placed, false);
    an.row = p.row;
    rows = std::max(rows, p.row + 1);
    placed.push_back(p);
  }
  return rows;
}

}  // namespace

double Annotations::total() const {
  double t = 0;
  for (const double s : row_size) t += s;
  if (row_size.size() > 1) t += kAnnotationGap * static_cast<double>(row_size.size() - 1);
  return t;
}

Annotations plan_annotations(const styled::Timeline& timeline, const scale::TimeScale& s, double lo, double hi,
                             bool vertical, const text::TextMeasurer& m, TitleSide side) {
  Annotations out;
  // What lies wholly outside the view window is not drawn (layout() warns of it).
  const Domain window{s.domain_begin(), s.domain_end()};
  for (std::size_t i = 0; i < timeline.eras.size(); ++i) {
    const auto& e = timeline.eras[i];
    if (!in_window(era_time(e), window)) continue;
    auto an = make(true, i, &e.style, nullptr, e.title, s.to_page(e.begin), s.to_page(e.end_at), lo, hi, vertical,
                   m, side);
    // Below the chart only titles are drawn; the band belongs to the plan above.
    if (side == TitleSide::above || !an.text.empty()) out.labels.push_back(std::move(an));
  }
  for (std::size_t i = 0; side == TitleSide::above && i < timeline.markers.size(); ++i) {
    const auto& mk = timeline.markers[i];
    if (!in_window(marker_time(mk), window)) continue;
    const double x = s.to_page(mk.at);
    out.labels.push_back(make(false, i, nullptr, &mk.style, mk.title, x, x, lo, hi, vertical, m, side));
  }
  const auto rows = assign_rows(out.labels, vertical);
  out.row_size.assign(rows, 0);
  for (const auto& an : out.labels)
    out.row_size[an.row] = std::max(out.row_size[an.row], vertical ? an.w : an.h);
  return out;
}

}  // namespace annals::layout
