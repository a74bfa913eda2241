// Which `url` values may become links. A chart is opened in browsers and PDF
// viewers, and a link is followed by a click: a `javascript:` or `data:` URL
// would run what the timeline's author wrote in the reader's browser, so
// only schemes that fetch a page or write a mail are links.
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "load/load.h"

namespace annals::load {

namespace {

constexpr std::array<std::string_view, 3> kSchemes{"http", "https", "mailto"};

bool scheme_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string url_problem(std::string_view url) {
  // Browsers drop tabs and line breaks from a URL ("java\tscript:") and trim
  // spaces and controls at its ends, so a URL with them is not what it seems.
  for (const char c : url) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F)
      return fmt::format("'url' cannot hold the control character \\x{:02x}; percent-encode it (%{:02X})", b, b);
  }
  if (url.front() == ' ' || url.back() == ' ') return "'url' cannot begin or end with a space";
  // The scheme is what comes before the first ':' of the first path segment;
  // a relative path (no scheme) stays on the site the chart is served from.
  const std::size_t end = url.find_first_of(":/?#\\");
  if (end == std::string_view::npos || url[end] != ':') return {};
  const std::string_view scheme = url.substr(0, end);
  if (!scheme.empty() && std::all_of(scheme.begin(), scheme.end(), scheme_char) &&
      std::find(kSchemes.begin(), kSchemes.end(), lowercase(scheme)) != kSchemes.end())
    return {};
  return fmt::format("'url' must be an http, https or mailto link or a relative path, not '{}:'", scheme);
}

}  // namespace annals::load
