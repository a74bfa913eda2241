#pragma once
// TOML text → model and style. The only module that knows toml++.
// Every problem goes to the Diagnostics with its file:line:col; nothing throws.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/property.h"
#include "model/timeline.h"
#include "style/style.h"

namespace annals::load {

// Reads a timeline from `text`; `file` names it in messages. Returns nullopt
// when it could not be read at all (not UTF-8, not TOML); otherwise a model
// that may still carry errors in `diags` (the caller checks has_errors()).
struct ReadOptions;
std::optional<model::Timeline> timeline(std::string_view text, const std::string& file,
                                        Diagnostics& diags);
// The same with `options.locale`, the chart's language from the command line.
std::optional<model::Timeline> timeline(std::string_view text, const std::string& file, Diagnostics& diags,
                                        const ReadOptions& options);

// Reads a CSV timeline (FORMAT.md §5.5) from `text`: a header row naming
// the columns, then one event per row; `separator` is ',' (CSV) or '\t'
// (TSV). The timeline's title is the file's stem ("" for standard input).
// Returns nullopt when the text could not be split into rows (a stray
// quote, invalid UTF-8); otherwise a model that may carry errors in `diags`.
std::optional<model::Timeline> csv_timeline(std::string_view text, const std::string& file, char separator,
                                            Diagnostics& diags);
std::optional<model::Timeline> csv_timeline(std::string_view text, const std::string& file, char separator,
                                            Diagnostics& diags, const ReadOptions& options);

// Spans ending at "present" (events, eras, the view window) once `now` is
// chosen: an "end before start" error where present falls before the start.
// `origin` says where now came from ("from the file's 'now'" at its value,
// "from --now 1980" without a position) and becomes a note of each error.
void check_present(const model::Timeline& timeline, const dates::Date& now, const Note& origin,
                   Diagnostics& diags);

// How files are read. Every run reads only regular files (a FIFO would
// block, /dev/zero never ends, a folder is no text) and at most a bounded
// number of bytes. Safe mode is for a service that renders timelines others
// wrote: smaller limits, and a style a timeline names must be a built-in or
// a file in the timeline's own folder, so `style = "/etc/shadow"` reads nothing.
struct ReadOptions {
  bool safe = false;
  std::uintmax_t max_timeline_bytes = 1ULL << 30;  // 1 GiB: 1,000,000 events are ~150 MB
  std::uintmax_t max_style_bytes = 1ULL << 20;     // 1 MiB: the built-ins are 2–4 KB
  // Safe mode: the first style was named on the command line (--style), by
  // whoever runs annals, so it is read as given; only what it extends is confined.
  bool first_style_trusted = false;
  // The chart's language named on the command line (`--set locale=es`), a
  // tag the caller has checked with dates::make_locale; it wins over the
  // file's `locale`, and the file's dates may be written in it.
  std::string locale;
};

// The options of a regular run or of safe mode (8 MiB timelines, 256 KiB styles).
ReadOptions read_options(bool safe);

// Reads a file from disk (or standard input for "-") and parses it: a
// name ending in .csv or .tsv (in any case) is read as CSV or TSV, any
// other (standard input included) as TOML.
std::optional<model::Timeline> timeline_file(const std::string& path, Diagnostics& diags,
                                             const ReadOptions& options = {});

// Resolves a style by built-in name or by path (relative paths against
// `base_dir`), following its `extends` chain (cycles are errors), and
// returns the resolved Style. `where` is where the name was written.
// In safe mode every file of the chain must lie in `base_dir` itself (the
// timeline's folder; "" is the current folder). With `files`, each style
// file of the chain that was read is appended to it, as named in messages.
std::optional<style::Style> style_named(const std::string& name_or_path, const std::string& base_dir,
                                        const SourceLocation& where, Diagnostics& diags,
                                        const ReadOptions& options = {},
                                        std::vector<std::string>* files = nullptr);

// A style file's text as property sheet (flattened "section.key" → value);
// `extends` is reported through `extends`.
std::optional<PropertySheet> style_sheet(std::string_view text, const std::string& file,
                                         std::string* extends, SourceLocation* extends_where,
                                         Diagnostics& diags);

// `--set KEY=VALUE`: the value is read as a TOML value when it parses as one
// (numbers, booleans, arrays, quoted strings), else as a bare string.
std::optional<Property> command_line_property(std::string_view assignment, Diagnostics& diags);

// Why an event's `url` cannot be a link, or "" when it can: http, https and
// mailto URLs and relative paths, without control characters.
std::string url_problem(std::string_view url);

// Checks that `text` is valid UTF-8 without NUL bytes (toml++ misbehaves on
// some invalid input); reports the first bad byte's line and column.
bool valid_text(std::string_view text, const std::string& file, Diagnostics& diags);

}  // namespace annals::load
