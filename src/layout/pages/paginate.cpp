// Pagination by time. The events in time order (start, then file order) are
// cut into consecutive stretches; each page is the whole chart as compose()
// draws it — title line, axis, lane headers, eras and markers — over its
// stretch of time only, with the events that start in it. A span that runs
// past a cut ends square there, as at the edge of any view window, and the
// footer says on which page the chart goes on.
//
// How many events a page takes is searched, not estimated: a stretch is
// composed and kept only when its content fits, so every page fits by
// construction. The search starts from the previous page's count, so a chart
// of even density costs about three compositions per page.
//
// Filling each page in turn leaves what remains for the last, often a few
// events on an almost empty sheet. The last pages found are therefore held
// back (kHeldPages) until the next is known; when the last page turns out
// short, it and the pages held share their events evenly, so the chart ends
// on pages about equally full instead of one nearly blank; those last pages
// then give the room they have left to their rows, as one page of its own is
// filled.
#include "layout/pages/paginate.h"

#include <algorithm>
#include <deque>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "layout/frame/time_frame.h"

namespace annals::layout {

namespace {

constexpr dates::Seconds kDay = 86'400;
// The pages held back before the last one is known, and how full (of the
// room across) a last page must be to stand as it is.
constexpr std::size_t kHeldPages = 3;
constexpr double kFullEnoughLast = 0.7;

// A page composed and not yet handed over: its events order_[first, first + count).
struct HeldPage {
  std::size_t first = 0, count = 0;
  Composition c;
  bool alone = false;  // one event cut to its page: its stretch cannot change
};

class Paginator {
 public:
  Paginator(const ChartInput& in, double fixed) : in_(in), chart_(*in.chart), p_(params_for(in)) {
    order_.resize(chart_.events.size());
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::stable_sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) {
      return chart_.events[a].begin < chart_.events[b].begin;
    });
    full_ = in.page;
    if (full_.height <= 0) full_.height = p_.map.transposed ? std::max(400.0, 1.414 * full_.width) : fixed;
    const auto& st = *in.style;
    folio_height_ = in.measurer->measure("Page 0123456789", st.axis.label.font).height;
    frame_ = full_;
    frame_.height = std::max(1.0, full_.height - reserve());
    // Across the time axis the content may take the page's length, less the
    // footer when the footer sits across (time running along the page).
    room_ = p_.map.transposed ? fixed : std::min(fixed, full_.height) - reserve();
  }

  std::size_t events() const { return order_.size(); }
  // What compose() gets of the page: all of it but the footer.
  const PageFrame& page() const { return frame_; }
  double room() const { return room_; }

  // What the footer line takes at the page's foot: its line and a half unit above it.
  double reserve() const { return folio_height_ + in_.style->font.size / 2; }

  // The stretch of time of the page holding order_[first, first + count):
  // from the cut before it (the chart's start for page 1) to the cut after
  // it (the chart's end for the last page); a cut lies halfway between the
  // last start on one page and the first on the next.
  Domain window(std::size_t first, std::size_t count) const {
    Domain d;
    const bool last = first + count >= order_.size();
    d.begin = first == 0 ? in_.domain.begin : cut(first - 1);
    d.end = last ? in_.domain.end : cut(first + count - 1);
    // The chart's own ends were rounded for the whole of it: a first or last
    // page of a few years would start or end decades of empty axis away
    // from its events. Those pages round to their own events instead,
    // unless the timeline's start or end says where the chart begins or ends.
    if (first == 0 && !chart_.header.window_begin)
      d.begin = std::max(d.begin, scale::nice_domain(chart_.events[order_[0]].begin, d.end).begin);
    if (last && !chart_.header.window_end) {
      dates::Seconds latest = d.begin;
      for (std::size_t i = first; i < first + count; ++i) {
        const auto& e = chart_.events[order_[i]];
        latest = std::max({latest, e.begin, e.end});
      }
      d.end = std::min(d.end, scale::nice_domain(d.begin, latest).end);
    }
    if (d.end - d.begin < kDay) {  // many events at one moment: a day around them
      const dates::Seconds mid = d.begin + (d.end - d.begin) / 2;
      d = {mid - kDay / 2, mid + kDay / 2};
    }
    return d;
  }

  Composition compose_stretch(std::size_t first, std::size_t count, double stretch = 0) const {
    const Domain d = window(first, count);
    styled::Timeline t;
    t.file = chart_.file;
    t.header = chart_.header;
    t.header.window_begin = d.begin;
    t.header.window_end = d.end;
    t.now = chart_.now;
    t.style = chart_.style;
    t.lanes = chart_.lanes;
    t.tags = chart_.tags;
    for (const auto& era : chart_.eras)
      if (in_window(era_time(era), d)) t.eras.push_back(era);
    for (const auto& m : chart_.markers)
      if (in_window(marker_time(m), d)) t.markers.push_back(m);
    std::vector<std::size_t> picked(order_.begin() + static_cast<std::ptrdiff_t>(first),
                                    order_.begin() + static_cast<std::ptrdiff_t>(first + count));
    std::sort(picked.begin(), picked.end());  // file order, as compose() expects
    t.events.reserve(picked.size());
    for (const auto i : picked) t.events.push_back(chart_.events[i]);
    ChartInput page = in_;
    page.chart = &t;
    page.domain = d;
    page.page = frame_;
    page.fit.stretch = stretch;
    return compose(page);
  }

  bool fits(const Composition& c) const { return c.natural <= room_ + 0.01; }
  // A last page so short that the pages before it should share its events.
  bool short_last(const Composition& c) const { return c.natural < kFullEnoughLast * room_; }

  // The most events from `first` on that fit one page, composed; the search
  // starts at `guess`. Nothing when not even one fits.
  std::optional<std::pair<std::size_t, Composition>> next_page(std::size_t first, std::size_t guess) const {
    const std::size_t remaining = order_.size() - first;
    std::size_t lo = 0, hi = remaining + 1;  // lo fits (0: none known), hi does not (remaining + 1: none known)
    std::optional<Composition> best;
    std::size_t k = std::clamp<std::size_t>(guess, 1, remaining);
    for (;;) {
      Composition c = compose_stretch(first, k);
      if (fits(c)) {
        lo = k;
        best = std::move(c);
      } else {
        hi = k;
      }
      // Within a sixteenth of the most that fit is full enough: the last
      // compositions of a bisection move a page's end by a few events.
      if (lo == remaining || hi - lo <= std::max<std::size_t>(1, lo / 16)) break;
      if (hi == remaining + 1)
        k = std::min(remaining, lo + std::max<std::size_t>(1, lo / 8));
      else if (lo == 0)
        k = std::max<std::size_t>(1, hi / 2);
      else
        k = lo + (hi - lo) / 2;
    }
    if (!best) return std::nullopt;
    return std::make_pair(lo, std::move(*best));
  }

  // The events of `pages` (consecutive, the last one short) shared out
  // again, each page taking an even share of what remains, or as many as
  // fit when its share does not; kept as they were unless every page fits
  // and no page is added.
  void share_evenly(std::deque<HeldPage>& pages) const {
    if (std::any_of(pages.begin(), pages.end(), [](const HeldPage& p) { return p.alone; })) return;
    const std::size_t start = pages.front().first;
    std::size_t total = 0;
    for (const auto& p : pages) total += p.count;
    std::deque<HeldPage> even;
    std::size_t first = start;
    for (std::size_t left = pages.size(); left > 0; --left) {
      const std::size_t remaining = start + total - first;
      if (remaining == 0) return;
      const std::size_t share = (remaining + left - 1) / left;
      Composition c = compose_stretch(first, share);
      std::size_t count = share;
      if (!fits(c)) {
        if (left == 1) return;
        // The share is known not to fit: the search starts below it.
        auto most = next_page(first, std::max<std::size_t>(1, share - 1));
        if (!most || most->first >= remaining) return;
        count = most->first;
        c = std::move(most->second);
      }
      even.push_back({first, count, std::move(c), false});
      first += count;
    }
    if (first != start + total) return;
    pages = std::move(even);
  }

  // One of the chart's last pages, its room left over given to its rows, as
  // a page of its own is filled: the pages before it are full to within a
  // sixteenth, and the last ones should not end in a blank band instead.
  void fill(HeldPage& page) const {
    if (page.alone) return;
    const double spare = room_ - page.c.natural;
    if (spare <= 0.5) return;
    Composition c = compose_stretch(page.first, page.count, spare);
    if (!fits(c)) return;
    c.natural = page.c.natural;  // what the content needs, not the room it was given
    page.c = std::move(c);
  }

  // The footer: "continued from page N" at the start, the page number in the
  // middle, "continued on page N" at the end; and the page's outline title.
  // Pages are finished as they are found, before their number is known:
  // the last page alone says how many there are ("page 7 of 7").
  void finish_page(scene::Scene& s, std::size_t page, bool last, std::size_t first, std::size_t count) const {
    const auto& st = *in_.style;
    const auto& font = st.axis.label.font;
    const Color ink = st.axis.label.color;
    s.width = std::max(s.width, full_.width);
    s.height = full_.height;
    if (page == 1 && last) return;
    const double margin = st.page.margin;
    const double y = s.height - margin - folio_height_;
    s.shapes.reserve(s.shapes.size() + 3);  // exactly: the footer must not double a page's shapes
    const auto put = [&](const std::string& text, double align) {
      const double w = in_.measurer->measure(text, font).width;
      const double x = margin + align * std::max(0.0, s.width - 2 * margin - w);
      s.shapes.push_back(scene::Text{{x, y, w, folio_height_}, text, font, ink, {}});
    };
    if (page > 1) put(fmt::format("continued from page {}", page - 1), 0);
    put(last ? fmt::format("page {} of {}", page, page) : fmt::format("page {}", page), 0.5);
    if (!last) put(fmt::format("continued on page {}", page + 1), 1);
    const auto& a = chart_.events[order_[first]];
    const auto& b = chart_.events[order_[first + count - 1]];
    const std::string from = dates::label(a.first), to = dates::label(b.first);
    s.page_title = from == to ? fmt::format("Page {} · {}", page, from) : fmt::format("Page {} · {} – {}", page, from, to);
  }

 private:
  dates::Seconds cut(std::size_t last) const {
    const auto a = chart_.events[order_[last]].begin, b = chart_.events[order_[last + 1]].begin;
    return a + (b - a) / 2;
  }

  const ChartInput& in_;
  const styled::Timeline& chart_;
  OrientationParams p_;
  std::vector<std::size_t> order_;  // indices into chart_.events by start, then file order
  PageFrame full_, frame_;          // the page, and what compose() gets of it (the footer kept free)
  double folio_height_ = 0;
  double room_ = 0;
};

// A first guess at a page's events from the whole chart's length: content grows about as the events do.
std::size_t first_guess(const Paginator& pg, double natural) {
  return std::max<std::size_t>(
      1, static_cast<std::size_t>(static_cast<double>(pg.events()) * pg.room() / std::max(1.0, natural)));
}

}  // namespace

std::optional<Composition> paginate(const ChartInput& in, double fixed, double natural, Diagnostics& diags,
                                    bool estimated) {
  const Paginator pg(in, fixed);
  if (pg.events() < 2 || pg.room() <= 0) return std::nullopt;
  const auto* sink = in.options != nullptr && in.options->on_page ? &in.options->on_page : nullptr;
  Composition out;
  std::size_t n = 0;
  bool cut = false;  // an event alone was too large for a page
  // Pages found and not yet handed over: the next page may still share their events.
  std::deque<HeldPage> held;
  const auto hand_over = [&](HeldPage page, bool last) {
    ++n;
    scene::Scene s = std::move(page.c.scene);
    pg.finish_page(s, n, last, page.first, page.count);
    out.shortened += page.c.shortened;
    if (n == 1) {
      out.lanes = std::move(page.c.lanes);
      out.breaks = std::move(page.c.breaks);
      out.natural = page.c.natural;
    }
    // A chart that fits one page after all is returned as any chart of one page.
    if (sink != nullptr && !(n == 1 && last)) {
      if (n == 1) out.scene.width = s.width, out.scene.height = s.height;
      (*sink)(std::move(s));
    } else if (n == 1) {
      out.scene = std::move(s);
    } else {
      out.scene.more_pages.push_back(std::move(s));
    }
  };
  std::size_t guess = first_guess(pg, natural);
  for (std::size_t first = 0; first < pg.events();) {
    auto next = pg.next_page(first, guess);
    bool alone = false;
    if (!next) {
      // Not even one event fits: on page 1 splitting time cannot help (the
      // caller cuts the whole chart); later, pages are already found, so the
      // event gets a page of its own and what falls outside it is cut.
      if (n == 0 && held.empty()) return std::nullopt;
      next.emplace(1, pg.compose_stretch(first, 1));
      keep_within(next->second, pg.page());
      cut = alone = true;
    }
    const std::size_t count = next->first;
    const bool last = first + count == pg.events();
    guess = count;
    held.push_back({first, count, std::move(next->second), alone});
    if (last && held.size() > 1 && !alone && pg.short_last(held.back().c)) pg.share_evenly(held);
    // A chart that fits one page after all is that page as composed.
    if (last && (n > 0 || held.size() > 1))
      for (auto& page : held) pg.fill(page);
    first += count;
    while (held.size() > (last ? 0 : kHeldPages)) {
      hand_over(std::move(held.front()), held.size() == 1 && last);
      held.pop_front();
    }
  }
  if (cut)
    diags.warning({in.chart->file, 0, 0}, "an event does not fit a page even alone; what falls outside its page is cut");
  if (n < 2) return out;
  const bool transposed = params_for(in).map.transposed;
  const char* grows = transposed ? "wide" : "high";
  const scene::Scene& first = out.scene;
  if (in.page.height > 0)
    diags.warning({in.chart->file, 0, 0},
                  fmt::format("the content does not fit one {} page ({}{:.0f} pt {} needed); it is laid out over {} "
                              "pages of that size, each a stretch of time",
                              in.page.name, estimated ? "about " : "", natural, grows, n));
  else
    diags.warning({in.chart->file, 0, 0},
                  fmt::format("the content needs {:.0f} pt, beyond the {:.0f} pt (200 in) a page side may have; it "
                              "is laid out over {} pages of {:.0f} × {:.0f} pt, each a stretch of time",
                              natural, kMaxPageSide, n, first.width, first.height));
  return out;
}

FirstPage first_page_events(const ChartInput& in, double fixed, double natural) {
  ChartInput measured = in;
  measured.fit.measure_only = true;
  const Paginator pg(measured, fixed);
  if (pg.events() < 2 || pg.room() <= 0) return {};
  const auto page = pg.next_page(0, first_guess(pg, natural));
  if (!page) return {};
  return {page->first, page->second.shortened};
}

double first_stretch_length(const ChartInput& in, double fixed, std::size_t count) {
  ChartInput measured = in;
  measured.fit.measure_only = true;
  measured.fit.fewest_rows = true;
  const Paginator pg(measured, fixed);
  return pg.compose_stretch(0, std::clamp<std::size_t>(count, 1, pg.events())).natural;
}

double legible_share(const style::Style& st) {
  return std::min(1.0, st.min_size / std::max(st.min_size, st.font.size));
}

}  // namespace annals::layout
