#include "styled/resolve.h"

#include <algorithm>
#include <optional>

namespace annals::styled {

namespace {

// Events without tags or own keys share their lane's style: resolving the
// cascade once per lane keeps large timelines fast.
struct LaneStyleCache {
  std::vector<std::optional<style::EventStyle>> plain;
};

}  // namespace

dates::Date resolved(const dates::Date& d, const dates::Date& now) {
  return d.present ? dates::resolve_present(d, now) : d;
}

std::vector<Lane> resolve_lanes(const model::Timeline& timeline, const style::Style& style, Diagnostics& diags) {
  std::vector<Lane> out;
  out.reserve(timeline.lanes.size());
  for (std::size_t i = 0; i < timeline.lanes.size(); ++i) {
    const auto& lane = timeline.lanes[i];
    out.push_back({lane.id, lane.title,
                   style::promised_lane_color(style, i, style::lane_color(style, i, lane.style, diags)), lane.group});
  }
  if (out.empty())
    out.push_back({"default", "", style::promised_lane_color(style, 0, style::lane_color(style, 0, {}, diags)), ""});
  return out;
}

std::vector<Event> resolve_events(const model::Timeline& timeline, const style::Style& style,
                                  const std::vector<Lane>& lanes, const Options& options, Diagnostics& diags) {
  const auto& now = options.now;
  std::vector<Event> out;
  LaneStyleCache cache{std::vector<std::optional<style::EventStyle>>(lanes.size())};
  // What each lane gives its events: its own keys after the palette's mark for it.
  std::vector<PropertySheet> lane_sheets;
  lane_sheets.reserve(lanes.size());
  for (std::size_t i = 0; i < lanes.size(); ++i)
    lane_sheets.push_back(
        style::lane_event_sheet(style, i, i < timeline.lanes.size() ? timeline.lanes[i].style : PropertySheet{}));
  out.reserve(timeline.events.size());
  for (const auto& e : timeline.events) {
    Event r;
    r.index = e.index;
    r.title = e.title;
    r.id = e.id.empty() ? std::to_string(e.index) : e.id;
    r.span = e.is_span() && e.end.has_value();
    for (const auto& p : e.periods) {
      Period period;
      period.span = p.is_span() && p.end.has_value();
      period.first = resolved(period.span ? p.start->date : p.date->date, now);
      period.last = period.span ? resolved(p.end->date, now) : period.first;
      period.begin = period.first.begin;
      period.end = std::max(period.last.end, period.first.end);
      r.periods.push_back(period);
    }
    if (r.periods.size() == 1) {
      // One period is an event like any other.
      r.span = r.periods.front().span;
      r.first = r.periods.front().first;
      r.last = r.periods.front().last;
      r.periods.clear();
    } else if (!r.periods.empty()) {
      r.span = true;
      r.first = r.periods.front().first;
      r.last = r.periods.back().last;
    } else if (r.span) {
      r.first = resolved(e.start->date, now);
      r.last = resolved(e.end->date, now);
    } else if (e.date) {
      r.first = r.last = resolved(e.date->date, now);
    } else if (e.start) {
      r.first = r.last = resolved(e.start->date, now);
    }
    r.begin = r.first.begin;
    r.end = std::max(r.last.end, r.first.end);
    const std::size_t lane = std::min(e.lane, lanes.size() - 1);
    r.lane = lane;
    const auto& lane_sheet = lane_sheets[lane];
    const bool plain = e.tags.empty() && e.style.empty();
    if (plain && cache.plain[lane]) {
      r.style = *cache.plain[lane];
    } else {
      r.style = style::event_style(style, lanes[lane].color, lane_sheet, e.tags, e.style,
                                   options.command_line, diags);
      if (plain) cache.plain[lane] = r.style;
    }
    r.description = e.description;
    r.url = e.url;
    r.where = e.where;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace annals::styled
