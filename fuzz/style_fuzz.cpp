// libFuzzer target: any bytes as a style file, read into a sheet and applied
// over the defaults, must end in a style or diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "load/load.h"
#include "style/style.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  annals::Diagnostics diags;
  std::string extends;
  annals::SourceLocation extends_where;
  const auto sheet = annals::load::style_sheet(text, "fuzz-style.toml", &extends, &extends_where, diags);
  if (sheet) {
    auto style = annals::style::defaults();
    annals::style::apply(style, *sheet, diags);
  }
  for (const auto& d : diags.all()) (void)annals::format(d);
  return 0;
}
