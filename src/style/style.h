#pragma once
// The cascade: a Style is built by applying raw property sheets
// (base/property.h) in cascade order over the built-in defaults, and each
// lane, event, era and marker gets its own resolved values from it; see
// FORMAT.md §2. The values themselves are style/values.h.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/color.h"
#include "base/diagnostics.h"
#include "base/property.h"
#include "style/values.h"

namespace annals::style {

// The built-in defaults (the weakest layer of the cascade).
Style defaults();

// Applies one property ("event.marker" = "diamond"): validates the key and the
// value, reporting problems at the property's position (unknown keys are
// warnings with a "did you mean"; bad values are errors) and leaving the
// style unchanged for a rejected property. Tag sheets ("tag.war.color") are
// checked and stored in Style::tags["war"] as event keys ("event.color").
// A sheet's "font.*" keys are applied before its other keys.
void apply(Style& s, const Property& p, Diagnostics& diags);
void apply(Style& s, const PropertySheet& sheet, Diagnostics& diags);

// Style for one event: the base event style with the lane's colour and
// sheet, the event's tags, the event's own sheet and then the command
// line's `--set event.*` applied in that order (FORMAT.md §2).
// The colour of lane number `lane_index`: the lane sheet's "lane.color" when
// given, else a style's own `event.color`, else the palette's colours in turn. Checks the whole lane sheet once
// (event_style() does not report its problems again).
Color lane_color(const Style& s, std::size_t lane_index, const PropertySheet& lane, Diagnostics& diags);

// The sheet lane number `lane_index` gives its events: the palette's mark for
// that lane (palette.markers, when the style has them and sets no
// event.marker of its own), then the lane's own keys, which win. Lanes are
// then told apart by shape where colour alone is not enough (grey print).
PropertySheet lane_event_sheet(const Style& s, std::size_t lane_index, const PropertySheet& lane);

// Problems in `lane` are reported by lane_color(), those of the tag sheets
// when the style was applied and those of `command_line` when it was applied
// to the whole style: here only the event's own sheet is reported.
EventStyle event_style(const Style& s, const Color& lane_color, const PropertySheet& lane,
                       const std::vector<std::string>& tags, const PropertySheet& event,
                       const PropertySheet& command_line, Diagnostics& diags);

// An era's or a marker's style: the style's [era] or [marker] with that
// item's own "era.*" or "marker.*" keys; other keys are reported.
EraStyle era_style(const Style& s, const PropertySheet& era, Diagnostics& diags);
MarkerStyle marker_style(const Style& s, const PropertySheet& marker, Diagnostics& diags);

// `base` with every colour taken from `colors` and every other value kept:
// the same chart, laid out alike, in another style's colours (svg.dark).
// A colour that is "none" in `base` stays none (so nothing is drawn that
// was not), and one that `colors` leaves none keeps `base`'s.
Style with_colors_of(const Style& base, const Style& colors);

// Every known key ("page.size", "event.marker", ...) for "did you mean" and docs.
std::span<const std::string_view> known_keys();

}  // namespace annals::style
