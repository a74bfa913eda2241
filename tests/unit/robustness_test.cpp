// Runs the real binary against hostile input and failing outputs: every fault
// ends with a message a user can act on, the documented exit status, and no
// partial, temporary or destroyed output file (FORMAT.md §3).
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "run_annals.h"

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

using annals::testing::Outcome;
using annals::testing::slurp;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Time limits for the size tests; sanitized builds run several times slower.
#if defined(__SANITIZE_ADDRESS__)
constexpr auto kSizeLimit = 120s;
#else
constexpr auto kSizeLimit = 20s;
#endif

// Root reads and writes through any permission bits, so permission faults
// can only be staged for an ordinary user.
bool running_as_root() { return ::geteuid() == 0; }

const char* kGood = R"(
[timeline]
title = "Test"
now = 2022-12-31

[[event]]
title = "War of the Pacific"
start = 1879
end = 1883

[[event]]
title = "ICJ ruling"
date = "2018-10"
)";

// `count` span events over a millennium, optionally spread over `lanes` lanes.
std::string many_events(std::size_t count, std::size_t lanes = 0) {
  std::string s = "[timeline]\ntitle = \"Many\"\nnow = 2022-12-31\n";
  for (std::size_t l = 0; l < lanes; ++l) s += "[[lane]]\nid = \"l" + std::to_string(l) + "\"\n";
  for (std::size_t i = 0; i < count; ++i) {
    const std::size_t year = 1000 + (i * 7919) % 1000;
    s += "[[event]]\ntitle = \"Event " + std::to_string(i) + "\"\nstart = " + std::to_string(year) +
         "\nend = " + std::to_string(year + i % 13) + "\n";
    if (lanes) s += "lane = \"l" + std::to_string(i % lanes) + "\"\n";
  }
  return s;
}

class Robustness : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::path(ANNALS_BUILD_DIR) / "test-tmp" / "robustness" / info->name();
    fs::permissions(dir_.parent_path(), fs::perms::owner_all, fs::perm_options::add, ignored_);
    make_writable(dir_);
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }

  void TearDown() override {
    make_writable(dir_);
    if (!stage_.empty()) fs::remove_all(stage_, ignored_);
  }

  // A test may leave a folder read-only; the next run must still clean up.
  void make_writable(const fs::path& p) {
    if (!fs::exists(p, ignored_)) return;
    fs::permissions(p, fs::perms::owner_all, fs::perm_options::add, ignored_);
    for (const auto& e : fs::recursive_directory_iterator(p, ignored_))
      fs::permissions(e.path(), fs::perms::owner_all, fs::perm_options::add, ignored_);
  }

  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

  // Runs a shell command line in the test's folder; $ANNALS names the binary.
  Outcome shell(const std::string& line) const {
    return annals::testing::run_in(dir_, "export ANNALS='" + std::string(ANNALS_BINARY) + "' && " + line);
  }

  Outcome annals(const std::string& args) const { return shell("\"$ANNALS\" " + args); }

  // Runs annals as an ordinary user, so permissions bind even when the tests run as root.
  // That user may not reach into the checkout (a clone in root's 0700 home):
  // the test's folder must be outside it (outside_the_checkout), and the
  // binary and the sanitizers' suppressions file are copied beside it.
  Outcome annals_unprivileged(const std::string& args) const {
    if (!running_as_root()) return annals(args);
    return shell(unprivileged_prefix() + "'" + staged_binary().string() + "' " + args);
  }

  // Moves the test's folder to the system's temporary folder, readable by
  // every user, for tests that run annals as an ordinary user.
  void outside_the_checkout() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    stage_ = fs::temp_directory_path() / ("annals-test-" + std::to_string(::getpid()));
    fs::remove_all(stage_, ignored_);
    fs::create_directories(stage_);
    fs::permissions(stage_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
    dir_ = stage_ / info->name();
    fs::create_directories(dir_);
    fs::permissions(dir_, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                              fs::perms::others_read | fs::perms::others_exec);
  }

  // The suppressions file named in LSAN_OPTIONS, copied where any user reads
  // it, and the options rewritten to name the copy: "" when there is none.
  std::string staged_lsan_options() const {
    const char* options = std::getenv("LSAN_OPTIONS");
    if (options == nullptr) return "";
    std::string text = options;
    const std::string key = "suppressions=";
    const auto at = text.find(key);
    if (at == std::string::npos || stage_.empty()) return text;
    const auto end = std::min(text.find(':', at), text.size());
    const fs::path original = text.substr(at + key.size(), end - at - key.size());
    const fs::path copy = stage_ / "lsan.supp";
    fs::copy_file(original, copy, fs::copy_options::overwrite_existing, ignored_);
    fs::permissions(copy, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read, ignored_);
    return text.replace(at + key.size(), end - at - key.size(), copy.string());
  }

  std::string unprivileged_prefix() const {
    const std::string lsan = staged_lsan_options();
    return (lsan.empty() ? "" : "LSAN_OPTIONS='" + lsan + "' ") +
           "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }

  // The binary, copied beside the test's folder when that is outside the checkout.
  fs::path staged_binary() const {
    if (stage_.empty()) return ANNALS_BINARY;
    const fs::path copy = stage_ / "annals";
    if (!fs::exists(copy, ignored_)) fs::copy_file(ANNALS_BINARY, copy, ignored_);
    return copy;
  }

  // Temporary files of atomic writes still lying around anywhere under the test's folder.
  std::vector<std::string> stray_files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::recursive_directory_iterator(dir_, ignored_)) {
      const auto n = e.path().filename().string();
      if (has(n, ".annals-")) names.push_back(n);
    }
    return names;
  }

  fs::path dir_;
  fs::path stage_;  // set by outside_the_checkout
  mutable std::error_code ignored_;
};

// ---- outputs ---------------------------------------------------------------

TEST_F(Robustness, MissingOutputFolderExitsThreeNamingTheFolder) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml -o nowhere/out.svg");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(has(r.err, "nowhere/out.svg: error:")) << r.err;
  EXPECT_TRUE(has(r.err, "'nowhere' does not exist")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "nowhere"));
}

TEST_F(Robustness, ReadOnlyFolderExitsThreeAndKeepsTheEarlierFile) {
  outside_the_checkout();
  write("in.toml", kGood);
  write("locked/out.svg", "earlier");
  fs::permissions(dir_ / "locked", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                       fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
  const auto r = annals_unprivileged("render in.toml -o locked/out.svg");
  make_writable(dir_);
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(has(r.err, "cannot create a file in the folder 'locked'")) << r.err;
  EXPECT_EQ(slurp(dir_ / "locked" / "out.svg"), "earlier");
  EXPECT_TRUE(stray_files().empty());
}

// A clone in a private home folder (root's is 0700): the ordinary user the
// permission tests switch to reads nothing inside it, neither the binary,
// the inputs nor the sanitizers' suppressions file.
TEST_F(Robustness, UnprivilegedRunsNeedNothingFromInsideTheCheckout) {
  const fs::path checkout = dir_ / "private-home";
  fs::create_directories(checkout);
  fs::copy_file(fs::path(ANNALS_SOURCE_DIR) / "tests" / "lsan.supp", checkout / "lsan.supp");
  fs::permissions(checkout, fs::perms::owner_all);
  const char* before = std::getenv("LSAN_OPTIONS");
  const std::string saved = before ? before : "";
  ::setenv("LSAN_OPTIONS", ("suppressions=" + (checkout / "lsan.supp").string() + ":print_suppressions=0").c_str(), 1);
  outside_the_checkout();
  fs::permissions(dir_, fs::perms::all);  // the ordinary user writes its output here
  write("in.toml", kGood);
  const auto r = annals_unprivileged("render in.toml -o out.svg");
  const std::string lsan = staged_lsan_options();
  if (before) ::setenv("LSAN_OPTIONS", saved.c_str(), 1);
  else ::unsetenv("LSAN_OPTIONS");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(slurp(dir_ / "out.svg"), "<svg"));
  EXPECT_FALSE(has(lsan, checkout.string())) << lsan;
  EXPECT_TRUE(has(lsan, ":print_suppressions=0")) << lsan;
  if (running_as_root()) {
    const auto readable = shell("setpriv --reuid=65534 --regid=65534 --clear-groups cat '" +
                                (stage_ / "lsan.supp").string() + "' '" + staged_binary().string() + "' >/dev/null");
    EXPECT_EQ(readable.status, 0) << readable.err;
  }
}

TEST_F(Robustness, FolderThatRefusesNewFilesExitsThree) {
  // /proc takes no new files, even from root: the unwritable folder every user can stage.
  write("in.toml", kGood);
  const auto r = annals("render in.toml -o /proc/annals-out.svg");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(has(r.err, "/proc/annals-out.svg: error: cannot write: cannot create a file in the folder '/proc'"))
      << r.err;
}

TEST_F(Robustness, OutputThatIsAFolderExitsThree) {
  write("in.toml", kGood);
  fs::create_directories(dir_ / "out.svg");
  const auto r = annals("render in.toml -o out.svg");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(has(r.err, "out.svg: error: cannot write: is a directory")) << r.err;
  EXPECT_TRUE(fs::is_directory(dir_ / "out.svg"));
}

TEST_F(Robustness, OutputInsideAFileExitsThreeSayingItIsNotAFolder) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml -o in.toml/out.svg");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(has(r.err, "in.toml/out.svg: error: cannot write: 'in.toml' is not a folder")) << r.err;
  EXPECT_EQ(slurp(dir_ / "in.toml"), kGood);
}

TEST_F(Robustness, OutputThroughASymlinkUpdatesTheFileItPointsTo) {
  write("in.toml", kGood);
  write("real/out.svg", "earlier");
  fs::create_symlink("real/out.svg", dir_ / "link.svg");
  const auto r = annals("render in.toml -o link.svg");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.svg"));
  EXPECT_TRUE(has(slurp(dir_ / "real" / "out.svg"), "<svg"));
}

TEST_F(Robustness, OutputThroughADanglingSymlinkCreatesTheFileItPointsTo) {
  write("in.toml", kGood);
  fs::create_directories(dir_ / "real");
  fs::create_symlink("real/new.svg", dir_ / "link.svg");
  fs::create_symlink("link.svg", dir_ / "second.svg");  // a chain of links, relative to each link's folder
  const auto r = annals("render in.toml -o second.svg");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link.svg"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "second.svg"));
  EXPECT_TRUE(has(slurp(dir_ / "real" / "new.svg"), "<svg"));
  EXPECT_TRUE(stray_files().empty());
}

TEST_F(Robustness, OutputThroughASymlinkLoopIsRefusedAndTheLinksKept) {
  write("in.toml", kGood);
  fs::create_symlink("b.svg", dir_ / "a.svg");
  fs::create_symlink("a.svg", dir_ / "b.svg");
  const auto r = annals("render in.toml -o a.svg");
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_TRUE(has(r.err, "a.svg: error: cannot write: the symbolic links loop")) << r.err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "a.svg"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "b.svg"));
  EXPECT_TRUE(stray_files().empty());
}

TEST_F(Robustness, RerenderingKeepsTheOutputsMode) {
  write("in.toml", kGood);
  for (const auto mode : {fs::perms::owner_read | fs::perms::owner_write,
                          fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read}) {
    write("out.svg", "earlier");
    fs::permissions(dir_ / "out.svg", mode);
    const auto r = annals("render in.toml -o out.svg");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(fs::status(dir_ / "out.svg").permissions(), mode);
    EXPECT_TRUE(has(slurp(dir_ / "out.svg"), "<svg"));
  }
  const auto fresh = shell("umask 027 && \"$ANNALS\" render in.toml -o new.svg");
  EXPECT_EQ(fresh.status, 0) << fresh.err;
  EXPECT_EQ(fs::status(dir_ / "new.svg").permissions(),
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
}

// As the README says: an output is replaced, never rewritten in place, so
// its other hard links keep the earlier content.
TEST_F(Robustness, HardLinkedOutputIsReplacedAndTheOtherNameKeepsTheEarlierContent) {
  write("in.toml", kGood);
  write("out.svg", "earlier");
  fs::create_hard_link(dir_ / "out.svg", dir_ / "other.svg");
  const auto r = annals("render in.toml -o out.svg");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(slurp(dir_ / "out.svg"), "<svg"));
  EXPECT_EQ(slurp(dir_ / "other.svg"), "earlier");
}

TEST_F(Robustness, OutputNamesOfUpTo255BytesAreWritten) {
  write("in.toml", kGood);
  for (const std::size_t length : {241u, 250u, 255u}) {
    const std::string name = std::string(length - 4, 'n') + ".svg";
    for (int again = 0; again < 2; ++again) {  // a new file, then one that replaces it
      const auto r = annals("render in.toml -o " + name);
      EXPECT_EQ(r.status, 0) << length << r.err;
      EXPECT_TRUE(has(slurp(dir_ / name), "<svg")) << length;
    }
  }
  EXPECT_TRUE(stray_files().empty());
}

// An output onto an input would destroy what the run reads: a command-line
// mistake (exit 2), found before anything is written, by path or by inode.
TEST_F(Robustness, OutputOntoTheInputIsRefusedAndTheInputKept) {
  write("in.toml", kGood);
  write("mystyle.toml", "[event]\nmarker = \"diamond\"\n");
  fs::create_symlink("in.toml", dir_ / "link.json");
  fs::create_hard_link(dir_ / "in.toml", dir_ / "hard.svg");
  struct Case {
    std::string args, first_line;
  };
  const std::vector<Case> cases = {
      {"render in.toml --format json -o in.toml", "in.toml: error: the output would overwrite the input"},
      {"render in.toml --format json -o ./in.toml", "./in.toml: error: the output would overwrite the input"},
      {"render in.toml -o a.svg -o link.json", "link.json: error: the output would overwrite the input"},
      {"render in.toml -o hard.svg", "hard.svg: error: the output would overwrite the input"},
      {"render in.toml --style mystyle.toml --format svg -o mystyle.toml",
       "mystyle.toml: error: the output would overwrite the input"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    const auto r = annals(c.args);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(r.err.substr(0, r.err.find('\n')), c.first_line) << r.err;
    EXPECT_EQ(slurp(dir_ / "in.toml"), kGood);
    EXPECT_FALSE(fs::exists(dir_ / "a.svg"));
    EXPECT_TRUE(stray_files().empty());
  }
  EXPECT_EQ(slurp(dir_ / "mystyle.toml"), "[event]\nmarker = \"diamond\"\n");
  EXPECT_TRUE(has(annals("render in.toml -o link.json").err, "link.json: note: it is the same file as 'in.toml'"));
}

TEST_F(Robustness, FullDiskExitsThreeSayingSo) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --format svg -o /dev/full");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(has(r.err, "/dev/full: error: cannot write: No space left on device")) << r.err;
}

// A real full file system, so the temporary file itself meets ENOSPC: a tiny
// tmpfs in a private mount namespace, gone when the shell exits.
TEST_F(Robustness, FullFileSystemExitsThreeAndKeepsTheEarlierFile) {
  if (shell("unshare -rm true").status != 0) GTEST_SKIP() << "no user namespaces to mount a small file system";
  write("in.toml", kGood);
  fs::create_directories(dir_ / "small");
  shell(
      "unshare -rm sh -c 'mount -t tmpfs -o size=16k tmpfs small && printf earlier >small/out.svg && "
      "\"$ANNALS\" render in.toml -o small/out.svg 2>err2.txt; echo $? >status.txt; "
      "ls -a small >listing.txt; cat small/out.svg >kept.txt'");
  EXPECT_EQ(slurp(dir_ / "status.txt"), "3\n");
  const std::string err = slurp(dir_ / "err2.txt");
  EXPECT_TRUE(has(err, "small/out.svg: error: cannot write: No space left on device")) << err;
  EXPECT_EQ(slurp(dir_ / "kept.txt"), "earlier");
  EXPECT_EQ(slurp(dir_ / "listing.txt"), ".\n..\nout.svg\n");
}

TEST_F(Robustness, FullDiskOnStandardOutputExitsThree) {
  write("in.toml", kGood);
  shell("\"$ANNALS\" render in.toml --format png -o - >/dev/full 2>err2.txt; echo $? >status.txt; true");
  EXPECT_EQ(slurp(dir_ / "status.txt"), "3\n");
  const std::string err = slurp(dir_ / "err2.txt");
  EXPECT_TRUE(has(err, "standard output: error: cannot write: No space left on device")) << err;
}

TEST_F(Robustness, ClosedPipeExitsThreeWithoutDyingOfSigpipe) {
  write("in.toml", kGood);
  // `true` exits at once, so the pipe is closed long before annals writes.
  shell("(\"$ANNALS\" render in.toml --format svg -o - 2>err2.txt; echo $? >status.txt) | true");
  EXPECT_EQ(slurp(dir_ / "status.txt"), "3\n");
  const std::string err = slurp(dir_ / "err2.txt");
  EXPECT_TRUE(has(err, "standard output: error: cannot write: Broken pipe")) << err;
}

TEST_F(Robustness, OneFailedOutputStillWritesTheOthers) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml -o nowhere/a.svg -o b.pdf");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(fs::file_size(dir_ / "b.pdf") > 0);
}

// ---- inputs ----------------------------------------------------------------

TEST_F(Robustness, MissingInputExitsOneNamingIt) {
  const auto r = annals("render absent.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "absent.toml: error: cannot read: No such file or directory")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

TEST_F(Robustness, InputThatIsAFolderExitsOneSayingSo) {
  fs::create_directories(dir_ / "folder.toml");
  const auto r = annals("render folder.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "folder.toml: error: cannot read: is a directory")) << r.err;
}

TEST_F(Robustness, UnreadableInputExitsOne) {
  outside_the_checkout();
  write("secret.toml", kGood);
  fs::permissions(dir_ / "secret.toml", fs::perms::none);
  const auto r = annals_unprivileged("render secret.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "secret.toml: error: cannot read: Permission denied")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

TEST_F(Robustness, InputThatFailsWhileReadingExitsOne) {
  // Reading a process's own memory at offset 0 fails with EIO, for root too.
  const auto r = annals("render /proc/self/mem -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "/proc/self/mem: error: cannot read:")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

TEST_F(Robustness, BinaryInputIsAnErrorAtItsFirstBadByte) {
  const char text[] = "title = 1\n\xff\xfe\x00\x01";
  write("binary.toml", std::string(text, sizeof text - 1));
  const auto r = annals("render binary.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "binary.toml:2:1: error:")) << r.err;
}

TEST_F(Robustness, NulByteIsAnErrorAtItsPosition) {
  const char text[] = "[[event]]\ntitle = \"a\0b\"\ndate = 1900\n";
  write("nul.toml", std::string(text, sizeof text - 1));
  const auto r = annals("render nul.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "nul.toml:2:11: error:")) << r.err;
}

TEST_F(Robustness, EmptyStandardInputExitsOne) {
  const auto r = annals("render - -o out.svg </dev/null");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "error: no [[event]]")) << r.err;
}

// ---- styles and fonts ------------------------------------------------------

TEST_F(Robustness, StyleExtendingAMissingStyleExitsOneAtItsLine) {
  write("in.toml", kGood);
  write("mine.toml", "# my style\nextends = \"nosuch\"\n");
  const auto r = annals("render in.toml --style mine.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "mine.toml:2:11: error: no built-in style or file named 'nosuch'")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

TEST_F(Robustness, TimelineNamingAMissingStyleFileExitsOneAtItsLine) {
  write("in.toml", "[timeline]\nstyle = \"styles/gone.toml\"\n[[event]]\ntitle = \"a\"\ndate = 1900\n");
  const auto r = annals("check in.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "in.toml:2:9: error:")) << r.err;
  EXPECT_TRUE(has(r.err, "gone.toml")) << r.err;
}

TEST_F(Robustness, MissingStyleOptionSuggestsTheBuiltInStyles) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --style clasic -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "classic")) << r.err;
}

TEST_F(Robustness, MissingFontFamilyFallsBackAndWarns) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --set 'font.family=\"Nonexistent Grotesk\"' -o out.png");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.err, "warning: font family 'Nonexistent Grotesk' is not installed; using '")) << r.err;
  EXPECT_TRUE(fs::file_size(dir_ / "out.png") > 0);
}

TEST_F(Robustness, InstalledFontFamilyDoesNotWarn) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --set 'font.family=\"DejaVu Sans\"' -o out.png");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(has(r.err, "is not installed")) << r.err;
}

TEST_F(Robustness, MissingFontFamilyIsAnErrorWithStrict) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --strict --set 'font.family=\"Nonexistent Grotesk\"' -o out.png");
  EXPECT_EQ(r.status, 1);
  EXPECT_FALSE(fs::exists(dir_ / "out.png"));
}

TEST_F(Robustness, PageTooLargeForPngExitsThreeAndKeepsTheEarlierFile) {
  write("in.toml", kGood);
  write("out.png", "earlier");
  const auto r = annals("render in.toml --width 400in -o out.png");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(has(r.err, "out.png: error:")) << r.err;
  EXPECT_TRUE(has(r.err, "32767")) << r.err;
  EXPECT_EQ(slurp(dir_ / "out.png"), "earlier");
  EXPECT_TRUE(stray_files().empty());
}

TEST_F(Robustness, PageTooLargeForPngStillWritesPdf) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --width 400in -o out.png -o out.pdf");
  EXPECT_EQ(r.status, 3);
  EXPECT_TRUE(fs::file_size(dir_ / "out.pdf") > 0);
}

TEST_F(Robustness, PdfPageBeyondViewerLimitWarns) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --width 250in -o out.pdf");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.err, "out.pdf: warning: the page is 18000 ×")) << r.err;
  EXPECT_TRUE(has(r.err, "14400 pt (200 in)")) << r.err;
}

// ---- size ------------------------------------------------------------------

TEST_F(Robustness, TitleOfTwoHundredThousandCharactersRenders) {
  const std::string huge(200000, 'w');
  write("in.toml", "[timeline]\ntitle = \"" + huge + "\"\n[[event]]\ntitle = \"" + huge +
                       "\"\ndate = 1900\ndescription = \"" + huge + "\"\n");
  const auto start = std::chrono::steady_clock::now();
  const auto r = annals("render in.toml -o out.svg -o out.png");
  EXPECT_EQ(r.status, 0) << r.err.substr(0, 2000);
  EXPECT_LT(std::chrono::steady_clock::now() - start, kSizeLimit);
  EXPECT_TRUE(fs::file_size(dir_ / "out.png") > 0);
}

TEST_F(Robustness, TenThousandLanesRender) {
  write("in.toml", many_events(10000, 10000));
  const auto start = std::chrono::steady_clock::now();
  const auto r = annals("render in.toml -o out.pdf");
  EXPECT_EQ(r.status, 0) << r.err.substr(0, 2000);
  EXPECT_LT(std::chrono::steady_clock::now() - start, kSizeLimit);
  EXPECT_TRUE(fs::file_size(dir_ / "out.pdf") > 0);
}

TEST_F(Robustness, DeeplyNestedArraysAreAnError) {
  write("in.toml", "[[event]]\ntitle = \"a\"\ndate = 1900\ntags = " + std::string(100000, '[') +
                       std::string(100000, ']') + "\n");
  const auto r = annals("check in.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "in.toml:4:")) << r.err;
}

TEST_F(Robustness, DeeplyNestedInlineTablesAreAnError) {
  std::string nested;
  for (int i = 0; i < 50000; ++i) nested += "{a=";
  nested += "1" + std::string(50000, '}');
  write("in.toml", "[[event]]\ntitle = \"a\"\ndate = 1900\nstyle = " + nested + "\n");
  const auto r = annals("check in.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "in.toml:4:")) << r.err;
}

TEST_F(Robustness, DeeplyDottedKeysAreAnError) {
  std::string key;
  for (int i = 0; i < 100000; ++i) key += "a.";
  write("in.toml", "[[event]]\ntitle = \"a\"\ndate = 1900\n[style]\n" + key + "b = 1\n");
  const auto r = annals("check in.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "in.toml:5:")) << r.err;
}

TEST_F(Robustness, DeeplyNestedTableHeadersAreAnError) {
  std::string key;
  for (int i = 0; i < 100000; ++i) key += "a.";
  write("in.toml", "[[event]]\ntitle = \"a\"\ndate = 1900\n[" + key + "b]\nc = 1\n");
  const auto r = annals("check in.toml");
  EXPECT_EQ(r.status, 1);
  EXPECT_TRUE(has(r.err, "in.toml:4:")) << r.err;
}

TEST_F(Robustness, ProgressIsShownOnATerminal) {
  write("in.toml", many_events(6000));
  // `script` gives annals a terminal for standard error.
  const auto r = shell("script -qec '\"$ANNALS\" render in.toml -o out.pdf' /dev/null");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "annals: laying out 6000 events")) << r.out.substr(0, 500);
}

TEST_F(Robustness, ReadingALargeFileShowsProgress) {
  write("in.toml", many_events(30000));  // over 1 MB
  const auto r = shell("script -qec '\"$ANNALS\" render in.toml -o out.pdf' /dev/null");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(has(r.out, "annals: reading in.toml")) << r.out.substr(0, 500);
}

TEST_F(Robustness, ProgressIsSilentOffATerminal) {
  write("in.toml", many_events(6000));
  const auto r = annals("render in.toml -o out.pdf");
  EXPECT_EQ(r.status, 0);
  EXPECT_FALSE(has(r.err, "laying out")) << r.err.substr(0, 500);
}


// ---- interrupts ------------------------------------------------------------

// Starts annals in the test's folder without waiting for it.
pid_t spawn(const fs::path& dir, const std::vector<std::string>& args) {
  const pid_t pid = ::fork();
  if (pid != 0) return pid;
  if (::chdir(dir.c_str()) != 0) ::_exit(127);
  const int null = ::open("/dev/null", O_WRONLY);
  ::dup2(null, STDOUT_FILENO);
  ::dup2(null, STDERR_FILENO);
  std::vector<char*> argv{const_cast<char*>(ANNALS_BINARY)};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  ::execv(ANNALS_BINARY, argv.data());
  ::_exit(127);
}

// Whether `pid` has an output open: an unnamed file (O_TMPFILE, shown as
// "DIR/#INODE (deleted)") or a named temporary in `dir`.
bool writing_output(pid_t pid, const fs::path& dir) {
  std::error_code ec;
  const std::string folder = fs::canonical(dir, ec).string();
  for (const auto& fd : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", ec)) {
    const std::string target = fs::read_symlink(fd.path(), ec).string();
    if (ec || !target.starts_with(folder + "/")) continue;
    if (has(target, "(deleted)") || has(target, ".annals-")) return true;
  }
  return false;
}

// A signal while the output is written, even SIGKILL, leaves no temporary
// file and the earlier output as it was.
TEST_F(Robustness, InterruptWhileWritingLeavesNoTemporaryAndKeepsTheEarlierFile) {
  // The layout dump: one file however many pages the chart takes (an SVG of
  // so many events is a set of numbered files, each written the same way).
  // Long enough to write that the output is seen open; under the sanitizers
  // everything takes several times longer, writing too, so fewer suffice.
#ifdef __SANITIZE_ADDRESS__
  write("in.toml", many_events(10000));
#else
  write("in.toml", many_events(40000));
#endif
  for (const int sig : {SIGINT, SIGKILL, SIGQUIT, SIGUSR1}) {
    write("out.json", "earlier");
    const pid_t pid = spawn(dir_, {"render", "in.toml", "-o", "out.json"});
    ASSERT_GT(pid, 0);
    bool seen = false;
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + 60s;
    while (!seen && std::chrono::steady_clock::now() < deadline) {
      if (::waitpid(pid, &status, WNOHANG) == pid) break;  // finished before we saw the output open
      seen = writing_output(pid, dir_);
      if (!seen) std::this_thread::sleep_for(200us);
    }
    if (seen) {
      ::kill(pid, sig);
      ::waitpid(pid, &status, 0);
    }
    ASSERT_TRUE(seen) << "the output was never seen open (signal " << sig << ")";
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == sig) << sig;
    EXPECT_TRUE(stray_files().empty()) << sig;
    EXPECT_EQ(slurp(dir_ / "out.json"), "earlier") << sig;
    fs::remove(dir_ / "core", ignored_);
  }
}

TEST_F(Robustness, InterruptBeforeWritingLeavesNothing) {
  write("in.toml", many_events(20000));
  const pid_t pid = spawn(dir_, {"render", "in.toml", "-o", "out.svg"});
  ASSERT_GT(pid, 0);
  std::this_thread::sleep_for(300ms);
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT);
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
  EXPECT_TRUE(stray_files().empty());
}

// ---- hostile input (issue #18) ----------------------------------------------

// A timeline of one event per `lines` entry (each a TOML key line or two).
std::string events_with(const std::vector<std::string>& extra) {
  std::string s = "[timeline]\ntitle = \"T\"\nnow = 2020\n";
  for (std::size_t i = 0; i < extra.size(); ++i)
    s += "[[event]]\ntitle = \"e" + std::to_string(i) + "\"\ndate = " + std::to_string(1900 + i) + "\n" +
         extra[i] + "\n";
  return s;
}

TEST_F(Robustness, NulInAUrlIsAnErrorAtItsValueAndNothingIsWritten) {
  write("in.toml", events_with({R"~(url = "https://x/\u0000y")~"}));
  const auto r = annals("render in.toml -o out.pdf -o out.svg");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:7:7: error: a string cannot hold the control character U+0000")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.pdf"));
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

TEST_F(Robustness, ScriptAndDataUrlsAreErrorsAtTheKey) {
  write("in.toml", events_with({R"~(url = "JavaScript:alert(1)")~", R"~(url = "java\tscript:alert(1)")~",
                                R"~(url = "data:text/html,<script>alert(1)</script>")~",
                                R"~(url = "vbscript:msgbox")~", R"~(url = " https://x")~"}));
  const auto r = annals("render in.toml -o out.svg");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:7:7: error: 'url' must be an http, https or mailto link or a relative path, "
                         "not 'JavaScript:'")) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:11:7: error: 'url' cannot hold the control character \\x09")) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:15:7: error: 'url' must be")) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:19:7: error: 'url' must be")) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:23:7: error: 'url' cannot begin or end with a space")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

TEST_F(Robustness, HttpMailtoAndRelativeUrlsBecomeLinks) {
  write("in.toml", events_with({R"~(url = "HTTPS://example.org/a")~", R"~(url = "http://example.org/b")~",
                                R"~(url = "mailto:a@example.org")~", R"~(url = "notes/1789.html#x")~",
                                R"~(url = "#e1")~", R"~(url = "/about?q=a:b")~"}));
  const auto r = annals("render in.toml -o out.svg");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string svg = slurp(dir_ / "out.svg");
  for (const char* url : {"HTTPS://example.org/a", "http://example.org/b", "mailto:a@example.org",
                          "notes/1789.html#x", "#e1", "/about?q=a:b"})
    EXPECT_TRUE(has(svg, std::string("xlink:href=\"") + url + "\"")) << url;
}

// Cairo copies a link's URI into the PDF without escaping it; what reaches
// the file must be one string, read back as it was meant.
TEST_F(Robustness, PdfLinkUrisAreOneEscapedStringEach) {
  write("in.toml", events_with({R"~(url = "https://example.org/) /S /JavaScript /JS (app.alert(1)")~",
                                R"~(url = "https://example.org/a\\")~", R"~(url = "https://example.org/é'(x")~"}));
  const auto r = annals("render in.toml -o out.pdf");
  ASSERT_EQ(r.status, 0) << r.err;
  const auto check = shell("qpdf --check out.pdf");
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  const auto qdf = shell("qpdf --qdf --object-streams=disable out.pdf - | grep -a '/URI (' | sort");
  EXPECT_EQ(qdf.out,
            "    /URI (https://example.org/%29%20/S%20/JavaScript%20/JS%20%28app.alert%281%29)\n"
            "    /URI (https://example.org/%C3%A9%27%28x)\n"
            "    /URI (https://example.org/a%5C)\n");
  EXPECT_FALSE(has(shell("qpdf --qdf --object-streams=disable out.pdf -").out, "/JS (")) << "a script action";
}

TEST_F(Robustness, ControlCharactersInMessagesAreEscaped) {
  write("in.toml", events_with({"lane = \"x\\u001b]0;PWNED\\u0007\""}));
  const auto r = annals("render in.toml -o out.svg");
  EXPECT_EQ(r.status, 1);
  EXPECT_FALSE(has(r.err, "\x1b")) << r.err;
  EXPECT_FALSE(has(r.err, "\x07")) << r.err;
  EXPECT_TRUE(has(r.err, "unknown lane 'x\\x1b]0;PWNED\\x07'")) << r.err;
  // Names from the command line are printed the same way.
  write("good.toml", kGood);
  const auto named = annals("render good.toml -o \"$(printf 'no\\033]0;PWNED\\007where/b.svg')\" --now "
                            "\"$(printf '\\033[31m')\"");
  EXPECT_EQ(named.status, 2) << named.err;
  EXPECT_FALSE(has(named.err, "\x1b")) << named.err;
  EXPECT_TRUE(has(named.err, "--now '\\x1b[31m'")) << named.err;
  const auto missing = annals("render good.toml -o \"$(printf 'no\\033]0;PWNED\\007where/b.svg')\"");
  EXPECT_EQ(missing.status, 3) << missing.err;
  EXPECT_FALSE(has(missing.err, "\x1b")) << missing.err;
  EXPECT_TRUE(has(missing.err, "no\\x1b]0;PWNED\\x07where/b.svg: error: cannot write:")) << missing.err;
}

TEST_F(Robustness, NoncharactersAreErrorsAtTheirStringAndNothingIsWritten) {
  write("in.toml", "[timeline]\ntitle = \"T\\uFFFF\"\nnow = 2020\n[[event]]\ntitle = \"a\\uFFFE\"\ndate = 1900\n"
                   "[[event]]\ntitle = \"b\xEF\xB7\x90\"\ndate = 1901\ndescription = \"c\\U0001FFFF\"\n");
  const auto r = annals("render in.toml -o out.svg -o out.pdf -o out.png");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:2:9: error: a string cannot hold the noncharacter U+FFFF (character 2")) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:5:9: error: a string cannot hold the noncharacter U+FFFE")) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:8:9: error: a string cannot hold the noncharacter U+FDD0")) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:10:15: error: a string cannot hold the noncharacter U+1FFFF")) << r.err;
  for (const char* out : {"out.svg", "out.pdf", "out.png"}) EXPECT_FALSE(fs::exists(dir_ / out)) << out;
}

TEST_F(Robustness, MostNegativeIntegerYearIsARangeError) {
  write("in.toml", events_with({}) + "[[event]]\ntitle = \"x\"\ndate = -9223372036854775808\n");
  const auto r = annals("check in.toml");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:6:8: error: year 9223372036854775808 BCE is outside the supported range"))
      << r.err;
}

TEST_F(Robustness, AbsurdStyleLengthsAreErrorsAtTheirKey) {
  write("in.toml", events_with({}) + "[style]\nevent.span_height = 1e9\n");
  write("big.toml", "[page]\nwidth = \"1e6cm\"\n[marker]\ndash = [1, 2, 3000]\n");
  const auto r = annals("render in.toml -o out.pdf");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:5:21: error: 'event.span_height' must be a length between 0 and 1000 pt; "
                         "found 1000000000")) << r.err;
  const auto style = annals("render in.toml --style big.toml -o out.pdf");
  EXPECT_EQ(style.status, 1) << style.err;
  EXPECT_TRUE(has(style.err, "big.toml:2:9: error: 'page.width' must be a length between 0 and 100000 pt"))
      << style.err;
  EXPECT_TRUE(has(style.err, "big.toml:4:8: error: 'marker.dash' must be")) << style.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.pdf"));
}

TEST_F(Robustness, AbsurdWidthOnTheCommandLineIsAUsageError) {
  write("in.toml", kGood);
  for (const char* width : {"1e308pt", "1e6cm", "inf", "1e400"}) {
    const auto start = std::chrono::steady_clock::now();
    const auto r = annals(std::string("render in.toml --width ") + width + " -o out.json");
    EXPECT_LT(std::chrono::steady_clock::now() - start, 5s) << width;
    EXPECT_EQ(r.status, 2) << width << r.err;
    EXPECT_TRUE(has(r.err, "annals: error: --width: 'page.width' must be a length")) << width << r.err;
    EXPECT_FALSE(fs::exists(dir_ / "out.json")) << width;
  }
}

// `timeout` keeps a regression from hanging the suite: a FIFO without a
// writer would block an open() forever.
TEST_F(Robustness, SpecialFilesAreNeverRead) {
  write("in.toml", kGood);
  ASSERT_EQ(::mkfifo((dir_ / "fifo.toml").c_str(), 0600), 0);
  fs::create_directories(dir_ / "folder.toml");
  const auto input = annals("render fifo.toml -o out.svg");
  EXPECT_EQ(input.status, 1) << input.err;
  EXPECT_TRUE(has(input.err, "fifo.toml: error: cannot read: is a pipe (FIFO), not a regular file")) << input.err;
  for (const std::string style : {"fifo.toml", "/dev/zero", "folder.toml"}) {
    write("named.toml", std::string(kGood) + "\n");
    const auto r = shell("timeout 20 \"$ANNALS\" render in.toml --style " + style + " -o out.svg");
    EXPECT_EQ(r.status, 1) << style << r.err;
    EXPECT_TRUE(has(r.err, style + ": error: cannot read: ")) << style << r.err;
  }
  write("styled.toml", "[timeline]\ntitle = \"T\"\nstyle = \"/dev/zero\"\n[[event]]\ntitle = \"a\"\ndate = 1\n");
  const auto named = shell("timeout 20 \"$ANNALS\" render styled.toml -o out.svg");
  EXPECT_EQ(named.status, 1) << named.err;
  EXPECT_TRUE(has(named.err, "/dev/zero: error: cannot read: is a device, not a regular file")) << named.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

TEST_F(Robustness, InputsAndStylesAreReadWithASizeLimit) {
  write("in.toml", kGood);
  write("huge-style.toml", "# " + std::string(1 << 20, 'x') + "\n");
  const auto style = annals("render in.toml --style huge-style.toml -o out.svg");
  EXPECT_EQ(style.status, 1) << style.err;
  EXPECT_TRUE(has(style.err, "huge-style.toml: error: cannot read: 1048579 bytes, larger than the limit of 1 MiB"))
      << style.err;
  write("big.toml", std::string(kGood) + "# " + std::string(9 << 20, 'x') + "\n");
  const auto safe = annals("render --safe big.toml -o out.svg");
  EXPECT_EQ(safe.status, 1) << safe.err;
  EXPECT_TRUE(has(safe.err, "big.toml: error: cannot read:")) << safe.err;
  EXPECT_TRUE(has(safe.err, "larger than the limit of 8 MiB")) << safe.err;
  const auto piped = shell("\"$ANNALS\" render --safe - -o out.svg < big.toml");
  EXPECT_EQ(piped.status, 1) << piped.err;
  EXPECT_TRUE(has(piped.err, "-: error: cannot read: larger than the limit of 8 MiB")) << piped.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
  EXPECT_EQ(annals("render big.toml -o out.svg").status, 0) << "a regular run reads 9 MiB";
}

// Safe mode, for a service that renders timelines others wrote: a timeline
// may name only built-in styles and files in its own folder.
TEST_F(Robustness, SafeModeReadsStylesOnlyFromBuiltInsAndTheTimelinesFolder) {
  write("outside.toml", "[event]\nmarker = \"diamond\"\n");
  write("site/own.toml", "[event]\nmarker = \"square\"\n");
  write("site/escape.toml", "extends = \"../outside.toml\"\n");
  fs::create_symlink(dir_ / "outside.toml", dir_ / "site" / "link.toml");
  auto timeline = [&](const std::string& style) {
    write("site/in.toml", "[timeline]\ntitle = \"T\"\nstyle = \"" + style + "\"\n[[event]]\ntitle = \"a\"\ndate = 1\n");
  };
  for (const std::string style : {"/etc/passwd", "../outside.toml", "/proc/self/environ", "link.toml"}) {
    timeline(style);
    for (const std::string how : {"\"$ANNALS\" render --safe", "ANNALS_SAFE=1 \"$ANNALS\" render"}) {
      const auto r = shell(how + " site/in.toml -o out.svg");
      EXPECT_EQ(r.status, 1) << style << r.err;
      EXPECT_TRUE(has(r.err, "site/in.toml:3:9: error: safe mode: style '" + style + "' is neither a built-in nor "
                             "a file in")) << style << r.err;
      EXPECT_FALSE(has(r.err, "root:x:0") || has(r.err, "PATH=")) << "nothing of the file is shown: " << r.err;
    }
  }
  timeline("escape.toml");
  const auto chained = annals("render --safe site/in.toml -o out.svg");
  EXPECT_EQ(chained.status, 1) << chained.err;
  EXPECT_TRUE(has(chained.err, "site/escape.toml:1:11: error: safe mode: style '../outside.toml'")) << chained.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
  for (const std::string style : {"own.toml", "own", "classic"}) {
    timeline(style);
    const auto r = annals("render --safe site/in.toml -o out.svg");
    EXPECT_EQ(r.status, 0) << style << r.err;
  }
  timeline("../outside.toml");
  EXPECT_EQ(annals("render site/in.toml -o out.svg").status, 0) << "a regular run reads what the user names";
  EXPECT_EQ(annals("render --safe --style outside.toml site/in.toml -o out.svg").status, 0)
      << "--style is the operator's own choice";
}

// A few bytes of style must not ask for gigabytes: a PNG is held whole.
TEST_F(Robustness, PngBeyondTheMegapixelBudgetExitsThreeAtOnce) {
  write("in.toml", kGood);
  write("square.toml", "[page]\nsize = \"custom\"\nwidth = 16000\nheight = 16000\n");
  const auto start = std::chrono::steady_clock::now();
  const auto r = annals("render in.toml --style square.toml -o out.png -o out.pdf");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_EQ(r.status, 3) << r.err;
  EXPECT_TRUE(has(r.err, "out.png: error: the page is 32000 × 32000 px at 144 dpi, beyond the 150-megapixel "
                         "limit of PNG rendering")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.png"));
  EXPECT_TRUE(fs::exists(dir_ / "out.pdf"));
}

TEST_F(Robustness, MoreLanesThanTheBudgetAreAnErrorAtTheFirstOneBeyond) {
  std::string text = "[timeline]\ntitle = \"T\"\n";
  for (int i = 0; i < 20'001; ++i) text += "[[lane]]\nid = \"l" + std::to_string(i) + "\"\n";
  write("in.toml", text + "[[event]]\ntitle = \"a\"\ndate = 1\nlane = \"l0\"\n");
  const auto start = std::chrono::steady_clock::now();
  const auto r = annals("render in.toml -o out.svg");
  EXPECT_LT(std::chrono::steady_clock::now() - start, kSizeLimit);
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_TRUE(has(r.err, "in.toml:40003:1: error: more than 20000 lanes")) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "out.svg"));
}

// Lengths at their ceilings over a few thousand lanes ask for a page Cairo
// cannot draw (it crashed beyond 2^23 pt): each vector output says so.
TEST_F(Robustness, PageBeyondWhatCairoCanDrawExitsThreeForEachVectorOutput) {
  // A named page is never enlarged: a page of a given width grows with its content
  // (font.min_size at the body size, so the type is not scaled down first).
  std::string text = "[timeline]\ntitle = \"T\"\n[style]\nlane.padding = 1000\nevent.span_height = 1000\n"
                     "event.row_gap = 1000\nfont.min_size = 9\npage.size = \"auto\"\npage.width = 1190.55\n";
  for (int i = 0; i < 2000; ++i) text += "[[lane]]\nid = \"l" + std::to_string(i) + "\"\n";
  for (int i = 0; i < 2000; ++i)
    text += "[[event]]\ntitle = \"e\"\nstart = 1900\nend = 1950\nlane = \"l" + std::to_string(i) + "\"\n";
  write("in.toml", text);
  const auto r = annals("render in.toml -q -o out.pdf -o out.svg -o out.json");
  EXPECT_EQ(r.status, 3) << r.err;
  for (const char* out : {"out.pdf", "out.svg"}) {
    EXPECT_TRUE(has(r.err, std::string(out) + ": error: the page is 1191 × 6001283 pt, beyond the 4000000 pt per "
                           "side that Cairo can draw")) << r.err;
    EXPECT_FALSE(fs::exists(dir_ / out)) << out;
  }
  EXPECT_TRUE(fs::exists(dir_ / "out.json"));
}

TEST_F(Robustness, SetValueThatWouldDecodeToANulStaysTheTextWritten) {
  write("in.toml", kGood);
  const auto r = annals("render in.toml --set 'title.font=\"\\u0000x\"' -o out.json");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(has(r.err, "font family '\"\\u0000x\"' is not installed")) << r.err;
  EXPECT_FALSE(has(slurp(dir_ / "out.json"), std::string(1, '\0')));
}

}  // namespace
