#include "annals/version.h"

#ifndef ANNALS_VERSION
#error "the build defines ANNALS_VERSION from the project's version"
#endif

namespace annals {

std::string_view version() { return ANNALS_VERSION; }

}  // namespace annals
