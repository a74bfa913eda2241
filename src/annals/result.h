#pragma once
// What a render or a check gives back: how it ended, every problem found,
// and the outputs' bytes.
#include <string>
#include <vector>

#include "annals/diagnostics.h"

namespace annals {

enum class Status {
  ok,
  bad_input,    // the timeline or its style has errors (or warnings, with `strict`)
  bad_request,  // a value of the request is wrong: a --set value, --now, SOURCE_DATE_EPOCH
  not_drawn,    // laid out, but an output could not be drawn (e.g. a PNG beyond 32767 px)
};

struct Result {
  Status status = Status::ok;
  // In the order to show them: problems of the request's values first (named
  // by their option, "--page", without a position), then the files' sorted by
  // position, then what laying out and drawing found.
  Diagnostics diagnostics;
  // One per Request::outputs, empty for an output not drawn; none at all
  // when the outputs went to Hooks::output instead.
  std::vector<std::string> bytes;
  // For an SVG or PNG output of a chart laid out over several pages: each
  // page's bytes, in order (and bytes[i] stays empty); empty otherwise.
  std::vector<std::vector<std::string>> pages;
  // The files the run read, as named in messages: the timeline (unless it
  // came from standard input or Request::text) and each style file of its
  // `extends` chain, as far as it was read. What `annals watch` watches.
  std::vector<std::string> files;

  bool ok() const { return status == Status::ok; }
};

}  // namespace annals
