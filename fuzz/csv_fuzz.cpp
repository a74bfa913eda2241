// libFuzzer target: any bytes as a CSV or a TSV timeline must give a model
// or positioned diagnostics, never a crash, a hang or an escaping exception.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "load/load.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::size_t total = 0;
  for (const char separator : {',', '\t'}) {
    annals::Diagnostics diags;
    const auto timeline = annals::load::csv_timeline(text, "fuzz.csv", separator, diags);
    // Formatting every message exercises the positions and notes as a user sees them.
    for (const auto& d : diags.all()) total += annals::format(d).size();
    // A model comes only with a lane for each of its events.
    if (timeline && !diags.has_errors())
      for (const auto& e : timeline->events)
        if (e.lane >= timeline->lanes.size()) __builtin_trap();
  }
  return total == 0 ? 0 : 0;
}
