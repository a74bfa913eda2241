#include "raster.h"

#include <cairo.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace annals::render {

namespace {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

struct Reader {
  std::string_view bytes;
  std::size_t pos = 0;
};

cairo_status_t read_from(void* closure, unsigned char* data, unsigned int length) {
  auto* r = static_cast<Reader*>(closure);
  if (r->bytes.size() - r->pos < length) return CAIRO_STATUS_READ_ERROR;
  std::memcpy(data, r->bytes.data() + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t append_to(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

int channel(std::uint32_t pixel, int shift) { return static_cast<int>((pixel >> shift) & 0xFFu); }

bool differs(std::uint32_t a, std::uint32_t b, int tolerance) {
  for (int shift = 0; shift < 32; shift += 8)
    if (std::abs(channel(a, shift) - channel(b, shift)) > tolerance) return true;
  return false;
}

// Opaque grey at a quarter of the pixel's luminance: context for the red marks.
std::uint32_t faded(std::uint32_t p) {
  const int grey = (channel(p, 16) + channel(p, 8) + channel(p, 0)) / 3;
  const auto v = static_cast<std::uint32_t>(255 - (255 - grey) / 4);
  return 0xFF000000u | (v << 16) | (v << 8) | v;
}

void blit(Raster& canvas, const Raster& r, int left) {
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x)
      canvas.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(canvas.width) +
                    static_cast<std::size_t>(left + x)] = r.at(x, y);
}

}  // namespace

std::optional<Raster> decode_png(std::string_view png) {
  Reader reader{png};
  Surface s(cairo_image_surface_create_from_png_stream(read_from, &reader));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return std::nullopt;
  // Normalise to ARGB32 so RGB24 and A8 files compare like the renderer's own output.
  Raster r;
  r.width = cairo_image_surface_get_width(s.get());
  r.height = cairo_image_surface_get_height(s.get());
  Surface argb(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, r.width, r.height));
  cairo_t* cr = cairo_create(argb.get());
  cairo_set_source_surface(cr, s.get(), 0, 0);
  cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint(cr);
  cairo_destroy(cr);
  cairo_surface_flush(argb.get());
  const unsigned char* data = cairo_image_surface_get_data(argb.get());
  const int stride = cairo_image_surface_get_stride(argb.get());
  r.pixels.resize(static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height));
  for (int y = 0; y < r.height; ++y)
    std::memcpy(&r.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width)],
                data + static_cast<std::ptrdiff_t>(y) * stride, static_cast<std::size_t>(r.width) * 4);
  return r;
}

std::string encode_png(const Raster& r) {
  Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(r.width, 1), std::max(r.height, 1)));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return {};
  cairo_surface_flush(s.get());
  unsigned char* data = cairo_image_surface_get_data(s.get());
  const int stride = cairo_image_surface_get_stride(s.get());
  for (int y = 0; y < r.height; ++y)
    std::memcpy(data + static_cast<std::ptrdiff_t>(y) * stride,
                &r.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width)],
                static_cast<std::size_t>(r.width) * 4);
  cairo_surface_mark_dirty(s.get());
  std::string out;
  if (cairo_surface_write_to_png_stream(s.get(), append_to, &out) != CAIRO_STATUS_SUCCESS) return {};
  return out;
}

RasterComparison compare(const Raster& expected, const Raster& actual, int tolerance) {
  RasterComparison c;
  c.same_size = expected.width == actual.width && expected.height == actual.height;
  if (!c.same_size) return c;
  c.total = expected.pixels.size();
  c.diff = expected;
  for (std::size_t i = 0; i < c.total; ++i) {
    const bool off = differs(expected.pixels[i], actual.pixels[i], tolerance);
    c.differing += off ? 1 : 0;
    c.diff.pixels[i] = off ? 0xFFFF0000u : faded(expected.pixels[i]);
  }
  return c;
}

Raster side_by_side(const Raster& expected, const Raster& diff, const Raster& actual) {
  Raster canvas;
  canvas.width = expected.width + diff.width + actual.width;
  canvas.height = std::max({expected.height, diff.height, actual.height});
  canvas.pixels.assign(static_cast<std::size_t>(canvas.width) * static_cast<std::size_t>(canvas.height), 0);
  blit(canvas, expected, 0);
  blit(canvas, diff, expected.width);
  blit(canvas, actual, expected.width + diff.width);
  return canvas;
}

}  // namespace annals::render
