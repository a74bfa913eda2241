#pragma once
// PNG pixels for the raster tests, and never shipped: decoding, tolerant
// comparison and the expected | diff | actual picture written when a
// comparison fails.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace annals::render {

// Premultiplied ARGB, one 32-bit word per pixel, row by row.
struct Raster {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;

  std::uint32_t at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)];
  }
};

std::optional<Raster> decode_png(std::string_view png);
std::string encode_png(const Raster& raster);

struct RasterComparison {
  bool same_size = false;
  std::size_t differing = 0;  // pixels with a channel off by more than the tolerance
  std::size_t total = 0;
  Raster diff;  // differing pixels red on a faded copy of `expected`

  double differing_fraction() const {
    return total == 0 ? (same_size ? 0.0 : 1.0) : static_cast<double>(differing) / static_cast<double>(total);
  }
};

RasterComparison compare(const Raster& expected, const Raster& actual, int tolerance = 2);

// expected | diff | actual, side by side on one canvas.
Raster side_by_side(const Raster& expected, const Raster& diff, const Raster& actual);

}  // namespace annals::render
