#pragma once
// The display list: everything final (points, colours, fonts, strings), like
// a resolved SVG tree. Layout writes it; the renderer draws exactly it; the
// JSON dump (FORMAT.md §4) is written from it.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/color.h"
#include "base/font.h"
#include "base/geometry.h"

namespace annals::scene {

struct GradientStop {
  double offset = 0;  // 0..1
  Color color;
};

// A solid colour, or a linear gradient between two points (fades, uncertainty bands).
struct Paint {
  Color color = Color::none();
  std::vector<GradientStop> stops;  // non-empty = gradient from `from` to `to`
  Point from, to;

  static Paint solid(Color c) { return Paint{c, {}, {}, {}}; }
  bool is_none() const { return stops.empty() && color.is_none(); }
};

struct Stroke {
  Color color = Color::none();
  double width = 0;
  std::vector<double> dash;  // empty = solid
};

struct Rect {
  Box box;
  double radius = 0;
  Paint fill;
  Stroke stroke;
};

struct Circle {
  Point center;
  double radius = 0;
  Paint fill;
  Stroke stroke;
};

// A polyline or polygon (diamonds, triangles, arrows, axis-break strokes).
struct Path {
  std::vector<Point> points;
  bool closed = false;
  Paint fill;
  Stroke stroke;
};

struct Line {
  Point from, to;
  Stroke stroke;
};

// A stretch of a Text, in bytes, drawn in a colour of its own (a label's date).
struct ColorSpan {
  std::size_t begin = 0, end = 0;
  Color color;
};

// One line of text, drawn with its logical box's top-left corner at box.x, box.y,
// in `color` except where a span says otherwise.
struct Text {
  Box box;  // logical extent as measured by the layout's TextMeasurer
  std::string text;
  FontSpec font;
  Color color;
  std::vector<ColorSpan> spans;
};

// A clickable area (PDF link annotation; SVG <a>).
struct Link {
  Box box;
  std::string url;
};

using Shape = std::variant<Rect, Circle, Path, Line, Text, Link>;

// What the dates of an event resolved to (FORMAT.md §4).
struct EventDates {
  std::string start;      // "1879-01-01", astronomical years
  std::string end;        // inclusive: "1883-12-31"
  std::string precision;  // "time", "day", "month", "year", "decade", "century"
  bool approximate = false;
  bool uncertain = false;
  bool open = false;      // end = "present"
};

// What a drawn thing is; the dump writes its name ("event", "tick", ...).
enum class ItemKind { event, label, lane, era, marker, axis, tick, title, legend };
std::string_view to_string(ItemKind kind);

// One drawn thing as the JSON dump lists it.
struct Item {
  ItemKind kind = ItemKind::event;
  std::string id;     // the event's id or its index
  Box box;
  std::string event;  // for events and labels: the event's id or index
  std::string lane;   // for events and labels: the lane's id
  std::string text;   // labels and ticks: the string drawn, lines joined by "\n"
  std::string title;  // events: the full title
  std::optional<EventDates> dates;  // events
  std::string description;          // events: for tooltips
  std::string url;                  // events
};

// A colour as drawn and the colour it takes in a dark colour scheme.
struct ColorPair {
  Color light, dark;
};

struct Metadata {
  std::string title;
  std::string subject;  // subtitle or description
  std::string creator;  // "annals VERSION"
  std::string date;     // ISO 8601 date of `now` (reproducible)
  std::string link_target = "_top";  // where an SVG's links open ("" = the frame that shows it)
  // SVG: each colour drawn and its counterpart when the reader prefers a
  // dark colour scheme (svg.dark); empty = one scheme only.
  std::vector<ColorPair> dark_colors;
};

struct OutlineEntry {
  std::string title;
  double y = 0;  // top of the lane on the page
};

struct Scene {
  double width = 0;   // pt
  double height = 0;  // pt
  Color background{1, 1, 1, 1};
  std::vector<Shape> shapes;  // in drawing order
  std::vector<Item> items;    // in reading order
  Metadata metadata;
  std::vector<OutlineEntry> outline;  // one per lane (PDF bookmarks)
};

// The layout dump of FORMAT.md §4.
std::string to_json(const Scene& s);
// A compact, line-per-shape text form for golden tests (coordinates to 0.01 pt).
std::string to_text(const Scene& s);

// The promises of FORMAT.md §4 that a dump can check on its own: no two label
// boxes overlap, no label crosses the mark (event item box) of another
// event, and every item box lies on the page. One message per broken
// promise (empty = all kept); O(n log n), so it scales to 100k items.
std::vector<std::string> validate(const Scene& s);

// Pairs every colour of `light` with the colour at the same place in `dark`,
// a scene laid out from the same timeline with other colours only. Where one
// colour of `light` has two counterparts (white paper that turns charcoal,
// white text on a bar that stays white), the later uses get a copy of it
// nudged by a few millionths (invisible; no 8-bit channel changes) so that
// each colour drawn names one counterpart. Returns false, changing nothing,
// when the scenes differ in more than colour.
bool pair_colors(Scene& light, const Scene& dark);

}  // namespace annals::scene
