#pragma once
// svg.dark: a <style> that gives an SVG the colours of a dark style when the
// reader prefers a dark colour scheme. A post-step on the finished SVG text,
// keyed on the colours its elements are painted with (fill, stroke and
// gradient stops, in style properties or attributes), so it serves glyph
// outlines and <text> alike and needs nothing from the code that wrote them.
#include <string>
#include <string_view>
#include <vector>

#include "scene/scene.h"

namespace annals::render {

// `@media (prefers-color-scheme: dark)` rules mapping each colour `svg`
// paints with that `pairs` names (scene::pair_colors) to its dark
// counterpart, as one <style> element; "" when none applies.
std::string dark_scheme_style(std::string_view svg, const std::vector<scene::ColorPair>& pairs);

}  // namespace annals::render
