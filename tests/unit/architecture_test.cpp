// Pins the module dependency rules of the architecture: each module may
// include only the modules listed for it, and the heavy or backend
// libraries stay inside the one module that owns them.
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::set<std::string>>& allowed() {
  static const std::map<std::string, std::set<std::string>> rules = {
      {"base", {"base"}},
      {"dates", {"base", "dates"}},
      {"model", {"base", "dates", "model"}},
      {"load", {"base", "dates", "model", "style", "load"}},
      {"style", {"base", "style"}},
      {"scale", {"base", "dates", "scale"}},
      {"text", {"base", "text"}},
      {"styled", {"base", "dates", "model", "style", "styled"}},
      {"layout", {"base", "dates", "style", "styled", "scale", "text", "scene", "layout"}},
      {"scene", {"base", "scene"}},
      {"render", {"base", "text", "scene", "render"}},
      {"annals", {"base", "dates", "model", "load", "style", "styled", "text", "layout", "scene", "render", "annals"}},
      // The pipeline only through annals/; base for messages, and the one style header `styles` lists.
      {"cli", {"base", "annals", "cli"}},
  };
  return rules;
}

// Single headers a module may include from a module it may not otherwise use.
const std::set<std::string>& allowed_headers(const std::string& module) {
  static const std::map<std::string, std::set<std::string>> headers = {{"cli", {"style/builtin.h"}}};
  static const std::set<std::string> none;
  const auto it = headers.find(module);
  return it == headers.end() ? none : it->second;
}

// Of the style module, layout sees only the resolved values: the cascade
// (how sheets become values) runs before it, in styled/.
const std::map<std::string, std::set<std::string>>& style_headers_allowed() {
  static const std::map<std::string, std::set<std::string>> rules = {
      {"layout", {"style/values.h"}},
  };
  return rules;
}

// Third-party headers that only one module may include.
const std::map<std::string, std::string>& owned_headers() {
  static const std::map<std::string, std::string> owners = {
      {"toml++", "load"}, {"cairo", "render"}, {"pango", "render"}, {"png", "render"}, {"CLI", "cli"},
      {"unicode", "dates"},  // ICU: names of the chart's language, read once into a dates::Locale
  };
  return owners;
}

struct Include {
  std::string file;
  int line;
  std::string target;
  bool quoted;
};

std::vector<Include> includes_of(const fs::path& file) {
  static const std::regex re(R"(^\s*#\s*include\s*([<"])([^>"]+)[>"])");
  std::vector<Include> out;
  std::ifstream in(file);
  std::string text;
  int n = 0;
  while (std::getline(in, text)) {
    ++n;
    std::smatch m;
    if (std::regex_search(text, m, re)) out.push_back({file.string(), n, m[2], m[1] == "\""});
  }
  return out;
}

std::vector<fs::path> sources_of(const std::string& module) {
  std::vector<fs::path> files;
  const fs::path dir = fs::path(ANNALS_SOURCE_DIR) / "src" / module;
  if (!fs::exists(dir)) return files;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && (e.path().extension() == ".h" || e.path().extension() == ".cpp"))
      files.push_back(e.path());
  return files;
}

}  // namespace

TEST(Architecture, EveryModuleFolderHasRules) {
  for (const auto& e : fs::directory_iterator(fs::path(ANNALS_SOURCE_DIR) / "src")) {
    if (e.is_directory()) {
      EXPECT_TRUE(allowed().count(e.path().filename().string()))
          << "src/" << e.path().filename().string() << " has no dependency rules";
    }
  }
}

TEST(Architecture, ModulesIncludeOnlyTheModulesTheyMayUse) {
  for (const auto& [module, may_use] : allowed()) {
    for (const auto& file : sources_of(module)) {
      for (const auto& inc : includes_of(file)) {
        if (!inc.quoted) continue;
        const auto slash = inc.target.find('/');
        if (slash == std::string::npos) continue;
        const std::string used = inc.target.substr(0, slash);
        if (!allowed().count(used) || allowed_headers(module).count(inc.target)) continue;
        EXPECT_TRUE(may_use.count(used))
            << inc.file << ":" << inc.line << ": " << module << " may not include " << inc.target;
      }
    }
  }
}

TEST(Architecture, LayoutSeesResolvedStyleValuesOnly) {
  for (const auto& [module, headers] : style_headers_allowed()) {
    for (const auto& file : sources_of(module)) {
      for (const auto& inc : includes_of(file)) {
        if (!inc.quoted || inc.target.rfind("style/", 0) != 0) continue;
        EXPECT_TRUE(headers.count(inc.target))
            << inc.file << ":" << inc.line << ": " << module << " may not include " << inc.target
            << " (the cascade runs in styled/)";
      }
    }
  }
}

TEST(Architecture, BackendLibrariesStayInTheirModule) {
  for (const auto& [module, may_use] : allowed()) {
    for (const auto& file : sources_of(module)) {
      for (const auto& inc : includes_of(file)) {
        for (const auto& [prefix, owner] : owned_headers()) {
          if (inc.target.rfind(prefix, 0) == 0 && inc.target.size() > prefix.size() &&
              (inc.target[prefix.size()] == '/' || inc.target[prefix.size()] == '.' ||
               inc.target[prefix.size()] == '-')) {
            EXPECT_EQ(module, owner) << inc.file << ":" << inc.line << ": only " << owner
                                     << " may include " << inc.target;
          }
        }
      }
    }
  }
}

TEST(Architecture, TheRulesCatchAForbiddenEdge) {
  // Guards the test itself: a made-up include of render from layout is refused.
  EXPECT_FALSE(allowed().at("layout").count("render"));
  EXPECT_FALSE(allowed().at("render").count("model"));
  EXPECT_FALSE(allowed().at("style").count("load"));
  // Layout reads the styled timeline, never the model or the cascade.
  EXPECT_FALSE(allowed().at("layout").count("model"));
  EXPECT_FALSE(style_headers_allowed().at("layout").count("style/style.h"));
  EXPECT_FALSE(allowed().at("styled").count("layout"));
  EXPECT_FALSE(allowed().at("cli").count("layout"));
  EXPECT_FALSE(allowed_headers("cli").count("styled/resolve.h"));
}

// The installed API (src/annals/ but the private pipeline.h) names only
// itself and the standard library, so it compiles against the installed
// tree alone; diagnostics.h and source_location.h forward to base in the
// tree and are installed as base's own headers.
TEST(Architecture, PublicHeadersIncludeOnlyThePublicApi) {
  const std::set<std::string> forwarders = {"diagnostics.h", "source_location.h"};
  for (const auto& file : sources_of("annals")) {
    const std::string name = file.filename().string();
    if (file.extension() != ".h" || name == "pipeline.h" || forwarders.count(name)) continue;
    for (const auto& inc : includes_of(file)) {
      if (!inc.quoted) continue;
      EXPECT_EQ(inc.target.rfind("annals/", 0), 0u)
          << inc.file << ":" << inc.line << ": an installed header may not include " << inc.target;
    }
  }
}

// Layout's callers go through the pipeline: nothing outside src/annals/ and
// layout itself strings load, style and layout together (the tools included).
TEST(Architecture, OnlyThePipelineCallsLayout) {
  std::vector<fs::path> files;
  for (const char* dir : {"src", "bench", "examples", "tests/scene_golden.cpp"}) {
    const fs::path p = fs::path(ANNALS_SOURCE_DIR) / dir;
    if (fs::is_regular_file(p)) files.push_back(p);
    else if (fs::is_directory(p))
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".cpp") files.push_back(e.path());
  }
  const fs::path layout_dir = fs::path(ANNALS_SOURCE_DIR) / "src/layout";
  const fs::path annals_dir = fs::path(ANNALS_SOURCE_DIR) / "src/annals";
  for (const auto& file : files) {
    const std::string path = file.string();
    if (path.rfind(layout_dir.string(), 0) == 0 || path.rfind(annals_dir.string(), 0) == 0) continue;
    for (const auto& inc : includes_of(file))
      EXPECT_NE(inc.target, "layout/layout.h")
          << inc.file << ":" << inc.line << ": lay out through annals/pipeline.h";
  }
}
