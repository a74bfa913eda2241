#pragma once
// What every timeline reader checks of one event, whatever the file's syntax
// (TOML tables or CSV rows), so the rules and their words are written once.
// Internal to load/.
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "model/timeline.h"

namespace annals::load::detail {

// An event's lane before the lanes are all known.
constexpr std::size_t kNoLane = std::numeric_limits<std::size_t>::max();
// 20,000 lanes lay out and draw in about 2 s; 1,000,000 took 48 s and 4.5 GB.
constexpr std::size_t kMaxLanes = 20'000;

// Where a date may say "present" (FORMAT.md §1.2): only where it means "still going".
enum class DateRole { start, end, point, marker, now };

// Why `date` cannot stand in `role` ("'present' cannot be a start; ..."), or "".
std::string present_problem(const dates::Date& date, DateRole role);

// "'end' (1870) is before 'start' (1879)", at the end, with a note at the start.
void check_order(const model::LocatedDate& start, const model::LocatedDate& end, Diagnostics& diags);

// Periods of one event (FORMAT.md §5.1) in time order and not overlapping,
// only the last one ongoing: each offending period is an error at its place,
// with a note at the one before it. False when any period is out of place.
bool check_periods(const std::vector<model::Period>& periods, Diagnostics& diags);

// "1962–1975" or "1978–present": a period's dates for messages.
std::string period_text(const model::Period& p);

bool is_blank(std::string_view s);

// The problem of an event title ("an event needs a non-empty title"), or "".
std::string title_problem(std::string_view title);

// A title is one line: true when `title` had line breaks, now spaces (CR LF is one).
bool join_title_lines(std::string& title);
inline constexpr std::string_view kTitleLinesWarning = "a title is one line; its line breaks are drawn as spaces";

// Why a colour cannot be used, or "".
std::string color_problem(std::string_view color);

// Events without a lane go to the lane called "default", added when missing.
void assign_default_lane(model::Timeline& timeline);

// Lane groups (FORMAT.md §5.3): the lanes of a group are drawn together, at
// the place of the group's first lane. A lane written apart from the rest of
// its group moves up to them, with a warning at its `group`; events keep
// their lanes.
void gather_groups(model::Timeline& timeline, Diagnostics& diags);

}  // namespace annals::load::detail
