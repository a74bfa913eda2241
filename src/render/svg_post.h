#pragma once
// What Cairo's SVG surface cannot write itself, added to its bytes afterwards.
#include <string>
#include <string_view>

#include "scene/scene.h"

namespace annals::render {

// Cairo's SVG with: ids that do not depend on how many surfaces the process
// made before (reproducible bytes), <title>/<desc> from the metadata right
// after the root element, and svg_overlay() above the drawing.
std::string finish_svg(std::string_view cairo_svg, const scene::Scene& scene);

// XML character data / attribute value: escapes markup characters and drops
// code points XML 1.0 forbids.
std::string xml_escape(std::string_view s);

// Elements above everything Cairo drew, inserted before </svg>, all fully
// transparent: an invisible <text> for each drawn line (same position, font,
// size and width; Cairo writes glyph outlines, so search, copy and screen
// readers need it), each event as <g class="event" id="event-ID"> with a
// <title> tooltip of its full title and description over its mark and label,
// wrapped in <a href> when it has a url. Deterministic: scene order only.
std::string svg_overlay(const scene::Scene& scene);

}  // namespace annals::render
