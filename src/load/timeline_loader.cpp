// Timeline files (FORMAT.md §1): TOML tables → model::Timeline, with every
// problem in the file reported, in file order.
#include <algorithm>
#include <cctype>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/suggest.h"
#include "load/event_checks.h"
#include "load/load.h"
#include "load/toml_reader.h"

namespace annals::load {

namespace {

using detail::check_order;
using detail::kMaxLanes;
using detail::kNoLane;
using detail::Reader;
using model::LocatedDate;
using Role = detail::DateRole;

constexpr std::string_view kTopKeys[] = {"timeline", "lane", "event", "era", "marker", "link", "style"};
constexpr std::string_view kHeaderKeys[] = {"title", "subtitle", "source",      "style",      "start",
                                            "end",   "now",      "scale",       "orientation", "description",
                                            "locale"};
constexpr std::string_view kLaneKeys[] = {"id", "title", "color", "style", "group"};
constexpr std::string_view kEventKeys[] = {"id",   "title",       "date", "start", "end",   "lane",
                                           "description", "tags", "url",  "color", "style", "periods"};
constexpr std::string_view kPeriodKeys[] = {"date", "start", "end"};
constexpr std::string_view kLinkKeys[] = {"from", "to", "title"};
constexpr std::string_view kEraKeys[] = {"title", "start", "end", "color", "style"};
constexpr std::string_view kMarkerKeys[] = {"title", "date", "color", "style"};

SourceLocation key_at(const toml::table& t, std::string_view key, const Reader& r) {
  const auto it = t.find(key);
  return it == t.end() ? r.at(t) : r.at(it->first);
}

std::string slug(std::string_view title) {
  std::string out;
  bool gap = false;
  for (const char c : title) {
    const auto u = static_cast<unsigned char>(c);
    // Letters of other scripts are kept as they are, so a slug is never empty for them.
    if (std::isalnum(u) || u >= 0x80) {
      if (gap && !out.empty()) out += '-';
      out += lowercase(c);
      gap = false;
    } else {
      gap = true;
    }
  }
  return out;
}

// ---- dates --------------------------------------------------------------

// A date key: `written` even when its value was rejected, so that a bad
// value does not also cause a "missing" error.
struct DateField {
  bool written = false;
  std::optional<LocatedDate> value;
};

DateField date_field(const toml::table& t, std::string_view key, Role role, const Reader& r) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return {};
  auto d = detail::date_value(*n, key, r);
  if (d) {
    if (const std::string problem = detail::present_problem(d->date, role); !problem.empty()) {
      r.error(*n, problem);
      d.reset();
    }
  }
  // "present" must be one day, so the day that `now` names must be certain.
  if (d && role == Role::now && (d->date.approximate || d->date.uncertain)) {
    r.error(*n, "'now' cannot be approximate or uncertain; write the date itself");
    d.reset();
  }
  return {true, std::move(d)};
}

// Reads `start` and `end`, both required, for an era or the view window.
struct Span {
  std::optional<LocatedDate> start, end;
};

Span span(const toml::table& t, std::string_view table_name, bool required, const Reader& r) {
  const DateField start = date_field(t, "start", Role::start, r);
  const DateField end = date_field(t, "end", Role::end, r);
  if (required && !start.written)
    r.error(t, fmt::format("{} needs a 'start'", table_name));
  if (required && !end.written)
    r.error(t, fmt::format("{} needs an 'end'", table_name));
  if (start.value && end.value) check_order(*start.value, *end.value, r.diags);
  return {start.value, end.value};
}

// ---- small typed keys ----------------------------------------------------

void read_string(const toml::table& t, std::string_view key, std::string& out, const Reader& r) {
  if (const toml::node* n = t.get(key))
    if (auto s = detail::string_value(*n, key, r)) out = std::move(*s);
}

void read_color(const toml::table& t, std::string property, PropertySheet& out, const Reader& r) {
  if (const toml::node* n = t.get("color"))
    if (auto p = detail::color_property(*n, "color", std::move(property), r)) out.push_back(std::move(*p));
}

void read_style(const toml::table& t, const std::string& prefix, PropertySheet& out, const Reader& r) {
  const toml::node* n = t.get("style");
  if (n == nullptr) return;
  if (const auto* inline_table = n->as_table()) {
    detail::flatten(*inline_table, prefix, out, r);
  } else {
    r.error(*n, fmt::format("'style' must be a table (style = {{ marker = \"diamond\" }}), found {}",
                            detail::type_name(*n)));
  }
}

// A link's target: only the schemes url_problem allows, so a click on a chart
// never runs a script.
void read_url(const toml::table& t, std::string& out, const Reader& r) {
  const toml::node* n = t.get("url");
  if (n == nullptr) return;
  auto s = detail::string_value(*n, "url", r);
  if (!s || s->empty()) return;
  if (const std::string problem = url_problem(*s); !problem.empty()) {
    r.error(*n, problem);
    return;
  }
  out = std::move(*s);
}

// An event's title: required, not blank, one line (FORMAT.md §1.1). A line
// break is only a warning; it becomes a space, so the layout sees one line.
void read_event_title(const toml::table& t, std::string& out, const Reader& r) {
  const toml::node* n = t.get("title");
  if (n == nullptr) {
    r.error(t, "[[event]] needs a 'title'");
    return;
  }
  read_string(t, "title", out, r);
  if (!n->is_string()) return;
  if (const std::string problem = detail::title_problem(out); !problem.empty()) {
    r.error(*n, problem);
    return;
  }
  if (detail::join_title_lines(out)) r.diags.warning(r.at(*n), std::string(detail::kTitleLinesWarning));
}

// An `id` that is written must name something: "" could never be referred to.
bool empty_id(const toml::table& t, std::string_view table_name, const Reader& r) {
  const toml::node* n = t.get("id");
  if (n == nullptr || !n->is_string() || !n->as_string()->get().empty()) return false;
  r.error(*n, fmt::format("an id cannot be empty; give the {} a name or leave 'id' out", table_name));
  return true;
}

void read_tags(const toml::table& t, std::vector<std::string>& out, const Reader& r) {
  const toml::node* n = t.get("tags");
  if (n == nullptr) return;
  const auto* array = n->as_array();
  if (array == nullptr) {
    r.error(*n, fmt::format("'tags' must be an array of strings, found {}", detail::type_name(*n)));
    return;
  }
  for (const auto& item : *array) {
    if (const auto* s = item.as_string()) out.push_back(s->get());
    else r.error(item, fmt::format("'tags' must be an array of strings, found {} in it", detail::type_name(item)));
  }
}

// Calls `f(table, index)` for each element of an array of tables.
template <class F>
void each_table(const toml::table& root, std::string_view key, const Reader& r, F f) {
  const toml::node* n = root.get(key);
  if (n == nullptr) return;
  const auto* array = n->as_array();
  if (array == nullptr) {
    r.error(*n, fmt::format("'{0}' must be an array of tables, written [[{0}]]; found {1}", key,
                            detail::type_name(*n)));
    return;
  }
  std::size_t index = 0;
  for (const auto& item : *array) {
    if (const auto* t = item.as_table()) f(*t, index++);
    else r.error(item, fmt::format("each [[{}]] must be a table, found {}", key, detail::type_name(item)));
  }
}

// ---- [timeline] -----------------------------------------------------------

template <class E>
void read_choice(const toml::table& t, std::string_view key, std::span<const std::pair<std::string_view, E>> choices,
                 E& out, const Reader& r) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return;
  const auto text = detail::string_value(*n, key, r);
  if (!text) return;
  std::string names;
  for (const auto& [name, value] : choices) {
    if (*text == name) {
      out = value;
      return;
    }
    names += fmt::format("{}\"{}\"", names.empty() ? "" : ", ", name);
  }
  r.error(*n, fmt::format("'{}' must be one of {}, found \"{}\"", key, names, *text));
}

constexpr std::pair<std::string_view, model::ScaleKind> kScales[] = {
    {"auto", model::ScaleKind::automatic},
    {"linear", model::ScaleKind::linear},
    {"collapsed", model::ScaleKind::collapsed}};
constexpr std::pair<std::string_view, model::Orientation> kOrientations[] = {
    {"horizontal", model::Orientation::horizontal}, {"vertical", model::Orientation::vertical}};

void read_header(const toml::table& root, model::Header& h, const Reader& r) {
  const toml::node* n = root.get("timeline");
  if (n == nullptr) return;
  const auto* t = n->as_table();
  if (t == nullptr) {
    r.error(*n, fmt::format("[timeline] must be a table, found {}", detail::type_name(*n)));
    return;
  }
  detail::warn_unknown_keys(*t, kHeaderKeys, "[timeline]", r);
  read_string(*t, "title", h.title, r);
  read_string(*t, "subtitle", h.subtitle, r);
  read_string(*t, "source", h.source, r);
  read_string(*t, "description", h.description, r);
  read_string(*t, "style", h.style, r);
  if (const toml::node* s = t->get("style")) h.style_where = r.at(*s);
  const Span window = span(*t, "[timeline]", false, r);
  h.start = window.start;
  h.end = window.end;
  h.now = date_field(*t, "now", Role::now, r).value;
  read_choice<model::ScaleKind>(*t, "scale", kScales, h.scale, r);
  read_choice<model::Orientation>(*t, "orientation", kOrientations, h.orientation, r);
}

// ---- [[lane]] -------------------------------------------------------------

struct LaneIndex {
  std::map<std::string, std::size_t, std::less<>> by_id;
  std::map<std::string, std::size_t, std::less<>> by_title;

  std::optional<std::size_t> find(std::string_view name) const {
    if (auto it = by_id.find(name); it != by_id.end()) return it->second;
    if (auto it = by_title.find(name); it != by_title.end()) return it->second;
    return std::nullopt;
  }
};

// A lane's group header (FORMAT.md §5.3): text, not blank, one line.
void read_group(const toml::table& t, model::Lane& lane, const Reader& r) {
  const toml::node* n = t.get("group");
  if (n == nullptr) return;
  auto text = detail::string_value(*n, "group", r);
  if (!text) return;
  if (detail::is_blank(*text)) {
    r.error(*n, "a lane's 'group' cannot be empty; name the group or leave 'group' out");
    return;
  }
  if (detail::join_title_lines(*text)) r.diags.warning(r.at(*n), "a group name is one line; its line breaks are drawn as spaces");
  lane.group = std::move(*text);
  lane.group_where = r.at(*n);
}

void read_lane(const toml::table& t, std::vector<model::Lane>& lanes, LaneIndex& index, const Reader& r) {
  detail::warn_unknown_keys(t, kLaneKeys, "[[lane]]", r);
  model::Lane lane;
  lane.where = r.at(t);
  read_string(t, "title", lane.title, r);
  read_string(t, "id", lane.id, r);
  empty_id(t, "lane", r);  // reported; the lane is kept so its events do not also fail
  const bool has_id = t.get("id") != nullptr;
  if (!has_id && t.get("title") == nullptr) {
    r.error(t, "[[lane]] needs a 'title' or an 'id'");
    return;
  }
  if (!has_id) lane.id = slug(lane.title);
  if (lane.id.empty()) lane.id = fmt::format("lane-{}", lanes.size() + 1);
  if (auto first = index.by_id.find(lane.id); first != index.by_id.end()) {
    r.diags.error(key_at(t, has_id ? "id" : "title", r), fmt::format("duplicate lane id '{}'", lane.id),
                  {{"first used here", lanes[first->second].where}});
    return;
  }
  read_group(t, lane, r);
  read_color(t, "lane.color", lane.style, r);
  read_style(t, "event.", lane.style, r);
  detail::sort_sheet(lane.style);
  index.by_id.emplace(lane.id, lanes.size());
  index.by_title.emplace(lane.title, lanes.size());
  lanes.push_back(std::move(lane));
}

std::vector<Note> unknown_lane_notes(std::string_view name, const std::vector<model::Lane>& lanes) {
  if (lanes.empty()) return {{"the file has no [[lane]] tables", {}}};
  std::string known;
  std::vector<std::string_view> names;
  for (const auto& lane : lanes) {
    known += fmt::format("{}'{}'", known.empty() ? "" : ", ", lane.id);
    if (!lane.title.empty() && lane.title != lane.id) known += fmt::format(" ({})", lane.title);
    names.push_back(lane.id);
    if (!lane.title.empty()) names.push_back(lane.title);
  }
  std::vector<Note> notes{{fmt::format("known lanes: {}", known), {}}};
  // Any one- or two-letter name is "near" another; a suggestion would be noise.
  constexpr std::size_t kMinSuggestable = 3;
  if (name.size() >= kMinSuggestable)
    if (auto near = nearest(name, names); !near.empty()) notes.push_back({fmt::format("did you mean '{}'?", near), {}});
  return notes;
}

// ---- [[event]] ------------------------------------------------------------

// A point or a span from a table's `date`, or `start` and `end`: exactly one
// of the two shapes, else an error and false. `what` names the table in messages.
bool read_point_or_span(const toml::table& t, std::string_view what, std::string_view table,
                        std::optional<LocatedDate>& point,
                        std::optional<LocatedDate>& first, std::optional<LocatedDate>& last, const Reader& r) {
  const DateField date = date_field(t, "date", Role::point, r);
  const DateField start = date_field(t, "start", Role::start, r);
  const DateField end = date_field(t, "end", Role::end, r);
  if (date.written && (start.written || end.written)) {
    r.diags.error(key_at(t, "date", r), fmt::format("{} has either a 'date' or a 'start' and an 'end', not both", what));
    return false;
  }
  if (date.written) {
    point = date.value;
    return date.value.has_value();
  }
  if (start.written != end.written) {
    if (start.written) r.diags.error(key_at(t, "start", r), "'start' without 'end' (a point event uses 'date')");
    else r.diags.error(key_at(t, "end", r), "'end' without 'start'");
    return false;
  }
  if (!start.written) {
    r.error(t, fmt::format("{} needs a 'date' or a 'start' and an 'end'", table));
    return false;
  }
  if (!start.value || !end.value) return false;
  check_order(*start.value, *end.value, r.diags);
  first = start.value;
  last = end.value;
  return true;
}

// `periods = [ { start = 1962, end = 1975 }, { start = 1978, end = "present" } ]`
// (FORMAT.md §5.1): at least one, each a span or a point, in time order.
bool read_periods(const toml::node& n, model::Event& e, const Reader& r) {
  const auto* array = n.as_array();
  if (array == nullptr) {
    r.error(n, fmt::format("'periods' must be an array of periods (periods = [ {{ start = 1962, end = 1975 }} ]), "
                           "found {}",
                           detail::type_name(n)));
    return false;
  }
  if (array->empty()) {
    r.error(n, "'periods' needs at least one period ({ start = 1962, end = 1975 } or { date = 1975 })");
    return false;
  }
  bool ok = true;
  for (const auto& item : *array) {
    const auto* t = item.as_table();
    if (t == nullptr) {
      r.error(item, fmt::format("each period must be a table ({{ start = 1962, end = 1975 }} or {{ date = 1975 }}), "
                                "found {}",
                                detail::type_name(item)));
      ok = false;
      continue;
    }
    detail::warn_unknown_keys(*t, kPeriodKeys, "a period", r);
    model::Period p;
    p.where = r.at(*t);
    if (read_point_or_span(*t, "a period", "a period", p.date, p.start, p.end, r)) e.periods.push_back(std::move(p));
    else ok = false;
  }
  // Periods whose own dates failed are left out of the order check: it would only repeat the problem.
  return ok && detail::check_periods(e.periods, r.diags);
}

// Point, span or several periods: exactly one of the shapes, else an error and false.
bool read_event_dates(const toml::table& t, model::Event& e, const Reader& r) {
  if (const toml::node* periods = t.get("periods")) {
    for (const std::string_view key : {"date", "start", "end"})
      if (t.get(key) != nullptr) {
        r.diags.error(key_at(t, key, r),
                      fmt::format("an event has either 'periods' or '{}', not both; write every period in "
                                  "'periods'",
                                  key),
                      {{"'periods' is here", key_at(t, "periods", r)}});
        return false;
      }
    return read_periods(*periods, e, r);
  }
  if (!read_point_or_span(t, "an event", "[[event]]", e.date, e.start, e.end, r)) return false;
  return true;
}

// Events keep the lane name until all lanes are known.
struct EventIds {
  std::map<std::string, SourceLocation, std::less<>> first;
};

std::optional<model::Event> read_event(const toml::table& t, std::size_t index, const std::vector<model::Lane>& lanes,
                                       const LaneIndex& lane_index, EventIds& ids, const Reader& r) {
  detail::warn_unknown_keys(t, kEventKeys, "[[event]]", r);
  model::Event e;
  e.index = index;
  e.where = r.at(t);
  e.lane = kNoLane;
  read_string(t, "id", e.id, r);
  if (const toml::node* n = t.get("id"); n != nullptr && n->is_string() && !empty_id(t, "event", r)) {
    const auto [it, fresh] = ids.first.emplace(e.id, r.at(*n));
    if (!fresh) r.error(*n, fmt::format("duplicate event id '{}'", e.id), {{"first used here", it->second}});
  }
  read_event_title(t, e.title, r);
  const bool dated = read_event_dates(t, e, r);
  if (const toml::node* n = t.get("lane")) {
    if (auto name = detail::string_value(*n, "lane", r)) {
      if (auto found = lane_index.find(*name)) e.lane = *found;
      else r.error(*n, fmt::format("unknown lane '{}'", *name), unknown_lane_notes(*name, lanes));
    }
  }
  read_string(t, "description", e.description, r);
  read_url(t, e.url, r);
  read_tags(t, e.tags, r);
  read_color(t, "event.color", e.style, r);
  read_style(t, "event.", e.style, r);
  detail::sort_sheet(e.style);
  if (!dated) return std::nullopt;
  return e;
}

// ---- [[era]], [[marker]], [style] ------------------------------------------

void read_era(const toml::table& t, std::vector<model::Era>& out, const Reader& r) {
  detail::warn_unknown_keys(t, kEraKeys, "[[era]]", r);
  model::Era era;
  era.where = r.at(t);
  read_string(t, "title", era.title, r);
  const Span s = span(t, "[[era]]", true, r);
  read_color(t, "era.fill", era.style, r);
  read_style(t, "era.", era.style, r);
  detail::sort_sheet(era.style);
  if (!s.start || !s.end) return;
  era.start = *s.start;
  era.end = *s.end;
  out.push_back(std::move(era));
}

void read_marker(const toml::table& t, std::vector<model::Marker>& out, const Reader& r) {
  detail::warn_unknown_keys(t, kMarkerKeys, "[[marker]]", r);
  model::Marker marker;
  marker.where = r.at(t);
  read_string(t, "title", marker.title, r);
  const DateField date = date_field(t, "date", Role::marker, r);
  if (!date.written) r.error(t, "[[marker]] needs a 'date'");
  read_color(t, "marker.color", marker.style, r);
  read_style(t, "marker.", marker.style, r);
  detail::sort_sheet(marker.style);
  if (!date.value) return;
  marker.date = *date.value;
  out.push_back(std::move(marker));
}

// ---- [[link]] ---------------------------------------------------------------

// Where each event id was first written, and which of those events loaded.
struct LinkTargets {
  const EventIds& written;
  std::map<std::string, std::size_t, std::less<>> loaded;  // id → index into Timeline::events
};

// One end of a link: an event id that the file defines. An id whose event
// failed to load was reported there already.
std::optional<std::size_t> link_end(const toml::table& t, std::string_view key, const LinkTargets& targets,
                                    const Reader& r) {
  const toml::node* n = t.get(key);
  if (n == nullptr) {
    r.error(t, fmt::format("[[link]] needs a '{}' (the id of an event)", key));
    return std::nullopt;
  }
  const auto id = detail::string_value(*n, key, r);
  if (!id) return std::nullopt;
  if (const auto it = targets.loaded.find(*id); it != targets.loaded.end()) return it->second;
  if (targets.written.first.contains(*id)) return std::nullopt;
  std::vector<Note> notes;
  std::vector<std::string_view> names;
  for (const auto& [name, where] : targets.written.first) names.push_back(name);
  if (names.empty()) notes.push_back({"no [[event]] has an 'id'; give the events a link joins an 'id'", {}});
  else if (auto near = nearest(*id, names); !near.empty())
    notes.push_back({fmt::format("did you mean '{}'?", near), targets.written.first.find(near)->second});
  r.error(*n, fmt::format("unknown event id '{}' in '{}'", *id, key), std::move(notes));
  return std::nullopt;
}

void read_link(const toml::table& t, const LinkTargets& targets, std::vector<model::Link>& out, const Reader& r) {
  detail::warn_unknown_keys(t, kLinkKeys, "[[link]]", r);
  model::Link link;
  link.where = r.at(t);
  const auto from = link_end(t, "from", targets, r);
  const auto to = link_end(t, "to", targets, r);
  if (const toml::node* n = t.get("title")) {
    link.title_where = r.at(*n);
    read_string(t, "title", link.title, r);
    if (detail::join_title_lines(link.title)) r.diags.warning(r.at(*n), std::string(detail::kTitleLinesWarning));
  }
  if (!from || !to) return;
  if (*from == *to) {
    r.diags.error(key_at(t, "to", r), "a link joins two events; 'from' and 'to' name the same one");
    return;
  }
  link.from = *from;
  link.to = *to;
  out.push_back(std::move(link));
}

void read_style_table(const toml::table& root, PropertySheet& out, const Reader& r) {
  const toml::node* n = root.get("style");
  if (n == nullptr) return;
  if (const auto* t = n->as_table()) {
    detail::flatten(*t, "", out, r);
    detail::sort_sheet(out);
  } else {
    r.error(*n, fmt::format("[style] must be a table, found {}", detail::type_name(*n)));
  }
}

// The chart's language: the command line's (already checked by its caller),
// else the file's `locale`, else English. An unknown one is an error at its value.
dates::Locale chart_locale(const toml::table& root, const ReadOptions& options, const Reader& r) {
  dates::Locale chosen;
  const auto* header = root.get_as<toml::table>("timeline");
  if (const toml::node* n = header ? header->get("locale") : nullptr) {
    if (const auto tag = detail::string_value(*n, "locale", r)) {
      auto made = dates::make_locale(*tag);
      if (auto* e = std::get_if<dates::LocaleError>(&made)) r.error(*n, e->message);
      else chosen = std::get<dates::Locale>(std::move(made));
    }
  }
  if (!options.locale.empty()) {
    auto made = dates::make_locale(options.locale);
    if (auto* loc = std::get_if<dates::Locale>(&made)) chosen = std::move(*loc);
  }
  return chosen;
}

void read_timeline(const toml::table& root, model::Timeline& tl, const Reader& r) {
  detail::warn_unknown_keys(root, kTopKeys, "the file", r);
  read_header(root, tl.header, r);
  LaneIndex lane_index;
  each_table(root, "lane", r, [&](const toml::table& t, std::size_t index) {
    // Each lane is a band, a header and a separator however empty it is, so a
    // file of bare [[lane]] tables asks more of the layout than its size says.
    if (index == kMaxLanes)
      r.error(t, fmt::format("more than {} lanes; put related lanes together, or split the timeline", kMaxLanes));
    if (index < kMaxLanes) read_lane(t, tl.lanes, lane_index, r);
  });
  EventIds ids;
  each_table(root, "event", r, [&](const toml::table& t, std::size_t index) {
    if (auto e = read_event(t, index, tl.lanes, lane_index, ids, r)) tl.events.push_back(std::move(*e));
  });
  if (const toml::node* events = root.get("event"); events == nullptr)
    r.diags.error({tl.file, 1, 1}, "no [[event]] in the file");  // an empty file still has a line 1
  else if (const auto* array = events->as_array(); array != nullptr && array->empty())
    r.error(*events, "no [[event]] in the file");
  detail::assign_default_lane(tl);
  detail::gather_groups(tl, r.diags);
  each_table(root, "era", r, [&](const toml::table& t, std::size_t) { read_era(t, tl.eras, r); });
  each_table(root, "marker", r, [&](const toml::table& t, std::size_t) { read_marker(t, tl.markers, r); });
  LinkTargets targets{ids, {}};
  for (std::size_t i = 0; i < tl.events.size(); ++i)
    if (!tl.events[i].id.empty()) targets.loaded.emplace(tl.events[i].id, i);
  each_table(root, "link", r, [&](const toml::table& t, std::size_t) { read_link(t, targets, tl.links, r); });
  read_style_table(root, tl.style, r);
}

}  // namespace

std::optional<model::Timeline> timeline(std::string_view text, const std::string& file, Diagnostics& diags,
                                        const ReadOptions& options) {
  Diagnostics local;
  const Reader r{file, local};
  std::optional<model::Timeline> result;
  if (valid_text(text, file, local)) {
    if (auto root = detail::parse(text, r)) {
      result.emplace();
      result->file = file;
      // The language first: every date of the file may be written in it.
      result->header.locale = chart_locale(*root, options, r);
      const Reader in_locale{file, local, &result->header.locale};
      read_timeline(*root, *result, in_locale);
    }
  }
  detail::move_sorted(local, diags);
  return result;
}

std::optional<model::Timeline> timeline(std::string_view text, const std::string& file, Diagnostics& diags) {
  return timeline(text, file, diags, ReadOptions{});
}

void check_present(const model::Timeline& tl, const dates::Date& now, const Note& origin, Diagnostics& diags) {
  auto check = [&](const LocatedDate* start, const LocatedDate* end) {
    if (!start || !end || !end->date.present || start->date.present) return;
    dates::Date present = dates::resolve_present(end->date, now);
    if (present.end > start->date.begin) return;  // as check_order: the end of its end is after the start
    present.present = false;                       // so that it is labelled as the day it is
    diags.error(end->where,
                fmt::format("'end' (present, {}) is before 'start' ({})", dates::label(present),
                            dates::label(start->date)),
                {{"the start is here", start->where},
                 {fmt::format("'present' is {}, {}", dates::label(present), origin.message), origin.where}});
  };
  const auto* no_date = static_cast<const LocatedDate*>(nullptr);
  auto ptr = [&](const std::optional<LocatedDate>& d) { return d ? &*d : no_date; };
  check(ptr(tl.header.start), ptr(tl.header.end));
  for (const auto& e : tl.events) {
    check(ptr(e.start), ptr(e.end));
    for (const auto& p : e.periods) check(ptr(p.start), ptr(p.end));
  }
  for (const auto& era : tl.eras) check(&era.start, &era.end);
}

ReadOptions read_options(bool safe) {
  ReadOptions o;
  o.safe = safe;
  if (safe) {
    o.max_timeline_bytes = 8ULL << 20;
    o.max_style_bytes = 256ULL << 10;
  }
  return o;
}

std::optional<model::Timeline> timeline_file(const std::string& path, Diagnostics& diags,
                                             const ReadOptions& options) {
  const auto text = detail::read_file(path, options.max_timeline_bytes, diags);
  if (!text) return std::nullopt;
  const std::string name = lowercase(path);
  if (name.ends_with(".csv")) return csv_timeline(*text, path, ',', diags, options);
  if (name.ends_with(".tsv")) return csv_timeline(*text, path, '\t', diags, options);
  return timeline(*text, path, diags, options);
}

}  // namespace annals::load
