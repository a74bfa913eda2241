#include "render/pango_measurer.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace annals::render {

namespace {

struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct FontOptionsFree {
  void operator()(cairo_font_options_t* o) const { cairo_font_options_destroy(o); }
};

// A size Pango accepts: its units are 1/1024 pt, and zero or NaN sizes make
// it warn and fall back to a default.
double usable_size(double size) {
  return std::isfinite(size) && size >= 0.01 ? std::min(size, 10000.0) : 0.01;
}

// Pango warns about and boxes invalid UTF-8; the scene may carry any bytes.
// Nothing when `text` is valid (which excludes NUL bytes) and is shaped as it is.
std::optional<std::string> repaired_utf8(std::string_view text) {
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) return std::nullopt;
  gchar* fixed = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
  std::string out = fixed;
  g_free(fixed);
  std::erase(out, '\0');
  return out;
}

std::unique_ptr<PangoFontDescription, FontDescriptionFree> description(const FontSpec& f) {
  std::unique_ptr<PangoFontDescription, FontDescriptionFree> d(pango_font_description_new());
  pango_font_description_set_family(d.get(), f.family.c_str());
  // Absolute size in Pango units: at 72 dpi one unit of size is one point.
  pango_font_description_set_absolute_size(d.get(), usable_size(f.size) * PANGO_SCALE);
  pango_font_description_set_weight(d.get(), static_cast<PangoWeight>(f.weight));
  pango_font_description_set_style(d.get(), f.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  return d;
}

// The byte offset of glyph `i` of `run` in a text of `size` bytes: invalid
// bytes were replaced before shaping, so offsets are clamped to the text.
std::size_t cluster_start(const GlyphRun& run, int i, std::size_t size) {
  return std::min(static_cast<std::size_t>(std::max(0, run.glyphs->item->offset + run.glyphs->glyphs->log_clusters[i])),
                  size);
}

double advance(const GlyphRun& run, int i) {
  return static_cast<double>(run.glyphs->glyphs->glyphs[i].geometry.width) / PANGO_SCALE;
}

// The advance from the start of a shaped text of `size` bytes to each byte
// offset, in logical order; offsets inside a cluster carry the cluster's
// start. Glyph advances are multiples of 1/1024 pt, so their sums are exact
// in any order.
void caret_positions(const ShapedText& s, std::size_t size, std::vector<double>& carets) {
  carets.assign(size + 1, 0.0);
  carets[size] = s.extent.width;
  // Left-to-right text, the usual label, has its glyphs in logical order:
  // one pass, nothing to allocate.
  std::size_t start = 0;
  double x = 0, start_x = 0;
  bool any = false, in_order = true;
  for (const GlyphRun& run : s.runs) {
    for (int i = 0; i < run.glyphs->glyphs->num_glyphs && in_order; ++i) {
      const std::size_t index = cluster_start(run, i, size);
      if (any && index < start) in_order = false;
      if (any && index <= start) {
        x += advance(run, i);  // the next glyph of the same cluster
        continue;
      }
      std::fill(carets.begin() + static_cast<std::ptrdiff_t>(start), carets.begin() + static_cast<std::ptrdiff_t>(index),
                start_x);
      start = index;
      start_x = x;
      any = true;
      x += advance(run, i);
    }
  }
  if (in_order) {
    if (any) std::fill(carets.begin() + static_cast<std::ptrdiff_t>(start), carets.end() - 1, start_x);
    return;
  }
  // Runs and glyphs are in visual order, which differs inside right-to-left
  // runs: cluster widths put in logical order, then summed.
  std::vector<std::pair<std::size_t, double>> clusters;
  for (const GlyphRun& run : s.runs)
    for (int i = 0; i < run.glyphs->glyphs->num_glyphs; ++i) {
      const std::size_t index = cluster_start(run, i, size);
      if (!clusters.empty() && clusters.back().first == index)
        clusters.back().second += advance(run, i);
      else
        clusters.emplace_back(index, advance(run, i));
    }
  std::stable_sort(clusters.begin(), clusters.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::fill(carets.begin(), carets.end() - 1, 0.0);
  x = 0;
  for (std::size_t c = 0; c < clusters.size(); ++c) {
    const std::size_t end = c + 1 < clusters.size() ? clusters[c + 1].first : size;
    for (std::size_t i = clusters[c].first; i < end; ++i) carets[i] = x;
    x += clusters[c].second;
  }
}

// Pango's log attributes of valid UTF-8 `text` (attrs[i] is the position
// before character i) as break opportunities at byte offsets.
std::vector<text::Break> from_log_attrs(std::string_view text, const PangoLogAttr* attrs, std::size_t count) {
  std::vector<text::Break> out(text.size() + 1, text::Break::none);
  const char* p = text.data();
  for (std::size_t i = 0; i < count; ++i) {
    const auto offset = static_cast<std::size_t>(p - text.data());
    if (offset >= text.size()) break;
    if (i > 0)
      out[offset] = attrs[i].is_line_break ? text::Break::line
                    : attrs[i].is_cursor_position ? text::Break::cluster
                                                  : text::Break::none;
    p = g_utf8_next_char(p);
  }
  out[text.size()] = text::Break::line;
  return out;
}

}  // namespace

PangoMeasurer::PangoMeasurer()
    : font_map_(pango_cairo_font_map_new()), context_(pango_font_map_create_context(font_map_.get())) {
  // 72 dpi: 1 pt of font size = 1 unit of page space in every output.
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_.get()), 72);
  pango_cairo_context_set_resolution(context_.get(), 72);
  // Unrounded positions and no hinting keep widths proportional to the size
  // and identical on the image, PDF and SVG surfaces.
  pango_context_set_round_glyph_positions(context_.get(), FALSE);
  std::unique_ptr<cairo_font_options_t, FontOptionsFree> options(cairo_font_options_create());
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context_.get(), options.get());
  // A fixed language instead of the process locale, so fallback fonts and
  // shaping do not change with LANG.
  pango_context_set_language(context_.get(), pango_language_from_string("en"));
  pango_context_set_base_dir(context_.get(), PANGO_DIRECTION_LTR);
  layout_.reset(pango_layout_new(context_.get()));
  // Lines read left to right, as the chart does: a label's date stays before
  // its title even when the title is Arabic or Hebrew, whose words still run
  // right to left inside the line.
  pango_layout_set_auto_dir(layout_.get(), FALSE);
}

PangoMeasurer::FontCache& PangoMeasurer::cache_for(const FontSpec& font) const {
  for (auto& c : caches_)
    if (c->font == font) return *c;
  auto d = description(font);
  caches_.push_back(std::unique_ptr<FontCache>(
      new FontCache{font, {d.release(), pango_font_description_free}, {}}));
  return *caches_.back();
}

const ShapedText& PangoMeasurer::shaped(std::string_view text, const FontSpec& font) const {
  FontCache& cache = cache_for(font);
  auto found = cache.texts.find(text);
  if (found != cache.texts.end()) return found->second;
  ShapedText out;
  std::optional<std::string> repaired = repaired_utf8(text);
  if (repaired) out.repaired = std::move(*repaired);
  const std::string_view shaped_text = repaired ? std::string_view(out.repaired) : text;
  PangoLayout* l = layout_.get();
  pango_layout_set_font_description(l, cache.description.get());
  pango_layout_set_text(l, shaped_text.data(), static_cast<int>(shaped_text.size()));
  PangoRectangle logical{};
  pango_layout_get_extents(l, nullptr, &logical);
  out.extent = {static_cast<double>(logical.width) / PANGO_SCALE, static_cast<double>(logical.height) / PANGO_SCALE,
                static_cast<double>(pango_layout_get_baseline(l)) / PANGO_SCALE};
  // Keep the glyph runs and let the layout go: it costs several times their memory.
  PangoLayoutIter* it = pango_layout_get_iter(l);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(it);
    if (run == nullptr) continue;
    PangoRectangle extents{};
    pango_layout_iter_get_run_extents(it, nullptr, &extents);
    out.runs.push_back({std::unique_ptr<PangoGlyphItem, GlyphItemFree>(pango_glyph_item_copy(run)),
                        static_cast<double>(extents.x) / PANGO_SCALE,
                        static_cast<double>(pango_layout_iter_get_baseline(it)) / PANGO_SCALE});
  } while (pango_layout_iter_next_run(it));
  pango_layout_iter_free(it);
  // The layout found the text's break opportunities on the way (as
  // pango_get_log_attrs does, script by script): kept for breaks().
  if (!repaired) {
    gint count = 0;
    const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(l, &count);
    out.breaks = from_log_attrs(text, attrs, static_cast<std::size_t>(count));
  }
  // The text shaped is the table's own key unless it had to be repaired
  // (both live as long as the entry, which never moves).
  auto& [key, entry] = *cache.texts.emplace(std::string(text), std::move(out)).first;
  entry.text = repaired ? std::string_view(entry.repaired) : std::string_view(key);
  return entry;
}

void PangoMeasurer::forget(std::size_t most) const {
  std::size_t kept = breaks_.size();
  for (const auto& c : caches_) kept += c->texts.size();
  if (kept <= most) return;
  for (auto& c : caches_) c->texts.clear();
  breaks_.clear();
}

text::Extent PangoMeasurer::measure(std::string_view text, const FontSpec& font) const {
  return shaped(text, font).extent;
}

text::Extent PangoMeasurer::measure_carets(std::string_view text, const FontSpec& font,
                                           std::vector<double>& carets) const {
  const ShapedText& s = shaped(text, font);
  caret_positions(s, text.size(), carets);
  return s.extent;
}

void PangoMeasurer::breaks(std::string_view text, std::vector<text::Break>& out) const {
  // Layout asks for the breaks of a text it has just measured: its shaping
  // found them already.
  for (const auto& cache : caches_) {
    const auto shaping = cache->texts.find(text);
    if (shaping != cache->texts.end() && shaping->second.breaks.size() == text.size() + 1) {
      out.assign(shaping->second.breaks.begin(), shaping->second.breaks.end());
      return;
    }
  }
  auto found = breaks_.find(text);
  if (found == breaks_.end()) found = breaks_.emplace(std::string(text), break_opportunities(text)).first;
  out.assign(found->second.begin(), found->second.end());
}

std::vector<text::Break> PangoMeasurer::break_opportunities(std::string_view text) const {
  std::vector<text::Break> out;
  // Offsets of bytes Pango would not see as they are have no attributes to
  // map back: such text keeps the default rule.
  if (repaired_utf8(text)) {
    TextMeasurer::breaks(text, out);
    return out;
  }
  const glong chars = g_utf8_strlen(text.data(), static_cast<gssize>(text.size()));
  std::vector<PangoLogAttr> attrs(static_cast<std::size_t>(chars) + 1);
  pango_get_log_attrs(text.data(), static_cast<int>(text.size()), -1, pango_context_get_language(context_.get()),
                      attrs.data(), static_cast<int>(attrs.size()));
  return from_log_attrs(text, attrs.data(), attrs.size());
}

int PangoMeasurer::unknown_glyphs(std::string_view text, const FontSpec& font) const {
  int unknown = 0;
  for (const GlyphRun& run : shaped(text, font).runs) {
    const PangoGlyphString* g = run.glyphs->glyphs;
    for (int i = 0; i < g->num_glyphs; ++i) unknown += (g->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
  }
  return unknown;
}

}  // namespace annals::render
