#include "annals/engine.h"

#include <algorithm>
#include <map>
#include <string>

#include "annals/pipeline.h"
#include "render/render.h"

namespace annals {

Engine::Engine() : renderer_(std::make_unique<render::Renderer>()) {}
Engine::~Engine() = default;

Result Engine::render(const Request& request) const { return render(request, {}); }

Result Engine::render(const Request& request, const Hooks& hooks) const {
  auto step = [&hooks](Step s, std::size_t count) {
    if (hooks.step) hooks.step(s, count);
  };
  const auto& outputs = request.outputs;
  std::vector<std::string> bytes(hooks.output ? 0 : outputs.size());
  std::vector<std::vector<std::string>> pages;
  auto finish = [&bytes, &pages](Pipeline& p) {
    Result r = std::move(p).result();
    r.bytes = std::move(bytes);
    r.pages = std::move(pages);
    return r;
  };
  Pipeline p(request);
  step(Step::read, 0);
  if (!p.load() || !p.style()) return finish(p);
  step(Step::layout, p.timeline()->events.size());
  if (!p.layout(renderer_->measurer(), renderer_.get())) return finish(p);

  // Each format is drawn once however many outputs want it, and its bytes
  // are kept only while a later output still wants them.
  std::map<Format, std::string> by_format;
  const std::size_t page_count = p.pages();
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    // A chart of several pages is one file per page in SVG and PNG, drawn and handed over one by one.
    if (page_count > 1 && (outputs[i].format == Format::svg || outputs[i].format == Format::png)) {
      step(Step::draw, i);
      if (!hooks.page && pages.empty()) pages.resize(outputs.size());
      for (std::size_t k = 0; k < page_count; ++k) {
        auto drawn = p.draw(i, *renderer_, k);
        if (!drawn) break;
        if (hooks.page)
          hooks.page(i, k, page_count, *drawn);
        else
          pages[i].push_back(std::move(*drawn));
      }
      continue;
    }
    auto it = by_format.find(outputs[i].format);
    if (it == by_format.end()) {
      step(Step::draw, i);
      auto drawn = p.draw(i, *renderer_);
      if (!drawn) continue;
      it = by_format.emplace(outputs[i].format, std::move(*drawn)).first;
    }
    const bool again = std::any_of(outputs.begin() + static_cast<std::ptrdiff_t>(i) + 1, outputs.end(),
                                   [&](const Output& later) { return later.format == outputs[i].format; });
    if (hooks.output) hooks.output(i, it->second);
    else if (again) bytes[i] = it->second;
    else bytes[i] = std::move(it->second);
    if (!again) by_format.erase(it);
  }
  return finish(p);
}

Result check(const Request& request) {
  Pipeline p(request);
  if (p.load()) {
    (void)p.style();  // what was read is checked further even when the style step stops
    (void)p.check_styles();
  }
  return std::move(p).result();
}

}  // namespace annals
