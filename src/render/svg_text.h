#pragma once
// The text of an SVG as real <text>: selectable, found by find-in-page and
// read by screen readers, every glyph at the position Pango measured (so a
// viewer without the font still cannot make two labels overlap), in the
// fonts' used glyphs embedded as subsets (@font-face with a data: URL).
// Internal to render/.
#include <hb.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "render/pango_measurer.h"
#include "render/subset_sources.h"
#include "render/svg_post.h"

namespace annals::render {

class SvgGlyphText final : public SvgTextWriter {
 public:
  // Font families are named `id_prefix` + "f0", "f1", …: unique per chart,
  // like its ids, so charts inline in one page never take each other's subset.
  // `sources` outlives it and may serve other SVGs too.
  SvgGlyphText(const PangoMeasurer& measurer, SubsetSources& sources, std::string id_prefix);
  ~SvgGlyphText() override;
  SvgGlyphText(const SvgGlyphText&) = delete;
  SvgGlyphText& operator=(const SvgGlyphText&) = delete;

  void write(const std::vector<const scene::Text*>& lines, std::string_view title, std::string& out) override;
  std::string font_faces() override;
  std::string defaults(const scene::Text& sample) override;

 private:
  struct SetDestroy {
    void operator()(hb_set_t* s) const { hb_set_destroy(s); }
  };
  // One embedded font: a face (file and index) in one style.
  struct Face {
    hb_face_t* face = nullptr;  // referenced
    bool italic = false;
    std::string family;  // the installed family, for viewers that ignore @font-face
    std::unique_ptr<hb_set_t, SetDestroy> glyphs, codepoints;
  };
  int face_of(PangoFont* font, bool italic);
  // One line: the x of each of its characters (relative to x0) into `xs`,
  // up to the first piece the viewer must shape whole (a cluster of several
  // characters, a right-to-left or joining run), which carries its own x;
  // its text, with a <tspan> where the font or colour changes, into `body`.
  void write_line(const scene::Text& t, double x0, int main_face, const Color& fill, std::string& xs,
                  std::string& body);

  const PangoMeasurer& measurer_;
  SubsetSources& sources_;
  std::string prefix_;
  std::vector<Face> faces_;
  std::map<std::pair<hb_face_t*, bool>, int> by_face_;
  std::unordered_map<PangoFont*, int> by_font_[2];  // [italic]
  std::string family_attr(int face, const FontSpec& font) const;
  std::string default_family_, default_size_, default_fill_;  // as written on the layer
  std::vector<double> byte_x_;                       // scratch: x of each cluster's first byte
};


}  // namespace annals::render
