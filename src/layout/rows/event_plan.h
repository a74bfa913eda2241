#pragma once
// One event's mark and label, placed along the time axis: what the event
// occupies (for row packing) and the shapes that draw it. Shapes are in
// (t, c) coordinates (layout/page_map.h): t is final, c runs from 0 to
// `cross` and is moved into its row later. Text and marks are upright.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/geometry.h"
#include "layout/rows/packing.h"
#include "layout/page/page_map.h"
#include "dates/locale.h"
#include "styled/timeline.h"
#include "scale/time_scale.h"
#include "scene/scene.h"
#include "text/measurer.h"

namespace annals::layout {

// Where labels go: `along` — beside the mark on the time axis, above or below
// it, or inside a bar; `across` — past the mark across the time axis, level
// with it (the lanes of a chart whose time runs down).
enum class LabelFlow { along, across };

struct PlanContext {
  const scale::TimeScale* scale = nullptr;  // its domain is the view window: marks are clipped to it
  double lo = 0, hi = 0;     // the plot's bounds along the time axis
  double label_width = 200;  // labels wider than this wrap
  // Per lane, the opaque colour a bar sits on (its band over the page): text
  // inside a bar is judged against the bar composited over it. Empty = white.
  std::span<const Color> backdrops;
  PageMap map;                           // how (t, c) turns into the page, for upright text
  LabelFlow labels = LabelFlow::along;
  const dates::Locale* locale = nullptr;  // the language of the labels' dates; null = English
  double min_size = 0;                    // font.min_size: descriptions stay at or above it
  int extra_lines = 0;                    // lines labels were allowed beyond the style's (FitParams)
};

// Marks that the legend has to explain.
struct MarkUse {
  bool band = false;    // a date's whole interval (decade, c. dates)
  bool fade = false;    // an approximate start or end
  bool open = false;    // an ongoing span
};

// A part of what an event takes: a stretch along t, and across it from c0 to c1.
struct Occupied {
  Extent along;
  double c0 = 0, c1 = 0;
};

struct EventPlan {
  Extent extent;           // along the time axis, mark and label together
  double cross = 0;        // size across the time axis
  std::vector<scene::Shape> marks;
  std::vector<scene::Shape> label;  // text runs (and a leader line when the label moved)
  Box mark_box;
  // Labels across (time running down): the mark, thin but as long as its
  // span, and the label, wide but only as long as its lines, taken apart,
  // so that a later row may stand in the room a label leaves beside a long
  // mark (compose's place_rows). Empty: the whole extent, `cross` deep.
  std::vector<Occupied> profile;
  // Along t, the room its label would take beside its mark had an axis
  // break not squeezed it into its stretch; empty when none did.
  std::optional<Extent> wants;
  Box label_box;
  // An event with several periods: each period's mark, in time order (the
  // dashed connectors between them are in `marks` too). Empty otherwise.
  std::vector<Box> period_boxes;
  std::string label_text;  // lines joined by "\n"
  bool shortened = false;
  MarkUse uses;
};

// Time running down, a label's lines run along time, where a vertical chart
// has its room: a label that the style's max_label_lines would shorten may
// take this many more lines first, fewer tried before more (the style's 3
// become 5, then 8).
inline constexpr int kMoreLinesAlongTime[] = {2, 5};

EventPlan plan_event(const styled::Event& e, const PlanContext& ctx, const text::TextMeasurer& measurer);

// The date part of a label ("1879–1883", "c. 1964"), or "" when dates are hidden.
std::string date_text(const styled::Event& e, const dates::Locale* locale = nullptr);

}  // namespace annals::layout
