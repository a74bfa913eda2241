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
  auto finish = [&bytes](Pipeline& p) {
    Result r = std::move(p).result();
    r.bytes = std::move(bytes);
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
  for (std::size_t i = 0; i < outputs.size(); ++i) {
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
