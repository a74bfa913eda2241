#pragma once
// CSV and TSV text (RFC 4180) → rows of located cells. Internal to load/;
// knows nothing of timelines, so the columns' meaning lives in csv_loader.cpp.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace annals::load::detail {

struct CsvCell {
  std::string text;     // quotes removed, "" read as one quote
  SourceLocation where;  // its first character (the opening quote of a quoted cell)
  bool quoted = false;
};

struct CsvRow {
  std::vector<CsvCell> cells;
  SourceLocation end;  // just past its last cell: where a missing cell would be
};

// Splits `text` (UTF-8, an optional BOM) into rows separated by CR LF, LF
// or CR; cells are separated by `separator` (',' or '\t') and may be quoted
// ("…", with "" for a quote and line breaks inside). Columns count
// characters, lines start at 1. A stray quote, an unclosed quote, invalid
// UTF-8, a NUL byte or a control character is an error at its position;
// then nothing is returned. Rows whose cells are all empty are left out.
std::optional<std::vector<CsvRow>> split_csv(std::string_view text, char separator, const std::string& file,
                                             Diagnostics& diags);

}  // namespace annals::load::detail
