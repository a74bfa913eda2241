#include "style/builtin.h"

namespace annals::style {

std::optional<std::string_view> builtin_style_text(std::string_view name) {
  for (const auto& s : builtin_styles())
    if (s.name == name) return s.text;
  return std::nullopt;
}

}  // namespace annals::style
