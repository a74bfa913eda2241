#pragma once
// Running shell command lines (and so the real annals binary) from tests:
// exit status, standard output and standard error of one run.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace annals::testing {

struct Outcome {
  int status = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `line` with /bin/sh in `dir`, its output captured in dir/out.txt and dir/err.txt.
inline Outcome run_in(const std::filesystem::path& dir, const std::string& line) {
  const std::string cmd = "cd '" + dir.string() + "' && " + line + " >out.txt 2>err.txt";
  Outcome r;
  const int raw = std::system(cmd.c_str());
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  r.out = slurp(dir / "out.txt");
  r.err = slurp(dir / "err.txt");
  return r;
}

}  // namespace annals::testing
