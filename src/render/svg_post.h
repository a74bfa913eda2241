#pragma once
// What Cairo's SVG surface cannot write itself, added to its bytes afterwards.
#include <string>
#include <string_view>

#include "scene/scene.h"

namespace annals::render {

// Cairo's SVG with: ids that do not depend on how many surfaces the process
// made before (reproducible bytes), <title>/<desc> from the metadata right
// after the root element, and links as <a> over their boxes. Text stays as
// Cairo's glyph outlines; an invisible text layer (search, copy, screen
// readers) belongs in svg_overlay().
std::string finish_svg(std::string cairo_svg, const scene::Scene& scene);

// XML character data / attribute value: escapes markup characters and drops
// code points XML 1.0 forbids.
std::string xml_escape(std::string_view s);

// Elements drawn above everything Cairo drew, inserted before </svg>.
std::string svg_overlay(const scene::Scene& scene);

}  // namespace annals::render
