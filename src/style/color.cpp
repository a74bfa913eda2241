// Colour parsing and the WCAG contrast arithmetic.
#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "base/strings.h"
#include "style/style.h"

namespace annals::style {

namespace {

struct NamedColor {
  std::string_view name;
  std::uint32_t rgb;
};

// CSS Color Module Level 4, §6.1: the 148 named colours (both grey spellings).
constexpr std::array<NamedColor, 148> kNamedColors{{
    {"aliceblue", 0xf0f8ff},       {"antiquewhite", 0xfaebd7},      {"aqua", 0x00ffff},
    {"aquamarine", 0x7fffd4},      {"azure", 0xf0ffff},             {"beige", 0xf5f5dc},
    {"bisque", 0xffe4c4},          {"black", 0x000000},             {"blanchedalmond", 0xffebcd},
    {"blue", 0x0000ff},            {"blueviolet", 0x8a2be2},        {"brown", 0xa52a2a},
    {"burlywood", 0xdeb887},       {"cadetblue", 0x5f9ea0},         {"chartreuse", 0x7fff00},
    {"chocolate", 0xd2691e},       {"coral", 0xff7f50},             {"cornflowerblue", 0x6495ed},
    {"cornsilk", 0xfff8dc},        {"crimson", 0xdc143c},           {"cyan", 0x00ffff},
    {"darkblue", 0x00008b},        {"darkcyan", 0x008b8b},          {"darkgoldenrod", 0xb8860b},
    {"darkgray", 0xa9a9a9},        {"darkgreen", 0x006400},         {"darkgrey", 0xa9a9a9},
    {"darkkhaki", 0xbdb76b},       {"darkmagenta", 0x8b008b},       {"darkolivegreen", 0x556b2f},
    {"darkorange", 0xff8c00},      {"darkorchid", 0x9932cc},        {"darkred", 0x8b0000},
    {"darksalmon", 0xe9967a},      {"darkseagreen", 0x8fbc8f},      {"darkslateblue", 0x483d8b},
    {"darkslategray", 0x2f4f4f},   {"darkslategrey", 0x2f4f4f},     {"darkturquoise", 0x00ced1},
    {"darkviolet", 0x9400d3},      {"deeppink", 0xff1493},          {"deepskyblue", 0x00bfff},
    {"dimgray", 0x696969},         {"dimgrey", 0x696969},           {"dodgerblue", 0x1e90ff},
    {"firebrick", 0xb22222},       {"floralwhite", 0xfffaf0},       {"forestgreen", 0x228b22},
    {"fuchsia", 0xff00ff},         {"gainsboro", 0xdcdcdc},         {"ghostwhite", 0xf8f8ff},
    {"gold", 0xffd700},            {"goldenrod", 0xdaa520},         {"gray", 0x808080},
    {"green", 0x008000},           {"greenyellow", 0xadff2f},       {"grey", 0x808080},
    {"honeydew", 0xf0fff0},        {"hotpink", 0xff69b4},           {"indianred", 0xcd5c5c},
    {"indigo", 0x4b0082},          {"ivory", 0xfffff0},             {"khaki", 0xf0e68c},
    {"lavender", 0xe6e6fa},        {"lavenderblush", 0xfff0f5},     {"lawngreen", 0x7cfc00},
    {"lemonchiffon", 0xfffacd},    {"lightblue", 0xadd8e6},         {"lightcoral", 0xf08080},
    {"lightcyan", 0xe0ffff},       {"lightgoldenrodyellow", 0xfafad2}, {"lightgray", 0xd3d3d3},
    {"lightgreen", 0x90ee90},      {"lightgrey", 0xd3d3d3},         {"lightpink", 0xffb6c1},
    {"lightsalmon", 0xffa07a},     {"lightseagreen", 0x20b2aa},     {"lightskyblue", 0x87cefa},
    {"lightslategray", 0x778899},  {"lightslategrey", 0x778899},    {"lightsteelblue", 0xb0c4de},
    {"lightyellow", 0xffffe0},     {"lime", 0x00ff00},              {"limegreen", 0x32cd32},
    {"linen", 0xfaf0e6},           {"magenta", 0xff00ff},           {"maroon", 0x800000},
    {"mediumaquamarine", 0x66cdaa}, {"mediumblue", 0x0000cd},       {"mediumorchid", 0xba55d3},
    {"mediumpurple", 0x9370db},    {"mediumseagreen", 0x3cb371},    {"mediumslateblue", 0x7b68ee},
    {"mediumspringgreen", 0x00fa9a}, {"mediumturquoise", 0x48d1cc}, {"mediumvioletred", 0xc71585},
    {"midnightblue", 0x191970},    {"mintcream", 0xf5fffa},         {"mistyrose", 0xffe4e1},
    {"moccasin", 0xffe4b5},        {"navajowhite", 0xffdead},       {"navy", 0x000080},
    {"oldlace", 0xfdf5e6},         {"olive", 0x808000},             {"olivedrab", 0x6b8e23},
    {"orange", 0xffa500},          {"orangered", 0xff4500},         {"orchid", 0xda70d6},
    {"palegoldenrod", 0xeee8aa},   {"palegreen", 0x98fb98},         {"paleturquoise", 0xafeeee},
    {"palevioletred", 0xdb7093},   {"papayawhip", 0xffefd5},        {"peachpuff", 0xffdab9},
    {"peru", 0xcd853f},            {"pink", 0xffc0cb},              {"plum", 0xdda0dd},
    {"powderblue", 0xb0e0e6},      {"purple", 0x800080},            {"rebeccapurple", 0x663399},
    {"red", 0xff0000},             {"rosybrown", 0xbc8f8f},         {"royalblue", 0x4169e1},
    {"saddlebrown", 0x8b4513},     {"salmon", 0xfa8072},            {"sandybrown", 0xf4a460},
    {"seagreen", 0x2e8b57},        {"seashell", 0xfff5ee},          {"sienna", 0xa0522d},
    {"silver", 0xc0c0c0},          {"skyblue", 0x87ceeb},           {"slateblue", 0x6a5acd},
    {"slategray", 0x708090},       {"slategrey", 0x708090},         {"snow", 0xfffafa},
    {"springgreen", 0x00ff7f},     {"steelblue", 0x4682b4},         {"tan", 0xd2b48c},
    {"teal", 0x008080},            {"thistle", 0xd8bfd8},           {"tomato", 0xff6347},
    {"turquoise", 0x40e0d0},       {"violet", 0xee82ee},            {"wheat", 0xf5deb3},
    {"white", 0xffffff},           {"whitesmoke", 0xf5f5f5},        {"yellow", 0xffff00},
    {"yellowgreen", 0x9acd32},
}};

Color from_rgb(std::uint32_t rgb) {
  return {static_cast<double>((rgb >> 16) & 0xff) / 255.0, static_cast<double>((rgb >> 8) & 0xff) / 255.0,
          static_cast<double>(rgb & 0xff) / 255.0, 1};
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// "#rgb" doubles each digit; "#rrggbb" and "#rrggbbaa" take pairs.
std::optional<Color> parse_hex(std::string_view digits) {
  const bool short_form = digits.size() == 3 || digits.size() == 4;
  if (!short_form && digits.size() != 6 && digits.size() != 8) return std::nullopt;
  const std::size_t width = short_form ? 1 : 2;
  std::array<double, 4> channels{0, 0, 0, 1};
  for (std::size_t i = 0; i * width < digits.size(); ++i) {
    int value = 0;
    for (std::size_t k = 0; k < width; ++k) {
      const int d = hex_digit(digits[i * width + k]);
      if (d < 0) return std::nullopt;
      value = value * 16 + d;
    }
    if (short_form) value *= 17;
    channels[i] = value / 255.0;
  }
  return Color{channels[0], channels[1], channels[2], channels[3]};
}

double linear_channel(double c) {
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// A translucent background is judged as it shows over white paper.
Color over_white(const Color& c) {
  const auto mix = [&](double v) { return c.a * v + (1 - c.a); };
  return {mix(c.r), mix(c.g), mix(c.b), 1};
}

double relative_luminance(const Color& c) {
  const Color o = over_white(c);
  return 0.2126 * linear_channel(o.r) + 0.7152 * linear_channel(o.g) + 0.0722 * linear_channel(o.b);
}

Color mix(const Color& a, const Color& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, a.a};
}

}  // namespace

std::optional<Color> parse_color(std::string_view text) {
  if (!text.empty() && text.front() == '#') return parse_hex(text.substr(1));
  const std::string name = lowercase(text);
  if (name == "none" || name == "transparent") return Color::none();
  for (const auto& named : kNamedColors)
    if (named.name == name) return from_rgb(named.rgb);
  return std::nullopt;
}

std::span<const std::string_view> color_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> out;
    for (const auto& named : kNamedColors) out.push_back(named.name);
    return out;
  }();
  return names;
}

double contrast_ratio(const Color& a, const Color& b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color readable_text_on(const Color& background) {
  const Color dark{0.1, 0.1, 0.1, 1};
  const Color light{1, 1, 1, 1};
  return contrast_ratio(dark, background) >= contrast_ratio(light, background) ? dark : light;
}

Color text_color_on(const Color& hue, const Color& background, double min_ratio) {
  const Color target = readable_text_on(background);
  const Color opaque{hue.r, hue.g, hue.b, 1};
  // Small steps towards black (or white) keep as much of the hue as the contrast allows.
  for (int step = 0; step <= 20; ++step) {
    const Color candidate = mix(opaque, target, step / 20.0);
    if (contrast_ratio(candidate, background) >= min_ratio) return candidate;
  }
  return target;
}

}  // namespace annals::style
