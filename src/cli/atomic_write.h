#pragma once
// Writing outputs so that a failed run never leaves a half-written file nor
// destroys an earlier good one: an unnamed file (O_TMPFILE) in the target's
// folder, named only when whole, so even SIGKILL leaves nothing; where the
// file system has no unnamed files, a temporary file beside the target, then
// a rename. An earlier file's mode is kept. Symbolic links are followed, also
// to a target that does not exist yet; a loop is an error. Special files (a
// terminal, /dev/null, /dev/full, a pipe) are written in place, since they
// cannot be replaced. Hard links are not kept: the output gets a new inode,
// and the file's other names keep the earlier content.
#include <csignal>
#include <string>
#include <string_view>

namespace annals::cli {

// Returns "" on success, else a message saying what failed ("No space left on device").
std::string write_file_atomically(const std::string& path, std::string_view bytes);

// Writes to standard output; "" on success.
std::string write_stdout(std::string_view bytes);

// Removes any temporary file still being written (called from the signal handler).
void remove_pending_temporary() noexcept;

// The signals whose default action ends the process and that a handler can
// catch: main() removes the temporary on each, and a name is recorded with them blocked.
inline constexpr int kCleanupSignals[] = {SIGINT,  SIGTERM, SIGHUP,  SIGQUIT, SIGUSR1,   SIGUSR2,
                                          SIGALRM, SIGXCPU, SIGXFSZ, SIGPROF, SIGVTALRM};

}  // namespace annals::cli
