#include "style/style.h"

#include <algorithm>

#include <fmt/format.h>

#include "base/suggest.h"
#include "style/keys.h"

namespace annals::style {

namespace {

constexpr std::string_view kEventPrefix = "event.";
constexpr std::string_view kTagPrefix = "tag.";

Color rgb(std::uint32_t hex) {
  return {static_cast<double>((hex >> 16) & 0xff) / 255.0, static_cast<double>((hex >> 8) & 0xff) / 255.0,
          static_cast<double>(hex & 0xff) / 255.0, 1};
}

TextStyle text(const FontSpec& base, double size, std::uint32_t color, int weight = 400) {
  TextStyle t;
  t.font = base;
  t.font.size = size;
  t.font.weight = weight;
  t.color = rgb(color);
  return t;
}

template <class Target>
const keys::Key<Target>* find(std::span<const keys::Key<Target>> table, std::string_view name) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const auto& k) { return k.name == name; });
  return it == table.end() ? nullptr : &*it;
}

template <class Target>
void set(const keys::Key<Target>& key, Target& target, const Property& p, Diagnostics& diags) {
  if (const auto v = keys::convert(p.key, key.spec, p, diags)) key.set(target, *v);
}

// The tile size is checked against the page only once both are known: the key's place is kept for that message.
void set(const keys::Key<Style>& key, Style& target, const Property& p, Diagnostics& diags) {
  const auto v = keys::convert(p.key, key.spec, p, diags);
  if (!v) return;
  key.set(target, *v);
  if (key.name == "page.tiles") target.page.tiles_where = p.where;
}

void unknown(const Property& p, std::string_view shown, std::string_view suggestion, Diagnostics& diags) {
  std::vector<Note> notes;
  if (!suggestion.empty()) notes.push_back({fmt::format("did you mean '{}'?", suggestion), {}});
  diags.warning(p.where, fmt::format("unknown style key '{}'", shown), std::move(notes));
}

bool is_known(std::string_view key) {
  const auto all = known_keys();
  return std::find(all.begin(), all.end(), key) != all.end();
}

// A known key that only has a meaning for the whole chart, written where it
// cannot apply (an event's or a lane's own settings).
void misplaced(const Property& p, std::string_view where, Diagnostics& diags) {
  diags.warning(p.where, fmt::format("style key '{}' cannot be set for one {}", p.key, where),
                {{"set it in the style or in the timeline's [style] table", {}}});
}

// "tag.war.color" is stored as the event key "event.color" of tag "war".
void apply_tag(Style& s, const Property& p, Diagnostics& diags) {
  const std::string_view rest = std::string_view(p.key).substr(kTagPrefix.size());
  const auto dot = rest.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == rest.size()) {
    unknown(p, p.key, "tag.NAME.color", diags);
    return;
  }
  const std::string tag(rest.substr(0, dot));
  const std::string event_key = std::string(kEventPrefix) + std::string(rest.substr(dot + 1));
  const auto* key = find(keys::event_keys(), event_key);
  if (!key) {
    std::vector<std::string_view> names;
    for (const auto& k : keys::event_keys()) names.push_back(k.name);
    const std::string near = nearest(event_key, names);
    unknown(p, p.key, near.empty() ? "" : fmt::format("tag.{}.{}", tag, near.substr(kEventPrefix.size())), diags);
    return;
  }
  if (keys::convert(p.key, key->spec, p, diags)) s.tags[tag].push_back({event_key, p.value, p.where});
}

// Applies the event keys of `sheet`; with `report`, other keys are reported as
// not belonging to one event.
void apply_event_sheet(EventStyle& e, const PropertySheet& sheet, bool report, Diagnostics& diags) {
  for (const auto& p : sheet) {
    if (const auto* key = find(keys::event_keys(), p.key)) {
      set(*key, e, p, diags);
    } else if (report && is_known(p.key)) {
      misplaced(p, "event", diags);
    } else if (report) {
      unknown(p, p.key, nearest(p.key, known_keys()), diags);
    }
  }
}

void apply_event_sheet_quietly(EventStyle& e, const PropertySheet& sheet) {
  Diagnostics ignored;
  apply_event_sheet(e, sheet, false, ignored);
}

bool is_font_key(const Property& p) { return p.key.starts_with("font."); }

}  // namespace

Style defaults() {
  Style s;
  s.name = "default";
  s.font = FontSpec{"DejaVu Sans", 9, 400, false};

  s.page = PageStyle{};
  s.page.background = rgb(0xffffff);

  s.title.title = text(s.font, 20, 0x1a1a1a, 700);
  s.title.subtitle = text(s.font, 11, 0x555555);
  s.title.source = text(s.font, 7.5, 0x6b6b6b);
  s.title.align = Align::left;

  s.axis.color = rgb(0xb3b3b3);
  s.axis.label = text(s.font, 7.5, 0x666666);

  s.grid.major_color = rgb(0xe6e6e6);
  s.grid.minor_color = rgb(0xf2f2f2);

  s.lane.band = rgb(0xf6f6f6);
  s.lane.band_alt = Color::none();
  s.lane.separator = rgb(0xe0e0e0);
  s.lane.title = text(s.font, 11, 0x333333, 700);

  // Okabe & Ito (2008), without its yellow, which does not read on white:
  // distinguishable in the common colour-vision deficiencies.
  s.palette = {rgb(0x0072b2), rgb(0xd55e00), rgb(0x009e73), rgb(0xcc79a7),
               rgb(0xe69f00), rgb(0x56b4e9), rgb(0x000000)};

  s.event.color = s.palette.front();
  s.event.label = text(s.font, 9, 0x222222);
  s.event.date_color = rgb(0x707070);

  s.era.fill = rgb(0x808080);
  s.era.opacity = 0.08;
  s.era.label = text(s.font, 7.5, 0x666666);

  s.marker.color = rgb(0xb03a2e);
  s.marker.label = text(s.font, 7.5, 0xb03a2e);

  s.legend.label = text(s.font, 7.5, 0x444444);
  return s;
}

void apply(Style& s, const Property& p, Diagnostics& diags) {
  if (p.key.starts_with(kTagPrefix)) return apply_tag(s, p, diags);
  if (const auto* key = find(keys::style_keys(), p.key)) return set(*key, s, p, diags);
  if (const auto* key = find(keys::event_keys(), p.key)) return set(*key, s.event, p, diags);
  unknown(p, p.key, nearest(p.key, known_keys()), diags);
}

void apply(Style& s, const PropertySheet& sheet, Diagnostics& diags) {
  // [font] is the base the other sections refine, wherever the file lists it.
  for (const auto& p : sheet)
    if (is_font_key(p)) apply(s, p, diags);
  for (const auto& p : sheet)
    if (!is_font_key(p)) apply(s, p, diags);
}

Color lane_color(const Style& s, std::size_t lane_index, const PropertySheet& lane, Diagnostics& diags) {
  Color color = s.palette.empty() || s.event.color_given ? s.event.color : s.palette[lane_index % s.palette.size()];
  EventStyle scratch = s.event;
  for (const auto& p : lane) {
    if (p.key == "lane.color") {
      if (const auto v = keys::convert(p.key, {keys::Kind::color}, p, diags)) color = v->color;
    } else if (const auto* key = find(keys::event_keys(), p.key)) {
      set(*key, scratch, p, diags);
    } else if (is_known(p.key)) {
      misplaced(p, "lane", diags);
    } else {
      unknown(p, p.key, nearest(p.key, known_keys()), diags);
    }
  }
  return color;
}

PropertySheet lane_event_sheet(const Style& s, std::size_t lane_index, const PropertySheet& lane) {
  if (s.palette_markers.empty() || s.event.marker_given) return lane;
  const MarkerShape mark = s.palette_markers[lane_index % s.palette_markers.size()];
  PropertySheet out;
  out.reserve(lane.size() + 1);
  out.push_back({"event.marker", std::string(keys::marker_name(mark)), {}});
  out.insert(out.end(), lane.begin(), lane.end());
  return out;
}

EventStyle event_style(const Style& s, const Color& lane_hue, const PropertySheet& lane,
                       const std::vector<std::string>& tags, const PropertySheet& event,
                       const PropertySheet& command_line, Diagnostics& diags) {
  EventStyle e = s.event;
  e.color = lane_hue;
  apply_event_sheet_quietly(e, lane);
  for (const auto& tag : tags)
    if (const auto it = s.tags.find(tag); it != s.tags.end()) apply_event_sheet_quietly(e, it->second);
  apply_event_sheet(e, event, true, diags);
  apply_event_sheet_quietly(e, command_line);
  // The style's colour promises hold for whatever the cascade set.
  e.color = promised_color(s, e.color);
  if (s.grey_only) {
    e.date_color = grey_of(e.date_color);
    e.label.color = grey_of(e.label.color);
    e.outline = grey_of(e.outline);
  }
  return e;
}

namespace {

// A copy of the style with the keys of one section applied: eras and markers
// are few, and the copy keeps the per-section rules (font keys) in one place.
Style with_section(const Style& s, const PropertySheet& sheet, std::string_view prefix, std::string_view what,
                   Diagnostics& diags) {
  Style out = s;
  for (const auto& p : sheet) {
    if (p.key.starts_with(prefix) && is_known(p.key)) apply(out, p, diags);
    else if (is_known(p.key)) misplaced(p, what, diags);
    else unknown(p, p.key, nearest(p.key, known_keys()), diags);
  }
  return out;
}

}  // namespace

EraStyle era_style(const Style& s, const PropertySheet& era, Diagnostics& diags) {
  EraStyle out = with_section(s, era, "era.", "era", diags).era;
  if (s.grey_only) {  // a translucent wash: grey, but not lifted
    out.fill = grey_of(out.fill);
    out.label.color = grey_of(out.label.color);
  }
  return out;
}

MarkerStyle marker_style(const Style& s, const PropertySheet& marker, Diagnostics& diags) {
  MarkerStyle out = with_section(s, marker, "marker.", "marker", diags).marker;
  out.color = promised_color(s, out.color);
  if (s.grey_only) out.label.color = grey_of(out.label.color);
  return out;
}

std::span<const std::string_view> known_keys() {
  static const std::vector<std::string_view> all = [] {
    std::vector<std::string_view> out;
    for (const auto& k : keys::style_keys()) out.push_back(k.name);
    for (const auto& k : keys::event_keys()) out.push_back(k.name);
    return out;
  }();
  return all;
}

namespace {

void take_color(Color& into, const Color& from) {
  if (!into.is_none() && !from.is_none()) into = from;
}

}  // namespace

Style with_colors_of(const Style& base, const Style& colors) {
  Style s = base;
  take_color(s.page.background, colors.page.background);
  take_color(s.title.title.color, colors.title.title.color);
  take_color(s.title.subtitle.color, colors.title.subtitle.color);
  take_color(s.title.source.color, colors.title.source.color);
  take_color(s.axis.color, colors.axis.color);
  take_color(s.axis.label.color, colors.axis.label.color);
  take_color(s.grid.major_color, colors.grid.major_color);
  take_color(s.grid.minor_color, colors.grid.minor_color);
  take_color(s.lane.band, colors.lane.band);
  take_color(s.lane.band_alt, colors.lane.band_alt);
  take_color(s.lane.separator, colors.lane.separator);
  take_color(s.lane.title.color, colors.lane.title.color);
  if (!colors.event.color_given) s.event.color_given = false;
  take_color(s.event.color, colors.event.color);
  take_color(s.event.label.color, colors.event.label.color);
  take_color(s.event.date_color, colors.event.date_color);
  take_color(s.event.outline, colors.event.outline);
  take_color(s.era.fill, colors.era.fill);
  s.era.opacity = colors.era.opacity;
  take_color(s.era.label.color, colors.era.label.color);
  take_color(s.marker.color, colors.marker.color);
  take_color(s.marker.label.color, colors.marker.label.color);
  take_color(s.link.color, colors.link.color);
  take_color(s.link.title_color, colors.link.title_color);
  take_color(s.legend.label.color, colors.legend.label.color);
  if (!colors.palette.empty()) s.palette = colors.palette;
  s.grey_only = colors.grey_only;
  s.min_contrast = colors.min_contrast;
  return s;
}

}  // namespace annals::style
