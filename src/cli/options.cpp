// The only file that includes CLI11 (it costs seconds to compile).
#include "cli/options.h"

#include "base/diagnostics.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "base/suggest.h"
#include "base/xml_name.h"

#ifndef ANNALS_VERSION
#define ANNALS_VERSION "0.0.0"
#endif

namespace annals::cli {

namespace {

constexpr const char* kSafeHelp =
    "For timelines others wrote: styles only built-in or from the timeline's folder, smaller size limits "
    "(also ANNALS_SAFE=1)";

// ANNALS_SAFE=1 turns safe mode on for every run of a service, whatever its command lines say.
bool safe_from_environment() {
  const char* v = std::getenv("ANNALS_SAFE");
  return v != nullptr && *v != '\0' && std::string_view(v) != "0";
}

void add_message_options(CLI::App& verb, Command& c) {
  verb.add_option("--color", c.color, "Colour in messages: auto (on a terminal unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  verb.add_option("--diagnostics", c.diagnostics,
                  "Message form: full (the source line with a caret, and a closing count), short (one line "
                  "each), auto (full on a terminal)")
      ->check(CLI::IsMember({"auto", "full", "short"}));
}

// "did you mean 'render'?" for a mistyped verb or option: the first word of
// the line that is neither, against the names it could have been.
std::string suggestion(const CLI::App& app, int argc, const char* const* argv) {
  const CLI::App* verb = nullptr;
  for (int i = 1; i < argc; ++i) {
    const std::string_view word = argv[i];
    if (word.starts_with("-")) {
      std::string_view name = word.substr(0, word.find('='));
      const CLI::App& scope = verb != nullptr ? *verb : app;
      std::vector<std::string> names;
      for (const CLI::Option* o : scope.get_options()) {
        for (const auto& l : o->get_lnames()) names.push_back("--" + l);
        for (const auto& s : o->get_snames()) names.push_back("-" + s);
      }
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      if (name.size() < 3) return "";
      const std::vector<std::string_view> candidates(names.begin(), names.end());
      return nearest(name, candidates);
    }
    if (verb != nullptr) continue;  // an input file or an option's value
    std::vector<std::string_view> candidates;
    for (const CLI::App* sub : app.get_subcommands({})) {
      if (sub->get_name() == word) verb = sub;
      candidates.push_back(sub->get_name());
    }
    if (verb == nullptr) return nearest(word, candidates);
  }
  return "";
}

void add_render_options(CLI::App& render, Command& c) {
  render.add_option("INPUT", c.inputs, "Timeline files (TOML); - reads standard input")->required();
  render.add_option("-o,--output", c.outputs,
                    "Output file; repeat to write several formats from one layout; - writes standard output")
      ->type_name("FILE");
  render.add_flag("-O,--output-beside-input", c.batch,
                  "Write each input beside itself as <stem>.<format> (or into --output-dir)");
  render.add_option("--output-dir", c.output_dir, "Where -O, or a run without -o, writes (default: beside "
                                                  "each input with -O, else output/)")
      ->type_name("DIR");
  render.add_option("-T", c.formats, "With -O or without -o: the formats to write, from one layout (-T svg,pdf)")
      ->delimiter(',')
      ->check(CLI::IsMember({"svg", "pdf", "png", "json"}))
      ->type_name("FORMAT,...");
  render.add_option("--style", c.style, "A built-in style name or a style file")->type_name("NAME|FILE");
  render.add_option("--set", c.sets,
                    "Override one style key, strongest of all (event.marker=diamond); also title=TEXT, and "
                    "locale=es for the chart's language")
      ->type_name("KEY=VALUE");
  render.add_option("--format", c.format, "Output format; default: from the output's extension")
      ->check(CLI::IsMember({"svg", "pdf", "png", "json"}));
  render.add_option("--page", c.page, "Page size: A0–A6, letter, legal, tabloid, auto")->type_name("SIZE");
  auto* width = render.add_option("--width", c.width, "Page width (implies --page auto unless --page is given)")
                    ->type_name("LENGTH");
  render.add_option("--height", c.height, "Page height; with --width, the exact page (--page custom)")
      ->type_name("LENGTH")
      ->needs(width);
  render.add_option("--dpi", c.dpi, "PNG resolution (default 144)")->check(CLI::Range(1.0, 2400.0));
  render.add_option("--now", c.now, "The date 'present' means (default: the file's now, "
                                    "SOURCE_DATE_EPOCH, else today)")
      ->type_name("DATE");
  render.add_option("--id-prefix", c.id_prefix,
                    "SVG: what every id starts with (default: a hash of the chart, so charts inline in one "
                    "page keep apart)")
      ->type_name("PREFIX");
  render.add_flag("--strict", c.strict, "Treat warnings as errors");
  render.add_flag("-q,--quiet", c.quiet, "Print only errors; no progress");
  render.add_flag("--safe", c.safe, kSafeHelp);
  add_message_options(render, c);
}

}  // namespace

ParseResult parse_command_line(int argc, const char* const* argv) {
  Command c;
  CLI::App app{"annals: timeline charts from dated events written in TOML", "annals"};
  app.set_version_flag("--version", "annals " ANNALS_VERSION);
  app.require_subcommand(0, 1);

  CLI::App* render = app.add_subcommand("render", "Lay out and draw timelines to SVG, PDF, PNG or JSON");
  add_render_options(*render, c);

  CLI::App* watch = app.add_subcommand(
      "watch", "Render, then render again each time the timeline or a style it uses changes (Ctrl-C stops)");
  add_render_options(*watch, c);

  CLI::App* check = app.add_subcommand("check", "Validate timelines; print every problem; render nothing");
  check->add_option("INPUT", c.inputs, "Timeline files (TOML); - reads standard input")->required();
  check->add_option("--style", c.style, "Also check this style")->type_name("NAME|FILE");
  check->add_option("--set", c.sets, "Check with this override too (locale=es reads the dates in Spanish)")
      ->type_name("KEY=VALUE");
  check->add_flag("--strict", c.strict, "Treat warnings as errors");
  check->add_flag("-q,--quiet", c.quiet, "Print only errors");
  check->add_flag("--safe", c.safe, kSafeHelp);
  add_message_options(*check, c);

  CLI::App* styles = app.add_subcommand("styles", "List the built-in styles, or print one as TOML");
  styles->add_option("NAME", c.style_name, "A built-in style to print");

  ParseResult r;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    r.out = app.help();
    return r;
  } catch (const CLI::CallForAllHelp&) {
    r.out = app.help("", CLI::AppFormatMode::All);
    return r;
  } catch (const CLI::CallForVersion&) {
    r.out = "annals " ANNALS_VERSION "\n";
    return r;
  } catch (const CLI::ParseError& e) {
    // A subcommand's own --help arrives here as a ParseError with exit code 0.
    if (e.get_exit_code() == 0) {
      for (CLI::App* sub : {render, watch, check, styles})
        if (sub->parsed()) r.out = sub->help();
      if (r.out.empty()) r.out = app.help();
      return r;
    }
    r.exit_code = 2;
    r.err = fmt::format("annals: error: {}\n", printable(e.what()));
    if (const std::string near = suggestion(app, argc, argv); !near.empty())
      r.err += fmt::format("annals: note: did you mean '{}'?\n", printable(near));
    r.err += "annals: note: see 'annals --help'\n";
    return r;
  }

  if (render->parsed()) {
    c.verb = Verb::render;
  } else if (watch->parsed()) {
    c.verb = Verb::watch;
  } else if (check->parsed()) {
    c.verb = Verb::check;
  } else if (styles->parsed()) {
    c.verb = Verb::styles;
  } else {
    // No verb at all is a wrong command line (FORMAT.md §3): the help goes
    // where errors go, so a script that forgot its arguments fails loudly.
    r.exit_code = 2;
    r.err = app.help();
    return r;
  }

  c.safe = c.safe || safe_from_environment();
  if (c.verb == Verb::watch) {
    if (c.inputs.size() != 1 || c.inputs.front() == "-") {
      r.exit_code = 2;
      r.err = c.inputs.size() != 1 ? "annals: error: watch takes one timeline file\n"
                                   : "annals: error: watch needs a file to watch, not standard input\n";
      return r;
    }
    if (std::find(c.outputs.begin(), c.outputs.end(), "-") != c.outputs.end()) {
      r.exit_code = 2;
      r.err = "annals: error: watch writes files: '-o -' would mix every render on standard output\n";
      return r;
    }
  }
  if (c.verb == Verb::render || c.verb == Verb::watch) {
    if (c.batch && !c.outputs.empty()) {
      r.exit_code = 2;
      r.err = "annals: error: -O and -o cannot be combined: -O names the outputs itself\n";
      return r;
    }
    if (!c.formats.empty() && !c.outputs.empty()) {
      r.exit_code = 2;
      r.err = "annals: error: -T names the formats of -O's outputs; with -o each output's extension says it\n";
      return r;
    }
    if (!c.formats.empty() && !c.format.empty()) {
      r.exit_code = 2;
      r.err = "annals: error: -T and --format cannot be combined: -T svg,pdf lists every format\n";
      return r;
    }
    if (!c.output_dir.empty() && !c.outputs.empty()) {
      r.exit_code = 2;
      r.err = "annals: error: --output-dir and -o cannot be combined: -o names the output itself\n";
      return r;
    }
    if (c.inputs.size() > 1 && !c.outputs.empty()) {
      r.exit_code = 2;
      r.err = "annals: error: several inputs need -O (each to output/<stem>.<format>), not -o\n";
      return r;
    }
    if (!c.id_prefix.empty() && !is_xml_name_prefix(c.id_prefix)) {
      r.exit_code = 2;
      r.err = fmt::format("annals: error: --id-prefix '{}': an id starts with a letter or '_' and holds only "
                          "letters, digits, '-', '_' and '.'\n",
                          c.id_prefix);
      return r;
    }
    for (const auto& o : c.outputs) {
      if (o == "-" && c.format.empty()) {
        r.exit_code = 2;
        r.err = "annals: error: writing to standard output ('-o -') needs --format\n";
        return r;
      }
    }
  }
  r.command = std::move(c);
  return r;
}

}  // namespace annals::cli
