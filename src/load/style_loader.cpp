// Style files (FORMAT.md §2), their `extends` chains and `--set` overrides.
#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "load/load.h"
#include "load/toml_reader.h"
#include "style/builtin.h"

namespace annals::load {

namespace {

using detail::Reader;
namespace fs = std::filesystem;

// Deeper than any sensible chain; stops runaway chains of generated files.
constexpr std::size_t kMaxExtendsDepth = 64;

// One style of an `extends` chain, found and read.
struct StyleSource {
  std::string identity;  // what makes two names the same style (a built-in name, a canonical path)
  std::string display;   // the name as written, for messages
  std::string file;      // for diagnostics
  std::string dir;       // where its own `extends` paths are relative to
  std::string text;
};

std::string builtin_names() {
  std::string names;
  for (const auto& s : style::builtin_styles()) names += fmt::format("{}{}", names.empty() ? "" : ", ", s.name);
  return names;
}

std::optional<fs::path> find_style_file(const std::string& name, const std::string& base_dir) {
  fs::path path(name);
  // Messages name the file as written, without "./" noise ("././mine.toml:2:7"):
  // "." as the folder adds nothing, and a leading "./" adds nothing to a folder.
  if (path.is_relative() && !base_dir.empty() && base_dir != ".") {
    std::string_view rest = name;
    while (rest.starts_with("./")) rest.remove_prefix(2);
    path = fs::path(base_dir) / fs::path(rest);
  }
  std::error_code ec;
  if (fs::exists(path, ec)) return path;
  if (path.extension() != ".toml") {
    fs::path with_extension = path;
    with_extension += ".toml";
    if (fs::exists(with_extension, ec)) return with_extension;
  }
  return std::nullopt;
}

// Safe mode: the folder every style file must lie in, once known.
struct Confinement {
  bool on = false;
  std::optional<fs::path> folder;  // canonical; unset until the first file when that one is trusted
};

fs::path canonical_folder(const std::string& dir) {
  std::error_code ec;
  const fs::path c = fs::weakly_canonical(dir.empty() ? fs::path(".") : fs::path(dir), ec);
  return ec ? fs::path(dir) : c;
}

// Whether `path` (links resolved) is a file directly inside `folder`.
bool inside(const fs::path& path, const fs::path& folder) {
  std::error_code ec;
  const fs::path real = fs::canonical(path, ec);
  return !ec && real.parent_path() == folder;
}

std::optional<StyleSource> locate(const std::string& name, const std::string& base_dir,
                                  const SourceLocation& where, const ReadOptions& options,
                                  Confinement& confine, Diagnostics& diags) {
  if (auto text = style::builtin_style_text(name))
    return StyleSource{"builtin:" + name, name, fmt::format("<built-in:{}>", name), base_dir, std::string(*text)};
  const auto path = find_style_file(name, base_dir);
  if (!path) {
    diags.error(where, fmt::format("no built-in style or file named '{}'", name),
                {{fmt::format("the built-in styles are: {}", builtin_names()), where}});
    return std::nullopt;
  }
  if (confine.on) {
    if (!confine.folder) {
      confine.folder = canonical_folder(path->parent_path().string());
    } else if (!inside(*path, *confine.folder)) {
      diags.error(where, fmt::format("safe mode: style '{}' is neither a built-in nor a file in '{}'", name,
                                     confine.folder->string()),
                  {{fmt::format("the built-in styles are: {}", builtin_names()), where}});
      return std::nullopt;
    }
  }
  auto text = detail::read_file(path->string(), options.max_style_bytes, diags);
  if (!text) return std::nullopt;
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(*path, ec);
  return StyleSource{ec ? path->string() : canonical.string(), name, path->string(), path->parent_path().string(),
                     std::move(*text)};
}

std::string cycle_message(const std::vector<StyleSource>& chain, std::size_t again) {
  if (again + 1 == chain.size()) return fmt::format("style '{}' extends itself", chain[again].display);
  std::string through;
  for (std::size_t i = again + 1; i < chain.size(); ++i)
    through += fmt::format("{}'{}'", through.empty() ? "" : ", ", chain[i].display);
  return fmt::format("style '{}' extends itself through {}", chain[again].display, through);
}

// One style of a chain as read, and whether it is a built-in one.
struct ChainSheet {
  PropertySheet sheet;
  bool builtin = false;
};

// The sheets of a style and its ancestors, the style itself first.
std::optional<std::vector<ChainSheet>> read_chain(const std::string& name_or_path, const std::string& base_dir,
                                                     const SourceLocation& where, const ReadOptions& options,
                                                     Diagnostics& diags, std::vector<std::string>* files) {
  Confinement confine;
  confine.on = options.safe;
  if (options.safe && !options.first_style_trusted) confine.folder = canonical_folder(base_dir);
  std::vector<StyleSource> chain;
  std::vector<ChainSheet> sheets;
  std::string name = name_or_path, dir = base_dir;
  SourceLocation at = where;
  while (true) {
    auto source = locate(name, dir, at, options, confine, diags);
    if (!source) return std::nullopt;
    if (files != nullptr && !source->identity.starts_with("builtin:")) files->push_back(source->file);
    const auto again = std::find_if(chain.begin(), chain.end(),
                                    [&](const StyleSource& s) { return s.identity == source->identity; });
    if (again != chain.end()) {
      diags.error(at, cycle_message(chain, static_cast<std::size_t>(again - chain.begin())));
      return std::nullopt;
    }
    if (chain.size() >= kMaxExtendsDepth) {
      diags.error(at, fmt::format("'extends' chain is longer than {} styles", kMaxExtendsDepth));
      return std::nullopt;
    }
    std::string extends;
    SourceLocation extends_where;
    auto sheet = style_sheet(source->text, source->file, &extends, &extends_where, diags);
    if (!sheet) return std::nullopt;
    sheets.push_back({std::move(*sheet), source->identity.starts_with("builtin:")});
    dir = source->dir;
    chain.push_back(std::move(*source));
    if (extends.empty()) return sheets;
    name = extends;
    at = extends_where;
  }
}

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t");
  return s.substr(first, last - first + 1);
}

// A `--set` value as TOML ("3", "true", "[\"a\"]", "\"quoted\""), when it is one.
std::optional<PropertyValue> toml_value(std::string_view text) {
  if (text.empty() || text.find('\n') != std::string_view::npos) return std::nullopt;
  Diagnostics scratch;
  const std::string document = fmt::format("x = {}", text);
  if (!valid_text(document, "", scratch)) return std::nullopt;
  const Reader r{"", scratch};
  const auto root = detail::parse(document, r);
  // A string TOML decodes to a control character or a noncharacter stays the text written.
  if (!root || root->size() != 1 || scratch.has_errors()) return std::nullopt;
  const toml::node* n = root->get("x");
  if (n == nullptr) return std::nullopt;
  return detail::property_value(*n, "x", r);
}

}  // namespace

std::optional<PropertySheet> style_sheet(std::string_view text, const std::string& file, std::string* extends,
                                         SourceLocation* extends_where, Diagnostics& diags) {
  Diagnostics local;
  const Reader r{file, local};
  std::optional<PropertySheet> sheet;
  if (valid_text(text, file, local)) {
    if (auto root = detail::parse(text, r)) {
      sheet.emplace();
      for (auto&& [k, v] : *root) {
        const std::string key(k.str());
        if (key == "extends") {
          auto name = detail::string_value(v, key, r);
          if (name && extends != nullptr) *extends = std::move(*name);
          if (name && extends_where != nullptr) *extends_where = r.at(v);
        } else if (const auto* t = v.as_table()) {
          detail::flatten(*t, key + ".", *sheet, r);
        } else if (auto value = detail::property_value(v, key, r)) {
          sheet->push_back({key, std::move(*value), r.at(v)});  // style::apply judges the key
        }
      }
      detail::sort_sheet(*sheet);
    }
  }
  detail::move_sorted(local, diags);
  return sheet;
}

std::optional<style::Style> style_named(const std::string& name_or_path, const std::string& base_dir,
                                        const SourceLocation& where, Diagnostics& diags,
                                        const ReadOptions& options, std::vector<std::string>* files) {
  const auto sheets = read_chain(name_or_path, base_dir, where, options, diags, files);
  if (!sheets) return std::nullopt;
  style::Style s = style::defaults();
  // The root ancestor is the weakest layer.
  for (auto it = sheets->rbegin(); it != sheets->rend(); ++it) {
    style::apply(s, it->sheet, diags);
    // A built-in style's orientation is its default, which a vertical chart
    // may turn (FORMAT.md §5.6); a user's file names it.
    if (it->builtin) s.page.orientation_named = false;
  }
  s.name = name_or_path;
  return s;
}

std::optional<Property> command_line_property(std::string_view assignment, Diagnostics& diags) {
  const auto eq = assignment.find('=');
  const std::string_view key = trim(assignment.substr(0, eq));
  if (eq == std::string_view::npos || key.empty()) {
    diags.error({}, fmt::format("expected KEY=VALUE in --set '{}'", assignment));
    return std::nullopt;
  }
  const std::string_view text = trim(assignment.substr(eq + 1));
  const SourceLocation where{fmt::format("--set {}", assignment), 0, 0};
  if (auto value = toml_value(text)) return Property{std::string(key), std::move(*value), where};
  return Property{std::string(key), PropertyValue{std::string(text)}, where};
}

}  // namespace annals::load
