// libFuzzer target over the whole pipeline: any bytes as a timeline file are
// loaded, laid out on a small page and drawn to every format; each step must
// end in a result or diagnostics, never a crash, a hang or an escaping
// exception. Styles come only from the built-ins (a fuzzer must not read files).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "annals/pipeline.h"
#include "render/render.h"
#include "style/builtin.h"
#include "text/measurer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace annals;
  Request request;
  request.input = "fuzz.toml";
  request.text = std::string(reinterpret_cast<const char*>(data), size);
  // A small page keeps each run short; the file's own page keys are still
  // read and checked, only the size drawn is pinned.
  request.sets = {"page.size=A6", "page.margin=10"};
  request.source_date_epoch = "946684800";  // 2000-01-01, when the file has no now
  request.outputs = {{Format::json, "x.json"}, {Format::svg, "x.svg"}, {Format::pdf, "x.pdf"}, {Format::png, "x.png"}};
  request.dpi = 36;
  request.creator = "annals fuzz";
  Pipeline p(request);
  if (!p.load()) return 0;
  // Styles come only from the built-ins: a fuzzer must not read files.
  if (!style::builtin_style_text(p.timeline()->header.style)) p.timeline()->header.style.clear();
  // One renderer per input: it keeps every text it shaped, so a shared one
  // would grow for the whole run.
  const render::Renderer renderer;
  if (!p.style() || !p.layout(renderer.measurer(), &renderer)) return 0;
  std::size_t total = 0;
  for (std::size_t i = 0; i < request.outputs.size(); ++i)
    if (const std::optional<std::string> bytes = p.draw(i, renderer)) total += bytes->size();
  return total == 0 ? 0 : 0;
}
