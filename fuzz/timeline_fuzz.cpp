// libFuzzer target: any bytes as a timeline file must give a model or
// diagnostics, never a crash, a hang or an escaping exception.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "load/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  annals::Diagnostics diags;
  const auto timeline = annals::load::timeline(text, "fuzz.toml", diags);
  // Formatting every message exercises the positions and notes as a user sees them.
  std::size_t total = 0;
  for (const auto& d : diags.all()) total += annals::format(d).size();
  return timeline && total == 0 ? 0 : 0;
}
