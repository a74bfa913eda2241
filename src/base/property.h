#pragma once
// Raw style requests as written ("event.marker" = "diamond" at file:line:col),
// before the style module validates and resolves them. The model and the
// loader speak in these; only style/ knows what the keys mean.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "base/source_location.h"

namespace annals {

using PropertyValue =
    std::variant<bool, std::int64_t, double, std::string, std::vector<std::string>>;

struct Property {
  std::string key;  // "section.key", e.g. "event.marker", "page.size", "palette.colors"
  PropertyValue value;
  SourceLocation where;
};

using PropertySheet = std::vector<Property>;

}  // namespace annals
