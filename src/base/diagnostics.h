#pragma once
// Problems found in inputs, collected rather than thrown, so that every
// problem in a file is reported in one run.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "source_location.h"  // a sibling: installed, both are annals/

namespace annals {

enum class Severity { note, warning, error };

struct Note {
  std::string message;
  SourceLocation where;  // may be empty: then the note is printed without a position
};

struct Diagnostic {
  Severity severity = Severity::error;
  std::string message;
  SourceLocation where;
  std::vector<Note> notes;
};

class Diagnostics {
 public:
  void error(SourceLocation where, std::string message, std::vector<Note> notes = {});
  void warning(SourceLocation where, std::string message, std::vector<Note> notes = {});
  void add(Diagnostic d);

  const std::vector<Diagnostic>& all() const { return items_; }
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool has_errors() const { return error_count() > 0; }

  // Turns every warning into an error (--strict).
  void promote_warnings();
  // Stable sort by file, then line, then column; keeps the order of equal positions.
  void sort_by_position();

 private:
  std::vector<Diagnostic> items_;
};

// "FILE:LINE:COL: error: WHAT" followed by its notes, one per line, each ending in '\n'.
// Control characters in any part are escaped (see printable).
std::string format(const Diagnostic& d);

// How a message is shown to a person rather than a script: the source line
// under the first line, with a caret under the column, like gcc and rustc.
struct Presentation {
  bool color = false;  // ANSI colours for the severity, the position and the caret
  // Line `line` (1-based) of `file`, without its line break; nullopt when the
  // text is not at hand (standard input, a built-in style, a file gone since).
  std::function<std::optional<std::string>(const std::string& file, int line)> source_line;
};

// The same first line as format(d), then, when the position has a line whose
// text is at hand, "  LINE | TEXT" and a caret under the column; then the notes.
std::string format(const Diagnostic& d, const Presentation& how);

// "2 errors, 1 warning" (singular and plural; "" when both are zero).
std::string count_summary(std::size_t errors, std::size_t warnings);

// `text` safe to print on a terminal: control characters (C0, DEL, C1) are
// written as \x1b, \x7f, \u009b, so a title quoted in a message cannot move
// the cursor, retitle the window or fake another line. With `keep_newlines`
// a '\n' stays a line break (for text that is several lines on purpose).
std::string printable(std::string_view text, bool keep_newlines = false);

}  // namespace annals
