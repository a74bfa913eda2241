#include "layout/assembly/shapes.h"

#include <limits>
#include <type_traits>

namespace annals::layout {

namespace {

Box points_box(const std::vector<Point>& pts) {
  if (pts.empty()) return {};
  double x0 = std::numeric_limits<double>::max(), y0 = x0;
  double x1 = std::numeric_limits<double>::lowest(), y1 = x1;
  for (const auto& p : pts) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y);
    x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

void move(Point& p, double dx, double dy) {
  p.x += dx;
  p.y += dy;
}

void move(scene::Paint& p, double dx, double dy) {
  if (p.stops.empty()) return;
  move(p.from, dx, dy);
  move(p.to, dx, dy);
}

}  // namespace

Box box_of(const scene::Shape& s) {
  return std::visit(
      [](const auto& v) -> Box {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, scene::Circle>)
          return {v.center.x - v.radius, v.center.y - v.radius, 2 * v.radius, 2 * v.radius};
        else if constexpr (std::is_same_v<T, scene::Path>)
          return points_box(v.points);
        else if constexpr (std::is_same_v<T, scene::Line>)
          return points_box({v.from, v.to});
        else
          return v.box;
      },
      s);
}

void translate(scene::Shape& s, double dx, double dy) {
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, scene::Circle>) {
          move(v.center, dx, dy);
          move(v.fill, dx, dy);
        } else if constexpr (std::is_same_v<T, scene::Path>) {
          for (auto& p : v.points) move(p, dx, dy);
          move(v.fill, dx, dy);
        } else if constexpr (std::is_same_v<T, scene::Line>) {
          move(v.from, dx, dy);
          move(v.to, dx, dy);
        } else if constexpr (std::is_same_v<T, scene::Rect>) {
          v.box.x += dx;
          v.box.y += dy;
          move(v.fill, dx, dy);
        } else {
          v.box.x += dx;
          v.box.y += dy;
        }
      },
      s);
}

}  // namespace annals::layout
