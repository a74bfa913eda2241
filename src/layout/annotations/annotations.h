#pragma once
// Era and marker titles: packed into their own rows (columns when time runs
// down the page) beside the lanes, so that they never overlap each other or
// the events.
#include <cstddef>
#include <string>
#include <vector>

#include "scale/time_scale.h"
#include "scene/scene.h"
#include "style/values.h"
#include "styled/timeline.h"
#include "text/measurer.h"

namespace annals::layout {

struct Annotation {
  bool is_era = false;
  std::size_t index = 0;      // into styled::Timeline::eras or ::markers
  style::EraStyle era;        // the chart's [era] with the era's own keys
  style::MarkerStyle marker;  // the chart's [marker] with the marker's own keys
  double a = 0, b = 0;        // what it marks along the time axis (a == b for markers)
  std::string text;
  FontSpec font;
  Color color;
  double w = 0, h = 0;        // the title's measured size
  double pos = 0;             // where the title starts along the time axis
  std::size_t row = 0;        // 0 = the row (column) nearest the lanes
  // Eras only: how the band is told from its neighbours and how its ends read.
  bool alternate = false;       // every other era of a run of touching ones takes a deeper tint
  bool meets_previous = false;  // it starts where an earlier era ends (or inside it): a thin rule there
  bool fade_start = false, fade_end = false;  // an approximate or uncertain start or end fades out
};

struct Annotations {
  std::vector<Annotation> labels;
  std::vector<double> row_size;  // across the time axis, per row
  double total() const;          // every row and the gaps between them
};

inline constexpr double kAnnotationGap = 4;  // pt between rows and between titles

// Which titles a plan holds: those above the lanes (markers, and eras titled
// "top"; every era keeps its band here) or the era titles asked "bottom".
enum class TitleSide { above, below };

// An era's band (plan coordinates: time along x, `c0`..`c1` across): its
// pale fill, deeper for an alternate era, fading at approximate ends as an
// event's bar does, and the thin rule where it meets the era before. One
// piece across axis breaks, so an era that spans a break never reads as two.
std::vector<scene::Shape> era_band(const Annotation& an, double c0, double c1);

// `lo`/`hi` bound the plot along the time axis.
Annotations plan_annotations(const styled::Timeline& chart, const scale::TimeScale& s, double lo, double hi,
                             bool vertical, const text::TextMeasurer& m, TitleSide side = TitleSide::above);

}  // namespace annals::layout
