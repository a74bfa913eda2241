// RFC 4180 by hand: the format is small, and a hand-written reader can say
// where each problem is in the words of the file (line, character column).
#include "load/csv_reader.h"

#include <fmt/format.h>

namespace annals::load::detail {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The length of the UTF-8 sequence at `i`, or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t sequence_length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const unsigned b0 = b(0);
  if (b0 < 0x80) return 1;
  const std::size_t n = b0 >= 0xC2 && b0 <= 0xDF ? 2 : b0 >= 0xE0 && b0 <= 0xEF ? 3 : b0 >= 0xF0 && b0 <= 0xF4 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(k) & 0xC0) != 0x80) return 0;
  if (b0 == 0xE0 && b(1) < 0xA0) return 0;  // overlong
  if (b0 == 0xED && b(1) >= 0xA0) return 0;  // a surrogate
  if (b0 == 0xF0 && b(1) < 0x90) return 0;  // overlong
  if (b0 == 0xF4 && b(1) >= 0x90) return 0;  // past U+10FFFF
  return n;
}

char32_t code_point(std::string_view s, std::size_t i, std::size_t n) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  char32_t cp = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

// What an SVG, a PDF or Cairo cannot hold (as for TOML strings): C0
// controls other than tab and line breaks, DEL, noncharacters.
std::string character_problem(char32_t cp) {
  if (cp == 0) return "NUL byte";
  if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
    return fmt::format("a cell cannot hold the control character U+{:04X}", static_cast<unsigned>(cp));
  if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
    return fmt::format("a cell cannot hold the noncharacter U+{:04X}", static_cast<unsigned>(cp));
  return {};
}

class Splitter {
 public:
  Splitter(std::string_view text, char separator, const std::string& file, Diagnostics& diags)
      : text_(text), separator_(separator), file_(file), diags_(diags) {}

  std::optional<std::vector<CsvRow>> run() {
    if (text_.substr(0, kBom.size()) == kBom) i_ = kBom.size();
    start_cell();
    while (i_ < text_.size()) {
      if (!step()) return std::nullopt;
    }
    if (state_ == State::quoted) {
      diags_.error(cell_.where, "a quoted cell is never closed: its opening quote is here; end it with '\"' "
                                "(a quote inside it is written \"\")");
      return std::nullopt;
    }
    if (!row_.cells.empty() || state_ != State::start || !cell_.text.empty()) end_row();
    return std::move(rows_);
  }

 private:
  enum class State { start, unquoted, quoted, closed };

  SourceLocation here() const { return {file_, line_, col_}; }

  void start_cell() {
    cell_ = CsvCell{{}, here(), false};
    state_ = State::start;
  }

  void end_cell() {
    row_.cells.push_back(std::move(cell_));
  }

  void end_row() {
    row_.end = here();
    end_cell();
    bool empty = true;
    for (const auto& c : row_.cells) empty = empty && c.text.empty() && !c.quoted;
    if (!empty) rows_.push_back(std::move(row_));
    row_ = CsvRow{};
  }

  // Consumes one character (a line break is one, CR LF included).
  bool step() {
    const std::size_t n = sequence_length(text_, i_);
    if (n == 0) {
      diags_.error(here(), fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text_[i_])));
      return false;
    }
    if (const std::string problem = character_problem(code_point(text_, i_, n)); !problem.empty()) {
      diags_.error(here(), problem);
      return false;
    }
    const char c = text_[i_];
    const bool line_break = c == '\n' || c == '\r';
    const std::size_t width = c == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n' ? 2 : n;
    switch (state_) {
      case State::start:
        if (c == '"') {
          cell_.quoted = true;
          state_ = State::quoted;
          move(1, false);
          return true;
        }
        state_ = State::unquoted;
        [[fallthrough]];
      case State::unquoted:
        if (c == '"') {
          diags_.error(here(), "a quote inside a cell that does not start with one; quote the whole cell "
                               "and write each quote inside it twice (\"say \"\"hi\"\"\")");
          return false;
        }
        if (!separate(c, line_break, width)) {
          cell_.text.append(text_.substr(i_, width));
          move(width, false);
        }
        return true;
      case State::quoted:
        if (c == '"' && i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
          cell_.text += '"';
          move(2, false, 2);
        } else if (c == '"') {
          state_ = State::closed;
          move(1, false);
        } else {
          cell_.text.append(text_.substr(i_, width));
          move(width, line_break);
        }
        return true;
      case State::closed:
        if (separate(c, line_break, width)) return true;
        diags_.error(here(), fmt::format("after a quoted cell's closing quote, expected '{}' or the end of the "
                                         "line (a quote inside a cell is written \"\")",
                                         separator_ == '\t' ? "\\t" : std::string(1, separator_)));
        return false;
    }
    return true;
  }

  // Ends the cell at a separator, or the row at a line break; false for any other character.
  bool separate(char c, bool line_break, std::size_t width) {
    if (c != separator_ && !line_break) return false;
    if (line_break) end_row();
    else end_cell();
    move(width, line_break);
    start_cell();
    return true;
  }

  void move(std::size_t bytes, bool line_break, int columns = 1) {
    i_ += bytes;
    if (line_break) {
      ++line_;
      col_ = 1;
    } else {
      col_ += columns;
    }
  }

  std::string_view text_;
  char separator_;
  const std::string& file_;
  Diagnostics& diags_;
  std::size_t i_ = 0;
  int line_ = 1, col_ = 1;
  State state_ = State::start;
  CsvCell cell_;
  CsvRow row_;
  std::vector<CsvRow> rows_;
};

}  // namespace

std::optional<std::vector<CsvRow>> split_csv(std::string_view text, char separator, const std::string& file,
                                             Diagnostics& diags) {
  return Splitter(text, separator, file, diags).run();
}

}  // namespace annals::load::detail
