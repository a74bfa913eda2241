// Properties every layout must have, checked on generated timelines:
// labels never overlap, no label covers another event's mark, everything is
// on the page, every event is labelled, rows are as few as possible, no axis
// break lies inside anything dated and no label runs across a break; an
// event of several periods has one mark per period and no label on the
// connectors between them; every link finds a route, and no link's route or
// title crosses a label; group headers overlap no lane header, lane or label.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "layout/annotations/annotations.h"
#include "layout/layout.h"
#include "styled/resolve.h"
#include "layout/rows/packing.h"
#include "style/style.h"
#include "text/measurer.h"

namespace annals::layout {
namespace {

constexpr dates::Seconds kHour = 3'600, kDay = 86'400, kYear = 31'556'952;

std::int64_t historical(std::int64_t astronomical) { return astronomical <= 0 ? astronomical - 1 : astronomical; }

class Generator {
 public:
  // Groups come from a stream of their own: the rest of each seed's chart is what it was without them.
  explicit Generator(std::uint64_t seed) : rng_(seed), groups_(seed ^ 0x9e3779b97f4a7c15) {}

  model::Timeline timeline(bool vertical) {
    model::Timeline t;
    t.file = "generated.toml";
    t.header.orientation = vertical ? model::Orientation::vertical : model::Orientation::horizontal;
    t.header.scale = pick({model::ScaleKind::automatic, model::ScaleKind::linear, model::ScaleKind::collapsed});
    const auto lanes = uniform(1, 4);
    for (int i = 0; i < lanes; ++i)
      t.lanes.push_back({"lane" + std::to_string(i), chance(0.7) ? title(1, 20) : "", {}, {}});
    group_lanes(t.lanes);
    const int n = size();
    const dates::Seconds range = pick<dates::Seconds>({6 * kHour, 30 * kDay, 5 * kYear, 80 * kYear, 600 * kYear});
    const dates::Seconds origin = uniform(-400, 2000) * kYear - 1970 * kYear + uniform(0, 364) * kDay;
    std::vector<dates::Seconds> clusters;
    for (int i = uniform(1, 4); i > 0; --i) clusters.push_back(origin + uniform_s(0, range));
    for (int i = 0; i < n; ++i) {
      model::Event e;
      e.index = static_cast<std::size_t>(i);
      e.title = title(1, 120);
      e.lane = static_cast<std::size_t>(uniform(0, lanes - 1));
      const dates::Seconds at =
          chance(0.5) ? clusters[static_cast<std::size_t>(uniform(0, static_cast<int>(clusters.size()) - 1))] +
                            uniform_s(0, range / 50)
                      : origin + uniform_s(0, range);
      const dates::Date d = date_at(at, range);
      if (chance(0.08)) {
        e.periods = periods(at, range);
      } else if (chance(0.4)) {
        e.start = model::LocatedDate{d, {}};
        dates::Date end = chance(0.03) ? present() : date_at(at + uniform_s(0, range / 5), range);
        if (!end.present && end.end < d.end) end = d;
        e.end = model::LocatedDate{end, {}};
      } else {
        e.date = model::LocatedDate{d, {}};
      }
      t.events.push_back(std::move(e));
    }
    // A few links between events, none from an event to itself.
    for (int i = n > 1 ? uniform(0, 3) : 0; i > 0; --i) {
      model::Link link;
      link.from = static_cast<std::size_t>(uniform(0, n - 1));
      link.to = static_cast<std::size_t>(uniform(0, n - 2));
      if (link.to >= link.from) ++link.to;
      if (chance(0.6)) link.title = title(3, 24);
      t.links.push_back(std::move(link));
    }
    for (int i = uniform(0, 2); i > 0; --i) {
      const auto a = date_at(origin + uniform_s(0, range), range);
      auto b = date_at(origin + uniform_s(0, range), range);
      if (b.end < a.end) b = a;
      t.eras.push_back({title(3, 30), {a, {}}, {b, {}}, {}, {}});
    }
    for (int i = uniform(0, 2); i > 0; --i) t.markers.push_back({title(3, 20), {date_at(origin + uniform_s(0, range), range), {}}, {}, {}});
    return t;
  }

  style::Style style() {
    auto s = style::defaults();
    if (chance(0.5)) {
      s.page.size = "auto";
      s.page.width = pick<double>({400, 600, 1000});
    } else {
      s.page.size = pick<std::string>({"A4", "A3", "letter"});
      s.page.landscape = chance(0.7);
    }
    s.event.marker = pick({style::MarkerShape::circle, style::MarkerShape::diamond, style::MarkerShape::square,
                           style::MarkerShape::triangle});
    s.event.max_label_lines = uniform(1, 3);
    s.event.show_dates = chance(0.8);
    return s;
  }

 private:
  // Half the charts group their lanes: runs of neighbouring lanes under one
  // header, some lanes in none. Group names are of words no other text uses,
  // so the checks can tell a group header's lines from every other text.
  void group_lanes(std::vector<model::Lane>& lanes) {
    if (std::bernoulli_distribution(0.5)(groups_)) return;
    static const std::vector<std::string> words{"Andean", "Pacific", "Council", "Nations", "Community",
                                                "Northern", "Organisation", "Southern", "Alliance"};
    const auto draw = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(groups_); };
    std::vector<std::string> used;  // a group's lanes are neighbours: no name comes back
    std::string name;
    for (auto& lane : lanes) {
      if (name.empty() || draw(0, 2) == 0) {  // a new group, or none
        name.clear();
        if (draw(0, 3) == 0) continue;
        while (name.empty() || std::find(used.begin(), used.end(), name) != used.end()) {
          name.clear();
          for (int w = draw(1, 8); w > 0; --w) name += (name.empty() ? "" : " ") + words[static_cast<std::size_t>(draw(0, 8))];
        }
        used.push_back(name);
      }
      lane.group = name;
    }
  }

  // Two to four periods from about `at`, in time order with gaps between
  // them; a coarse date that would reach back over the period before ends the list.
  std::vector<model::Period> periods(dates::Seconds at, dates::Seconds range) {
    std::vector<model::Period> out;
    dates::Seconds t = at;
    const auto after_last = [&](const dates::Date& a) {
      if (out.empty()) return true;
      const auto& before = out.back();
      return a.begin >= (before.date ? before.date->date : before.end->date).end;
    };
    for (int k = uniform(2, 4); k > 0; --k) {
      const dates::Date a = date_at(t, range);
      if (!after_last(a)) break;
      model::Period p;
      if (chance(0.6)) {
        dates::Date b = date_at(t + uniform_s(0, range / 8), range);
        if (b.end < a.end) b = a;
        p.start = model::LocatedDate{a, {}};
        p.end = model::LocatedDate{b, {}};
        t = b.end;
      } else {
        p.date = model::LocatedDate{a, {}};
        t = a.end;
      }
      out.push_back(std::move(p));
      t += uniform_s(range / 100, range / 6);
    }
    if (out.size() < 2) {  // a second period well after the first
      dates::Date a = std::get<dates::Date>(dates::from_year(9000));
      for (dates::Seconds step = range / 10; step <= 1000 * range; step *= 4) {
        a = date_at(t + step, range);
        if (after_last(a)) break;
      }
      if (after_last(a)) {
        model::Period p;
        p.date = model::LocatedDate{a, {}};
        out.push_back(std::move(p));
      }
    }
    return out;
  }

  int size() {
    const double r = std::uniform_real_distribution<double>(0, 1)(rng_);
    if (r < 0.6) return uniform(1, 50);
    if (r < 0.92) return uniform(50, 500);
    return uniform(500, 5000);
  }

  dates::Date present() { return std::get<dates::Date>(dates::parse("present")); }

  // A valid date near `t` with a precision that suits a chart `range` long.
  dates::Date date_at(dates::Seconds t, dates::Seconds range) {
    const auto c = dates::civil_from_seconds(t);
    const std::int64_t y = std::clamp<std::int64_t>(c.year, -9000, 9000);
    dates::DateResult r = dates::from_year(historical(y));
    if (range <= 30 * kDay && y > 0)
      r = chance(0.5) ? dates::from_ymd_hms(y, c.month, c.day, c.hour, c.minute, c.second)
                      : dates::from_ymd(y, c.month, c.day);
    else if (range <= 5 * kYear && y > 0)
      r = chance(0.5) ? dates::from_ymd(y, c.month, c.day) : dates::parse(std::to_string(y) + "-" + (c.month < 10 ? "0" : "") + std::to_string(c.month));
    else if (range >= 80 * kYear && y > 10 && chance(0.2))
      r = dates::parse(std::to_string(y / 10 * 10) + "s");
    if (!dates::ok(r)) r = dates::from_year(historical(y) == 0 ? 1 : historical(y));
    auto d = std::get<dates::Date>(r);
    d.approximate = chance(0.05);
    d.uncertain = chance(0.03);
    return d;
  }

  std::string title(int lo, int hi) {
    static const std::vector<std::string> words{"treaty", "war", "of", "the", "accord", "revolution",
                                                "Бородино", "coronation", "東京", "founding", "x",
                                                "internationalisation", "a", "plague", "river", "crossing"};
    const auto len = static_cast<std::size_t>(uniform(lo, hi));
    std::string s;
    while (s.size() < len) {
      if (!s.empty()) s += ' ';
      s += words[static_cast<std::size_t>(uniform(0, static_cast<int>(words.size()) - 1))];
    }
    return s;
  }

  template <class T>
  T pick(std::initializer_list<T> xs) {
    return *(xs.begin() + uniform(0, static_cast<int>(xs.size()) - 1));
  }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  dates::Seconds uniform_s(dates::Seconds lo, dates::Seconds hi) {
    return std::uniform_int_distribution<dates::Seconds>(lo, hi)(rng_);
  }

  std::mt19937_64 rng_, groups_;
};

struct Tagged {
  Box box;
  std::string owner;
  bool label = false;
};

// Pairs of boxes that overlap, found through a uniform grid (near-linear
// for boxes that are themselves mostly disjoint). Returns a description of
// the first forbidden pair, or "".
std::string first_collision(const std::vector<Tagged>& boxes) {
  constexpr double kCell = 40;
  std::unordered_map<std::int64_t, std::vector<std::size_t>> grid;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const auto& b = boxes[i].box;
    const auto x0 = static_cast<std::int64_t>(b.x / kCell), x1 = static_cast<std::int64_t>(b.right() / kCell);
    const auto y0 = static_cast<std::int64_t>(b.y / kCell), y1 = static_cast<std::int64_t>(b.bottom() / kCell);
    for (auto gx = x0; gx <= x1; ++gx)
      for (auto gy = y0; gy <= y1; ++gy) {
        auto& cell = grid[gx * 1'000'003 + gy];
        for (const auto j : cell) {
          const auto& a = boxes[j];
          const bool forbidden = (a.label || boxes[i].label) && a.owner != boxes[i].owner;
          if (forbidden && a.box.overlaps(b, 0.01))
            return (a.label ? "label " : "mark ") + a.owner + " and " + (boxes[i].label ? "label " : "mark ") +
                   boxes[i].owner;
        }
        cell.push_back(i);
      }
  }
  return "";
}

styled::Options options_now();

// What each event, era and marker covers, [begin, end): a span from its
// start's beginning to its end's end (now's end for "present"), a point or
// marker its date's interval (a marker's moment). A span whose inside bridges
// half the chart or more may be drawn across a break: only its two
// dates count for it.
std::vector<std::tuple<std::string, dates::Seconds, dates::Seconds>> dated(const model::Timeline& t) {
  const auto now = options_now().now;
  const auto end_of = [&](const dates::Date& d) { return d.present ? dates::resolve_present(d, now).end : d.end; };
  dates::Seconds lo = std::numeric_limits<dates::Seconds>::max(), hi = std::numeric_limits<dates::Seconds>::min();
  for (const auto& e : t.events) {
    if (!e.periods.empty()) {
      const auto& f = e.periods.front();
      const auto& l = e.periods.back();
      lo = std::min(lo, (f.date ? f.date->date : f.start->date).begin);
      hi = std::max(hi, end_of(l.date ? l.date->date : l.end->date));
      continue;
    }
    lo = std::min(lo, (e.date ? e.date->date : e.start->date).begin);
    hi = std::max(hi, end_of(e.date ? e.date->date : e.end->date));
  }
  std::vector<std::tuple<std::string, dates::Seconds, dates::Seconds>> out;
  for (const auto& e : t.events) {
    if (!e.periods.empty()) {  // each period is whole; the time between them may be collapsed
      for (const auto& p : e.periods) {
        const auto& first = p.date ? p.date->date : p.start->date;
        const auto& last = p.date ? p.date->date : p.end->date;
        out.emplace_back("period of event " + std::to_string(e.index), first.begin, std::max(first.end, end_of(last)));
      }
      continue;
    }
    const auto& first = e.date ? e.date->date : e.start->date;
    const auto& last = e.date ? e.date->date : e.end->date;
    const std::string what = "event " + std::to_string(e.index);
    const dates::Seconds last_begin = last.present ? dates::resolve_present(last, now).begin : last.begin;
    if (e.end && last_begin - first.end >= (hi - lo) / 2) {
      out.emplace_back(what, first.begin, first.end);
      out.emplace_back(what, last_begin, std::max(last_begin, end_of(last)));
    } else {
      out.emplace_back(what, first.begin, std::max(first.end, end_of(last)));
    }
  }
  for (const auto& era : t.eras) out.emplace_back("era " + era.title, era.start.date.begin, end_of(era.end.date));
  for (const auto& m : t.markers) out.emplace_back("marker " + m.title, m.date.date.begin, m.date.date.begin + 1);
  return out;
}

// The dashed connector between two consecutive period marks of one event:
// the stretch between them along t, thin across, on the marks' centre line.
Box connector(const Box& a, const Box& b, bool vertical) {
  if (vertical) return {a.x + a.w / 2 - 0.3, a.bottom(), 0.6, std::max(0.0, b.y - a.bottom())};
  return {a.right(), a.y + a.h / 2 - 0.3, std::max(0.0, b.x - a.right()), 0.6};
}

bool segment_meets(Point a, Point b, const Box& box) {
  const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x), y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
  if (x1 - x0 > 0.01 && y1 - y0 > 0.01) {  // slanted (a straight fallback): sampled
    for (int i = 0; i <= 200; ++i) {
      const Point p{a.x + (b.x - a.x) * i / 200, a.y + (b.y - a.y) * i / 200};
      if (p.x > box.x + 0.01 && p.x < box.right() - 0.01 && p.y > box.y + 0.01 && p.y < box.bottom() - 0.01) return true;
    }
    return false;
  }
  return x0 < box.right() - 0.01 && x1 > box.x + 0.01 && y0 < box.bottom() - 0.01 && y1 > box.y + 0.01;
}

// Periods and links: a mark per period with its own dates, connectors and
// link routes clear of every label, link titles clear of labels and of
// each other; no link falls back to a straight line across labels.
// Periods and links, page by page: on a chart of several pages (or one cut at
// its page's edge) an event's periods may be shared between pages or cut, so
// only a whole single-page chart must show every period and every link.
std::string check_periods_and_links(const model::Timeline& t, const Detailed& d, const Diagnostics& diags) {
  const bool vertical = t.header.orientation == model::Orientation::vertical;
  const std::size_t pages = scene::page_count(d.scene);
  const bool cut = !d.scene.composed.fits;
  const bool whole = pages == 1 && !cut;
  const auto warned = [&](std::string_view what) {
    return std::any_of(diags.all().begin(), diags.all().end(),
                       [&](const Diagnostic& g) { return g.message.find(what) != std::string::npos; });
  };
  if (warned("no route for the link")) return "a link found no route and was drawn straight across labels";
  std::unordered_map<std::string, std::size_t> seen;  // marks per event over every page
  std::size_t links = 0;
  for (std::size_t pg = 0; pg < pages; ++pg) {
    const auto& s = scene::page_of(d.scene, pg);
    const std::string where = pages == 1 ? "" : " on page " + std::to_string(pg + 1);
    std::vector<const scene::Item*> labels;
    std::unordered_map<std::string, std::vector<const scene::Item*>> marks;
    for (const auto& it : s.items) {
      if (it.kind == scene::ItemKind::label) labels.push_back(&it);
      if (it.kind == scene::ItemKind::event) marks[it.event].push_back(&it);
    }
    for (const auto& e : t.events) {
      const std::string id = e.id.empty() ? std::to_string(e.index) : e.id;
      const auto& ms = marks[id];
      seen[id] += ms.size();
      const std::size_t want = e.periods.size() > 1 ? e.periods.size() : 1;
      if (ms.size() > want || (whole && ms.size() != want))
        return "event " + id + " has " + std::to_string(ms.size()) + " marks for " + std::to_string(want) +
               " periods" + where;
      for (std::size_t k = 0; want > 1 && k < ms.size(); ++k) {
        if (ms[k]->period == 0 || (k > 0 && ms[k]->period <= ms[k - 1]->period))
          return "event " + id + " lists its periods out of order" + where;
        // Periods a few points apart on the page may overlap by a marker's size or the narrowest bar.
        const auto along = [&](const Box& b) { return vertical ? b.y + b.h / 2 : b.x + b.w / 2; };
        if (k > 0 && along(ms[k]->box) < along(ms[k - 1]->box) - 10)
          return "event " + id + "'s periods are drawn out of time order" + where;
        if (k == 0) continue;
        const Box c = connector(ms[k - 1]->box, ms[k]->box, vertical);
        if (c.w <= 0 || c.h <= 0) continue;  // marks that meet on the page have no connector between them
        for (const auto* l : labels)
          if (l->box.overlaps(c, 0.01)) return "label " + l->id + " lies on a connector of event " + id + where;
      }
    }
    std::vector<Box> titles;
    for (const auto& it : s.items) {
      if (it.kind != scene::ItemKind::link) continue;
      ++links;
      if (it.route.size() < 2) return "link " + it.id + " has no route" + where;
      const std::string from_id = it.from, to_id = it.to;
      if (marks[from_id].empty() || marks[to_id].empty()) return "link " + it.id + " joins events not on its page";
      for (std::size_t k = 0; k + 1 < it.route.size(); ++k)
        for (const auto* l : labels)
          if (segment_meets(it.route[k], it.route[k + 1], l->box))
            return "link " + it.id + " crosses label " + l->id + where;
      if (it.title_box) {
        for (const auto* l : labels)
          if (l->box.overlaps(*it.title_box, 0.01))
            return "the title of link " + it.id + " overlaps label " + l->id + where;
        for (const auto& other : titles)
          if (other.overlaps(*it.title_box, 0.01)) return "the title of link " + it.id + " overlaps another title" + where;
        titles.push_back(*it.title_box);
      }
    }
  }
  // Every event is drawn somewhere unless the chart was cut at its page's edge.
  if (!cut)
    for (const auto& e : t.events) {
      const std::string id = e.id.empty() ? std::to_string(e.index) : e.id;
      if (seen[id] == 0) return "event " + id + " is on no page";
    }
  if (whole && links != t.links.size())
    return std::to_string(links) + " links drawn of " + std::to_string(t.links.size());
  return "";
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t nl; (nl = text.find('\n', from)) != std::string::npos; from = nl + 1) out.push_back(text.substr(from, nl - from));
  out.push_back(text.substr(from));
  return out;
}

std::string describe(const Box& b) {
  return "[" + std::to_string(b.x) + ", " + std::to_string(b.y) + ", " + std::to_string(b.w) + " x " +
         std::to_string(b.h) + "]";
}

// Lane groups, page by page: a group header lies inside its group and overlaps no lane header, no
// lane's band, no label and no other header line; group boxes do not
// overlap; a whole single-page chart has a group item for every group its lanes name.
std::string check_groups(const model::Timeline& t, const Detailed& d) {
  std::vector<std::string> names;
  for (const auto& lane : t.lanes)
    if (!lane.group.empty() && std::find(names.begin(), names.end(), lane.group) == names.end()) names.push_back(lane.group);
  const std::size_t pages = scene::page_count(d.scene);
  for (std::size_t pg = 0; pg < pages; ++pg) {
    const auto& s = scene::page_of(d.scene, pg);
    const std::string where = pages == 1 ? "" : " on page " + std::to_string(pg + 1);
    std::vector<const scene::Item*> groups, lanes, labels;
    for (const auto& it : s.items) {
      if (it.kind == scene::ItemKind::group) groups.push_back(&it);
      if (it.kind == scene::ItemKind::lane) lanes.push_back(&it);
      if (it.kind == scene::ItemKind::label) labels.push_back(&it);
    }
    if (pages == 1 && d.scene.composed.fits && groups.size() != names.size())
      return std::to_string(groups.size()) + " group items for " + std::to_string(names.size()) + " groups";
    std::vector<std::string> group_lines, lane_lines;
    for (const auto* g : groups)
      for (auto& line : lines_of(g->text)) group_lines.push_back(std::move(line));
    for (const auto* l : lanes)
      for (auto& line : lines_of(l->text)) lane_lines.push_back(std::move(line));
    const auto among = [](const std::vector<std::string>& v, const std::string& x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    std::vector<const scene::Text*> group_titles, lane_titles;
    for (const auto& sh : s.shapes)
      if (const auto* txt = std::get_if<scene::Text>(&sh)) {
        if (among(group_lines, txt->text)) group_titles.push_back(txt);
        else if (among(lane_lines, txt->text)) lane_titles.push_back(txt);
      }
    for (const auto* g : group_titles) {
      for (const auto* l : lane_titles)
        if (g->box.overlaps(l->box, 0.01)) return "group header \"" + g->text + "\" overlaps lane header \"" + l->text + "\"" + where;
      for (const auto* l : lanes)
        if (g->box.overlaps(l->box, 0.01)) return "group header \"" + g->text + "\" overlaps lane " + l->id + where;
      for (const auto* l : labels)
        if (g->box.overlaps(l->box, 0.01)) return "group header \"" + g->text + "\" overlaps label " + l->id + where;
      for (const auto* h : group_titles)
        if (h != g && g->box.overlaps(h->box, 0.01)) return "group headers \"" + g->text + "\" and \"" + h->text + "\" overlap" + where;
    }
    // A group's name lies inside its own box (the header it heads): inside
    // the box of a group whose name has that line.
    for (const auto* txt : group_titles) {
      const scene::Item* named = nullptr;
      bool inside = false;
      for (const auto* g : groups)
        if (among(lines_of(g->text), txt->text)) {
          named = g;
          inside = inside || g->box.contains(txt->box, 0.5);
        }
      if (named != nullptr && !inside) {
        std::string all;
        for (const auto* g : groups) all += " {" + g->text + "} " + describe(g->box);
        return "group header \"" + txt->text + "\" " + describe(txt->box) + " reaches outside its group's box " +
               describe(named->box) + where + all;
      }
    }
    for (std::size_t i = 0; i < groups.size(); ++i)
      for (std::size_t j = i + 1; j < groups.size(); ++j)
        if (groups[i]->box.overlaps(groups[j]->box, 0.01))
          return "groups \"" + groups[i]->text + "\" and \"" + groups[j]->text + "\" overlap" + where;
  }
  return "";
}

std::string check(const model::Timeline& t, const Detailed& d) {
  std::unordered_map<std::string, int> labels;
  // Each page on its own: its items and texts on it, no two of its boxes in collision.
  for (std::size_t p = 0; p < scene::page_count(d.scene); ++p) {
    const auto& s = scene::page_of(d.scene, p);
    const std::string where = p == 0 ? "" : " on page " + std::to_string(p + 1);
    std::vector<Tagged> boxes;
    const Box page{0, 0, s.width, s.height};
    for (const auto& it : s.items) {
      if (!page.contains(it.box, 0.01))
        return std::string(scene::to_string(it.kind)) + " " + it.id + " leaves the page" + where;
      if (it.kind == scene::ItemKind::label) {
        if (it.text.empty()) return "label " + it.id + " is empty";
        ++labels[it.event];
        boxes.push_back({it.box, it.event, true});
      } else if (it.kind == scene::ItemKind::event) {
        boxes.push_back({it.box, it.event, false});
      }
    }
    for (const auto& sh : s.shapes)
      if (const auto* txt = std::get_if<scene::Text>(&sh); txt && !page.contains(txt->box, 0.01))
        return "text \"" + txt->text + "\" leaves the page" + where;
    if (auto c = first_collision(boxes); !c.empty()) return c + " overlap" + where;
  }
  // Every event labelled once, on exactly one page; a chart that does not fit
  // its page even at font.min_size is cut at the page's edge: what is drawn
  // keeps every guarantee, and no event has two labels.
  const bool cut = !d.scene.composed.fits;
  for (const auto& e : t.events) {
    const std::string id = e.id.empty() ? std::to_string(e.index) : e.id;
    if (cut ? labels[id] > 1 : labels[id] != 1)
      return "event " + id + " has " + std::to_string(labels[id]) + " labels";
  }
  // The breaks and rows below are those of page 1, so they are checked for a single page.
  if (scene::page_count(d.scene) > 1) return "";
  const auto& s = d.scene;
  // Along the time axis: x, or y when time runs down.
  const bool vertical = t.header.orientation == model::Orientation::vertical;
  for (const auto& it : s.items) {
    if (it.kind != scene::ItemKind::label) continue;
    const double lo = vertical ? it.box.y : it.box.x, hi = vertical ? it.box.bottom() : it.box.right();
    for (const auto& b : d.breaks)
      if (lo < b.b - 0.01 && hi > b.a + 0.01) return "label " + it.id + " crosses an axis break";
  }
  for (const auto& [what, begin, end] : dated(t)) {
    for (const auto& b : d.breaks)
      if (b.t0 < end && b.t1 > begin) return what + " has an axis break inside it";
  }
  for (const auto& lane : d.lanes)
    if (lane.rows < max_overlap(lane.extents) || lane.rows > row_budget(max_overlap(lane.extents)))
      return "lane " + lane.lane + " uses " + std::to_string(lane.rows) + " rows for " +
             std::to_string(max_overlap(lane.extents)) + " overlapping extents";
  return "";
}

styled::Options options_now() {
  styled::Options o;
  o.now = std::get<dates::Date>(dates::from_ymd(2024, 6, 30));
  return o;
}

void check_seeds(bool vertical, std::uint64_t first, std::uint64_t count) {
  const text::FakeMeasurer m;
  for (std::uint64_t seed = first; seed < first + count; ++seed) {
    Generator g(seed);
    const auto t = g.timeline(vertical);
    const auto st = g.style();
    Diagnostics diags;
    const auto d = layout_detailed(styled::resolve(t, st, options_now(), diags), {}, m, diags);
    auto failure = check(t, d);
    if (failure.empty()) failure = check_periods_and_links(t, d, diags);
    if (failure.empty()) failure = check_groups(t, d);
    EXPECT_EQ(failure, "") << "seed " << seed << " (" << t.events.size() << " events)";
    if (!failure.empty()) return;
  }
}

TEST(LayoutProperties, HorizontalChartsKeepEveryGuarantee) { check_seeds(false, 1, 150); }

TEST(LayoutProperties, VerticalChartsKeepEveryGuarantee) { check_seeds(true, 1001, 60); }

// Speed is measured by bench/, never asserted here; this pins that a large
// input still keeps every guarantee.
TEST(LayoutProperties, HundredThousandEventsKeepEveryGuarantee) {
  Generator g(424242);
  model::Timeline t;
  t.lanes.push_back({"a", "A", {}, {}});
  t.lanes.push_back({"b", "B", {}, {}});
  for (std::size_t i = 0; i < 100'000; ++i) {
    model::Event e;
    e.index = i;
    e.title = "Event number " + std::to_string(i);
    e.lane = i % 2;
    const auto y = static_cast<std::int64_t>(1000 + (i * 7919) % 1000);
    e.date = model::LocatedDate{std::get<dates::Date>(dates::from_year(y)), {}};
    t.events.push_back(std::move(e));
  }
  auto st = style::defaults();
  st.page.size = "auto";
  const text::FakeMeasurer m;
  Diagnostics diags;
  const auto d = layout_detailed(styled::resolve(t, st, options_now(), diags), {}, m, diags);
  // Far beyond the longest page side: pages of 14,400 pt, every event on one of them.
  std::size_t items = 0;
  for (std::size_t p = 0; p < scene::page_count(d.scene); ++p) items += scene::page_of(d.scene, p).items.size();
  EXPECT_GT(items, 200'000u);
  EXPECT_GT(scene::page_count(d.scene), 1u);
  EXPECT_EQ(check(t, d), "");
}

// ---- era and marker titles --------------------------------------------------

// The rows of the direct search the placement replaced (quadratic in the
// rows and titles): each title, markers first and in order along the axis,
// takes the nearest row where it overlaps no title and meets no marker's rule.
std::vector<std::size_t> direct_rows(const std::vector<Annotation>& labels, bool vertical) {
  struct Placed {
    double begin, end, rule;
    bool is_marker;
    std::size_t row;
  };
  auto clashes = [](const Placed& p, const Placed& q, bool rules) {
    if (p.row == q.row && p.begin < q.end && q.begin < p.end) return true;
    if (!rules) return false;
    if (q.is_marker && p.row < q.row && p.begin <= q.rule && q.rule <= p.end) return true;
    return p.is_marker && q.row < p.row && q.begin <= p.rule && p.rule <= q.end;
  };
  auto first_free = [&](Placed p, const std::vector<Placed>& placed, bool rules) {
    for (p.row = 0; p.row <= placed.size(); ++p.row)
      if (std::none_of(placed.begin(), placed.end(), [&](const Placed& q) { return clashes(p, q, rules); }))
        return p.row;
    return p.row;
  };
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (labels[a].is_era != labels[b].is_era) return !labels[a].is_era;
    return labels[a].pos < labels[b].pos;
  });
  std::vector<Placed> placed;
  std::vector<std::size_t> rows(labels.size());
  for (const auto i : order) {
    const auto& an = labels[i];
    const double along = an.text.empty() ? 0 : (vertical ? an.h : an.w) + kAnnotationGap;
    Placed p{an.pos, an.pos + along, an.a, !an.is_era, 0};
    p.row = first_free(p, placed, true);
    if (p.row > placed.size()) p.row = first_free(p, placed, false);
    rows[i] = p.row;
    placed.push_back(p);
  }
  return rows;
}

// Eras and markers crowded on a few dates, some untitled, some wide.
model::Timeline annotated(std::mt19937_64& rng, std::size_t eras, std::size_t markers) {
  auto year = [&](int lo, int hi) {
    return std::get<dates::Date>(dates::from_year(std::uniform_int_distribution<int>(lo, hi)(rng)));
  };
  auto title = [&]() {
    const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
    if (kind == 0) return std::string();
    return std::string(static_cast<std::size_t>(kind == 1 ? 60 : 3 + kind), 'm');
  };
  model::Timeline t;
  t.file = "annotated.toml";
  t.lanes.push_back({"a", "A", {}, {}});
  model::Event e;
  e.title = "e";
  e.lane = 0;
  e.start = model::LocatedDate{year(1900, 1900), {}};
  e.end = model::LocatedDate{year(2000, 2000), {}};
  t.events.push_back(e);
  const bool crowded = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
  const int hi = crowded ? 1905 : 2000;
  for (std::size_t i = 0; i < markers; ++i) t.markers.push_back({title(), {year(1900, hi), {}}, {}, {}});
  for (std::size_t i = 0; i < eras; ++i) {
    const dates::Date a = year(1900, hi);
    const dates::Date b = year(static_cast<int>(dates::civil_from_seconds(a.begin).year), hi);
    t.eras.push_back({title(), {a, {}}, {b, {}}, {}, {}});
  }
  return t;
}

Annotations plan_of(const model::Timeline& t, bool vertical, Diagnostics& diags, const text::TextMeasurer& m) {
  const auto s = scale::linear(std::get<dates::Date>(dates::from_year(1900)).begin,
                               std::get<dates::Date>(dates::from_year(2001)).begin, 100, 700);
  return plan_annotations(styled::resolve(t, style::defaults(), options_now(), diags), s, 100, 700, vertical, m);
}

TEST(LayoutProperties, AnnotationRowsAreThoseOfTheDirectSearch) {
  const text::FakeMeasurer m;
  std::mt19937_64 rng(18);
  for (int round = 0; round < 300; ++round) {
    const auto n = static_cast<std::size_t>(std::uniform_int_distribution<int>(1, 40)(rng));
    const auto t = annotated(rng, n / 2, n - n / 2);
    const bool vertical = round % 3 == 0;
    Diagnostics diags;
    const auto plan = plan_of(t, vertical, diags, m);
    const auto expected = direct_rows(plan.labels, vertical);
    for (std::size_t i = 0; i < plan.labels.size(); ++i)
      ASSERT_EQ(plan.labels[i].row, expected[i]) << "round " << round << ", title " << i;
  }
}

// Placing each title costs O(log n): 10,000 markers and eras, crowded or
// spread, take well under a second (the direct search took minutes).
TEST(LayoutProperties, TenThousandMarkersAndErasArePlacedWithoutOverlap) {
  const text::FakeMeasurer m;
  std::mt19937_64 rng(10'000);
  for (int round = 0; round < 2; ++round) {
    const auto t = annotated(rng, 10'000, 10'000);
    Diagnostics diags;
    const auto start = std::chrono::steady_clock::now();
    const auto plan = plan_of(t, false, diags, m);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
    ASSERT_EQ(plan.labels.size(), 20'000u);
    // In each row, the titles in order along the axis never overlap.
    std::vector<std::vector<std::pair<double, double>>> rows(plan.row_size.size());
    for (const auto& an : plan.labels)
      if (!an.text.empty()) rows.at(an.row).push_back({an.pos, an.pos + an.w + kAnnotationGap});
    for (auto& row : rows) {
      std::sort(row.begin(), row.end());
      for (std::size_t i = 1; i < row.size(); ++i) ASSERT_LE(row[i - 1].second, row[i].first + 1e-9);
    }
    auto st = style::defaults();
    st.page.size = "auto";
    const auto d = layout_detailed(styled::resolve(t, st, options_now(), diags), {}, m, diags);
    EXPECT_EQ(check(t, d), "");
  }
}


}  // namespace
}  // namespace annals::layout
