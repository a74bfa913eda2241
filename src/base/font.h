#pragma once
// A fully resolved font request: what the text measurer and the renderer use.
#include <string>

namespace annals {

struct FontSpec {
  std::string family = "DejaVu Sans";  // a fontconfig family name; fallback covers missing glyphs
  double size = 9;                     // points
  int weight = 400;                    // CSS weights: 400 normal, 700 bold
  bool italic = false;

  bool operator==(const FontSpec&) const = default;
};

}  // namespace annals
