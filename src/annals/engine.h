#pragma once
// The whole pipeline in one call: load → style → layout → draw.
#include <cstddef>
#include <functional>
#include <memory>
#include <string_view>

#include "annals/request.h"
#include "annals/result.h"

namespace annals {

namespace render {
class Renderer;
}

enum class Step { read, layout, draw };

// What a caller may follow while a render runs; both may be left empty.
struct Hooks {
  // A step begins: `count` is the number of events for `layout` and the
  // output's index for `draw`, 0 otherwise.
  std::function<void(Step step, std::size_t count)> step;
  // Each output as soon as it is drawn, so that it can be written and let go
  // before the next one is drawn; then Result::bytes stays empty.
  std::function<void(std::size_t output, std::string_view bytes)> output;
  // A chart laid out over several pages (FORMAT.md §5.6) is one PDF but one
  // SVG or PNG per page: each page as soon as it is drawn (`page` from 0;
  // pages are drawn while later ones are laid out, so how many there are is
  // not known yet), instead of `output`; then Result::pages stays empty.
  std::function<void(std::size_t output, std::size_t page, std::string_view bytes)> page;
};

// Owns the fonts and the text shaped with them, so rendering many timelines
// with one Engine shapes each label once (a chart of many pages keeps about
// a page's). No globals: two Engines are independent. One Engine serves one
// thread at a time; it draws a chart of several pages on a second thread.
class Engine {
 public:
  Engine();
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // What `annals render` does; the outputs come back in Result::bytes.
  Result render(const Request& request) const;
  Result render(const Request& request, const Hooks& hooks) const;

 private:
  std::unique_ptr<render::Renderer> renderer_;
  // Draws the pages of a chart laid out over several on a thread of its own, made when first needed.
  mutable std::unique_ptr<render::Renderer> page_renderer_;
};

// What `annals check` does: every problem render would report, without
// laying out or drawing, so without fonts (request.outputs is not used).
Result check(const Request& request);

}  // namespace annals
