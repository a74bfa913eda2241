#pragma once
// What Cairo's SVG surface cannot write itself, added to its bytes afterwards.
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scene/scene.h"

namespace annals::render {

// Cairo's SVG with: every id and reference to one starting with `id_prefix`
// (so charts inline in one page keep apart), Cairo's surfaces numbered in
// order of appearance (reproducible bytes), a root style that lets an inline
// chart shrink with its page, <title>/<desc> from the metadata right after
// the root element, and svg_overlay() above the drawing.
std::string finish_svg(std::string_view cairo_svg, const scene::Scene& scene, std::string id_prefix = "");

// The default id prefix of a chart: "a" and six hex digits from a hash of
// what it shows, then "-" — the same chart always gets the same one.
std::string content_id_prefix(const scene::Scene& scene);


// finish_svg() on Cairo's bytes as its stream hands them over, so a chart
// of hundreds of megabytes is not first gathered and then copied again.
class SvgFinisher {
 public:
  // `expected_size`: about how many bytes Cairo will write (a reservation, not a limit).
  SvgFinisher(const scene::Scene& scene, std::size_t expected_size, std::string id_prefix = "");
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

// XML character data / attribute value: escapes markup characters and drops
// code points XML 1.0 forbids.
std::string xml_escape(std::string_view s);

// Elements above everything Cairo drew, inserted before </svg>, all fully
// transparent: an invisible <text> for each drawn line (same position, font,
// size and width; Cairo writes glyph outlines, so search, copy and screen
// readers need it), each event as <g class="event" id="event-ID"> with a
// <title> tooltip of its full title and description over its mark and label,
// wrapped in <a href> when it has a url. Deterministic: scene order only.
// Its ids start with `id_prefix`.
std::string svg_overlay(const scene::Scene& scene, std::string_view id_prefix = "");

}  // namespace annals::render
