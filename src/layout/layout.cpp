// Page fitting: the page is never resized. On a fixed page the type scale
// (page/type_scale.h) is searched between font.min_size and a maximum that
// grows with the page, and the label width with it, so that the chart fits
// the page at the largest scale (with the fewest shortened labels; time
// running down, a label may take more lines along time before it is cut); the
// room left over loosens the rows. A chart that does not fit even at
// font.min_size is laid out at it over several pages of that size
// (pages/paginate.h), or, when not even one event fits a page, cut at the
// page's edge. `--width` alone (an "auto" page) chooses a height for
// reading, then fits it like a fixed page; no page grows beyond the longest
// side a PDF allows.
#include "layout/layout.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "layout/assembly/shapes.h"
#include "layout/frame/time_frame.h"
#include "layout/page/compose.h"
#include "layout/page/type_scale.h"
#include "layout/pages/paginate.h"
#include "layout/pages/tiles.h"

namespace annals::layout {

namespace {

bool vertical(const styled::Timeline& t) { return t.header.orientation == styled::Orientation::vertical; }

// One composition of `in` with every size of its chart scaled by `k`.
struct Trial {
  double k = 1;
  Composition c;
};

Trial compose_at(ChartInput in, double k, Diagnostics* diags) {
  const styled::Timeline t = scaled(*in.chart, k);
  in.fit.scale = k;
  in.chart = &t;
  in.style = &t.style;
  in.diags = diags;
  return {k, compose(in)};
}

// A trial of the search at scale `k`: its length and shortened labels, nothing drawn.
Trial trial_at(ChartInput in, double k, Diagnostics* diags) {
  in.fit.measure_only = true;
  return compose_at(std::move(in), k, diags);
}

// The page length along which content grows: across the time axis.
double across(const ChartInput& in) { return params_for(in).map.extent(in.page.width, in.page.height).y; }

// Time running down a page of a given height, the content's length along
// time counts too: titles, headers and the shortest stretches the axis
// allows can need more than the page holds.
bool fits(const ChartInput& in, const Composition& c) {
  const double along = params_for(in).map.extent(in.page.width, in.page.height).x;
  const bool sized_along = in.page.height > 0 && params_for(in).map.transposed;
  return c.natural <= across(in) + 0.01 && (!sized_along || c.natural_along <= along + 0.01);
}

// Events at most a typical report figure holds: its height stays within 1.2 × its width.
constexpr std::size_t kReportEvents = 45;

// A named page of the same orientation as `page`: the A series, smallest first.
constexpr std::array<const char*, 7> kSeries{"A6", "A5", "A4", "A3", "A2", "A1", "A0"};

// The smallest named page that holds the chart at `k`, or "" when none does.
std::string smallest_page(const ChartInput& in, double k) {
  const bool landscape = in.page.width > in.page.height;
  for (const char* name : kSeries) {
    const auto size = style::page_size(name);
    if (!size) continue;
    ChartInput bigger = in;
    bigger.page.width = landscape ? size->height : size->width;
    bigger.page.height = landscape ? size->width : size->height;
    if (bigger.page.width * bigger.page.height <= in.page.width * in.page.height + 1) continue;
    Diagnostics scratch;
    if (fits(bigger, trial_at(bigger, k, &scratch).c))
      return fmt::format("{} {}", name, landscape ? "landscape" : "portrait");
  }
  return {};
}

// The largest scale in [lo, hi] whose composition still fits the page;
// `at_lo` is the composition at lo, known to fit.
Trial largest_fitting(const ChartInput& in, Trial at_lo, double hi) {
  Diagnostics scratch;
  Trial top = trial_at(in, hi, &scratch);
  if (fits(in, top.c)) return top;
  double lo = at_lo.k;
  Trial best = std::move(at_lo);
  // Seven halvings find the scale within about 1 % of the range.
  for (int i = 0; i < 7 && hi - lo > 0.01; ++i) {
    const double mid = (lo + hi) / 2;
    Trial t = trial_at(in, mid, &scratch);
    if (fits(in, t.c)) {
      lo = mid;
      best = std::move(t);
    } else {
      hi = mid;
    }
  }
  return best;
}

struct Fitted {
  Trial trial;
  bool fits = true;
};

// Label widths tried, as shares of the style's: narrower labels wrap into
// more lines and pack more events into a row. Type grown with the page
// keeps its labels' width on the page (more lines, the rows' time order
// kept), unless labels as wide in ems as at the style's size shorten fewer.
struct LabelWidth {
  double factor;
  bool grow;
};
constexpr std::array<LabelWidth, 6> kLabelWidths{
    {{1, false}, {0.7, false}, {0.5, false}, {0.35, false}, {0.25, false}, {1, true}}};
// Time running down, labels stand side by side across the page: narrower
// ones may be what lets the lanes' columns fit its width. Time across, the
// narrowest are only tried when nothing wider fits.
constexpr double kNarrowest = 0.5;
constexpr double kNarrowGain = 1.1;  // the scale narrower labels must gain over wider ones
// Narrower labels pack at most a few times more events into a row (the
// narrowest are a quarter as wide, in more lines): a chart longer than this
// many pages at the smallest type cannot fit one, and composing it whole at
// every narrower width only to learn so is most of the time of a paged chart.
constexpr double kHopeless = 8;
// How many of a large chart's first events tell whether it is hopeless so.
constexpr std::size_t kSampledEvents = 1500;

// Time across, labels may take one or two more lines (taller rows) when
// that cuts fewer of them: a label held to a narrow stretch between two
// axis breaks is what needs it.
constexpr int kMoreLinesAcross[] = {1, 2};

struct Chosen {
  ChartInput in;
  Trial trial;
};

// The chart with labels allowed more lines, as wide as `chosen`'s
// or as the style's, when it shortens fewer labels than `chosen` and fits:
// the largest type at which it does, fewest shortened labels first.
std::optional<Chosen> longer_labels(const ChartInput& chosen, const Trial& best, const TypeRange& range) {
  if (best.c.shortened == 0) return std::nullopt;
  Diagnostics scratch;
  std::optional<Chosen> out;
  const std::span<const int> extras = vertical(*chosen.chart) ? std::span<const int>(kMoreLinesAlongTime)
                                                              : std::span<const int>(kMoreLinesAcross);
  for (const int extra : extras) {
    for (const double factor : {chosen.fit.label_factor, 1.0}) {
      ChartInput at = chosen;
      at.fit.extra_lines = extra;
      at.fit.label_factor = factor;
      Trial smallest = trial_at(at, range.min, &scratch);
      if (!fits(at, smallest.c)) continue;
      Trial t = largest_fitting(at, std::move(smallest), range.max);
      const std::size_t fewest = out ? out->trial.c.shortened : best.c.shortened;
      if (t.c.shortened < fewest || (out && t.c.shortened == fewest && t.k > out->trial.k))
        out = Chosen{at, std::move(t)};
    }
    if (out && out->trial.c.shortened == 0) break;
  }
  return out;
}

// The largest type at which the chart fits the page, over the label widths
// (fewest shortened labels first, then the largest scale, narrower labels
// only for clearly larger type), its spare room given to the rows. Not fitting even at the
// smallest scale, how long the chart is at that scale with the labels that
// need the least room (their knobs in `closest`): the caller decides what to
// draw and composes it. Holding that whole composition meanwhile would keep
// a second scene of the entire chart, a third of the peak memory of a chart
// of 100,000 events.
Fitted fit_fixed(ChartInput in, const TypeRange& range, FitParams* closest = nullptr) {
  Diagnostics scratch;
  std::optional<Trial> best;
  ChartInput chosen = in;
  std::optional<double> least;  // not fitting at all: the least room any label width needs
  FitParams least_fit;
  for (const LabelWidth& width : kLabelWidths) {
    if (width.grow && (!best || best->k <= 1 || best->c.shortened == 0)) continue;
    if (width.factor < kNarrowest && best && !vertical(*in.chart)) continue;
    ChartInput at = in;
    at.fit.label_factor = width.factor;
    at.fit.grow_labels = width.grow;
    Trial smallest = trial_at(at, range.min, &scratch);
    if (!least || smallest.c.natural < *least) {
      least = smallest.c.natural;
      least_fit = at.fit;
    }
    if (!fits(in, smallest.c)) {
      if (smallest.c.natural > kHopeless * across(in)) break;
      continue;
    }
    Trial t = largest_fitting(at, std::move(smallest), range.max);
    // Clearly larger type that loses only by shortening more labels may keep
    // them whole in more lines: a vertical chart on a tall page otherwise
    // falls back to the smallest type to keep a few labels whole.
    if (best && t.c.shortened > best->c.shortened && t.k > kNarrowGain * best->k)
      if (auto longer = longer_labels(at, t, range); longer && longer->trial.c.shortened <= best->c.shortened) {
        at = longer->in;
        t = std::move(longer->trial);
      }
    // Narrower labels break a title into more lines: worth it for clearly larger type only.
    const bool better = !best || t.c.shortened < best->c.shortened ||
                        (t.c.shortened == best->c.shortened && t.k > kNarrowGain * best->k);
    if (better) {
      best = std::move(t);
      chosen = at;
    }
    if (best->c.shortened == 0 && best->k >= range.max - 0.01) break;
  }
  if (!best) {
    if (closest != nullptr) *closest = least_fit;
    Trial unfit{range.min, {}};
    unfit.c.natural = *least;
    return {std::move(unfit), false};
  }
  if (auto longer = longer_labels(chosen, *best, range)) {
    chosen = longer->in;
    best = std::move(longer->trial);
  }
  // The room left over loosens the rows (or, time running down, widens the lanes).
  ChartInput roomy = chosen;
  roomy.fit.stretch = std::max(0.0, across(in) - best->c.natural);
  if (roomy.fit.stretch > 0.5) {
    Trial filled = compose_at(roomy, best->k, in.diags);
    if (fits(in, filled.c)) return {std::move(filled), true};
  }
  return {compose_at(chosen, best->k, in.diags), true};
}

// What the drawn items span.
Box content_box(const scene::Scene& s) {
  double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = -x0, y1 = -x0;
  for (const auto& it : s.items) {
    x0 = std::min(x0, it.box.x), y0 = std::min(y0, it.box.y);
    x1 = std::max(x1, it.box.right()), y1 = std::max(y1, it.box.bottom());
  }
  if (x1 < x0) return {};
  return {x0, y0, x1 - x0, y1 - y0};
}

// What page fitting chose for `s`, drawn in `style` scaled by `k` (the dump's `page`).
void describe_composition(scene::Scene& s, const style::Style& style, double k, bool fits) {
  scene::Composed& c = s.composed;
  c.known = true;
  const style::Style at = scaled(style, k);
  c.scale = k;
  c.font_size = at.font.size;
  c.label_size = at.event.label.font.size;
  c.min_size = style.min_size;
  c.margin = style.page.margin;
  const Box content = content_box(s);
  c.content_width = content.w;
  c.content_height = content.h;
  c.fits = fits;
}

// The chart at scale `k` over pages `length` long across the time axis
// (pages/paginate.h); nothing when not even one event fits a page.
std::optional<Trial> paginated(const ChartInput& in, double k, double length, double natural) {
  const styled::Timeline t = scaled(*in.chart, k);
  ChartInput at = in;
  at.fit.scale = k;
  at.chart = &t;
  at.style = &t.style;
  Diagnostics quiet;
  at.diags = &quiet;
  // Unknown: found from the first events, when they alone need many pages.
  const bool estimated = natural <= 0;
  if (estimated) {
    const double first = first_stretch_length(at, length, kSampledEvents);
    if (first <= kHopeless * length) return std::nullopt;
    natural = first * static_cast<double>(t.events.size()) / static_cast<double>(kSampledEvents);
  }
  // The label width (and, time running down, the lines a label may take
  // along time) that puts the most events on the first page without
  // shortening more labels there, the widest unless a narrower one takes
  // clearly more: the whole chart's best, found crowded onto one page, is
  // seldom a page's.
  FirstPage most = first_page_events(at, length, natural);
  const FitParams chosen = at.fit;
  FitParams best = chosen;
  const std::span<const int> extras =
      vertical(*in.chart) ? std::span<const int>(kMoreLinesAlongTime) : std::span<const int>();
  for (const LabelWidth& width : kLabelWidths) {
    if (width.grow) continue;
    for (int e = -1; e < static_cast<int>(extras.size()); ++e) {
      ChartInput narrower = at;
      narrower.fit.label_factor = width.factor;
      narrower.fit.extra_lines = e < 0 ? chosen.extra_lines : extras[static_cast<std::size_t>(e)];
      if (narrower.fit.label_factor == chosen.label_factor && narrower.fit.extra_lines == chosen.extra_lines)
        continue;
      const FirstPage page = first_page_events(narrower, length, natural);
      if (page.shortened <= most.shortened &&
          static_cast<double>(page.events) > kNarrowGain * static_cast<double>(most.events))
        most = page, best = narrower.fit;
    }
  }
  at.fit = best;
  // Pages handed over as they come: the first says what the composition chose, as a kept one would.
  Options streamed;
  if (in.options != nullptr && in.options->on_page) {
    streamed = *in.options;
    streamed.on_page = [&in, &style = *in.style, k, first = true](scene::Scene page) mutable {
      if (first) describe_composition(page, style, k, true);
      first = false;
      in.options->on_page(std::move(page));
    };
    at.options = &streamed;
  }
  auto pages = paginate(at, length, natural, *in.diags, estimated);
  if (!pages) return std::nullopt;
  return Trial{k, std::move(*pages)};
}

Fitted fit(ChartInput in) {
  const TypeRange range = type_range(*in.style, in.page);
  if (across(in) > 0) {
    const bool sized = in.page.height > 0;
    // Thousands of events whose first ones alone need many pages at the
    // smallest type cannot fit one: the whole chart is not composed only to
    // learn so (that trial shaped every label at once, the peak memory of a
    // chart of 100,000 events).
    if (sized && in.chart->events.size() >= 2 * kSampledEvents)
      if (auto pages = paginated(in, range.min, across(in), 0)) return {std::move(*pages), true};
    FitParams nearest = in.fit;
    Fitted f = fit_fixed(in, range, &nearest);
    if (!f.fits) {
      // Overflow: at font.min_size, over several pages of this one. A page
      // of a given width only (time running down it) has no length to cut
      // pages of: its chart keeps the length it needs and is cut at the width.
      if (sized)
        if (auto pages = paginated(in, range.min, across(in), f.trial.c.natural)) return {std::move(*pages), true};
      // Drawn with the labels that need the least room, so that the least is cut.
      ChartInput closest = in;
      closest.fit = nearest;
      f.trial = compose_at(closest, range.min, in.diags);
      const std::string fits_on = smallest_page(in, range.min);
      PageFrame p = in.page;
      if (!sized) p.height = f.trial.c.scene.height;
      const char* grows = params_for(in).map.transposed ? "wide" : "high";
      in.diags->warning({in.chart->file, 0, 0},
                        fmt::format("the chart does not fit the {} page ({:.0f} × {:.0f} pt) even with labels at "
                                    "font.min_size ({:g} pt): it needs {:.0f} pt {}, and what falls outside the "
                                    "page is cut{}",
                                    p.name, p.width, p.height, in.style->min_size, f.trial.c.natural, grows,
                                    fits_on.empty() ? "" : "; the smallest page that fits it is " + fits_on));
      keep_within(f.trial.c, p);
    }
    return f;
  }
  // A page of a given width only: its height is chosen for reading, at the
  // style's own size when that is short enough, else fitted to a height
  // near the width (a figure for a report).
  Diagnostics scratch;
  Trial natural = trial_at(in, 1, &scratch);
  const double aim = (in.chart->events.size() <= kReportEvents ? 1.2 : 1.5) * in.page.width;
  if (natural.c.natural <= aim) {
    // Room to spare below: labels may take more lines rather than be cut.
    ChartInput chosen = in;
    if (natural.c.shortened > 0 && !vertical(*in.chart))
      for (const int extra : kMoreLinesAcross) {
        ChartInput at = in;
        at.fit.extra_lines = extra;
        const Trial t = trial_at(at, 1, &scratch);
        if (t.c.natural > aim || t.c.shortened >= natural.c.shortened) continue;
        chosen = at;
        natural = t;
        if (t.c.shortened == 0) break;
      }
    return {compose_at(chosen, 1, in.diags), true};
  }
  // The aim, then at most 1.5 × the width; a chart too large for either is as long as it needs.
  for (const double limit : {aim, 1.5 * in.page.width}) {
    if (limit < aim) continue;
    if (limit > aim && aim >= 1.5 * in.page.width) break;
    ChartInput page = in;
    page.page.height = limit;
    Fitted f = fit_fixed(page, range);
    if (f.fits) return f;
  }
  Trial longest = compose_at(in, range.min, in.diags);
  // No page side beyond what a PDF allows: a longer chart goes onto pages of that length.
  if (longest.c.natural > kMaxPageSide + 0.01)
    if (auto pages = paginated(in, range.min, kMaxPageSide, longest.c.natural)) return {std::move(*pages), true};
  return {std::move(longest), true};
}

// The view window as written ("1980–1985"), for messages.
std::string window_text(const styled::Header& h, Domain d) {
  if (h.start && h.end) return dates::span_label(*h.start, *h.end);
  if (h.start) return "from " + dates::label(*h.start);
  if (h.end) return "up to " + dates::label(*h.end);
  return dates::iso(d.begin) + "–" + dates::iso(d.end);
}

// The dates of an event as its label writes them, for messages.
std::string when_of(const styled::Event& e) {
  if (!e.periods.empty()) return dates::span_label(e.first, e.last);
  return e.span ? dates::span_label(e.first, e.last) : dates::label(e.first);
}

// Periods wholly outside the view window are not drawn; an event left with
// one period is drawn as an event of one.
bool keep_periods_inside(styled::Event& e, Domain d) {
  if (e.periods.empty()) return true;
  std::erase_if(e.periods, [&](const styled::Period& p) { return !in_window({p.begin, std::max(p.begin, p.end)}, d); });
  if (e.periods.empty()) return false;
  e.first = e.periods.front().first;
  e.last = e.periods.back().last;
  e.begin = e.periods.front().begin;
  e.end = e.periods.back().end;
  if (e.periods.size() == 1) {
    e.span = e.periods.front().span;
    e.periods.clear();
  }
  return true;
}

// Events, eras and markers wholly outside the view window are not drawn
// (placed anywhere, they would sit at a false date); each is named in a
// warning. The events are dropped from the chart, and the links that join
// them with it.
void keep_inside_window(styled::Timeline& t, Domain d, Diagnostics& diags) {
  const std::string window = window_text(t.header, d);
  const auto omit = [&](const SourceLocation& where, const std::string& what, const std::string& title,
                        const std::string& when) {
    diags.warning(where, fmt::format("{}'{}' ({}) lies outside the view window {} and is not drawn", what, title,
                                     when, window));
  };
  constexpr std::size_t kGone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> moved(t.events.size(), kGone);
  std::vector<styled::Event> kept;
  kept.reserve(t.events.size());
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    styled::Event& e = t.events[i];
    if (!in_window({e.begin, std::max(e.begin, e.end)}, d) || !keep_periods_inside(e, d)) {
      omit(e.where, "", e.title, when_of(e));
      continue;
    }
    moved[i] = kept.size();
    kept.push_back(std::move(e));
  }
  std::vector<styled::Link> links;
  for (auto link : t.links) {
    const std::size_t from = link.from < moved.size() ? moved[link.from] : kGone;
    const std::size_t to = link.to < moved.size() ? moved[link.to] : kGone;
    if (from == kGone || to == kGone) {
      const std::size_t gone = from == kGone ? link.from : link.to;
      diags.warning(link.where, fmt::format("the link is not drawn: its event '{}' lies outside the view window {}",
                                            gone < t.events.size() ? t.events[gone].title : std::string(), window));
      continue;
    }
    link.from = from;
    link.to = to;
    links.push_back(std::move(link));
  }
  t.events = std::move(kept);
  t.links = std::move(links);
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
  // Time running down a named page wants its long side, unless the
  // orientation was named (FORMAT.md §5.6); a custom page is kept as given.
  const bool named_size = in.page.height > 0 && in.page.name != "custom";
  if (vertical(chart) && named_size && !style.page.orientation_named && in.page.width > in.page.height) {
    std::swap(in.page.width, in.page.height);
    in.page.name = style.page.size + " portrait";
  }
  Fitted fitted = fit(in);
  Composition& c = fitted.trial.c;
  describe_composition(c.scene, style, fitted.trial.k, fitted.fits);
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
