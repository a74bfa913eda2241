#pragma once
// Events built in code for layout tests: a point or a span with a title,
// on a lane (by index); the timeline that takes them numbers them.
#include <cstddef>
#include <string>
#include <utility>

#include "dates/date.h"
#include "model/timeline.h"

namespace annals::test {

inline model::Event point(std::string title, dates::Date d, std::size_t lane = 0) {
  model::Event e;
  e.title = std::move(title);
  e.date = model::LocatedDate{d, {}};
  e.lane = lane;
  return e;
}

inline model::Event span(std::string title, dates::Date a, dates::Date b, std::size_t lane = 0) {
  model::Event e;
  e.title = std::move(title);
  e.start = model::LocatedDate{a, {}};
  e.end = model::LocatedDate{b, {}};
  e.lane = lane;
  return e;
}

}  // namespace annals::test
