#pragma once
// Pages for a chart that does not fit its page at a legible size (FORMAT.md
// §5.6). The events, in time order, are cut into stretches of time that each
// fit one page of the same size; every stretch is composed on that page by
// compose() (so the title line, the axis and the lane headers repeat on each
// page), and a footer line gives the page number and, at each cut, where the
// chart continues.
#include <optional>

#include "layout/page/compose.h"

namespace annals::layout {

// The smallest body size a chart is set in before it goes onto several pages.
// The one place the floor is named; a style key may take its place.
inline constexpr double kLegibleFontSize = 6;

// The longest page side a PDF allows (PDF 1.7 Annex C: 200 in); a page that
// grows with its content is cut into pages of this length.
inline constexpr double kMaxPageSide = scene::kPdfMaxSide;

// The chart of `in` over pages of `in.page` (a page without a length, one
// that grows with its content, is taken as `fixed` long), each page's content
// at most `fixed` across the time axis, footer included; `natural` is what
// the chart needs on one page. The result's scene is
// page 1 and holds the others in Scene::more_pages; `lanes` and `breaks` are
// page 1's. Nothing when a single event with every lane's header already does
// not fit a page (splitting time cannot help then). `in.diags` hears what
// composing finds; `diags`, how many pages it took.
// `natural` is `estimated` when it was extrapolated from the chart's first events.
std::optional<Composition> paginate(const ChartInput& in, double fixed, double natural, Diagnostics& diags,
                                    bool estimated = false);

// The length the first `count` events in time order need at least,
// composed as the first page's stretch would be but measured only, each lane
// in its fewest rows: found at a small share of the cost of composing the
// whole chart, and no longer than it (fewer events, a shorter time).
double first_stretch_length(const ChartInput& in, double fixed, std::size_t count);

// How many of the chart's first events in time order one page takes, as
// paginate() would find them (0: not even one); the search starts at the
// share of the events that `natural` suggests. What a paged chart's label
// width is chosen by.
struct FirstPage {
  std::size_t events = 0;
  std::size_t shortened = 0;  // labels shortened with an ellipsis on it
};
FirstPage first_page_events(const ChartInput& in, double fixed, double natural);

// How much of its length a chart would keep with its type set at the
// legibility floor: about in proportion to the body size (1 when it is
// already there). A chart longer than its page even so goes onto pages.
double legible_share(const style::Style& st);

}  // namespace annals::layout
