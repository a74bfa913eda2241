#pragma once
// The steps of Engine::render, one by one, for the tests and tools that need
// to stop between them (lay out with the fake measurer, time each step,
// change the model before styling). Private: not installed.
//
//   Pipeline p(request);
//   p.load() && p.style() && p.layout(measurer) → p.scene() → p.draw(i, renderer)...
//   Result r = std::move(p).result();
//
// Each step returns false when the run must stop; the diagnostics say why.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "annals/request.h"
#include "annals/result.h"
#include "base/diagnostics.h"
#include "base/property.h"
#include "dates/date.h"
#include "load/load.h"
#include "model/timeline.h"
#include "render/render.h"
#include "scene/scene.h"
#include "style/style.h"
#include "styled/timeline.h"
#include "text/measurer.h"

namespace annals {


class Pipeline {
 public:
  explicit Pipeline(Request request);

  // The timeline, from Request::text or the file Request::input.
  bool load();
  // Its style (the request's, else the timeline's own, else "default") with
  // the cascade's outer layers (the timeline's [style], then the request's
  // --width, --page and --set), and what "present" means. The timeline and
  // style stay readable when it stops, so check can report more.
  bool style();
  // What check adds to style(): the styled stage (each lane's, event's, era's
  // and marker's own style resolved) as layout would get it, without laying out.
  bool check_styles();
  // The styled timeline, then the scene, measured with `measurer`. With
  // `renderer`, warns of fonts it lacks. Lets the model go once styled.
  // With `on_page`, a chart laid out over several pages hands each page
  // there as it is composed and keeps none (layout::Options::on_page); then
  // scene() has no shapes and pages() is 1. Only when can_stream().
  using PageSink = std::function<void(scene::Scene page)>;
  bool layout(const text::TextMeasurer& measurer, const render::Renderer* renderer = nullptr,
              PageSink on_page = {});
  // Whether every output can be drawn page by page while layout goes on: not
  // a layout dump (it is of the whole chart), not an SVG in two colour
  // schemes (laid out twice and paired), not a tiled poster, not --strict
  // (a warning found later must still stop every file from being written).
  bool can_stream() const;
  // Request::outputs[output] drawn; nullopt (and a diagnostic) when it cannot be.
  // `page` (from 0) chooses the page of an SVG or PNG when the chart has several.
  std::optional<std::string> draw(std::size_t output, const render::Renderer& renderer, std::size_t page = 0);
  // What Request::outputs[output] is drawn as, and how (`page` of an SVG or PNG).
  render::Format render_format(std::size_t output) const;
  render::Options render_options(std::size_t page = 0) const;
  // An output drawn elsewhere (a page drawn while layout went on) taken in:
  // its bytes, or nullopt and its error as a diagnostic.
  std::optional<std::string> take(std::size_t output, render::Output out);
  // How many pages the chart was laid out over (1 unless it did not fit one).
  std::size_t pages() const { return scene::page_count(scene_); }

  model::Timeline* timeline() { return timeline_ ? &*timeline_ : nullptr; }
  const scene::Scene& scene() const { return scene_; }
  const dates::Date& now() const { return now_; }
  const Request& request() const { return request_; }

  // How the run ended and its diagnostics in the order to show them.
  Result result() &&;

 private:
  bool stop(Status status);
  void choose_now();
  load::ReadOptions read_options() const;
  bool choose_locale();
  std::optional<style::Style> dark_style();
  void check_fonts(const scene::Scene& page, const render::Renderer& renderer);
  styled::Timeline dark_timeline(const style::Style& dark);

  Request request_;
  std::string locale_;  // `--set locale=…`, checked; "" = the file's own
  Status status_ = Status::ok;
  Diagnostics request_diags_;  // problems of the request's own values
  Diagnostics diags_;          // problems of the files and of what was made from them
  std::optional<model::Timeline> timeline_;
  std::optional<style::Style> style_;
  PropertySheet command_line_;
  dates::Date now_;
  Note now_origin_;
  scene::Scene scene_;
  std::vector<std::string> files_;  // Result::files
};

}  // namespace annals
