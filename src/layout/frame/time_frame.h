#pragma once
// The time scale of a chart: the domain from everything dated (or the
// timeline's own window), made "nice", and linear or collapsed as asked.
#include "scale/time_scale.h"
#include "styled/timeline.h"

#include <vector>

namespace annals::layout {

struct Domain {
  dates::Seconds begin = 0, end = 0;
};

// The time each dated thing covers, [begin, end): an event its whole
// interval (an open span up to now), an era its start to its end, a marker
// its moment. Events first, then eras, then markers, in file order.
std::vector<scale::Interval> occupied_time(const styled::Timeline& chart);
scale::Interval era_time(const styled::Era& era);
scale::Interval marker_time(const styled::Marker& marker);

// The events' extent, made "nice" (eras and markers only when there are no
// events); the timeline's start/end replace the fitted bounds when given.
Domain chart_domain(const styled::Timeline& chart);

// Whether something covering `iv` shows in the window `d` at all (a moment
// on the window's edge does). What does not is left out of the chart.
bool in_window(scale::Interval iv, Domain d);

// The scale over [x0, x1] for `domain`, with long empty stretches collapsed
// when the timeline asks for it (or, with "auto", when worthwhile).
// `gap` is the page length of each break (larger type wants a wider break).
// `also` is time that must stay on the axis besides the dated things (where labels sit).
scale::TimeScale chart_scale(const styled::Timeline& chart, Domain domain, double x0, double x1, double gap = 24,
                             const std::vector<scale::Interval>& also = {});

}  // namespace annals::layout
