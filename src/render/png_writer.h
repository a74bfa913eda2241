#pragma once
// PNG encoding of a Cairo image surface, tuned for charts: Cairo's own
// writer uses zlib's default effort, which costs most of a poster's render
// time; flat colour compresses nearly as well at the fastest level.
#include <cairo.h>

#include <string>

namespace annals::render {

// Appends the PNG of `surface` (ARGB32) to `out`; returns "" or what failed.
// Opaque pictures are written as RGB, others as RGBA (un-premultiplied).
// `dpi` goes into the pHYs chunk, so word processors and pdflatex place
// the picture at the size it was drawn for, not at 72 or 96 dpi.
std::string write_png(cairo_surface_t* surface, double dpi, std::string& out);

}  // namespace annals::render
