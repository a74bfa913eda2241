#include "layout/rows/plans.h"

#include <algorithm>

namespace annals::layout {

std::vector<EventPlan> plan_events(const ChartInput& in, const PlanContext& ctx, MarkUse& uses,
                                   std::size_t& shortened) {
  std::vector<EventPlan> plans;
  plans.reserve(in.chart->events.size());
  const auto plan = [&](const styled::Event& e) { return plan_event(e, ctx, *in.measurer); };
  for (const auto& e : in.chart->events) {
    if (in.fit.extra_lines > 0) {
      styled::Event wider = e;
      wider.style.max_label_lines += in.fit.extra_lines;
      plans.push_back(plan(wider));
    } else {
      plans.push_back(plan(e));
    }
    const auto& u = plans.back().uses;
    uses = {uses.band || u.band, uses.fade || u.fade, uses.open || u.open};
    if (plans.back().shortened) ++shortened;
  }
  return plans;
}

namespace {

// The time `want` covers at the rate of the stretch that holds its start:
// past the stretch's end it reaches into the time the break left out.
scale::Interval wanted_time(const scale::TimeScale& s, Extent want) {
  const auto& seg = s.segments();
  const auto at = std::find_if(seg.begin(), seg.end(), [&](const scale::Segment& g) { return want.begin <= g.x1; });
  const scale::Segment& g = at == seg.end() ? seg.back() : *at;
  const double rate = (g.x1 - g.x0) / static_cast<double>(std::max<scale::Seconds>(1, g.t1 - g.t0));
  const auto time_at = [&](double x) { return g.t0 + static_cast<scale::Seconds>((x - g.x0) / rate); };
  return {time_at(want.begin), time_at(want.end)};
}

}  // namespace

Planned plan_on_scale(const ChartInput& in, PlanContext ctx, double x0, double x1, double gap) {
  const auto& t = *in.chart;
  std::vector<scale::Interval> kept;  // time under labels that crossed a break
  Planned p;
  constexpr int kTries = 4;
  for (int attempt = 0;; ++attempt) {
    p.scale = attempt < kTries ? chart_scale(t, in.domain, x0, x1, gap, kept)
                               : scale::linear(in.domain.begin, in.domain.end, x0, x1);
    ctx.scale = &p.scale;
    p.uses = {};
    p.shortened = 0;
    p.plans = plan_events(in, ctx, p.uses, p.shortened);
    const auto breaks = breaks_of(p.scale);
    if (breaks.empty()) return p;
    const std::size_t before = kept.size();
    // Once: time for the labels their stretch squeezed, at the stretch's
    // rate (the rate falls a little as the axis keeps more time, so asking
    // again would never settle).
    if (attempt == 0)
      for (const auto& plan : p.plans)
        if (plan.wants) kept.push_back(wanted_time(p.scale, *plan.wants));
    for (const auto& plan : p.plans) {
      const Box& b = plan.label_box;
      const double lo = b.x, hi = b.right();  // along t
      const bool crosses = std::any_of(breaks.begin(), breaks.end(),
                                       [&](const AxisBreak& k) { return lo < k.b && hi > k.a; });
      if (crosses) kept.push_back({p.scale.to_time(lo), p.scale.to_time(hi)});
    }
    if (kept.size() == before) return p;
  }
}

std::vector<AxisBreak> breaks_of(const scale::TimeScale& s) {
  std::vector<AxisBreak> out;
  const auto& seg = s.segments();
  for (std::size_t i = 0; i + 1 < seg.size(); ++i) out.push_back({seg[i].t1, seg[i + 1].t0, seg[i].x1, seg[i + 1].x0});
  return out;
}

}  // namespace annals::layout
