#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <thread>
#include <cstdint>
#include <map>
#include <tuple>
#include <optional>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/strings.h"
#include "render/pango_measurer.h"
#include "render/png_writer.h"
#include "render/render.h"
#include "render/svg_post.h"
#include "render/svg_text.h"

namespace annals::render {

namespace {

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDestroy {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
struct PatternDestroy {
  void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using Context = std::unique_ptr<cairo_t, ContextDestroy>;
using Pattern = std::unique_ptr<cairo_pattern_t, PatternDestroy>;

constexpr int max_png_side = 32767;
// The image is held whole, 4 bytes a pixel: 150 megapixels (A0 at 300 dpi)
// is 600 MB and a few seconds; a few bytes of style asking for 16000 pt
// squared at 144 dpi would otherwise take 4 GB and half a minute.
constexpr double max_png_pixels = 150e6;
// Cairo keeps coordinates in 24.8 fixed point: beyond 2^23 (8,388,608) units
// they wrap, and a PDF page 9,000,000 pt high crashes inside
// cairo_surface_finish. Half of that leaves room for what is drawn past the
// page's edge; 1,000,000 events make a page about 2,400,000 pt high.
constexpr double max_vector_side = 4e6;

// Cairo's write callbacks: an exception must not unwind through Cairo's C frames.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  } catch (...) {  // in practice only std::bad_alloc
    return CAIRO_STATUS_NO_MEMORY;
  }
  return CAIRO_STATUS_SUCCESS;
}

cairo_status_t append_to_svg(void* closure, const unsigned char* data, unsigned int length) {
  try {
    static_cast<SvgFinisher*>(closure)->append({reinterpret_cast<const char*>(data), length});
  } catch (...) {  // in practice only std::bad_alloc
    return CAIRO_STATUS_NO_MEMORY;
  }
  return CAIRO_STATUS_SUCCESS;
}

// ---- drawing: one path for every surface ----

void set_color(cairo_t* cr, const Color& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

// Fills the current path (kept for a stroke) when the paint is not none.
void fill_preserve(cairo_t* cr, const scene::Paint& paint) {
  if (paint.is_none()) return;
  if (paint.stops.empty()) {
    set_color(cr, paint.color);
    cairo_fill_preserve(cr);
    return;
  }
  Pattern gradient(cairo_pattern_create_linear(paint.from.x, paint.from.y, paint.to.x, paint.to.y));
  for (const scene::GradientStop& s : paint.stops)
    cairo_pattern_add_color_stop_rgba(gradient.get(), s.offset, s.color.r, s.color.g, s.color.b, s.color.a);
  cairo_set_source(cr, gradient.get());
  cairo_fill_preserve(cr);
}

// Strokes and clears the current path.
void stroke(cairo_t* cr, const scene::Stroke& s) {
  if (s.color.is_none() || s.width <= 0) {
    cairo_new_path(cr);
    return;
  }
  set_color(cr, s.color);
  cairo_set_line_width(cr, s.width);
  cairo_set_dash(cr, s.dash.data(), static_cast<int>(s.dash.size()), 0);
  cairo_stroke(cr);
}

void rounded_rect(cairo_t* cr, const Box& b, double radius) {
  const double r = std::clamp(radius, 0.0, std::min(b.w, b.h) / 2);
  if (r <= 0) {
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    return;
  }
  constexpr double quarter = M_PI / 2;
  cairo_new_sub_path(cr);
  cairo_arc(cr, b.right() - r, b.y + r, r, -quarter, 0);
  cairo_arc(cr, b.right() - r, b.bottom() - r, r, 0, quarter);
  cairo_arc(cr, b.x + r, b.bottom() - r, r, quarter, 2 * quarter);
  cairo_arc(cr, b.x + r, b.y + r, r, 2 * quarter, 3 * quarter);
  cairo_close_path(cr);
}

// Cairo 1.16 copies a link's URI into the PDF as `/URI (…)` without PDF
// string escaping, so a ')' or '\\' would end the string and let the rest of
// the URL write PDF (a JavaScript action). Percent-encoding every byte that
// is not plain printable ASCII, and the delimiters of PDF strings and of
// Cairo's attributes, leaves the same link and nothing to escape.
std::string pdf_uri(std::string_view url) {
  std::string out;
  for (const char c : url) {
    const auto b = static_cast<unsigned char>(c);
    if (b <= 0x20 || b >= 0x7F || c == '(' || c == ')' || c == '\\' || c == '\'' || c == '<' || c == '>')
      out += fmt::format("%{:02X}", b);
    else
      out += c;
  }
  return out;
}

// Cairo's tag attributes quote strings in '…' with backslash escapes.
std::string tag_string(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

// The colour the byte at `index` of a text is drawn in.
Color color_at(const scene::Text& t, std::size_t index) {
  for (const scene::ColorSpan& s : t.spans)
    if (index >= s.begin && index < s.end) return s.color;
  return t.color;
}

// Glyphs of neighbouring texts gathered by font and colour, each group drawn
// with one cairo_show_text_glyphs: 10,000 labels are a few dozen calls
// instead of 12,000, and Cairo's PDF writer sets a few long text objects.
// The clusters (bytes ↔ glyphs, as Pango draws them) keep the PDF's text
// copyable; a shortened label's "…" stands for the rest of its title, which
// the PDF carries as /ActualText. Only texts that never touch are gathered
// (see draw_shapes), so the order of the groups changes no pixel.
class GlyphBatch {
 public:
  // Adds a left-to-right run whose origin is (x, y); false when Pango must
  // draw it itself (unknown glyphs as hex boxes, right-to-left clusters).
  // `stands_for`: when not empty, the text of the whole run (a shortened
  // line with its title's rest in place of the "…").
  bool add(const Color& c, double x, double y, std::string_view text, const PangoGlyphItem* item,
           std::string_view stands_for) {
    const PangoGlyphString* g = item->glyphs;
    if (item->item->analysis.level % 2 == 1) return false;
    for (int i = 0; i < g->num_glyphs; ++i)
      if ((g->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0 && g->glyphs[i].glyph != PANGO_GLYPH_EMPTY) return false;
    cairo_scaled_font_t* font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(item->item->analysis.font));
    if (font == nullptr) return false;
    Group& group = group_for(font, c);
    const std::size_t first_glyph = group.glyphs.size();
    // Where Pango's renderer puts each glyph: advances summed in Pango units.
    int advance = 0;
    for (int i = 0; i < g->num_glyphs; ++i) {
      const PangoGlyphInfo& gi = g->glyphs[i];
      if (gi.glyph != PANGO_GLYPH_EMPTY) {
        const double gx = x + static_cast<double>(advance + gi.geometry.x_offset) / PANGO_SCALE;
        const double gy = gi.geometry.y_offset == 0 ? y : y + static_cast<double>(gi.geometry.y_offset) / PANGO_SCALE;
        group.glyphs.push_back({gi.glyph, gx, gy});
      }
      advance += gi.geometry.width;
    }
    const std::string_view bytes = text.substr(static_cast<std::size_t>(item->item->offset),
                                               static_cast<std::size_t>(item->item->length));
    if (!stands_for.empty()) {
      group.utf8.append(stands_for);
      group.clusters.push_back({static_cast<int>(stands_for.size()), static_cast<int>(group.glyphs.size() - first_glyph)});
      return true;
    }
    group.utf8.append(bytes);
    PangoGlyphItemIter it;
    // The iterator only reads the item; Pango's signature is not const.
    auto* mutable_item = const_cast<PangoGlyphItem*>(item);
    for (gboolean more = pango_glyph_item_iter_init_start(&it, mutable_item, text.data()); more;
         more = pango_glyph_item_iter_next_cluster(&it)) {
      int glyphs = 0;
      for (int i = it.start_glyph; i < it.end_glyph; ++i) glyphs += g->glyphs[i].glyph != PANGO_GLYPH_EMPTY;
      group.clusters.push_back({it.end_index - it.start_index, glyphs});
    }
    return true;
  }

  void flush(cairo_t* cr) {
    for (const Group& group : groups_) {
      set_color(cr, group.color);
      cairo_set_scaled_font(cr, group.font);
      cairo_show_text_glyphs(cr, group.utf8.data(), static_cast<int>(group.utf8.size()), group.glyphs.data(),
                             static_cast<int>(group.glyphs.size()), group.clusters.data(),
                             static_cast<int>(group.clusters.size()), static_cast<cairo_text_cluster_flags_t>(0));
    }
    groups_.clear();
  }

 private:
  struct Group {
    cairo_scaled_font_t* font;  // owned by its Pango font, which the measurer's cache keeps
    Color color;
    std::string utf8;
    std::vector<cairo_glyph_t> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
  };
  // Few groups at a time (a handful of fonts and colours): found by looking.
  Group& group_for(cairo_scaled_font_t* font, const Color& c) {
    for (Group& g : groups_)
      if (g.font == font && g.color == c) return g;
    return groups_.emplace_back(Group{font, c, {}, {}, {}});
  }
  std::vector<Group> groups_;  // in the order they first appear, so the bytes are reproducible
};

struct Painter {
  cairo_t* cr;
  const PangoMeasurer& text;
  bool draws_text = true;  // false: the SVG writes its text itself
  GlyphBatch* glyphs = nullptr;  // gathers the texts' glyphs; nothing: each run is drawn at once

  void operator()(const scene::Rect& r) const {
    rounded_rect(cr, r.box, r.radius);
    fill_preserve(cr, r.fill);
    stroke(cr, r.stroke);
  }
  void operator()(const scene::Circle& c) const {
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.center.x, c.center.y, std::max(c.radius, 0.0), 0, 2 * M_PI);
    fill_preserve(cr, c.fill);
    stroke(cr, c.stroke);
  }
  void operator()(const scene::Path& p) const {
    if (p.points.empty()) return;
    cairo_move_to(cr, p.points.front().x, p.points.front().y);
    for (std::size_t i = 1; i < p.points.size(); ++i) cairo_line_to(cr, p.points[i].x, p.points[i].y);
    if (p.closed) cairo_close_path(cr);
    fill_preserve(cr, p.fill);
    stroke(cr, p.stroke);
  }
  void operator()(const scene::Line& l) const {
    cairo_move_to(cr, l.from.x, l.from.y);
    cairo_line_to(cr, l.to.x, l.to.y);
    stroke(cr, l.stroke);
  }
  void operator()(const scene::Text& t) const {
    if (t.text.empty() || !draws_text) return;
    const ShapedText& shaped = text.shaped(t.text, t.font);
    for (const GlyphRun& run : shaped.runs) show_run(t, shaped.text, run);
  }
  // What a run ending the text stands for when the text ends in an ellipsis
  // with the rest of a title behind it: its own bytes, "…" replaced.
  static std::string stands_for(const scene::Text& t, std::string_view shaped, const PangoGlyphItem* part) {
    constexpr std::string_view kEllipsis = "\u2026";
    const auto begin = static_cast<std::size_t>(part->item->offset);
    const auto end = begin + static_cast<std::size_t>(part->item->length);
    if (t.elided.empty() || end != shaped.size() || !shaped.ends_with(kEllipsis) || end - begin < kEllipsis.size())
      return {};
    return std::string(shaped.substr(begin, end - begin - kEllipsis.size())) + t.elided;
  }
  // Draws one run of glyphs in the colours of its bytes: a label's date and
  // title are one text, shaped once, drawn in two colours. A run that holds
  // both is split at the colour's edge (rarely more than once per label).
  void show_run(const scene::Text& t, std::string_view shaped, const GlyphRun& run) const {
    PangoGlyphItem* whole = run.glyphs.get();
    const int begin = whole->item->offset, end = begin + whole->item->length;
    std::vector<std::unique_ptr<PangoGlyphItem, GlyphItemFree>> parts;  // logical order
    std::unique_ptr<PangoGlyphItem, GlyphItemFree> rest;
    for (const scene::ColorSpan& span : t.spans)
      for (const std::size_t edge : {span.begin, span.end}) {
        const int at = static_cast<int>(edge);
        const PangoGlyphItem* current = rest ? rest.get() : whole;
        if (at <= current->item->offset || at >= end) continue;
        if (!rest) rest.reset(pango_glyph_item_copy(whole));
        parts.emplace_back(pango_glyph_item_split(rest.get(), shaped.data(), at - rest->item->offset));
      }
    double x = t.box.x + run.x;
    const double y = t.box.y + run.baseline;
    if (parts.empty()) {
      show(t, color_at(t, static_cast<std::size_t>(begin)), x, y, shaped, whole);
      return;
    }
    parts.push_back(std::move(rest));
    // Right-to-left glyphs stand in reverse logical order.
    if (whole->item->analysis.level % 2 == 1) std::reverse(parts.begin(), parts.end());
    for (const auto& part : parts) {
      show(t, color_at(t, static_cast<std::size_t>(part->item->offset)), x, y, shaped, part.get());
      x += static_cast<double>(pango_glyph_string_get_width(part->glyphs)) / PANGO_SCALE;
    }
  }
  void show(const scene::Text& t, const Color& c, double x, double y, std::string_view shaped,
            PangoGlyphItem* run) const {
    if (c.is_none()) return;
    if (glyphs != nullptr && glyphs->add(c, x, y, shaped, run, stands_for(t, shaped, run))) return;
    set_color(cr, c);
    cairo_move_to(cr, x, y);
    pango_cairo_show_glyph_item(cr, shaped.data(), run);
  }
  void operator()(const scene::Link& l) const {
    // Only the PDF surface makes annotations of link tags; the others ignore them.
    if (l.url.empty()) return;
    const std::string attributes = fmt::format("rect=[{:.2f} {:.2f} {:.2f} {:.2f}] uri='{}'", l.box.x,
                                               l.box.y, l.box.w, l.box.h, tag_string(pdf_uri(l.url)));
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes.c_str());
    cairo_tag_end(cr, CAIRO_TAG_LINK);
  }
};

void paint_background(cairo_t* cr, const Color& background) {
  if (background.is_none()) return;
  set_color(cr, background);
  cairo_paint(cr);
}

// Consecutive marks of one opaque paint become one path and one fill (or
// one stroke): a chart of 10,000 events draws a handful of paths instead of
// 10,000, in every format. Only opaque paints are batched, where painting
// the union once looks the same as painting each part in turn; every part is
// added with the same winding (Cairo's rectangles and arcs turn clockwise,
// polygons are turned so), so overlapping parts never cancel under the
// nonzero rule.
struct Batch {
  enum class Kind { none, fill, stroke };
  Kind kind = Kind::none;
  Color color;
  double width = 0;
  std::vector<double> dash;

  bool same(const Batch& o) const {
    return kind == o.kind && color == o.color && width == o.width && dash == o.dash;
  }
};

bool opaque(const Color& c) { return c.a >= 1; }
bool no_stroke(const scene::Stroke& s) { return s.color.is_none() || s.width <= 0; }

// What batch a shape can join (kind none: it is drawn on its own).
Batch batch_of(const scene::Paint& fill, const scene::Stroke& stroke) {
  const bool fills = !fill.is_none(), strokes = !no_stroke(stroke);
  if (fills && !strokes && fill.stops.empty() && opaque(fill.color)) return {Batch::Kind::fill, fill.color, 0, {}};
  if (strokes && !fills && opaque(stroke.color)) return {Batch::Kind::stroke, stroke.color, stroke.width, stroke.dash};
  return {};
}

struct BatchOf {
  Batch operator()(const scene::Rect& r) const {
    return r.box.w >= 0 && r.box.h >= 0 ? batch_of(r.fill, r.stroke) : Batch{};
  }
  Batch operator()(const scene::Circle& c) const { return batch_of(c.fill, c.stroke); }
  Batch operator()(const scene::Path& p) const { return p.points.empty() ? Batch{} : batch_of(p.fill, p.stroke); }
  Batch operator()(const scene::Line& l) const { return batch_of(scene::Paint{}, l.stroke); }
  Batch operator()(const scene::Text&) const { return {}; }
  Batch operator()(const scene::Link&) const { return {}; }
};

// Adds a shape's outline to the current path, clockwise.
struct Outline {
  cairo_t* cr;
  void operator()(const scene::Rect& r) const { rounded_rect(cr, r.box, r.radius); }
  void operator()(const scene::Circle& c) const {
    cairo_new_sub_path(cr);
    cairo_arc(cr, c.center.x, c.center.y, std::max(c.radius, 0.0), 0, 2 * M_PI);
  }
  void operator()(const scene::Path& p) const {
    double twice_area = 0;
    for (std::size_t i = 0; i < p.points.size(); ++i) {
      const Point& a = p.points[i];
      const Point& b = p.points[(i + 1) % p.points.size()];
      twice_area += a.x * b.y - b.x * a.y;
    }
    const auto at = [&](std::size_t i) -> const Point& {
      return twice_area >= 0 ? p.points[i] : p.points[p.points.size() - 1 - i];
    };
    cairo_move_to(cr, at(0).x, at(0).y);
    for (std::size_t i = 1; i < p.points.size(); ++i) cairo_line_to(cr, at(i).x, at(i).y);
    if (p.closed) cairo_close_path(cr);
  }
  void operator()(const scene::Line& l) const {
    cairo_move_to(cr, l.from.x, l.from.y);
    cairo_line_to(cr, l.to.x, l.to.y);
  }
  void operator()(const scene::Text&) const {}
  void operator()(const scene::Link&) const {}
};

void paint_batch(cairo_t* cr, const Batch& b) {
  if (b.kind == Batch::Kind::fill) {
    set_color(cr, b.color);
    cairo_fill(cr);
  } else if (b.kind == Batch::Kind::stroke) {
    stroke(cr, scene::Stroke{b.color, b.width, b.dash});
  }
}

// Where a shape may paint: its box grown by what a stroke, a miter or a
// glyph's overshoot adds.
struct InkBox {
  Box operator()(const scene::Rect& r) const { return grow(r.box, r.stroke.width / 2); }
  Box operator()(const scene::Circle& c) const {
    const double r = std::max(c.radius, 0.0) + c.stroke.width / 2;
    return {c.center.x - r, c.center.y - r, 2 * r, 2 * r};
  }
  Box operator()(const scene::Path& p) const {
    double x0 = p.points.front().x, x1 = x0, y0 = p.points.front().y, y1 = y0;
    for (const Point& q : p.points) x0 = std::min(x0, q.x), x1 = std::max(x1, q.x), y0 = std::min(y0, q.y), y1 = std::max(y1, q.y);
    return grow({x0, y0, x1 - x0, y1 - y0}, 5 * p.stroke.width);  // Cairo's miter limit is 10
  }
  Box operator()(const scene::Line& l) const {
    return grow({std::min(l.from.x, l.to.x), std::min(l.from.y, l.to.y), std::abs(l.to.x - l.from.x),
                 std::abs(l.to.y - l.from.y)},
                l.stroke.width);
  }
  Box operator()(const scene::Text& t) const { return grow(t.box, t.font.size / 2); }
  Box operator()(const scene::Link& l) const { return l.box; }
  static Box grow(const Box& b, double d) { return {b.x - d, b.y - d, b.w + 2 * d, b.h + 2 * d}; }
};

// A key per paint that batches; every other shape a key of its own.
struct PaintKeys {
  std::map<std::tuple<int, double, double, double, double, double, std::vector<double>>, std::size_t> keys;
  std::size_t next = 0;
  std::size_t of(const Batch& b) {
    if (b.kind == Batch::Kind::none) return next++;
    const auto [it, fresh] = keys.try_emplace(
        {static_cast<int>(b.kind), b.color.r, b.color.g, b.color.b, b.color.a, b.width, b.dash}, next);
    if (fresh) ++next;
    return it->second;
  }
};

// The drawing order that batches most while every pixel stays the same: a
// shape goes to the lowest layer above every earlier shape of another paint
// whose box it touches (and not below one of its own paint), and layers are
// drawn in turn, each paint of a layer at once. Shapes of one layer and
// different paints never touch, so their order within it does not matter;
// shapes of one paint keep their order. A grid of the page finds the
// earlier shapes near a box. Each shape's layer is kept in `layers`.
std::vector<std::size_t> drawing_order(const scene::Scene& scene, const std::vector<Batch>& batches, bool draws_text,
                                       std::vector<std::size_t>& layers) {
  const std::size_t n = scene.shapes.size();
  std::vector<std::size_t> key(n), layer(n, 0);
  std::vector<Box> ink(n);
  PaintKeys keys;
  for (std::size_t i = 0; i < n; ++i) key[i] = keys.of(batches[i]);
  // About a million cells at most, never finer than 32 pt.
  const double cell = std::max(32.0, std::sqrt(scene.width * scene.height / 1e6));
  const auto cols = static_cast<long>(std::ceil(scene.width / cell)) + 1;
  const auto rows = static_cast<long>(std::ceil(scene.height / cell)) + 1;
  std::vector<std::vector<std::uint32_t>> grid(static_cast<std::size_t>(cols * rows));
  const auto span = [&](double lo, double hi, long count) {
    const long first = std::clamp(static_cast<long>(std::floor(lo / cell)), 0L, count - 1);
    const long last = std::clamp(static_cast<long>(std::floor(hi / cell)), 0L, count - 1);
    return std::pair{first, last};
  };
  std::size_t top = 0;  // the highest layer so far
  for (std::size_t i = 0; i < n; ++i) {
    const scene::Shape& shape = scene.shapes[i];
    if (!draws_text && std::holds_alternative<scene::Text>(shape)) continue;
    if (std::holds_alternative<scene::Path>(shape) && std::get<scene::Path>(shape).points.empty()) continue;
    const Box b = std::visit(InkBox{}, shape);
    if (!std::isfinite(b.x) || !std::isfinite(b.y) || !std::isfinite(b.w) || !std::isfinite(b.h) || n > UINT32_MAX) {
      // Nothing to reason about: above everything so far, and everything after above it.
      layer[i] = ++top;
      ink[i] = {0, 0, scene.width, scene.height};
      for (auto& c : grid) c.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    ink[i] = b;
    const auto [x0, x1] = span(b.x, b.right(), cols);
    const auto [y0, y1] = span(b.y, b.bottom(), rows);
    std::size_t l = 0;
    for (long y = y0; y <= y1; ++y)
      for (long x = x0; x <= x1; ++x)
        for (const std::uint32_t j : grid[static_cast<std::size_t>(y * cols + x)])
          if (ink[j].overlaps(b, 0)) l = std::max(l, key[j] == key[i] ? layer[j] : layer[j] + 1);
    layer[i] = l;
    top = std::max(top, l);
    for (long y = y0; y <= y1; ++y)
      for (long x = x0; x <= x1; ++x) grid[static_cast<std::size_t>(y * cols + x)].push_back(static_cast<std::uint32_t>(i));
  }
  // Within a layer, paints in the order they first appear in it; within a
  // paint, the scene's order.
  std::map<std::pair<std::size_t, std::size_t>, std::size_t> first;  // (layer, key) → first index
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> sorted(n);
  for (std::size_t i = 0; i < n; ++i)
    sorted[i] = {layer[i], first.try_emplace({layer[i], key[i]}, i).first->second, i};
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = std::get<2>(sorted[i]);
  layers = std::move(layer);
  return order;
}

void draw_shapes(cairo_t* cr, const scene::Scene& scene, const PangoMeasurer& text, bool draws_text = true) {
  const Painter painter{cr, text, draws_text};
  // Every text is a paint of its own to drawing_order, so two texts of one
  // layer never touch: their glyphs are gathered until the layer or a
  // shape that is not text ends them.
  GlyphBatch glyphs;
  const Painter gathering{cr, text, draws_text, &glyphs};
  // A tile's clip (pages/tiles.h) holds the chart; its crop marks (`marks`) are drawn outside it.
  if (scene.clip) {
    cairo_save(cr);
    cairo_rectangle(cr, scene.clip->x, scene.clip->y, scene.clip->w, scene.clip->h);
    cairo_clip(cr);
  }
  std::vector<Batch> batches(scene.shapes.size());
  for (std::size_t i = 0; i < batches.size(); ++i) batches[i] = std::visit(BatchOf{}, scene.shapes[i]);
  Batch open;
  std::vector<std::size_t> layers;
  std::size_t text_layer = 0;
  for (const std::size_t i : drawing_order(scene, batches, draws_text, layers)) {
    const scene::Shape& shape = scene.shapes[i];
    const bool is_text = std::holds_alternative<scene::Text>(shape);
    // Text the SVG writes itself is not drawn here: it does not end a batch.
    if (!draws_text && is_text) continue;
    if (!is_text || layers[i] != text_layer) glyphs.flush(cr);
    if (is_text) {
      paint_batch(cr, open);
      open = {};
      text_layer = layers[i];
      std::visit(gathering, shape);
      continue;
    }
    const Batch& b = batches[i];
    if (!b.same(open)) {
      paint_batch(cr, open);
      open = b;
    }
    if (b.kind == Batch::Kind::none) std::visit(painter, shape);
    else std::visit(Outline{cr}, shape);
  }
  glyphs.flush(cr);
  paint_batch(cr, open);
  if (scene.clip) cairo_restore(cr);
  for (const scene::Shape& shape : scene.marks) std::visit(painter, shape);
}

std::string status_error(std::string_view what, cairo_status_t status) {
  return fmt::format("could not render the {}: {}", what, cairo_status_to_string(status));
}

// Finishes the surface and reports the first error of the drawing or the output.
std::string finish(std::string_view what, cairo_t* cr, cairo_surface_t* surface) {
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) return status_error(what, cairo_status(cr));
  cairo_surface_finish(surface);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    return status_error(what, cairo_surface_status(surface));
  return {};
}

// ---- PDF ----

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Cairo takes ISO 8601 dates; anything else (an empty date, a BCE `now`)
// falls back to a fixed instant so the bytes stay reproducible.
std::string pdf_date(std::string_view iso) {
  const bool calendar = iso.size() >= 10 && is_digits(iso.substr(0, 4)) && iso[4] == '-' &&
                        is_digits(iso.substr(5, 2)) && iso[7] == '-' && is_digits(iso.substr(8, 2));
  if (!calendar) return "1970-01-01T00:00:00Z";
  if (iso.size() >= 19 && iso[10] == 'T') return std::string(iso.substr(0, 19)) + "Z";
  return std::string(iso.substr(0, 10)) + "T00:00:00Z";
}

void set_pdf_metadata(cairo_surface_t* surface, const scene::Metadata& m) {
  if (!m.title.empty()) cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, m.title.c_str());
  if (!m.subject.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, m.subject.c_str());
  if (!m.creator.empty())
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, m.creator.c_str());
  const std::string date = pdf_date(m.date);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
}

// One bookmark per lane; on a chart of several pages, one per page with its
// lanes under it, each pointing into its own page.
void add_outline(cairo_surface_t* surface, const scene::Scene& page, std::size_t number, bool several,
                 double scale) {
  int parent = CAIRO_PDF_OUTLINE_ROOT;
  if (several && !page.page_title.empty()) {
    const std::string dest = fmt::format("page={} pos=[0 0]", number);
    parent = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, page.page_title.c_str(), dest.c_str(),
                                           CAIRO_PDF_OUTLINE_FLAG_OPEN);
  }
  for (const scene::OutlineEntry& e : page.outline) {
    const std::string dest = fmt::format("page={} pos=[0 {:.2f}]", number, e.y * scale);
    cairo_pdf_surface_add_outline(surface, parent, e.title.c_str(), dest.c_str(),
                                  static_cast<cairo_pdf_outline_flags_t>(0));
  }
}

// How much a page is scaled down so that no side exceeds what a PDF allows.
double pdf_scale(const scene::Scene& page) {
  return std::min(1.0, scene::kPdfMaxSide / std::max(page.width, page.height));
}

Output render_pdf(const scene::Scene& scene, const Renderer& renderer) {
  const std::size_t pages = scene::page_count(scene);
  PdfWriter pdf(renderer, pages > 1);
  for (std::size_t i = 0; i < pages; ++i) pdf.add(scene::page_of(scene, i));
  return std::move(pdf).finish();
}

// ---- SVG ----

// About what Cairo writes for `scene`: as outlines it places each glyph
// with its own <use> element (about 70 bytes). Growing the buffer by
// doubling instead would copy tens of megabytes several times; pages
// reserved and never written cost no memory.
std::size_t svg_size_estimate(const scene::Scene& scene, SvgText mode) {
  std::size_t bytes = 64 * 1024;
  for (const scene::Shape& shape : scene.shapes) {
    const auto* t = std::get_if<scene::Text>(&shape);
    if (t == nullptr) bytes += 300;
    else if (mode == SvgText::outlines) bytes += 80 * t->text.size();
  }
  return bytes;
}

// Cairo's part of an SVG, streamed into `finisher`.
std::string draw_svg(const scene::Scene& scene, const PangoMeasurer& text, SvgFinisher& finisher, bool draws_text) {
  Surface surface(cairo_svg_surface_create_for_stream(append_to_svg, &finisher, scene.width, scene.height));
  cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
  Context cr(cairo_create(surface.get()));
  paint_background(cr.get(), scene.background);
  draw_shapes(cr.get(), scene, text, draws_text);
  return finish("SVG", cr.get(), surface.get());
}

Output render_svg(const scene::Scene& scene, const PangoMeasurer& text, SubsetSources& sources,
                  const Options& options) {
  Output out;
  const std::string prefix = options.id_prefix.empty() ? content_id_prefix(scene) : options.id_prefix;
  const bool outlines = options.svg_text == SvgText::outlines;
  if (outlines) {
    // Cairo shapes the text itself here: the layer is written first, then Cairo draws.
    SvgFinisher finisher(scene, svg_size_estimate(scene, options.svg_text), prefix);
    out.error = draw_svg(scene, text, finisher, true);
    if (out.ok()) out.bytes = std::move(finisher).finish();
    return out;
  }
  // Cairo draws only shapes, never text: the text layer (Pango's glyphs,
  // font subsets) is written on another core meanwhile.
  SvgFinisher finisher(scene, svg_size_estimate(scene, options.svg_text), prefix, SvgFinisher::OverlayLater{});
  std::string overlay;
  std::exception_ptr failed;
  std::thread layer([&] {
    try {
      SvgGlyphText writer(text, sources, prefix);
      overlay = svg_overlay(scene, prefix, &writer);
    } catch (...) {
      failed = std::current_exception();
    }
  });
  try {
    out.error = draw_svg(scene, text, finisher, false);
  } catch (...) {
    layer.join();
    throw;
  }
  layer.join();
  if (failed) std::rethrow_exception(failed);
  finisher.set_overlay(std::move(overlay));
  if (out.ok()) out.bytes = std::move(finisher).finish();
  return out;
}

// ---- PNG ----

Output render_png(const scene::Scene& scene, const PangoMeasurer& text, double dpi) {
  if (!std::isfinite(dpi) || dpi <= 0)
    return {{}, fmt::format("a PNG needs a positive resolution, not {} dpi", dpi)};
  const double scale = dpi / 72;
  const double wpx = std::ceil(scene.width * scale);
  const double hpx = std::ceil(scene.height * scale);
  if (wpx > max_png_side || hpx > max_png_side)
    return {{},
            fmt::format("the page is {} × {} px at {} dpi, beyond the {}-pixel limit of PNG rendering; "
                        "use a lower --dpi or PDF/SVG",
                        wpx, hpx, dpi, max_png_side)};
  if (wpx * hpx > max_png_pixels)
    return {{},
            fmt::format("the page is {} × {} px at {} dpi, beyond the {:.0f}-megapixel limit of PNG rendering; "
                        "use a lower --dpi or PDF/SVG",
                        wpx, hpx, dpi, max_png_pixels / 1e6)};
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, std::max(1, static_cast<int>(wpx)),
                                             std::max(1, static_cast<int>(hpx))));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return {{}, status_error("PNG", cairo_surface_status(surface.get()))};
  Context cr(cairo_create(surface.get()));
  cairo_scale(cr.get(), scale, scale);
  paint_background(cr.get(), scene.background);
  draw_shapes(cr.get(), scene, text);
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS)
    return {{}, status_error("PNG", cairo_status(cr.get()))};
  Output out;
  if (std::string error = write_png(surface.get(), dpi, out.bytes); !error.empty())
    return {{}, "could not write the PNG: " + error};
  return out;
}

bool has_page(const scene::Scene& s) {
  return std::isfinite(s.width) && std::isfinite(s.height) && s.width > 0 && s.height > 0;
}

}  // namespace

struct Renderer::Impl {
  PangoMeasurer measurer;
  SubsetSources subset_sources;  // after the measurer: it references the measurer's faces
};

// Each page at its own size (never beyond 14,400 pt a side: a larger page
// is scaled down to it); Cairo replays a page's drawing when it is shown and
// lets it go, so only the page at hand is held whole.
struct PdfWriter::State {
  const PangoMeasurer* text = nullptr;
  Output out;
  Surface surface;
  Context cr;
  std::size_t pages = 0;
  bool several = false;
};

PdfWriter::PdfWriter(const Renderer& renderer, bool several) : state_(std::make_unique<State>()) {
  state_->text = &renderer.impl_->measurer;
  state_->several = several;
}
PdfWriter::~PdfWriter() = default;
PdfWriter::PdfWriter(PdfWriter&&) noexcept = default;

void PdfWriter::add(const scene::Scene& page) {
  State& s = *state_;
  const double scale = pdf_scale(page);
  if (!s.surface) {
    s.surface.reset(cairo_pdf_surface_create_for_stream(append_to_string, &s.out.bytes, page.width * scale,
                                                        page.height * scale));
    set_pdf_metadata(s.surface.get(), page.metadata);
    s.cr.reset(cairo_create(s.surface.get()));
  } else {
    cairo_show_page(s.cr.get());
    cairo_pdf_surface_set_size(s.surface.get(), page.width * scale, page.height * scale);
  }
  cairo_t* cr = s.cr.get();
  cairo_save(cr);
  cairo_scale(cr, scale, scale);
  // Cairo 1.16: a full-page paint inside the Document tag crashes at finish
  // when there is an outline, and links outside that tag make a damaged file.
  paint_background(cr, page.background);
  cairo_tag_begin(cr, "Document", "");
  draw_shapes(cr, page, *s.text);
  cairo_tag_end(cr, "Document");
  cairo_restore(cr);
  add_outline(s.surface.get(), page, ++s.pages, s.several, scale);
}

Output PdfWriter::finish() && {
  State& s = *state_;
  if (!s.surface) return {{}, "there is no page to write"};
  s.out.error = render::finish("PDF", s.cr.get(), s.surface.get());
  if (!s.out.ok()) s.out.bytes.clear();
  return std::move(s.out);
}


Renderer::Renderer() : impl_(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

const text::TextMeasurer& Renderer::measurer() const { return impl_->measurer; }

void Renderer::forget_shaped(std::size_t most) const { impl_->measurer.forget(most); }

int Renderer::missing_glyphs(std::string_view text, const FontSpec& font) const {
  return impl_->measurer.unknown_glyphs(text, font);
}

namespace {

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// fontconfig resolves these itself, so they never appear in the family list.
bool is_generic(std::string_view lower) {
  for (std::string_view g : {"sans", "sans-serif", "serif", "monospace", "mono", "cursive", "fantasy",
                             "system-ui", "emoji", "math"})
    if (lower == g) return true;
  return false;
}

PangoFontMap* font_map_of(const PangoMeasurer& m) { return pango_context_get_font_map(m.context()); }

}  // namespace

bool Renderer::has_family(std::string_view family) const {
  PangoFontFamily** families = nullptr;
  int count = 0;
  pango_font_map_list_families(font_map_of(impl_->measurer), &families, &count);
  bool found = false;
  std::string_view rest = family;
  while (!found) {
    const auto comma = rest.find(',');
    const std::string wanted = lowercase(trimmed(rest.substr(0, comma)));
    found = is_generic(wanted);
    for (int i = 0; i < count && !found; ++i)
      found = lowercase(pango_font_family_get_name(families[i])) == wanted;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  g_free(families);
  return found;
}

std::string Renderer::family_used(const FontSpec& font) const {
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, font.family.c_str());
  pango_font_description_set_absolute_size(desc, 10 * PANGO_SCALE);
  PangoContext* context = impl_->measurer.context();
  std::string name = font.family;
  if (PangoFont* loaded = pango_context_load_font(context, desc)) {
    PangoFontDescription* used = pango_font_describe(loaded);
    if (const char* f = pango_font_description_get_family(used)) name = f;
    pango_font_description_free(used);
    g_object_unref(loaded);
  }
  pango_font_description_free(desc);
  return name;
}

Output Renderer::render(const scene::Scene& whole, Format format, const Options& options) const {
  if (options.page >= scene::page_count(whole))
    return {{}, fmt::format("there is no page {}; the chart has {}", options.page + 1, scene::page_count(whole))};
  // A PDF holds every page; SVG and PNG draw the one asked.
  for (std::size_t i = 0; i < scene::page_count(whole); ++i) {
    if (format != Format::pdf && i != options.page) continue;
    const scene::Scene& scene = scene::page_of(whole, i);
    if (!has_page(scene))
      return {{}, fmt::format("the page is {} × {} pt; it needs a positive size", scene.width, scene.height)};
    if (format != Format::png && (scene.width > max_vector_side || scene.height > max_vector_side))
      return {{}, fmt::format("the page is {:.0f} × {:.0f} pt, beyond the {:.0f} pt per side that Cairo can draw; "
                              "split the timeline or narrow its dates",
                              scene.width, scene.height, max_vector_side)};
  }
  const scene::Scene& page = scene::page_of(whole, options.page);
  switch (format) {
    case Format::pdf: return render_pdf(whole, *this);
    case Format::svg: return render_svg(page, impl_->measurer, impl_->subset_sources, options);
    case Format::png: return render_png(page, impl_->measurer, options.dpi);
  }
  return {{}, "unknown output format"};
}

}  // namespace annals::render
