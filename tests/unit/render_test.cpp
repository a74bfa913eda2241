#include "render/render.h"
#include "render/svg_dark.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "raster.h"
#include "raster_golden.h"

namespace annals::render {
namespace {

namespace fs = std::filesystem;

// Measurements and goldens use only the pinned fonts; ctest sets this too,
// and it must happen before the first font map is made.
class RenderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { setenv("FONTCONFIG_FILE", ANNALS_SOURCE_DIR "/tests/fonts/fonts.conf", 0); }
  Renderer renderer;
};

constexpr Color black{0, 0, 0, 1};

scene::Scene small_scene() {
  scene::Scene s;
  s.width = 200;
  s.height = 100;
  s.metadata.title = "A <small> & plain timeline";
  s.metadata.subject = "For tests";
  s.metadata.creator = "annals test";
  s.metadata.date = "2022-12-31";
  return s;
}

scene::Text label(const Renderer& r, std::string text, double x, double y, FontSpec font = {}) {
  const text::Extent e = r.measurer().measure(text, font);
  return scene::Text{{x, y, e.width, e.height}, std::move(text), font, black, {}};
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

void write_file(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

// One folder per test: CTest runs the tests of this file in parallel, and two
// of them writing the same file name in one folder read each other's output.
fs::path temp_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path dir = fs::path(ANNALS_BUILD_DIR) / "test-tmp" / "render" / info->name();
  fs::create_directories(dir);
  return dir;
}

// ---- measuring ----

TEST_F(RenderTest, MeasuredWidthScalesExactlyWithSize) {
  FontSpec small;
  small.size = 9;
  FontSpec large = small;
  large.size = 18;
  const double w1 = renderer.measurer().measure("War of the Pacific 1879–1883", small).width;
  const double w2 = renderer.measurer().measure("War of the Pacific 1879–1883", large).width;
  ASSERT_GT(w1, 0);
  EXPECT_NEAR(w2 / w1, 2.0, 0.002);
}

TEST_F(RenderTest, PinnedFontsAreTheTestFontsOnly) {
  EXPECT_TRUE(renderer.has_family("DejaVu Sans"));
  // Installed system fonts and the folders system rules add (TeX's Latin Modern) stay out.
  EXPECT_FALSE(renderer.has_family("Noto Sans"));
  EXPECT_FALSE(renderer.has_family("Latin Modern Roman"));
}

TEST_F(RenderTest, BoldTextIsWiderThanRegular) {
  FontSpec bold;
  bold.weight = 700;
  EXPECT_GT(renderer.measurer().measure("Bolivia", bold).width,
            renderer.measurer().measure("Bolivia", FontSpec{}).width);
}

TEST_F(RenderTest, LineHeightAndBaselineComeFromTheFont) {
  const text::Extent e = renderer.measurer().measure("Ág", FontSpec{});
  EXPECT_GT(e.height, 9);  // DejaVu's line is ≈ 1.16 em
  EXPECT_GT(e.baseline, 0);
  EXPECT_LT(e.baseline, e.height);
}

TEST_F(RenderTest, ArabicTextShapesWithTheTestFonts) {
  const std::string arabic = "العلاقات الخارجية";
  EXPECT_GT(renderer.measurer().measure(arabic, FontSpec{}).width, 0);
  EXPECT_EQ(renderer.missing_glyphs(arabic, FontSpec{}), 0);
}

TEST_F(RenderTest, HebrewTextShapesWithTheTestFonts) {
  const std::string hebrew = "יחסי חוץ";
  EXPECT_GT(renderer.measurer().measure(hebrew, FontSpec{}).width, 0);
  EXPECT_EQ(renderer.missing_glyphs(hebrew, FontSpec{}), 0);
}

TEST_F(RenderTest, InvalidUtf8MeasuresLikeReplacementCharacters) {
  const double broken = renderer.measurer()
                            .measure(
                                "a\xff"
                                "b",
                                FontSpec{})
                            .width;
  EXPECT_DOUBLE_EQ(broken, renderer.measurer()
                               .measure("a\xEF\xBF\xBD"
                                        "b",
                                        FontSpec{})
                               .width);
}

TEST_F(RenderTest, ZeroFontSizeMeasuresNearlyNothing) {
  FontSpec none;
  none.size = 0;
  EXPECT_LT(renderer.measurer().measure("Bolivia", none).width, 0.1);
}

// ---- SVG ----

TEST_F(RenderTest, SvgStartsWithXmlDeclaration) {
  const Output out = renderer.render(small_scene(), Format::svg, {});
  ASSERT_TRUE(out.ok()) << out.error;
  EXPECT_EQ(out.bytes.rfind("<?xml", 0), 0u);
}

TEST_F(RenderTest, SvgHasPageSizeInPointsAndViewBox) {
  const std::string svg = renderer.render(small_scene(), Format::svg, {}).bytes;
  EXPECT_NE(svg.find("width=\"200pt\" height=\"100pt\" viewBox=\"0 0 200 100\""), std::string::npos) << svg;
}

TEST_F(RenderTest, SvgCarriesEscapedTitleAndDescAfterRoot) {
  const std::string svg = renderer.render(small_scene(), Format::svg, {}).bytes;
  const std::size_t root_end = svg.find('>', svg.find("<svg"));
  EXPECT_EQ(svg.find("\n<title>A &lt;small&gt; &amp; plain timeline</title>\n<desc>For tests</desc>\n"),
            root_end + 1)
      << svg;
}

TEST_F(RenderTest, SvgIsIdenticalWhenRenderedTwiceInOneProcess) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Hello", 10, 10));
  EXPECT_EQ(renderer.render(s, Format::svg, {}).bytes, renderer.render(s, Format::svg, {}).bytes);
}

TEST_F(RenderTest, SvgTitleRepairsInvalidUtf8) {
  scene::Scene s = small_scene();
  s.metadata.title = "Bol\xedvia";  // Latin-1, not UTF-8
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_NE(svg.find("<title>Bol\xEF\xBF\xBDvia</title>"), std::string::npos);
}

// ---- SVG text as real <text> ----

int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The numbers of the first `x="…"` list after `from`.
std::vector<double> x_list(const std::string& svg, std::size_t from = 0) {
  const auto at = svg.find(" x=\"", from);
  std::vector<double> out;
  if (at == std::string::npos) return out;
  std::istringstream in(svg.substr(at + 4, svg.find('"', at + 4) - at - 4));
  for (double v; in >> v;) out.push_back(v);
  return out;
}

TEST_F(RenderTest, SvgTextIsRealTextInAnEmbeddedSubset) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Hello", 10, 10));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_EQ(svg.find("<use"), std::string::npos) << "no glyph outlines";
  EXPECT_EQ(svg.find("fill-opacity=\"0\""), std::string::npos) << "no invisible copy";
  EXPECT_NE(svg.find(">Hello</text>"), std::string::npos) << svg;
  const auto face = svg.find("@font-face{font-family:\"");
  ASSERT_NE(face, std::string::npos);
  EXPECT_NE(svg.find("src:url(data:font/ttf;base64,", face), std::string::npos);
  // Only the glyphs used: a whole DejaVu Sans is over 700 KB.
  EXPECT_LT(svg.size(), 20000u);
}

TEST_F(RenderTest, SvgTextPlacesEachGlyphWherePangoDid) {
  scene::Scene s = small_scene();
  const FontSpec font;
  s.shapes.push_back(label(renderer, "Wave", 10, 10, font));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  std::vector<double> carets;
  renderer.measurer().measure_carets("Wave", font, carets);
  const std::vector<double> xs = x_list(svg, svg.find("<text"));
  ASSERT_EQ(xs.size(), 4u) << svg;
  // Relative to the line's start (the element is translated there), to 0.1 pt.
  for (std::size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(xs[i], carets[i], 0.051) << i;
  EXPECT_NE(svg.find("<text transform=\"translate(10 "), std::string::npos) << svg;
}

TEST_F(RenderTest, SvgTextDrawsSpansInTheirColours) {
  scene::Scene s = small_scene();
  scene::Text t = label(renderer, "1879 War", 10, 10);
  t.spans.push_back({0, 4, Color{1, 0, 0, 1}});
  s.shapes.push_back(t);
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_NE(svg.find("fill=\"#ff0000\""), std::string::npos) << svg;
  // One list of positions for the line; the date nests inside in its colour.
  EXPECT_NE(svg.find(">1879</tspan> War</text>"), std::string::npos) << svg;
  EXPECT_EQ(x_list(svg, svg.find("<text")).size(), 8u) << svg;
}

TEST_F(RenderTest, SvgFontNamesCarryTheIdPrefix) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Hello", 10, 10));
  Options o;
  o.id_prefix = "c1-";
  const std::string svg = renderer.render(s, Format::svg, o).bytes;
  EXPECT_NE(svg.find("@font-face{font-family:\"c1-f0\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("font-family=\"'c1-f0', 'DejaVu Sans'\""), std::string::npos) << svg;
}

TEST_F(RenderTest, SvgOutlinesKeepCairosGlyphsUnderAnInvisibleLayer) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Hello", 10, 10));
  Options o;
  o.svg_text = SvgText::outlines;
  const std::string svg = renderer.render(s, Format::svg, o).bytes;
  EXPECT_EQ(occurrences(svg, "<use"), 5) << svg;
  EXPECT_EQ(svg.find("@font-face"), std::string::npos);
  EXPECT_NE(svg.find("fill-opacity=\"0\""), std::string::npos);
}

TEST_F(RenderTest, SvgTextOfTwoRendersIsIdentical) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Hello", 10, 10));
  s.shapes.push_back(label(renderer, "Bold", 10, 40, FontSpec{"DejaVu Sans", 12, 700, false}));
  const std::string a = renderer.render(s, Format::svg, {}).bytes;
  Renderer other;
  EXPECT_EQ(a, other.render(s, Format::svg, {}).bytes);
  EXPECT_EQ(occurrences(a, "@font-face"), 2) << "one subset per face";
}

scene::Item item_of(scene::ItemKind kind, std::string id, Box box, std::string text) {
  scene::Item it;
  it.kind = kind;
  it.id = id;
  it.event = kind == scene::ItemKind::lane ? std::string() : id;
  it.box = box;
  it.text = std::move(text);
  return it;
}

TEST_F(RenderTest, SvgTooltipOnlyWhereTheLabelDoesNotSayItAll) {
  scene::Scene s = small_scene();
  for (const auto& [id, y, description] : {std::tuple{"plain", 10.0, ""}, std::tuple{"told", 50.0, "More to say."}}) {
    scene::Text t = label(renderer, "1990 · Summit", 20, y);
    s.shapes.push_back(t);
    scene::Item e = item_of(scene::ItemKind::event, id, {10, y, 6, 6}, "");
    e.title = "Summit";
    e.description = description;
    s.items.push_back(e);
    s.items.push_back(item_of(scene::ItemKind::label, id, t.box, t.text));
  }
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_EQ(occurrences(svg, "<title>"), 2) << "the chart's and the described event's:\n" << svg;
  EXPECT_NE(svg.find("<title>Summit\nMore to say.</title>"), std::string::npos) << svg;
}

TEST_F(RenderTest, SvgShortenedNameKeepsItsFullTextAsTooltip) {
  scene::Scene s = small_scene();
  scene::Text t = label(renderer, "Relations with Ch…", 10, 10);
  s.shapes.push_back(t);
  s.items.push_back(item_of(scene::ItemKind::lane, "chile", {5, 5, 190, 40}, "Relations with Chile"));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_NE(svg.find("><title>Relations with Chile</title>Relations with Ch…</text>"), std::string::npos) << svg;
}

TEST_F(RenderTest, SvgRightToLeftTextKeepsItsLogicalOrderAndIsPlacedByItsLeftEdge) {
  scene::Scene s = small_scene();
  const std::string arabic = "\xD8\xA7\xD9\x84\xD8\xAF\xD9\x88\xD9\x84\xD8\xA9";  // الدولة
  s.shapes.push_back(label(renderer, "750 · " + arabic, 10, 10));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  // Copied or read, the text is as written; the viewer orders the glyphs.
  const auto piece = svg.find(">" + arabic + "</tspan>");
  ASSERT_NE(piece, std::string::npos) << svg;
  const auto open = svg.rfind("<tspan", piece);
  ASSERT_NE(open, std::string::npos);
  EXPECT_EQ(x_list(svg, open).size(), 1u) << "one x for the right-to-left piece:\n" << svg;
}

// The characters of one cluster must not each get an x: a browser shapes
// every positioned character on its own and drew "Pacific" as "Pacif c",
// and a combining accent over the letter before its own.
TEST_F(RenderTest, SvgLigatureIsOnePiecePlacedWhereItsClusterStarts) {
  scene::Scene s = small_scene();
  const FontSpec font;
  s.shapes.push_back(label(renderer, "Pacific", 10, 10, font));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  std::vector<double> carets;
  renderer.measurer().measure_carets("Pacific", font, carets);
  EXPECT_EQ(x_list(svg, svg.find("<text")).size(), 4u) << "P a c i, then the ligature:\n" << svg;
  const auto piece = svg.find(">fi</tspan>");
  ASSERT_NE(piece, std::string::npos) << svg;
  const std::vector<double> own = x_list(svg, svg.rfind("<tspan", piece));
  ASSERT_EQ(own.size(), 1u) << svg;
  EXPECT_NEAR(own[0], carets[4], 0.051);
}

TEST_F(RenderTest, SvgCombiningMarkStaysWithItsLetter) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Cafe\xCC\x81 Zoe\xCC\x88", 10, 10));  // e and a combining accent
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  for (const std::string cluster : {"e\xCC\x81", "e\xCC\x88"}) {
    const auto piece = svg.find(">" + cluster + "</tspan>");
    ASSERT_NE(piece, std::string::npos) << svg;
    EXPECT_EQ(x_list(svg, svg.rfind("<tspan", piece)).size(), 1u) << svg;
  }
}

// A colour span that begins inside a cluster (between the f and the i of
// the "fi" ligature) is placed where that cluster is, not at the line's start.
TEST_F(RenderTest, SvgPieceBeginningInsideAClusterStaysAtTheCluster) {
  scene::Scene s = small_scene();
  scene::Text t = label(renderer, "1879 fire", 10, 10);
  t.spans.push_back({0, 6, Color{1, 0, 0, 1}});
  s.shapes.push_back(t);
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  std::vector<double> all;
  for (auto at = svg.find("<text"); (at = svg.find(" x=\"", at)) != std::string::npos; ++at)
    for (const double x : x_list(svg, at)) all.push_back(x);
  ASSERT_FALSE(all.empty()) << svg;
  EXPECT_EQ(std::count(all.begin(), all.end(), 0.0), 1) << "only the first character at the line's start:\n" << svg;
}

TEST_F(RenderTest, SvgRunOfAJoiningScriptIsOnePiece) {
  scene::Scene s = small_scene();
  const std::string hindi = "\xE0\xA4\xB9\xE0\xA4\xBF\xE0\xA4\xA8\xE0\xA5\x8D\xE0\xA4\xA6\xE0\xA5\x80";  // हिन्दी
  s.shapes.push_back(label(renderer, "Delhi " + hindi, 10, 10));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  const auto piece = svg.find(">" + hindi + "</tspan>");
  ASSERT_NE(piece, std::string::npos) << svg;
  EXPECT_EQ(x_list(svg, svg.rfind("<tspan", piece)).size(), 1u) << svg;
  EXPECT_EQ(x_list(svg, svg.find("<text")).size(), 6u) << "the Latin before it, letter by letter:\n" << svg;
}

// ---- batching ----

scene::Circle dot(double x, double y, Color c) { return scene::Circle{{x, y}, 3, scene::Paint::solid(c), {}}; }

TEST_F(RenderTest, MarksOfOnePaintBecomeOnePath) {
  scene::Scene s = small_scene();
  const Color red{1, 0, 0, 1}, blue{0, 0, 1, 1};
  for (int i = 0; i < 6; ++i) s.shapes.push_back(dot(10 + 20 * i, 50, i % 2 ? red : blue));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_EQ(occurrences(svg, "<path"), 2) << svg;
}

TEST_F(RenderTest, OverlappingMarksKeepTheirPaintOrder) {
  scene::Scene s = small_scene();
  const Color red{1, 0, 0, 1}, blue{0, 0, 1, 1};
  s.shapes.push_back(dot(50, 50, red));
  s.shapes.push_back(dot(52, 50, blue));  // over the first
  s.shapes.push_back(dot(54, 50, red));   // over the second: may not join the first
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_EQ(occurrences(svg, "<path"), 3) << svg;
  const auto png = renderer.render(s, Format::png, Options(72));
  ASSERT_TRUE(png.ok());
}

TEST_F(RenderTest, TranslucentMarksAreNotMerged) {
  scene::Scene s = small_scene();
  const Color glass{1, 0, 0, 0.5};
  s.shapes.push_back(dot(50, 50, glass));
  s.shapes.push_back(dot(52, 50, glass));
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_EQ(occurrences(svg, "<path"), 2) << "overlaps of translucent marks stay darker";
}

TEST_F(RenderTest, SvgLinksBecomeAnchors) {
  scene::Scene s = small_scene();
  s.shapes.push_back(scene::Link{{10, 20, 30, 10}, "https://example.org/?a=1&b=2"});
  const std::string svg = renderer.render(s, Format::svg, {}).bytes;
  EXPECT_NE(svg.find("<a xlink:href=\"https://example.org/?a=1&amp;b=2\" target=\"_top\"><rect x=\"10\" y=\"20\""),
            std::string::npos)
      << svg;
}

TEST_F(RenderTest, SvgWithTextLinksAndGradientParsesAsXml) {
  ASSERT_EQ(std::system("xmllint --version > /dev/null 2>&1"), 0) << "xmllint is not installed (tools/setup installs it)";
  scene::Scene s = small_scene();
  scene::Paint fade;
  fade.stops = {{0, black}, {1, Color::none()}};
  fade.to = {100, 0};
  s.shapes.push_back(scene::Rect{{0, 0, 100, 20}, 3, fade, {}});
  s.shapes.push_back(label(renderer, "Tom & Jerry <3 \"quotes\"", 10, 30));
  s.shapes.push_back(scene::Link{{10, 30, 40, 12}, "https://example.org/?q=<x>&y='z'"});
  const fs::path file = temp_dir() / "parses.svg";
  write_file(file, renderer.render(s, Format::svg, {}).bytes);
  const std::string command = "xmllint --noout '" + file.string() + "' > /dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << "xmllint --noout " << file;
}

// ---- PDF ----

TEST_F(RenderTest, PdfStartsWithHeader) {
  const Output out = renderer.render(small_scene(), Format::pdf, {});
  ASSERT_TRUE(out.ok()) << out.error;
  EXPECT_EQ(out.bytes.rfind("%PDF", 0), 0u);
}

TEST_F(RenderTest, PdfIsByteIdenticalAcrossRenders) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Hello", 10, 10));
  EXPECT_EQ(renderer.render(s, Format::pdf, {}).bytes, renderer.render(s, Format::pdf, {}).bytes);
}

// Cairo 1.16 writes the dates without the optional "D:" prefix.
TEST_F(RenderTest, PdfDatesComeFromTheScene) {
  const std::string pdf = renderer.render(small_scene(), Format::pdf, {}).bytes;
  EXPECT_NE(pdf.find("/CreationDate (20221231000000Z)"), std::string::npos);
  EXPECT_NE(pdf.find("/ModDate (20221231000000Z)"), std::string::npos);
}

TEST_F(RenderTest, PdfWithLinkAndOutlinePassesQpdfCheck) {
  ASSERT_EQ(std::system("qpdf --version > /dev/null 2>&1"), 0) << "qpdf is not installed (tools/setup installs it)";
  scene::Scene s = small_scene();
  s.shapes.push_back(scene::Rect{{0, 0, 200, 50}, 0, scene::Paint::solid({0.9, 0.9, 0.9, 1}), {}});
  s.shapes.push_back(label(renderer, "Linked", 10, 10));
  s.shapes.push_back(scene::Link{{10, 10, 40, 12}, "https://example.org/it's"});
  s.outline = {{"Chile", 0}, {"Perú", 50}};
  const Output out = renderer.render(s, Format::pdf, {});
  ASSERT_TRUE(out.ok()) << out.error;
  const fs::path file = temp_dir() / "link-outline.pdf";
  write_file(file, out.bytes);
  const std::string command = "qpdf --check '" + file.string() + "' > /dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0) << "qpdf --check " << file;
}

// The text a PDF copies out, as poppler's pdftotext reads it (ActualText included).
std::string pdf_text(const std::string& pdf, const fs::path& dir) {
  EXPECT_EQ(std::system("pdftotext -v > /dev/null 2>&1"), 0) << "pdftotext is not installed (poppler-utils)";
  write_file(dir / "text.pdf", pdf);
  const std::string command = "pdftotext -raw '" + (dir / "text.pdf").string() + "' '" + (dir / "text.txt").string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return read_file(dir / "text.txt");
}

// The page's content as qpdf writes it uncompressed: the text operators to count.
std::string pdf_content(const std::string& pdf, const fs::path& dir) {
  EXPECT_EQ(std::system("qpdf --version > /dev/null 2>&1"), 0) << "qpdf is not installed (tools/setup installs it)";
  write_file(dir / "packed.pdf", pdf);
  const std::string command = "qpdf --qdf --object-streams=disable '" + (dir / "packed.pdf").string() + "' '" +
                              (dir / "open.pdf").string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return read_file(dir / "open.pdf");
}

TEST_F(RenderTest, PdfShortenedLabelCopiesAsItsWholeTitle) {
  scene::Scene s = small_scene();
  scene::Text t = label(renderer, "1879 · War of the Pa…", 10, 10);
  t.elided = "cific and its aftermath";
  s.shapes.push_back(t);
  const std::string pdf = renderer.render(s, Format::pdf, {}).bytes;
  EXPECT_NE(pdf_text(pdf, temp_dir()).find("1879 · War of the Pacific and its aftermath"), std::string::npos);
  EXPECT_NE(pdf_content(pdf, temp_dir()).find("/ActualText"), std::string::npos);
}

TEST_F(RenderTest, PdfLabelNotShortenedCopiesAsDrawn) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "See also…", 10, 10));  // an ellipsis of its own: nothing elided
  const std::string pdf = renderer.render(s, Format::pdf, {}).bytes;
  EXPECT_NE(pdf_text(pdf, temp_dir()).find("See also…"), std::string::npos);
  EXPECT_EQ(pdf_content(pdf, temp_dir()).find("/ActualText"), std::string::npos);
}

// Labels that do not touch, in one font and colour, are one call of
// glyphs: Cairo's SVG outlines show it as one group of glyphs, however many
// labels; and in a PDF each still copies as written.
TEST_F(RenderTest, LabelsOfOneFontAndColourAreDrawnInOneCall) {
  scene::Scene s = small_scene();
  s.height = 400;
  for (int i = 0; i < 12; ++i) s.shapes.push_back(label(renderer, fmt::format("Label number {}", i), 10, 10 + 30 * i));
  Options outlines;
  outlines.svg_text = SvgText::outlines;
  const std::string svg = renderer.render(s, Format::svg, outlines).bytes;
  EXPECT_EQ(occurrences(svg, "<g style=\"fill:rgb(0%,0%,0%);fill-opacity:1;\">"), 1) << svg;
  const std::string text = pdf_text(renderer.render(s, Format::pdf, {}).bytes, temp_dir());
  for (int i = 0; i < 12; ++i) EXPECT_NE(text.find(fmt::format("Label number {}", i)), std::string::npos) << text;
}

// ---- PNG ----

Raster png_of(const Renderer& r, const scene::Scene& s, double dpi) {
  const Output out = r.render(s, Format::png, Options{dpi});
  EXPECT_TRUE(out.ok()) << out.error;
  return decode_png(out.bytes).value_or(Raster{});
}

TEST_F(RenderTest, PngAt72DpiHasOnePixelPerPoint) {
  const Raster r = png_of(renderer, small_scene(), 72);
  EXPECT_EQ(r.width, 200);
  EXPECT_EQ(r.height, 100);
}

TEST_F(RenderTest, PngAt144DpiDoublesThePixels) {
  scene::Scene s = small_scene();
  s.width = 100.2;  // partial pixels round up
  const Raster r = png_of(renderer, s, 144);
  EXPECT_EQ(r.width, 201);
  EXPECT_EQ(r.height, 200);
}

TEST_F(RenderTest, PngBeyondPixelLimitIsAnError) {
  scene::Scene s = small_scene();
  s.width = 20000;
  const Output out = renderer.render(s, Format::png, Options{144});
  EXPECT_FALSE(out.ok());
  EXPECT_TRUE(out.bytes.empty());
  EXPECT_EQ(out.error,
            "the page is 40000 × 200 px at 144 dpi, beyond the 32767-pixel limit of PNG rendering; "
            "use a lower --dpi or PDF/SVG");
}

TEST_F(RenderTest, EmptyPageIsAnError) {
  scene::Scene s = small_scene();
  s.height = 0;
  EXPECT_FALSE(renderer.render(s, Format::pdf, {}).ok());
}

TEST_F(RenderTest, TransparentBackgroundLeavesAlphaZero) {
  scene::Scene s = small_scene();
  s.background = Color::none();
  const Raster r = png_of(renderer, s, 72);
  ASSERT_EQ(r.width, 200);
  EXPECT_EQ(r.at(0, 0) >> 24, 0u);
  EXPECT_EQ(r.at(199, 99) >> 24, 0u);
}

TEST_F(RenderTest, BackgroundColourFillsThePage) {
  scene::Scene s = small_scene();
  s.background = {1, 0, 0, 1};
  EXPECT_EQ(png_of(renderer, s, 72).at(100, 50), 0xFFFF0000u);
}

// Whether any pixel of columns [x0, x1) is mostly `channel` (0 red, 1 green, 2 blue).
bool has_ink_of(const Raster& r, int x0, int x1, int channel) {
  for (int y = 0; y < r.height; ++y)
    for (int x = x0; x < x1; ++x) {
      const std::uint32_t p = r.at(x, y);
      const int c[3] = {static_cast<int>((p >> 16) & 0xFF), static_cast<int>((p >> 8) & 0xFF),
                        static_cast<int>(p & 0xFF)};
      if (c[channel] < 100 && c[(channel + 1) % 3] < 100 && c[(channel + 2) % 3] < 100) continue;
      if (c[channel] > 150 && c[(channel + 1) % 3] < 80 && c[(channel + 2) % 3] < 80) return true;
    }
  return false;
}

TEST_F(RenderTest, TextSpanDrawsItsBytesInItsOwnColour) {
  scene::Scene s = small_scene();
  FontSpec font;
  font.size = 20;
  scene::Text t = label(renderer, "IIII MMMM", 10, 10, font);
  t.color = {0, 0, 1, 1};
  t.spans.push_back({0, 4, {1, 0, 0, 1}});
  std::vector<double> carets;
  renderer.measurer().measure_carets(t.text, font, carets);
  const int split = 10 + static_cast<int>(carets[5]);
  s.shapes.push_back(t);
  const Raster r = png_of(renderer, s, 72);
  EXPECT_TRUE(has_ink_of(r, 0, split, 0));
  EXPECT_FALSE(has_ink_of(r, 0, split, 2));
  EXPECT_TRUE(has_ink_of(r, split, 200, 2));
  EXPECT_FALSE(has_ink_of(r, split, 200, 0));
}

// Gathering glyphs changes no pixel: two colours in one text, texts over
// and under a bar, drawn as the scene orders them.
TEST_F(RenderTest, PngOfGatheredGlyphsKeepsThePaintOrder) {
  scene::Scene s = small_scene();
  FontSpec font;
  font.size = 20;
  scene::Text under = label(renderer, "MMMM", 10, 10, font);
  under.color = {1, 0, 0, 1};
  s.shapes.push_back(under);
  s.shapes.push_back(scene::Rect{{0, 0, 200, 100}, 0, scene::Paint::solid({0, 0, 1, 1}), {}});
  scene::Text over = label(renderer, "WWWW", 10, 50, font);
  over.color = {1, 0, 0, 1};
  s.shapes.push_back(over);
  const Raster r = png_of(renderer, s, 72);
  const auto red_rows = [&](int y0, int y1) {
    for (int y = y0; y < y1; ++y)
      for (int x = 0; x < r.width; ++x)
        if (((r.at(x, y) >> 16) & 0xFF) > 200 && (r.at(x, y) & 0xFF) < 60) return true;
    return false;
  };
  EXPECT_FALSE(red_rows(10, 40)) << "the text under the bar stays hidden";
  EXPECT_TRUE(red_rows(50, 80)) << "the text over the bar shows";
}

// The IHDR colour type: byte 25 of a PNG (2 = RGB, 6 = RGBA).
int png_colour_type(const std::string& png) { return png.size() > 25 ? static_cast<unsigned char>(png[25]) : -1; }

TEST_F(RenderTest, OpaquePageIsWrittenAsRgb) {
  EXPECT_EQ(png_colour_type(renderer.render(small_scene(), Format::png, Options{72}).bytes), 2);
}

TEST_F(RenderTest, TranslucentPixelsKeepTheirColourThroughThePng) {
  scene::Scene s = small_scene();
  s.background = {0.2, 0.4, 0.8, 0.5};
  const std::string png = renderer.render(s, Format::png, Options{72}).bytes;
  EXPECT_EQ(png_colour_type(png), 6);
  const auto r = decode_png(png);
  ASSERT_TRUE(r);
  // Premultiplied again on reading: alpha 0x80 and each channel scaled by it, within rounding.
  const std::uint32_t p = r->at(0, 0);
  EXPECT_NEAR(static_cast<int>(p >> 24), 128, 1);
  EXPECT_NEAR(static_cast<int>((p >> 16) & 0xFF), 26, 1);
  EXPECT_NEAR(static_cast<int>((p >> 8) & 0xFF), 51, 1);
  EXPECT_NEAR(static_cast<int>(p & 0xFF), 102, 1);
}

// The pHYs chunk's pixels per metre (x, y) and unit, or nothing when the PNG has none.
std::optional<std::tuple<std::uint32_t, std::uint32_t, int>> png_resolution(const std::string& png) {
  const auto at = png.find("pHYs");
  if (at == std::string::npos || at + 13 > png.size()) return std::nullopt;
  const auto word = [&](std::size_t i) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v = v << 8 | static_cast<unsigned char>(png[i + k]);
    return v;
  };
  return std::tuple{word(at + 4), word(at + 8), static_cast<unsigned char>(png[at + 12])};
}

TEST_F(RenderTest, PngStatesItsResolutionSoDocumentsPlaceItAtItsSize) {
  // 300 dpi = 11811 pixels per metre, unit 1 (metre).
  const auto res = png_resolution(renderer.render(small_scene(), Format::png, Options{300}).bytes);
  ASSERT_TRUE(res);
  EXPECT_EQ(*res, std::make_tuple(11811u, 11811u, 1));
  const auto at72 = png_resolution(renderer.render(small_scene(), Format::png, Options{72}).bytes);
  ASSERT_TRUE(at72);
  EXPECT_EQ(std::get<0>(*at72), 2835u);
}

TEST_F(RenderTest, PngIsByteIdenticalAcrossRenders) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(renderer, "Hello", 10, 10));
  EXPECT_EQ(renderer.render(s, Format::png, {}).bytes, renderer.render(s, Format::png, {}).bytes);
}

// Run as a child process (by the test below): write the three formats.
void write_renders(const Renderer& r, const fs::path& prefix) {
  scene::Scene s = small_scene();
  s.shapes.push_back(label(r, "War of the Pacific", 10, 10));
  s.shapes.push_back(scene::Link{{10, 10, 40, 12}, "https://example.org"});
  s.outline = {{"Chile", 0}};
  write_file(prefix.string() + ".pdf", r.render(s, Format::pdf, {}).bytes);
  write_file(prefix.string() + ".svg", r.render(s, Format::svg, {}).bytes);
  write_file(prefix.string() + ".png", r.render(s, Format::png, {}).bytes);
}

TEST_F(RenderTest, BytesAreIdenticalAcrossProcesses) {
  if (const char* child = std::getenv("ANNALS_RENDER_CHILD")) {
    write_renders(renderer, child);
    return;
  }
  // The parent has made surfaces already; the children start fresh.
  write_renders(renderer, temp_dir() / "parent");
  for (const char* name : {"first", "second"}) {
    const std::string command = "ANNALS_RENDER_CHILD='" + (temp_dir() / name).string() + "' '" +
                                fs::read_symlink("/proc/self/exe").string() +
                                "' --gtest_filter=RenderTest.BytesAreIdenticalAcrossProcesses"
                                " > /dev/null 2>&1";
    ASSERT_EQ(std::system(command.c_str()), 0);
  }
  for (const char* ext : {".pdf", ".svg", ".png"}) {
    const std::string first = read_file(temp_dir() / (std::string("first") + ext));
    EXPECT_FALSE(first.empty()) << ext;
    EXPECT_EQ(first, read_file(temp_dir() / (std::string("second") + ext))) << ext;
    EXPECT_EQ(first, read_file(temp_dir() / (std::string("parent") + ext))) << ext;
  }
}

// ---- raster golden ----

TEST(RasterCompare, CountsPixelsOffByMoreThanTolerance) {
  Raster a{2, 1, {0xFF000000u, 0xFF000000u}};
  Raster b{2, 1, {0xFF000002u, 0xFF000003u}};
  const RasterComparison c = compare(a, b, 2);
  EXPECT_EQ(c.differing, 1u);
  EXPECT_EQ(c.total, 2u);
}

TEST(RasterCompare, DifferentSizesNeverMatch) {
  const RasterComparison c = compare(Raster{1, 1, {0}}, Raster{2, 1, {0, 0}});
  EXPECT_FALSE(c.same_size);
  EXPECT_EQ(c.differing_fraction(), 1.0);
}

using annals::testing::expect_matches_golden;

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
    s.replace(at, from.size(), to);
  return s;
}

std::string fmt_command(const std::string& pattern, const fs::path& in, const fs::path& out) {
  std::string c = replace_all(pattern, "{in}", "'" + in.string() + "'");
  c = replace_all(c, "{out_stem}", "'" + (out.parent_path() / out.stem()).string() + "'");
  return replace_all(c, "{out}", "'" + out.string() + "'") + " > /dev/null 2>&1";
}

scene::Scene golden_scene(const Renderer& r) {
  scene::Scene s;
  s.width = 240;
  s.height = 120;
  s.background = {1, 0.99, 0.97, 1};
  const Color blue{0.12, 0.47, 0.71, 1};
  const Color red{0.69, 0.23, 0.18, 1};
  s.shapes.push_back(scene::Rect{{0, 30, 240, 40}, 0, scene::Paint::solid({0.95, 0.95, 0.95, 1}), {}});
  s.shapes.push_back(scene::Line{{20, 100}, {220, 100}, {{0.6, 0.6, 0.6, 1}, 0.75, {}}});
  s.shapes.push_back(scene::Line{{150, 10}, {150, 100}, {red, 1, {4, 3}}});
  scene::Paint fade;
  fade.stops = {{0, blue}, {1, {blue.r, blue.g, blue.b, 0}}};
  fade.from = {120, 0};
  fade.to = {200, 0};
  s.shapes.push_back(scene::Rect{{40, 40, 160, 10}, 2, fade, {}});
  s.shapes.push_back(scene::Circle{{30, 45}, 3.5, scene::Paint::solid(red), {{1, 1, 1, 1}, 1, {}}});
  s.shapes.push_back(
      scene::Path{{{60, 80}, {64, 76}, {68, 80}, {64, 84}}, true, scene::Paint::solid(blue), {}});
  s.shapes.push_back(label(r, "War of the Pacific", 40, 52));
  FontSpec bold;
  bold.size = 14;
  bold.weight = 700;
  s.shapes.push_back(label(r, "Bolivia 1879", 10, 6, bold));
  FontSpec serif;
  serif.family = "DejaVu Serif";
  serif.italic = false;
  s.shapes.push_back(label(r, "שלום · سلام", 75, 74, serif));
  return s;
}

// The same scene drawn through SVG and PDF and rasterised by other programs
// lands on the same pixels as our PNG, text anti-aliasing aside: measured
// and drawn widths agree in every format.
double differing_fraction_via(const Renderer& r, Format format, const std::string& convert) {
  const scene::Scene s = golden_scene(r);
  const fs::path dir = temp_dir();
  const fs::path input = dir / (format == Format::svg ? "via.svg" : "via.pdf");
  const fs::path output = dir / "via.png";
  fs::remove(output);
  write_file(input, r.render(s, format, {}).bytes);
  const std::string command = fmt_command(convert, input, output);
  if (std::system(command.c_str()) != 0) return -1;
  const std::optional<Raster> theirs = decode_png(read_file(output));
  const std::optional<Raster> ours = decode_png(r.render(s, Format::png, Options{144}).bytes);
  if (!theirs || !ours) return -1;
  return compare(*ours, *theirs, 48).differing_fraction();
}

TEST_F(RenderTest, SvgRasterisesLikeThePng) {
  ASSERT_EQ(std::system("rsvg-convert --version > /dev/null 2>&1"), 0)
      << "rsvg-convert is not installed (tools/setup installs it)";
  const double off =
      differing_fraction_via(renderer, Format::svg, "rsvg-convert -d 144 -p 144 -o {out} {in}");
  EXPECT_GE(off, 0);
  EXPECT_LT(off, 0.015);  // measured: 0.6 % (SVG), 0 (PDF)
}

TEST_F(RenderTest, PdfRasterisesLikeThePng) {
  ASSERT_EQ(std::system("pdftocairo -v > /dev/null 2>&1"), 0) << "pdftocairo is not installed (tools/setup installs it)";
  const double off =
      differing_fraction_via(renderer, Format::pdf, "pdftocairo -png -r 144 -singlefile {in} {out_stem}");
  EXPECT_GE(off, 0);
  EXPECT_LT(off, 0.015);  // measured: 0.6 % (SVG), 0 (PDF)
}

TEST_F(RenderTest, SmallSceneMatchesRasterGolden) {
  const Output out = renderer.render(golden_scene(renderer), Format::png, Options{144});
  ASSERT_TRUE(out.ok()) << out.error;
  expect_matches_golden(out.bytes, "small-scene");
}

TEST(SvgDark, MapsEachPaintedColourToItsCounterpartInADarkSchemeOnly) {
  const std::string svg =
      "<rect style=\"fill:rgb(100%,100%,100%);fill-opacity:1;\"/>\n"
      "<path style=\"fill:none;stroke-width:0.5;stroke:rgb(90.196078%,90.196078%,90.196078%);stroke-opacity:1;\"/>\n"
      "<stop style=\"stop-color:rgb(80%,47.45098%,65.490196%);stop-opacity:0.28;\"/>\n"
      "<text fill=\"#222222\">a</text>\n"
      "<rect style=\"fill:rgb(50%,0%,0%);fill-opacity:1;\"/>\n";  // a colour with no counterpart stays
  const std::vector<scene::ColorPair> pairs{
      {{1, 1, 1, 1}, {0x1c / 255.0, 0x1e / 255.0, 0x22 / 255.0, 1}},
      {{0.90196078, 0.90196078, 0.90196078, 1}, {0x2c / 255.0, 0x30 / 255.0, 0x36 / 255.0, 1}},
      {{0.8, 0.4745098, 0.65490196, 0.28}, {0.9, 0.56, 0.76, 0.56}},
      {{0x22 / 255.0, 0x22 / 255.0, 0x22 / 255.0, 1}, {0.9, 0.9, 0.9, 1}}};
  const std::string css = render::dark_scheme_style(svg, pairs);
  EXPECT_NE(css.find("@media (prefers-color-scheme: dark)"), std::string::npos) << css;
  EXPECT_NE(css.find("[style*=\"fill:rgb(100%,100%,100%);fill-opacity:1;\"]{fill:#1c1e22!important"),
            std::string::npos)
      << css;
  EXPECT_NE(css.find("{stroke:#2c3036!important"), std::string::npos) << css;
  // The opacity drawn keeps its ratio to the colour's alpha: 0.28 → 0.56.
  EXPECT_NE(css.find("stop-color:#e68fc2!important;stop-opacity:0.56!important"), std::string::npos) << css;
  EXPECT_NE(css.find("[fill=\"#222222\"]{fill:#e6e6e6!important"), std::string::npos) << css;
  EXPECT_EQ(css.find("50%,0%,0%"), std::string::npos) << css;
  EXPECT_EQ(render::dark_scheme_style(svg, {}), "");
}

}  // namespace
}  // namespace annals::render
