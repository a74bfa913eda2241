#pragma once
// The library's version, "MAJOR.MINOR.PATCH": the one the program prints and
// the one find_package(annals) and pkg-config check.
#include <string_view>

namespace annals {

std::string_view version();

}  // namespace annals
