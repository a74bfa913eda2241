#pragma once
// A poster printed on smaller sheets (page.tiles, FORMAT.md §5.6): the page
// as composed, cut into windows that overlap by a strip for gluing, each on
// a sheet of the tile size inside a blank frame that carries crop marks at
// the window's corners, guides at the overlap and the sheet's place.
#include "base/diagnostics.h"
#include "scene/scene.h"
#include "style/values.h"
#include "text/measurer.h"

namespace annals::layout {

inline constexpr double kTileFrame = 12 * 72 / 25.4;    // the blank frame on every side of a sheet (12 mm)
inline constexpr double kTileOverlap = 10 * 72 / 25.4;  // what neighbouring sheets show twice (10 mm)

// The sheets of `st.page.tiles` (portrait or landscape, whichever needs
// fewer) that print `poster` — every page of it — row by row, left to
// right: the first sheet, holding the others in Scene::more_pages. A tile
// size that holds the whole page on one sheet is an error at the key, and
// `poster` comes back unchanged.
scene::Scene tile(scene::Scene poster, const style::Style& st, const text::TextMeasurer& measurer,
                  Diagnostics& diags);

}  // namespace annals::layout
