#pragma once
// TOML text → model and style. The only module that knows toml++.
// Every problem goes to the Diagnostics with its file:line:col; nothing throws.
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/property.h"
#include "model/timeline.h"
#include "style/style.h"

namespace annals::load {

// Reads a timeline from `text`; `file` names it in messages. Returns nullopt
// when it could not be read at all (not UTF-8, not TOML); otherwise a model
// that may still carry errors in `diags` (the caller checks has_errors()).
std::optional<model::Timeline> timeline(std::string_view text, const std::string& file,
                                        Diagnostics& diags);

// Spans ending at "present" (events, eras, the view window) once `now` is
// chosen: an "end before start" error where present falls before the start.
// `origin` says where now came from ("from the file's 'now'" at its value,
// "from --now 1980" without a position) and becomes a note of each error.
void check_present(const model::Timeline& timeline, const dates::Date& now, const Note& origin,
                   Diagnostics& diags);

// Reads a file from disk (or standard input for "-") and parses it.
std::optional<model::Timeline> timeline_file(const std::string& path, Diagnostics& diags);

// Resolves a style by built-in name or by path (relative paths against
// `base_dir`), following its `extends` chain (cycles are errors), and
// returns the resolved Style. `where` is where the name was written.
std::optional<style::Style> style_named(const std::string& name_or_path, const std::string& base_dir,
                                        const SourceLocation& where, Diagnostics& diags);

// A style file's text as property sheet (flattened "section.key" → value);
// `extends` is reported through `extends`.
std::optional<PropertySheet> style_sheet(std::string_view text, const std::string& file,
                                         std::string* extends, SourceLocation* extends_where,
                                         Diagnostics& diags);

// `--set KEY=VALUE`: the value is read as a TOML value when it parses as one
// (numbers, booleans, arrays, quoted strings), else as a bare string.
std::optional<Property> command_line_property(std::string_view assignment, Diagnostics& diags);

// Checks that `text` is valid UTF-8 without NUL bytes (toml++ misbehaves on
// some invalid input); reports the first bad byte's line and column.
bool valid_text(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace annals::load
