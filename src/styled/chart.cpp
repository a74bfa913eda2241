// The parts of the styled timeline beside its lanes and events: the header,
// eras, markers and the tags the legend shows.
#include <set>
#include <utility>
#include <variant>

#include "styled/resolve.h"

namespace annals::styled {

namespace {

Header header_of(const model::Header& h, const dates::Date& now) {
  Header out;
  out.title = h.title;
  out.subtitle = h.subtitle;
  out.source = h.source;
  out.description = h.description;
  out.locale = h.locale;
  switch (h.scale) {
    case model::ScaleKind::automatic: out.scale = ScaleKind::automatic; break;
    case model::ScaleKind::linear: out.scale = ScaleKind::linear; break;
    case model::ScaleKind::collapsed: out.scale = ScaleKind::collapsed; break;
  }
  out.orientation =
      h.orientation == model::Orientation::vertical ? Orientation::vertical : Orientation::horizontal;
  if (h.start) {
    out.start = h.start->date;
    out.window_begin = resolved(h.start->date, now).begin;
  }
  if (h.end) {
    out.end = h.end->date;
    out.window_end = resolved(h.end->date, now).end;
  }
  return out;
}

// The last colour a tag's sheet sets ("color" or any "*.color" key).
std::optional<Color> tag_colour(const PropertySheet& sheet) {
  std::optional<Color> found;
  for (const auto& p : sheet) {
    if (p.key != "color" && !p.key.ends_with(".color")) continue;
    if (const auto* s = std::get_if<std::string>(&p.value))
      if (auto c = style::parse_color(*s)) found = *c;
  }
  return found;
}

std::vector<TagSwatch> tag_swatches(const model::Timeline& timeline, const style::Style& style) {
  std::set<std::string> used;
  for (const auto& e : timeline.events) used.insert(e.tags.begin(), e.tags.end());
  std::vector<TagSwatch> out;
  for (const auto& [name, sheet] : style.tags)
    if (used.count(name))
      if (auto c = tag_colour(sheet)) out.push_back({name, *c});
  return out;
}

// `resolve` applied to every item, in order.
template <class Item, class Resolve>
auto each(const std::vector<Item>& items, Resolve resolve) {
  std::vector<decltype(resolve(items.front()))> out;
  out.reserve(items.size());
  for (const auto& item : items) out.push_back(resolve(item));
  return out;
}

}  // namespace

std::vector<Era> resolve_eras(const model::Timeline& timeline, const style::Style& style, const dates::Date& now,
                              Diagnostics& diags) {
  return each(timeline.eras, [&](const model::Era& era) {
    return Era{era.title, era.start.date, era.end.date, resolved(era.start.date, now).begin,
               resolved(era.end.date, now).end, era.where, style::era_style(style, era.style, diags)};
  });
}

std::vector<Marker> resolve_markers(const model::Timeline& timeline, const style::Style& style,
                                    const dates::Date& now, Diagnostics& diags) {
  return each(timeline.markers, [&](const model::Marker& marker) {
    return Marker{marker.title, marker.date.date, resolved(marker.date.date, now).begin, marker.where,
                  style::marker_style(style, marker.style, diags)};
  });
}

std::vector<LaneGroup> lane_groups(const std::vector<Lane>& lanes) {
  std::vector<LaneGroup> out;
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    if (lanes[i].group.empty()) continue;
    if (!out.empty() && out.back().last + 1 == i && lanes[out.back().first].group == lanes[i].group)
      out.back().last = i;
    else
      out.push_back({lanes[i].group, i, i});
  }
  return out;
}

Timeline resolve(const model::Timeline& timeline, const style::Style& style, const Options& options,
                 Diagnostics& diags) {
  Timeline out;
  out.file = timeline.file;
  out.header = header_of(timeline.header, options.now);
  out.now = options.now;
  out.style = style;
  out.lanes = resolve_lanes(timeline, style, diags);
  out.events = resolve_events(timeline, style, out.lanes, options, diags);
  out.eras = resolve_eras(timeline, style, options.now, diags);
  out.markers = resolve_markers(timeline, style, options.now, diags);
  out.tags = tag_swatches(timeline, style);
  for (const auto& link : timeline.links)
    out.links.push_back({link.from, link.to, link.title, link.where, link.title_where});
  return out;
}

}  // namespace annals::styled
