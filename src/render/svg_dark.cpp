#include "render/svg_dark.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>

#include <fmt/format.h>

namespace annals::render {

namespace {

// One colour as the SVG paints with it: `fill:rgb(…);fill-opacity:0.28;` in
// a style attribute, or `fill="#rrggbb"` as an attribute of its own.
struct Token {
  std::string text;        // the exact characters, for the selector
  std::string property;    // fill, stroke, stop-color
  bool attribute = false;  // fill="…" rather than style="fill:…"
  Color color;
  std::optional<double> opacity;  // the adjacent fill-opacity / stroke-opacity / stop-opacity
};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_'; }

// A number at `pos` ("13.333333", "40", "1e-05"); advances `pos`.
std::optional<double> number_at(std::string_view s, std::size_t& pos) {
  const std::string copy(s.substr(pos, 32));
  char* end = nullptr;
  const double v = std::strtod(copy.c_str(), &end);
  if (end == copy.c_str()) return std::nullopt;
  pos += static_cast<std::size_t>(end - copy.c_str());
  return v;
}

// "rgb(r%,g%,b%)", "rgb(r,g,b)" or "#rgb" / "#rrggbb" at `pos`; advances `pos`.
std::optional<Color> color_at(std::string_view s, std::size_t& pos) {
  if (s.substr(pos, 4) == "rgb(") {
    std::size_t p = pos + 4;
    std::array<double, 3> c{};
    for (std::size_t i = 0; i < 3; ++i) {
      const auto v = number_at(s, p);
      if (!v) return std::nullopt;
      c[i] = *v / 255;
      if (p < s.size() && s[p] == '%') {
        c[i] = *v / 100;
        ++p;
      }
      if (p >= s.size() || s[p] != (i < 2 ? ',' : ')')) return std::nullopt;
      ++p;
    }
    pos = p;
    return Color{c[0], c[1], c[2], 1};
  }
  if (pos < s.size() && s[pos] == '#') {
    std::size_t n = 0;
    while (pos + 1 + n < s.size() && std::isxdigit(static_cast<unsigned char>(s[pos + 1 + n])) != 0) ++n;
    if (n != 3 && n != 6) return std::nullopt;
    const std::string hex(s.substr(pos + 1, n));
    const auto channel = [&](std::size_t i) {
      const std::string digits = n == 3 ? std::string(2, hex[i]) : hex.substr(2 * i, 2);
      return static_cast<double>(std::strtol(digits.c_str(), nullptr, 16)) / 255.0;
    };
    pos += 1 + n;
    return Color{channel(0), channel(1), channel(2), 1};
  }
  return std::nullopt;
}

std::vector<Token> tokens_of(std::string_view svg) {
  static constexpr std::array<std::string_view, 3> kProperties{"fill", "stroke", "stop-color"};
  std::vector<Token> out;
  std::set<std::string, std::less<>> seen;
  for (const std::string_view property : kProperties) {
    for (std::size_t at = svg.find(property); at != std::string_view::npos; at = svg.find(property, at + 1)) {
      if (at > 0 && is_name_char(svg[at - 1])) continue;
      std::size_t pos = at + property.size();
      bool attribute = false;
      if (svg.substr(pos, 2) == "=\"") {
        attribute = true;
        pos += 2;
      } else if (pos < svg.size() && svg[pos] == ':') {
        ++pos;
      } else {
        continue;
      }
      const auto color = color_at(svg, pos);
      if (!color) continue;
      Token t;
      t.property = std::string(property);
      t.attribute = attribute;
      t.color = *color;
      if (attribute) {
        if (pos >= svg.size() || svg[pos] != '"') continue;
        t.text = std::string(svg.substr(at + property.size() + 2, pos - at - property.size() - 2));
      } else {
        // Cairo writes the opacity right after the colour: keyed together, so one
        // colour at two opacities (a band and its faded end) maps each.
        const std::string opacity =
            fmt::format(";{}-opacity:", property == "stop-color" ? std::string("stop") : std::string(property));
        std::size_t end = pos;
        if (svg.substr(pos, opacity.size()) == opacity) {
          std::size_t p = pos + opacity.size();
          if (const auto a = number_at(svg, p)) {
            t.opacity = *a;
            end = p;
            if (end < svg.size() && svg[end] == ';') ++end;
          }
        }
        t.text = std::string(svg.substr(at, end - at));
      }
      const std::string key = (attribute ? "a:" : "s:") + t.property + ":" + t.text;
      if (seen.insert(key).second) out.push_back(std::move(t));
    }
  }
  return out;
}

// Cairo writes a channel to 1e-8; nudged copies (scene::pair_colors) lie 3e-5 apart.
bool near(double a, double b, double tolerance = 2e-6) { return std::abs(a - b) <= tolerance; }

const scene::ColorPair* pair_for(const Token& t, const std::vector<scene::ColorPair>& pairs) {
  const scene::ColorPair* any = nullptr;
  for (const auto& p : pairs) {
    if (!near(p.light.r, t.color.r) || !near(p.light.g, t.color.g) || !near(p.light.b, t.color.b)) continue;
    const double alpha = t.opacity.value_or(1);
    if (near(p.light.a, alpha, 1e-3)) return &p;
    if (any == nullptr) any = &p;
  }
  return any;
}

std::string hex(const Color& c) {
  const auto channel = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
  return fmt::format("#{:02x}{:02x}{:02x}", channel(c.r), channel(c.g), channel(c.b));
}

// CSS string contents: only a quote or a backslash needs escaping (the tokens hold neither).
std::string css_string(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

std::string dark_scheme_style(std::string_view svg, const std::vector<scene::ColorPair>& pairs) {
  if (pairs.empty()) return {};
  std::string rules;
  for (const Token& t : tokens_of(svg)) {
    const scene::ColorPair* p = pair_for(t, pairs);
    if (p == nullptr) continue;
    const std::string opacity_property =
        t.property == "stop-color" ? std::string("stop-opacity") : t.property + "-opacity";
    std::string declarations = fmt::format("{}:{}!important", t.property, hex(p->dark));
    // The opacity drawn is the colour's alpha, maybe times a shape's own: keep that ratio.
    const double alpha = t.opacity.value_or(1);
    if (p->light.a > 0 && (t.opacity || !near(p->dark.a, p->light.a, 1e-3))) {
      const double dark_alpha = std::clamp(alpha * p->dark.a / p->light.a, 0.0, 1.0);
      declarations += fmt::format(";{}:{:.4g}!important", opacity_property, dark_alpha);
    }
    if (t.attribute)
      rules += fmt::format("[{}=\"{}\"]{{{}}}\n", t.property, css_string(t.text), declarations);
    else
      rules += fmt::format("[style*=\"{}\"]{{{}}}\n", css_string(t.text), declarations);
  }
  if (rules.empty()) return {};
  return "<style>\n@media (prefers-color-scheme: dark) {\n" + rules + "}\n</style>\n";
}

}  // namespace annals::render
