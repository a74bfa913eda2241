#pragma once
// What to render: a timeline, the choices `annals render` takes on its
// command line, and the outputs to draw (FORMAT.md §3).
#include <optional>
#include <string>
#include <vector>

namespace annals {

enum class Format { svg, pdf, png, json };

struct Output {
  Format format = Format::svg;
  std::string name;  // how messages about this output name it (its file, "-")
};

struct Request {
  std::string input;                // the timeline file, "-" for standard input; names it in messages
  std::optional<std::string> text;  // the timeline itself, when it is not to be read from `input`
  std::string style;                // a built-in name or a style file ("" = the timeline's own, else "default")
  std::vector<std::string> sets;    // "KEY=VALUE", strongest in the cascade (--set)
  std::string page;                 // a page size (--page)
  std::string width;                // a page width (--width); without `page`, the page fits its content
  std::string height;               // a page height (--height); with `width` and no `page`, the exact page
  std::string now;                  // what "present" means, a date as written in a file (--now)
  std::string source_date_epoch;    // seconds since 1970, used for "present" when neither `now` nor the
                                    // file says (the caller passes SOURCE_DATE_EPOCH); "" = today
  std::vector<Output> outputs;      // drawn in this order, each format once
  double dpi = 144;                 // PNG only
  std::string id_prefix;            // SVG: what every id starts with ("" = a hash of the chart's content)
  bool strict = false;              // every warning counts as an error
  bool safe = false;                // safe mode (--safe): styles only built-in or beside the timeline,
                                    // smaller size limits; a `style` here is the caller's and read as given
  std::string creator = "annals";   // in the PDF and SVG metadata
};

}  // namespace annals
