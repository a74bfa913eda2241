#pragma once
// How layout learns the size of text and where a line of it may break,
// without knowing how it is drawn.
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/font.h"

namespace annals::text {

struct Extent {
  double width = 0;     // advance width, pt
  double height = 0;    // logical line height, pt
  double baseline = 0;  // from the top of the line box to the baseline, pt
};

// What may happen at a byte offset of a text when it is wrapped.
enum class Break : std::uint8_t {
  none,     // inside a character or a grapheme cluster: never split here
  cluster,  // between clusters: a word too long for any line may be cut here
  line,     // a line may start here (after spaces, between CJK ideographs, Thai words)
};

class TextMeasurer {
 public:
  virtual ~TextMeasurer() = default;
  // One line of text (no wrapping); `text` is UTF-8.
  virtual Extent measure(std::string_view text, const FontSpec& font) const = 0;

  // Like measure(), and fills `carets` (text.size() + 1 entries) with the
  // advance from the start of the text to each byte offset, in logical
  // order; offsets inside a character or cluster carry its start. The width
  // of text[a, b) is then carets[b] - carets[a]: wrapping and shortening a
  // label need one shaping, not one per candidate line. The default measures
  // every prefix; real measurers override it.
  virtual Extent measure_carets(std::string_view text, const FontSpec& font,
                                std::vector<double>& carets) const;

  // Fills `out` (text.size() + 1 entries) with the break opportunity at each
  // byte offset; the end of the text is a line break, offset 0 is none. The
  // default is the rule of space-separated scripts: a line may start after
  // spaces, and a word may be cut between code points. Real measurers
  // override it with the rules of every script (UAX #14, dictionaries).
  virtual void breaks(std::string_view text, std::vector<Break>& out) const;
};

// Deterministic metrics for tests: every code point is 0.6 em wide (1 em for
// East Asian wide characters), lines are 1.2 em high with the baseline at 0.9 em;
// breaks follow the default rule (after spaces only).
class FakeMeasurer final : public TextMeasurer {
 public:
  Extent measure(std::string_view text, const FontSpec& font) const override;
  Extent measure_carets(std::string_view text, const FontSpec& font,
                        std::vector<double>& carets) const override;
};

}  // namespace annals::text
