#include "layout/labels/label_text.h"

#include <algorithm>
#include <cstddef>
#include <span>
#include <utility>

namespace annals::layout {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

struct Range {
  std::size_t begin = 0, end = 0;
};

constexpr std::string_view kMiddleDot = "\u00b7";

// A label (date prefix and title) shaped once, with the advance at each byte
// offset: every candidate line's width is a subtraction, not another shaping.
// `breaks` are the measurer's break opportunities, filled only for text that wraps.
struct Shaped {
  std::string_view text;
  std::vector<double> carets;
  std::vector<text::Break> breaks;
  double width(std::size_t a, std::size_t b) const { return carets[b] - carets[a]; }
  bool is_cluster_edge(std::size_t k) const {
    if (k >= text.size()) return true;
    if (is_continuation(text[k])) return false;
    return breaks.empty() || breaks[k] != text::Break::none;
  }
  // The last cluster boundary k in (a, text.size()] with width(a, k) <= room;
  // `a` itself when not even one cluster fits.
  std::size_t fit(std::size_t a, double room) const {
    std::size_t best = a;
    for (std::size_t k = a + 1; k <= text.size(); ++k) {
      if (!is_cluster_edge(k)) continue;
      if (width(a, k) > room) break;
      best = k;
    }
    return best;
  }
  std::size_t next_boundary(std::size_t a) const {
    std::size_t b = std::min(a + 1, text.size());
    while (!is_cluster_edge(b)) ++b;
    return b;
  }
  // Where a line that breaks before `k` ends: without its trailing spaces.
  std::size_t line_end(std::size_t begin, std::size_t k) const {
    while (k > begin && text[k - 1] == ' ') --k;
    return k;
  }
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Units a number is never parted from at a line's end ("218 km²", "45 %").
bool is_unit(std::string_view word) {
  while (!word.empty() && (word.back() == ',' || word.back() == '.' || word.back() == ';' || word.back() == ')'))
    word.remove_suffix(1);
  static constexpr std::string_view kUnits[] = {"%", "\u2030", "m", "km", "cm", "mm", "m\u00b2", "km\u00b2",
                                                "m\u00b3", "kg", "g", "t", "ha", "l", "s", "ms", "h", "min",
                                                "K", "\u00b0C", "\u00b0F", "\u00b0", "mi", "ft", "kHz", "MHz",
                                                "GHz", "kW", "MW", "GW", "kWh", "AU", "ly", "pc", "BCE", "CE"};
  return std::find(std::begin(kUnits), std::end(kUnits), word) != std::end(kUnits);
}

// A break between a number and the next group of its digits ("149 597
// 870") or its unit ("218 km²") parts what reads as one thing.
bool inside_quantity(std::string_view text, std::size_t end, std::size_t next) {
  if (end == 0 || !is_digit(text[end - 1]) || next >= text.size()) return false;
  if (is_digit(text[next])) return true;
  const std::size_t stop = std::min(text.find(' ', next), text.size());
  return is_unit(text.substr(next, stop - next));
}

// The offsets after `from` where a line may end: the measurer's line breaks,
// except those that would leave a "·" separator dangling at a line's end (the
// break then falls before the separator) or part a number from its next
// digits or its unit, and the end of the text.
std::vector<std::size_t> line_breaks(const Shaped& t, std::size_t from) {
  std::vector<std::size_t> out;
  for (std::size_t k = from + 1; k < t.text.size(); ++k) {
    if (t.breaks[k] != text::Break::line) continue;
    const std::size_t end = t.line_end(from, k);
    if (end == from || t.text.substr(0, end).ends_with(kMiddleDot)) continue;
    if (inside_quantity(t.text, end, k)) continue;
    out.push_back(k);
  }
  out.push_back(t.text.size());
  return out;
}

struct Wrapped {
  std::vector<Range> lines;  // byte ranges of the title; an empty first range = the date alone
  bool shortened = false;
  std::size_t cut = 0;       // where the shortened last line ends (before the ellipsis)
};

// A last line of one word under a line of several is an orphan: the previous
// line gives it its own last word when the two then still fit.
void avoid_orphan(const Shaped& t, const std::vector<std::size_t>& breaks, double max_width, Wrapped& w) {
  if (w.shortened || w.lines.size() < 2) return;
  Range& last = w.lines.back();
  Range& prev = w.lines[w.lines.size() - 2];
  const auto inside = [&](const Range& r) {
    return std::find_if(breaks.begin(), breaks.end(), [&](std::size_t k) { return k > r.begin && k < r.end; });
  };
  if (inside(last) != breaks.end() || prev.end == prev.begin) return;
  // The last break inside the previous line, which must keep a word of its
  // own before it: moving its only other word would leave an orphan there.
  std::size_t move = 0, before = 0;
  for (const std::size_t k : breaks)
    if (k > prev.begin && k < prev.end) before = std::exchange(move, k);
  if (move == 0 || t.width(move, last.end) > max_width) return;
  if (before == 0 && w.lines.size() > 2) return;
  prev.end = t.line_end(prev.begin, move);
  last.begin = move;
}

// Greedy wrap of the title, which starts at byte `title_begin` after a date
// prefix of width `prefix_width`, at the measurer's break opportunities; the
// last allowed line takes the rest and is shortened with an ellipsis.
Wrapped wrap(const Shaped& t, std::size_t title_begin, double prefix_width, double max_width, int max_lines,
             double ellipsis_width) {
  Wrapped out;
  const std::vector<std::size_t> breaks = line_breaks(t, title_begin);
  const auto last_line = static_cast<std::size_t>(std::max(1, max_lines)) - 1;
  double room = max_width - prefix_width;  // the first line shares its width with the date
  std::size_t begin = title_begin;
  while (begin < t.text.size() && t.text[begin] == ' ') ++begin;
  while (begin < t.text.size()) {
    if (out.lines.size() == last_line) {
      const std::size_t end = t.line_end(begin, t.text.size());
      if (t.width(begin, end) <= room) {
        out.lines.push_back({begin, end});
      } else {
        const std::size_t cut = t.line_end(begin, t.fit(begin, room - ellipsis_width));
        out.lines.push_back({begin, cut});
        out.shortened = true;
        out.cut = cut;
      }
      break;
    }
    auto next = std::upper_bound(breaks.begin(), breaks.end(), begin);
    const std::size_t first_end = t.line_end(begin, *next);
    if (t.width(begin, first_end) > room) {
      if (out.lines.empty() && prefix_width > 0 && t.width(begin, first_end) <= max_width) {
        out.lines.push_back({begin, begin});  // the date keeps a line to itself rather than split the word
        room = max_width;
        continue;
      }
      // A word wider than a whole line: cut it between clusters; the rest starts the next line.
      std::size_t cut = t.fit(begin, room);
      if (cut == begin) cut = t.next_boundary(begin);
      out.lines.push_back({begin, cut});
      room = max_width;
      begin = cut;
      while (begin < t.text.size() && t.text[begin] == ' ') ++begin;
      continue;
    }
    while (next + 1 != breaks.end() && t.width(begin, t.line_end(begin, *(next + 1))) <= room) ++next;
    out.lines.push_back({begin, t.line_end(begin, *next)});
    begin = *next;
    room = max_width;
  }
  if (out.lines.empty()) out.lines.push_back({title_begin, title_begin});
  avoid_orphan(t, breaks, max_width, out);
  // Two lines that split a title which fits a line of its own ("2003–2005 ·
  // Gas" over "war"): the date keeps the first line and the title the
  // second, whole, in as many lines.
  const std::size_t title_end = t.line_end(title_begin, t.text.size());
  if (prefix_width > 0 && !out.shortened && out.lines.size() == 2 && out.lines[0].end > out.lines[0].begin &&
      t.width(out.lines[0].begin, title_end) <= max_width)
    out.lines = {{title_begin, title_begin}, {out.lines[0].begin, title_end}};
  return out;
}

// A date wider than its label breaks between periods ("1929, c. 1950–1953,
// 1990s" after a comma) and, when one period alone is still too wide, after
// its dash ("12 Oct 1805–" over "28 Jun 1813"), never elsewhere: the lines
// of date alone before the one the title starts on, each filled greedily
// to `max_width`.
struct DateLines {
  std::vector<Range> lines;  // whole lines of date, trimmed of the space after their break
  std::size_t last = 0;      // where the date's last line, the title's first, begins
};

constexpr std::string_view kDash = "\u2013";

// A place a date may break: the line before it ends at `end`, the next starts at `next`.
struct DateBreak {
  std::size_t end = 0, next = 0;
};

// Breaks after ", " in [begin, end); or after a dash ("–" or " – "), when
// at least four bytes of the line stand before it.
std::vector<DateBreak> date_breaks(std::string_view date, std::size_t begin, std::size_t end, bool dashes) {
  std::vector<DateBreak> out;
  const std::string_view at = dashes ? kDash : std::string_view(", ");
  for (std::size_t k = date.find(at, begin); k != std::string_view::npos && k + at.size() < end;
       k = date.find(at, k + at.size())) {
    if (!dashes) {
      out.push_back({k + 1, k + 2});
      continue;
    }
    const std::size_t next = k + at.size() + (date[k + at.size()] == ' ' ? 1 : 0);
    if (k >= begin + 4) out.push_back({k + at.size(), next});
  }
  return out;
}

// [begin, end) of the date cut greedily at `breaks` into lines of at most `max_width`.
std::vector<Range> fill_date(const Shaped& t, std::size_t begin, std::size_t end,
                             const std::vector<DateBreak>& breaks, double max_width) {
  std::vector<Range> out;
  for (std::size_t i = 0; i < breaks.size(); ++i) {
    // The line from `begin` through the piece after break i.
    const std::size_t through = i + 1 == breaks.size() ? end : breaks[i + 1].end;
    if (t.width(begin, through) <= max_width) continue;
    out.push_back({begin, breaks[i].end});
    begin = breaks[i].next;
  }
  out.push_back({begin, end});
  return out;
}

DateLines break_date(const Shaped& t, std::string_view date, double max_width) {
  DateLines out;
  if (t.width(0, date.size()) <= max_width) return out;
  std::vector<Range> lines;
  for (const Range& r : fill_date(t, 0, date.size(), date_breaks(date, 0, date.size(), false), max_width)) {
    if (t.width(r.begin, r.end) <= max_width) {
      lines.push_back(r);
      continue;
    }
    for (const Range& part : fill_date(t, r.begin, r.end, date_breaks(date, r.begin, r.end, true), max_width))
      lines.push_back(part);
  }
  out.last = lines.back().begin;
  lines.pop_back();
  out.lines = std::move(lines);
  return out;
}

}  // namespace

std::string LabelText::joined() const {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i].text;
  }
  for (const auto& line : note.lines) out += "\n" + line.text;
  return out;
}

void add_note(LabelText& label, std::string_view text, const FontSpec& font, Color color, double max_width,
              int max_lines, const text::TextMeasurer& measurer) {
  if (text.empty()) return;
  LabelRequest r;
  r.title = text;
  r.font = font;
  r.date_color = r.title_color = color;
  r.max_width = std::max(max_width, label.width);
  r.max_lines = std::max(1, max_lines);
  const LabelText wrapped = compose_label(r, measurer);
  label.note.lines = wrapped.lines;
  label.note.font = font;
  label.note.color = color;
  label.note.line_height = wrapped.line_height;
  label.width = std::max(label.width, wrapped.width);
}

std::string ellipsize(std::string_view text, double max_width, const FontSpec& font,
                      const text::TextMeasurer& measurer) {
  Shaped t{text, {}, {}};
  measurer.measure_carets(text, font, t.carets);
  if (t.width(0, text.size()) <= max_width) return std::string(text);
  measurer.breaks(text, t.breaks);
  std::size_t cut = t.fit(0, max_width - measurer.measure(kEllipsis, font).width);
  return std::string(trim_right(text.substr(0, cut))) + std::string(kEllipsis);
}

LabelText compose_label(const LabelRequest& r, const text::TextMeasurer& m) {
  LabelText out;
  out.font = r.font;
  out.date_color = r.date_color;
  out.title_color = r.title_color;
  std::string full = r.date.empty() ? std::string() : std::string(r.date) + std::string(kDateSeparator);
  const std::size_t title_begin = full.size();
  full += r.title;
  // Shaped as the renderer draws a label that fits on one line, so that
  // drawing reuses this very shaping.
  Shaped shaped{full, {}, {}};
  const text::Extent whole = m.measure_carets(full, r.font, shaped.carets);
  out.line_height = whole.height;
  const double min_title = 3 * r.font.size;
  const DateLines date = r.break_date ? break_date(shaped, r.date, r.max_width) : DateLines{};
  double max_width = r.max_width;
  for (const Range& d : date.lines) max_width = std::max(max_width, shaped.width(d.begin, d.end));
  const double prefix_width = shaped.width(date.last, title_begin);
  // Never wrap so narrowly that the date's last line alone fills a line.
  max_width = std::max(max_width, prefix_width + min_title);
  const double ellipsis_width = m.measure(kEllipsis, r.font).width;

  Wrapped wrapped;
  if (date.lines.empty() && whole.width <= max_width)
    wrapped.lines.push_back({title_begin, full.size()});
  else {
    m.breaks(full, shaped.breaks);
    wrapped = wrap(shaped, title_begin, prefix_width, max_width, r.max_lines, ellipsis_width);
  }
  out.shortened = wrapped.shortened;

  out.date_lines = date.lines.size();
  for (const Range& d : date.lines) {
    TextLine line{full.substr(d.begin, d.end - d.begin), d.end - d.begin, shaped.width(d.begin, d.end)};
    out.width = std::max(out.width, line.width);
    out.lines.push_back(std::move(line));
  }
  for (std::size_t i = 0; i < wrapped.lines.size(); ++i) {
    // The first line starts with the date (its last line, when it has several).
    const std::size_t begin = i == 0 ? date.last : wrapped.lines[i].begin;
    // A date alone on its line drops the separator, which would dangle.
    const bool date_alone = i == 0 && title_begin > 0 && wrapped.lines[i].end == wrapped.lines[i].begin;
    const std::size_t end = date_alone ? r.date.size() : wrapped.lines[i].end;
    TextLine line{full.substr(begin, end - begin), i == 0 ? std::min(title_begin, end) - begin : 0,
                  end == full.size() && begin == 0 ? whole.width : shaped.width(begin, end)};
    if (i + 1 == wrapped.lines.size() && wrapped.shortened) {
      line.elided = full.substr(end);
      line.text += kEllipsis;
      line.width += ellipsis_width;
    }
    out.width = std::max(out.width, line.width);
    out.lines.push_back(std::move(line));
  }
  return out;
}

LabelText wrap_text(const std::string& text, const FontSpec& font, Color color, double max_width, int max_lines,
                    const text::TextMeasurer& measurer) {
  LabelRequest req;
  req.title = text;
  req.font = font;
  req.title_color = color;
  req.date_color = color;
  req.max_width = max_width;
  req.max_lines = max_lines;
  return compose_label(req, measurer);
}

}  // namespace annals::layout
