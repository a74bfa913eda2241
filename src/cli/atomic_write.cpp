#include "cli/atomic_write.h"

#include <fcntl.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

namespace annals::cli {

namespace {

// The temporary file being written, for the signal handler. A signal handler
// can only reach process-wide state, so this is the one deliberate global.
char g_pending[4096] = {0};
volatile std::sig_atomic_t g_has_pending = 0;

// As many hops as the kernel follows before it says ELOOP.
constexpr int kMaxLinkHops = 40;

std::string write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::strerror(errno);
    }
    done += static_cast<std::size_t>(n);
  }
  return {};
}

std::string write_in_place(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0) return std::strerror(errno);
  std::string err = write_all(fd, bytes);
  if (::close(fd) != 0 && err.empty()) err = std::strerror(errno);
  return err;
}

// Blocks the signals that remove the temporary while its name is recorded or
// cleared, so the handler never sees a half-copied path.
class SignalsBlocked {
 public:
  SignalsBlocked() {
    sigset_t block;
    sigemptyset(&block);
    for (const int sig : kCleanupSignals) sigaddset(&block, sig);
    sigprocmask(SIG_BLOCK, &block, &old_);
  }
  ~SignalsBlocked() { sigprocmask(SIG_SETMASK, &old_, nullptr); }
  SignalsBlocked(const SignalsBlocked&) = delete;
  SignalsBlocked& operator=(const SignalsBlocked&) = delete;

 private:
  sigset_t old_;
};

struct Resolved {
  std::string path;   // the file a chain of symbolic links ends at (may not exist yet)
  std::string error;  // a loop or an unreadable link
};

// Renaming over a symbolic link would replace the link with a file; users who
// link an output somewhere expect the file it points to to be updated, also
// when it does not exist yet (a dangling link). Followed by hand, since
// weakly_canonical stops at a link whose target is missing.
Resolved through_links(const std::string& requested) {
  namespace fs = std::filesystem;
  fs::path path(requested);
  for (int hop = 0; hop <= kMaxLinkHops; ++hop) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return {path.string(), {}};
    std::error_code ec;
    const fs::path target = fs::read_symlink(path, ec);
    if (ec) return {{}, "cannot read the symbolic link: " + ec.message()};
    path = target.is_absolute() ? target : path.parent_path() / target;
  }
  return {{}, "the symbolic links loop (more than 40 in a row); the link was left as it is"};
}

// The name of the temporary: hidden, beside the target, recognisable, and
// within the 255 bytes a file name may have, however long the target's is.
std::string temporary_name(const std::string& filename) {
  constexpr std::string_view kSuffix = ".annals-XXXXXX";
  const std::size_t room = NAME_MAX - 1 - kSuffix.size();
  std::string name = ".";
  name += filename.substr(0, room);
  name += kSuffix;
  return name;
}

// A file with no name (O_TMPFILE), given one only when whole: a run killed
// while writing (even SIGKILL) leaves nothing. -1 where the file system or
// kernel has no unnamed files.
int open_unnamed(const std::filesystem::path& dir, mode_t mode) {
#ifdef O_TMPFILE
  return ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, mode);
#else
  (void)dir;
  (void)mode;
  errno = EOPNOTSUPP;
  return -1;
#endif
}

// Gives the unnamed file `fd` the name `name`; false when the kernel refuses.
bool name_unnamed(int fd, const std::string& name) {
  const std::string proc = "/proc/self/fd/" + std::to_string(fd);
  if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) return true;
  if (errno == EEXIST) return false;
  return ::linkat(fd, "", AT_FDCWD, name.c_str(), AT_EMPTY_PATH) == 0;
}

// The mode (and, where permitted, the owner) an output is written with: the
// earlier file's, so re-rendering a 0600 file keeps it private; else the
// usual permissions.
void set_permissions(int fd, const struct stat* earlier) {
  if (earlier != nullptr) {
    ::fchmod(fd, earlier->st_mode & 07777);
    if (::fchown(fd, earlier->st_uid, earlier->st_gid) != 0) {
      // Only root may give a file away; the mode is what protects it.
    }
    return;
  }
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));
}

// The temporary is created with a random name, written, and renamed over the target.
std::string write_named(const std::filesystem::path& dir, const std::filesystem::path& target,
                        const struct stat* earlier, std::string_view bytes) {
  std::string tmp = (dir / temporary_name(target.filename().string())).string();
  if (tmp.size() >= sizeof g_pending) return "the path is too long";
  int fd = -1;
  int mkstemp_errno = 0;
  {
    const SignalsBlocked blocked;
    fd = ::mkstemp(tmp.data());
    mkstemp_errno = errno;
    if (fd >= 0) {
      std::memcpy(g_pending, tmp.c_str(), tmp.size() + 1);
      g_has_pending = 1;
    }
  }
  if (fd < 0)
    return "cannot create a file in the folder '" + dir.string() + "': " + std::strerror(mkstemp_errno);
  set_permissions(fd, earlier);
  std::string err = write_all(fd, bytes);
  if (::close(fd) != 0 && err.empty()) err = std::strerror(errno);
  if (err.empty() && ::rename(tmp.c_str(), target.c_str()) != 0) err = std::strerror(errno);
  const SignalsBlocked blocked;
  if (!err.empty()) ::unlink(tmp.c_str());
  g_has_pending = 0;
  return err;
}

// Outcome of the unnamed way: done (err may still say a write failed) or not possible here.
struct Unnamed {
  bool possible = false;
  std::string err;
};

Unnamed write_unnamed(const std::filesystem::path& dir, const std::filesystem::path& target,
                      const struct stat* earlier, std::string_view bytes) {
  const int fd = open_unnamed(dir, 0600);
  if (fd < 0) {
    // EISDIR/EOPNOTSUPP/EINVAL: no O_TMPFILE here; anything else (EACCES,
    // ENOSPC) the named way would meet as well and report in its words.
    return {false, {}};
  }
  set_permissions(fd, earlier);
  std::string err = write_all(fd, bytes);
  if (!err.empty()) {
    ::close(fd);
    return {true, err};
  }
  // A new output takes its name in one step. An earlier one is replaced by
  // a rename from a temporary name, which exists only between two calls.
  if (earlier == nullptr && name_unnamed(fd, target.string())) {
    if (::close(fd) != 0) err = std::strerror(errno);
    return {true, err};
  }
  std::string tmp = (dir / temporary_name(target.filename().string())).string();
  if (tmp.size() >= sizeof g_pending) {
    ::close(fd);
    return {true, "the path is too long"};
  }
  bool named = false;
  for (int attempt = 0; attempt < 100 && !named; ++attempt) {
    std::string candidate = tmp;
    // mkstemp's letters without creating the file: a name no other file has.
    const int probe = ::mkstemp(candidate.data());
    if (probe < 0) break;
    ::close(probe);
    ::unlink(candidate.c_str());
    const SignalsBlocked blocked;
    if (name_unnamed(fd, candidate)) {
      std::memcpy(g_pending, candidate.c_str(), candidate.size() + 1);
      g_has_pending = 1;
      named = true;
      tmp = candidate;
    }
  }
  if (::close(fd) != 0 && err.empty()) err = std::strerror(errno);
  if (!named) return {false, {}};
  if (err.empty() && ::rename(tmp.c_str(), target.c_str()) != 0) err = std::strerror(errno);
  const SignalsBlocked blocked;
  if (!err.empty()) ::unlink(tmp.c_str());
  g_has_pending = 0;
  return {true, err};
}

}  // namespace

void remove_pending_temporary() noexcept {
  if (g_has_pending) ::unlink(g_pending);
}

std::string write_file_atomically(const std::string& requested, std::string_view bytes) {
  const Resolved resolved = through_links(requested);
  if (!resolved.error.empty()) return resolved.error;
  const std::string& path = resolved.path;
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists) {
    if (S_ISDIR(st.st_mode)) return "is a directory";
    if (!S_ISREG(st.st_mode)) return write_in_place(path, bytes);
  }

  const std::filesystem::path target(path);
  std::filesystem::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    if (std::filesystem::exists(dir, ec)) return "'" + dir.string() + "' is not a folder";
    return "the folder '" + dir.string() + "' does not exist";
  }
  const struct stat* earlier = exists ? &st : nullptr;
  const Unnamed unnamed = write_unnamed(dir, target, earlier, bytes);
  if (unnamed.possible) return unnamed.err;
  return write_named(dir, target, earlier, bytes);
}

std::string write_stdout(std::string_view bytes) {
  std::string err = write_all(STDOUT_FILENO, bytes);
  if (errno == EPIPE && !err.empty()) err += " (the program reading standard output stopped early)";
  return err;
}

}  // namespace annals::cli
