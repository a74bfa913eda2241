#include "layout/page/page_blocks.h"

#include <algorithm>
#include <cctype>

#include "base/strings.h"
#include "layout/assembly/shapes.h"
#include "layout/labels/label_text.h"

namespace annals::layout {

namespace {

constexpr double kAutoWidth = 453.54;  // 16 cm
constexpr double kSwatchW = 14, kSwatchH = 8;
constexpr double kSwatchGap = 4, kEntryGap = 14;
constexpr double kSwatchTextSize = 8;  // pt: the legend text size the swatches above are drawn for
constexpr int kBlockLines = 8;         // a title, subtitle or source wraps into this many lines before "…"

double aligned_x(style::Align a, double width, double text_width) {
  switch (a) {
    case style::Align::center: return (width - text_width) / 2;
    case style::Align::right: return width - text_width;
    case style::Align::left: break;
  }
  return 0;
}

// A text wrapped to the width (never shortened: a title too long for one
// line takes more), its lines aligned, as shapes and one `title` item.
void add_lines(Block& b, const std::string& id, const std::string& s, const style::TextStyle& st,
               style::Align align, double width, double y, const text::TextMeasurer& m) {
  const LabelText t = wrap_text(s, st.font, st.color, width, kBlockLines, m);
  Box all{};
  for (std::size_t i = 0; i < t.lines.size(); ++i) {
    const auto& line = t.lines[i];
    const auto ext = m.measure(line.text, st.font);
    const double x = std::max(0.0, aligned_x(align, width, ext.width));
    scene::Text text{{x, y + t.line_height * static_cast<double>(i), ext.width, ext.height}, line.text, st.font,
                     st.color, {}};
    all = i == 0 ? text.box : union_box(all, text.box);
    b.shapes.push_back(std::move(text));
  }
  if (t.lines.empty()) return;
  scene::Item it;
  it.kind = scene::ItemKind::title;
  it.id = id;
  it.box = all;
  it.text = t.joined();
  b.items.push_back(std::move(it));
  b.height = std::max(b.height, all.bottom());
}

// The mark of a lane of points, as its events draw it, `size` across, centred on (x, y).
scene::Shape mark_swatch(const LegendEntry& e, double x, double y, double size) {
  const double r = size / 2;
  const auto fill = scene::Paint::solid(e.color);
  switch (e.mark) {
    case style::MarkerShape::square: return scene::Rect{{x - r, y - r, size, size}, 0, fill, e.outline};
    case style::MarkerShape::diamond:
      return scene::Path{{{x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}}, true, fill, e.outline};
    case style::MarkerShape::triangle:
      return scene::Path{{{x, y - r}, {x + r, y + r}, {x - r, y + r}}, true, fill, e.outline};
    case style::MarkerShape::circle:
    case style::MarkerShape::none: break;
  }
  return scene::Circle{{x, y}, r, fill, e.outline};
}

// A swatch `k` times its size at body text sizes, so a poster's legend keeps
// its proportions.
scene::Shape swatch(const LegendEntry& e, double x, double y, double k) {
  const double w = kSwatchW * k, h = kSwatchH * k;
  const Box box{x, y, w, h};
  const double cy = y + h / 2;
  switch (e.swatch) {
    case LegendEntry::Swatch::band:
      return scene::Rect{{x, cy - 2.5 * k, w, 5 * k}, 2.5 * k, scene::Paint::solid(with_alpha(e.color, 0.28)), {}};
    case LegendEntry::Swatch::fade: {
      scene::Paint p;
      p.from = {x, cy};
      p.to = {x + w, cy};
      p.stops = {{0, e.color}, {1, with_alpha(e.color, 0.12)}};
      return scene::Rect{box, 2 * k, p, {}};
    }
    case LegendEntry::Swatch::open:
      return scene::Path{{{x, y}, {x + w - 5 * k, y}, {x + w, cy}, {x + w - 5 * k, y + h}, {x, y + h}},
                         true, scene::Paint::solid(e.color), {}};
    case LegendEntry::Swatch::lane:
      if (e.mark != style::MarkerShape::none) return mark_swatch(e, x + w / 2, cy, h);
      return scene::Rect{box, 2 * k, scene::Paint::solid(e.color), e.outline};
    case LegendEntry::Swatch::solid: break;
  }
  return scene::Rect{box, 2 * k, scene::Paint::solid(e.color), {}};
}

}  // namespace

PageFrame page_frame(const style::PageStyle& page) {
  const std::string size = lowercase(page.size);
  if (size == "auto" || size.empty())
    return {page.width > 0 ? page.width : kAutoWidth, 0, "auto"};
  if (size == "custom" && page.width > 0 && page.height > 0)
    return {page.width, page.height, "custom"};
  const auto named = style::page_size(page.size);
  if (!named) return {page.width > 0 ? page.width : kAutoWidth, 0, "auto"};
  const double w = page.landscape ? std::max(named->width, named->height) : std::min(named->width, named->height);
  const double h = page.landscape ? std::min(named->width, named->height) : std::max(named->width, named->height);
  return {w, h, page.size + (page.landscape ? " landscape" : " portrait")};
}

Block title_block(const std::string& title, const std::string& subtitle, const style::TitleStyle& st,
                  double width, const text::TextMeasurer& m) {
  Block b;
  // A caption (LaTeX's \\caption, a web page's heading) may say the title instead:
  // title.show = false leaves the block out, and the subtitle with it unless subtitle.show.
  if (!title.empty() && st.show_title) add_lines(b, "title", title, st.title, st.align, width, 0, m);
  if (!subtitle.empty() && st.subtitle_shown()) {
    const double y = b.height > 0 ? b.height + st.subtitle.font.size * 0.3 : 0;
    add_lines(b, "subtitle", subtitle, st.subtitle, st.align, width, y, m);
  }
  return b;
}

Block source_block(const std::string& source, const style::TitleStyle& st, double width,
                   const text::TextMeasurer& m) {
  Block b;
  if (!source.empty()) add_lines(b, "source", source, st.source, style::Align::left, width, 0, m);
  return b;
}

Block legend_block(const std::vector<LegendEntry>& entries, const style::LegendStyle& st, double width,
                   const text::TextMeasurer& m) {
  Block b;
  if (entries.empty()) return b;
  const double k = std::max(1.0, st.label.font.size / kSwatchTextSize);
  const double sw_w = kSwatchW * k, sw_h = kSwatchH * k, sw_gap = kSwatchGap * k;
  const double line_h = std::max(sw_h, m.measure("0", st.label.font).height);
  double x = 0, y = 0;
  std::size_t n = 0;
  for (const auto& e : entries) {
    const std::string text = ellipsize(e.text, std::max(20.0, width - sw_w - sw_gap), st.label.font, m);
    const auto ext = m.measure(text, st.label.font);
    const double w = sw_w + sw_gap + ext.width;
    if (x > 0 && x + w > width) {
      x = 0;
      y += line_h + 4 * k;
    }
    auto sw = swatch(e, x, y + (line_h - sw_h) / 2, k);
    scene::Text t{{x + sw_w + sw_gap, y + (line_h - ext.height) / 2, ext.width, ext.height}, text,
                  st.label.font, st.label.color, {}};
    scene::Item it;
    it.kind = scene::ItemKind::legend;
    it.id = "legend-" + std::to_string(n++);
    it.box = union_box(box_of(sw), t.box);
    it.text = text;
    b.items.push_back(std::move(it));
    b.shapes.push_back(std::move(sw));
    b.shapes.push_back(std::move(t));
    x += w + kEntryGap * k;
  }
  b.height = y + line_h;
  return b;
}

void move_block(Block& b, double dx, double dy) {
  for (auto& s : b.shapes) translate(s, dx, dy);
  for (auto& it : b.items) {
    it.box.x += dx;
    it.box.y += dy;
  }
}

}  // namespace annals::layout
