#include "layout/label_text.h"

#include <algorithm>
#include <cstddef>
#include <span>

namespace annals::layout {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// Byte offsets of every code point boundary, including 0 and text.size().
std::vector<std::size_t> boundaries(std::string_view text) {
  std::vector<std::size_t> cuts;
  cuts.reserve(text.size() + 1);
  for (std::size_t i = 0; i < text.size(); ++i)
    if (!is_continuation(text[i])) cuts.push_back(i);
  cuts.push_back(text.size());
  return cuts;
}

std::string_view trim_right(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

// How many bytes of `word` fit after `line` within `max_width` (at least one
// code point when `line` is empty, so wrapping always makes progress).
std::size_t fitting_bytes(const std::string& line, std::string_view word, double max_width,
                          const FontSpec& font, const text::TextMeasurer& m) {
  const auto cuts = boundaries(word);
  std::size_t lo = 0, hi = cuts.size() - 1;  // indices into cuts; lo always fits
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (m.measure(line + std::string(word.substr(0, cuts[mid])), font).width <= max_width)
      lo = mid;
    else
      hi = mid - 1;
  }
  if (lo == 0 && line.empty() && cuts.size() > 1) lo = 1;
  return cuts[lo];
}

struct Wrapped {
  std::vector<std::string> lines;
  bool shortened = false;
};

std::string join_words(std::span<const std::string_view> words) {
  std::string out;
  for (const auto w : words) {
    if (!out.empty()) out += ' ';
    out += w;
  }
  return out;
}

// Greedy word wrap; the last allowed line takes the rest and is shortened.
Wrapped wrap(const std::string& prefix, std::string_view title, double max_width, int max_lines,
             const FontSpec& font, const text::TextMeasurer& m) {
  Wrapped out;
  const auto words = words_of(title);
  const auto last_line = static_cast<std::size_t>(std::max(1, max_lines)) - 1;
  std::string line = prefix;
  bool has_word = false;
  std::string pending;  // the rest of a word broken across lines
  for (std::size_t i = 0; i < words.size() || !pending.empty();) {
    const std::string word = pending.empty() ? std::string(words[i]) : pending;
    const bool from_pending = !pending.empty();
    const std::string candidate = has_word ? line + " " + word : line + word;
    auto next = [&] {
      if (from_pending) pending.clear(); else ++i;
    };
    if (m.measure(candidate, font).width <= max_width) {
      line = candidate;
      has_word = true;
      next();
      continue;
    }
    if (out.lines.size() == last_line) {
      std::string rest = candidate;
      if (!from_pending) ++i;
      if (i < words.size()) rest += " " + join_words(std::span(words).subspan(i));
      out.lines.push_back(ellipsize(rest, max_width, font, m));
      out.shortened = true;
      return out;
    }
    const bool only_date = !has_word && !line.empty();
    if (has_word || (only_date && m.measure(word, font).width <= max_width)) {
      // Start a new line with this word (the date keeps a line to itself
      // rather than split the word).
      out.lines.push_back(std::string(trim_right(line)));
      line.clear();
      has_word = false;
      continue;
    }
    // A word wider than a whole line: break it between code points.
    const std::size_t n = fitting_bytes(line, word, max_width, font, m);
    line += word.substr(0, n);
    out.lines.push_back(line);
    line.clear();
    pending = word.substr(n);
    if (!from_pending) ++i;
  }
  if (!line.empty() || out.lines.empty()) out.lines.push_back(line);
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
  if (measurer.measure(text, font).width <= max_width) return std::string(text);
  const auto cuts = boundaries(text);
  auto with_ellipsis = [&](std::size_t k) {
    return std::string(trim_right(text.substr(0, cuts[k]))) + std::string(kEllipsis);
  };
  std::size_t lo = 0, hi = cuts.size() - 1;
  while (lo < hi) {
    const std::size_t mid = (lo + hi + 1) / 2;
    if (measurer.measure(with_ellipsis(mid), font).width <= max_width)
      lo = mid;
    else
      hi = mid - 1;
  }
  return with_ellipsis(lo);
}

LabelText compose_label(const LabelRequest& r, const text::TextMeasurer& m) {
  LabelText out;
  out.font = r.font;
  const std::string prefix =
      r.date.empty() ? std::string() : std::string(r.date) + std::string(kDateSeparator);
  const std::string full = prefix + std::string(r.title);
  const auto whole = m.measure(full, r.font);
  out.line_height = whole.height;
  const double prefix_width = prefix.empty() ? 0 : m.measure(prefix, r.font).width;
  // Never wrap so narrowly that the date alone fills a line.
  const double max_width = std::max(r.max_width, prefix_width + 3 * r.font.size);

  Wrapped wrapped;
  if (whole.width <= max_width)
    wrapped.lines.push_back(full);
  else
    wrapped = wrap(prefix, r.title, max_width, r.max_lines, r.font, m);
  out.shortened = wrapped.shortened;

  for (std::size_t i = 0; i < wrapped.lines.size(); ++i) {
    const std::string& s = wrapped.lines[i];
    TextLine line;
    line.width = (wrapped.lines.size() == 1 && s == full) ? whole.width : m.measure(s, r.font).width;
    const bool split = i == 0 && !prefix.empty() && s.size() > prefix.size() &&
                       s.compare(0, prefix.size(), prefix) == 0;
    if (split) {
      line.runs.push_back({prefix, r.date_color, 0, prefix_width});
      line.runs.push_back({s.substr(prefix.size()), r.title_color, prefix_width,
                           std::max(0.0, line.width - prefix_width)});
    } else {
      const bool is_date = i == 0 && !prefix.empty();  // the date alone, or shortened into it
      line.runs.push_back({s, is_date ? r.date_color : r.title_color, 0, line.width});
    }
    out.width = std::max(out.width, line.width);
    out.lines.push_back(std::move(line));
  }
  return out;
}

}  // namespace annals::layout
