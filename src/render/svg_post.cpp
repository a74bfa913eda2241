#include "render/svg_post.h"

#include <fmt/format.h>
#include <glib.h>

#include <cctype>
#include <map>
#include <type_traits>

namespace annals::render {

namespace {

// Cairo names its surfaces "surfaceN" from a process-wide counter: number
// them in order of appearance instead.
std::string renumber_surfaces(const std::string& svg) {
  constexpr std::string_view word = "surface";
  std::map<std::string, int, std::less<>> ids;
  std::string out;
  out.reserve(svg.size());
  std::size_t pos = 0;
  while (true) {
    const std::size_t at = svg.find(word, pos);
    if (at == std::string::npos) break;
    std::size_t end = at + word.size();
    while (end < svg.size() && std::isdigit(static_cast<unsigned char>(svg[end]))) ++end;
    const bool reference = at > 0 && (svg[at - 1] == '"' || svg[at - 1] == '#');
    out.append(svg, pos, at - pos);
    if (reference && end > at + word.size()) {
      const std::string number = svg.substr(at + word.size(), end - at - word.size());
      const auto [it, fresh] = ids.try_emplace(number, static_cast<int>(ids.size()) + 1);
      out += fmt::format("{}{}", word, it->second);
    } else {
      out.append(svg, at, end - at);
    }
    pos = end;
  }
  out.append(svg, pos);
  return out;
}

std::string head(const scene::Metadata& m) {
  std::string out;
  if (!m.title.empty()) out += "<title>" + xml_escape(m.title) + "</title>\n";
  if (!m.subject.empty()) out += "<desc>" + xml_escape(m.subject) + "</desc>\n";
  return out;
}

std::string link(const scene::Link& l) {
  return fmt::format(
      "<a xlink:href=\"{}\"><rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" "
      "fill=\"#000\" fill-opacity=\"0\"/></a>\n",
      xml_escape(l.url), l.box.x, l.box.y, l.box.w, l.box.h);
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

std::string svg_overlay(const scene::Scene& scene) {
  std::string out;
  for (const scene::Shape& shape : scene.shapes)
    if (const auto* l = std::get_if<scene::Link>(&shape); l != nullptr && !l->url.empty()) out += link(*l);
  return out;
}

std::string finish_svg(std::string cairo_svg, const scene::Scene& scene) {
  std::string svg = renumber_surfaces(cairo_svg);
  const std::size_t root = svg.find("<svg");
  const std::size_t root_end = root == std::string::npos ? root : svg.find('>', root);
  if (root_end == std::string::npos) return svg;
  const std::string metadata = head(scene.metadata);
  // Cairo ends the root element's line itself; keep one element per line.
  if (!metadata.empty()) svg.insert(root_end + 1, "\n" + metadata.substr(0, metadata.size() - 1));
  const std::size_t close = svg.rfind("</svg>");
  if (close != std::string::npos) svg.insert(close, svg_overlay(scene));
  return svg;
}

}  // namespace annals::render
