#pragma once
// The text of an event label: the date in a quieter colour, then the title,
// wrapped to a width and a number of lines, shortened with an ellipsis when
// it still does not fit. Date and title are shaped together, once, as the
// renderer draws them.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/color.h"
#include "base/font.h"
#include "text/measurer.h"

namespace annals::layout {

// One line of a label, drawn as one text run: the date (its first
// `date_end` bytes) in the quieter date colour, then the title.
struct TextLine {
  std::string text;
  std::size_t date_end = 0;
  double width = 0;
  std::string elided = {};  // a line ending in "…": the rest of the title it stands for
};

// Lines under a label's title in a smaller size of their own: the event's
// description, where the style prints it (event.show_description).
struct NoteText {
  std::vector<TextLine> lines;
  FontSpec font;
  Color color;
  double line_height = 0;

  double height() const { return line_height * static_cast<double>(lines.size()); }
};

struct LabelText {
  std::vector<TextLine> lines;
  FontSpec font;
  Color date_color, title_color;
  double width = 0;        // the widest line, the note's included
  double line_height = 0;
  bool shortened = false;  // an ellipsis replaced part of the title
  std::size_t date_lines = 0;  // lines of a date broken above the title (not counted against max_lines)
  NoteText note;           // under the title; empty for most labels

  double height() const { return line_height * static_cast<double>(lines.size()) + note.height(); }
  // The drawn string, lines joined by "\n" (the dump's `text`).
  std::string joined() const;
};

struct LabelRequest {
  std::string_view date;   // "" = no date run
  std::string_view title;
  FontSpec font;
  Color date_color;
  Color title_color;
  double max_width = 0;    // wrap beyond this width
  int max_lines = 2;
  // A date wider than `max_width` breaks between its periods, then after a
  // dash (labels across a chart whose time runs down, where width is what
  // is scarce); otherwise the label widens to hold it on one line.
  bool break_date = false;
};

LabelText compose_label(const LabelRequest& request, const text::TextMeasurer& measurer);

// A text without a date (a header, a title) in one font and colour,
// wrapped at `max_width` into at most `max_lines` lines.
LabelText wrap_text(const std::string& text, const FontSpec& font, Color color, double max_width, int max_lines,
                    const text::TextMeasurer& measurer);

// Adds `text` under `label`'s title, wrapped to `max_width` (or the label's
// own width when wider) on at most `max_lines` lines, shortened with an
// ellipsis beyond them; a note never counts as the title shortened.
void add_note(LabelText& label, std::string_view text, const FontSpec& font, Color color, double max_width,
              int max_lines, const text::TextMeasurer& measurer);

// The longest prefix of `text` that fits `max_width` with "…" appended
// (or `text` itself when it fits whole).
std::string ellipsize(std::string_view text, double max_width, const FontSpec& font,
                      const text::TextMeasurer& measurer);

// The separator between the date run and the title.
inline constexpr std::string_view kDateSeparator = " \u00b7 ";
inline constexpr std::string_view kEllipsis = "\u2026";

}  // namespace annals::layout
