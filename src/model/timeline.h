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

struct Event {
  std::size_t index = 0;  // position among the file's events, 0-based
  std::string id;         // given, or "" (the dump then uses the index)
  std::string title;
  // A point has `date`; a span has `start` and `end`. The loader guarantees one or the other.
  std::optional<LocatedDate> date;
  std::optional<LocatedDate> start;
  std::optional<LocatedDate> end;
  std::size_t lane = 0;  // index into Timeline::lanes
  std::string description;
  std::vector<std::string> tags;
  std::string url;
  PropertySheet style;  // the event's own keys ("event.color", "event.marker", ...)
  SourceLocation where;

  bool is_span() const { return start.has_value(); }
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
  PropertySheet style;  // the file's [style] table: overrides of the chosen style
};

}  // namespace annals::model
