// libFuzzer target: any string as a date must parse or give an error whose
// offset lies inside the text; a parsed date must format without a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "dates/date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto result = annals::dates::parse(text);
  if (const auto* err = std::get_if<annals::dates::ParseError>(&result)) {
    if (err->offset > text.size() || err->message.empty()) std::abort();
    return 0;
  }
  const auto& d = std::get<annals::dates::Date>(result);
  if (d.present) return 0;
  if (d.end < d.begin) std::abort();
  (void)annals::dates::iso_first(d);
  (void)annals::dates::iso_last(d);
  (void)annals::dates::label(d);
  return 0;
}
