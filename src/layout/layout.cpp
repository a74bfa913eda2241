// Page fitting: compose once; on a fixed page that is too short, wrap labels
// narrower and try again, and only then make the page taller (with a
// warning); on a page with room to spare, let the lanes breathe.
#include "layout/layout.h"

#include <utility>

#include <fmt/format.h>

#include "layout/chart.h"

namespace annals::layout {

namespace {

Composition compose(const ChartInput& in) {
  return in.timeline->header.orientation == model::Orientation::vertical ? compose_vertical(in)
                                                                          : compose_horizontal(in);
}

bool vertical(const model::Timeline& t) { return t.header.orientation == model::Orientation::vertical; }

// The length of the page along which content grows.
double fixed_length(const ChartInput& in) {
  return vertical(*in.timeline) ? in.page.width : in.page.height;
}

Composition fit(ChartInput in) {
  Composition c = compose(in);
  const double fixed = fixed_length(in);
  if (fixed <= 0) return c;
  // Another composition would report the same problems again.
  Diagnostics* diags = in.diags;
  Diagnostics repeated;
  in.diags = &repeated;
  // Narrower labels save a few rows, not pages: hopeless cases skip the retry.
  if (c.natural > fixed + 0.01 && c.natural < 2 * fixed) {
    in.label_factor = 0.6;
    in.extra_lines = 1;
    Composition tighter = compose(in);
    // Narrow wrapping is worth its cramped labels only when it makes the page fit.
    if (tighter.natural <= fixed + 0.01) return tighter;
  }
  if (c.natural > fixed + 0.01) {
    diags->warning({in.timeline->file, 0, 0},
                   fmt::format("the content does not fit the {} page ({:.0f} pt {}); the page was made {:.0f} pt {}",
                               in.page.name, fixed, vertical(*in.timeline) ? "wide" : "high", c.natural,
                               vertical(*in.timeline) ? "wide" : "high"));
    return c;
  }
  if (c.natural < fixed - 0.01 && !vertical(*in.timeline)) {
    in.stretch = fixed - c.natural;
    Composition roomy = compose(in);
    if (roomy.natural <= fixed + 0.01) return roomy;
  }
  return c;
}

}  // namespace

Detailed layout_detailed(const model::Timeline& timeline, const style::Style& style, const Options& options,
                         const text::TextMeasurer& measurer, Diagnostics& diags) {
  const Resolved resolved = resolve(timeline, style, options.now, options.command_line, diags);
  ChartInput in;
  in.timeline = &timeline;
  in.style = &style;
  in.options = &options;
  in.measurer = &measurer;
  in.resolved = &resolved;
  in.diags = &diags;
  in.page = page_frame(style.page);
  // Time running down a page wants the page's long side.
  if (vertical(timeline) && in.page.height > 0 && in.page.width > in.page.height) {
    std::swap(in.page.width, in.page.height);
    in.page.name = style.page.size + " portrait";
  }
  Composition c = fit(in);
  if (c.shortened > 0)
    diags.warning({timeline.file, 0, 0},
                  fmt::format("{} event label{} shortened with an ellipsis to fit", c.shortened,
                              c.shortened == 1 ? " was" : "s were"));
  return {std::move(c.scene), std::move(c.lanes)};
}

scene::Scene layout(const model::Timeline& timeline, const style::Style& style, const Options& options,
                    const text::TextMeasurer& measurer, Diagnostics& diags) {
  return layout_detailed(timeline, style, options, measurer, diags).scene;
}

}  // namespace annals::layout
