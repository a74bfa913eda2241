#include "base/diagnostics.h"

#include <algorithm>

#include <fmt/format.h>

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

std::string format(const Diagnostic& d) {
  std::string out = fmt::format("{}{}: {}\n", position(d.where), name(d.severity), printable(d.message));
  for (const auto& n : d.notes) {
    const SourceLocation& w = n.where.file.empty() ? d.where : n.where;
    out += fmt::format("{}note: {}\n", position(w), printable(n.message));
  }
  return out;
}

}  // namespace annals
