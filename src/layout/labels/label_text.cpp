#include "layout/labels/label_text.h"

#include <algorithm>
#include <cstddef>
#include <span>

namespace annals::layout {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Byte ranges of the words of `text` (runs of non-spaces).
struct Range {
  std::size_t begin = 0, end = 0;
};

std::vector<Range> word_ranges(std::string_view text, std::size_t from) {
  std::vector<Range> words;
  std::size_t i = from;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) words.push_back({i, j});
    i = j;
  }
  return words;
}

// A label (date prefix and title) shaped once, with the advance at each byte
// offset: every candidate line's width is a subtraction, not another shaping.
struct Shaped {
  std::string_view text;
  std::vector<double> carets;
  double width(std::size_t a, std::size_t b) const { return carets[b] - carets[a]; }
  // The last code point boundary k in (a, text.size()] with width(a, k) <= room;
  // `a` itself when not even one character fits.
  std::size_t fit(std::size_t a, double room) const {
    std::size_t best = a;
    for (std::size_t k = a + 1; k <= text.size(); ++k) {
      if (k < text.size() && is_continuation(text[k])) continue;
      if (width(a, k) > room) break;
      best = k;
    }
    return best;
  }
  std::size_t next_boundary(std::size_t a) const {
    std::size_t b = std::min(a + 1, text.size());
    while (b < text.size() && is_continuation(text[b])) ++b;
    return b;
  }
};

struct Wrapped {
  std::vector<Range> lines;  // byte ranges of the title; an empty first range = the date alone
  bool shortened = false;
  std::size_t cut = 0;       // where the shortened last line ends (before the ellipsis)
};

// Greedy word wrap of the title, which starts at byte `title_begin` after a
// date prefix of width `prefix_width`; the last allowed line takes the rest
// and is shortened with an ellipsis.
Wrapped wrap(const Shaped& t, std::size_t title_begin, double prefix_width, double max_width, int max_lines,
             double ellipsis_width) {
  Wrapped out;
  auto words = word_ranges(t.text, title_begin);
  const auto last_line = static_cast<std::size_t>(std::max(1, max_lines)) - 1;
  double room = max_width - prefix_width;  // the first line shares its width with the date
  std::size_t w = 0;
  while (w < words.size()) {
    const std::size_t begin = words[w].begin;
    if (out.lines.size() == last_line) {
      const std::size_t end = words.back().end;
      if (t.width(begin, end) <= room) {
        out.lines.push_back({begin, end});
      } else {
        std::size_t cut = t.fit(begin, room - ellipsis_width);
        while (cut > begin && t.text[cut - 1] == ' ') --cut;
        out.lines.push_back({begin, cut});
        out.shortened = true;
        out.cut = cut;
      }
      return out;
    }
    std::size_t end = words[w].end;
    if (t.width(begin, end) > room) {
      if (out.lines.empty() && prefix_width > 0 && t.width(begin, end) <= max_width) {
        out.lines.push_back({begin, begin});  // the date keeps a line to itself rather than split the word
        room = max_width;
        continue;
      }
      // A word wider than a whole line: break it between characters.
      std::size_t cut = t.fit(begin, room);
      if (cut == begin) cut = t.next_boundary(begin);
      out.lines.push_back({begin, cut});
      room = max_width;
      // The rest of the word starts the next line.
      if (cut < words[w].end)
        words[w].begin = cut;
      else
        ++w;
      continue;
    }
    ++w;
    while (w < words.size() && t.width(begin, words[w].end) <= room) end = words[w++].end;
    out.lines.push_back({begin, end});
    room = max_width;
  }
  if (out.lines.empty()) out.lines.push_back({title_begin, title_begin});
  return out;
}

}  // namespace

std::string LabelText::joined() const {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    out += lines[i].text;
  }
  return out;
}

std::string ellipsize(std::string_view text, double max_width, const FontSpec& font,
                      const text::TextMeasurer& measurer) {
  Shaped t{text, {}};
  measurer.measure_carets(text, font, t.carets);
  if (t.width(0, text.size()) <= max_width) return std::string(text);
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
  Shaped shaped{full, {}};
  const text::Extent whole = m.measure_carets(full, r.font, shaped.carets);
  out.line_height = whole.height;
  const double prefix_width = shaped.width(0, title_begin);
  // Never wrap so narrowly that the date alone fills a line.
  const double max_width = std::max(r.max_width, prefix_width + 3 * r.font.size);
  const double ellipsis_width = m.measure(kEllipsis, r.font).width;

  Wrapped wrapped;
  if (whole.width <= max_width)
    wrapped.lines.push_back({title_begin, full.size()});
  else
    wrapped = wrap(shaped, title_begin, prefix_width, max_width, r.max_lines, ellipsis_width);
  out.shortened = wrapped.shortened;

  for (std::size_t i = 0; i < wrapped.lines.size(); ++i) {
    // The first line starts with the date.
    const std::size_t begin = i == 0 ? 0 : wrapped.lines[i].begin;
    const std::size_t end = wrapped.lines[i].end;
    TextLine line{full.substr(begin, end - begin), i == 0 ? title_begin : 0,
                  end == full.size() && begin == 0 ? whole.width : shaped.width(begin, end)};
    if (i + 1 == wrapped.lines.size() && wrapped.shortened) {
      line.text += kEllipsis;
      line.width += ellipsis_width;
    }
    out.width = std::max(out.width, line.width);
    out.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace annals::layout
