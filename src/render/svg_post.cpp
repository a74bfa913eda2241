#include "render/svg_post.h"

#include "render/svg_dark.h"

#include <fmt/format.h>
#include <glib.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace annals::render {

namespace {

// Appends `svg` to `out` with every id made the chart's own: each id
// (`id="…"`) and each reference to one (`href="#…"`, `url(#…)`) gets
// `prefix`, so several charts inline in one HTML page never take each
// other's glyphs or clips; and Cairo's surfaces, named "surfaceN" from a
// process-wide counter, are numbered in order of appearance instead, so the
// bytes do not depend on what the process drew before.
void append_renumbered(std::string_view svg, std::string_view prefix, std::map<std::string, int, std::less<>>& ids,
                       std::string& out) {
  constexpr std::string_view word = "surface";
  const auto ends_with = [&](std::size_t at, std::string_view tail) {
    return at >= tail.size() && svg.substr(at - tail.size(), tail.size()) == tail;
  };
  std::size_t pos = 0;
  while (true) {
    const std::size_t at = svg.find_first_of("\"#", pos);
    if (at == std::string_view::npos) break;
    // `at` is the character just before an id's name, or not an id at all.
    const bool names_id = svg[at] == '"' ? ends_with(at, " id=") || (at == 3 && ends_with(at, "id="))
                                         : ends_with(at, "href=\"") || ends_with(at, "url(");
    out.append(svg, pos, at + 1 - pos);
    pos = at + 1;
    if (!names_id) continue;
    out.append(prefix);
    std::size_t end = pos;
    if (svg.substr(pos, word.size()) == word) {
      end = pos + word.size();
      while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
      if (end > pos + word.size()) {
        const std::string_view number = svg.substr(pos + word.size(), end - pos - word.size());
        const auto [it, fresh] = ids.try_emplace(std::string(number), static_cast<int>(ids.size()) + 1);
        fmt::format_to(std::back_inserter(out), "{}{}", word, it->second);
        pos = end;
      }
    }
  }
  out.append(svg, pos);
}

std::string head(const scene::Metadata& m) {
  std::string out;
  if (!m.title.empty()) out += "<title>" + xml_escape(m.title) + "</title>\n";
  if (!m.subject.empty()) out += "<desc>" + xml_escape(m.subject) + "</desc>\n";
  return out;
}

// Where a text line's baseline lies in its logical box. The Scene keeps only
// the box; for the fonts annals ships (DejaVu, Noto) the ascent is 0.78–0.8
// of the line height, close enough for selection and search highlights.
constexpr double kBaselineShare = 0.8;

std::string num(double v) { return fmt::format("{:.2f}", v); }

std::string rect(const Box& b) {
  return fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/>\n", num(b.x), num(b.y),
                     num(b.w), num(b.h));
}

// xlink:href, not SVG 2's href: every browser and rsvg read it. A target
// (by default "_top") makes a link in an SVG shown with <object> or <embed>
// open in the page, not inside the object's box.
std::string link_open(const std::string& url, const std::string& target) {
  if (target.empty()) return fmt::format("<a xlink:href=\"{}\">", xml_escape(url));
  return fmt::format("<a xlink:href=\"{}\" target=\"{}\">", xml_escape(url), xml_escape(target));
}

std::string link(const scene::Link& l, const std::string& target) {
  return link_open(l.url, target) + rect(l.box) + "</a>\n";
}

// An invisible copy of a drawn line: the same string, position, font and
// width, so search, copy and screen readers find the text Cairo drew as
// outlines, and highlights land on the glyphs.
std::string text(const scene::Text& t) {
  std::string attrs = fmt::format("x=\"{}\" y=\"{}\" font-family=\"{}\" font-size=\"{}\"", num(t.box.x),
                                  num(t.box.y + t.box.h * kBaselineShare), xml_escape(t.font.family),
                                  num(t.font.size));
  if (t.font.weight != 400) attrs += fmt::format(" font-weight=\"{}\"", t.font.weight);
  if (t.font.italic) attrs += " font-style=\"italic\"";
  if (t.box.w > 0) attrs += fmt::format(" textLength=\"{}\" lengthAdjust=\"spacingAndGlyphs\"", num(t.box.w));
  return fmt::format("<text {}>{}</text>\n", attrs, xml_escape(t.text));
}

bool drawn(const scene::Text& t) { return !t.text.empty() && !t.color.is_none(); }

double overlap_area(const Box& a, const Box& b) {
  const double w = std::min(a.right(), b.right()) - std::max(a.x, b.x);
  const double h = std::min(a.bottom(), b.bottom()) - std::max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

// One event as the overlay shows it: its mark, its label lines and its link.
struct EventGroup {
  const scene::Item* event = nullptr;
  std::vector<Box> boxes;                 // mark and label: hover areas
  std::vector<const scene::Text*> lines;  // the label's text, in drawing order
  const scene::Link* link = nullptr;
};

// Label boxes bucketed by rows of the page, so finding the label a text line
// belongs to stays fast for charts of thousands of events.
class LabelIndex {
 public:
  static constexpr double kRow = 24;

  void add(const Box& box, std::size_t group) {
    for (int r = row(box.y); r <= row(box.bottom()); ++r) rows_[r].push_back({box, group});
  }

  // The group whose label box overlaps `b` the most (labels never overlap each other).
  std::optional<std::size_t> find(const Box& b) const {
    std::optional<std::size_t> best;
    double best_area = 0;
    for (int r = row(b.y); r <= row(b.bottom()); ++r) {
      const auto it = rows_.find(r);
      if (it == rows_.end()) continue;
      for (const auto& [box, group] : it->second) {
        const double area = overlap_area(box, b);
        if (area > best_area) best_area = area, best = group;
      }
    }
    return best;
  }

 private:
  static int row(double y) { return static_cast<int>(std::floor(y / kRow)); }
  std::map<int, std::vector<std::pair<Box, std::size_t>>> rows_;
};

std::string tooltip(const scene::Item& e) {
  std::string tip = e.title.empty() ? e.text : e.title;
  if (!e.description.empty()) tip += "\n" + e.description;
  return tip;
}

bool plain_id(const std::string& id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// The event's id twice: in the chart's own namespace (`id`, unique on a page
// of several charts) and as written (`data-event`, for a page's CSS and scripts).
std::string group(const EventGroup& g, std::string_view prefix, const std::string& target) {
  std::string out = g.link ? link_open(g.link->url, target) + "\n" : std::string();
  const std::string id = plain_id(g.event->id) ? fmt::format(" id=\"{}event-{}\" data-event=\"{}\"", prefix,
                                                               g.event->id, g.event->id)
                                               : "";
  out += fmt::format("<g class=\"event\"{}>\n<title>{}</title>\n", id, xml_escape(tooltip(*g.event)));
  for (const Box& b : g.boxes) out += rect(b);
  if (g.link) out += rect(g.link->box);
  for (const scene::Text* t : g.lines) out += text(*t);
  out += "</g>\n";
  if (g.link) out += "</a>\n";
  return out;
}

struct Grouping {
  std::vector<EventGroup> events;
  std::vector<const scene::Text*> free_text;   // titles, ticks, lanes, eras, legends
  std::vector<const scene::Link*> free_links;  // links that belong to no event
};

Grouping group_scene(const scene::Scene& scene) {
  Grouping g;
  std::map<std::string, std::size_t, std::less<>> by_event;
  for (const scene::Item& item : scene.items) {
    if (item.kind != scene::ItemKind::event) continue;
    const auto [at, fresh] = by_event.emplace(item.id, g.events.size());
    if (!fresh) {  // another period of the same event (FORMAT.md §5.1): one group, one id
      g.events[at->second].boxes.push_back(item.box);
      continue;
    }
    g.events.push_back({&item, {item.box}, {}, nullptr});
  }
  LabelIndex labels;
  for (const scene::Item& item : scene.items) {
    if (item.kind != scene::ItemKind::label) continue;
    const auto it = by_event.find(item.event);
    if (it == by_event.end()) continue;
    g.events[it->second].boxes.push_back(item.box);
    labels.add(item.box, it->second);
  }
  // A link belongs to the first event of its url whose mark it covers.
  std::map<std::string_view, std::vector<std::size_t>> by_url;
  for (std::size_t i = 0; i < g.events.size(); ++i)
    if (!g.events[i].event->url.empty()) by_url[g.events[i].event->url].push_back(i);
  for (const scene::Shape& shape : scene.shapes) {
    if (const auto* t = std::get_if<scene::Text>(&shape); t != nullptr && drawn(*t)) {
      if (const auto at = labels.find(t->box)) g.events[*at].lines.push_back(t);
      else g.free_text.push_back(t);
    } else if (const auto* l = std::get_if<scene::Link>(&shape); l != nullptr && !l->url.empty()) {
      EventGroup* owner = nullptr;
      if (const auto it = by_url.find(l->url); it != by_url.end())
        for (std::size_t i : it->second)
          if (g.events[i].link == nullptr && l->box.contains(g.events[i].event->box)) {
            owner = &g.events[i];
            break;
          }
      if (owner) owner->link = l;
      else g.free_links.push_back(l);
    }
  }
  // Screen readers and copy read in document order: top to bottom, then left to right.
  std::stable_sort(g.free_text.begin(), g.free_text.end(), [](const scene::Text* a, const scene::Text* b) {
    return std::tie(a->box.y, a->box.x) < std::tie(b->box.y, b->box.x);
  });
  return g;
}

}  // namespace

std::string xml_escape(std::string_view raw) {
  // An XML file must be valid UTF-8: broken sequences become U+FFFD.
  std::string repaired;
  std::string_view s = raw;
  if (!g_utf8_validate(raw.data(), static_cast<gssize>(raw.size()), nullptr)) {
    gchar* fixed = g_utf8_make_valid(raw.data(), static_cast<gssize>(raw.size()));
    repaired = fixed;
    g_free(fixed);
    s = repaired;
  }
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (u >= 0x20 || c == '\t' || c == '\n' || c == '\r') out += c;
    }
  }
  return out;
}

std::string svg_overlay(const scene::Scene& scene, std::string_view id_prefix) {
  const Grouping g = group_scene(scene);
  if (g.events.empty() && g.free_text.empty() && g.free_links.empty()) return {};
  // Painted (so it can be hovered, selected and found) yet fully transparent:
  // what is seen stays exactly what Cairo drew.
  std::string out = fmt::format(
      "<g id=\"{}annals-text\" class=\"annals-text\" fill=\"#000\" fill-opacity=\"0\" stroke=\"none\" "
      "xml:space=\"preserve\">\n",
      id_prefix);
  const std::string& target = scene.metadata.link_target;
  for (const scene::Text* t : g.free_text) out += text(*t);
  for (const EventGroup& e : g.events) out += group(e, id_prefix, target);
  for (const scene::Link* l : g.free_links) out += link(*l, target);
  return out + "</g>\n";
}

std::string content_id_prefix(const scene::Scene& scene) {
  // FNV-1a over what the reader sees of the chart: its size, title and every
  // text line and item, so two different charts get different prefixes and
  // the same chart always the same one.
  std::uint64_t h = 1469598103934665603ULL;
  const auto mix = [&h](std::string_view bytes) {
    for (const char c : bytes) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ 0xFF) * 1099511628211ULL;
  };
  mix(fmt::format("{:.2f}x{:.2f}", scene.width, scene.height));
  mix(scene.metadata.title);
  for (const scene::Item& item : scene.items) {
    mix(item.id);
    mix(item.text);
    mix(fmt::format("{:.2f},{:.2f}", item.box.x, item.box.y));
  }
  return fmt::format("a{:06x}-", h & 0xFFFFFF);
}

SvgFinisher::SvgFinisher(const scene::Scene& scene, std::size_t expected_size, std::string id_prefix)
    : metadata_(head(scene.metadata)),
      overlay_(svg_overlay(scene, id_prefix)),
      prefix_(std::move(id_prefix)),
      dark_colors_(scene.metadata.dark_colors) {
  out_.reserve(expected_size + metadata_.size() + overlay_.size());
}

void SvgFinisher::append(std::string_view bytes) {
  if (rooted_) {
    append_lines(bytes);
    return;
  }
  // Everything up to the end of the root element's start tag waits in
  // `pending_` (a few hundred bytes), so <title> and <desc> go right after it.
  // Only the new bytes (and the few before them that may start "<svg") are
  // searched, so a stream cut into tiny pieces stays linear.
  const std::size_t searched = pending_.size();
  pending_.append(bytes);
  if (root_ == std::string::npos) {
    root_ = pending_.find("<svg", searched < 3 ? 0 : searched - 3);
    if (root_ == std::string::npos) return;
    searched_ = root_;
  }
  const std::size_t root_end = pending_.find('>', searched_);
  searched_ = pending_.size();
  if (root_end == std::string::npos) return;
  rooted_ = true;
  append_renumbered(std::string_view(pending_).substr(0, root_end + 1), prefix_, ids_, out_);
  // Inline in a page, the chart scales down with it and keeps its proportions.
  if (const std::size_t tag = out_.rfind("<svg"); tag != std::string::npos)
    out_.insert(tag + 4, " style=\"max-width:100%;height:auto\"");
  // Cairo ends the root element's line itself; keep one element per line.
  if (!metadata_.empty()) out_.append("\n").append(metadata_, 0, metadata_.size() - 1);
  append_lines(std::string_view(pending_).substr(root_end + 1));
  pending_.clear();
}

void SvgFinisher::append_lines(std::string_view bytes) {
  // Renumbering works on whole lines: an id never spans a line break, so a
  // line cut between two of Cairo's writes is held back until it ends.
  const std::size_t first_break = bytes.find('\n');
  if (first_break == std::string_view::npos) {
    line_.append(bytes);
    return;
  }
  if (!line_.empty()) {
    line_.append(bytes.substr(0, first_break + 1));
    append_renumbered(line_, prefix_, ids_, out_);
    line_.clear();
    bytes.remove_prefix(first_break + 1);
  }
  const std::size_t cut = bytes.rfind('\n') + 1;  // 0 when the break was the first one's
  append_renumbered(bytes.substr(0, cut), prefix_, ids_, out_);
  line_.append(bytes.substr(cut));
}

std::string SvgFinisher::finish() && {
  if (!rooted_) {
    // No root element: nothing to add the title or the layer to.
    append_renumbered(pending_, prefix_, ids_, out_);
    return std::move(out_);
  }
  append_renumbered(line_, prefix_, ids_, out_);
  const std::size_t close = out_.rfind("</svg>");
  if (close != std::string::npos) out_.insert(close, dark_scheme_style(out_, dark_colors_) + overlay_);
  return std::move(out_);
}

std::string finish_svg(std::string_view cairo_svg, const scene::Scene& scene, std::string id_prefix) {
  SvgFinisher finisher(scene, cairo_svg.size(), std::move(id_prefix));
  finisher.append(cairo_svg);
  return std::move(finisher).finish();
}

}  // namespace annals::render
