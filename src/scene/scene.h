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
  // A line shortened with a closing "…": the rest of the title it stands
  // for, which a PDF carries (copying the label gives the whole title).
  std::string elided = {};
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
enum class ItemKind { event, label, lane, era, marker, axis, tick, title, legend, link, group };
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
  std::size_t period = 0;           // events of several periods: which one, from 1 (0 = the event has one)
  // Links (FORMAT.md §5.2): the events joined, the route drawn (from the
  // mark of `from` to the arrow's tip at the mark of `to`) and, when the link
  // has a title (in `text`), the title's box.
  std::string from, to;
  std::vector<Point> route;
  std::optional<Box> title_box;
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

// What page fitting chose for the page (the dump's `page`, beside its size).
struct Composed {
  bool known = false;      // set by page fitting; a scene built otherwise has no such fields
  double scale = 1;        // the factor every size of the style was drawn at
  double font_size = 0;    // pt: the body size (font.size) at that scale
  double label_size = 0;   // pt: event labels at that scale
  double min_size = 0;     // pt: font.min_size, the smallest labels fitting may choose
  double margin = 0;       // pt on every side
  double content_width = 0, content_height = 0;  // pt: what the drawn items span
  bool fits = true;        // false: the chart does not fit the page even at min_size
};

// PDF 1.7 (Annex C) limits a page to 14,400 units (200 in) per side; Acrobat
// and most viewers refuse or crop larger pages. Layout cuts a page that grows
// with its content at this length; the PDF renderer scales a larger page down to it.
inline constexpr double kPdfMaxSide = 14400;

struct Scene {
  double width = 0;   // pt
  double height = 0;  // pt
  Composed composed;
  Color background{1, 1, 1, 1};
  std::vector<Shape> shapes;  // in drawing order
  std::vector<Item> items;    // in reading order
  Metadata metadata;
  std::vector<OutlineEntry> outline;  // one per lane (PDF bookmarks)
  std::string page_title;             // on a chart of several pages: this page's outline entry ("Page 2 · 1905–1931")
  // A sheet of a poster printed in tiles (page.tiles): `shapes` are drawn
  // only inside `clip`, then `marks` (crop marks, the sheet's name) over it
  // unclipped. No clip and no marks on an ordinary page.
  std::optional<Box> clip;
  std::vector<Shape> marks;
  // A chart laid out over several pages (FORMAT.md §5.6): this Scene is the
  // first page and `more_pages` holds pages 2, 3, …, each a whole page of its
  // own (size, shapes, items, outline). Empty for a single page, which every
  // consumer reads exactly as before.
  std::vector<Scene> more_pages;
};

// How many pages `s` has (1 unless laid out over several), and page `i` (0-based).
std::size_t page_count(const Scene& s);
const Scene& page_of(const Scene& s, std::size_t i);

// The layout dump of FORMAT.md §4: on several pages `page` is the first,
// `pages` lists every page's size and each item carries its 1-based `page`.
std::string to_json(const Scene& s);
// A compact, line-per-shape text form for golden tests (coordinates to 0.01 pt);
// each further page follows its own "page" line.
std::string to_text(const Scene& s);

// The promises of FORMAT.md §4 that a dump can check on its own: no two label
// boxes overlap, no label crosses the mark (event item box) of another
// event, and every item box lies on the page; and of §5.2: no link's route
// or title crosses a label, and no link title overlaps another. One message per broken
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
