#pragma once
// The few string functions every module needs. ASCII only, on purpose: keys,
// units, colour names and file extensions are ASCII, and a locale must never
// change what a file means.
#include <string>
#include <string_view>

namespace annals {

// 'A'–'Z' lowered; every other byte (UTF-8 included) is kept as it is.
constexpr char lowercase(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
std::string lowercase(std::string_view text);

// Without the ASCII white space (space, tab, CR, LF, FF, VT) at either end.
std::string_view trim(std::string_view text);

}  // namespace annals
