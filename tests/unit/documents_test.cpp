// The files `annals render` writes, as PDF and SVG tools read them: page
// boxes of every paper size, PDF metadata, links, outline and fonts.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "run_annals.h"

namespace annals {
namespace {

namespace fs = std::filesystem;
using testing::run_in;

const std::string annals_bin = ANNALS_BINARY;
const std::string sample = ANNALS_SOURCE_DIR "/timelines/bolivia-foreign-relations.toml";

fs::path work_dir(const std::string& name) {
  const fs::path dir = fs::path(ANNALS_BUILD_DIR) / "test-tmp" / "documents" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// Renders the sample with `args` into dir/OUT and returns what `tool OUT` printed.
std::string render_and_read(const fs::path& dir, const std::string& args, const std::string& out,
                            const std::string& tool) {
  const auto r = run_in(dir, annals_bin + " render '" + sample + "' --quiet " + args + " -o " + out);
  EXPECT_EQ(r.status, 0) << r.err;
  const auto t = run_in(dir, tool + " " + out);
  EXPECT_EQ(t.status, 0) << tool << ": " << t.err;
  return t.out;
}

// "Page size:      1190.55 x 841.89 pts (A3)" → {1190.55, 841.89}
std::pair<double, double> pdf_page(const std::string& pdfinfo) {
  std::smatch m;
  const std::regex re(R"(Page size:\s+([0-9.]+) x ([0-9.]+) pts)");
  if (!std::regex_search(pdfinfo, m, re)) return {0, 0};
  return {std::stod(m[1]), std::stod(m[2])};
}

std::pair<double, double> svg_size(const fs::path& file) {
  const std::string svg = testing::slurp(file);
  std::smatch m;
  const std::regex re(R"(<svg[^>]*width="([0-9.]+)pt" height="([0-9.]+)pt")");
  if (!std::regex_search(svg, m, re)) return {0, 0};
  return {std::stod(m[1]), std::stod(m[2])};
}

// The value pdfinfo prints for `field` ("Title", "Creator", ...).
std::string info_field(const std::string& pdfinfo, const std::string& field) {
  std::smatch m;
  const std::regex re(field + R"(:\s+(.*))");
  return std::regex_search(pdfinfo, m, re) ? m[1].str() : std::string();
}

TEST(PdfDocument, CarriesTitleSubjectCreatorAndTheDateOfNow) {
  const auto dir = work_dir("metadata");
  const std::string info = render_and_read(dir, "", "a.pdf", "pdfinfo");
  EXPECT_EQ(info_field(info, "Title"), "Bolivia's foreign relations");
  EXPECT_TRUE(info_field(info, "Subject").starts_with("From the War of the Pacific")) << info;
  EXPECT_TRUE(info_field(info, "Creator").starts_with("annals ")) << info;
  // The file's `now` is 2022-12-31: the dates do not change with the clock.
  EXPECT_TRUE(info_field(info, "CreationDate").starts_with("Sat Dec 31 00:00:00 2022")) << info;
  EXPECT_TRUE(info_field(info, "ModDate").starts_with("Sat Dec 31 00:00:00 2022")) << info;
}

TEST(PdfDocument, SampleIsAnA3LandscapePage) {
  const auto dir = work_dir("a3");
  const auto [w, h] = pdf_page(render_and_read(dir, "", "a.pdf", "pdfinfo"));
  EXPECT_NEAR(w, 1190.55, 0.5);
  EXPECT_NEAR(h, 841.89, 0.5);
}

TEST(PdfDocument, EventWithUrlIsALinkAnnotationAndEachLaneAnOutlineEntry) {
  const auto dir = work_dir("links");
  // qpdf's JSON lists every object; the sample has one event with a url and four lanes.
  const std::string json = render_and_read(dir, "", "a.pdf", "qpdf --json");
  EXPECT_NE(json.find("https://www.icj-cij.org/case/153"), std::string::npos);
  EXPECT_NE(json.find("\"/Subtype\": \"/Link\""), std::string::npos);
  for (const char* lane : {"Chile and the sea", "Cuba", "The Americas", "UN and the world"})
    EXPECT_NE(json.find(std::string("\"title\": \"") + lane + "\""), std::string::npos) << lane;
}

TEST(PdfDocument, EveryFontIsEmbedded) {
  const auto dir = work_dir("fonts");
  const std::string fonts = render_and_read(dir, "", "a.pdf", "pdffonts");
  // Header, rule, then one line per font whose "emb" column must say yes.
  std::size_t lines = 0;
  std::istringstream in(fonts);
  for (std::string line; std::getline(in, line);) {
    if (++lines <= 2 || line.empty()) continue;
    EXPECT_NE(line.find(" yes "), std::string::npos) << line;
  }
  EXPECT_GT(lines, 2u);
}

TEST(Posters, A0PageInPdfAndSvg) {
  const auto dir = work_dir("a0");
  const auto [w, h] = pdf_page(render_and_read(dir, "--page A0", "a.pdf", "pdfinfo"));
  EXPECT_NEAR(w, 3370.39, 0.5);
  EXPECT_NEAR(h, 2383.94, 0.5);
  render_and_read(dir, "--page A0", "a.svg", "rsvg-convert -o a.png");
  const auto [sw, sh] = svg_size(dir / "a.svg");
  EXPECT_NEAR(sw, 3370.39, 0.5);
  EXPECT_NEAR(sh, 2383.94, 0.5);
}

TEST(Posters, CustomPageSizeFromWidthAndHeight) {
  const auto dir = work_dir("custom");
  const auto [w, h] = pdf_page(render_and_read(
      dir, "--set page.size=custom --set page.width=300mm --set page.height=200mm", "a.pdf", "pdfinfo"));
  EXPECT_NEAR(w, 850.39, 0.5);
  // Rows may grow the height to fit the content; they never shrink it.
  EXPECT_GE(h, 566.9);
  EXPECT_LT(h, 850.0);
}

TEST(Posters, PortraitLetterPage) {
  const auto dir = work_dir("letter");
  const auto [w, h] = pdf_page(
      render_and_read(dir, "--page letter --set page.orientation=portrait", "a.pdf", "pdfinfo"));
  EXPECT_NEAR(w, 612, 0.5);
  EXPECT_GE(h, 791.5);
}

}  // namespace
}  // namespace annals
