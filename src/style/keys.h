#pragma once
// The one table of style keys: each key's name, the type of value it takes
// and where it lands in a Style. apply(), known_keys() and docs/styles.md all
// follow this table. Internal to the style module.
#include <cstddef>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "style/style.h"

namespace annals::style::keys {

enum class Kind {
  length,     // a number in points or a string with a unit
  number,     // a plain number
  integer,    // a whole number
  color,
  colors,     // an array of colours
  boolean,
  choice,     // one of `choices`
  choices,    // an array of `choices`
  family,     // a font family name
  weight,     // 100–900 or a name ("bold")
  dash,       // an array of lengths, or "solid", "dashed", "dotted"
  page_size,  // A0–A6, letter, legal, tabloid, auto, custom
  sheet_size, // A0–A6, letter, legal, tabloid, none
  text,       // any string
};

struct Spec {
  Kind kind = Kind::text;
  std::span<const std::string_view> choices = {};
  double min = 0;
  double max = std::numeric_limits<double>::max();
};

// A checked value; only the member the key's kind names is meaningful.
struct Value {
  double number = 0;
  bool flag = false;
  Color color;
  std::vector<Color> colors;
  std::vector<double> numbers;
  std::size_t choice = 0;  // index into Spec::choices
  std::vector<std::size_t> picks;  // indices into Spec::choices, in order
  std::string text;
  SourceLocation where;  // where the value was written
};

template <class Target>
struct Key {
  std::string_view name;
  Spec spec;
  void (*set)(Target&, const Value&);
};

// Keys that set the style as a whole ("page.size", "font.size", ...).
std::span<const Key<Style>> style_keys();
// Keys of one event's style ("event.color", ...): also settable per lane, tag and event.
std::span<const Key<EventStyle>> event_keys();

// Checks `p`'s value against `spec`; reports an error at p.where naming `key` otherwise.
std::optional<Value> convert(std::string_view key, const Spec& spec, const Property& p, Diagnostics& diags);

// The word a style file uses for `shape` ("circle", "diamond", ...).
std::string_view marker_name(MarkerShape shape);

// Every text style of `s`, for the [font] keys that change them all.
std::vector<TextStyle*> text_styles(Style& s);

}  // namespace annals::style::keys
