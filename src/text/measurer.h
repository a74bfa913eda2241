#pragma once
// How layout learns the size of text, without knowing how it is drawn.
#include <string_view>

#include "base/font.h"

namespace annals::text {

struct Extent {
  double width = 0;     // advance width, pt
  double height = 0;    // logical line height, pt
  double baseline = 0;  // from the top of the line box to the baseline, pt
};

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // One line of text (no wrapping); `text` is UTF-8.
  virtual Extent measure(std::string_view text, const FontSpec& font) const = 0;
};

// Deterministic metrics for tests: every code point is 0.6 em wide (1 em for
// East Asian wide characters), lines are 1.2 em high with the baseline at 0.9 em.
class FakeMeasurer final : public TextMeasurer {
 public:
  Extent measure(std::string_view text, const FontSpec& font) const override;
};

}  // namespace annals::text
