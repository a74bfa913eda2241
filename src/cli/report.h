#pragma once
// How the command line shows diagnostics: plain compiler lines for scripts,
// or with the source line, a caret, colour and a closing count for a person.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "cli/options.h"

namespace annals::cli {

// The lines of the files messages point into, read again only when a message
// is shown with its source line; each file once, and only if it is small.
class SourceLines {
 public:
  std::optional<std::string> line(const std::string& file, int line);

 private:
  std::map<std::string, std::optional<std::vector<std::string>>> files_;
};

class Reporter {
 public:
  // `terminal`: whether standard error is one; `no_color`: whether NO_COLOR is set.
  Reporter(const Command& c, bool terminal, bool no_color);
  Reporter(const Reporter&) = delete;
  Reporter& operator=(const Reporter&) = delete;

  void print(const Diagnostics& diags);
  // "2 errors, 1 warning" after everything, in the full form, when anything was shown.
  void print_count() const;

 private:
  bool quiet_;
  bool full_;
  Presentation how_;
  SourceLines lines_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
};

}  // namespace annals::cli
