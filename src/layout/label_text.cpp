#include "layout/label_text.h"

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

std::vector<Range> word_ranges(std::string_view text) {
  std::vector<Range> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) words.push_back({i, j});
    i = j;
  }
  return words;
}

// A title shaped once, with the advance at each byte offset: every candidate
// line's width is a subtraction, not another shaping.
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

// Greedy word wrap of the title after a date prefix of width `prefix_width`;
// the last allowed line takes the rest and is shortened with an ellipsis.
Wrapped wrap(const Shaped& t, double prefix_width, double max_width, int max_lines, double ellipsis_width) {
  Wrapped out;
  auto words = word_ranges(t.text);
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
  if (out.lines.empty()) out.lines.push_back({0, 0});
  return out;
}

}  // namespace

std::string LabelText::joined() const {
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += '\n';
    for (const auto& r : lines[i].runs) out += r.text;
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
  const std::string prefix =
      r.date.empty() ? std::string() : std::string(r.date) + std::string(kDateSeparator);
  // The date and the title are measured apart and drawn as the same two
  // strings, so the renderer reuses these very shapings.
  const double prefix_width = prefix.empty() ? 0 : m.measure(prefix, r.font).width;
  Shaped title{r.title, {}};
  const text::Extent whole = m.measure_carets(r.title, r.font, title.carets);
  out.line_height = r.title.empty() && !prefix.empty() ? m.measure(prefix, r.font).height : whole.height;
  // Never wrap so narrowly that the date alone fills a line.
  const double max_width = std::max(r.max_width, prefix_width + 3 * r.font.size);

  Wrapped wrapped;
  if (prefix_width + whole.width <= max_width)
    wrapped.lines.push_back({0, r.title.size()});
  else
    wrapped = wrap(title, prefix_width, max_width, r.max_lines, m.measure(kEllipsis, r.font).width);
  out.shortened = wrapped.shortened;

  for (std::size_t i = 0; i < wrapped.lines.size(); ++i) {
    const Range range = wrapped.lines[i];
    std::string text(r.title.substr(range.begin, range.end - range.begin));
    const bool last = i + 1 == wrapped.lines.size();
    const double ellipsis = last && wrapped.shortened ? m.measure(kEllipsis, r.font).width : 0;
    if (last && wrapped.shortened) text += kEllipsis;
    const double title_width = range.begin == 0 && range.end == r.title.size()
                                   ? whole.width
                                   : title.width(range.begin, range.end) + ellipsis;
    TextLine line;
    double dx = 0;
    if (i == 0 && !prefix.empty()) {
      line.runs.push_back({prefix, r.date_color, 0, prefix_width});
      dx = prefix_width;
    }
    if (!text.empty()) line.runs.push_back({text, r.title_color, dx, title_width});
    line.width = dx + (text.empty() ? 0 : title_width);
    out.width = std::max(out.width, line.width);
    out.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace annals::layout
