// annals: timeline charts from dated events written in TOML.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "cli/atomic_write.h"
#include "cli/options.h"
#include "cli/run.h"

namespace {

extern "C" void on_interrupt(int sig) {
  annals::cli::remove_pending_temporary();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

}  // namespace

int main(int argc, char** argv) {
  for (const int sig : annals::cli::kCleanupSignals) std::signal(sig, on_interrupt);
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes an EPIPE error we report

  const auto parsed = annals::cli::parse_command_line(argc, argv);
  std::fputs(parsed.out.c_str(), stdout);
  std::fputs(parsed.err.c_str(), stderr);
  if (!parsed.command) return parsed.exit_code;

  try {
    const auto& c = *parsed.command;
    switch (c.verb) {
      case annals::cli::Verb::render: {
        // Ends without tearing down the renderer's shaped text (see run_render).
        const int status = annals::cli::run_render(c);
#ifdef ANNALS_FULL_TEARDOWN
        return status;
#else
        std::fflush(nullptr);
        std::_Exit(status);
#endif
      }
      case annals::cli::Verb::watch: return annals::cli::run_watch(c);
      case annals::cli::Verb::check: return annals::cli::run_check(c);
      case annals::cli::Verb::styles: return annals::cli::run_styles(c);
      case annals::cli::Verb::help:
      case annals::cli::Verb::version: return 0;
    }
  } catch (const std::bad_alloc&) {
    std::fputs("annals: error: out of memory\n", stderr);
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "annals: error: internal error: %s\n", e.what());
    return 1;
  }
  return 0;
}
