// scene::pair_colors: the colour map of a dark colour scheme, shape by shape.
#include <cmath>
#include <functional>
#include <map>
#include <tuple>
#include <type_traits>
#include <variant>
#include <vector>

#include "scene/scene.h"

namespace annals::scene {

namespace {

// The colours of one shape, in a fixed order, so two shapes of the same kind line up.
// `S` is Shape or const Shape, `C` Color or const Color.
template <class S, class C>
void colors_of(S& shape, std::vector<C*>& out) {
  const auto paint = [&out](auto& p) {
    if (p.stops.empty()) out.push_back(&p.color);
    for (auto& s : p.stops) out.push_back(&s.color);
  };
  std::visit(
      [&](auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, Rect> || std::is_same_v<T, Circle> || std::is_same_v<T, Path>) {
          paint(s.fill);
          out.push_back(&s.stroke.color);
        } else if constexpr (std::is_same_v<T, Line>) {
          out.push_back(&s.stroke.color);
        } else if constexpr (std::is_same_v<T, Text>) {
          out.push_back(&s.color);
          for (auto& span : s.spans) out.push_back(&span.color);
        }
      },
      shape);
}

// Colours as Cairo writes them (six decimals of a percentage): equal at 1e-8.
using Key = std::tuple<long long, long long, long long, long long>;
Key key_of(const Color& c) {
  const auto q = [](double v) { return std::llround(v * 1e8); };
  return {q(c.r), q(c.g), q(c.b), q(c.a)};
}

bool same(const Color& a, const Color& b) { return key_of(a) == key_of(b); }

// The k-th copy of `c`: its red moved by k × 3e-5 towards the middle, far
// below one 8-bit step (0.0039) yet distinct in Cairo's six decimals.
Color nudged(Color c, int k) {
  const double step = 3e-5 * k;
  c.r = c.r < 0.5 ? c.r + step : c.r - step;
  return c;
}

}  // namespace

bool pair_colors(Scene& light, const Scene& dark) {
  if (light.shapes.size() != dark.shapes.size()) return false;
  std::vector<Color*> slots;
  std::vector<const Color*> counterparts;
  for (std::size_t i = 0; i < light.shapes.size(); ++i) {
    if (light.shapes[i].index() != dark.shapes[i].index()) return false;
    std::vector<Color*> a;
    std::vector<const Color*> b;
    colors_of(light.shapes[i], a);
    colors_of(dark.shapes[i], b);
    if (a.size() != b.size()) return false;
    slots.insert(slots.end(), a.begin(), a.end());
    counterparts.insert(counterparts.end(), b.begin(), b.end());
  }

  std::map<Key, Color> taken;  // each colour drawn → its dark counterpart
  std::vector<ColorPair> pairs;
  const auto take = [&](Color& c, const Color& d) {
    if (c.is_none() && d.is_none()) return;
    for (int k = 0;; ++k) {
      const Color variant = nudged(c, k);
      const auto it = taken.find(key_of(variant));
      if (it == taken.end()) {
        taken.emplace(key_of(variant), d);
        pairs.push_back({variant, d});
        c = variant;
        return;
      }
      if (same(it->second, d)) {
        c = variant;
        return;
      }
    }
  };
  // The page first: the background keeps its colour exactly.
  take(light.background, dark.background);
  for (std::size_t i = 0; i < slots.size(); ++i) take(*slots[i], *counterparts[i]);
  light.metadata.dark_colors = std::move(pairs);
  return true;
}

}  // namespace annals::scene
