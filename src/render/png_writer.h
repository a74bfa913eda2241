#pragma once
// PNG encoding of a Cairo image surface, tuned for charts: Cairo's own
// writer uses zlib's default effort, which costs most of a poster's render
// time; flat colour compresses nearly as well at the fastest level.
#include <cairo.h>

#include <string>

namespace annals::render {

// Appends the PNG of `surface` (ARGB32) to `out`; returns "" or what failed.
// Opaque pictures are written as RGB, others as RGBA (un-premultiplied).
std::string write_png(cairo_surface_t* surface, std::string& out);

}  // namespace annals::render
