#include "layout/page/type_scale.h"

#include <algorithm>
#include <cmath>

namespace annals::layout {

namespace {

constexpr double kA3Area = 841.89 * 1190.55;  // pt²
constexpr double kA3MaxLabel = 12.5; // pt: the largest event labels on an A3 page

double scaled_size(double size, double k, double floor) {
  if (k >= 1) return size * k;
  if (size <= floor) return size;  // already below the floor as written: kept, never shrunk
  return std::max(size * k, floor);
}

void scale_text(style::TextStyle& t, double k, double floor) { t.font.size = scaled_size(t.font.size, k, floor); }

void scale_event(style::EventStyle& e, double k, double floor) {
  scale_text(e.label, k, floor);
  e.marker_size *= k;
  e.span_height *= k;
  e.corner_radius *= k;
  e.row_gap *= k;
  e.label_gap *= k;
  e.outline_width *= k;
  if (e.description_size > 0) e.description_size = scaled_size(e.description_size, k, floor);
}

void scale_era(style::EraStyle& e, double k, double floor) { scale_text(e.label, k, floor); }

void scale_marker(style::MarkerStyle& m, double k, double floor) {
  scale_text(m.label, k, floor);
  m.width *= k;
  for (double& d : m.dash) d *= k;
}

}  // namespace

TypeRange type_range(const style::Style& style, const PageFrame& page) {
  const double label = style.event.label.font.size > 0 ? style.event.label.font.size : style.font.size;
  TypeRange r;
  if (label <= 0) return r;
  r.min = std::min(1.0, style.min_size / label);
  const double height = page.height > 0 ? page.height : page.width * 1.2;
  const double largest = kA3MaxLabel * std::sqrt(std::max(1.0, page.width * height) / kA3Area);
  r.max = std::max(1.0, largest / label);
  return r;
}

style::Style scaled(const style::Style& s, double k) {
  style::Style out = s;
  if (k == 1) return out;
  const double floor = s.min_size;
  out.font.size = scaled_size(s.font.size, k, floor);
  for (auto* t : {&out.title.title, &out.title.subtitle, &out.title.source, &out.axis.label, &out.lane.title,
                  &out.legend.label})
    scale_text(*t, k, floor);
  out.axis.width *= k;
  out.axis.tick_length *= k;
  out.grid.width *= k;
  out.lane.header_width *= k;
  out.lane.separator_width *= k;
  out.lane.padding *= k;
  scale_event(out.event, k, floor);
  scale_era(out.era, k, floor);
  scale_marker(out.marker, k, floor);
  out.link.width *= k;
  out.link.arrow_size *= k;
  for (double& d : out.link.dash) d *= k;
  if (out.link.title_size > 0) out.link.title_size = scaled_size(out.link.title_size, k, floor);
  return out;
}

styled::Timeline scaled(const styled::Timeline& t, double k) {
  styled::Timeline out = t;
  if (k == 1) return out;
  out.style = scaled(t.style, k);
  const double floor = t.style.min_size;
  for (auto& e : out.events) scale_event(e.style, k, floor);
  for (auto& e : out.eras) scale_era(e.style, k, floor);
  for (auto& m : out.markers) scale_marker(m.style, k, floor);
  return out;
}

}  // namespace annals::layout
