#pragma once
// The verbs of the command line: each runs the pipeline and returns the exit
// status of FORMAT.md §3 (0 ok, 1 bad input, 2 bad command line, 3 output not written).
#include "cli/options.h"

namespace annals::cli {

int run_render(const Command& c);
int run_check(const Command& c);
int run_styles(const Command& c);

}  // namespace annals::cli
