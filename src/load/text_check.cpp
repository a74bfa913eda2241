// Screening of raw text before toml++ sees it: toml++ asserts on NUL bytes
// and reaches an "unreachable" branch on non-ASCII outside strings, so both
// are reported here, with positions, instead.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "load/load.h"

namespace annals::load {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kSniffBytes = 4096;
// toml++ recurses once per level of a dotted key ("[a.a.a…]") and overflows
// the stack near 100,000 levels; no real timeline or style comes close.
constexpr std::size_t kMaxKeyDots = 100;

unsigned byte_at(std::string_view text, std::size_t i) { return static_cast<unsigned char>(text[i]); }

// Length of the well-formed UTF-8 sequence at `i` (no overlongs, surrogates
// or code points above U+10FFFF), or 0.
std::size_t sequence_length(std::string_view text, std::size_t i) {
  const unsigned b0 = byte_at(text, i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  unsigned lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
  else if (b0 == 0xE0) n = 3, lo = 0xA0;
  else if (b0 >= 0xE1 && b0 <= 0xEC) n = 3;
  else if (b0 == 0xED) n = 3, hi = 0x9F;
  else if (b0 >= 0xEE && b0 <= 0xEF) n = 3;
  else if (b0 == 0xF0) n = 4, lo = 0x90;
  else if (b0 >= 0xF1 && b0 <= 0xF3) n = 4;
  else if (b0 == 0xF4) n = 4, hi = 0x8F;
  else return 0;
  if (i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const unsigned b = byte_at(text, i + k);
    const unsigned low = k == 1 ? lo : 0x80, high = k == 1 ? hi : 0xBF;
    if (b < low || b > high) return 0;
  }
  return n;
}

bool is_control(unsigned b) { return b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f'; }

// A file is binary, not damaged text, when its head is full of bytes no text has.
bool looks_binary(std::string_view text) {
  const std::size_t n = std::min(text.size(), kSniffBytes);
  std::size_t odd = 0;
  bool nul = false;
  for (std::size_t i = 0; i < n; ++i) {
    const unsigned b = byte_at(text, i);
    nul = nul || b == 0;
    if (is_control(b) || (b >= 0x80 && sequence_length(text, i) == 0)) ++odd;
  }
  return nul && odd >= 4 && odd * 10 > n;
}

// Where the scanner is, for telling string contents from bare TOML.
enum class Mode { bare, comment, basic, literal, multi_basic, multi_literal };

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  // Advances over the code point at `i`; returns how many extra bytes of
  // delimiters were consumed beyond it.
  std::size_t step(std::size_t i) {
    const char c = text_[i];
    if (escaped_) {
      escaped_ = false;
      return 0;
    }
    switch (mode_) {
      case Mode::bare: return open(i, c);
      case Mode::comment:
        if (c == '\n') mode_ = Mode::bare;
        return 0;
      case Mode::basic:
      case Mode::literal: return single_line(c);
      case Mode::multi_basic:
      case Mode::multi_literal: return multi_line(i, c);
    }
    return 0;
  }

  bool in_bare_text() const { return mode_ == Mode::bare; }
  bool key_too_deep() const { return key_dots_ > kMaxKeyDots; }

 private:
  std::size_t run_of(std::size_t i, char q) const {
    std::size_t n = 0;
    while (i + n < text_.size() && text_[i + n] == q) ++n;
    return n;
  }

  std::size_t open(std::size_t i, char c) {
    count_key_depth(c);
    if (c == '#') mode_ = Mode::comment;
    if (c != '"' && c != '\'') return 0;
    const bool triple = run_of(i, c) >= 3;
    if (c == '"') mode_ = triple ? Mode::multi_basic : Mode::basic;
    else mode_ = triple ? Mode::multi_literal : Mode::literal;
    return triple ? 2 : 0;
  }

  std::size_t single_line(char c) {
    const char quote = mode_ == Mode::basic ? '"' : '\'';
    if (c == '\\' && mode_ == Mode::basic) escaped_ = true;
    else if (c == quote || c == '\n') mode_ = Mode::bare;
    return 0;
  }

  std::size_t multi_line(std::size_t i, char c) {
    const char quote = mode_ == Mode::multi_basic ? '"' : '\'';
    if (c == '\\' && mode_ == Mode::multi_basic) {
      escaped_ = true;
      return 0;
    }
    const std::size_t run = c == quote ? run_of(i, quote) : 0;
    if (run < 3) return 0;
    // Up to two quotes before the closing three belong to the string.
    mode_ = Mode::bare;
    return std::min<std::size_t>(run, 5) - 1;
  }

  // Dots outside strings since the last character that ends a dotted key:
  // a float or a date has one, a key path one per level.
  void count_key_depth(char c) {
    if (c == '.') ++key_dots_;
    else if (c == '=' || c == ',' || c == '\n' || c == '[' || c == ']') key_dots_ = 0;
  }

  std::string_view text_;
  std::size_t key_dots_ = 0;
  Mode mode_ = Mode::bare;
  bool escaped_ = false;
};

}  // namespace

bool valid_text(std::string_view text, const std::string& file, Diagnostics& diags) {
  std::size_t i = text.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  const bool binary = looks_binary(text);
  Scanner scanner(text);
  int line = 1, col = 1;
  while (i < text.size()) {
    const SourceLocation here{file, line, col};
    const unsigned b = byte_at(text, i);
    if (b == 0) {
      diags.error(here, binary ? "binary file, not a TOML text" : "NUL byte");
      return false;
    }
    const std::size_t len = sequence_length(text, i);
    if (len == 0) {
      diags.error(here, binary ? "binary file, not a TOML text" : fmt::format("invalid UTF-8 byte 0x{:02X}", b));
      return false;
    }
    if (len > 1 && scanner.in_bare_text()) {
      diags.error(here, fmt::format("unexpected character '{}' outside a string (only strings and comments "
                                    "may hold non-ASCII text)",
                                    text.substr(i, len)));
      return false;
    }
    const std::size_t extra = scanner.step(i);
    if (scanner.key_too_deep()) {
      diags.error(here, fmt::format("a key nested more than {} levels deep", kMaxKeyDots));
      return false;
    }
    if (b == '\n') {
      ++line;
      col = 1;
    } else {
      col += 1 + static_cast<int>(extra);
    }
    i += len + extra;
  }
  return true;
}

}  // namespace annals::load
