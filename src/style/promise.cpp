// What a style promises about the colours a timeline brings (palette.grey,
// palette.min_contrast): pure functions from the style and a colour to the
// colour drawn, so every place that resolves a colour keeps the same promise.
#include <algorithm>
#include <cmath>
#include <vector>

#include "style/style.h"

namespace annals::style {

namespace {

double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }
double encoded(double l) { return l <= 0.0031308 ? 12.92 * l : 1.055 * std::pow(l, 1 / 2.4) - 0.055; }

Color over(const Color& top, const Color& below) {
  const auto mix = [&](double t, double b) { return top.a * t + (1 - top.a) * b; };
  return {mix(top.r, below.r), mix(top.g, below.g), mix(top.b, below.b), 1};
}

// The grounds a lane's marks stand on: the page and the lane bands over it.
std::vector<Color> grounds(const Style& s) {
  const Color page = s.page.background.is_none() ? Color{1, 1, 1, 1} : over(s.page.background, {1, 1, 1, 1});
  std::vector<Color> out;
  if (!s.page.background.is_none()) out.push_back(page);
  for (const Color& band : {s.lane.band, s.lane.band_alt})
    if (!band.is_none()) out.push_back(over(band, page));
  return out;
}

bool is_grey(const Color& c) { return c.r == c.g && c.g == c.b; }

}  // namespace

Color grey_of(const Color& c) {
  if (is_grey(c)) return c;
  const double l = 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
  const double v = std::clamp(encoded(l), 0.0, 1.0);
  return {v, v, v, c.a};
}

Color with_contrast(const Color& c, const Style& s) {
  if (c.is_none() || s.min_contrast <= 1) return c;
  Color out = c;
  for (const Color& ground : grounds(s)) {
    if (contrast_ratio(out, ground) >= s.min_contrast) continue;
    out = text_color_on(out, ground, s.min_contrast);
    out.a = c.a;
  }
  return out;
}

Color promised_color(const Style& s, const Color& c) {
  return with_contrast(s.grey_only ? grey_of(c) : c, s);
}

Color promised_lane_color(const Style& s, std::size_t lane_index, const Color& lane) {
  if (s.grey_only && !s.palette.empty())
    return with_contrast(grey_of(s.palette[lane_index % s.palette.size()]), s);
  return promised_color(s, lane);
}

}  // namespace annals::style
