#include "layout/pages/tiles.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "layout/assembly/shapes.h"

namespace annals::layout {

namespace {

// How many windows of `window` (stepping by window - overlap) cover `length`.
std::size_t windows(double length, double window) {
  if (length <= window + 0.01) return 1;
  return static_cast<std::size_t>(std::ceil((length - kTileOverlap - 0.01) / (window - kTileOverlap)));
}

struct Grid {
  double w = 0, h = 0;  // the sheet
  std::size_t cols = 1, rows = 1;
  std::size_t count() const { return cols * rows; }
};

Grid grid_for(double sheet_w, double sheet_h, double poster_w, double poster_h) {
  Grid g{sheet_w, sheet_h};
  g.cols = windows(poster_w, sheet_w - 2 * kTileFrame);
  g.rows = windows(poster_h, sheet_h - 2 * kTileFrame);
  return g;
}

// Whether a shape shows in `window`: its area, a little larger for strokes
// (a rule is a box of no width).
bool shows_in(const scene::Shape& s, const Box& window) {
  Box b = box_of(s);
  b = {b.x - 2, b.y - 2, b.w + 4, b.h + 4};
  return b.overlaps(window);
}

Box intersect(const Box& a, const Box& b) {
  const double x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
  const double x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
  return {x0, y0, std::max(0.0, x1 - x0), std::max(0.0, y1 - y0)};
}

class Sheets {
 public:
  Sheets(const Grid& g, std::string name, const style::Style& st, const text::TextMeasurer& m)
      : g_(g), name_(std::move(name)), st_(st), m_(m) {}

  // Sheet (row r, column c) of the poster page `page`.
  scene::Scene sheet(const scene::Scene& page, std::size_t page_no, std::size_t pages, std::size_t r,
                     std::size_t c) const {
    const double cw = g_.w - 2 * kTileFrame, ch = g_.h - 2 * kTileFrame;
    const double x0 = static_cast<double>(c) * (cw - kTileOverlap), y0 = static_cast<double>(r) * (ch - kTileOverlap);
    const Box window{x0, y0, cw, ch};
    const double dx = kTileFrame - x0, dy = kTileFrame - y0;
    const Box clip{kTileFrame, kTileFrame, cw, ch};
    scene::Scene s;
    s.width = g_.w;
    s.height = g_.h;
    s.background = page.background;
    s.metadata = page.metadata;
    s.clip = clip;
    for (const auto& shape : page.shapes) {
      if (!shows_in(shape, window)) continue;
      scene::Shape moved = shape;
      translate(moved, dx, dy);
      s.shapes.push_back(std::move(moved));
    }
    // What the dump lists is what the sheet shows: each item's part inside the window.
    for (const auto& it : page.items) {
      if (!it.box.overlaps(window) && !(it.box.w == 0 || it.box.h == 0)) continue;
      const Box seen = intersect({it.box.x + dx, it.box.y + dy, it.box.w, it.box.h}, clip);
      if (seen.w <= 0 && seen.h <= 0) continue;
      if (!(it.box.w == 0 || it.box.h == 0) && (seen.w <= 0 || seen.h <= 0)) continue;
      scene::Item moved = it;
      moved.box = seen;
      s.items.push_back(std::move(moved));
    }
    marks(s, page_no, pages, r, c);
    return s;
  }

 private:
  // Crop marks at the window's corners, in the frame; short guides where the
  // overlap with a neighbour ends; the sheet's place above the window.
  void marks(scene::Scene& s, std::size_t page_no, std::size_t pages, std::size_t r, std::size_t c) const {
    const Color ink{0, 0, 0, 1}, guide{0.45, 0.45, 0.45, 1};
    const double f = kTileFrame, cw = g_.w - 2 * f, ch = g_.h - 2 * f;
    const double gap = 3, len = std::min(10.0, f - gap - 2);
    const double L = f, T = f, R = f + cw, B = f + ch;
    for (const double x : {L, R})
      for (const double y : {T, B}) {
        const double out_x = x == L ? -1 : 1, out_y = y == T ? -1 : 1;
        s.marks.push_back(line({x + out_x * gap, y}, {x + out_x * (gap + len), y}, ink, 0.5));
        s.marks.push_back(line({x, y + out_y * gap}, {x, y + out_y * (gap + len)}, ink, 0.5));
      }
    // Where this sheet's overlap with a neighbour ends: glue the neighbour up to here.
    const auto vertical_guide = [&](double x) {
      s.marks.push_back(line({x, T - gap}, {x, T - gap - len}, guide, 0.5, {2, 2}));
      s.marks.push_back(line({x, B + gap}, {x, B + gap + len}, guide, 0.5, {2, 2}));
    };
    const auto horizontal_guide = [&](double y) {
      s.marks.push_back(line({L - gap, y}, {L - gap - len, y}, guide, 0.5, {2, 2}));
      s.marks.push_back(line({R + gap, y}, {R + gap + len, y}, guide, 0.5, {2, 2}));
    };
    if (c > 0) vertical_guide(L + kTileOverlap);
    if (c + 1 < g_.cols) vertical_guide(R - kTileOverlap);
    if (r > 0) horizontal_guide(T + kTileOverlap);
    if (r + 1 < g_.rows) horizontal_guide(B - kTileOverlap);
    // The sheet's place, in the top frame after the corner mark.
    const FontSpec& font = st_.axis.label.font;
    const std::size_t index = r * g_.cols + c + 1;
    std::string place = fmt::format("{} · sheet {} of {} · row {} of {}, column {} of {}", name_, index, g_.count(),
                                    r + 1, g_.rows, c + 1, g_.cols);
    if (pages > 1) place = fmt::format("page {} of {} · ", page_no, pages) + place;
    const auto e = m_.measure(place, font);
    const double y = std::max(0.5, (f - e.height) / 2);
    s.marks.push_back(scene::Text{{L + gap + len + 4, y, e.width, e.height}, place, font, st_.axis.label.color, {}});
    s.page_title = fmt::format("Sheet {} · row {}, column {}", index, r + 1, c + 1);
    if (pages > 1) s.page_title = fmt::format("Page {} · ", page_no) + s.page_title;
  }

  Grid g_;
  std::string name_;
  const style::Style& st_;
  const text::TextMeasurer& m_;
};

}  // namespace

scene::Scene tile(scene::Scene poster, const style::Style& st, const text::TextMeasurer& measurer,
                  Diagnostics& diags) {
  const auto size = style::page_size(st.page.tiles);
  if (!size) return poster;
  const double W = poster.width, H = poster.height;
  const double a = std::min(size->width, size->height), b = std::max(size->width, size->height);
  if ((a >= W && b >= H) || (b >= W && a >= H)) {
    diags.error(st.page.tiles_where,
                fmt::format("page.tiles = \"{}\" ({:.0f} × {:.0f} pt) is not smaller than the page ({:.0f} × {:.0f} "
                            "pt): one sheet holds it whole",
                            st.page.tiles, a, b, W, H),
                {{"name a smaller sheet, or a larger page.size", {}}});
    return poster;
  }
  // Portrait or landscape sheets, whichever takes fewer; on a tie, the page's own orientation.
  const Grid portrait = grid_for(a, b, W, H), landscape = grid_for(b, a, W, H);
  const bool wide = W > H;
  Grid g = portrait.count() < landscape.count() ? portrait : landscape;
  if (portrait.count() == landscape.count()) g = wide ? landscape : portrait;
  const std::string name = st.page.tiles + (g.w > g.h ? " landscape" : " portrait");

  const Sheets sheets(g, name, st, measurer);
  const std::size_t pages = scene::page_count(poster);
  std::vector<scene::Scene> all;
  all.reserve(pages * g.count());
  for (std::size_t p = 0; p < pages; ++p)
    for (std::size_t r = 0; r < g.rows; ++r)
      for (std::size_t c = 0; c < g.cols; ++c) all.push_back(sheets.sheet(scene::page_of(poster, p), p + 1, pages, r, c));
  scene::Scene first = std::move(all.front());
  first.more_pages.assign(std::make_move_iterator(all.begin() + 1), std::make_move_iterator(all.end()));
  return first;
}

}  // namespace annals::layout
