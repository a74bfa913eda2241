#pragma once
// Where a thing was written: every diagnostic and model value carries one.
#include <string>

namespace annals {

struct SourceLocation {
  std::string file;  // as the user named it ("-" for standard input, "<built-in>" for embedded styles)
  int line = 0;      // 1-based; 0 = the whole file
  int col = 0;       // 1-based, in code points; 0 = the whole line
};

}  // namespace annals
