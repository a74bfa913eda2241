#pragma once
// The cascade applied to a whole timeline: from the model and its style to
// the styled timeline (styled/timeline.h). Every style problem of a lane,
// event, era or marker is reported here, once, so that `annals check`
// reports exactly what a render would.
#include <cstddef>
#include <vector>

#include "base/diagnostics.h"
#include "base/property.h"
#include "dates/date.h"
#include "model/timeline.h"
#include "style/style.h"
#include "styled/timeline.h"

namespace annals::styled {

struct Options {
  dates::Date now;             // what "present" means (already chosen by the caller)
  PropertySheet command_line;  // `--set KEY=VALUE`, strongest in the cascade
};

// `style` is already resolved up to the timeline's [style] table and the
// command line's --set for non-event keys.
Timeline resolve(const model::Timeline& timeline, const style::Style& style, const Options& options,
                 Diagnostics& diags);

// The steps of resolve(), each on its own for tests.

// Each lane's colour (the palette's in turn, or its own); a default lane when
// the timeline has none.
std::vector<Lane> resolve_lanes(const model::Timeline& timeline, const style::Style& style, Diagnostics& diags);
std::vector<Event> resolve_events(const model::Timeline& timeline, const style::Style& style,
                                  const std::vector<Lane>& lanes, const Options& options, Diagnostics& diags);
std::vector<Era> resolve_eras(const model::Timeline& timeline, const style::Style& style, const dates::Date& now,
                              Diagnostics& diags);
std::vector<Marker> resolve_markers(const model::Timeline& timeline, const style::Style& style,
                                    const dates::Date& now, Diagnostics& diags);

// A date with "present" replaced by now.
dates::Date resolved(const dates::Date& d, const dates::Date& now);

}  // namespace annals::styled
