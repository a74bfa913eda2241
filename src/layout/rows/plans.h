#pragma once
// Every event's plan (rows/event_plan.h) on the chart's time scale, and the
// scale made again where a label would run across an axis break.
#include <cstddef>
#include <vector>

#include "layout/page/compose.h"

namespace annals::layout {

// The time scale over [x0, x1] and every event's plan on it (ctx's scale is
// set here). A label that could not stay between two axis breaks keeps the
// time under it on the axis: the scale is made again with that time
// occupied, a few times at most and then linear, so no label runs across a break.
struct Planned {
  scale::TimeScale scale;
  std::vector<EventPlan> plans;
  MarkUse uses;
  std::size_t shortened = 0;
};
Planned plan_on_scale(const ChartInput& in, PlanContext ctx, double x0, double x1, double gap);

// Every event's plan in file order; notes the marks used and the labels shortened.
std::vector<EventPlan> plan_events(const ChartInput& in, const PlanContext& ctx, MarkUse& uses,
                                   std::size_t& shortened);

// The collapsed stretches of a scale, for tests and tools.
std::vector<AxisBreak> breaks_of(const scale::TimeScale& s);

}  // namespace annals::layout
