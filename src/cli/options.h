#pragma once
// The command line of FORMAT.md §3, parsed and checked; nothing runs here.
#include <optional>
#include <string>
#include <vector>


namespace annals::cli {

enum class Verb { render, watch, check, styles, help, version };

struct Command {
  Verb verb = Verb::help;
  std::vector<std::string> inputs;   // render/check: timeline files ("-" = standard input)
  std::vector<std::string> outputs;  // render: -o, in order
  bool batch = false;                // render -O: each input beside itself, <stem>.<format>, as dot -O
  std::string output_dir;            // --output-dir DIR: where -O (or no -o) writes instead
  std::string style;                 // --style NAME|FILE
  std::vector<std::string> sets;     // --set KEY=VALUE, in order
  std::string format;                // --format svg|pdf|png|json ("" = from each output's extension)
  std::vector<std::string> formats;  // -T svg,pdf: the formats -O writes, each from one layout
  std::string page;                  // --page SIZE
  std::string width;                 // --width LENGTH
  std::string height;                // --height LENGTH
  std::optional<double> dpi;         // --dpi N
  std::string now;                   // --now DATE
  std::string id_prefix;             // --id-prefix PREFIX ("" = from the chart's content)
  bool strict = false;
  bool quiet = false;
  bool safe = false;                 // --safe or ANNALS_SAFE=1: see Request::safe
  std::string color = "auto";        // --color auto|always|never (auto: on a terminal, unless NO_COLOR)
  std::string diagnostics = "auto";  // --diagnostics auto|full|short (full: source lines and a count)
  std::string style_name;            // styles [NAME]
  std::string help_text;             // for Verb::help
};

struct ParseResult {
  std::optional<Command> command;  // set when the line is valid
  int exit_code = 0;               // otherwise: 0 after --help/--version text, 2 for a usage error
  std::string out;                 // text for standard output (help, version)
  std::string err;                 // text for standard error (usage errors)
};

ParseResult parse_command_line(int argc, const char* const* argv);

}  // namespace annals::cli
