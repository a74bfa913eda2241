#pragma once
// Writing outputs so that a failed run never leaves a half-written file nor
// destroys an earlier good one: a temporary file beside the target, then a
// rename. Special files (a terminal, /dev/null, /dev/full, a pipe) are
// written in place, since they cannot be replaced.
#include <string>
#include <string_view>

namespace annals::cli {

// Returns "" on success, else a message saying what failed ("No space left on device").
std::string write_file_atomically(const std::string& path, std::string_view bytes);

// Writes to standard output; "" on success.
std::string write_stdout(std::string_view bytes);

// Removes any temporary file still being written (called from the SIGINT/SIGTERM handler).
void remove_pending_temporary() noexcept;

}  // namespace annals::cli
