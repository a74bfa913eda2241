#pragma once
// The verbs of the command line: each runs the pipeline and returns the exit
// status of FORMAT.md §3 (0 ok, 1 bad input, 2 bad command line, 3 output not written).
#include "cli/options.h"

namespace annals::cli {

int run_render(const Command& c);
// Renders, then renders again each time the timeline or a style file it
// uses changes, until Ctrl-C (0). A broken edit prints its diagnostics and
// keeps the last good outputs.
int run_watch(const Command& c);
int run_check(const Command& c);
int run_styles(const Command& c);

}  // namespace annals::cli
