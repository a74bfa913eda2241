#include "scene/scene.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <string_view>
#include <type_traits>

namespace annals::scene {

namespace {

// Rounded once to 0.01 so that a dump does not depend on float noise; "-0" is
// folded into "0" and non-finite values (which JSON cannot carry) become 0.
std::string number(double v) {
  if (!std::isfinite(v)) return "0";
  const double r = std::round(v * 100) / 100;
  std::string s = fmt::format("{:.2f}", r == 0 ? 0.0 : r);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s;
}

std::string fixed(double v) {
  if (!std::isfinite(v)) return "0.00";
  const double r = std::round(v * 100) / 100;
  return fmt::format("{:.2f}", r == 0 ? 0.0 : r);
}

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not one.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  std::uint32_t cp = 0;
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF)
    len = 2, cp = c & 0x1Fu;
  else if (c >= 0xE0 && c <= 0xEF)
    len = 3, cp = c & 0x0Fu;
  else if (c >= 0xF0 && c <= 0xF4)
    len = 4, cp = c & 0x07u;
  else
    return 0;
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0u) != 0x80u) return 0;
    cp = (cp << 6) | (cc & 0x3Fu);
  }
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
  if (overlong || surrogate || cp > 0x10FFFF) return 0;
  return len;
}

// A JSON string literal. Valid UTF-8 passes through; invalid bytes become
// U+FFFD so the dump is always valid JSON.
std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const char c = s[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const std::size_t len = utf8_sequence(s, i);
      if (len == 0) {
        out += "\xEF\xBF\xBD";
        ++i;
      } else {
        out.append(s.substr(i, len));
        i += len;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (u < 0x20)
          out += fmt::format("\\u{:04x}", u);
        else
          out += c;
    }
    ++i;
  }
  out += '"';
  return out;
}

std::string json_box(const Box& b) {
  return fmt::format("[{},{},{},{}]", number(b.x), number(b.y), number(b.w), number(b.h));
}

}  // namespace

std::string_view to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::event: return "event";
    case ItemKind::label: return "label";
    case ItemKind::lane: return "lane";
    case ItemKind::era: return "era";
    case ItemKind::marker: return "marker";
    case ItemKind::axis: return "axis";
    case ItemKind::tick: return "tick";
    case ItemKind::title: return "title";
    case ItemKind::legend: return "legend";
    case ItemKind::link: return "link";
    case ItemKind::group: return "group";
  }
  return "item";
}

namespace {

bool carries_event(const Item& it) { return it.kind == ItemKind::event || it.kind == ItemKind::label; }
bool carries_text(const Item& it) { return it.kind == ItemKind::label || it.kind == ItemKind::tick || !it.text.empty(); }

std::string json_item(const Item& it, std::size_t page) {
  std::string o =
      fmt::format("{{\"kind\":{},\"id\":{},\"box\":{}", quoted(std::string(to_string(it.kind))), quoted(it.id), json_box(it.box));
  if (page > 0) o += fmt::format(",\"page\":{}", page);
  auto field = [&o](std::string_view key, const std::string& value) {
    o += fmt::format(",\"{}\":{}", key, value);
  };
  if (carries_event(it)) {
    field("event", quoted(it.event));
    field("lane", quoted(it.lane));
  }
  if (carries_text(it)) field("text", quoted(it.text));
  if (it.kind == ItemKind::event) {
    field("title", quoted(it.title));
    if (it.dates) {
      const EventDates& d = *it.dates;
      field("start", quoted(d.start));
      field("end", quoted(d.end));
      field("precision", quoted(d.precision));
      field("approximate", d.approximate ? "true" : "false");
      field("uncertain", d.uncertain ? "true" : "false");
      field("open", d.open ? "true" : "false");
    }
    if (!it.description.empty()) field("description", quoted(it.description));
    if (!it.url.empty()) field("url", quoted(it.url));
    if (it.period > 0) field("period", std::to_string(it.period));
  }
  if (it.kind == ItemKind::link) {
    field("from", quoted(it.from));
    field("to", quoted(it.to));
    std::string route;
    for (const Point& p : it.route) route += fmt::format("{}[{},{}]", route.empty() ? "" : ",", number(p.x), number(p.y));
    field("route", "[" + route + "]");
    if (it.title_box) field("title_box", json_box(*it.title_box));
  }
  o += '}';
  return o;
}

// ---- text dump ----

std::string hex(const Color& c) {
  auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02x}{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b), byte(c.a));
}

std::string text_box(const Box& b) {
  return fmt::format("{} {} {} {}", fixed(b.x), fixed(b.y), fixed(b.w), fixed(b.h));
}

std::string text_point(const Point& p) { return fmt::format("{},{}", fixed(p.x), fixed(p.y)); }

std::string text_paint(const Paint& p) {
  if (p.stops.empty()) return p.color.is_none() ? "none" : hex(p.color);
  std::string s = fmt::format("linear({} {}", text_point(p.from), text_point(p.to));
  for (const GradientStop& st : p.stops) s += fmt::format(" {}@{}", hex(st.color), fixed(st.offset));
  return s + ")";
}

std::string text_stroke(const Stroke& s) {
  if (s.color.is_none() || s.width <= 0) return "none";
  std::string out = fmt::format("{} {}", hex(s.color), fixed(s.width));
  if (!s.dash.empty()) {
    out += " dash";
    for (double d : s.dash) out += " " + fixed(d);
  }
  return out;
}

std::string text_font(const FontSpec& f) {
  return fmt::format("{} {} {}{}", quoted(f.family), fixed(f.size), f.weight, f.italic ? " italic" : "");
}

std::string shape_line(const Shape& shape) {
  return std::visit(
      [](const auto& s) -> std::string {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, Rect>) {
          return fmt::format("rect {} r={} fill={} stroke={}", text_box(s.box), fixed(s.radius),
                             text_paint(s.fill), text_stroke(s.stroke));
        } else if constexpr (std::is_same_v<T, Circle>) {
          return fmt::format("circle {} r={} fill={} stroke={}", text_point(s.center), fixed(s.radius),
                             text_paint(s.fill), text_stroke(s.stroke));
        } else if constexpr (std::is_same_v<T, Path>) {
          std::string pts;
          for (const Point& p : s.points) pts += " " + text_point(p);
          return fmt::format("path{}{} fill={} stroke={}", s.closed ? " closed" : "", pts, text_paint(s.fill),
                             text_stroke(s.stroke));
        } else if constexpr (std::is_same_v<T, Line>) {
          return fmt::format("line {} {} stroke={}", text_point(s.from), text_point(s.to),
                             text_stroke(s.stroke));
        } else if constexpr (std::is_same_v<T, Text>) {
          std::string spans;
          for (const ColorSpan& sp : s.spans) spans += fmt::format(" {}..{}={}", sp.begin, sp.end, hex(sp.color));
          return fmt::format("text {} font={} color={}{} {}", text_box(s.box), text_font(s.font), hex(s.color),
                             spans, quoted(s.text));
        } else {
          return fmt::format("link {} {}", text_box(s.box), quoted(s.url));
        }
      },
      shape);
}

std::string item_line(const Item& it) {
  std::string s = fmt::format("item {} {} {}", to_string(it.kind), quoted(it.id), text_box(it.box));
  if (carries_event(it)) s += fmt::format(" event={} lane={}", quoted(it.event), quoted(it.lane));
  if (carries_text(it)) s += " text=" + quoted(it.text);
  if (it.kind == ItemKind::event) {
    s += " title=" + quoted(it.title);
    if (it.dates) {
      const EventDates& d = *it.dates;
      s += fmt::format(" {}..{} {}{}{}{}", d.start, d.end, d.precision, d.approximate ? " approximate" : "",
                       d.uncertain ? " uncertain" : "", d.open ? " open" : "");
    }
    if (it.period > 0) s += fmt::format(" period={}", it.period);
  }
  if (it.kind == ItemKind::link) {
    s += fmt::format(" from={} to={} route", quoted(it.from), quoted(it.to));
    for (const Point& p : it.route) s += " " + text_point(p);
    if (it.title_box) s += " title_box=" + text_box(*it.title_box);
  }
  return s;
}

// ---- validation ----

// Whether the segment a–b (within `bounds`) passes through the inside of `box`:
// routes are mostly axis-aligned, where the bounds say it; a slanted one is
// sampled finely enough for text.
bool segment_crosses(Point a, Point b, const Box& bounds, const Box& box) {
  constexpr double eps = 1e-6;
  const Box inner{box.x + eps, box.y + eps, box.w - 2 * eps, box.h - 2 * eps};
  if (inner.w <= 0 || inner.h <= 0) return false;
  const bool hits_bounds = bounds.x < inner.right() && bounds.right() > inner.x && bounds.y < inner.bottom() &&
                           bounds.bottom() > inner.y;
  const bool straight = bounds.w < eps || bounds.h < eps;
  if (straight) return hits_bounds || (bounds.w < eps && bounds.h < eps && inner.contains(Box{a.x, a.y, 0, 0}));
  if (!hits_bounds) return false;
  const double length = std::hypot(b.x - a.x, b.y - a.y);
  const int steps = std::max(2, static_cast<int>(length / 0.5));
  for (int i = 0; i <= steps; ++i) {
    const double f = static_cast<double>(i) / steps;
    const Point p{a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f};
    if (p.x > inner.x && p.x < inner.right() && p.y > inner.y && p.y < inner.bottom()) return true;
  }
  return false;
}

// Label boxes never overlap: a sweep over x keeps the labels the sweep line
// crosses, ordered by top edge. Those are pairwise disjoint (an overlapping
// label is reported and not kept), so a new label can only meet its
// neighbours in that order.
void check_labels(const std::vector<Item>& items, std::vector<std::string>& problems) {
  constexpr double eps = 1e-6;
  std::vector<std::size_t> labels;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].kind == ItemKind::label) labels.push_back(i);
  std::stable_sort(labels.begin(), labels.end(),
                   [&](std::size_t a, std::size_t b) { return items[a].box.x < items[b].box.x; });

  std::multimap<double, std::size_t> active;  // top edge → item index
  std::multimap<double, std::size_t> ends;    // right edge → item index, for removal
  for (std::size_t idx : labels) {
    const Box& b = items[idx].box;
    while (!ends.empty() && ends.begin()->first <= b.x + eps) {
      const std::size_t gone = ends.begin()->second;
      auto [lo, hi] = active.equal_range(items[gone].box.y);
      for (auto it = lo; it != hi; ++it)
        if (it->second == gone) {
          active.erase(it);
          break;
        }
      ends.erase(ends.begin());
    }
    auto next = active.lower_bound(b.y);
    std::size_t hit = items.size();
    if (next != active.end() && items[next->second].box.overlaps(b)) hit = next->second;
    if (hit == items.size() && next != active.begin() && items[std::prev(next)->second].box.overlaps(b))
      hit = std::prev(next)->second;
    if (hit != items.size()) {
      problems.push_back(
          fmt::format("labels {} and {} overlap", quoted(items[hit].id), quoted(items[idx].id)));
      continue;
    }
    active.emplace(b.y, idx);
    ends.emplace(b.right(), idx);
  }
}

// No label crosses another event's mark. Marks may overlap one another, so
// the sweep keeps both kinds ordered by top edge and, for a new box, looks
// at the other kind's boxes whose top lies within the tallest box's height.
void check_label_marks(const std::vector<Item>& items, std::vector<std::string>& problems) {
  constexpr double eps = 1e-6;
  std::vector<std::size_t> order;
  double tallest[2] = {0, 0};  // [0] labels, [1] marks
  auto side = [&](std::size_t i) { return items[i].kind == ItemKind::event ? 1 : 0; };
  for (std::size_t i = 0; i < items.size(); ++i)
    if (items[i].kind == ItemKind::label || items[i].kind == ItemKind::event) {
      order.push_back(i);
      tallest[side(i)] = std::max(tallest[side(i)], items[i].box.h);
    }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return items[a].box.x < items[b].box.x; });

  std::multimap<double, std::size_t> active[2];
  std::multimap<double, std::size_t> ends;
  for (std::size_t idx : order) {
    const Box& b = items[idx].box;
    while (!ends.empty() && ends.begin()->first <= b.x + eps) {
      const std::size_t gone = ends.begin()->second;
      auto& set = active[side(gone)];
      auto [lo, hi] = set.equal_range(items[gone].box.y);
      for (auto it = lo; it != hi; ++it)
        if (it->second == gone) {
          set.erase(it);
          break;
        }
      ends.erase(ends.begin());
    }
    const int other = 1 - side(idx);
    const auto& candidates = active[other];
    const auto first = candidates.lower_bound(b.y - tallest[other]);
    for (auto it = first; it != candidates.end() && it->first < b.bottom(); ++it) {
      const Item& o = items[it->second];
      const Item& label = other == 1 ? items[idx] : o;
      const Item& mark = other == 1 ? o : items[idx];
      if (label.event != mark.event && o.box.overlaps(b))
        problems.push_back(
            fmt::format("label {} crosses the mark of event {}", quoted(label.id), quoted(mark.id)));
    }
    active[side(idx)].emplace(b.y, idx);
    ends.emplace(b.right(), idx);
  }
}

// Links are few: each segment of a route, and each title, against every label.
void check_links(const std::vector<Item>& items, std::vector<std::string>& problems) {
  std::vector<const Item*> labels, links;
  for (const Item& it : items) {
    if (it.kind == ItemKind::label) labels.push_back(&it);
    if (it.kind == ItemKind::link) links.push_back(&it);
  }
  for (const Item* link : links) {
    bool crossed = false;
    for (std::size_t i = 0; !crossed && i + 1 < link->route.size(); ++i) {
      const Point a = link->route[i], b = link->route[i + 1];
      const Box seg{std::min(a.x, b.x), std::min(a.y, b.y), std::abs(b.x - a.x), std::abs(b.y - a.y)};
      for (const Item* label : labels)
        if (segment_crosses(a, b, seg, label->box)) {
          problems.push_back(fmt::format("link {} crosses label {}", quoted(link->id), quoted(label->id)));
          crossed = true;
          break;
        }
    }
    if (!link->title_box) continue;
    for (const Item* label : labels)
      if (label->box.overlaps(*link->title_box))
        problems.push_back(fmt::format("the title of link {} overlaps label {}", quoted(link->id), quoted(label->id)));
    for (const Item* other : links)
      if (other != link && other->title_box && other < link && other->title_box->overlaps(*link->title_box))
        problems.push_back(fmt::format("the titles of links {} and {} overlap", quoted(other->id), quoted(link->id)));
  }
}

}  // namespace

std::size_t page_count(const Scene& s) { return 1 + s.more_pages.size(); }

const Scene& page_of(const Scene& s, std::size_t i) { return i == 0 ? s : s.more_pages.at(i - 1); }

std::string to_json(const Scene& s) {
  const std::size_t pages = page_count(s);
  std::string out = fmt::format("{{\"page\":{{\"width\":{},\"height\":{}", number(s.width), number(s.height));
  if (const Composed& c = s.composed; c.known)
    out += fmt::format(",\"scale\":{},\"font_size\":{},\"label_size\":{},\"min_size\":{},\"margin\":{},"
                       "\"content_width\":{},\"content_height\":{},\"fits\":{}",
                       number(c.scale), number(c.font_size), number(c.label_size), number(c.min_size),
                       number(c.margin), number(c.content_width), number(c.content_height),
                       c.fits ? "true" : "false");
  out += "},";
  if (pages > 1) {
    out += "\"pages\":[";
    for (std::size_t p = 0; p < pages; ++p)
      out += fmt::format("{}{{\"width\":{},\"height\":{}}}", p == 0 ? "" : ",", number(page_of(s, p).width),
                         number(page_of(s, p).height));
    out += "],";
  }
  out += "\"items\":[";
  bool first = true;
  for (std::size_t p = 0; p < pages; ++p)
    for (const Item& it : page_of(s, p).items) {
      out += first ? "\n" : ",\n";
      first = false;
      out += json_item(it, pages > 1 ? p + 1 : 0);
    }
  out += first ? "]}\n" : "\n]}\n";
  return out;
}

std::string to_text(const Scene& s) {
  std::string out;
  for (std::size_t p = 0; p < page_count(s); ++p) {
    const Scene& pg = page_of(s, p);
    out += fmt::format("page {} {} background={}\n", fixed(pg.width), fixed(pg.height),
                       pg.background.is_none() ? "none" : hex(pg.background));
    if (pg.clip) out += fmt::format("clip {}\n", text_box(*pg.clip));
    for (const Shape& shape : pg.shapes) out += shape_line(shape) + "\n";
    for (const Shape& shape : pg.marks) out += "mark " + shape_line(shape) + "\n";
    for (const Item& it : pg.items) out += item_line(it) + "\n";
  }
  return out;
}

std::vector<std::string> validate(const Scene& s) {
  std::vector<std::string> problems;
  for (std::size_t p = 0; p < page_count(s); ++p) {
    const Scene& pg = page_of(s, p);
    std::vector<std::string> found;
    const Box page{0, 0, pg.width, pg.height};
    for (const Item& it : pg.items)
      if (!page.contains(it.box))
        found.push_back(
            fmt::format("{} {} at [{}] is not on the page", to_string(it.kind), quoted(it.id), text_box(it.box)));
    check_labels(pg.items, found);
    check_label_marks(pg.items, found);
    check_links(pg.items, found);
    for (auto& f : found) problems.push_back(p == 0 ? std::move(f) : fmt::format("page {}: {}", p + 1, f));
  }
  return problems;
}

}  // namespace annals::scene
