#pragma once
// An sRGB colour with alpha; components in 0..1.
namespace annals {

struct Color {
  double r = 0, g = 0, b = 0, a = 1;

  static Color none() { return {0, 0, 0, 0}; }
  bool is_none() const { return a <= 0; }
  bool operator==(const Color&) const = default;
};

}  // namespace annals
