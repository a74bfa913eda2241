// `annals watch`: the real binary started on a file, edited, broken, mended
// and stopped, each step seen in its output within a bounded time.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "run_annals.h"

namespace fs = std::filesystem;
using annals::testing::slurp;
using namespace std::chrono_literals;

namespace {

constexpr auto kPatience = 20s;  // a render takes a fraction of this on a loaded machine

const char* kTimeline = R"([timeline]
title = "Watched"
style = "mine.toml"
now = 2020-01-01

[[event]]
title = "First edit"
date = 1990
)";

// Polls `ready` every 20 ms until it holds or `kPatience` runs out.
bool eventually(const std::function<bool()>& ready) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return ready();
}

class Watch : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(ANNALS_BUILD_DIR) / "test-tmp" / "watch" / info->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Writes in place, as `echo >` does.
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }
  // Saves as many editors do: a new file renamed over the old one.
  void replace(const std::string& name, const std::string& text) const {
    write(name + ".new", text);
    fs::rename(dir_ / (name + ".new"), dir_ / name);
  }

  void start(const std::vector<std::string>& args) {
    pid_ = ::fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      if (::chdir(dir_.c_str()) != 0) ::_exit(127);
      const int err = ::open("err.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
      ::dup2(err, STDERR_FILENO);
      std::vector<const char*> argv{ANNALS_BINARY, "watch"};
      for (const auto& a : args) argv.push_back(a.c_str());
      argv.push_back(nullptr);
      ::execv(ANNALS_BINARY, const_cast<char* const*>(argv.data()));
      ::_exit(127);
    }
  }

  // Sends `sig` and waits for the exit; -1 when the process did not end in time.
  int stop(int sig) {
    ::kill(pid_, sig);
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(20ms);
    }
    return -1;
  }

  std::string out() const { return slurp(dir_ / "out.json"); }
  std::string err() const { return slurp(dir_ / "err.txt"); }

  fs::path dir_;
  pid_t pid_ = -1;
};

TEST_F(Watch, RendersAgainOnEachEditKeepsTheLastGoodOutputAndStopsCleanlyOnCtrlC) {
  write("mine.toml", "extends = \"default\"\n[page]\nmargin = 20\n");
  write("t.toml", kTimeline);
  start({"t.toml", "-o", "out.json"});
  ASSERT_TRUE(eventually([&] { return out().find("First edit") != std::string::npos; })) << err();

  // An edit in place.
  std::string text = kTimeline;
  text.replace(text.find("First edit"), 10, "Second edit");
  write("t.toml", text);
  ASSERT_TRUE(eventually([&] { return out().find("Second edit") != std::string::npos; })) << err();

  // A broken edit: the error is printed with its position, the output stays.
  replace("t.toml", text + "[[event]]\ntitle = \"No date\"\n");
  ASSERT_TRUE(eventually([&] { return err().find("t.toml:9:1: error:") != std::string::npos; })) << err();
  EXPECT_NE(out().find("Second edit"), std::string::npos);

  // Mended by renaming a new file over it, as editors save.
  text.replace(text.find("Second edit"), 11, "Third edit");
  replace("t.toml", text);
  ASSERT_TRUE(eventually([&] { return out().find("Third edit") != std::string::npos; })) << err();

  // The style it names changes: the page's margin moves every box.
  const std::string before = out();
  replace("mine.toml", "extends = \"default\"\n[page]\nmargin = 60\n");
  ASSERT_TRUE(eventually([&] { return !out().empty() && out() != before; })) << err();

  EXPECT_EQ(stop(SIGINT), 0) << err();
  EXPECT_FALSE(fs::exists(dir_ / "out.json.new"));
}

TEST_F(Watch, SeesTheStyleOfTheCommandLineAndWhatItExtends) {
  write("base.toml", "[page]\nmargin = 20\n");
  write("top.toml", "extends = \"base.toml\"\n");
  write("t.toml", "[[event]]\ntitle = \"A\"\ndate = 1990\n");
  start({"t.toml", "--style", "top.toml", "-o", "out.json"});
  ASSERT_TRUE(eventually([&] { return out().find("\"A\"") != std::string::npos; })) << err();
  const std::string before = out();
  write("base.toml", "[page]\nmargin = 70\n");
  ASSERT_TRUE(eventually([&] { return !out().empty() && out() != before; })) << err();
  EXPECT_EQ(stop(SIGTERM), 0) << err();
}

TEST_F(Watch, StartsOnABrokenFileAndRendersOnceItIsMended) {
  write("t.toml", "[[event]]\ntitle = \"A\"\n");
  start({"t.toml", "-o", "out.json"});
  ASSERT_TRUE(eventually([&] { return err().find("t.toml:1:1: error:") != std::string::npos; })) << err();
  EXPECT_FALSE(fs::exists(dir_ / "out.json"));
  write("t.toml", "[[event]]\ntitle = \"A\"\ndate = 1990\n");
  ASSERT_TRUE(eventually([&] { return out().find("\"A\"") != std::string::npos; })) << err();
  EXPECT_EQ(stop(SIGINT), 0) << err();
}

TEST_F(Watch, RefusesStandardInputAndSeveralInputs) {
  const auto a = annals::testing::run_in(dir_, std::string(ANNALS_BINARY) + " watch - -o x.svg");
  EXPECT_EQ(a.status, 2);
  EXPECT_NE(a.err.find("not standard input"), std::string::npos) << a.err;
  const auto b = annals::testing::run_in(dir_, std::string(ANNALS_BINARY) + " watch a.toml b.toml -O");
  EXPECT_EQ(b.status, 2);
  EXPECT_NE(b.err.find("one timeline file"), std::string::npos) << b.err;
  const auto c = annals::testing::run_in(dir_, std::string(ANNALS_BINARY) + " watch a.toml -o - --format svg");
  EXPECT_EQ(c.status, 2);
}

}  // namespace
