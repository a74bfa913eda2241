#pragma once
// Diagnostics are part of the API: SourceLocation, Severity, Note,
// Diagnostic, Diagnostics and format(). Base owns them, and they are
// installed as this header; in the tree it forwards there.
#include "base/diagnostics.h"
