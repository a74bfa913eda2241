#include "layout/links/links.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <queue>

#include <fmt/format.h>

#include "layout/assembly/shapes.h"

namespace annals::layout {

namespace {

constexpr double kClear = 1.5;       // pt a route and a title keep from a label
constexpr double kTightClear = 0.3;  // ... where nothing keeps that much: never touching it
constexpr double kArrow = 5;         // pt: the arrowhead's length routes are planned for
constexpr double kArrowHalf = 2.4;   // pt: half its base
constexpr double kMinLastLeg = 3;    // pt: a last leg shorter than an arrowhead draws a shorter one
constexpr double kInset = 3;         // pt a route leaves a bar inside its end
constexpr double kTitleGap = 1.5;    // pt between a route and its title
constexpr double kBendCost = 12;     // pt of length a bend is worth
constexpr double kMarkCost = 80;     // ... and crossing another event's mark
constexpr double kShortHeadCost = 40;  // ... and an arrowhead drawn smaller for want of room
constexpr std::size_t kChannelsBeyond = 3;  // channels tried outside the two ends, on each side
constexpr double kDetour = 80;       // pt around the ends and the simple routes a detour may take
constexpr double kMarkGap = 4;       // pt a detour passes beside another event's mark

double mid_c(const Box& b) { return b.y + b.h / 2; }
double mid_t(const Box& b) { return b.x + b.w / 2; }

Box grown(const Box& b, double d) { return {b.x - d, b.y - d, b.w + 2 * d, b.h + 2 * d}; }

// Whether the axis-aligned segment a–b runs through the inside of `box`.
bool crosses(Point a, Point b, const Box& box) {
  const double x0 = std::min(a.x, b.x), x1 = std::max(a.x, b.x);
  const double y0 = std::min(a.y, b.y), y1 = std::max(a.y, b.y);
  constexpr double eps = 1e-6;
  return x0 < box.right() - eps && x1 > box.x + eps && y0 < box.bottom() - eps && y1 > box.y + eps;
}

bool route_crosses(const std::vector<Point>& pts, const Box& box) {
  for (std::size_t i = 0; i + 1 < pts.size(); ++i)
    if (crosses(pts[i], pts[i + 1], box)) return true;
  return false;
}

double length_of(const std::vector<Point>& pts) {
  double n = 0;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) n += std::abs(pts[i + 1].x - pts[i].x) + std::abs(pts[i + 1].y - pts[i].y);
  return n;
}

Box bounds_of(const std::vector<Point>& pts) {
  double x0 = pts.front().x, x1 = x0, y0 = pts.front().y, y1 = y0;
  for (const Point& p : pts) {
    x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
    y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
  }
  return {x0, y0, x1 - x0, y1 - y0};
}

// Drops repeated points, and middle points of straight runs.
std::vector<Point> simplified(std::vector<Point> pts) {
  std::vector<Point> out;
  for (const Point& p : pts) {
    if (!out.empty() && std::abs(out.back().x - p.x) < 1e-9 && std::abs(out.back().y - p.y) < 1e-9) continue;
    if (out.size() >= 2) {
      const Point& a = out[out.size() - 2];
      const Point& b = out.back();
      const bool same_t = std::abs(a.x - b.x) < 1e-9 && std::abs(b.x - p.x) < 1e-9;
      const bool same_c = std::abs(a.y - b.y) < 1e-9 && std::abs(b.y - p.y) < 1e-9;
      if (same_t || same_c) out.back() = p;
      else out.push_back(p);
    } else {
      out.push_back(p);
    }
  }
  return out;
}

// The edge of `b` across t that faces `c`, or nothing when `c` lies within it.
std::optional<double> facing_edge(const Box& b, double c) {
  if (c <= b.y) return b.y;
  if (c >= b.bottom()) return b.bottom();
  return std::nullopt;
}

// Where along t a route may leave a mark (near its end) or enter one (near its start).
std::vector<double> columns(const Box& b, bool near_end) {
  const double inset = std::min(kInset, b.w / 2);
  std::vector<double> out{near_end ? b.right() - inset : b.x + inset};
  if (std::abs(mid_t(b) - out.front()) > 0.5) out.push_back(mid_t(b));
  return out;
}

// Every route worth trying from the end of `f` to the start of `t`: straight
// along t, straight across, L-shaped, and three legs through a channel.
std::vector<std::vector<Point>> candidates(const Box& f, const Box& t, const std::vector<Channel>& channels) {
  std::vector<std::vector<Point>> out;
  const double fc = mid_c(f), tc = mid_c(t);
  // Along t on a line both marks share.
  const double lo = std::max(f.y, t.y), hi = std::min(f.bottom(), t.bottom());
  if (hi - lo > 1) {
    const double c = std::clamp((fc + tc) / 2, lo + 0.5, hi - 0.5);
    if (t.x > f.right()) out.push_back({{f.right(), c}, {t.x, c}});
    if (f.x > t.right()) out.push_back({{f.x, c}, {t.right(), c}});
  }
  // Across t in a time column both marks share.
  const double a = std::max(f.x, t.x), b = std::min(f.right(), t.right());
  if (b - a > 1) {
    const double at = (a + b) / 2;
    const auto fe = facing_edge(f, tc), te = facing_edge(t, fc);
    if (fe && te) out.push_back({{at, *fe}, {at, *te}});
  }
  const std::vector<double> leave = columns(f, true), enter = columns(t, false);
  // L-shaped: along t from the mark, then across into the other; or across, then along.
  for (const double tt : enter)
    if (const auto te = facing_edge(t, fc)) out.push_back({{tt > f.right() ? f.right() : f.x, fc}, {tt, fc}, {tt, *te}});
  for (const double tf : leave)
    if (const auto fe = facing_edge(f, tc)) out.push_back({{tf, *fe}, {tf, tc}, {tf < t.x ? t.x : t.right(), tc}});
  // Through a channel: the channels between the two marks and a few beyond them.
  const double c_min = std::min(f.y, t.y), c_max = std::max(f.bottom(), t.bottom());
  std::size_t first = channels.size(), last = 0;
  for (std::size_t i = 0; i < channels.size(); ++i)
    if (channels[i].c1 >= c_min && channels[i].c0 <= c_max) first = std::min(first, i), last = std::max(last, i);
  if (first == channels.size()) {  // none between: the nearest on either side
    first = last = 0;
    for (std::size_t i = 0; i < channels.size(); ++i)
      if (channels[i].c1 < c_min) first = last = i;
  }
  const std::size_t from = first > kChannelsBeyond ? first - kChannelsBeyond : 0;
  const std::size_t to = std::min(channels.size(), last + kChannelsBeyond + 1);
  for (std::size_t i = from; i < to; ++i) {
    const double c = (channels[i].c0 + channels[i].c1) / 2;
    const auto fe = facing_edge(f, c), te = facing_edge(t, c);
    if (!fe || !te) continue;
    for (const double tf : leave)
      for (const double tt : enter) out.push_back({{tf, *fe}, {tf, c}, {tt, c}, {tt, *te}});
  }
  for (auto& r : out) r = simplified(std::move(r));
  std::erase_if(out, [](const std::vector<Point>& r) {
    if (r.size() < 2) return true;
    const Point& p = r[r.size() - 2];
    const Point& q = r.back();
    return std::abs(q.x - p.x) + std::abs(q.y - p.y) < kMinLastLeg;  // room for the arrowhead
  });
  return out;
}

// The obstacles near one link: what any of its candidate routes could meet.
struct Near {
  std::vector<Box> labels, marks, titles;
};

Near near(const LinkInput& in, const Box& region, std::size_t from, std::size_t to, const std::vector<Box>& titles,
          double clear) {
  Near n;
  for (const Box& b : in.labels)
    if (b.overlaps(region)) n.labels.push_back(grown(b, clear));
  for (std::size_t i = 0; i < in.ends.size(); ++i)
    if (i != from && i != to && in.ends[i].mark.overlaps(region)) n.marks.push_back(in.ends[i].mark);
  for (const Box& b : titles)
    if (b.overlaps(region)) n.titles.push_back(grown(b, clear));
  return n;
}

// A box for a title of (along, across) beside one of the route's legs,
// clear of labels, marks, other titles and the route itself; longest legs first.
std::optional<Box> title_place(const std::vector<Point>& route, Point size, const Near& n,
                               const std::vector<Box>& own_marks, const LinkInput& in) {
  std::vector<std::size_t> legs;
  for (std::size_t i = 0; i + 1 < route.size(); ++i) legs.push_back(i);
  std::stable_sort(legs.begin(), legs.end(), [&](std::size_t a, std::size_t b) {
    const auto len = [&](std::size_t k) {
      return std::abs(route[k + 1].x - route[k].x) + std::abs(route[k + 1].y - route[k].y);
    };
    return len(a) > len(b);
  });
  const auto free = [&](const Box& b) {
    if (b.x < in.t_lo || b.right() > in.t_hi || b.y < in.c_lo || b.bottom() > in.c_hi) return false;
    for (const auto* list : {&n.labels, &n.marks, &n.titles, &own_marks})
      for (const Box& o : *list)
        if (o.overlaps(b)) return false;
    return !route_crosses(route, grown(b, kTitleGap / 2));
  };
  for (const std::size_t k : legs) {
    const Point a = route[k], b = route[k + 1];
    const bool along = std::abs(a.y - b.y) < 1e-9;
    const double s0 = along ? std::min(a.x, b.x) : std::min(a.y, b.y);
    const double s1 = along ? std::max(a.x, b.x) : std::max(a.y, b.y);
    const double extent = along ? size.x : size.y;
    // From the middle of the leg outward, in twentieths.
    for (int step = 0; step <= 20; ++step) {
      const double f = 0.5 + (step % 2 == 0 ? 1 : -1) * 0.05 * ((step + 1) / 2);
      const double centre = s0 + f * (s1 - s0);
      const double start = s1 - s0 > extent ? std::clamp(centre - extent / 2, s0, s1 - extent) : centre - extent / 2;
      for (const int side : {-1, 1}) {
        Box box;
        if (along) {
          const double c = side < 0 ? a.y - kTitleGap - size.y : a.y + kTitleGap;
          box = {start, c, size.x, size.y};
        } else {
          const double t = side < 0 ? a.x - kTitleGap - size.x : a.x + kTitleGap;
          box = {t, start, size.x, size.y};
        }
        if (free(box)) return box;
      }
    }
  }
  return std::nullopt;
}

// When no simple route is free: the cheapest orthogonal path on a grid of
// the time columns beside every label and mark near the two ends and the
// lines of the channels across, found by Dijkstra's algorithm with a cost
// for each bend and each mark crossed. Returns nothing when the two ends
// are walled in by labels.
std::optional<std::vector<Point>> grid_route(const Box& f, const Box& t, const Box& region, const Near& n,
                                             const std::vector<Channel>& channels, const LinkInput& in) {
  std::vector<double> ts{f.x, f.right(), t.x, t.right()}, cs{mid_c(f), mid_c(t), f.y, f.bottom(), t.y, t.bottom()};
  for (const double x : columns(f, true)) ts.push_back(x);
  for (const double x : columns(t, false)) ts.push_back(x);
  for (const auto* list : {&n.labels, &n.titles})
    for (const Box& b : *list) ts.push_back(b.x - 1), ts.push_back(b.right() + 1);
  for (const Box& b : n.marks) ts.push_back(b.x - kMarkGap), ts.push_back(b.right() + kMarkGap);
  for (const Channel& ch : channels)
    if (ch.c1 >= region.y && ch.c0 <= region.bottom()) cs.push_back((ch.c0 + ch.c1) / 2);
  const auto tidy = [](std::vector<double>& v, double lo, double hi) {
    std::erase_if(v, [&](double x) { return x < lo || x > hi; });
    std::sort(v.begin(), v.end());
    // Only exact repeats go: a line merged into a neighbour could leave an end's own edge.
    v.erase(std::unique(v.begin(), v.end(), [](double a, double b) { return std::abs(a - b) < 1e-9; }), v.end());
  };
  tidy(ts, std::max(in.t_lo, region.x), std::min(in.t_hi, region.right()));
  tidy(cs, std::max(in.c_lo, region.y), std::min(in.c_hi, region.bottom()));
  const std::size_t nt = ts.size(), nc = cs.size();
  constexpr std::size_t kMaxNodes = 200'000;  // a dense neighbourhood gives up rather than stalls
  if (nt == 0 || nc == 0 || nt * nc > kMaxNodes) return std::nullopt;

  // What blocks each node and each step between neighbours, and what a step costs, box by box.
  const auto at = [nc](std::size_t i, std::size_t j) { return i * nc + j; };
  std::vector<char> node_blocked(nt * nc, 0), along_blocked(nt * nc, 0), across_blocked(nt * nc, 0);
  std::vector<double> along_cost(nt * nc, 0), across_cost(nt * nc, 0);
  const auto inside = [](const std::vector<double>& v, double lo, double hi) {  // indices with lo < v < hi
    const auto b = std::upper_bound(v.begin(), v.end(), lo + 1e-6), e = std::lower_bound(v.begin(), v.end(), hi - 1e-6);
    return std::pair<std::size_t, std::size_t>(static_cast<std::size_t>(b - v.begin()),
                                               static_cast<std::size_t>(std::max(b, e) - v.begin()));
  };
  const auto steps = [](const std::vector<double>& v, double lo, double hi) {  // steps k..k+1 that meet (lo, hi)
    const auto b = std::upper_bound(v.begin(), v.end(), lo + 1e-6), e = std::lower_bound(v.begin(), v.end(), hi - 1e-6);
    const std::size_t first = b == v.begin() ? 0 : static_cast<std::size_t>(b - v.begin()) - 1;
    const std::size_t last = std::min(static_cast<std::size_t>(e - v.begin()), v.size() - 1);  // exclusive
    return std::pair<std::size_t, std::size_t>(first, std::max(first, last));
  };
  const auto obstacle = [&](const Box& b, bool block_nodes, double cost) {
    const auto [i0, i1] = inside(ts, b.x, b.right());
    const auto [j0, j1] = inside(cs, b.y, b.bottom());
    const auto [si0, si1] = steps(ts, b.x, b.right());
    const auto [sj0, sj1] = steps(cs, b.y, b.bottom());
    for (std::size_t j = j0; j < j1; ++j)
      for (std::size_t i = si0; i < si1; ++i) {
        if (cost > 0) along_cost[at(i, j)] += cost;
        else along_blocked[at(i, j)] = 1;
      }
    for (std::size_t i = i0; i < i1; ++i) {
      for (std::size_t j = sj0; j < sj1; ++j) {
        if (cost > 0) across_cost[at(i, j)] += cost;
        else across_blocked[at(i, j)] = 1;
      }
      if (block_nodes)
        for (std::size_t j = j0; j < j1; ++j) node_blocked[at(i, j)] = 1;
    }
  };
  for (const auto* list : {&n.labels, &n.titles})
    for (const Box& b : *list) obstacle(b, true, 0);
  obstacle(f, false, 0);  // never through either end's own mark
  obstacle(t, false, 0);
  for (const Box& b : n.marks) obstacle(b, false, kMarkCost);

  const auto on_edge = [](const Box& b, Point p) {
    const bool within = p.x >= b.x - 1e-6 && p.x <= b.right() + 1e-6 && p.y >= b.y - 1e-6 && p.y <= b.bottom() + 1e-6;
    const bool strictly = p.x > b.x + 1e-6 && p.x < b.right() - 1e-6 && p.y > b.y + 1e-6 && p.y < b.bottom() - 1e-6;
    return within && !strictly;
  };
  // States: node (i, j) entered along t (0) or across (1).
  const auto id = [&](std::size_t i, std::size_t j, int dir) { return at(i, j) * 2 + static_cast<std::size_t>(dir); };
  constexpr double kInf = std::numeric_limits<double>::infinity();
  constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
  std::vector<double> dist(nt * nc * 2, kInf);
  std::vector<std::size_t> prev(nt * nc * 2, kNone);
  using Entry = std::pair<double, std::size_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  for (std::size_t i = 0; i < nt; ++i)
    for (std::size_t j = 0; j < nc; ++j)
      if (!node_blocked[at(i, j)] && on_edge(f, {ts[i], cs[j]}))
        for (const int dir : {0, 1}) {
          dist[id(i, j, dir)] = 0;
          queue.push({0, id(i, j, dir)});
        }
  std::optional<std::size_t> goal;
  while (!queue.empty()) {
    const double d = queue.top().first;
    const std::size_t s = queue.top().second;
    queue.pop();
    if (d > dist[s]) continue;
    const std::size_t node = s / 2, i = node / nc, j = node % nc;
    const int dir = static_cast<int>(s % 2);
    if (d > 0 && on_edge(t, {ts[i], cs[j]})) {
      // The last straight run must hold the arrowhead; else this way in is no way.
      double run = 0;
      for (std::size_t k = s; prev[k] != kNone && static_cast<int>(k % 2) == dir; k = prev[k]) {
        const std::size_t a = k / 2, b = prev[k] / 2;
        run += std::abs(ts[a / nc] - ts[b / nc]) + std::abs(cs[a % nc] - cs[b % nc]);
      }
      if (run >= kMinLastLeg) {
        goal = s;
        break;
      }
    }
    const auto relax = [&](std::size_t i2, std::size_t j2, int dir2, bool blocked, double cost) {
      if (blocked || node_blocked[at(i2, j2)]) return;
      const double step = std::abs(ts[i2] - ts[i]) + std::abs(cs[j2] - cs[j]) + cost + (dir2 != dir && d > 0 ? kBendCost : 0);
      const std::size_t s2 = id(i2, j2, dir2);
      if (d + step < dist[s2]) {
        dist[s2] = d + step;
        prev[s2] = s;
        queue.push({dist[s2], s2});
      }
    };
    if (i > 0) relax(i - 1, j, 0, along_blocked[at(i - 1, j)], along_cost[at(i - 1, j)]);
    if (i + 1 < nt) relax(i + 1, j, 0, along_blocked[at(i, j)], along_cost[at(i, j)]);
    if (j > 0) relax(i, j - 1, 1, across_blocked[at(i, j - 1)], across_cost[at(i, j - 1)]);
    if (j + 1 < nc) relax(i, j + 1, 1, across_blocked[at(i, j)], across_cost[at(i, j)]);
  }
  if (!goal) return std::nullopt;
  std::vector<Point> path;
  for (std::size_t s = *goal; s != kNone; s = prev[s]) path.push_back({ts[s / 2 / nc], cs[s / 2 % nc]});
  std::reverse(path.begin(), path.end());
  path = simplified(std::move(path));
  if (path.size() < 2) return std::nullopt;
  const Point& a = path[path.size() - 2];
  const Point& b = path.back();
  if (std::abs(b.x - a.x) + std::abs(b.y - a.y) < kMinLastLeg) return std::nullopt;  // no room for the arrowhead
  // The grid's steps were checked box by box; the whole route once more, as drawn.
  for (const auto* list : {&n.labels, &n.titles})
    for (const Box& box : *list)
      if (route_crosses(path, box)) return std::nullopt;
  return path;
}

// When the grid would be too large (a link across thousands of rows): a
// search on the channels' centre lines alone. Along a line a route is free
// wherever no label reaches into it; it crosses the row between two lines at
// a gap between that row's labels (at a cost for each mark it passes); it
// leaves its first end, and reaches its last, across from the nearest line or
// beside the mark. Nodes are the gaps, not the labels' every edge, so the
// search grows with the labels and rows, not with their product.
std::optional<std::vector<Point>> channel_route(const Box& f, const Box& t, const Near& n,
                                                const std::vector<Channel>& channels, const LinkInput& in) {
  std::vector<double> lines;
  for (const Channel& ch : channels) lines.push_back((ch.c0 + ch.c1) / 2);
  std::sort(lines.begin(), lines.end());
  if (lines.size() < 2) return std::nullopt;
  const std::size_t nl = lines.size();
  std::vector<Box> walls = n.labels;  // what no route crosses
  walls.insert(walls.end(), n.titles.begin(), n.titles.end());
  const auto free_path = [&](const std::vector<Point>& r) {
    return std::none_of(walls.begin(), walls.end(), [&](const Box& b) { return route_crosses(r, b); });
  };
  // Per row between lines k and k+1: what blocks a crossing (walls and the two
  // ends) and what costs (other marks), as stretches along t; per line, what blocks a run along it.
  using Span = std::pair<double, double>;
  std::vector<std::vector<Span>> blocked(nl - 1), costly(nl - 1), on_line(nl);
  const auto rows_of = [&](const Box& b) {  // the rows k whose (lines[k], lines[k+1]) meets b's inside
    const auto lo = std::upper_bound(lines.begin(), lines.end(), b.y + 1e-6);
    const auto hi = std::lower_bound(lines.begin(), lines.end(), b.bottom() - 1e-6);
    const std::size_t k0 = lo == lines.begin() ? 0 : static_cast<std::size_t>(lo - lines.begin()) - 1;
    return std::pair<std::size_t, std::size_t>(k0, std::min(static_cast<std::size_t>(hi - lines.begin()), nl - 1));
  };
  const auto add = [&](std::vector<std::vector<Span>>& per_row, const Box& b) {
    const auto [k0, k1] = rows_of(b);
    for (std::size_t k = k0; k < k1; ++k) per_row[k].push_back({b.x, b.right()});
  };
  for (const Box& b : walls) {
    add(blocked, b);
    const auto lo = std::upper_bound(lines.begin(), lines.end(), b.y + 1e-6);
    const auto hi = std::lower_bound(lines.begin(), lines.end(), b.bottom() - 1e-6);
    for (auto it = lo; it < hi; ++it) on_line[static_cast<std::size_t>(it - lines.begin())].push_back({b.x, b.right()});
  }
  add(blocked, f);
  add(blocked, t);
  for (const Box& b : n.marks) add(costly, b);

  // Nodes: points on the lines, each with its line.
  std::vector<std::vector<double>> at(nl);  // per line, the t of its nodes
  const auto gaps = [&](std::vector<Span> spans) {  // the free stretches of a row
    std::sort(spans.begin(), spans.end());
    std::vector<Span> out;
    double from = in.t_lo;
    for (const Span& sp : spans) {
      if (sp.first > from + 0.5) out.push_back({from, sp.first});
      from = std::max(from, sp.second);
    }
    if (in.t_hi > from + 0.5) out.push_back({from, in.t_hi});
    return out;
  };
  std::vector<std::vector<Span>> free_rows(nl - 1);
  for (std::size_t k = 0; k + 1 < nl; ++k) free_rows[k] = gaps(blocked[k]);
  const auto marks_at = [&](std::size_t k, double x) {
    return static_cast<double>(std::count_if(costly[k].begin(), costly[k].end(),
                                             [&](const Span& sp) { return sp.first < x && x < sp.second; }));
  };
  // Where a row is crossed: in each gap, the point nearest its middle that passes no mark,
  // and the columns of the rows next to it and of the two ends where they fall in a gap.
  std::vector<std::vector<double>> cross(nl - 1);
  for (std::size_t k = 0; k + 1 < nl; ++k)
    for (const Span& g : free_rows[k]) {
      double best = (g.first + g.second) / 2;
      for (const Span& m : costly[k])
        for (const double x : {m.first - 1, m.second + 1})
          if (x > g.first && x < g.second && marks_at(k, x) < marks_at(k, best)) best = x;
      cross[k].push_back(best);
    }
  const std::vector<double> ends{mid_t(f), mid_t(t)};
  std::vector<std::vector<double>> crossings(nl - 1);
  for (std::size_t k = 0; k + 1 < nl; ++k) {
    crossings[k] = cross[k];
    const auto fits = [&](double x) {
      return std::any_of(free_rows[k].begin(), free_rows[k].end(),
                         [&](const Span& g) { return x > g.first && x < g.second; });
    };
    for (const std::size_t j : {k - 1, k + 1})
      if (j < nl - 1)
        for (const double x : cross[j])
          if (fits(x)) crossings[k].push_back(x);
    for (const double x : ends)
      if (fits(x)) crossings[k].push_back(x);
    for (const double x : crossings[k]) at[k].push_back(x), at[k + 1].push_back(x);
  }

  // The ways out of `f` and into `t`: across from a line, or beside the mark and then across.
  struct Way {
    std::size_t line;
    std::vector<Point> legs;  // from the mark to the line (out) or from the line to the mark (in)
  };
  const auto ways = [&](const Box& b, bool out) {
    std::vector<Way> w;
    const auto upper = std::upper_bound(lines.begin(), lines.end(), b.y + 1e-6);
    const auto lower = std::lower_bound(lines.begin(), lines.end(), b.bottom() - 1e-6);
    std::vector<std::size_t> near_lines;
    if (upper != lines.begin()) near_lines.push_back(static_cast<std::size_t>(upper - lines.begin()) - 1);
    if (lower != lines.end()) near_lines.push_back(static_cast<std::size_t>(lower - lines.begin()));
    for (const std::size_t k : near_lines) {
      const double edge = lines[k] < b.y ? b.y : b.bottom();
      for (const double x : columns(b, out)) w.push_back({k, {{x, edge}, {x, lines[k]}}});
      for (const double side : {b.x - (kArrow + 1), b.right() + kArrow + 1, b.x - kMinLastLeg, b.right() + kMinLastLeg})
        w.push_back({k, {{side < b.x ? b.x : b.right(), mid_c(b)}, {side, mid_c(b)}, {side, lines[k]}}});
    }
    std::vector<Way> kept;
    for (auto& way : w) {
      if (!out) std::reverse(way.legs.begin(), way.legs.end());
      const auto& r = way.legs;
      const bool inside = std::all_of(r.begin(), r.end(), [&](const Point& p) { return p.x >= in.t_lo && p.x <= in.t_hi; });
      const Point& a = r[r.size() - 2];
      const Point& z = r.back();
      if (!out && std::abs(z.x - a.x) + std::abs(z.y - a.y) < kMinLastLeg) continue;  // no room for the arrowhead
      if (inside && free_path(r) && !route_crosses(r, out ? t : f)) kept.push_back(std::move(way));
    }
    return kept;
  };
  const std::vector<Way> outs = ways(f, true), ins = ways(t, false);
  for (const Way& w : outs) at[w.line].push_back(w.legs.back().x);
  for (const Way& w : ins) at[w.line].push_back(w.legs.front().x);
  std::vector<std::size_t> first(nl + 1, 0);  // node ids: line k's nodes are first[k] ..
  for (std::size_t k = 0; k < nl; ++k) {
    std::sort(at[k].begin(), at[k].end());
    at[k].erase(std::unique(at[k].begin(), at[k].end(), [](double a, double b) { return std::abs(a - b) < 1e-9; }),
                at[k].end());
    first[k + 1] = first[k] + at[k].size();
  }
  const auto node = [&](std::size_t k, double x) {
    const auto it = std::lower_bound(at[k].begin(), at[k].end(), x - 1e-9);
    return first[k] + static_cast<std::size_t>(it - at[k].begin());
  };
  const std::size_t nodes = first[nl];
  std::vector<std::size_t> line_of(nodes);
  for (std::size_t k = 0; k < nl; ++k)
    for (std::size_t i = first[k]; i < first[k + 1]; ++i) line_of[i] = k;
  const auto pos = [&](std::size_t v) { return Point{at[line_of[v]][v - first[line_of[v]]], lines[line_of[v]]}; };
  // Across edges: per node, the node straight across on the next line where the row may be crossed there.
  std::vector<std::size_t> down(nodes, SIZE_MAX);
  for (std::size_t k = 0; k + 1 < nl; ++k)
    for (const double x : crossings[k]) down[node(k, x)] = node(k + 1, x);
  std::vector<std::size_t> up(nodes, SIZE_MAX);
  for (std::size_t v = 0; v < nodes; ++v)
    if (down[v] != SIZE_MAX) up[down[v]] = v;
  const auto run_free = [&](std::size_t k, double x0, double x1) {
    return std::none_of(on_line[k].begin(), on_line[k].end(),
                        [&](const Span& sp) { return sp.first < x1 - 1e-6 && sp.second > x0 + 1e-6; });
  };

  // Dijkstra over (node, entered along or across), as on the grid.
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> dist(nodes * 2, kInf);
  std::vector<std::size_t> prev(nodes * 2, SIZE_MAX);
  using Entry = std::pair<double, std::size_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
  for (const Way& w : outs) {
    const std::size_t v = node(w.line, w.legs.back().x);
    const double d = length_of(w.legs) + kBendCost * static_cast<double>(w.legs.size() - 2);
    if (d < dist[v * 2 + 1]) dist[v * 2 + 1] = d, queue.push({d, v * 2 + 1});
  }
  std::vector<double> finish(nodes, kInf);  // the cost of the way in from a node
  std::vector<const Way*> finish_way(nodes, nullptr);
  for (const Way& w : ins) {
    const std::size_t v = node(w.line, w.legs.front().x);
    const double d = length_of(w.legs) + kBendCost * static_cast<double>(w.legs.size() - 1);
    if (d < finish[v]) finish[v] = d, finish_way[v] = &w;
  }
  std::size_t best = SIZE_MAX;
  double best_cost = kInf;
  while (!queue.empty()) {
    const double d = queue.top().first;
    const std::size_t s = queue.top().second;
    queue.pop();
    if (d > dist[s] || d >= best_cost) continue;
    const std::size_t v = s / 2;
    const int dir = static_cast<int>(s % 2);
    if (finish_way[v] && d + finish[v] < best_cost) best_cost = d + finish[v], best = s;
    const Point p = pos(v);
    const auto relax = [&](std::size_t w, int dir2, double extra) {
      const Point q = pos(w);
      const double step = std::abs(q.x - p.x) + std::abs(q.y - p.y) + extra + (dir2 != dir ? kBendCost : 0);
      if (d + step < dist[w * 2 + static_cast<std::size_t>(dir2)]) {
        dist[w * 2 + static_cast<std::size_t>(dir2)] = d + step;
        prev[w * 2 + static_cast<std::size_t>(dir2)] = s;
        queue.push({d + step, w * 2 + static_cast<std::size_t>(dir2)});
      }
    };
    const std::size_t k = line_of[v];
    if (v > first[k] && run_free(k, pos(v - 1).x, p.x)) relax(v - 1, 0, 0);
    if (v + 1 < first[k + 1] && run_free(k, p.x, pos(v + 1).x)) relax(v + 1, 0, 0);
    if (down[v] != SIZE_MAX) relax(down[v], 1, kMarkCost * marks_at(k, p.x));
    if (up[v] != SIZE_MAX) relax(up[v], 1, kMarkCost * marks_at(k - 1, p.x));
  }
  if (best == SIZE_MAX) return std::nullopt;
  std::vector<Point> path = finish_way[best / 2]->legs;
  std::reverse(path.begin(), path.end());
  std::size_t s = best;
  for (; prev[s] != SIZE_MAX; s = prev[s]) path.push_back(pos(s / 2));
  const auto way_out = std::find_if(outs.begin(), outs.end(), [&](const Way& w) {
    return node(w.line, w.legs.back().x) == s / 2;
  });
  path.push_back(pos(s / 2));
  for (auto it = way_out->legs.rbegin(); it != way_out->legs.rend(); ++it) path.push_back(*it);
  std::reverse(path.begin(), path.end());
  path = simplified(std::move(path));
  if (path.size() < 2 || !free_path(path)) return std::nullopt;
  return path;
}

// The route's line, stopping where the arrowhead begins, and the arrowhead
// at its tip, as the chart's [link] keys draw them.
std::vector<scene::Shape> draw(const std::vector<Point>& route, Color color, const style::LinkStyle& st) {
  std::vector<scene::Shape> out;
  std::vector<Point> line_pts = route;
  const Point tip = route.back(), before = route[route.size() - 2];
  const double dx = tip.x - before.x, dy = tip.y - before.y, len = std::hypot(dx, dy);
  const double ux = len > 0 ? dx / len : 1, uy = len > 0 ? dy / len : 0;
  // A last leg shorter than the arrowhead gets a smaller one, of the same shape.
  const double head = std::min(st.arrow_size, std::max(0.0, len - 0.5)), half = kArrowHalf * head / kArrow;
  line_pts.back() = {tip.x - ux * head * 0.8, tip.y - uy * head * 0.8};
  out.push_back(scene::Path{std::move(line_pts), false, scene::Paint::solid(Color::none()),
                            scene::Stroke{color, st.width, st.dash}});
  const Point base{tip.x - ux * head, tip.y - uy * head};
  out.push_back(scene::Path{{tip, {base.x - uy * half, base.y + ux * half}, {base.x + uy * half, base.y - ux * half}},
                            true, scene::Paint::solid(color), {}});
  return out;
}

// What a route costs: its length, a length for each bend, more for each
// mark of another event it crosses, and more again when its last leg is too
// short for a whole arrowhead (a last resort: the arrow is drawn smaller).
double route_cost(const std::vector<Point>& r, const Near& n) {
  const auto marks = static_cast<double>(
      std::count_if(n.marks.begin(), n.marks.end(), [&](const Box& b) { return route_crosses(r, b); }));
  const double last = std::abs(r.back().x - r[r.size() - 2].x) + std::abs(r.back().y - r[r.size() - 2].y);
  const double short_head = last < kArrow + 1 ? kShortHeadCost : 0;
  return length_of(r) + kBendCost * static_cast<double>(r.size() - 2) + kMarkCost * marks + short_head;
}

// How far apart two boxes are, along t and across added: no route is shorter.
double between(const Box& a, const Box& b) {
  const double along = std::max({0.0, b.x - a.right(), a.x - b.right()});
  const double across = std::max({0.0, b.y - a.bottom(), a.y - b.bottom()});
  return along + across;
}

// The font of link titles: the one the chart gives (its event labels'), with the [link] keys set.
FontSpec title_font(FontSpec font, const style::LinkStyle& st) {
  if (!st.title_font.empty()) font.family = st.title_font;
  if (st.title_size > 0) font.size = st.title_size;
  if (st.title_weight > 0) font.weight = st.title_weight;
  font.italic = st.title_italic;
  return font;
}

// The box of the route with its arrowhead.
Box route_box(const std::vector<Point>& route, const style::LinkStyle& st) {
  return grown(bounds_of(route), std::max({kArrowHalf * st.arrow_size / kArrow, st.width / 2, 0.0}));
}

}  // namespace

std::vector<RoutedLink> route_links(const LinkInput& in) {
  std::vector<RoutedLink> out;
  std::vector<Box> titles;  // placed so far
  const auto& chart = *in.chart;
  const style::LinkStyle& st = chart.style.link;
  const Color color = st.color.is_none() ? in.color : st.color;
  const Color text_color = st.title_color.is_none() ? in.title_color : st.title_color;
  const FontSpec font = title_font(in.title_font, st);
  for (std::size_t k = 0; k < chart.links.size(); ++k) {
    const styled::Link& link = chart.links[k];
    const LinkEnd& from = in.ends[link.from];
    const LinkEnd& to = in.ends[link.to];
    const std::string& from_id = chart.events[link.from].id;
    const std::string& to_id = chart.events[link.to].id;
    auto routes = candidates(from.last, to.first, in.channels);
    Box reach = union_box(from.mark, to.mark);
    for (const auto& r : routes) reach = union_box(reach, bounds_of(r));
    // The marks of the two ends: a title keeps off them too.
    const std::vector<Box> own{from.mark, to.mark};

    struct Scored {
      double cost;
      std::size_t index;
    };
    std::vector<Scored> order;
    Near n;
    // The neighbourhood a route may use: both marks, every simple route, and
    // room to go round; where labels wall that in, first a wider one, then the
    // same with a route allowed closer to labels (rows a hair apart leave no
    // channel at the usual clearance), then the whole plot.
    const Box plot{in.t_lo, in.c_lo, in.t_hi - in.t_lo, in.c_hi - in.c_lo};
    for (const auto& [clear, region] : {std::pair{kClear, grown(reach, kDetour)},
                                        std::pair{kClear, grown(reach, 4 * kDetour)},
                                        std::pair{kTightClear, grown(reach, 4 * kDetour)},
                                        std::pair{kTightClear, union_box(plot, reach)}}) {
      n = near(in, region, link.from, link.to, titles, clear);
      for (std::size_t i = 0; i < routes.size(); ++i) {
        const auto& r = routes[i];
        const bool inside = std::all_of(r.begin(), r.end(), [&](const Point& p) {
          return p.x >= in.t_lo - 0.01 && p.x <= in.t_hi + 0.01 && p.y >= in.c_lo - 0.01 && p.y <= in.c_hi + 0.01;
        });
        if (!inside) continue;
        if (std::any_of(n.labels.begin(), n.labels.end(), [&](const Box& b) { return route_crosses(r, b); })) continue;
        if (std::any_of(n.titles.begin(), n.titles.end(), [&](const Box& b) { return route_crosses(r, b); })) continue;
        order.push_back({route_cost(r, n), i});
      }
      if (!order.empty()) {
        // The simple routes only leave and enter a mark at its ends or middle:
        // a label beside one end can make the cheapest of them a long way
        // round (down a whole bar to its middle) where a route just past the
        // label is short. Where the cheapest costs more than the way between
        // the two marks with two bends, the detour on the grid competes with them.
        const double best = std::min_element(order.begin(), order.end(), [](const Scored& a, const Scored& b) {
                              return a.cost < b.cost;
                            })->cost;
        if (best > between(from.last, to.first) + 2 * kBendCost)
          if (auto r = grid_route(from.last, to.first, region, n, in.channels, in)) {
            const double cost = route_cost(*r, n);
            routes.push_back(std::move(*r));
            order.push_back({cost, routes.size() - 1});
          }
        break;
      }
      auto r = grid_route(from.last, to.first, region, n, in.channels, in);
      // Only with every label of the plot in view may a route go anywhere in it.
      if (!r && region.contains(plot)) r = channel_route(from.last, to.first, n, in.channels, in);
      if (r) {
        routes.push_back(std::move(*r));
        order.push_back({0, routes.size() - 1});
        break;
      }
    }
    std::stable_sort(order.begin(), order.end(), [](const Scored& a, const Scored& b) { return a.cost < b.cost; });

    RoutedLink routed;
    std::optional<Box> title_box;
    const bool titled = !link.title.empty();
    Point size{};
    if (titled) {
      const auto ext = in.measurer->measure(link.title, font);
      size = in.map.extent(ext.width, ext.height);
    }
    std::optional<std::size_t> chosen;
    for (const Scored& s : order) {
      if (!titled) {
        chosen = s.index;
        break;
      }
      if (auto b = title_place(routes[s.index], size, n, own, in)) {
        chosen = s.index;
        title_box = b;
        break;
      }
    }
    if (!chosen && !order.empty()) {
      chosen = order.front().index;
      in.diags->warning(link.title_where.line > 0 ? link.title_where : link.where,
                        fmt::format("no room beside the link from '{}' to '{}' for its title \"{}\"; the title is "
                                    "not drawn",
                                    from_id, to_id, link.title));
    }
    if (chosen) {
      routed.route = routes[*chosen];
    } else {
      // Nothing avoids every label: straight from mark to mark, said aloud.
      const Box& f = from.last;
      const Box& t = to.first;
      const bool forward = mid_t(t) >= mid_t(f);
      routed.route = {{forward ? f.right() : f.x, mid_c(f)}, {forward ? t.x : t.right(), mid_c(t)}};
      if (std::abs(routed.route[1].x - routed.route[0].x) + std::abs(routed.route[1].y - routed.route[0].y) < kArrow + 1)
        routed.route = {{mid_t(f), mid_c(f)}, {mid_t(t), mid_c(t)}};
      routed.straight_fallback = true;
      in.diags->warning(link.where, fmt::format("no route for the link from '{}' to '{}' avoids every label; it is "
                                                "drawn straight across them",
                                                from_id, to_id));
    }
    routed.shapes = draw(routed.route, color, st);
    scene::Item& it = routed.item;
    it.kind = scene::ItemKind::link;
    it.id = std::to_string(k);
    it.box = route_box(routed.route, st);
    it.from = from_id;
    it.to = to_id;
    it.route = routed.route;
    if (title_box) {
      it.text = link.title;
      it.title_box = title_box;
      titles.push_back(*title_box);
      const Point at = in.map.point({title_box->x, title_box->y});
      const Point page = in.map.extent(size.x, size.y);  // back to (width, height): the map is its own inverse
      routed.shapes.push_back(
          upright(in.map, scene::Text{{at.x, at.y, page.x, page.y}, link.title, font, text_color, {}}));
    }
    out.push_back(std::move(routed));
  }
  return out;
}

}  // namespace annals::layout
