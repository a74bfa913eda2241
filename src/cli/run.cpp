#include "cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "annals/annals.h"
#include "base/strings.h"
#include "base/suggest.h"
#include "cli/atomic_write.h"
#include "cli/report.h"
#include "cli/watch.h"
#include "style/builtin.h"

#ifndef ANNALS_VERSION
#define ANNALS_VERSION "0.0.0"
#endif

namespace annals::cli {

namespace {

constexpr int kOk = 0;
constexpr int kBadInput = 1;
constexpr int kUsage = 2;
constexpr int kCannotWrite = 3;

// Every message goes through one Reporter, so --quiet and the form are the same for all.
Reporter reporter_for(const Command& c) {
  const char* no_color = std::getenv("NO_COLOR");
  return Reporter(c, ::isatty(STDERR_FILENO) != 0, no_color != nullptr && *no_color != '\0');
}

void print_error(SourceLocation where, std::string message, std::vector<Note> notes = {}) {
  Diagnostics diags;
  diags.error(std::move(where), std::move(message), std::move(notes));
  std::fputs(format(diags.all().front()).c_str(), stderr);
}

// Progress on a terminal only, for runs long enough to need it (FORMAT.md §3).
// A run counts as long from 5000 events, or from a 1 MB input while it is read.
class Progress {
 public:
  explicit Progress(bool quiet) : allowed_(!quiet && ::isatty(STDERR_FILENO)) {}
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  void expect_events(std::size_t events) { on_ = on_ || (allowed_ && events >= 5000); }
  void expect_bytes(std::uintmax_t bytes) { on_ = on_ || (allowed_ && bytes >= 1'000'000); }
  void say(const std::string& what) const {
    if (on_) std::fputs(fmt::format("\r\033[Kannals: {}", printable(what)).c_str(), stderr);
  }
  void clear() const {
    if (on_) std::fputs("\r\033[K", stderr);
  }
  ~Progress() { clear(); }

 private:
  bool allowed_;
  bool on_ = false;
};

std::uintmax_t size_of(const std::string& input) {
  std::error_code ec;
  const auto size = input == "-" ? 0 : std::filesystem::file_size(input, ec);
  return ec ? 0 : size;
}

std::string stem_of(const std::string& input) {
  if (input == "-") return "timeline";
  return std::filesystem::path(input).stem().string();
}

// The command line as the library's request for one input.
Request request_for(const Command& c, const std::string& input) {
  Request r;
  r.input = input;
  r.style = c.style;
  r.sets = c.sets;
  r.page = c.page;
  r.width = c.width;
  r.height = c.height;
  r.now = c.now;
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) r.source_date_epoch = epoch;
  if (c.dpi) r.dpi = *c.dpi;
  r.id_prefix = c.id_prefix;
  r.safe = c.safe;
  r.strict = c.strict;
  r.creator = "annals " ANNALS_VERSION;
  return r;
}

// FORMAT.md §3: 0 ok, 1 bad input, 2 bad command line, 3 output not written.
int exit_code(Status s) {
  switch (s) {
    case Status::ok: return kOk;
    case Status::bad_input: return kBadInput;
    case Status::bad_request: return kUsage;
    case Status::not_drawn: return kCannotWrite;
  }
  return kBadInput;
}

std::optional<Format> format_named(std::string_view name) {
  if (name == "svg") return Format::svg;
  if (name == "pdf") return Format::pdf;
  if (name == "png") return Format::png;
  if (name == "json") return Format::json;
  return std::nullopt;
}

const char* format_name(Format f) {
  switch (f) {
    case Format::svg: return "svg";
    case Format::pdf: return "pdf";
    case Format::png: return "png";
    case Format::json: return "json";
  }
  return "svg";
}

std::optional<Format> format_of(const Command& c, const std::string& output) {
  if (!c.format.empty()) return format_named(c.format);
  const std::string ext = lowercase(std::filesystem::path(output).extension().string());  // m.SVG, m.Pdf
  if (ext.size() < 2 || ext.front() != '.') return std::nullopt;
  return format_named(std::string_view(ext).substr(1));
}

// Where an input's outputs go without -o: --output-dir, else beside the input
// with -O (as dot -O; standard input to the current folder), else output/
// (FORMAT.md §3).
std::filesystem::path folder_for(const Command& c, const std::string& input) {
  if (!c.output_dir.empty()) return c.output_dir;
  if (!c.batch) return "output";
  if (input == "-") return {};
  return std::filesystem::path(input).parent_path();
}

struct Target {
  std::string path;
  Format format;
};

// Whether writing `output` would replace `input`: the same file (device and
// inode, so links and other spellings count) or, when one of them does not
// exist yet, the same path.
bool same_file(const std::string& output, const std::string& input) {
  namespace fs = std::filesystem;
  if (output == "-" || input == "-") return false;
  std::error_code ec1, ec2;
  if (fs::exists(output, ec1) && fs::exists(input, ec2)) return fs::equivalent(output, input, ec1) && !ec1;
  const fs::path a = fs::weakly_canonical(output, ec1), b = fs::weakly_canonical(input, ec2);
  if (ec1 || ec2) return fs::path(output).lexically_normal() == fs::path(input).lexically_normal();
  return a == b;
}

// The files a render reads that an output must not replace: the timelines
// and a --style file. Returns the one `output` would overwrite, or "".
std::string input_overwritten_by(const Command& c, const std::string& output) {
  for (const auto& input : c.inputs)
    if (same_file(output, input)) return input;
  std::error_code ec;
  if (!c.style.empty() && std::filesystem::is_regular_file(c.style, ec) && same_file(output, c.style))
    return c.style;
  return "";
}

// The file of page `number` (from 1) of a chart of several pages: the
// number after the stem, "-" between ("out/chart.png" → "out/chart-2.png").
std::string page_path(const std::string& path, std::size_t number) {
  const std::filesystem::path p(path);
  std::filesystem::path named = p.parent_path() / (p.stem().string() + "-" + std::to_string(number));
  named += p.extension();
  return named.string();
}

// How one render ended: its exit status and the files it read.
struct Rendered {
  int status = kOk;
  std::vector<std::string> files;
};

// Renders one input to its targets with the shared engine; writes each output
// as soon as it is drawn, so only one format's bytes are held at a time.
Rendered render_one(const Command& c, const std::string& input, const std::vector<Target>& targets,
                    const Engine& engine, Reporter& report) {
  Request request = request_for(c, input);
  for (const auto& t : targets) request.outputs.push_back({t.format, t.path});

  Progress progress(c.quiet);
  progress.expect_bytes(size_of(input));
  Diagnostics not_written;
  std::vector<std::string> written;
  Hooks hooks;
  hooks.step = [&](Step step, std::size_t count) {
    switch (step) {
      case Step::read: progress.say(fmt::format("reading {}", input)); break;
      case Step::layout:
        progress.expect_events(count);
        progress.say(fmt::format("laying out {} events", count));
        break;
      case Step::draw: progress.say(fmt::format("drawing {}", format_name(targets[count].format))); break;
    }
  };
  hooks.output = [&](std::size_t i, std::string_view bytes) {
    const Target& t = targets[i];
    progress.say(fmt::format("writing {}", t.path));
    const std::string err = t.path == "-" ? write_stdout(bytes) : write_file_atomically(t.path, bytes);
    if (err.empty() && t.path != "-") written.push_back(t.path);
    if (!err.empty())
      not_written.error({t.path == "-" ? "standard output" : t.path, 0, 0}, fmt::format("cannot write: {}", err));
  };
  // A chart of several pages as SVG or PNG: name.png → name-1.png, name-2.png…
  hooks.page = [&](std::size_t i, std::size_t page, std::string_view bytes) {
    const Target& t = targets[i];
    if (t.path == "-") {
      if (page == 0)
        not_written.error({"standard output", 0, 0},
                          fmt::format("cannot write: the chart takes several pages, one {} file each; name a file "
                                      "with -o (NAME.{} becomes NAME-1.{}, NAME-2.{}…) or write a PDF",
                                      format_name(t.format), format_name(t.format), format_name(t.format),
                                      format_name(t.format)));
      return;
    }
    const std::string path = page_path(t.path, page + 1);
    progress.say(fmt::format("writing {}", path));
    const std::string err = write_file_atomically(path, bytes);
    if (err.empty()) written.push_back(path);
    else not_written.error({path, 0, 0}, fmt::format("cannot write: {}", err));
  };
  Result result = engine.render(request, hooks);
  progress.clear();
  report.print(result.diagnostics);
  report.print(not_written);
  // After the progress line is gone, so the names stay on screen; a script has them already.
  if (!c.quiet && ::isatty(STDERR_FILENO))
    for (const auto& path : written) std::fputs(fmt::format("annals: wrote {}\n", printable(path)).c_str(), stderr);
  return {std::max(exit_code(result.status), not_written.has_errors() ? kCannotWrite : kOk),
          std::move(result.files)};
}

// Every input's outputs, planned before any work so that a wrong line fails
// before anything is written: kOk, or the exit status of the mistake.
int plan_outputs(const Command& c, std::vector<std::vector<Target>>& plans) {
  for (const auto& input : c.inputs) {
    std::vector<Target> targets;
    if (c.outputs.empty()) {
      std::vector<std::string> formats = c.formats;
      if (formats.empty()) formats.push_back(c.format.empty() ? "svg" : c.format);
      for (const auto& format : formats) {
        const std::string name = stem_of(input) + "." + format;
        if (std::find_if(targets.begin(), targets.end(), [&](const Target& t) {
              return std::filesystem::path(t.path).filename() == name;
            }) != targets.end())
          continue;  // -T svg,svg
        targets.push_back({(folder_for(c, input) / name).string(), *format_named(format)});
      }
    }
    for (const auto& o : c.outputs) {
      auto f = format_of(c, o);
      if (!f) {
        print_error({}, fmt::format("cannot tell the format of '{}' from its extension; "
                                    "use .svg, .pdf, .png or .json, or --format",
                                    o));
        return kUsage;
      }
      targets.push_back({o, *f});
    }
    // A command-line mistake (2), found before anything is read or written.
    for (const auto& t : targets) {
      const std::string read = input_overwritten_by(c, t.path);
      if (read.empty()) continue;
      std::vector<Note> notes;
      if (read != t.path) notes.push_back({fmt::format("it is the same file as '{}'", read), {}});
      print_error({t.path, 0, 0}, "the output would overwrite the input", std::move(notes));
      return kUsage;
    }
    plans.push_back(std::move(targets));
  }
  if (c.outputs.empty() && (!c.batch || !c.output_dir.empty())) {
    const std::string folder = folder_for(c, "").string();
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      print_error({folder, 0, 0}, fmt::format("cannot create the output folder: {}", ec.message()));
      return kCannotWrite;
    }
  }
  return kOk;
}

}  // namespace

int run_render(const Command& c) {
  std::vector<std::vector<Target>> plans;
  if (const int status = plan_outputs(c, plans); status != kOk) return status;

  // The engine keeps every shaped label so drawing reuses the layout's
  // shaping. Tearing 100k of them down costs a sixth of a large run just
  // before the process ends, so it is left to the operating system: main()
  // ends a render with std::_Exit. Sanitized builds tear down, to be leak-checked.
#ifdef ANNALS_FULL_TEARDOWN
  const Engine engine;
#else
  const auto& engine = *new Engine;
#endif
  Reporter report = reporter_for(c);
  int worst = kOk;
  for (std::size_t i = 0; i < c.inputs.size(); ++i) {
    const int status = render_one(c, c.inputs[i], plans[i], engine, report).status;
    if (status > worst) worst = status;
  }
  report.print_count();
  return worst;
}

int run_watch(const Command& c) {
  std::vector<std::vector<Target>> plans;
  if (const int status = plan_outputs(c, plans); status != kOk) return status;
  const std::string& input = c.inputs.front();
  const bool terminal = !c.quiet && ::isatty(STDERR_FILENO);

  FileWatch watch;
  if (!watch.ok()) {
    print_error({}, fmt::format("cannot watch files: {}", watch.error()));
    return kBadInput;
  }
  // One engine for the whole watch: each render reuses the text shaped before.
  const Engine engine;
  // What the last render read, kept while a broken edit reads less (a timeline
  // that no longer parses never names its style): a fix to either is seen.
  std::vector<std::string> watched, announced;
  while (true) {
    const FileWatch::Clock::time_point began = FileWatch::Clock::now();
    Reporter report = reporter_for(c);
    Rendered r = render_one(c, input, plans.front(), engine, report);
    report.print_count();
    if (r.status == kOk) {
      watched = r.files;  // a good render reads exactly these
    } else {
      for (const auto& f : r.files)
        if (std::find(watched.begin(), watched.end(), f) == watched.end()) watched.push_back(f);
    }
    if (std::find(watched.begin(), watched.end(), input) == watched.end()) watched.insert(watched.begin(), input);
    watch.set(watched);
    if (terminal && watched != announced)
      std::fputs(fmt::format("annals: watching {} file{}; Ctrl-C stops\n", watched.size(),
                             watched.size() == 1 ? "" : "s")
                     .c_str(),
                 stderr);
    announced = watched;
    // A change made while rendering, before the watches were set, is not lost.
    if (FileWatch::changed_since(watched, began)) continue;
    switch (watch.wait()) {
      case FileWatch::Wake::changed: continue;
      case FileWatch::Wake::stopped: return kOk;
      case FileWatch::Wake::failed:
        print_error({}, fmt::format("cannot watch files: {}", watch.error()));
        return kBadInput;
    }
  }
}

int run_check(const Command& c) {
  Reporter report = reporter_for(c);
  int worst = kOk;
  for (const auto& input : c.inputs) {
    const Result result = check(request_for(c, input));
    report.print(result.diagnostics);
    worst = std::max(worst, exit_code(result.status));
  }
  report.print_count();
  return worst;
}

namespace {

// A style file opens with a comment saying what it is for: its first sentence
// (possibly over several comment lines), without the "annals — name:" prefix.
std::string summary_of(std::string_view text) {
  std::string paragraph;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t eol = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.empty() || line.front() != '#') break;
    line.remove_prefix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty()) {
      if (paragraph.empty()) continue;
      break;
    }
    if (!paragraph.empty()) paragraph += ' ';
    paragraph += line;
  }
  if (const auto colon = paragraph.find(": "); colon != std::string::npos && colon < 30)
    paragraph.erase(0, colon + 2);
  else if (const auto dash = paragraph.find("— "); dash != std::string::npos && dash < 12)
    paragraph.erase(0, dash + std::string_view("— ").size());
  if (const auto stop = paragraph.find(". "); stop != std::string::npos) paragraph.resize(stop + 1);
  return paragraph;
}

}  // namespace

int run_styles(const Command& c) {
  if (c.style_name.empty()) {
    std::string out;
    for (const auto& s : style::builtin_styles())
      out += fmt::format("{:<10} {}\n", s.name, summary_of(s.text));
    return write_stdout(out).empty() ? kOk : kCannotWrite;
  }
  if (auto text = style::builtin_style_text(c.style_name))
    return write_stdout(*text).empty() ? kOk : kCannotWrite;

  std::vector<std::string_view> names;
  for (const auto& s : style::builtin_styles()) names.push_back(s.name);
  std::vector<Note> notes;
  if (auto near = nearest(c.style_name, names); !near.empty())
    notes.push_back({fmt::format("did you mean '{}'?", near), {}});
  notes.push_back({"'annals styles' lists them", {}});
  print_error({}, fmt::format("no built-in style named '{}'", c.style_name), std::move(notes));
  return kBadInput;
}

}  // namespace annals::cli
