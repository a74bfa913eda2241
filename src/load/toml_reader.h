#pragma once
// Shared by the timeline and style readers: toml++ nodes → located values,
// with every problem reported at the node's position. Internal to load/.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include "base/diagnostics.h"
#include "base/property.h"
#include "model/timeline.h"

namespace annals::load::detail {

// Where the reader is and where its problems go.
struct Reader {
  std::string file;
  Diagnostics& diags;
  const dates::Locale* locale = nullptr;  // dates may also be written in this language

  SourceLocation at(const toml::source_region& r) const;
  SourceLocation at(const toml::node& n) const { return at(n.source()); }
  SourceLocation at(const toml::key& k) const { return at(k.source()); }
  void error(const toml::node& n, std::string message, std::vector<Note> notes = {}) const {
    diags.error(at(n), std::move(message), std::move(notes));
  }
};

// "an integer", "a float", "a date-time", ... for "found ..." messages.
std::string_view type_name(const toml::node& n);

// Parses TOML text (already checked by valid_text, BOM skipped here);
// a syntax error becomes one diagnostic at its position.
std::optional<toml::table> parse(std::string_view text, const Reader& r);

// A string-valued key; wrong types are errors naming the key.
std::optional<std::string> string_value(const toml::node& n, std::string_view key, const Reader& r);

// Dates of FORMAT.md §1.2 from an integer, a TOML date or date-time, or a string.
std::optional<model::LocatedDate> date_value(const toml::node& n, std::string_view key, const Reader& r);

// A style value: boolean, number, string or array of scalars (numbers in an
// array are kept as their text, so "marker.dash = [4, 3]" reaches the style module).
std::optional<PropertyValue> property_value(const toml::node& n, std::string_view key, const Reader& r);

// Flattens a table of style keys under `prefix` ("event." → "event.marker"),
// nested tables joined with dots; sheet entries are appended in no particular order.
void flatten(const toml::table& t, const std::string& prefix, PropertySheet& out, const Reader& r);

// A colour key: checked with style::parse_color, kept as the string written.
std::optional<Property> color_property(const toml::node& n, std::string_view key, std::string property,
                                       const Reader& r);

// Warns about keys of `t` that are not in `known`, with the nearest known key as a note.
void warn_unknown_keys(const toml::table& t, std::span<const std::string_view> known,
                       std::string_view table_name, const Reader& r);

// Sorts a sheet in file order, so that later keys override earlier ones as written.
void sort_sheet(PropertySheet& sheet);

// Moves `from` into `to` in file order.
void move_sorted(Diagnostics& from, Diagnostics& to);

// Reads a whole file, binary-safe ("-" = standard input), of at most
// `max_bytes`; only regular files (and standard input, whatever it is). On
// failure reports "cannot read: ..." without a line and returns nullopt.
std::optional<std::string> read_file(const std::string& path, std::uintmax_t max_bytes, Diagnostics& diags);

}  // namespace annals::load::detail
