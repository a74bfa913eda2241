// Every case of tests/cases and every timeline of timelines/ laid out in each
// built-in style, read the way a reader reads it, through the layout dump:
// events of a lane that overlap in time sit in time order (the later below,
// or to the right when time runs down), in 90 % of pairs at least and in
// 85 % of each case with ten pairs or more, with rows kept within a quarter
// more than the fewest (first fit: 72 %). And no two labels of a row are
// written toward each other closer than 1.5 em.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "annals/pipeline.h"
#include "text/measurer.h"

namespace annals {
namespace {

namespace fs = std::filesystem;

const char* const kStyles[] = {"default", "classic", "dark", "print", "poster"};

std::vector<fs::path> every_case() {
  std::vector<fs::path> out;
  for (const char* dir : {"tests/cases", "timelines"})
    for (const auto& entry : fs::directory_iterator(fs::path(ANNALS_SOURCE_DIR) / dir))
      if (entry.path().extension() == ".toml") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

scene::Scene scene_of(const fs::path& file, const std::string& style) {
  Request request;
  request.input = file.string();
  request.style = style;
  request.source_date_epoch = "1700000000";
  Pipeline p(request);
  const text::FakeMeasurer measurer;
  EXPECT_TRUE(p.load() && p.style() && p.layout(measurer)) << file << " " << style;
  return p.scene();
}

// Along the time axis and across it: x and y, swapped when time runs down
// (lanes are then columns, taller than wide).
struct Axes {
  bool vertical = false;
  double lo(const Box& b) const { return vertical ? b.y : b.x; }
  double hi(const Box& b) const { return vertical ? b.bottom() : b.right(); }
  double across(const Box& b) const { return vertical ? b.x + b.w / 2 : b.y + b.h / 2; }
};

Axes axes_of(const scene::Scene& s) {
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::lane) return {it.box.h > it.box.w};
  return {};
}

struct Order {
  int pairs = 0;
  int in_order = 0;
};

// Pairs of events in one lane whose marks overlap along time; the one that
// starts later should lie further across. Marks that start together have no
// order to keep.
Order time_order(const scene::Scene& s) {
  const Axes ax = axes_of(s);
  std::map<std::string, std::vector<Box>> lanes;
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::event) lanes[it.lane].push_back(it.box);
  Order o;
  for (const auto& [lane, marks] : lanes)
    for (std::size_t a = 0; a < marks.size(); ++a)
      for (std::size_t b = a + 1; b < marks.size(); ++b) {
        const auto& p = marks[a];
        const auto& q = marks[b];
        if (ax.lo(p) >= ax.hi(q) - 0.01 || ax.lo(q) >= ax.hi(p) - 0.01) continue;
        if (std::abs(ax.lo(p) - ax.lo(q)) < 0.01) continue;
        const auto& early = ax.lo(p) < ax.lo(q) ? p : q;
        const auto& late = ax.lo(p) < ax.lo(q) ? q : p;
        ++o.pairs;
        o.in_order += ax.across(late) > ax.across(early);
      }
  return o;
}

// Where only labels meet, order is traded against the rows' budget and
// against the order of marks, which weighs more: 82 % of such pairs read in
// order, 70 % in the worst case (77 % and 59 % when only marks were kept in
// order).
constexpr double kExtentShare = 0.8;
constexpr double kExtentCaseShare = 0.65;

TEST(CaseReading, OverlappingEventsOfALaneSitInTimeOrder) {
  Order all;
  for (const auto& file : every_case())
    for (const char* style : kStyles) {
      const Order o = time_order(scene_of(file, style));
      all.pairs += o.pairs;
      all.in_order += o.in_order;
      if (o.pairs > 0)
        std::printf("%-36s %-8s %4d of %4d in time order\n", file.filename().string().c_str(), style, o.in_order,
                    o.pairs);
      if (o.pairs >= 10) {
        EXPECT_GE(o.in_order, 0.85 * o.pairs) << file.filename() << " " << style << ": " << o.in_order
                                               << " of " << o.pairs << " pairs in time order";
      }
    }
  EXPECT_GE(all.pairs, 50);  // the cases overlap enough for the figure to mean something
  EXPECT_GE(all.in_order, 0.9 * all.pairs) << all.in_order << " of " << all.pairs;
  std::printf("time order: %d of %d overlapping pairs\n", all.in_order, all.pairs);
}

// Pairs of events in one lane whose marks and labels together overlap along
// time, so that they cannot share a row: the one whose mark starts later
// should lie further across.
Order extent_order(const scene::Scene& s) {
  const Axes ax = axes_of(s);
  struct Extent {
    Box mark;
    double lo = 0, hi = 0;
  };
  std::map<std::string, Extent> of_event;
  std::map<std::string, std::string> lane_of;
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::event) {
      of_event[it.id] = {it.box, ax.lo(it.box), ax.hi(it.box)};
      lane_of[it.id] = it.lane;
    }
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::label && of_event.count(it.event)) {
      auto& e = of_event[it.event];
      e.lo = std::min(e.lo, ax.lo(it.box)), e.hi = std::max(e.hi, ax.hi(it.box));
    }
  std::map<std::string, std::vector<Extent>> lanes;
  for (const auto& [id, e] : of_event) lanes[lane_of[id]].push_back(e);
  Order o;
  for (const auto& [lane, events] : lanes)
    for (std::size_t a = 0; a < events.size(); ++a)
      for (std::size_t b = a + 1; b < events.size(); ++b) {
        const auto& p = events[a];
        const auto& q = events[b];
        if (p.lo >= q.hi - 0.01 || q.lo >= p.hi - 0.01) continue;
        if (std::abs(ax.lo(p.mark) - ax.lo(q.mark)) < 0.01) continue;
        const bool p_first = ax.lo(p.mark) < ax.lo(q.mark);
        const auto& early = p_first ? p.mark : q.mark;
        const auto& late = p_first ? q.mark : p.mark;
        ++o.pairs;
        o.in_order += ax.across(late) > ax.across(early);
      }
  return o;
}

TEST(CaseReading, EventsWhoseLabelsMeetSitInTimeOrder) {
  Order all;
  for (const auto& file : every_case())
    for (const char* style : kStyles) {
      const Order o = extent_order(scene_of(file, style));
      all.pairs += o.pairs;
      all.in_order += o.in_order;
      if (o.pairs > 0)
        std::printf("%-36s %-8s %4d of %4d in time order\n", file.filename().string().c_str(), style, o.in_order,
                    o.pairs);
      if (o.pairs >= 10) {
        EXPECT_GE(o.in_order, kExtentCaseShare * o.pairs) << file.filename() << " " << style << ": " << o.in_order
                                                            << " of " << o.pairs << " pairs in time order";
      }
    }
  EXPECT_GE(all.pairs, 200);
  EXPECT_GE(all.in_order, kExtentShare * all.pairs) << all.in_order << " of " << all.pairs;
  std::printf("time order where labels meet: %d of %d pairs\n", all.in_order, all.pairs);
}

struct Label {
  Box text;  // the label as drawn
  Box mark;  // its event's mark
  double em = 0;
};

// With the measurer of the tests a line is 1.2 em tall.
double em_of(const scene::Item& label) {
  const auto lines = 1 + std::count(label.text.begin(), label.text.end(), '\n');
  return label.box.h / (1.2 * static_cast<double>(lines));
}

// Labels of one lane level with each other, the earlier right of its mark and
// the later left of its own, with less than 1.5 em between them.
std::vector<std::string> facing_labels(const scene::Scene& s) {
  const Axes ax = axes_of(s);
  std::map<std::string, Box> marks;
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::event) marks[it.id] = it.box;
  std::map<std::string, std::vector<std::pair<std::string, Label>>> lanes;
  for (const auto& it : s.items)
    if (it.kind == scene::ItemKind::label && marks.count(it.event))
      lanes[it.lane].push_back({it.text, {it.box, marks[it.event], em_of(it)}});
  const auto across_lo = [&](const Box& b) { return ax.vertical ? b.x : b.y; };
  const auto across_hi = [&](const Box& b) { return ax.vertical ? b.right() : b.bottom(); };
  std::vector<std::string> out;
  for (const auto& [lane, labels] : lanes)
    for (const auto& [ta, a] : labels)
      for (const auto& [tb, b] : labels) {
        const bool a_right = ax.lo(a.text) >= ax.hi(a.mark) - 0.01;
        const bool b_left = ax.hi(b.text) <= ax.lo(b.mark) + 0.01;
        const bool level = across_lo(a.text) < across_hi(b.text) && across_lo(b.text) < across_hi(a.text);
        const double gap = ax.lo(b.text) - ax.hi(a.text);
        if (a_right && b_left && level && gap >= -0.01 && gap < 1.5 * b.em - 0.01)
          out.push_back("\"" + ta + "\" faces \"" + tb + "\" " + std::to_string(gap) + " pt apart");
      }
  return out;
}

TEST(CaseReading, NoTwoLabelsFaceEachOtherCloserThanOneAndAHalfEm) {
  int cases = 0;
  for (const auto& file : every_case())
    for (const char* style : kStyles) {
      ++cases;
      for (const auto& pair : facing_labels(scene_of(file, style)))
        ADD_FAILURE() << file.filename() << " " << style << ": " << pair;
    }
  EXPECT_GE(cases, 50);
}

}  // namespace
}  // namespace annals
