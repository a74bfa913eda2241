// Tick choice: for each segment, the finest step of the interval table whose
// measured labels keep `min_gap` apart; ticks on calendar boundaries; concise
// labels (the finest unit on level 0, the context — year, month or day —
// once on level 1 where it changes), as matplotlib's ConciseDateFormatter.
#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "dates/locale.h"
#include "scale/calendar.h"
#include "scale/time_scale.h"

namespace annals::scale {
namespace {

using detail::Step;
using detail::Unit;

constexpr double kMinMinorSpacing = 4;  // pt; denser minor ticks are noise

struct Mark {
  Seconds t = 0;
  double x = 0;
  bool optional = false;  // an extra tick (year 1 at the era boundary) dropped when crowded
};

double page_of(const Segment& seg, Seconds t) {
  return seg.x0 + (seg.x1 - seg.x0) * (static_cast<double>(t - seg.t0) / static_cast<double>(seg.t1 - seg.t0));
}

double ratio_of(const Segment& seg) {
  return seg.t1 > seg.t0 ? (seg.x1 - seg.x0) / static_cast<double>(seg.t1 - seg.t0) : 0.0;
}

// The step's boundaries inside the segment, or nothing when there are more than `cap`.
std::optional<std::vector<Mark>> boundaries(const Segment& seg, const Step& step, std::size_t cap) {
  std::vector<Mark> marks;
  Seconds t = detail::floor_to(seg.t0, step);
  if (t < seg.t0) t = detail::next_after(t, step);
  for (; t <= seg.t1; t = detail::next_after(t, step)) {
    if (marks.size() == cap) return std::nullopt;
    marks.push_back({t, page_of(seg, t), false});
  }
  // Year 0 does not exist: with round years, 1 CE stands where it would be (…, 100 BCE, 1, 100, …).
  const Seconds year_one = detail::seconds_from_ymd(1, 1, 1);
  if (step.unit == Unit::year && step.count > 1 && seg.t0 <= year_one && year_one <= seg.t1) {
    const auto at = std::find_if(marks.begin(), marks.end(), [&](const Mark& m) { return m.t > year_one; });
    marks.insert(at, Mark{year_one, page_of(seg, year_one), true});
  }
  return marks;
}

std::string label_of(Seconds t, const Step& step, const dates::Locale& L) {
  const detail::Civil c = detail::civil_from_seconds(t);
  switch (step.unit) {
    case Unit::year: return dates::year_label(c.year, L);
    // A month on its own under its year: the stand-alone form ("Mär" in German).
    case Unit::month: return L.months_standalone_abbrev[static_cast<std::size_t>(c.month - 1)];
    case Unit::week:
    case Unit::day: return fmt::format("{}", c.day);
    case Unit::second: return fmt::format("{:02}:{:02}:{:02}", c.hour, c.minute, c.second);
    default: return fmt::format("{:02}:{:02}", c.hour, c.minute);
  }
}

// What a level-0 label leaves unsaid, and a key that changes when it does.
struct Context {
  std::int64_t key = 0;
  std::string text;
};

std::optional<Context> context_of(Seconds t, const Step& step, const dates::Locale& L) {
  const detail::Civil c = detail::civil_from_seconds(t);
  switch (step.unit) {
    case Unit::year: return std::nullopt;
    case Unit::month: return Context{c.year, dates::year_in_date_label(c.year, L)};
    case Unit::week:
    case Unit::day:
      return Context{c.year * 12 + c.month, dates::month_label(c.year, c.month, L)};
    default:
      return Context{detail::days_from_civil(c.year, c.month, c.day), dates::day_label(c.year, c.month, c.day, L)};
  }
}

struct Label {
  double x = 0;
  double width = 0;
};

bool apart(const Label& a, const Label& b, double min_gap) {
  return (b.x - b.width / 2) - (a.x + a.width / 2) >= min_gap;
}

bool labels_fit(const std::vector<Mark>& marks, const Step& step, const LabelWidth& width, double min_gap,
                const dates::Locale& L) {
  std::optional<Label> prev;
  for (const Mark& m : marks) {
    if (m.optional) continue;
    const Label here{m.x, width(label_of(m.t, step, L))};
    if (prev && !apart(*prev, here, min_gap)) return false;
    prev = here;
  }
  return true;
}

struct Choice {
  Step step;
  std::vector<Mark> marks;
};

std::size_t label_cap(const Segment& seg, double min_gap) {
  return static_cast<std::size_t>(std::max(seg.x1 - seg.x0, 0.0) / std::max(min_gap, 1.0)) + 2;
}

// A step finer than the data's dates would claim a precision they lack: no
// 12:00 between days, no months between years.
bool finer_than(const Step& s, dates::Precision finest) {
  using P = dates::Precision;
  switch (finest) {
    case P::time: return false;
    case P::day: return s.unit == Unit::second || s.unit == Unit::minute || s.unit == Unit::hour;
    case P::month: return s.unit != Unit::month && s.unit != Unit::year;
    case P::year: return s.unit != Unit::year;
    case P::decade: return s.unit != Unit::year || s.count < 10;
    case P::century: return s.unit != Unit::year || s.count < 100;
  }
  return false;
}

Choice choose_step(const Segment& seg, const LabelWidth& width, double min_gap, const dates::Locale& L,
                   dates::Precision finest) {
  const double ratio = ratio_of(seg);
  for (const Step& step : detail::step_table()) {
    if (finer_than(step, finest)) continue;
    if (detail::nominal_seconds(step) * ratio < min_gap) continue;  // cannot fit: skip without measuring
    auto marks = boundaries(seg, step, label_cap(seg, min_gap));
    if (marks && labels_fit(*marks, step, width, min_gap, L)) return {step, std::move(*marks)};
  }
  const Step coarsest = detail::step_table().back();
  return {coarsest, boundaries(seg, coarsest, label_cap(seg, 0)).value_or(std::vector<Mark>{})};
}

std::optional<Step> minor_step(const Segment& seg, const Step& major, dates::Precision finest) {
  const auto table = detail::step_table();
  const auto it = std::find(table.begin(), table.end(), major);
  for (auto s = it; s != table.begin();) {
    --s;
    if (finer_than(*s, finest)) return std::nullopt;
    if (!detail::nests_in(*s, major)) continue;
    if (detail::nominal_seconds(*s) * ratio_of(seg) < kMinMinorSpacing) return std::nullopt;
    return *s;
  }
  return std::nullopt;
}

// Context labels may be wider than the ticks they sit on: keep the ones that
// fit, preferring a change of context over the segment's opening reminder.
struct ContextTick {
  Tick tick;
  bool opening = false;
  double width = 0;
};

void append_segment_ticks(const Segment& seg, const LabelWidth& width, double min_gap, std::vector<Tick>& out,
                          std::vector<ContextTick>& contexts, const dates::Locale& L, dates::Precision finest) {
  if (seg.t1 <= seg.t0) return;
  const Choice choice = choose_step(seg, width, min_gap, L, finest);
  std::optional<Label> prev;
  std::optional<std::int64_t> prev_key;
  for (std::size_t i = 0; i < choice.marks.size(); ++i) {
    const Mark& m = choice.marks[i];
    const std::string text = label_of(m.t, choice.step, L);
    const Label here{m.x, width(text)};
    const bool next_clear = i + 1 >= choice.marks.size() ||
                            apart(here, {choice.marks[i + 1].x, width(label_of(choice.marks[i + 1].t, choice.step, L))},
                                  min_gap);
    if (m.optional && ((prev && !apart(*prev, here, min_gap)) || !next_clear)) continue;
    out.push_back(Tick{m.t, m.x, true, text, 0});
    prev = here;
    if (const auto ctx = context_of(m.t, choice.step, L); ctx && ctx->key != prev_key) {
      contexts.push_back({Tick{m.t, m.x, true, ctx->text, 1}, !prev_key.has_value(), width(ctx->text)});
      prev_key = ctx->key;
    }
  }
  const auto minor = minor_step(seg, choice.step, finest);
  if (!minor) return;
  const auto minors = boundaries(seg, *minor, label_cap(seg, kMinMinorSpacing));
  if (!minors) return;
  for (const Mark& m : *minors) {
    const bool on_major = std::any_of(choice.marks.begin(), choice.marks.end(),
                                      [&](const Mark& major) { return major.t == m.t; });
    if (!on_major) out.push_back(Tick{m.t, m.x, false, "", 0});
  }
}

// Labels of neighbouring segments can meet across a break: keep the earlier,
// unless it is the later's segment that would be left without a label (a
// short stretch between two breaks), and draw the other tick as a minor one
// so no tick looks labelled but is not.
void unlabel_crowded(std::vector<Tick>& ticks, const std::vector<Segment>& segments, const LabelWidth& width,
                     double min_gap) {
  const auto segment_of = [&](double x) {
    for (std::size_t i = 0; i < segments.size(); ++i)
      if (x <= segments[i].x1) return i;
    return segments.empty() ? 0 : segments.size() - 1;
  };
  std::vector<int> labelled(segments.size() + 1, 0);
  for (const Tick& t : ticks)
    if (t.level == 0 && !t.label.empty()) ++labelled[segment_of(t.x)];
  const auto unlabel = [&](Tick& t) {
    t.label.clear();
    t.major = false;
    --labelled[segment_of(t.x)];
  };
  std::vector<Tick*> kept;
  for (Tick& t : ticks) {
    if (t.level != 0 || t.label.empty()) continue;
    const Label here{t.x, width(t.label)};
    const auto clear_of = [&](const Tick* k) { return k == nullptr || apart({k->x, width(k->label)}, here, min_gap); };
    if (clear_of(kept.empty() ? nullptr : kept.back())) {
      kept.push_back(&t);
      continue;
    }
    Tick* prev = kept.back();
    const std::size_t here_seg = segment_of(t.x), prev_seg = segment_of(prev->x);
    const bool only_label_of_its_segment = here_seg != prev_seg && labelled[here_seg] == 1 && labelled[prev_seg] > 1;
    if (only_label_of_its_segment && clear_of(kept.size() > 1 ? kept[kept.size() - 2] : nullptr)) {
      unlabel(*prev);
      kept.back() = &t;
      continue;
    }
    unlabel(t);
  }
}

// Context labels start at their tick (they name what follows it).
bool contexts_apart(const ContextTick& a, const ContextTick& b, double min_gap) {
  return b.tick.x - (a.tick.x + a.width) >= min_gap;
}

std::vector<Tick> fitting_contexts(const std::vector<ContextTick>& contexts, double min_gap) {
  std::vector<ContextTick> kept;
  for (const ContextTick& c : contexts) {
    if (!kept.empty() && !contexts_apart(kept.back(), c, min_gap)) {
      if (!kept.back().opening) continue;
      kept.pop_back();
    }
    kept.push_back(c);
  }
  std::vector<Tick> ticks;
  for (const ContextTick& c : kept) ticks.push_back(c.tick);
  return ticks;
}

}  // namespace

std::vector<Tick> ticks(const TimeScale& s, const LabelWidth& label_width, double min_gap) {
  return ticks(s, label_width, min_gap, dates::Locale{});
}

std::vector<Tick> ticks(const TimeScale& s, const LabelWidth& label_width, double min_gap,
                        const dates::Locale& L, dates::Precision finest) {
  std::vector<Tick> out;
  std::vector<ContextTick> contexts;
  for (const Segment& seg : s.segments()) append_segment_ticks(seg, label_width, min_gap, out, contexts, L, finest);
  const auto by_x = [](const Tick& a, const Tick& b) {
    if (a.x != b.x) return a.x < b.x;
    return a.major > b.major;
  };
  std::stable_sort(out.begin(), out.end(), by_x);
  unlabel_crowded(out, s.segments(), label_width, min_gap);
  for (Tick& t : fitting_contexts(contexts, min_gap)) out.push_back(std::move(t));
  std::stable_sort(out.begin(), out.end(), [&](const Tick& a, const Tick& b) {
    if (a.level != b.level) return a.level < b.level;
    return by_x(a, b);
  });
  return out;
}

}  // namespace annals::scale
