#include <cstdint>

#include "text/measurer.h"

namespace annals::text {

namespace {

bool is_wide(std::uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

Extent FakeMeasurer::measure(std::string_view text, const FontSpec& font) const {
  std::vector<double> carets;
  return measure_carets(text, font, carets);
}

Extent FakeMeasurer::measure_carets(std::string_view text, const FontSpec& font,
                                    std::vector<double>& carets) const {
  carets.assign(text.size() + 1, 0.0);
  double ems = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = c < 0x80 ? c : c < 0xE0 ? (c & 0x1Fu) : c < 0xF0 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    for (std::size_t k = i; k < i + len && k < text.size(); ++k) carets[k] = ems * font.size;
    ems += is_wide(cp) ? 1.0 : 0.6;
    i += len;
  }
  carets[text.size()] = ems * font.size;
  return {ems * font.size, 1.2 * font.size, 0.9 * font.size};
}

}  // namespace annals::text
