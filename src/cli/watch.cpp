#include "cli/watch.h"

#include <poll.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace annals::cli {

namespace {

namespace fs = std::filesystem;

// A folder's events that can change what one of its files holds: written,
// renamed in or out, created, deleted, its mode changed.
constexpr std::uint32_t kFolderEvents =
    IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB;
constexpr std::uint32_t kFileEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF;

// The kernel stamps files from a coarse clock that lags the fine one by up
// to a tick: a write just after `since` may carry a time just before it.
constexpr auto kCoarseClock = std::chrono::milliseconds(20);

std::string folder_of(const fs::path& file) {
  const fs::path parent = file.parent_path();
  return parent.empty() ? "." : parent.string();
}

}  // namespace

FileWatch::FileWatch(std::chrono::milliseconds quiet) : quiet_(quiet) {
  inotify_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify_ < 0) {
    error_ = std::strerror(errno);
    return;
  }
  sigemptyset(&blocked_);
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&blocked_, sig);
  if (::sigprocmask(SIG_BLOCK, &blocked_, &previous_) != 0) {
    error_ = std::strerror(errno);
    return;
  }
  signals_ = ::signalfd(-1, &blocked_, SFD_NONBLOCK | SFD_CLOEXEC);
  if (signals_ < 0) error_ = std::strerror(errno);
}

FileWatch::~FileWatch() {
  if (inotify_ >= 0) ::close(inotify_);
  if (signals_ >= 0) {
    ::close(signals_);
    ::sigprocmask(SIG_SETMASK, &previous_, nullptr);
  }
}

void FileWatch::set(const std::vector<std::string>& files) {
  for (const auto& [wd, w] : watches_) ::inotify_rm_watch(inotify_, wd);
  watches_.clear();
  bool relevant = false;
  (void)drain(&relevant);  // what happened before is the caller's to check (changed_since)
  for (const auto& name : files) {
    const fs::path file(name);
    // The file itself (through links), when it is there.
    if (const int wd = ::inotify_add_watch(inotify_, name.c_str(), kFileEvents | IN_MASK_ADD); wd >= 0)
      watches_[wd].any = true;
    // Its folder, for a new file renamed over it; or the nearest folder that
    // exists, for a file whose folder is not there yet.
    fs::path at = file;
    while (true) {
      const std::string folder = folder_of(at);
      const int wd = ::inotify_add_watch(inotify_, folder.c_str(), kFolderEvents | IN_MASK_ADD | IN_ONLYDIR);
      if (wd >= 0) {
        watches_[wd].names.insert(at.filename().string());
        break;
      }
      if (folder == "." || at.parent_path() == at || at.parent_path().empty()) break;
      at = at.parent_path();
    }
  }
}

bool FileWatch::drain(bool* relevant) {
  alignas(inotify_event) std::array<char, 16384> buffer;
  while (true) {
    const ssize_t n = ::read(inotify_, buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EAGAIN) return true;
      if (errno == EINTR) continue;
      error_ = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer.data() + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if ((e->mask & IN_Q_OVERFLOW) != 0) {
        *relevant = true;  // events were lost: assume the worst
        continue;
      }
      const auto w = watches_.find(e->wd);
      if (w == watches_.end() || (e->mask & IN_IGNORED) != 0) continue;
      if (w->second.any) *relevant = true;
      if (e->len > 0 && w->second.names.count(e->name) != 0) *relevant = true;
    }
  }
}

FileWatch::Wake FileWatch::wait() {
  bool changed = false;
  while (true) {
    std::array<pollfd, 2> fds{{{inotify_, POLLIN, 0}, {signals_, POLLIN, 0}}};
    // Until something changes, wait as long as it takes; then until it has been quiet a while.
    const int timeout = changed ? static_cast<int>(quiet_.count()) : -1;
    const int n = ::poll(fds.data(), fds.size(), timeout);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = std::strerror(errno);
      return Wake::failed;
    }
    if (n == 0) return Wake::changed;  // quiet since the last change
    if ((fds[1].revents & POLLIN) != 0) {
      signalfd_siginfo info;
      while (::read(signals_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
      }
      return Wake::stopped;
    }
    if ((fds[0].revents & POLLIN) != 0) {
      bool relevant = false;
      if (!drain(&relevant)) return Wake::failed;
      // An unrelated file in a watched folder (an output, an editor's swap file) does not restart the quiet spell.
      if (relevant) changed = true;
    }
  }
}

bool FileWatch::changed_since(const std::vector<std::string>& files, Clock::time_point since) {
  const auto now = Clock::now();
  for (const auto& name : files) {
    struct stat st {};
    if (::stat(name.c_str(), &st) != 0) continue;
    const auto modified = Clock::time_point(std::chrono::duration_cast<Clock::duration>(
        std::chrono::seconds(st.st_mtim.tv_sec) + std::chrono::nanoseconds(st.st_mtim.tv_nsec)));
    if (modified + kCoarseClock >= since && modified <= now) return true;
  }
  return false;
}

}  // namespace annals::cli
