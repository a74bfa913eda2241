#include "style/keys.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "base/strings.h"
#include "base/suggest.h"

namespace annals::style::keys {

namespace {

// Choices are listed in the order of their enums, so an index converts directly.
constexpr std::array<std::string_view, 5> kMarkers{"circle", "diamond", "square", "triangle", "none"};
constexpr std::array<std::string_view, 5> kLabelPositions{"auto", "right", "left", "above", "inside"};
constexpr std::array<std::string_view, 3> kAxisPositions{"bottom", "top", "both"};
constexpr std::array<std::string_view, 3> kAligns{"left", "center", "right"};
constexpr std::array<std::string_view, 2> kOrientations{"landscape", "portrait"};
constexpr std::array<std::string_view, 3> kLegendPositions{"bottom", "top", "none"};
constexpr std::array<std::string_view, 3> kEraLabelPositions{"top", "bottom", "none"};
constexpr std::array<std::string_view, 4> kLinkTargets{"_top", "_blank", "_self", "_parent"};
constexpr std::array<std::string_view, 2> kSvgTexts{"text", "outlines"};

// Every length has a ceiling: a style is input too, and one absurd value
// (span_height = 1e9) would otherwise ask for a page a million times a
// poster's size. The ceilings are far above any chart's: a mark or gap of
// 1000 pt is 35 cm, a page side of 100,000 pt 35 m.
constexpr double kMaxSize = 1000;
constexpr double kMaxPage = 100'000;
constexpr Spec kLength{Kind::length, {}, 0, kMaxSize};
constexpr std::size_t kMaxDashes = 16;
constexpr Spec kPageLength{Kind::length, {}, 0, kMaxPage};
constexpr Spec kFontSize{Kind::length, {}, 1, 1000};
constexpr Spec kColor{Kind::color};
constexpr Spec kBool{Kind::boolean};
constexpr Spec kFamily{Kind::family};
constexpr Spec kWeight{Kind::weight};
constexpr Spec kOpacity{Kind::number, {}, 0, 1};
constexpr Spec kLines{Kind::integer, {}, 1, 10};
constexpr Spec kContrast{Kind::number, {}, 1, 21};  // WCAG ratios run from 1:1 to 21:1
constexpr Spec kMarkerList{Kind::choices, kMarkers};

template <std::size_t N>
constexpr Spec choice(const std::array<std::string_view, N>& choices) {
  return {Kind::choice, choices};
}

template <class E>
E as(const Value& v) {
  return static_cast<E>(v.choice);
}

int weight(const Value& v) { return static_cast<int>(v.number); }

// [font] changes every text style at once, so that one line restyles a chart.
void set_base_family(Style& s, const Value& v) {
  s.font.family = v.text;
  for (auto* t : text_styles(s)) t->font.family = v.text;
}

// Sizes scale together, keeping the hierarchy (title ≈ 2× body) intact.
void set_base_size(Style& s, const Value& v) {
  const double factor = s.font.size > 0 ? v.number / s.font.size : 1;
  s.font.size = v.number;
  for (auto* t : text_styles(s)) t->font.size = std::round(t->font.size * factor * 100) / 100;
}

// Bold text stays bold: emphasis is part of the design, the base weight is not.
void set_base_weight(Style& s, const Value& v) {
  s.font.weight = weight(v);
  for (auto* t : text_styles(s))
    if (t->font.weight < 600) t->font.weight = weight(v);
}

constexpr Key<Style> kStyleKeys[] = {
    {"page.size", {Kind::page_size}, [](Style& s, const Value& v) { s.page.size = v.text; }},
    {"page.orientation", choice(kOrientations),
     [](Style& s, const Value& v) {
       s.page.landscape = v.choice == 0;
       s.page.orientation_named = true;
     }},
    {"page.width", kPageLength, [](Style& s, const Value& v) { s.page.width = v.number; }},
    {"page.height", kPageLength, [](Style& s, const Value& v) { s.page.height = v.number; }},
    {"page.margin", kPageLength, [](Style& s, const Value& v) { s.page.margin = v.number; }},
    {"page.background", kColor, [](Style& s, const Value& v) { s.page.background = v.color; }},
    {"page.tiles", {Kind::sheet_size}, [](Style& s, const Value& v) { s.page.tiles = v.text; }},

    {"font.family", kFamily, set_base_family},
    {"font.size", kFontSize, set_base_size},
    {"font.min_size", kFontSize, [](Style& s, const Value& v) { s.min_size = v.number; }},
    {"font.weight", kWeight, set_base_weight},

    {"title.font", kFamily, [](Style& s, const Value& v) { s.title.title.font.family = v.text; }},
    {"title.size", kFontSize, [](Style& s, const Value& v) { s.title.title.font.size = v.number; }},
    {"title.weight", kWeight, [](Style& s, const Value& v) { s.title.title.font.weight = weight(v); }},
    {"title.color", kColor, [](Style& s, const Value& v) { s.title.title.color = v.color; }},
    {"title.align", choice(kAligns), [](Style& s, const Value& v) { s.title.align = as<Align>(v); }},
    {"title.show", kBool, [](Style& s, const Value& v) { s.title.show_title = v.flag; }},

    {"subtitle.font", kFamily, [](Style& s, const Value& v) { s.title.subtitle.font.family = v.text; }},
    {"subtitle.size", kFontSize, [](Style& s, const Value& v) { s.title.subtitle.font.size = v.number; }},
    {"subtitle.weight", kWeight, [](Style& s, const Value& v) { s.title.subtitle.font.weight = weight(v); }},
    {"subtitle.color", kColor, [](Style& s, const Value& v) { s.title.subtitle.color = v.color; }},
    {"subtitle.italic", kBool, [](Style& s, const Value& v) { s.title.subtitle.font.italic = v.flag; }},
    {"subtitle.show", kBool, [](Style& s, const Value& v) { s.title.show_subtitle = v.flag; }},

    {"source.font", kFamily, [](Style& s, const Value& v) { s.title.source.font.family = v.text; }},
    {"source.size", kFontSize, [](Style& s, const Value& v) { s.title.source.font.size = v.number; }},
    {"source.weight", kWeight, [](Style& s, const Value& v) { s.title.source.font.weight = weight(v); }},
    {"source.color", kColor, [](Style& s, const Value& v) { s.title.source.color = v.color; }},
    {"source.italic", kBool, [](Style& s, const Value& v) { s.title.source.font.italic = v.flag; }},

    {"axis.position", choice(kAxisPositions), [](Style& s, const Value& v) { s.axis.position = as<AxisPosition>(v); }},
    {"axis.color", kColor, [](Style& s, const Value& v) { s.axis.color = v.color; }},
    {"axis.width", kLength, [](Style& s, const Value& v) { s.axis.width = v.number; }},
    {"axis.tick_length", kLength, [](Style& s, const Value& v) { s.axis.tick_length = v.number; }},
    {"axis.font", kFamily, [](Style& s, const Value& v) { s.axis.label.font.family = v.text; }},
    {"axis.size", kFontSize, [](Style& s, const Value& v) { s.axis.label.font.size = v.number; }},
    {"axis.weight", kWeight, [](Style& s, const Value& v) { s.axis.label.font.weight = weight(v); }},
    {"axis.label_color", kColor, [](Style& s, const Value& v) { s.axis.label.color = v.color; }},

    {"grid.major", kBool, [](Style& s, const Value& v) { s.grid.major = v.flag; }},
    {"grid.minor", kBool, [](Style& s, const Value& v) { s.grid.minor = v.flag; }},
    {"grid.color", kColor, [](Style& s, const Value& v) { s.grid.major_color = v.color; }},
    {"grid.minor_color", kColor, [](Style& s, const Value& v) { s.grid.minor_color = v.color; }},
    {"grid.width", kLength, [](Style& s, const Value& v) { s.grid.width = v.number; }},

    {"lane.header_width", kPageLength, [](Style& s, const Value& v) { s.lane.header_width = v.number; }},
    {"lane.band", kColor, [](Style& s, const Value& v) { s.lane.band = v.color; }},
    {"lane.band_alt", kColor, [](Style& s, const Value& v) { s.lane.band_alt = v.color; }},
    {"lane.separator", kColor, [](Style& s, const Value& v) { s.lane.separator = v.color; }},
    {"lane.separator_width", kLength, [](Style& s, const Value& v) { s.lane.separator_width = v.number; }},
    {"lane.padding", kLength, [](Style& s, const Value& v) { s.lane.padding = v.number; }},
    // In a style, one colour for every lane; in a lane's own settings, that lane's colour.
    {"lane.color", kColor, [](Style& s, const Value& v) { s.palette = {v.color}; }},
    {"lane.font", kFamily, [](Style& s, const Value& v) { s.lane.title.font.family = v.text; }},
    {"lane.size", kFontSize, [](Style& s, const Value& v) { s.lane.title.font.size = v.number; }},
    {"lane.weight", kWeight, [](Style& s, const Value& v) { s.lane.title.font.weight = weight(v); }},
    {"lane.title_color", kColor,
     [](Style& s, const Value& v) {
       s.lane.title.color = v.color;
       s.lane.title_uses_lane_color = false;
     }},

    {"era.fill", kColor, [](Style& s, const Value& v) { s.era.fill = v.color; }},
    {"era.opacity", kOpacity, [](Style& s, const Value& v) { s.era.opacity = v.number; }},
    {"era.label_font", kFamily, [](Style& s, const Value& v) { s.era.label.font.family = v.text; }},
    {"era.label_size", kFontSize, [](Style& s, const Value& v) { s.era.label.font.size = v.number; }},
    {"era.label_weight", kWeight, [](Style& s, const Value& v) { s.era.label.font.weight = weight(v); }},
    {"era.label_color", kColor, [](Style& s, const Value& v) { s.era.label.color = v.color; }},
    {"era.label_italic", kBool, [](Style& s, const Value& v) { s.era.label.font.italic = v.flag; }},
    {"era.label_position", choice(kEraLabelPositions),
     [](Style& s, const Value& v) { s.era.label_position = as<EraLabelPosition>(v); }},

    {"marker.color", kColor, [](Style& s, const Value& v) { s.marker.color = v.color; }},
    {"marker.width", kLength, [](Style& s, const Value& v) { s.marker.width = v.number; }},
    {"marker.dash", {Kind::dash}, [](Style& s, const Value& v) { s.marker.dash = v.numbers; }},
    {"marker.label_font", kFamily, [](Style& s, const Value& v) { s.marker.label.font.family = v.text; }},
    {"marker.label_size", kFontSize, [](Style& s, const Value& v) { s.marker.label.font.size = v.number; }},
    {"marker.label_weight", kWeight, [](Style& s, const Value& v) { s.marker.label.font.weight = weight(v); }},
    {"marker.label_color", kColor, [](Style& s, const Value& v) { s.marker.label.color = v.color; }},

    {"link.color", kColor, [](Style& s, const Value& v) { s.link.color = v.color; }},
    {"link.width", kLength, [](Style& s, const Value& v) { s.link.width = v.number; }},
    {"link.arrow_size", kLength, [](Style& s, const Value& v) { s.link.arrow_size = v.number; }},
    {"link.dash", {Kind::dash}, [](Style& s, const Value& v) { s.link.dash = v.numbers; }},
    {"link.title_font", kFamily, [](Style& s, const Value& v) { s.link.title_font = v.text; }},
    {"link.title_size", kFontSize, [](Style& s, const Value& v) { s.link.title_size = v.number; }},
    {"link.title_weight", kWeight, [](Style& s, const Value& v) { s.link.title_weight = weight(v); }},
    {"link.title_color", kColor, [](Style& s, const Value& v) { s.link.title_color = v.color; }},
    {"link.title_italic", kBool, [](Style& s, const Value& v) { s.link.title_italic = v.flag; }},

    {"legend.show", kBool, [](Style& s, const Value& v) { s.legend.show = v.flag; }},
    {"svg.text", choice(kSvgTexts), [](Style& s, const Value& v) { s.svg.text = as<SvgText>(v); }},
    {"legend.position", choice(kLegendPositions),
     [](Style& s, const Value& v) { s.legend.position = as<LegendPosition>(v); }},
    {"legend.font", kFamily, [](Style& s, const Value& v) { s.legend.label.font.family = v.text; }},
    {"legend.size", kFontSize, [](Style& s, const Value& v) { s.legend.label.font.size = v.number; }},
    {"legend.weight", kWeight, [](Style& s, const Value& v) { s.legend.label.font.weight = weight(v); }},
    {"legend.color", kColor, [](Style& s, const Value& v) { s.legend.label.color = v.color; }},

    {"svg.link_target", choice(kLinkTargets),
     [](Style& s, const Value& v) { s.svg.link_target = as<LinkTarget>(v); }},
    {"svg.dark", {Kind::text},
     [](Style& s, const Value& v) {
       s.svg.dark = v.text;
       s.svg.dark_where = v.where;
     }},

    {"palette.colors", {Kind::colors}, [](Style& s, const Value& v) { s.palette = v.colors; }},
    {"palette.markers", kMarkerList,
     [](Style& s, const Value& v) {
       s.palette_markers.clear();
       for (const std::size_t i : v.picks) s.palette_markers.push_back(static_cast<MarkerShape>(i));
     }},
    {"palette.grey", kBool, [](Style& s, const Value& v) { s.grey_only = v.flag; }},
    {"palette.min_contrast", kContrast, [](Style& s, const Value& v) { s.min_contrast = v.number; }},
};

constexpr Key<EventStyle> kEventKeys[] = {
    {"event.color", kColor,
     [](EventStyle& e, const Value& v) {
       e.color = v.color;
       e.color_given = true;
     }},
    {"event.marker", choice(kMarkers),
     [](EventStyle& e, const Value& v) {
       e.marker = as<MarkerShape>(v);
       e.marker_given = true;
     }},
    {"event.marker_size", kLength, [](EventStyle& e, const Value& v) { e.marker_size = v.number; }},
    {"event.span_height", kLength, [](EventStyle& e, const Value& v) { e.span_height = v.number; }},
    {"event.corner_radius", kLength, [](EventStyle& e, const Value& v) { e.corner_radius = v.number; }},
    {"event.row_gap", kLength, [](EventStyle& e, const Value& v) { e.row_gap = v.number; }},
    {"event.label_gap", kLength, [](EventStyle& e, const Value& v) { e.label_gap = v.number; }},
    {"event.label_font", kFamily, [](EventStyle& e, const Value& v) { e.label.font.family = v.text; }},
    {"event.label_size", kFontSize, [](EventStyle& e, const Value& v) { e.label.font.size = v.number; }},
    {"event.label_weight", kWeight, [](EventStyle& e, const Value& v) { e.label.font.weight = weight(v); }},
    {"event.label_color", kColor, [](EventStyle& e, const Value& v) { e.label.color = v.color; }},
    {"event.label_position", choice(kLabelPositions),
     [](EventStyle& e, const Value& v) { e.label_position = as<LabelPosition>(v); }},
    {"event.show_dates", kBool, [](EventStyle& e, const Value& v) { e.show_dates = v.flag; }},
    {"event.date_color", kColor, [](EventStyle& e, const Value& v) { e.date_color = v.color; }},
    {"event.show_description", kBool, [](EventStyle& e, const Value& v) { e.show_description = v.flag; }},
    {"event.description_size", kFontSize, [](EventStyle& e, const Value& v) { e.description_size = v.number; }},
    {"event.max_label_lines", kLines,
     [](EventStyle& e, const Value& v) { e.max_label_lines = static_cast<int>(v.number); }},
    {"event.outline", kColor, [](EventStyle& e, const Value& v) { e.outline = v.color; }},
    {"event.outline_width", kLength, [](EventStyle& e, const Value& v) { e.outline_width = v.number; }},
    {"event.fill_opacity", kOpacity, [](EventStyle& e, const Value& v) { e.fill_opacity = v.number; }},
};

// ---- value checks ----------------------------------------------------------

// The value as the user wrote it, for messages.
std::string found(const PropertyValue& value) {
  struct Show {
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(std::int64_t i) const { return fmt::format("{}", i); }
    std::string operator()(double d) const { return fmt::format("{}", d); }
    std::string operator()(const std::string& s) const { return fmt::format("'{}'", s); }
    std::string operator()(const std::vector<std::string>& list) const {
      std::string out = "[";
      for (std::size_t i = 0; i < list.size(); ++i) out += (i ? ", '" : "'") + list[i] + "'";
      return out + "]";
    }
  };
  return std::visit(Show{}, value);
}

std::optional<double> number_of(const PropertyValue& value) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&value)) return *d;
  return std::nullopt;
}

const std::string* string_of(const PropertyValue& value) { return std::get_if<std::string>(&value); }

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (auto w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::string range_text(const Spec& spec, std::string_view unit) {
  if (spec.max == std::numeric_limits<double>::max()) return fmt::format("at least {}{}", spec.min, unit);
  return fmt::format("between {} and {}{}", spec.min, spec.max, unit);
}

bool in_range(const Spec& spec, double v) { return v >= spec.min && v <= spec.max; }

// A misspelt colour name gets the nearest CSS name; a bad hex code gets nothing.
std::vector<Note> colour_suggestion(const std::string& written) {
  if (written.empty() || written.front() == '#') return {};
  const std::string near = nearest(lowercase(written), color_names());
  if (near.empty()) return {};
  return {{fmt::format("did you mean '{}'?", near), {}}};
}

struct Checker {
  std::string_view key;
  const Spec& spec;
  const Property& p;
  Diagnostics& diags;

  std::optional<Value> fail(std::string_view expected, std::vector<Note> notes = {}) const {
    diags.error(p.where, fmt::format("'{}' must be {}; found {}", key, expected, found(p.value)), std::move(notes));
    return std::nullopt;
  }

  std::optional<Value> length() const {
    std::optional<double> pt = number_of(p.value);
    if (const auto* s = string_of(p.value)) pt = parse_length(*s);
    if (!pt) return fail("a length like 12mm or 9 (points)");
    if (!in_range(spec, *pt)) return fail(fmt::format("a length {}", range_text(spec, " pt")));
    Value v;
    v.number = *pt;
    return v;
  }

  std::optional<Value> number(bool whole) const {
    const auto n = number_of(p.value);
    const std::string_view what = whole ? "a whole number" : "a number";
    if (!n || (whole && std::floor(*n) != *n) || !in_range(spec, *n))
      return fail(fmt::format("{} {}", what, range_text(spec, "")));
    Value v;
    v.number = *n;
    return v;
  }

  std::optional<Value> color() const {
    const auto* s = string_of(p.value);
    const auto c = s ? parse_color(*s) : std::nullopt;
    if (c) {
      Value v;
      v.color = *c;
      return v;
    }
    return fail("a colour: #rgb, #rrggbb, #rrggbbaa, a CSS colour name or none",
                s ? colour_suggestion(*s) : std::vector<Note>{});
  }

  std::optional<Value> colors() const {
    const auto* list = std::get_if<std::vector<std::string>>(&p.value);
    const std::vector<std::string> single = string_of(p.value) ? std::vector{*string_of(p.value)} : std::vector<std::string>{};
    if (!list) list = &single;
    Value v;
    for (const auto& item : *list) {
      const auto c = parse_color(item);
      if (!c) {
        diags.error(p.where, fmt::format("'{}' must be an array of colours like [\"#1f77b4\", \"teal\"]; found '{}' in it", key, item),
                    colour_suggestion(item));
        return std::nullopt;
      }
      v.colors.push_back(*c);
    }
    if (v.colors.empty()) return fail("a non-empty list of colours");
    return v;
  }

  std::optional<Value> boolean() const {
    const auto* b = std::get_if<bool>(&p.value);
    if (!b) return fail("true or false");
    Value v;
    v.flag = *b;
    return v;
  }

  std::optional<Value> choice() const {
    const auto* s = string_of(p.value);
    if (s) {
      const std::string word = lowercase(*s);
      for (std::size_t i = 0; i < spec.choices.size(); ++i)
        if (spec.choices[i] == word) {
          Value v;
          v.choice = i;
          return v;
        }
    }
    return fail(fmt::format("one of {}", join(spec.choices)));
  }

  std::optional<Value> choices() const {
    const auto* list = std::get_if<std::vector<std::string>>(&p.value);
    if (!list || list->empty())
      return fail(fmt::format("a non-empty array of {}", join(spec.choices)));
    Value v;
    for (const auto& item : *list) {
      const std::string word = lowercase(item);
      const auto at = std::find(spec.choices.begin(), spec.choices.end(), word);
      if (at == spec.choices.end()) {
        diags.error(p.where, fmt::format("'{}' must be an array of {}; found '{}' in it", key, join(spec.choices), item));
        return std::nullopt;
      }
      v.picks.push_back(static_cast<std::size_t>(at - spec.choices.begin()));
    }
    return v;
  }

  std::optional<Value> family() const {
    const auto* s = string_of(p.value);
    if (!s || s->empty()) return fail("a font family name like \"DejaVu Sans\"");
    Value v;
    v.text = *s;
    return v;
  }

  std::optional<Value> weight() const {
    static constexpr std::array<std::pair<std::string_view, int>, 14> kNames{{
        {"thin", 100}, {"extralight", 200}, {"ultralight", 200}, {"light", 300}, {"normal", 400},
        {"regular", 400}, {"book", 400}, {"medium", 500}, {"semibold", 600}, {"demibold", 600},
        {"bold", 700}, {"extrabold", 800}, {"black", 900}, {"heavy", 900},
    }};
    std::optional<double> w = number_of(p.value);
    if (const auto* s = string_of(p.value))
      for (const auto& [name, value] : kNames)
        if (name == lowercase(*s)) w = value;
    if (!w || *w < 100 || *w > 1000) return fail("a font weight from 100 to 1000 or a name like normal or bold");
    Value v;
    v.number = *w;
    return v;
  }

  std::optional<Value> dash() const {
    Value v;
    std::vector<std::string> parts;
    if (const auto* list = std::get_if<std::vector<std::string>>(&p.value)) parts = *list;
    if (const auto* s = string_of(p.value)) {
      const std::string word = lowercase(*s);
      if (word == "solid" || word == "none") return v;
      if (word == "dashed") return v.numbers = {4, 3}, v;
      if (word == "dotted") return v.numbers = {1, 2}, v;
      parts = split_words(*s);
    }
    for (const auto& part : parts) {
      const auto len = parse_length(part);
      if (!len || *len < 0 || *len > kMaxSize)
        return fail(fmt::format("solid, dashed, dotted or a list of lengths between 0 and {} pt like [4, 3]", kMaxSize));
      v.numbers.push_back(*len);
    }
    if (parts.size() > kMaxDashes) return fail(fmt::format("a dash pattern of at most {} lengths", kMaxDashes));
    if (parts.empty() && !std::holds_alternative<std::vector<std::string>>(p.value))
      return fail("solid, dashed, dotted or a list of lengths like [4, 3]");
    return v;
  }

  static std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
      if (c == ',' || std::isspace(static_cast<unsigned char>(c))) {
        if (!word.empty()) out.push_back(std::move(word));
        word.clear();
      } else {
        word += c;
      }
    }
    if (!word.empty()) out.push_back(word);
    return out;
  }

  std::optional<Value> page() const {
    const auto* s = string_of(p.value);
    if (s) {
      const std::string word = lowercase(*s);
      Value v;
      if (word == "auto" || word == "custom" || word == "letter" || word == "legal" || word == "tabloid")
        return v.text = word, v;
      if (page_size(word)) return v.text = "A" + word.substr(1), v;
    }
    return fail("one of A0, A1, A2, A3, A4, A5, A6, letter, legal, tabloid, auto, custom");
  }

  std::optional<Value> sheet() const {
    const auto* s = string_of(p.value);
    if (s) {
      const std::string word = lowercase(*s);
      Value v;
      if (word == "none" || word == "letter" || word == "legal" || word == "tabloid") return v.text = word, v;
      if (page_size(word)) return v.text = "A" + word.substr(1), v;
    }
    return fail("one of A0, A1, A2, A3, A4, A5, A6, letter, legal, tabloid, none");
  }

  std::optional<Value> text() const {
    const auto* s = string_of(p.value);
    if (!s) return fail("a string");
    Value v;
    v.text = *s;
    return v;
  }
};

}  // namespace

std::optional<Value> convert_value(std::string_view key, const Spec& spec, const Property& p, Diagnostics& diags);

std::span<const Key<Style>> style_keys() { return kStyleKeys; }
std::span<const Key<EventStyle>> event_keys() { return kEventKeys; }

std::string_view marker_name(MarkerShape shape) { return kMarkers.at(static_cast<std::size_t>(shape)); }

std::optional<Value> convert(std::string_view key, const Spec& spec, const Property& p, Diagnostics& diags) {
  std::optional<Value> v = convert_value(key, spec, p, diags);
  if (v) v->where = p.where;
  return v;
}

std::optional<Value> convert_value(std::string_view key, const Spec& spec, const Property& p, Diagnostics& diags) {
  const Checker check{key, spec, p, diags};
  switch (spec.kind) {
    case Kind::length: return check.length();
    case Kind::number: return check.number(false);
    case Kind::integer: return check.number(true);
    case Kind::color: return check.color();
    case Kind::colors: return check.colors();
    case Kind::boolean: return check.boolean();
    case Kind::choice: return check.choice();
    case Kind::choices: return check.choices();
    case Kind::family: return check.family();
    case Kind::weight: return check.weight();
    case Kind::dash: return check.dash();
    case Kind::page_size: return check.page();
    case Kind::sheet_size: return check.sheet();
    case Kind::text: return check.text();
  }
  return std::nullopt;
}

std::vector<TextStyle*> text_styles(Style& s) {
  return {&s.title.title, &s.title.subtitle, &s.title.source, &s.axis.label,  &s.lane.title,
          &s.event.label, &s.era.label,      &s.marker.label, &s.legend.label};
}

}  // namespace annals::style::keys
