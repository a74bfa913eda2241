#include "load/event_checks.h"

#include <algorithm>

#include <fmt/format.h>

#include "style/values.h"

namespace annals::load::detail {

namespace {

std::string_view role_text(DateRole role) {
  switch (role) {
    case DateRole::start: return "a start";
    case DateRole::point: return "the date of a point event";
    case DateRole::now: return "the value of 'now'";
    case DateRole::end:
    case DateRole::marker: break;
  }
  return "this date";
}

}  // namespace

std::string present_problem(const dates::Date& date, DateRole role) {
  if (!date.present || role == DateRole::end || role == DateRole::marker) return {};
  return fmt::format("'present' cannot be {}; it may only end a span or date a marker", role_text(role));
}

void check_order(const model::LocatedDate& start, const model::LocatedDate& end, Diagnostics& diags) {
  if (start.date.present || end.date.present) return;
  // A span runs from the beginning of its start to the end of its end.
  if (end.date.end > start.date.begin) return;
  diags.error(end.where,
              fmt::format("'end' ({}) is before 'start' ({})", dates::label(end.date), dates::label(start.date)),
              {{"the start is here", start.where}});
}

std::string period_text(const model::Period& p) {
  if (p.date) return dates::label(p.date->date);
  if (p.start && p.end) return dates::span_label(p.start->date, p.end->date);
  return {};
}

bool check_periods(const std::vector<model::Period>& periods, Diagnostics& diags) {
  bool ok = true;
  for (std::size_t i = 1; i < periods.size(); ++i) {
    const model::Period& before = periods[i - 1];
    const model::Period& p = periods[i];
    const model::LocatedDate& last = before.date ? *before.date : *before.end;
    const model::LocatedDate& first = p.date ? *p.date : *p.start;
    const Note previous{fmt::format("the period before it ({}) is here", period_text(before)), before.where};
    if (last.date.present) {
      diags.error(p.where, fmt::format("a period ({}) after one that runs to 'present'; only the last period can "
                                       "be ongoing",
                                       period_text(p)),
                  {previous});
      ok = false;
    } else if (first.date.begin < last.date.end) {
      // Periods are written in time order and do not overlap: each begins after the one before it ends.
      const model::LocatedDate& before_first = before.date ? *before.date : *before.start;
      const bool earlier = first.date.begin < before_first.date.begin;
      diags.error(p.where,
                  fmt::format("the period {} {} the period before it ({}); write the periods in time order, "
                              "without overlaps",
                              period_text(p), earlier ? "comes before" : "overlaps", period_text(before)),
                  {previous});
      ok = false;
    }
  }
  return ok;
}

bool is_blank(std::string_view s) { return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

std::string title_problem(std::string_view title) {
  return is_blank(title) ? "an event needs a non-empty title" : "";
}

bool join_title_lines(std::string& title) {
  if (title.find_first_of("\r\n") == std::string::npos) return false;
  std::string one_line;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title[i] == '\r' && i + 1 < title.size() && title[i + 1] == '\n') continue;  // CR LF is one break
    one_line += (title[i] == '\r' || title[i] == '\n') ? ' ' : title[i];
  }
  title = std::move(one_line);
  return true;
}

std::string color_problem(std::string_view color) {
  if (style::parse_color(color)) return {};
  return fmt::format("'{}' is not a colour: write #rgb, #rrggbb, #rrggbbaa, a CSS colour name or 'none'", color);
}

void assign_default_lane(model::Timeline& tl) {
  const bool needed = std::any_of(tl.events.begin(), tl.events.end(),
                                  [](const model::Event& e) { return e.lane == kNoLane; });
  if (!needed && !tl.lanes.empty()) return;
  auto it = std::find_if(tl.lanes.begin(), tl.lanes.end(), [](const model::Lane& l) { return l.id == "default"; });
  std::size_t lane = static_cast<std::size_t>(it - tl.lanes.begin());
  if (it == tl.lanes.end()) {
    model::Lane fallback;
    fallback.id = "default";
    fallback.where = {tl.file, 0, 0};
    tl.lanes.push_back(std::move(fallback));
  }
  for (auto& e : tl.events)
    if (e.lane == kNoLane) e.lane = lane;
}

void gather_groups(model::Timeline& tl, Diagnostics& diags) {
  const std::size_t n = tl.lanes.size();
  std::vector<std::size_t> order;  // new position -> old index
  std::vector<bool> placed(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (placed[i]) continue;
    placed[i] = true;
    order.push_back(i);
    const std::string& group = tl.lanes[i].group;
    if (group.empty()) continue;
    bool apart = false;  // another lane came between this group's lanes
    for (std::size_t j = i + 1; j < n; ++j) {
      if (tl.lanes[j].group != group) {
        apart = true;
        continue;
      }
      if (placed[j]) continue;
      if (apart)
        diags.warning(tl.lanes[j].group_where,
                      fmt::format("lane '{}' of group '{}' is written apart from the group's other lanes; it is drawn "
                                  "with them",
                                  tl.lanes[j].title.empty() ? tl.lanes[j].id : tl.lanes[j].title, group),
                      {{"the group starts here", tl.lanes[i].group_where}});
      placed[j] = true;
      order.push_back(j);
    }
  }
  bool moved = false;
  for (std::size_t k = 0; k < n; ++k) moved = moved || order[k] != k;
  if (!moved) return;
  std::vector<std::size_t> new_index(n);
  std::vector<model::Lane> lanes;
  lanes.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    new_index[order[k]] = k;
    lanes.push_back(std::move(tl.lanes[order[k]]));
  }
  tl.lanes = std::move(lanes);
  for (auto& e : tl.events)
    if (e.lane < n) e.lane = new_index[e.lane];
}

}  // namespace annals::load::detail
