#include "layout/page/page_map.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace annals::layout {

namespace {

void map_paint(const PageMap& m, scene::Paint& p) {
  if (p.stops.empty()) return;
  p.from = m.point(p.from);
  p.to = m.point(p.to);
}

}  // namespace

void PageMap::apply(scene::Shape& s) const {
  if (!transposed) return;
  std::visit(
      [&](auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, scene::Circle>) {
          v.center = point(v.center);
          map_paint(*this, v.fill);
        } else if constexpr (std::is_same_v<T, scene::Path>) {
          for (auto& p : v.points) p = point(p);
          map_paint(*this, v.fill);
        } else if constexpr (std::is_same_v<T, scene::Line>) {
          v.from = point(v.from);
          v.to = point(v.to);
        } else if constexpr (std::is_same_v<T, scene::Rect>) {
          v.box = box(v.box);
          map_paint(*this, v.fill);
        } else {
          v.box = box(v.box);
        }
      },
      s);
}

scene::Shape upright(const PageMap& map, scene::Shape shape) {
  map.apply(shape);
  return shape;
}

}  // namespace annals::layout
