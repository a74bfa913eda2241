#include "load/toml_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <optional>
#include <regex>
#include <system_error>
#include <utility>

#include <fmt/format.h>

#include "base/suggest.h"
#include "dates/date.h"
#include "style/style.h"

namespace annals::load::detail {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr int kMaxStyleDepth = 8;

// Columns count code points; ParseError offsets count bytes.
int code_points(std::string_view s) {
  return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

std::optional<model::LocatedDate> located(const dates::DateResult& result, SourceLocation where,
                                          const Reader& r, int column_shift) {
  if (const auto* d = std::get_if<dates::Date>(&result)) return model::LocatedDate{*d, std::move(where)};
  const auto& e = std::get<dates::ParseError>(result);
  SourceLocation at = where;
  at.col += column_shift;
  r.diags.error(std::move(at), e.message);
  return std::nullopt;
}

std::optional<model::LocatedDate> string_date(const toml::value<std::string>& v, const Reader& r) {
  const std::string& text = v.get();
  const dates::DateResult result = r.locale ? dates::parse(text, *r.locale) : dates::parse(text);
  if (const auto* e = std::get_if<dates::ParseError>(&result)) {
    // Point inside the quotes, at the character the calendar stumbled on.
    const std::size_t offset = std::min(e->offset, text.size());
    return located(result, r.at(v), r, 1 + code_points(std::string_view(text).substr(0, offset)));
  }
  return located(result, r.at(v), r, 0);
}

std::optional<model::LocatedDate> date_time_date(const toml::value<toml::date_time>& v, const Reader& r) {
  const toml::date_time& dt = v.get();
  if (dt.offset) {
    r.error(v, "time zones are not supported; write a local date-time");
    return std::nullopt;
  }
  // TOML always writes seconds; ":00" is read as "to the minute" so labels stay short.
  const bool has_seconds = dt.time.second != 0 || dt.time.nanosecond != 0;
  return located(dates::from_ymd_hms(dt.date.year, dt.date.month, dt.date.day, dt.time.hour, dt.time.minute,
                                     dt.time.second, has_seconds),
                 r.at(v), r, 0);
}

// toml++ checks TOML dates itself, in its own words and pointing past the
// value ("Error while parsing date: expected day between 1 and 29"). The
// calendar says it as it does for a quoted date ("day 31 does not exist in
// February 1996"), at the column where the value starts.
bool report_date_error(std::string_view text, const toml::parse_error& e, const Reader& r) {
  if (!e.description().starts_with("Error while parsing date")) return false;  // "date" and "date-time"
  const auto line_no = static_cast<std::size_t>(e.source().begin.line);
  std::size_t from = 0;
  for (std::size_t n = 1; n < line_no && from != std::string_view::npos; ++n) {
    from = text.find('\n', from);
    if (from != std::string_view::npos) ++from;
  }
  if (from == std::string_view::npos) return false;
  const std::string line(text.substr(from, text.find('\n', from) - from));
  if (line.size() > 4096) return false;  // a machine-made line; keep toml++'s words rather than scan it
  // TOML's own forms; a fraction of a second or an offset do not change which field is wrong.
  static const std::regex kDate(R"(\d{4}-\d{2}-\d{2}(?:[Tt ]\d{2}:\d{2}(?::\d{2})?)?)");
  for (auto it = std::sregex_iterator(line.begin(), line.end(), kDate); it != std::sregex_iterator(); ++it) {
    const dates::DateResult parsed = dates::parse(it->str());
    const auto* err = std::get_if<dates::ParseError>(&parsed);
    if (err == nullptr || err->message.starts_with("could not read")) continue;
    const int col = 1 + code_points(std::string_view(line).substr(0, static_cast<std::size_t>(it->position())));
    r.diags.error({r.file, static_cast<int>(line_no), col}, err->message);
    return true;
  }
  return false;
}

// toml++ says "Error while parsing SCOPE: WHAT" in a parser's terms ("root
// table", "value-terminator"); a person wrote a line of the file, so say what
// is wrong with that line in the words the format documents use.
std::string in_our_words(std::string_view description) {
  constexpr std::string_view kLead = "Error while parsing ";
  if (!description.starts_with(kLead)) return std::string(description);
  const std::string_view rest = description.substr(kLead.size());
  const std::size_t colon = rest.find(": ");
  if (colon == std::string_view::npos) return std::string(description);
  const std::string_view scope = rest.substr(0, colon);
  const std::string_view what = rest.substr(colon + 2);
  static const std::pair<std::string_view, std::string_view> kScopes[] = {
      {"key-value pair", "a 'key = value' line"}, {"table header", "a [table] header"},
      {"inline table", "an inline table { ... }"}, {"array", "an array [ ... ]"},
      {"string", "a string"}, {"literal string", "a 'literal' string"},
      {"key", "a key"}, {"value", "a value"}, {"root table", "the file"},
      {"comment", "a comment"}, {"boolean", "true or false"}, {"floating-point", "a number"},
  };
  std::string where = fmt::format("a {}", scope);
  for (const auto& [theirs, ours] : kScopes)
    if (scope == theirs) where = ours;
  auto saw = [&what](std::string_view lead) -> std::optional<std::string> {
    if (!what.starts_with(lead)) return std::nullopt;
    return std::string(what.substr(lead.size()));  // "'x'" as toml++ quoted it
  };
  if (what == "encountered end-of-file")
    return fmt::format("the file ends inside {}: is a closing quote or bracket missing?", where);
  if (what == "could not determine value type")
    return "not a value: quote text (\"...\"), or write a number, a date, true or false, an array [ ... ] or an "
           "inline table { ... }";
  if (auto x = saw("expected keys, tables, whitespace or comments, saw "))
    return fmt::format("unexpected {}: a line holds 'key = value', a [table] header or a # comment", *x);
  if (auto x = saw("expected a comment or whitespace, saw "))
    return fmt::format("unexpected {} after the value: one 'key = value' per line; a comment starts with #", *x);
  if (auto x = saw("expected value-terminator, saw "))
    return fmt::format("unexpected {} after the value: one 'key = value' per line", *x);
  if (what.starts_with("unescaped control characters"))
    return fmt::format("{} holds a line break or a control character: is its closing quote missing? (write "
                       "\\n or \\t for them)",
                       where);
  if (auto x = saw("expected value, saw "))
    return fmt::format("a value is missing after '=' (found {})", *x);
  if (auto x = saw("cannot redefine existing "))
    return fmt::format("{} is defined twice: a key or [table] may appear only once (use [[event]] for a list)", *x);
  return fmt::format("in {}: {}", where, what);
}

// Decodes the UTF-8 sequence at `i` (valid_text and toml++ have checked it).
char32_t code_point_at(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const std::size_t n = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
  char32_t cp = n == 1 ? b0 : n == 2 ? (b0 & 0x1F) : n == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += n;
  return cp;
}

bool is_noncharacter(char32_t cp) { return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE; }

// Why a string (after TOML's escapes are decoded) cannot be drawn and
// written: XML has no way to hold C0 controls (other than tab and line
// breaks) or noncharacters, and PDF viewers and Cairo refuse them.
std::string string_problem(std::string_view s) {
  std::size_t i = 0;
  for (int nth = 1; i < s.size(); ++nth) {
    const char32_t cp = code_point_at(s, i);
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F)
      return fmt::format("a string cannot hold the control character U+{:04X} (character {} of the string)",
                         static_cast<unsigned>(cp), nth);
    if (is_noncharacter(cp))
      return fmt::format("a string cannot hold the noncharacter U+{:04X} (character {} of the string)",
                         static_cast<unsigned>(cp), nth);
  }
  return {};
}

// Every string and key of a document, checked once, so no part of the
// loader can let a character through that the outputs cannot hold.
bool check_strings(const toml::node& n, const Reader& r) {
  bool ok = true;
  if (const auto* s = n.as_string()) {
    if (const std::string problem = string_problem(s->get()); !problem.empty()) {
      r.error(n, problem);
      ok = false;
    }
  } else if (const auto* t = n.as_table()) {
    for (auto&& [k, v] : *t) {
      if (const std::string problem = string_problem(k.str()); !problem.empty()) {
        r.diags.error(r.at(k), "in a key, " + problem);
        ok = false;
      }
      ok = check_strings(v, r) && ok;
    }
  } else if (const auto* a = n.as_array()) {
    for (const auto& item : *a) ok = check_strings(item, r) && ok;
  }
  return ok;
}

}  // namespace

SourceLocation Reader::at(const toml::source_region& region) const {
  return {file, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
}

std::string_view type_name(const toml::node& n) {
  switch (n.type()) {
    case toml::node_type::table: return "a table";
    case toml::node_type::array: return "an array";
    case toml::node_type::string: return "a string";
    case toml::node_type::integer: return "an integer";
    case toml::node_type::floating_point: return "a float";
    case toml::node_type::boolean: return "a boolean";
    case toml::node_type::date: return "a date";
    case toml::node_type::time: return "a time";
    case toml::node_type::date_time: return "a date-time";
    case toml::node_type::none: break;
  }
  return "nothing";
}

std::optional<toml::table> parse(std::string_view text, const Reader& r) {
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  try {
    toml::table root = toml::parse(text, std::string_view(r.file));
    // Reported, not fatal: the rest of the file is still checked, and the errors stop any output.
    (void)check_strings(root, r);
    return root;
  } catch (const toml::parse_error& e) {
    if (!report_date_error(text, e, r)) r.diags.error(r.at(e.source()), in_our_words(e.description()));
  } catch (const std::exception& e) {  // toml++ allocates; nothing else may escape the loader
    r.diags.error({r.file, 0, 0}, fmt::format("cannot parse: {}", e.what()));
  }
  return std::nullopt;
}

std::optional<std::string> string_value(const toml::node& n, std::string_view key, const Reader& r) {
  if (const auto* s = n.as_string()) return s->get();
  r.error(n, fmt::format("'{}' must be a string, found {}", key, type_name(n)));
  return std::nullopt;
}

std::optional<model::LocatedDate> date_value(const toml::node& n, std::string_view, const Reader& r) {
  if (const auto* i = n.as_integer()) return located(dates::from_year(i->get()), r.at(n), r, 0);
  if (const auto* d = n.as_date())
    return located(dates::from_ymd(d->get().year, d->get().month, d->get().day), r.at(n), r, 0);
  if (const auto* dt = n.as_date_time()) return date_time_date(*dt, r);
  if (const auto* s = n.as_string()) return string_date(*s, r);
  r.error(n, fmt::format("expected a date (an integer year, a TOML date or a string), found {}", type_name(n)));
  return std::nullopt;
}

std::optional<PropertyValue> property_value(const toml::node& n, std::string_view key, const Reader& r) {
  if (const auto* b = n.as_boolean()) return PropertyValue{b->get()};
  if (const auto* i = n.as_integer()) return PropertyValue{i->get()};
  if (const auto* f = n.as_floating_point()) return PropertyValue{f->get()};
  if (const auto* s = n.as_string()) return PropertyValue{s->get()};
  if (const auto* a = n.as_array()) {
    std::vector<std::string> items;
    bool ok = true;
    for (const auto& item : *a) {
      if (const auto* s = item.as_string()) {
        items.push_back(s->get());
      } else if (const auto* i = item.as_integer()) {
        items.push_back(fmt::format("{}", i->get()));
      } else if (const auto* f = item.as_floating_point()) {
        items.push_back(fmt::format("{}", f->get()));
      } else {
        r.error(item, fmt::format("'{}' must be an array of strings or numbers, found {} in it", key,
                                  type_name(item)));
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    return PropertyValue{std::move(items)};
  }
  r.error(n, fmt::format("'{}' must be a boolean, a number, a string or an array of strings, found {}", key,
                         type_name(n)));
  return std::nullopt;
}

namespace {

void flatten_level(const toml::table& t, const std::string& prefix, PropertySheet& out, const Reader& r,
                   int depth) {
  for (auto&& [k, v] : t) {
    const std::string key = prefix + std::string(k.str());
    if (const auto* sub = v.as_table()) {
      // Style keys are a few levels deep ("tag.war.label.color"); deeper is a mistake,
      // and its ever longer keys would cost time and memory.
      if (depth >= kMaxStyleDepth)
        r.error(v, fmt::format("'{}' nests tables more than {} levels deep", key, kMaxStyleDepth));
      else
        flatten_level(*sub, key + ".", out, r, depth + 1);
    } else if (auto value = property_value(v, key, r)) {
      out.push_back({key, std::move(*value), r.at(v)});
    }
  }
}

}  // namespace

void flatten(const toml::table& t, const std::string& prefix, PropertySheet& out, const Reader& r) {
  flatten_level(t, prefix, out, r, 0);
}

std::optional<Property> color_property(const toml::node& n, std::string_view key, std::string property,
                                       const Reader& r) {
  auto text = string_value(n, key, r);
  if (!text) return std::nullopt;
  if (!style::parse_color(*text)) {
    r.error(n, fmt::format("'{}' is not a colour: write #rgb, #rrggbb, #rrggbbaa, a CSS colour name or 'none'",
                           *text));
    return std::nullopt;
  }
  return Property{std::move(property), PropertyValue{std::move(*text)}, r.at(n)};
}

void warn_unknown_keys(const toml::table& t, std::span<const std::string_view> known,
                       std::string_view table_name, const Reader& r) {
  for (auto&& [k, v] : t) {
    const std::string_view key = k.str();
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    std::vector<Note> notes;
    const std::string suggestion = nearest(key, known);
    if (!suggestion.empty()) notes.push_back({fmt::format("did you mean '{}'?", suggestion), r.at(k)});
    r.diags.warning(r.at(k), fmt::format("unknown key '{}' in {}", key, table_name), std::move(notes));
  }
}

void sort_sheet(PropertySheet& sheet) {
  std::stable_sort(sheet.begin(), sheet.end(), [](const Property& a, const Property& b) {
    if (a.where.line != b.where.line) return a.where.line < b.where.line;
    return a.where.col < b.where.col;
  });
}

void move_sorted(Diagnostics& from, Diagnostics& to) {
  from.sort_by_position();
  for (const auto& d : from.all()) to.add(d);
  from = Diagnostics{};
}

namespace {

std::string size_text(std::uintmax_t bytes) {
  if (bytes >= (1ULL << 20) && bytes % (1ULL << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  if (bytes >= (1ULL << 10) && bytes % (1ULL << 10) == 0) return fmt::format("{} KiB", bytes >> 10);
  return fmt::format("{} bytes", bytes);
}

std::string_view kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory";
  if (S_ISFIFO(mode)) return "is a pipe (FIFO), not a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
  if (S_ISSOCK(mode)) return "is a socket, not a regular file";
  return "is not a regular file";
}

// Reads until the end or one byte past the limit; the limit also stops
// files whose size the kernel does not know (/proc) or that grow while read.
std::optional<std::string> read_bounded(int fd, std::uintmax_t max_bytes, const SourceLocation& whole,
                                        Diagnostics& diags) {
  std::string text;
  char buffer[1 << 16];
  while (true) {
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      diags.error(whole, "cannot read: " + std::generic_category().message(errno));
      return std::nullopt;
    }
    if (got == 0) return text;
    text.append(buffer, static_cast<std::size_t>(got));
    if (text.size() > max_bytes) {
      diags.error(whole, fmt::format("cannot read: larger than the limit of {}", size_text(max_bytes)));
      return std::nullopt;
    }
  }
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, std::uintmax_t max_bytes, Diagnostics& diags) {
  const SourceLocation whole{path, 0, 0};
  if (path == "-") return read_bounded(STDIN_FILENO, max_bytes, whole, diags);
  // O_NONBLOCK so that opening a FIFO without a writer does not wait; the
  // file type is then judged on what was opened, not on a name that may change.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    diags.error(whole, "cannot read: " + std::generic_category().message(errno));
    return std::nullopt;
  }
  struct stat st {};
  std::optional<std::string> text;
  if (::fstat(fd, &st) != 0) {
    diags.error(whole, "cannot read: " + std::generic_category().message(errno));
  } else if (!S_ISREG(st.st_mode)) {
    diags.error(whole, fmt::format("cannot read: {}", kind_of(st.st_mode)));
  } else if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    diags.error(whole, fmt::format("cannot read: {} bytes, larger than the limit of {}",
                                   static_cast<std::uintmax_t>(st.st_size), size_text(max_bytes)));
  } else {
    text = read_bounded(fd, max_bytes, whole, diags);
  }
  ::close(fd);
  return text;
}

}  // namespace annals::load::detail
