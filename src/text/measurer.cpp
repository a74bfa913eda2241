#include "text/measurer.h"

namespace annals::text {

namespace {

bool inside_character(std::string_view text, std::size_t offset) {
  return offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0u) == 0x80u;
}

}  // namespace

Extent TextMeasurer::measure_carets(std::string_view text, const FontSpec& font,
                                    std::vector<double>& carets) const {
  carets.assign(text.size() + 1, 0.0);
  for (std::size_t i = 1; i <= text.size(); ++i)
    carets[i] = inside_character(text, i) ? carets[i - 1] : measure(text.substr(0, i), font).width;
  return measure(text, font);
}

void TextMeasurer::breaks(std::string_view text, std::vector<Break>& out) const {
  out.assign(text.size() + 1, Break::none);
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (inside_character(text, i)) continue;
    out[i] = text[i] != ' ' && text[i - 1] == ' ' ? Break::line : Break::cluster;
  }
  out[text.size()] = Break::line;
}

}  // namespace annals::text
