#include "cli/atomic_write.h"

#include <fcntl.h>
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

}  // namespace

void remove_pending_temporary() noexcept {
  if (g_has_pending) ::unlink(g_pending);
}

namespace {

// Renaming over a symbolic link would replace the link with a file; users who
// link an output somewhere expect the file it points to to be updated.
std::string through_links(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_symlink(path, ec)) return path;
  const auto resolved = std::filesystem::weakly_canonical(path, ec);
  return ec ? path : resolved.string();
}

}  // namespace

std::string write_file_atomically(const std::string& requested, std::string_view bytes) {
  const std::string path = through_links(requested);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
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

  std::string name = ".";
  name += target.filename().string();
  name += ".annals-XXXXXX";
  std::string tmp = (dir / name).string();
  if (tmp.size() >= sizeof g_pending) return "the path is too long";

  // Block interrupts while the temporary name is being recorded, so the
  // handler never sees a half-copied path.
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  sigaddset(&block, SIGHUP);
  sigprocmask(SIG_BLOCK, &block, &old);
  const int fd = ::mkstemp(tmp.data());
  if (fd >= 0) {
    std::memcpy(g_pending, tmp.c_str(), tmp.size() + 1);
    g_has_pending = 1;
  }
  const int mkstemp_errno = errno;
  sigprocmask(SIG_SETMASK, &old, nullptr);
  if (fd < 0)
    return "cannot create a file in the folder '" + dir.string() + "': " + std::strerror(mkstemp_errno);

  // mkstemp creates 0600; an output should get the usual permissions.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));

  std::string err = write_all(fd, bytes);
  if (::close(fd) != 0 && err.empty()) err = std::strerror(errno);
  if (err.empty() && ::rename(tmp.c_str(), path.c_str()) != 0) err = std::strerror(errno);

  sigprocmask(SIG_BLOCK, &block, &old);
  if (!err.empty()) ::unlink(tmp.c_str());
  g_has_pending = 0;
  sigprocmask(SIG_SETMASK, &old, nullptr);
  return err;
}

std::string write_stdout(std::string_view bytes) {
  std::string err = write_all(STDOUT_FILENO, bytes);
  if (errno == EPIPE && !err.empty()) err += " (the program reading standard output stopped early)";
  return err;
}

}  // namespace annals::cli
