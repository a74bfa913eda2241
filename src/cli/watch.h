#pragma once
// Waiting for a set of files to change (inotify), for `annals watch`: each
// file's folder is watched, so an editor that saves by writing a new file
// and renaming it over the old one is seen like one that writes in place;
// the file itself is watched too, so an edit through a symbolic link is
// seen. A burst of events (an editor's write, rename and chmod) wakes the
// waiter once, after a short quiet spell. Ctrl-C (SIGINT), SIGTERM and
// SIGHUP are taken as a request to stop: they are blocked while the object
// lives and read from a signalfd, so a render under way is finished and
// written whole before the watch ends.
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <signal.h>

namespace annals::cli {

class FileWatch {
 public:
  using Clock = std::chrono::system_clock;
  enum class Wake { changed, stopped, failed };

  explicit FileWatch(std::chrono::milliseconds quiet = std::chrono::milliseconds(100));
  ~FileWatch();
  FileWatch(const FileWatch&) = delete;
  FileWatch& operator=(const FileWatch&) = delete;

  // Whether inotify and the signal descriptor could be set up; else error() says why.
  bool ok() const { return inotify_ >= 0 && signals_ >= 0; }
  const std::string& error() const { return error_; }

  // Watches exactly these files from now on (events already queued are dropped).
  // A file or folder that does not exist is watched through the nearest folder that does.
  void set(const std::vector<std::string>& files);

  // Blocks until a watched file changed and then stayed quiet for the quiet
  // spell, or until a stop signal arrives.
  Wake wait();

  // Whether any of `files` was modified at or after `since` (and not in the
  // future, where a clock skew would repeat forever): a change made while no
  // watch was set.
  static bool changed_since(const std::vector<std::string>& files, Clock::time_point since);

 private:
  struct Watched {
    std::set<std::string> names;  // in a folder: the names that matter
    bool any = false;             // a file itself: every event matters
  };
  bool drain(bool* relevant);  // reads queued events; false on a read error

  int inotify_ = -1;
  int signals_ = -1;
  sigset_t blocked_{};
  sigset_t previous_{};
  std::chrono::milliseconds quiet_;
  std::map<int, Watched> watches_;
  std::string error_;
};

}  // namespace annals::cli
