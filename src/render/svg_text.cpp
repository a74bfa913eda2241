#include "render/svg_text.h"

#include <fmt/format.h>
#include <glib.h>
#include <hb-subset.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace annals::render {

namespace {

struct BlobDestroy {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};
struct InputDestroy {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct FaceDestroy {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};

Color color_at(const scene::Text& t, std::size_t index) {
  for (const scene::ColorSpan& s : t.spans)
    if (index >= s.begin && index < s.end) return s.color;
  return t.color;
}

int channel(double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); }

// ` fill="#rrggbb"` (and its opacity when not opaque).
void append_fill(std::string& out, const Color& c) {
  fmt::format_to(std::back_inserter(out), " fill=\"#{:02x}{:02x}{:02x}\"", channel(c.r), channel(c.g), channel(c.b));
  if (c.a < 1) {
    out += " fill-opacity=\"";
    append_number(out, c.a);
    out += '"';
  }
}

// UTF-16 code units of the character starting with byte `lead` (SVG numbers
// its positions per code unit).
int utf16_units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }
bool starts_char(unsigned char b) { return (b & 0xC0) != 0x80; }

bool is_rtl(const PangoGlyphItem* g) { return g->item->analysis.level % 2 == 1; }

// CSS / XML-safe: installed family names are plain words, but any quote or
// markup character is dropped rather than trusted.
std::string css_family(std::string_view name) {
  std::string out;
  for (char c : name)
    if (c != '\'' && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != ';') out += c;
  return out;
}

// Scripts whose letters keep their own glyphs wherever they stand, so each
// can be placed where Pango put it; others reorder, join or stack letters.
bool shapes_letter_by_letter(PangoScript script) {
  switch (script) {
    case PANGO_SCRIPT_COMMON:
    case PANGO_SCRIPT_INHERITED:
    case PANGO_SCRIPT_LATIN:
    case PANGO_SCRIPT_GREEK:
    case PANGO_SCRIPT_CYRILLIC:
    case PANGO_SCRIPT_ARMENIAN:
    case PANGO_SCRIPT_GEORGIAN:
    case PANGO_SCRIPT_HAN:
    case PANGO_SCRIPT_HIRAGANA:
    case PANGO_SCRIPT_KATAKANA:
    case PANGO_SCRIPT_HANGUL:
    case PANGO_SCRIPT_BOPOMOFO:
      return true;
    default:
      return false;
  }
}

}  // namespace

SvgGlyphText::SvgGlyphText(const PangoMeasurer& measurer, SubsetSources& sources, std::string id_prefix)
    : measurer_(measurer), sources_(sources), prefix_(std::move(id_prefix)) {}

SvgGlyphText::~SvgGlyphText() {
  for (Face& f : faces_) hb_face_destroy(f.face);
}

int SvgGlyphText::face_of(PangoFont* font, bool italic) {
  auto& cache = by_font_[italic ? 1 : 0];
  if (const auto it = cache.find(font); it != cache.end()) return it->second;
  hb_font_t* hb = pango_font_get_hb_font(font);
  hb_face_t* face = hb ? hb_font_get_face(hb) : nullptr;
  if (face == nullptr) return cache[font] = -1;
  const auto [entry, fresh] = by_face_.try_emplace({face, italic}, static_cast<int>(faces_.size()));
  if (fresh) {
    Face f;
    f.face = hb_face_reference(face);
    f.italic = italic;
    PangoFontDescription* d = pango_font_describe(font);
    if (const char* family = pango_font_description_get_family(d)) f.family = css_family(family);
    pango_font_description_free(d);
    f.glyphs.reset(hb_set_create());
    f.codepoints.reset(hb_set_create());
    faces_.push_back(std::move(f));
  }
  return cache[font] = entry->second;
}

void SvgGlyphText::write(const std::vector<const scene::Text*>& lines, std::string_view title, std::string& out) {
  if (lines.empty()) return;
  const scene::Text& first = *lines.front();
  const ShapedText& shaped = measurer_.shaped(first.text, first.font);
  // The element's own origin: positions inside are small numbers.
  const double x0 = first.box.x, y0 = first.box.y + shaped.extent.baseline;
  int main_face = -1;
  if (!shaped.runs.empty()) main_face = face_of(shaped.runs.front().glyphs->item->analysis.font, first.font.italic);
  out += "<text transform=\"translate(";
  append_number(out, x0);
  out += ' ';
  append_number(out, y0);
  out += ")\"";
  // What the layer does not already say.
  if (std::string family = family_attr(main_face, first.font); family != default_family_) out += family;
  std::string size = " font-size=\"";
  append_number(size, first.font.size);
  size += '"';
  if (size != default_size_) out += size;
  if (first.font.weight != 400) fmt::format_to(std::back_inserter(out), " font-weight=\"{}\"", first.font.weight);
  if (first.font.italic) out += " font-style=\"italic\"";
  std::string fill;
  append_fill(fill, first.color);
  if (fill != default_fill_) out += fill;
  std::string xs, body;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    xs.clear(), body.clear();
    write_line(*lines[i], x0, main_face, first.color, xs, body);
    if (i == 0) {
      // The first line's positions on the element itself; what follows it
      // in other lines or colours nests inside.
      if (!xs.empty()) out += " x=\"" + xs + '"';
      out += '>';
      if (!title.empty()) out += "<title>" + xml_escape(title) + "</title>";
      out += body;
      continue;
    }
    // A space between lines, as the text had where it was wrapped, so a
    // search for words across the break still finds them.
    out += " <tspan y=\"";
    append_number(out, lines[i]->box.y + measurer_.shaped(lines[i]->text, lines[i]->font).extent.baseline - y0);
    out += '"';
    if (!xs.empty()) out += " x=\"" + xs + '"';
    out += '>' + body + "</tspan>";
  }
  out += "</text>\n";
}

void SvgGlyphText::write_line(const scene::Text& t, double x0, int main_face, const Color& fill,
                              std::string& xs, std::string& body) {
  const ShapedText& shaped = measurer_.shaped(t.text, t.font);
  const std::string_view text = shaped.text;
  if (text.empty()) return;
  // The x of each cluster (at its first byte), from the left of the text box.
  byte_x_.assign(text.size() + 1, std::numeric_limits<double>::quiet_NaN());
  struct Run {
    const GlyphRun* run;
    int face;
  };
  std::vector<Run> runs;
  bool any_rtl = false;
  for (const GlyphRun& run : shaped.runs) {
    const PangoGlyphItem* g = run.glyphs.get();
    const int face = face_of(g->item->analysis.font, t.font.italic);
    runs.push_back({&run, face});
    any_rtl = any_rtl || is_rtl(g);
    double pen = run.x;
    const PangoGlyphString* glyphs = g->glyphs;
    for (int i = 0; i < glyphs->num_glyphs; ++i) {
      const auto at = static_cast<std::size_t>(std::clamp(g->item->offset + glyphs->log_clusters[i], 0,
                                                          static_cast<int>(text.size())));
      double& x = byte_x_[at];
      if (std::isnan(x) || pen < x) x = pen;
      const PangoGlyph glyph = glyphs->glyphs[i].glyph;
      if (face >= 0 && (glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0 && glyph != PANGO_GLYPH_EMPTY)
        hb_set_add(faces_[static_cast<std::size_t>(face)].glyphs.get(), glyph);
      pen += static_cast<double>(glyphs->glyphs[i].geometry.width) / PANGO_SCALE;
    }
    if (face >= 0) {
      const char* p = text.data() + g->item->offset;
      const char* end = p + g->item->length;
      for (; p < end; p = g_utf8_next_char(p))
        hb_set_add(faces_[static_cast<std::size_t>(face)].codepoints.get(), g_utf8_get_char(p));
    }
  }
  // Logical order, so what is copied, found and read is the text as written.
  std::sort(runs.begin(), runs.end(),
            [](const Run& a, const Run& b) { return a.run->glyphs->item->offset < b.run->glyphs->item->offset; });
  const double dx = t.box.x - x0;
  // Where the cluster starting at byte `b` ends: the next cluster's first byte.
  const auto cluster_end = [&](std::size_t b) {
    std::size_t e = b + 1;
    while (e < text.size() && std::isnan(byte_x_[e])) ++e;
    return e;
  };
  const auto several_chars = [&](std::size_t b, std::size_t e) {
    for (std::size_t i = b + 1; i < e; ++i)
      if (starts_char(static_cast<unsigned char>(text[i]))) return true;
    return false;
  };
  // The x of the cluster that byte `b` is in: a colour span may begin
  // inside a cluster (a title that starts with a combining mark).
  const auto x_at = [&](std::size_t b) {
    while (b > 0 && std::isnan(byte_x_[b])) --b;
    return std::isnan(byte_x_[b]) ? 0.0 : byte_x_[b];
  };
  // Every character's x, in order, for a piece of single-character clusters.
  const auto positions = [&](std::size_t b, std::size_t e, std::string& to) {
    double x = x_at(b);
    for (std::size_t i = b; i < e; ++i) {
      const auto lead = static_cast<unsigned char>(text[i]);
      if (!starts_char(lead)) continue;
      if (!std::isnan(byte_x_[i])) x = byte_x_[i];
      for (int u = 0; u < utf16_units(lead); ++u) {
        if (!to.empty()) to += ' ';
        append_number(to, x + dx, false);
      }
    }
  };
  // A right-to-left piece, or a cluster of several characters (a ligature
  // such as "fi", a letter and its marks, an Indic syllable), is placed by
  // its left edge and shaped by the viewer as Pango did: a browser shapes
  // each positioned character on its own, so an x for every character of a
  // cluster would draw its glyphs on top of one another ("Pacif c", marks on
  // the letter before). Until the first such piece, the line's characters
  // take their x from the list of the element around them (`xs`); after
  // it, each piece carries its own.
  bool listing = !any_rtl;
  const auto left_edge = [&](std::size_t b, std::size_t e) {
    double left = std::numeric_limits<double>::infinity();
    for (std::size_t i = b; i < e; ++i)
      if (!std::isnan(byte_x_[i])) left = std::min(left, byte_x_[i]);
    std::string to;
    append_number(to, (std::isfinite(left) ? left : x_at(b)) + dx, false);
    return to;
  };
  const auto emit = [&](std::size_t b, std::size_t e, const std::string& attrs, bool whole) {
    const std::string escaped = xml_escape(text.substr(b, e - b));
    if (whole) listing = false;
    if (listing) {
      positions(b, e, xs);
      if (attrs.empty()) body += escaped;
      else body += "<tspan" + attrs + '>' + escaped + "</tspan>";
      return;
    }
    std::string own;
    if (whole) own = left_edge(b, e);
    else positions(b, e, own);
    body += "<tspan" + attrs + " x=\"" + own + "\">" + escaped + "</tspan>";
  };
  for (const Run& r : runs) {
    const PangoItem* item = r.run->glyphs->item;
    const auto run_begin = static_cast<std::size_t>(item->offset);
    const auto run_end = std::min(text.size(), run_begin + static_cast<std::size_t>(item->length));
    // A run in a script whose letters shape together (Indic, Thai, ...) is
    // one piece too: split per cluster, a syllable such as "न्दी" falls
    // apart in the viewer.
    const bool whole =
        is_rtl(r.run->glyphs.get()) || !shapes_letter_by_letter(static_cast<PangoScript>(item->analysis.script));
    // The run's pieces of one colour.
    std::vector<std::size_t> cuts{run_begin, run_end};
    for (const scene::ColorSpan& s : t.spans)
      for (const std::size_t e : {s.begin, s.end})
        if (e > run_begin && e < run_end) cuts.push_back(e);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
      std::size_t b = cuts[c];
      const std::size_t e = cuts[c + 1];
      while (b < e && !starts_char(static_cast<unsigned char>(text[b]))) ++b;
      if (b >= e) continue;
      const Color color = color_at(t, b);
      std::string attrs;
      if (r.face != main_face && r.face >= 0) attrs += family_attr(r.face, t.font);
      if (!(color == fill)) append_fill(attrs, color);
      if (whole) {
        emit(b, e, attrs, true);
        continue;
      }
      // Single-character clusters together, each cluster of several alone.
      std::size_t from = b;
      for (std::size_t i = b; i < e;) {
        if (std::isnan(byte_x_[i])) {
          ++i;
          continue;
        }
        const std::size_t end = std::min(e, cluster_end(i));
        if (several_chars(i, end)) {
          if (from < i) emit(from, i, attrs, false);
          emit(i, end, attrs, true);
          from = end;
        }
        i = end;
      }
      if (from < e) emit(from, e, attrs, false);
    }
  }
}

std::string SvgGlyphText::family_attr(int face, const FontSpec& font) const {
  if (face < 0) return fmt::format(" font-family=\"{}\"", css_family(font.family));
  return fmt::format(" font-family=\"'{}f{}', '{}'\"", prefix_, face, faces_[static_cast<std::size_t>(face)].family);
}

std::string SvgGlyphText::defaults(const scene::Text& sample) {
  const ShapedText& shaped = measurer_.shaped(sample.text, sample.font);
  const int face = shaped.runs.empty() ? -1 : face_of(shaped.runs.front().glyphs->item->analysis.font, sample.font.italic);
  default_family_ = family_attr(face, sample.font);
  default_size_ = " font-size=\"";
  append_number(default_size_, sample.font.size);
  default_size_ += '"';
  default_fill_.clear();
  append_fill(default_fill_, sample.color);
  return default_family_ + default_size_ + default_fill_;
}

std::string SvgGlyphText::font_faces() {
  std::string rules;
  for (std::size_t i = 0; i < faces_.size(); ++i) {
    Face& f = faces_[i];
    if (hb_set_is_empty(f.glyphs.get()) && hb_set_is_empty(f.codepoints.get())) continue;
    std::unique_ptr<hb_subset_input_t, InputDestroy> input(hb_subset_input_create_or_fail());
    if (!input) continue;
    hb_set_union(hb_subset_input_glyph_set(input.get()), f.glyphs.get());
    hb_set_union(hb_subset_input_unicode_set(input.get()), f.codepoints.get());
    // Hinting is for screens at small pixel sizes without anti-aliasing;
    // the positions are given, so it only adds bytes.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    std::unique_ptr<hb_face_t, FaceDestroy> subset(hb_subset_or_fail(sources_.source(f.face), input.get()));
    if (!subset) continue;  // the text still names the installed family
    std::unique_ptr<hb_blob_t, BlobDestroy> blob(hb_face_reference_blob(subset.get()));
    unsigned int length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (data == nullptr || length == 0) continue;
    std::unique_ptr<hb_blob_t, BlobDestroy> cff(hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' ')));
    const bool otf = hb_blob_get_length(cff.get()) > 0;
    gchar* base64 = g_base64_encode(reinterpret_cast<const guchar*>(data), length);
    // Any weight: the face is what Pango chose for the text, and a browser
    // must neither pick another nor embolden it again.
    rules += fmt::format("@font-face{{font-family:\"{}f{}\";font-weight:1 1000;font-style:{};src:url(data:font/{};base64,{})}}\n",
                         prefix_, i, f.italic ? "italic" : "normal", otf ? "otf" : "ttf", base64);
    g_free(base64);
  }
  if (rules.empty()) return {};
  return "<style>\n" + rules + "</style>\n";
}

}  // namespace annals::render
