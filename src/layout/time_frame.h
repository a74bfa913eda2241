#pragma once
// The time scale of a chart: the domain from everything dated (or the
// timeline's own window), made "nice", and linear or collapsed as asked.
#include "layout/resolve.h"
#include "model/timeline.h"
#include "scale/time_scale.h"

namespace annals::layout {

struct Domain {
  dates::Seconds begin = 0, end = 0;
};

// Everything that must be visible: events, eras, markers; the timeline's
// start/end replace the fitted bounds when given.
Domain chart_domain(const model::Timeline& timeline, const Resolved& resolved, const dates::Date& now);

// The scale over [x0, x1] for `domain`, with long empty stretches collapsed
// when the timeline asks for it (or, with "auto", when worthwhile).
// `gap` is the page length of each break (larger type wants a wider break).
scale::TimeScale chart_scale(const model::Timeline& timeline, const Resolved& resolved,
                             const dates::Date& now, Domain domain, double x0, double x1, double gap = 24);

}  // namespace annals::layout
