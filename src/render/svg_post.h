#pragma once
// What Cairo's SVG surface cannot write itself, added to its bytes afterwards.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scene/scene.h"

namespace annals::render {

// Writes the drawn text of an SVG as real, visible <text> (`svg.text =
// "text"`): every glyph where the renderer placed it, in fonts embedded as
// subsets. The overlay asks it for each item's lines, then for the fonts.
class SvgTextWriter {
 public:
  virtual ~SvgTextWriter() = default;
  // Appends one <text> element holding `lines` (a label's or a title's
  // lines, top to bottom), each a <tspan> at its own baseline; `title`, when
  // not empty, becomes the element's <title> tooltip.
  virtual void write(const std::vector<const scene::Text*>& lines, std::string_view title, std::string& out) = 0;
  // A <style> element with an @font-face for each font written so far
  // (only the glyphs used), or "" when nothing was written.
  virtual std::string font_faces() = 0;
  // Presentation attributes for the layer's <g> taken from `sample` (the
  // most common kind of line: an event's label), which lines like it then
  // inherit instead of repeating.
  virtual std::string defaults(const scene::Text& sample) = 0;
};

// Cairo's SVG with: every id and reference to one starting with `id_prefix`
// (so charts inline in one page keep apart), Cairo's surfaces numbered in
// order of appearance (reproducible bytes), a root style that lets an inline
// chart shrink with its page, <title>/<desc> from the metadata right after
// the root element, and svg_overlay() above the drawing.
std::string finish_svg(std::string_view cairo_svg, const scene::Scene& scene, std::string id_prefix = "",
                       SvgTextWriter* text = nullptr);

// The default id prefix of a chart: "a" and six hex digits from a hash of
// what it shows, then "-" — the same chart always gets the same one.
std::string content_id_prefix(const scene::Scene& scene);


// finish_svg() on Cairo's bytes as its stream hands them over, so a chart
// of hundreds of megabytes is not first gathered and then copied again.
class SvgFinisher {
 public:
  // `expected_size`: about how many bytes Cairo will write (a reservation, not a limit).
  SvgFinisher(const scene::Scene& scene, std::size_t expected_size, std::string id_prefix = "",
              SvgTextWriter* text = nullptr);
  // A finisher whose layer comes later, through set_overlay(), so the layer
  // can be written while Cairo draws.
  struct OverlayLater {};
  SvgFinisher(const scene::Scene& scene, std::size_t expected_size, std::string id_prefix, OverlayLater);
  void set_overlay(std::string overlay) { overlay_ = std::move(overlay); }
  void append(std::string_view bytes);
  std::string finish() &&;

 private:
  void append_lines(std::string_view bytes);

  std::string metadata_;
  std::string overlay_;
  std::string out_;
  std::string pending_;  // the bytes before the root element's start tag ends
  std::string line_;     // the start of a line Cairo has not finished writing
  bool rooted_ = false;
  std::size_t root_ = std::string::npos;  // where "<svg" starts in `pending_`
  std::size_t searched_ = 0;              // `pending_` holds no '>' after root_ before this
  std::string prefix_;
  std::map<std::string, int, std::less<>> ids_;
  std::vector<scene::ColorPair> dark_colors_;  // svg.dark: a <style> for a dark colour scheme
};

// Appends `v` with at most two decimals (one with `precise` false) and no
// trailing zeros ("12", "12.5", "-0.25").
void append_number(std::string& out, double v, bool precise = true);

// `svg` with the numbers of every path's data (` d="…"`) written to 0.01
// (Cairo writes six decimals: a hundredth of a point is far below what any
// screen or printer shows, and the paths take a third of the bytes).
std::string compact_path_data(std::string_view svg);

// XML character data / attribute value: escapes markup characters and drops
// code points XML 1.0 forbids.
std::string xml_escape(std::string_view s);

// Elements above everything Cairo drew, inserted before </svg>: each event
// as <g class="event" id="event-ID"> with a <title> tooltip of its full title
// and description over its mark and label, wrapped in <a href> when it has a
// url, and the chart's text in reading order (title, then each lane followed
// by its events in time order, then axis, legend and source). Without
// `text` the lines are invisible copies of what Cairo drew as outlines (same
// position, font, size and width, for search, copy and screen readers); with
// it they are the visible text itself. Deterministic: scene order only. Its
// ids start with `id_prefix`.
std::string svg_overlay(const scene::Scene& scene, std::string_view id_prefix = "", SvgTextWriter* text = nullptr);

}  // namespace annals::render
