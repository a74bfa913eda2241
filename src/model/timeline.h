#pragma once
// The timeline as the user wrote it: plain data, every value with its
// position in the file. Styles are kept as raw requests (base/property.h);
// the style module resolves them.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/property.h"
#include "base/source_location.h"
#include "dates/date.h"
#include "dates/locale.h"

namespace annals::model {

struct LocatedDate {
  dates::Date date;
  SourceLocation where;
};

enum class ScaleKind { automatic, linear, collapsed };
enum class Orientation { horizontal, vertical };

struct Header {
  std::string title;
  std::string subtitle;
  std::string source;                // footer credit
  std::string style;                 // built-in name or path as written ("" = default)
  SourceLocation style_where;
  std::optional<LocatedDate> start;  // view window
  std::optional<LocatedDate> end;
  std::optional<LocatedDate> now;    // what "present" means, when the file says
  ScaleKind scale = ScaleKind::automatic;
  Orientation orientation = Orientation::horizontal;
  std::string description;           // optional; used for SVG <desc> and PDF subject
  dates::Locale locale;              // the chart's language (`locale`, or --set locale=…); English by default
};

struct Lane {
  std::string id;     // given, or the title slugified
  std::string title;
  PropertySheet style;  // lane-level requests: "color" becomes "lane.color"/"event.color"
  SourceLocation where;
  std::string group = {};  // the group header it is drawn under ("" = none); a group's lanes are kept together
  SourceLocation group_where = {};
};

// One period of an event with several (FORMAT.md §5.1): a point (`date`) or
// a span (`start` and `end`), as the loader checked it.
struct Period {
  std::optional<LocatedDate> date;
  std::optional<LocatedDate> start;
  std::optional<LocatedDate> end;
  SourceLocation where;  // the period's table (or its text in a CSV cell)

  bool is_span() const { return start.has_value(); }
};

struct Event {
  std::size_t index = 0;  // position among the file's events, 0-based
  std::string id;         // given, or "" (the dump then uses the index)
  std::string title;
  // A point has `date`; a span has `start` and `end`; an event with several
  // periods has `periods` (in time order, not overlapping) and none of the
  // three. The loader guarantees exactly one of these shapes.
  std::optional<LocatedDate> date;
  std::optional<LocatedDate> start;
  std::optional<LocatedDate> end;
  std::vector<Period> periods;
  std::size_t lane = 0;  // index into Timeline::lanes
  std::string description;
  std::vector<std::string> tags;
  std::string url;
  PropertySheet style;  // the event's own keys ("event.color", "event.marker", ...)
  SourceLocation where;

  bool is_span() const { return start.has_value(); }
};

// An arrow from one event's mark to another's (FORMAT.md §5.2).
struct Link {
  std::size_t from = 0, to = 0;  // indices into Timeline::events
  std::string title;             // optional, drawn along the link
  SourceLocation where;          // the [[link]] table
  SourceLocation title_where;    // its 'title', where it has one
};

struct Era {
  std::string title;
  LocatedDate start;
  LocatedDate end;
  PropertySheet style;  // "era.fill", ...
  SourceLocation where;
};

struct Marker {
  std::string title;
  LocatedDate date;
  PropertySheet style;  // "marker.color", ...
  SourceLocation where;
};

struct Timeline {
  std::string file;  // as named by the user
  Header header;
  std::vector<Lane> lanes;  // never empty after loading: a default lane when none is written
  std::vector<Event> events;
  std::vector<Era> eras;
  std::vector<Marker> markers;
  std::vector<Link> links;  // both ends known events
  PropertySheet style;  // the file's [style] table: overrides of the chosen style
};

}  // namespace annals::model
