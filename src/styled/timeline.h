#pragma once
// The styled timeline: the timeline with every value layout needs already
// resolved — "present" replaced by now, the time each thing covers, each
// lane's colour and each event's, era's and marker's style from the
// cascade. Layout draws from this alone; it never sees the model or the
// cascade (style/style.h), only resolved values (style/values.h).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/color.h"
#include "base/source_location.h"
#include "dates/date.h"
#include "dates/locale.h"
#include "style/values.h"

namespace annals::styled {

enum class ScaleKind { automatic, linear, collapsed };
enum class Orientation { horizontal, vertical };

struct Header {
  Orientation orientation = Orientation::horizontal;
  ScaleKind scale = ScaleKind::automatic;
  // The words around the chart: title and subtitle above it, the source
  // credit below, the description for SVG <desc> and the PDF subject when
  // there is no subtitle.
  std::string title, subtitle, source, description;
  // The view window as written ("present" kept, for messages) and the time it
  // bounds (present resolved): its start's beginning, its end's end.
  std::optional<dates::Date> start, end;
  std::optional<dates::Seconds> window_begin, window_end;
  dates::Locale locale;  // the language of dates, "present" and the legend
};

struct Lane {
  std::string id;
  std::string title;
  Color color;
  std::string group = {};  // its group header ("" = none); a group's lanes are consecutive
};

// One period of an event with several (FORMAT.md §5.1).
struct Period {
  bool span = false;
  dates::Date first, last;            // as Event's, for this period alone
  dates::Seconds begin = 0, end = 0;  // the time it covers, [begin, end)
};

// Consecutive lanes under one group header (FORMAT.md §5.3).
struct LaneGroup {
  std::string title;
  std::size_t first = 0, last = 0;  // lanes [first, last], into Timeline::lanes
};

// The groups of `lanes`, in order; lanes without a group belong to none.
std::vector<LaneGroup> lane_groups(const std::vector<Lane>& lanes);

struct Event {
  std::size_t index = 0;  // position among the file's events
  std::string id;         // the given id, or the index as a string
  std::size_t lane = 0;   // into Timeline::lanes
  std::string title;
  bool span = false;
  dates::Date first;      // the point's date, or the span's start
  dates::Date last;       // the point's date, or the span's end (present resolved)
  dates::Seconds begin = 0, end = 0;  // the time covered, [begin, end)
  // Two or more periods in time order, drawn on one row and joined (then
  // first, last, begin and end are those of the whole); empty for an event of
  // one period. `span` is then true.
  std::vector<Period> periods;
  std::string description;
  std::string url;
  SourceLocation where;
  style::EventStyle style;
};

struct Era {
  std::string title;
  dates::Date start, end;            // as written, for messages
  dates::Seconds begin = 0, end_at = 0;  // its start's beginning, its end's end (present resolved)
  SourceLocation where;
  style::EraStyle style;  // the chart's [era] with the era's own keys
};

struct Marker {
  std::string title;
  dates::Date date;      // as written, for messages
  dates::Seconds at = 0;  // its moment (present resolved)
  SourceLocation where;
  style::MarkerStyle style;  // the chart's [marker] with the marker's own keys
};

// An arrow from one event's mark to another's (FORMAT.md §5.2).
struct Link {
  std::size_t from = 0, to = 0;  // indices into Timeline::events
  std::string title;             // "" = none
  SourceLocation where, title_where;
};

// A tag some event carries whose style gives it a colour: the legend shows it.
struct TagSwatch {
  std::string name;
  Color color;
};

struct Timeline {
  std::string file;        // as named by the user, for messages
  Header header;
  dates::Date now;         // what "present" meant
  style::Style style;      // the chart's style, the timeline's [style] and --set applied
  std::vector<Lane> lanes;  // never empty: a default lane when the file has none
  std::vector<Event> events;  // in file order
  std::vector<Era> eras;
  std::vector<Marker> markers;
  std::vector<TagSwatch> tags;  // by tag name
  std::vector<Link> links;      // between events of `events`
};

}  // namespace annals::styled
