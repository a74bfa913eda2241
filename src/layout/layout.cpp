// Page fitting: compose once; on a fixed page that is too short, wrap labels
// narrower and try again, and only then lay the chart out over several pages
// (pages/paginate.h), or, when even that cannot help, make the page taller
// (with a warning); on a page with room to spare, let the lanes breathe. A
// page that grows with its content grows up to the longest side a PDF allows.
#include "layout/layout.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "layout/frame/time_frame.h"
#include "layout/page/compose.h"
#include "layout/pages/paginate.h"
#include "layout/pages/tiles.h"

namespace annals::layout {

namespace {

bool vertical(const styled::Timeline& t) { return t.header.orientation == styled::Orientation::vertical; }

Composition fit(ChartInput in) {
  Composition c = compose(in);
  const OrientationParams p = params_for(in);
  // The length of the page along which content grows: across the time axis.
  const double page_length = p.map.extent(in.page.width, in.page.height).y;
  const double fixed = page_length > 0 ? page_length : kMaxPageSide;
  const char* grows = p.map.transposed ? "wide" : "high";
  if (page_length <= 0 && c.natural <= fixed + 0.01) return c;
  // Another composition would report the same problems again.
  Diagnostics* diags = in.diags;
  Diagnostics repeated;
  in.diags = &repeated;
  // Narrower labels save a few rows, not pages: hopeless cases skip the retry.
  if (c.natural > fixed + 0.01 && c.natural < 2 * fixed) {
    in.fit.label_factor = 0.6;
    in.fit.extra_lines = 1;
    Composition tighter = compose(in);
    // Narrow wrapping is worth its cramped labels only when it makes the page fit.
    if (tighter.natural <= fixed + 0.01) return tighter;
  }
  // Type set down to the legibility floor would shrink the content about in
  // proportion: a chart that would not fit even then goes onto several pages,
  // and so does any beyond the longest page side there may be.
  const double floor = legible_share(*in.style);
  if (c.natural > fixed + 0.01 && (page_length <= 0 || c.natural * floor > fixed + 0.01)) {
    // The one-page composition goes before the pages are made: memory holds one chart, not two.
    const double natural = c.natural;
    c = {};
    if (auto pages = paginate(in, fixed, natural, *diags)) return std::move(*pages);
    c = compose(in);
  }
  if (c.natural > fixed + 0.01) {
    diags->warning({in.chart->file, 0, 0},
                   fmt::format("the content does not fit the {} page ({:.0f} pt {}); the page was made {:.0f} pt {}",
                               in.page.name, fixed, grows, c.natural, grows));
    return c;
  }
  // Lanes that widen to the page's spare room already fill it.
  if (c.natural < fixed - 0.01 && !p.widen_lanes) {
    in.fit.stretch = fixed - c.natural;
    Composition roomy = compose(in);
    if (roomy.natural <= fixed + 0.01) return roomy;
  }
  return c;
}

// The view window as written ("1980–1985"), for messages.
std::string window_text(const styled::Header& h, Domain d) {
  if (h.start && h.end) return dates::span_label(*h.start, *h.end);
  if (h.start) return "from " + dates::label(*h.start);
  if (h.end) return "up to " + dates::label(*h.end);
  return dates::iso(d.begin) + "–" + dates::iso(d.end);
}

// Events, eras and markers wholly outside the view window are not drawn
// (placed anywhere, they would sit at a false date); each is named in a
// warning. The events are dropped from the chart.
void keep_inside_window(styled::Timeline& t, Domain d, Diagnostics& diags) {
  const std::string window = window_text(t.header, d);
  const auto omit = [&](const SourceLocation& where, const std::string& what, const std::string& title,
                        const std::string& when) {
    diags.warning(where, fmt::format("{}'{}' ({}) lies outside the view window {} and is not drawn", what, title,
                                     when, window));
  };
  std::erase_if(t.events, [&](const styled::Event& e) {
    if (in_window({e.begin, std::max(e.begin, e.end)}, d)) return false;
    omit(e.where, "", e.title, e.span ? dates::span_label(e.first, e.last) : dates::label(e.first));
    return true;
  });
  for (const auto& era : t.eras)
    if (!in_window(era_time(era), d)) omit(era.where, "era ", era.title, dates::span_label(era.start, era.end));
  for (const auto& m : t.markers)
    if (!in_window(marker_time(m), d)) omit(m.where, "marker ", m.title, dates::label(m.date));
}

}  // namespace

Detailed layout_detailed(styled::Timeline chart, const Options& options, const text::TextMeasurer& measurer,
                         Diagnostics& diags) {
  const Domain domain = chart_domain(chart);
  keep_inside_window(chart, domain, diags);
  const style::Style& style = chart.style;
  ChartInput in;
  in.domain = domain;
  in.chart = &chart;
  in.style = &style;
  in.options = &options;
  in.measurer = &measurer;
  in.diags = &diags;
  in.page = page_frame(style.page);
  // Time running down a page wants the page's long side.
  if (vertical(chart) && in.page.height > 0 && in.page.width > in.page.height) {
    std::swap(in.page.width, in.page.height);
    in.page.name = style.page.size + " portrait";
  }
  Composition c = fit(in);
  if (c.shortened > 0)
    diags.warning({chart.file, 0, 0},
                  fmt::format("{} event label{} shortened with an ellipsis to fit", c.shortened,
                              c.shortened == 1 ? " was" : "s were"));
  // A poster printed on smaller sheets: the page as composed, cut into tiles.
  if (style.page.tiles != "none") c.scene = tile(std::move(c.scene), style, measurer, diags);
  return {std::move(c.scene), std::move(c.lanes), std::move(c.breaks)};
}

scene::Scene layout(styled::Timeline chart, const Options& options, const text::TextMeasurer& measurer,
                    Diagnostics& diags) {
  return layout_detailed(std::move(chart), options, measurer, diags).scene;
}

}  // namespace annals::layout
