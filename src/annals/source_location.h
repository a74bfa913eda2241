#pragma once
// Where a thing was written (part of the API; see annals/diagnostics.h).
#include "base/source_location.h"
