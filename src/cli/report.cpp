#include "cli/report.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>
#include <filesystem>

namespace annals::cli {

namespace {

// A message's file is re-read only to show a line of it: a larger one (or a
// pipe, a device) is left unread rather than slowing or blocking the report.
constexpr std::uintmax_t kMaxSourceBytes = 8u << 20;

std::optional<std::vector<std::string>> read_lines(const std::string& file) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (file == "-" || !fs::is_regular_file(file, ec) || ec) return std::nullopt;
  const auto size = fs::file_size(file, ec);
  if (ec || size > kMaxSourceBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace

std::optional<std::string> SourceLines::line(const std::string& file, int line) {
  auto it = files_.find(file);
  if (it == files_.end()) it = files_.emplace(file, read_lines(file)).first;
  const auto& lines = it->second;
  if (!lines || line < 1 || static_cast<std::size_t>(line) > lines->size()) return std::nullopt;
  return (*lines)[static_cast<std::size_t>(line) - 1];
}

Reporter::Reporter(const Command& c, bool terminal, bool no_color)
    : quiet_(c.quiet), full_(c.diagnostics == "full" || (c.diagnostics == "auto" && terminal)) {
  how_.color = c.color == "always" || (c.color == "auto" && terminal && !no_color);
  if (full_) how_.source_line = [this](const std::string& file, int n) { return lines_.line(file, n); };
}

void Reporter::print(const Diagnostics& diags) {
  for (const auto& d : diags.all()) {
    if (quiet_ && d.severity != Severity::error) continue;
    if (d.severity == Severity::error) ++errors_;
    if (d.severity == Severity::warning) ++warnings_;
    std::fputs(format(d, how_).c_str(), stderr);
  }
}

void Reporter::print_count() const {
  if (!full_ || errors_ + warnings_ == 0) return;
  std::fputs(("annals: " + count_summary(errors_, warnings_) + "\n").c_str(), stderr);
}

}  // namespace annals::cli
