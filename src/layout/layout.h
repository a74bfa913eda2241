#pragma once
// From a timeline and its style to a finished Scene: lanes, rows, labels
// without collisions, eras, markers, axis, title, legend, page fitting.
#include "base/diagnostics.h"
#include "base/property.h"
#include "dates/date.h"
#include "model/timeline.h"
#include "scene/scene.h"
#include "style/style.h"
#include "text/measurer.h"

namespace annals::layout {

struct Options {
  dates::Date now;                // what "present" means (already chosen by the caller)
  PropertySheet command_line;     // `--set KEY=VALUE`, strongest in the cascade
  std::string creator = "annals"; // PDF/SVG metadata
};

// `style` is already resolved up to the timeline's [style] table and the
// command line's --set for non-event keys. Problems (a page too small, a
// shortened label) go to `diags` as warnings.
scene::Scene layout(const model::Timeline& timeline, const style::Style& style,
                    const Options& options, const text::TextMeasurer& measurer,
                    Diagnostics& diags);

}  // namespace annals::layout
