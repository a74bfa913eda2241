#include "base/diagnostics.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace annals {

void Diagnostics::error(SourceLocation where, std::string message, std::vector<Note> notes) {
  add({Severity::error, std::move(message), std::move(where), std::move(notes)});
}

void Diagnostics::warning(SourceLocation where, std::string message, std::vector<Note> notes) {
  add({Severity::warning, std::move(message), std::move(where), std::move(notes)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return static_cast<std::size_t>(std::count_if(
      items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::warning; }));
}

void Diagnostics::promote_warnings() {
  for (auto& d : items_)
    if (d.severity == Severity::warning) d.severity = Severity::error;
}

void Diagnostics::sort_by_position() {
  // Files keep the order in which they were first reported; positions sort within a file.
  std::vector<std::string> files;
  auto rank = [&files](const std::string& f) {
    const auto it = std::find(files.begin(), files.end(), f);
    return static_cast<std::size_t>(it - files.begin());
  };
  for (const auto& d : items_)
    if (std::find(files.begin(), files.end(), d.where.file) == files.end()) files.push_back(d.where.file);
  std::stable_sort(items_.begin(), items_.end(), [&rank](const Diagnostic& a, const Diagnostic& b) {
    const std::size_t ra = rank(a.where.file), rb = rank(b.where.file);
    if (ra != rb) return ra < rb;
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.col < b.where.col;
  });
}

namespace {

std::string position(const SourceLocation& w) {
  if (w.file.empty()) return "annals: ";
  const std::string file = printable(w.file);
  if (w.line <= 0) return fmt::format("{}: ", file);
  if (w.col <= 0) return fmt::format("{}:{}: ", file, w.line);
  return fmt::format("{}:{}:{}: ", file, w.line, w.col);
}

// The SGR codes gcc uses: bold positions, red errors, magenta warnings, cyan notes, a green caret.
constexpr const char* kBold = "\033[1m";
constexpr const char* kReset = "\033[m";
constexpr const char* kGreen = "\033[1;32m";

const char* color_of(Severity s) {
  switch (s) {
    case Severity::note: return "\033[1;36m";
    case Severity::warning: return "\033[1;35m";
    case Severity::error: return "\033[1;31m";
  }
  return "\033[1;31m";
}

std::size_t code_points(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

// The byte offset of 1-based code point `col` in `line` (its end if the line is shorter).
std::size_t offset_of_column(std::string_view line, int col) {
  int seen = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (++seen == col) return i;
  }
  return line.size();
}

// "  12 | text" and "     |    ^": tabs shown as one space so the caret stays under its
// column; other control characters escaped as everywhere else.
std::string excerpt(const SourceLocation& w, std::string line, bool color) {
  std::replace(line.begin(), line.end(), '\t', ' ');
  const std::size_t cut = w.col > 0 ? offset_of_column(line, w.col) : 0;
  const std::string number = std::to_string(w.line);
  const std::string gutter(number.size(), ' ');
  std::string out = fmt::format(" {} | {}\n", number, printable(line));
  if (w.col > 0) {
    const std::string pad(code_points(printable(std::string_view(line).substr(0, cut))), ' ');
    out += fmt::format(" {} | {}{}^{}\n", gutter, pad, color ? kGreen : "", color ? kReset : "");
  }
  return out;
}

const char* name(Severity s) {
  switch (s) {
    case Severity::note: return "note";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

}  // namespace

std::string printable(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '\n' && keep_newlines) {
      out += '\n';
    } else if (b < 0x20 || b == 0x7F) {
      out += fmt::format("\\x{:02x}", b);
    } else if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // U+0080..U+009F: 0x9B alone starts an escape sequence on some terminals.
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[++i]));
    } else {
      out += static_cast<char>(b);
    }
  }
  return out;
}

std::string format(const Diagnostic& d) { return format(d, Presentation{}); }

std::string format(const Diagnostic& d, const Presentation& how) {
  auto headline = [&how](const SourceLocation& w, Severity s, std::string_view message) {
    if (!how.color) return fmt::format("{}{}: {}\n", position(w), name(s), printable(message));
    return fmt::format("{}{}{}{}{}:{} {}{}{}\n", kBold, position(w), kReset, color_of(s), name(s), kReset, kBold,
                       printable(message), kReset);
  };
  std::string out = headline(d.where, d.severity, d.message);
  if (how.source_line && !d.where.file.empty() && d.where.line > 0)
    if (auto line = how.source_line(d.where.file, d.where.line)) out += excerpt(d.where, std::move(*line), how.color);
  for (const auto& n : d.notes) {
    const SourceLocation& w = n.where.file.empty() ? d.where : n.where;
    out += headline(w, Severity::note, n.message);
  }
  return out;
}

std::string count_summary(std::size_t errors, std::size_t warnings) {
  std::vector<std::string> parts;
  if (errors > 0) parts.push_back(fmt::format("{} error{}", errors, errors == 1 ? "" : "s"));
  if (warnings > 0) parts.push_back(fmt::format("{} warning{}", warnings, warnings == 1 ? "" : "s"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

}  // namespace annals
