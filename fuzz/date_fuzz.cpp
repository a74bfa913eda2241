// libFuzzer target: any string as a date, read in English and in every
// language annals writes, must parse or give an error whose offset lies
// inside the text; a parsed date must format without a crash.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "dates/date.h"
#include "dates/locale.h"

namespace {

const annals::dates::Locale& locale(std::size_t i) {
  static const std::array<annals::dates::Locale, 5> kLocales = [] {
    std::array<annals::dates::Locale, 5> out;
    const char* tags[] = {"en", "es", "fr", "de", "pt"};
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = std::get<annals::dates::Locale>(annals::dates::make_locale(tags[k]));
    return out;
  }();
  return kLocales[i];
}

void check(std::string_view text, const annals::dates::DateResult& result, const annals::dates::Locale& loc) {
  if (const auto* err = std::get_if<annals::dates::ParseError>(&result)) {
    if (err->offset > text.size() || err->message.empty()) std::abort();
    return;
  }
  const auto& d = std::get<annals::dates::Date>(result);
  if (d.present) return;
  if (d.end < d.begin) std::abort();
  (void)annals::dates::iso_first(d);
  (void)annals::dates::iso_last(d);
  (void)annals::dates::label(d);
  (void)annals::dates::label(d, loc);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, annals::dates::parse(text), locale(0));
  for (std::size_t i = 1; i < 5; ++i) check(text, annals::dates::parse(text, locale(i)), locale(i));
  return 0;
}
