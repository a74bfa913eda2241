#include "layout/annotations.h"

#include <algorithm>

#include "layout/label_text.h"
#include "layout/packing.h"
#include "layout/resolve.h"

namespace annals::layout {

namespace {

double clamp_to(double v, double lo, double hi) { return std::max(lo, std::min(v, hi)); }

Annotation make(bool is_era, std::size_t index, const style::Style& base, const PropertySheet& sheet,
                const std::string& title, double a, double b, double lo, double hi, bool vertical,
                const text::TextMeasurer& m, Diagnostics& diags) {
  Annotation an;
  an.is_era = is_era;
  an.index = index;
  if (is_era)
    an.era = style::era_style(base, sheet, diags);
  else
    an.marker = style::marker_style(base, sheet, diags);
  const auto& ts = is_era ? an.era.label : an.marker.label;
  an.font = ts.font;
  an.color = is_era ? ts.color : an.marker.color;
  an.a = clamp_to(std::min(a, b), lo, hi);
  an.b = clamp_to(std::max(a, b), lo, hi);
  const double room = vertical ? 200 : std::max(20.0, hi - lo);
  an.text = ellipsize(title, room, an.font, m);
  const auto ext = m.measure(an.text, an.font);
  an.w = ext.width;
  an.h = ext.height;
  const double along = vertical ? an.h : an.w;
  // Centred over what it marks; an era too narrow for its title starts at its beginning.
  const double centre = (an.a + an.b) / 2 - along / 2;
  const double start = (is_era && along > an.b - an.a) ? an.a : centre;
  an.pos = clamp_to(vertical && is_era ? an.a : start, lo, std::max(lo, hi - along));
  return an;
}

}  // namespace

double Annotations::total() const {
  double t = 0;
  for (const double s : row_size) t += s;
  if (row_size.size() > 1) t += kAnnotationGap * static_cast<double>(row_size.size() - 1);
  return t;
}

Annotations plan_annotations(const model::Timeline& timeline, const style::Style& style, const dates::Date& now,
                             const scale::TimeScale& s, double lo, double hi, bool vertical,
                             const text::TextMeasurer& m, Diagnostics& diags) {
  Annotations out;
  for (std::size_t i = 0; i < timeline.eras.size(); ++i) {
    const auto& e = timeline.eras[i];
    out.labels.push_back(make(true, i, style, e.style, e.title, s.to_page(resolved(e.start.date, now).begin),
                              s.to_page(resolved(e.end.date, now).end), lo, hi, vertical, m, diags));
  }
  for (std::size_t i = 0; i < timeline.markers.size(); ++i) {
    const auto& mk = timeline.markers[i];
    const double x = s.to_page(resolved(mk.date.date, now).begin);
    out.labels.push_back(make(false, i, style, mk.style, mk.title, x, x, lo, hi, vertical, m, diags));
  }
  std::vector<Extent> extents;
  extents.reserve(out.labels.size());
  for (const auto& an : out.labels) {
    if (an.text.empty()) {
      extents.push_back({an.pos, an.pos});
      continue;
    }
    extents.push_back({an.pos, an.pos + (vertical ? an.h : an.w) + kAnnotationGap});
  }
  const auto packed = first_fit(extents);
  out.row_size.assign(packed.rows, 0);
  for (std::size_t i = 0; i < out.labels.size(); ++i) {
    auto& an = out.labels[i];
    an.row = packed.row_of[i];
    out.row_size[an.row] = std::max(out.row_size[an.row], vertical ? an.w : an.h);
  }
  return out;
}

}  // namespace annals::layout
