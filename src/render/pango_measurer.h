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

// Shapes every (text, font) once and keeps the layout, so the renderer draws
// the very glyphs the layout measured. Not thread-safe: one per Renderer.
class PangoMeasurer final : public text::TextMeasurer {
 public:
  PangoMeasurer();

  text::Extent measure(std::string_view text, const FontSpec& font) const override;
  text::Extent measure_carets(std::string_view text, const FontSpec& font,
                              std::vector<double>& carets) const override;
  // The shaped layout for `text` in `font` (shaped now if not measured before).
  PangoLayout* layout(std::string_view text, const FontSpec& font) const;
  // Glyphs no installed font has (drawn as hex boxes).
  int unknown_glyphs(std::string_view text, const FontSpec& font) const;

 private:
  // Lookups by string_view, so finding a shaped label allocates nothing.
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Layouts = std::unordered_map<std::string, GPtr<PangoLayout>, TextHash, std::equal_to<>>;
  // A chart uses a handful of fonts: one table of shaped texts per font.
  struct FontCache {
    FontSpec font;
    std::unique_ptr<PangoFontDescription, void (*)(PangoFontDescription*)> description;
    Layouts layouts;
  };
  FontCache& cache_for(const FontSpec& font) const;

  GPtr<PangoFontMap> font_map_;
  GPtr<PangoContext> context_;
  mutable std::vector<std::unique_ptr<FontCache>> caches_;
};

}  // namespace annals::render
