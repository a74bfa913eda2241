#pragma once
// Scene → SVG, PDF or PNG bytes with Cairo and Pango. No decisions about
// where things go: it draws exactly what the Scene says.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "scene/scene.h"
#include "text/measurer.h"

namespace annals::render {

enum class Format { svg, pdf, png };

// How an SVG holds its text: real <text> in embedded font subsets (the
// default: selectable, searchable, a fraction of the bytes), or Cairo's
// glyph outlines under an invisible text layer, for tools that ignore
// embedded fonts.
enum class SvgText { text, outlines };

struct Options {
  Options() = default;
  explicit Options(double png_dpi) : dpi(png_dpi) {}
  double dpi = 144;       // PNG only
  // SVG only: what every id starts with; "" = content_id_prefix() of the
  // chart, so several charts inline in one page never share an id.
  std::string id_prefix;
  // SVG and PNG: which page of a chart laid out over several pages (0 = the
  // first); a PDF holds them all.
  std::size_t page = 0;
  SvgText svg_text = SvgText::text;  // SVG only
};

struct Output {
  std::string bytes;
  std::string error;  // non-empty on failure (e.g. a PNG beyond 32767 px)
  bool ok() const { return error.empty(); }
};

// Owns the Pango font map and context (no globals). Measuring and drawing go
// through the same context, so measured and drawn widths agree in every format.
// Each (text, font) is shaped once and kept until the Renderer dies (or
// forget_shaped); the const methods share that cache, so one Renderer
// serves one thread. Two Renderers are independent: each on its own thread.

class PdfWriter;

class Renderer {
 public:
  Renderer();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // The TextMeasurer the layout uses; it lives as long as the Renderer.
  const text::TextMeasurer& measurer() const;

  // A scene of several pages (Scene::more_pages) is a PDF of as many pages,
  // or the SVG or PNG of the page Options::page.
  Output render(const scene::Scene& scene, Format format, const Options& options) const;

  // Glyphs of `text` that no installed font has (they would draw as hex
  // boxes): for a warning naming the text, and for font tests.
  int missing_glyphs(std::string_view text, const FontSpec& font) const;

  // Whether fontconfig knows `family` (case-insensitive; generic names such
  // as "sans-serif" count, and in a list "A, B" any one is enough): a style
  // naming a font that is not installed gets a warning, not a silent substitute.
  bool has_family(std::string_view family) const;

  // The family that text in `font` is actually drawn with: `font.family`
  // when installed, else fontconfig's substitute, named in that warning.
  std::string family_used(const FontSpec& font) const;

  // Lets the shaped texts go once more than `most` are kept, so that a chart
  // drawn page by page holds the glyphs of about a page, not of the chart.
  // Call it only between pages: nothing drawn or measured may be under way.
  void forget_shaped(std::size_t most) const;

 private:
  friend class PdfWriter;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A PDF written page by page, each page drawn as it is added and let go:
// what Renderer::render does for a scene of several pages, for pages that
// come one at a time. `several`: the outline gets an entry per page (with
// the page's lanes under it) rather than one per lane.
class PdfWriter {
 public:
  PdfWriter(const Renderer& renderer, bool several);
  ~PdfWriter();
  PdfWriter(PdfWriter&&) noexcept;
  PdfWriter& operator=(PdfWriter&&) = delete;

  // The next page (its size and outline its own; the first page's metadata is the document's).
  void add(const scene::Scene& page);
  // The document, or an error (one also when no page was added).
  Output finish() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace annals::render
