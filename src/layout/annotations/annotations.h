#pragma once
// Era and marker titles: packed into their own rows (columns when time runs
// down the page) beside the lanes, so that they never overlap each other or
// the events.
#include <cstddef>
#include <string>
#include <vector>

#include "scale/time_scale.h"
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

// `lo`/`hi` bound the plot along the time axis.
Annotations plan_annotations(const styled::Timeline& chart, const scale::TimeScale& s, double lo, double hi,
                             bool vertical, const text::TextMeasurer& m, TitleSide side = TitleSide::above);

}  // namespace annals::layout
