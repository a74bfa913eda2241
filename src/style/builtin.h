#pragma once
// The shipped styles (styles/*.toml), compiled into the binary at build time.
#include <optional>
#include <span>
#include <string_view>

namespace annals::style {

struct BuiltinStyle {
  std::string_view name;  // the file's stem: "default", "classic", ...
  std::string_view text;  // its TOML text
};

std::span<const BuiltinStyle> builtin_styles();  // sorted by name
std::optional<std::string_view> builtin_style_text(std::string_view name);

}  // namespace annals::style
