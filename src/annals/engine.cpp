#include "annals/engine.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "annals/pipeline.h"
#include "render/render.h"

namespace annals {

namespace {

// Shaped texts a renderer keeps while a chart is drawn page by page: a
// page's labels many times over, a small share of a large chart's.
constexpr std::size_t kKeptTexts = 10'000;
// Pages composed ahead of the one being drawn: enough to keep both threads
// busy, few enough that memory stays that of a page or two.
constexpr std::size_t kPagesAhead = 2;

// Draws the pages of a chart as layout hands them over, on a thread of its
// own with a Renderer of its own (one Pango font map per thread), so that
// composing page k + 1 and drawing page k take both cores. A PDF gets each
// page as it comes; an SVG or PNG is drawn once per page for every output
// that asks for it. What is drawn comes back to the caller's thread
// (take_drawn), where the hooks and the diagnostics live.
class PageDrawer {
 public:
  struct Drawn {
    std::size_t output, page;
    render::Output out;
  };

  PageDrawer(const render::Renderer& renderer, const Pipeline& p) : renderer_(renderer) {
    const auto& outputs = p.request().outputs;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      Target t{i, p.render_format(i), p.render_options(0), std::nullopt};
      const bool first_pdf = std::none_of(targets_.begin(), targets_.end(), [](const Target& o) { return o.pdf.has_value(); });
      if (t.format == render::Format::pdf && first_pdf) t.pdf.emplace(renderer_, true);
      targets_.push_back(std::move(t));
    }
    thread_ = std::thread([this] { run(); });
  }
  PageDrawer(const PageDrawer&) = delete;
  PageDrawer& operator=(const PageDrawer&) = delete;
  ~PageDrawer() { finish(); }

  // The next page, drawn when the drawing thread is free; waits while
  // kPagesAhead pages are waiting already.
  void add(scene::Scene page) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return failed_ || waiting_.size() < kPagesAhead; });
    if (failed_) return;
    waiting_.push_back(std::move(page));
    work_.notify_one();
  }

  // What was drawn since the last call, in order.
  std::vector<Drawn> take_drawn() {
    std::lock_guard lock(mutex_);
    std::vector<Drawn> out(std::make_move_iterator(drawn_.begin()), std::make_move_iterator(drawn_.end()));
    drawn_.clear();
    return out;
  }

  // Every page drawn; then each PDF, finished, is among take_drawn().
  void finish() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(mutex_);
      closed_ = true;
      work_.notify_one();
    }
    thread_.join();
    // One PDF for every output that wants one, copied only for the second and later.
    std::optional<render::Output> pdf;
    std::vector<std::size_t> wanting;
    for (auto& t : targets_) {
      if (t.pdf) pdf = std::move(*t.pdf).finish();
      if (t.format == render::Format::pdf) wanting.push_back(t.output);
    }
    if (!pdf) return;
    for (std::size_t k = 0; k < wanting.size(); ++k)
      drawn_.push_back({wanting[k], 0, k + 1 < wanting.size() ? *pdf : std::move(*pdf)});
  }

 private:
  struct Target {
    std::size_t output;
    render::Format format;
    render::Options options;
    std::optional<render::PdfWriter> pdf;
  };

  // A page that cannot be drawn (memory ran out) ends the drawing with an
  // error for every output, rather than the process.
  void run() {
    try {
      draw_pages();
    } catch (const std::exception& e) {
      std::lock_guard lock(mutex_);
      for (auto& t : targets_) {
        t.pdf.reset();
        drawn_.push_back({t.output, 0, {{}, std::string("could not draw the pages: ") + e.what()}});
      }
      failed_ = true;
      room_.notify_all();
    }
  }

  void draw_pages() {
    for (std::size_t number = 0;; ++number) {
      scene::Scene page;
      {
        std::unique_lock lock(mutex_);
        work_.wait(lock, [&] { return closed_ || !waiting_.empty(); });
        if (waiting_.empty()) return;
        page = std::move(waiting_.front());
        waiting_.pop_front();
        room_.notify_one();
      }
      std::vector<Drawn> drawn;
      std::map<render::Format, std::size_t> by_format;  // an SVG or PNG drawn once for all its outputs
      for (auto& t : targets_) {
        if (t.pdf) {
          t.pdf->add(page);
          continue;
        }
        if (const auto it = by_format.find(t.format); it != by_format.end()) {
          drawn.push_back({t.output, number, drawn[it->second].out});
          continue;
        }
        by_format.emplace(t.format, drawn.size());
        drawn.push_back({t.output, number, renderer_.render(page, t.format, t.options)});
      }
      // Between pages nothing of the renderer's is in use.
      renderer_.forget_shaped(kKeptTexts);
      std::lock_guard lock(mutex_);
      for (auto& d : drawn) drawn_.push_back(std::move(d));
    }
  }

  const render::Renderer& renderer_;
  std::vector<Target> targets_;
  std::mutex mutex_;
  std::condition_variable work_, room_;
  std::deque<scene::Scene> waiting_;
  std::vector<Drawn> drawn_;
  bool closed_ = false;
  bool failed_ = false;  // the drawing thread stopped on an error
  std::thread thread_;
};

}  // namespace

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

  // A chart laid out over several pages is drawn page by page while the
  // rest is laid out: memory stays that of a few pages, and drawing takes
  // the second core.
  std::optional<PageDrawer> drawer;
  if (!p.can_stream()) {
    if (!p.layout(renderer_->measurer(), renderer_.get())) return finish(p);
  } else {
    const auto hand_over = [&](PageDrawer& d) {
      for (auto& drawn : d.take_drawn()) {
        auto got = p.take(drawn.output, std::move(drawn.out));
        if (!got) continue;
        if (outputs[drawn.output].format == Format::pdf) {
          if (hooks.output) hooks.output(drawn.output, *got);
          else bytes[drawn.output] = std::move(*got);
        } else if (hooks.page) {
          hooks.page(drawn.output, drawn.page, *got);
        } else {
          if (pages.empty()) pages.resize(outputs.size());
          pages[drawn.output].push_back(std::move(*got));
        }
      }
    };
    const bool laid_out = p.layout(renderer_->measurer(), renderer_.get(), [&](scene::Scene page) {
      if (!drawer) {
        if (!page_renderer_) page_renderer_ = std::make_unique<render::Renderer>();
        drawer.emplace(*page_renderer_, p);
      }
      drawer->add(std::move(page));
      hand_over(*drawer);
      // Between pages the layout holds nothing of the renderer's.
      renderer_->forget_shaped(kKeptTexts);
    });
    if (drawer) {
      drawer->finish();
      // A run that failed after all keeps its PDF back, as it would any output.
      if (laid_out) hand_over(*drawer);
      return finish(p);
    }
    if (!laid_out) return finish(p);
  }

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
          hooks.page(i, k, *drawn);
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
