#include "cli/run.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include <fmt/format.h>

#include "base/diagnostics.h"
#include "base/suggest.h"
#include "cli/atomic_write.h"
#include "dates/date.h"
#include "layout/layout.h"
#include "layout/resolve.h"
#include "load/load.h"
#include "render/render.h"
#include "scene/scene.h"
#include "style/builtin.h"
#include "style/style.h"

#ifndef ANNALS_VERSION
#define ANNALS_VERSION "0.0.0"
#endif

namespace annals::cli {

namespace {

constexpr int kOk = 0;
constexpr int kBadInput = 1;
constexpr int kUsage = 2;
constexpr int kCannotWrite = 3;

void print(const Diagnostics& diags, bool quiet) {
  for (const auto& d : diags.all()) {
    if (quiet && d.severity != Severity::error) continue;
    std::fputs(format(d).c_str(), stderr);
  }
}

void usage_error(const std::string& message) {
  std::fputs(fmt::format("annals: error: {}\n", printable(message)).c_str(), stderr);
}

// Problems of command-line values have no file position: their location
// names the option ("--page", "--set KEY=VALUE"), printed as
// "annals: error: --page: ...".
void print_command_line(const Diagnostics& diags, bool quiet) {
  for (Diagnostic d : diags.all()) {
    if (quiet && d.severity != Severity::error) continue;
    const std::string option = d.where.file;
    if (!option.empty()) d.message = fmt::format("{}: {}", option, d.message);
    for (auto& n : d.notes)
      if (n.where.file == option) n.where = {};
    d.where = {};
    std::fputs(format(d).c_str(), stderr);
  }
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
    if (on_) std::fputs(fmt::format("\r\033[Kannals: {}", what).c_str(), stderr);
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

// Where paths written in the input are relative to; "" for the current folder,
// so that they are printed as written.
std::string folder_of(const std::string& input) {
  if (input == "-") return "";
  return std::filesystem::path(input).parent_path().string();
}

std::string stem_of(const std::string& input) {
  if (input == "-") return "timeline";
  return std::filesystem::path(input).stem().string();
}

// The chosen "now" and where it came from, for notes about "present".
struct Now {
  dates::Date date;
  Note origin;
};

// A `now` must be a certain date in the supported range; "" when it is.
std::string now_problem(const dates::Date& d) {
  if (d.present) return "'now' must be a date, not 'present'";
  if (d.approximate || d.uncertain) return "'now' cannot be approximate or uncertain; write the date itself";
  return "";
}

// SOURCE_DATE_EPOCH as a date; a number beyond 9999 CE (or before 9999 BCE)
// is the range error a date written there would be.
std::optional<dates::Date> epoch_date(const char* text, Diagnostics& diags) {
  char* end = nullptr;
  errno = 0;
  const long long seconds = std::strtoll(text, &end, 10);
  const bool number = end != text && end && *end == '\0';
  constexpr long long kFar = 1LL << 60;  // civil arithmetic cannot overflow well inside this
  if (number && errno == 0 && seconds > -kFar && seconds < kFar) {
    const dates::Seconds first = dates::seconds_from_civil({dates::kMinYear, 1, 1, 0, 0, 0});
    const dates::Seconds after = dates::seconds_from_civil({dates::kMaxYear + 1, 1, 1, 0, 0, 0});
    if (seconds >= first && seconds < after) return dates::from_epoch_seconds(seconds);
    usage_error(fmt::format("SOURCE_DATE_EPOCH='{}': year {} is outside the supported range {}", text,
                            dates::year_label(dates::civil_from_seconds(seconds).year), dates::kRangeText));
    return std::nullopt;
  }
  if (number && (errno == 0 || errno == ERANGE)) {
    usage_error(fmt::format("SOURCE_DATE_EPOCH='{}': the date is outside the supported range {}", text,
                            dates::kRangeText));
    return std::nullopt;
  }
  diags.warning({}, fmt::format("SOURCE_DATE_EPOCH='{}' is not a number of seconds; using today", text));
  return dates::from_epoch_seconds(static_cast<std::int64_t>(std::time(nullptr)));
}

// What "present" means: --now, the file's now, SOURCE_DATE_EPOCH, today (FORMAT.md §1.5).
std::optional<Now> choose_now(const Command& c, const model::Timeline& t, Diagnostics& diags) {
  if (!c.now.empty()) {
    const auto parsed = dates::parse(c.now);
    if (const auto* err = std::get_if<dates::ParseError>(&parsed)) {
      usage_error(fmt::format("--now '{}': {}", c.now, err->message));
      return std::nullopt;
    }
    const auto& d = std::get<dates::Date>(parsed);
    if (const std::string problem = now_problem(d); !problem.empty()) {
      usage_error(fmt::format("--now '{}': {}", c.now, problem));
      return std::nullopt;
    }
    return Now{d, {fmt::format("from --now {}", c.now), {}}};
  }
  if (t.header.now) return Now{t.header.now->date, {"from the file's 'now'", t.header.now->where}};
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    auto d = epoch_date(epoch, diags);
    if (!d) return std::nullopt;
    return Now{*d, {fmt::format("from SOURCE_DATE_EPOCH={}", epoch), {}}};
  }
  return Now{dates::from_epoch_seconds(static_cast<std::int64_t>(std::time(nullptr))), {"today's date", {}}};
}

struct Prepared {
  std::optional<model::Timeline> timeline;  // set once the file could be read
  std::optional<style::Style> style;        // set once the style could be read
  PropertySheet command_line;
  dates::Date now;
};

// Loads the timeline and its style and applies the cascade's outer layers.
// Returns the exit status to stop with, or nullopt to go on. What was read
// stays in `out` even when it stops, so that check can report more.
std::optional<int> prepare(const Command& c, const std::string& input, Diagnostics& diags,
                           Prepared& out) {
  out.timeline = load::timeline_file(input, diags, read_options(c));
  if (!out.timeline) return kBadInput;
  const model::Timeline& timeline = *out.timeline;

  // Command-line values are checked apart from the files: a bad one is a usage error.
  Diagnostics cli_diags;
  for (const auto& s : c.sets) {
    if (auto p = load::command_line_property(s, cli_diags)) out.command_line.push_back(std::move(*p));
  }
  auto add_cli = [&out](const char* option, std::string key, std::string value) {
    out.command_line.insert(out.command_line.begin(),
                            Property{std::move(key), std::move(value), SourceLocation{option, 0, 0}});
  };
  if (!c.width.empty()) {
    add_cli("--width", "page.width", c.width);
    if (c.page.empty()) add_cli("--width", "page.size", "auto");
  }
  if (!c.page.empty()) add_cli("--page", "page.size", c.page);

  std::string style_name = "default";
  std::string style_dir;  // --style is relative to the current folder
  SourceLocation style_where{"--style", 0, 0};
  if (!c.style.empty()) {
    style_name = c.style;
  } else if (!timeline.header.style.empty()) {
    style_name = timeline.header.style;
    style_dir = folder_of(input);
    style_where = timeline.header.style_where;
  }
  out.style = load::style_named(style_name, style_dir, style_where, diags, read_options(c));
  if (out.style) {
    style::apply(*out.style, timeline.style, diags);
    style::apply(*out.style, out.command_line, cli_diags);
  }
  // A bad value is a usage error (2); an unknown key is a warning, which
  // --strict fails like any other warning (1).
  const bool usage = cli_diags.has_errors();
  if (c.strict) cli_diags.promote_warnings();
  print_command_line(cli_diags, c.quiet);
  if (usage) return kUsage;

  const auto now = choose_now(c, timeline, diags);
  if (!now) return kUsage;
  out.now = now->date;
  load::check_present(timeline, now->date, now->origin, diags);

  if (c.strict) diags.promote_warnings();
  if (cli_diags.has_errors() || diags.has_errors() || !out.style) return kBadInput;
  return std::nullopt;
}

// The styles that render resolves while laying out (each lane's, each
// event's own and inline keys, each era's and marker's), resolved the same
// way without laying out, so that check reports what render would.
void check_styles(const Prepared& p, Diagnostics& diags) {
  (void)layout::resolve(*p.timeline, *p.style, p.now, p.command_line, diags);
  for (const auto& era : p.timeline->eras) (void)style::era_style(*p.style, era.style, diags);
  for (const auto& marker : p.timeline->markers) (void)style::marker_style(*p.style, marker.style, diags);
}

std::optional<std::string> format_of(const Command& c, const std::string& output) {
  if (!c.format.empty()) return c.format;
  std::string ext = std::filesystem::path(output).extension().string();
  for (char& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));  // m.SVG, m.Pdf
  for (const char* f : {"svg", "pdf", "png", "json"})
    if (ext == std::string(".") + f) return std::string(f);
  return std::nullopt;
}

struct Target {
  std::string path;
  std::string format;
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

// Pango quietly substitutes a font that is not installed; a user who named
// one should hear which font is drawn instead.
void warn_missing_fonts(const scene::Scene& scene, const render::Renderer& renderer,
                        const std::string& input, Diagnostics& diags) {
  std::set<std::string> seen;
  for (const auto& shape : scene.shapes) {
    const auto* text = std::get_if<scene::Text>(&shape);
    if (!text || !seen.insert(text->font.family).second) continue;
    if (renderer.has_family(text->font.family)) continue;
    diags.warning({input, 0, 0},
                  fmt::format("font family '{}' is not installed; using '{}'", text->font.family,
                              renderer.family_used(text->font)));
  }
}

// PDF 1.7 (Annex C) limits a page to 14400 units per side; Acrobat and most
// viewers refuse or crop larger pages, which Cairo writes without complaint.
constexpr double kPdfMaxSide = 14400;

void warn_beyond_pdf_limit(const scene::Scene& scene, const std::string& path, bool quiet,
                           const Progress& progress) {
  if (quiet || (scene.width <= kPdfMaxSide && scene.height <= kPdfMaxSide)) return;
  progress.clear();
  std::fputs(printable(fmt::format("{}: warning: the page is {:.0f} × {:.0f} pt, beyond the {:.0f} pt (200 in) per "
                                   "side that PDF viewers show; split the timeline, narrow its dates, or use SVG",
                                   path, scene.width, scene.height, kPdfMaxSide))
                 .append("\n")
                 .c_str(),
             stderr);
}

int render_one(const Command& c, const std::string& input, const std::vector<Target>& targets,
               const render::Renderer& renderer) {
  Diagnostics diags;
  Prepared p;
  Progress progress(c.quiet);
  progress.expect_bytes(size_of(input));
  progress.say(fmt::format("reading {}", input));
  const auto stop = prepare(c, input, diags, p);
  progress.clear();
  diags.sort_by_position();
  if (stop) {
    print(diags, c.quiet);
    return *stop;
  }

  progress.expect_events(p.timeline->events.size());
  progress.say(fmt::format("laying out {} events", p.timeline->events.size()));
  layout::Options options{p.now, p.command_line, "annals " ANNALS_VERSION};
  const scene::Scene scene = layout::layout(*p.timeline, *p.style, options, renderer.measurer(), diags);
  // The scene holds all that is drawn: the model's memory goes back before drawing.
  p.timeline.reset();
  warn_missing_fonts(scene, renderer, input, diags);
  if (c.strict) diags.promote_warnings();
  progress.clear();
  print(diags, c.quiet);
  if (diags.has_errors()) return kBadInput;

  render::Options render_options;
  if (c.dpi) render_options.dpi = *c.dpi;

  std::map<std::string, std::string> bytes_by_format;  // lay out once, draw each format once
  int status = kOk;
  for (const auto& t : targets) {
    auto it = bytes_by_format.find(t.format);
    if (it == bytes_by_format.end()) {
      progress.say(fmt::format("drawing {}", t.format));
      std::string bytes;
      if (t.format == "json") {
        bytes = scene::to_json(scene);
      } else {
        const auto f = t.format == "svg" ? render::Format::svg
                       : t.format == "pdf" ? render::Format::pdf
                                           : render::Format::png;
        auto out = renderer.render(scene, f, render_options);
        if (!out.ok()) {
          progress.clear();
          std::fputs(printable(fmt::format("{}: error: {}", t.path, out.error)).append("\n").c_str(), stderr);
          status = kCannotWrite;
          continue;
        }
        bytes = std::move(out.bytes);
      }
      it = bytes_by_format.emplace(t.format, std::move(bytes)).first;
    }
    if (t.format == "pdf") warn_beyond_pdf_limit(scene, t.path, c.quiet, progress);
    progress.say(fmt::format("writing {}", t.path));
    const std::string err =
        t.path == "-" ? write_stdout(it->second) : write_file_atomically(t.path, it->second);
    if (!err.empty()) {
      progress.clear();
      const std::string name = t.path == "-" ? "standard output" : t.path;
      std::fputs(printable(fmt::format("{}: error: cannot write: {}", name, err)).append("\n").c_str(), stderr);
      status = kCannotWrite;
    }
    // Keep a format's bytes only while a later target still writes them.
    const bool again = std::any_of(&t + 1, targets.data() + targets.size(),
                                   [&](const Target& later) { return later.format == t.format; });
    if (!again) bytes_by_format.erase(it);
  }
  return status;
}

}  // namespace

int run_render(const Command& c) {
  // Plan every output before any work, so a wrong line fails before anything is written.
  std::vector<std::vector<Target>> plans;
  for (const auto& input : c.inputs) {
    std::vector<Target> targets;
    if (c.outputs.empty()) {
      const std::string format = c.format.empty() ? "svg" : c.format;
      targets.push_back({(std::filesystem::path("output") / (stem_of(input) + "." + format)).string(), format});
    }
    for (const auto& o : c.outputs) {
      auto f = format_of(c, o);
      if (!f) {
        usage_error(fmt::format("cannot tell the format of '{}' from its extension; "
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
      std::string message = fmt::format("{}: error: the output would overwrite the input\n", t.path);
      if (read != t.path) message += fmt::format("{}: note: it is the same file as '{}'\n", t.path, read);
      std::fputs(printable(message, true).c_str(), stderr);
      return kUsage;
    }
    plans.push_back(std::move(targets));
  }
  if (c.outputs.empty()) {
    std::error_code ec;
    std::filesystem::create_directories("output", ec);
    if (ec) {
      std::fputs(fmt::format("output: error: cannot create the output folder: {}\n", ec.message()).c_str(),
                 stderr);
      return kCannotWrite;
    }
  }

  // The renderer keeps every shaped label so drawing reuses the layout's
  // shaping. Tearing 100k of them down costs a sixth of a large run just
  // before the process ends, so it is left to the operating system: main()
  // ends a render with std::_Exit. Sanitized builds tear down, to be leak-checked.
#ifdef ANNALS_FULL_TEARDOWN
  const render::Renderer renderer;
#else
  const auto& renderer = *new render::Renderer;
#endif
  int worst = kOk;
  for (std::size_t i = 0; i < c.inputs.size(); ++i) {
    const int status = render_one(c, c.inputs[i], plans[i], renderer);
    if (status > worst) worst = status;
  }
  return worst;
}

int run_check(const Command& c) {
  int worst = kOk;
  for (const auto& input : c.inputs) {
    Diagnostics diags;
    Prepared p;
    int status = prepare(c, input, diags, p).value_or(kOk);
    if (p.timeline && p.style && status != kUsage) {
      check_styles(p, diags);
      if (c.strict) diags.promote_warnings();
      if (diags.has_errors()) status = std::max(status, kBadInput);
    }
    diags.sort_by_position();
    print(diags, c.quiet);
    worst = std::max(worst, status);
  }
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
  std::string message = fmt::format("annals: error: no built-in style named '{}'\n", c.style_name);
  if (auto near = nearest(c.style_name, names); !near.empty())
    message += fmt::format("annals: note: did you mean '{}'?\n", near);
  message += "annals: note: 'annals styles' lists them\n";
  std::fputs(message.c_str(), stderr);
  return kBadInput;
}

}  // namespace annals::cli
