#pragma once
// Everything the layout needs to know about the model, resolved once:
// dates with "present" replaced by now, the interval each event covers, and
// each event's style from the cascade.
#include <cstddef>
#include <string>
#include <vector>

#include "base/color.h"
#include "base/diagnostics.h"
#include "base/property.h"
#include "dates/date.h"
#include "model/timeline.h"
#include "style/style.h"

namespace annals::layout {

struct ResolvedEvent {
  std::size_t index = 0;  // into Timeline::events
  std::string id;         // the given id, or the index as a string
  std::size_t lane = 0;   // into Resolved::lanes
  std::string title;
  bool span = false;
  dates::Date first;      // the point's date, or the span's start
  dates::Date last;       // the point's date, or the span's end (present resolved)
  dates::Seconds begin = 0, end = 0;  // the time covered, [begin, end)
  style::EventStyle style;
};

struct ResolvedLane {
  std::string id;
  std::string title;
  Color color;
};

struct Resolved {
  std::vector<ResolvedLane> lanes;
  std::vector<ResolvedEvent> events;
};

Resolved resolve(const model::Timeline& timeline, const style::Style& style, const dates::Date& now,
                 const PropertySheet& command_line, Diagnostics& diags);

// The covered interval of a located date pair (present resolved).
dates::Date resolved(const dates::Date& d, const dates::Date& now);

}  // namespace annals::layout
