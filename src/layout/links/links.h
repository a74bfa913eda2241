#pragma once
// Links between events (FORMAT.md §5.2): an arrow from one event's mark to
// another's, routed in (t, c) coordinates so that it crosses no label —
// along t through the free channels between rows, across t in the time
// column of a mark — and its title set beside the route where nothing else
// is. Planned once for both orientations; the composition maps the result
// to the page with everything else.
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/font.h"
#include "base/geometry.h"
#include "layout/page/page_map.h"
#include "scene/scene.h"
#include "styled/timeline.h"
#include "text/measurer.h"

namespace annals::layout {

// A stretch across t that no row occupies: routes run along t inside one.
struct Channel {
  double c0 = 0, c1 = 0;
};

// What routing sees of one event, in (t, c), already in its row.
struct LinkEnd {
  Box mark;        // the whole mark
  Box first, last;  // its first and last period's mark (the mark itself for an event of one)
};

struct LinkInput {
  const styled::Timeline* chart = nullptr;
  std::vector<LinkEnd> ends;          // per event of the chart
  std::vector<Box> labels;            // every label box, (t, c): a route crosses none
  std::vector<Box> marks;             // every mark box, (t, c): a route avoids them where it can
  std::vector<Channel> channels;      // between rows and lanes, in order across
  double t_lo = 0, t_hi = 0;          // the plot along t
  double c_lo = 0, c_hi = 0;          // the lanes across
  PageMap map;
  const text::TextMeasurer* measurer = nullptr;
  FontSpec title_font;                // the chart's defaults for links, which its [link] keys override
  Color title_color, color;
  Diagnostics* diags = nullptr;
};

// One routed link: its polyline from the mark of `from` to the arrow's tip,
// the shapes that draw it and its dump item, all in (t, c).
struct RoutedLink {
  std::vector<Point> route;
  bool straight_fallback = false;  // no route avoided every label: drawn straight, with a warning
  std::vector<scene::Shape> shapes;
  scene::Item item;
};

// Every link of the chart routed in turn; later links avoid the titles of
// earlier ones. The search widens until a route is free: the simple routes,
// a detour on a grid near the ends, the same closer to labels, then the
// whole plot. Only a link walled in by labels is drawn straight and warned
// about at its [[link]] table; a title without room is left out with a
// warning at its key.
std::vector<RoutedLink> route_links(const LinkInput& in);

}  // namespace annals::layout
