#pragma once
// The real TextMeasurer: Pango on a private Cairo font map. Internal to
// render/ (it exposes Pango types); others see only text::TextMeasurer.
#include <pango/pangocairo.h>

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/measurer.h"

namespace annals::render {

struct GObjectUnref {
  void operator()(void* p) const { g_object_unref(p); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

struct GlyphItemFree {
  void operator()(PangoGlyphItem* g) const { pango_glyph_item_free(g); }
};

// One run of glyphs of a shaped text, where it stands in the text's box.
struct GlyphRun {
  std::unique_ptr<PangoGlyphItem, GlyphItemFree> glyphs;  // item (font, byte range) and glyphs
  double x = 0;         // from the left of the text box, pt
  double baseline = 0;  // from the top of the text box, pt
};

// A text as Pango shaped it, kept without the layout around it: its glyph
// runs hold a fraction of a layout's memory and draw with one call each.
struct ShapedText {
  text::Extent extent;
  std::string_view text;  // the valid UTF-8 that was shaped; runs index into it
  std::string repaired;   // what `text` views when the input was not valid UTF-8
  std::vector<GlyphRun> runs;
  // Where a line may break (breaks()), as the shaping found them; empty for
  // text that had to be repaired.
  std::vector<text::Break> breaks;
};

// Shapes every (text, font) once and keeps the glyphs, so the renderer draws
// the very glyphs the layout measured. Not thread-safe: one per Renderer.
class PangoMeasurer final : public text::TextMeasurer {
 public:
  PangoMeasurer();

  text::Extent measure(std::string_view text, const FontSpec& font) const override;
  text::Extent measure_carets(std::string_view text, const FontSpec& font,
                              std::vector<double>& carets) const override;
  // Pango's break opportunities for the text (pango_get_log_attrs, in the
  // context's language): clusters never split, Thai broken between words.
  void breaks(std::string_view text, std::vector<text::Break>& out) const override;
  // `text` in `font` as shaped (now, if it was not measured before).
  const ShapedText& shaped(std::string_view text, const FontSpec& font) const;
  // Glyphs no installed font has (drawn as hex boxes).
  int unknown_glyphs(std::string_view text, const FontSpec& font) const;
  // Every shaped text and break table let go once more than `most` texts
  // are kept; nothing else may hold one of them (a ShapedText, its runs) then.
  void forget(std::size_t most) const;
  // The context every text is shaped in (its font map answers font questions).
  PangoContext* context() const { return context_.get(); }

 private:
  // Lookups by string_view, so finding a shaped label allocates nothing.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Shapings = std::unordered_map<std::string, ShapedText, TextHash, std::equal_to<>>;
  // Break opportunities depend on the text alone, not its font, and cost
  // as much as shaping it: each text's are found once, for all its fonts.
  using BreakTable = std::unordered_map<std::string, std::vector<text::Break>, TextHash, std::equal_to<>>;
  // A chart uses a handful of fonts: one table of shaped texts per font.
  struct FontCache {
    FontSpec font;
    std::unique_ptr<PangoFontDescription, void (*)(PangoFontDescription*)> description;
    Shapings texts;
  };
  FontCache& cache_for(const FontSpec& font) const;
  std::vector<text::Break> break_opportunities(std::string_view text) const;

  GPtr<PangoFontMap> font_map_;
  GPtr<PangoContext> context_;
  GPtr<PangoLayout> layout_;  // reused for every shaping
  mutable std::vector<std::unique_ptr<FontCache>> caches_;
  mutable BreakTable breaks_;
};

}  // namespace annals::render
