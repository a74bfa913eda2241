// The SVG text layer (render/svg_post.h) and the embedding options, as the web
// and document tools see them. The real tools run in tests/ecosystem/.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include "base/xml_name.h"
#include "raster.h"
#include "render/svg_post.h"
#include "scene/scene.h"

namespace annals {
namespace {

scene::Text line(std::string text, Box box, FontSpec font = {}) {
  return scene::Text{box, std::move(text), std::move(font), Color{0, 0, 0, 1}, {}};
}

scene::Item event_item(std::string id, Box box, std::string title, std::string description = {},
                       std::string url = {}) {
  scene::Item it;
  it.kind = scene::ItemKind::event;
  it.id = id;
  it.event = id;
  it.box = box;
  it.title = std::move(title);
  it.description = std::move(description);
  it.url = std::move(url);
  return it;
}

scene::Item label_item(std::string event, Box box, std::string text) {
  scene::Item it;
  it.kind = scene::ItemKind::label;
  it.id = event + "-label";
  it.event = std::move(event);
  it.box = box;
  it.text = std::move(text);
  return it;
}

// One event "war" with a mark at (10,10) and a two-line label to its right.
scene::Scene one_event(std::string url = {}) {
  scene::Scene s;
  s.width = 200;
  s.height = 100;
  s.shapes.push_back(line("1879–1883 · War of the", {24, 8, 90, 11}));
  s.shapes.push_back(line("Pacific", {24, 19, 30, 11}));
  s.items.push_back(event_item("war", {10, 10, 10, 10}, "War of the Pacific", "Atacama is lost.", url));
  s.items.push_back(label_item("war", {24, 9, 90, 20}, "1879–1883 · War of the\nPacific"));
  if (!url.empty()) s.shapes.push_back(scene::Link{{10, 8, 104, 22}, url});
  return s;
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(SvgOverlay, EachDrawnLineBecomesOneTextElement) {
  const std::string out = render::svg_overlay(one_event());
  EXPECT_EQ(count(out, "<text "), 2);
  EXPECT_NE(out.find(">Pacific</text>"), std::string::npos);
}

TEST(SvgOverlay, TextKeepsPositionFontSizeAndDrawnWidth) {
  scene::Scene s;
  s.shapes.push_back(line("Title", {12, 20, 50, 10}, FontSpec{"Noto Serif", 14, 700, true}));
  const std::string out = render::svg_overlay(s);
  // The baseline sits 0.8 of the line box down; the width is what the layout measured.
  EXPECT_NE(out.find("x=\"12.00\" y=\"28.00\""), std::string::npos) << out;
  EXPECT_NE(
      out.find("font-family=\"Noto Serif\" font-size=\"14.00\" font-weight=\"700\" font-style=\"italic\""),
      std::string::npos)
      << out;
  EXPECT_NE(out.find("textLength=\"50.00\" lengthAdjust=\"spacingAndGlyphs\""), std::string::npos) << out;
}

TEST(SvgOverlay, LayerIsPaintedButFullyTransparent) {
  const std::string out = render::svg_overlay(one_event());
  EXPECT_EQ(out.rfind("<g id=\"annals-text\" class=\"annals-text\" fill=\"#000\" fill-opacity=\"0\" stroke=\"none\"", 0),
            0u)
      << out;
  EXPECT_EQ(out.find("fill-opacity=\"1"), std::string::npos);
}

TEST(SvgOverlay, InvisibleTextIsSkipped) {
  scene::Scene s;
  s.shapes.push_back(scene::Text{{0, 0, 10, 10}, "hidden", {}, Color::none(), {}});
  s.shapes.push_back(line("", {0, 20, 0, 10}));
  EXPECT_EQ(render::svg_overlay(s), "");
}

TEST(SvgOverlay, EscapesMarkupInStringsAndFamilies) {
  scene::Scene s;
  s.shapes.push_back(line("R&D <2020> \"x\"", {0, 0, 40, 10}, FontSpec{"A&B", 9, 400, false}));
  const std::string out = render::svg_overlay(s);
  EXPECT_NE(out.find(">R&amp;D &lt;2020&gt; &quot;x&quot;</text>"), std::string::npos) << out;
  EXPECT_NE(out.find("font-family=\"A&amp;B\""), std::string::npos) << out;
}

TEST(SvgOverlay, EventTooltipHoldsFullTitleAndDescription) {
  const std::string out = render::svg_overlay(one_event());
  EXPECT_NE(
      out.find("<g class=\"event\" id=\"event-war\" data-event=\"war\">\n<title>War of the Pacific\nAtacama is lost.</title>"),
      std::string::npos)
      << out;
}

TEST(SvgOverlay, LabelLinesBelongToTheirEventsGroup) {
  const std::string out = render::svg_overlay(one_event());
  const auto group = out.find("<g class=\"event\"");
  ASSERT_NE(group, std::string::npos);
  EXPECT_GT(out.find(">Pacific</text>"), group);
  EXPECT_GT(out.find(">1879–1883 · War of the</text>"), group);
}

TEST(SvgOverlay, EventHoverAreasCoverMarkAndLabel) {
  const std::string out = render::svg_overlay(one_event());
  EXPECT_NE(out.find("<rect x=\"10.00\" y=\"10.00\" width=\"10.00\" height=\"10.00\"/>"), std::string::npos)
      << out;
  EXPECT_NE(out.find("<rect x=\"24.00\" y=\"9.00\" width=\"90.00\" height=\"20.00\"/>"), std::string::npos)
      << out;
}

TEST(SvgOverlay, AnEventOfSeveralPeriodsIsOneGroupHoveredOnEveryPeriod) {
  scene::Scene s = one_event();
  scene::Item second = s.items.front();
  second.box = {40, 10, 10, 10};
  second.period = 2;
  s.items.front().period = 1;
  s.items.insert(s.items.begin() + 1, second);
  const std::string out = render::svg_overlay(s);
  EXPECT_EQ(count(out, "<g class=\"event\""), 1) << out;
  EXPECT_EQ(count(out, "id=\"event-war\""), 1) << out;
  EXPECT_NE(out.find("<rect x=\"40.00\" y=\"10.00\" width=\"10.00\" height=\"10.00\"/>"), std::string::npos) << out;
}

TEST(SvgOverlay, EventWithUrlIsWrappedInOneLink) {
  const std::string out = render::svg_overlay(one_event("https://example.org/?a=1&b=2"));
  EXPECT_EQ(count(out, "<a "), 1) << out;
  const auto a = out.find("<a xlink:href=\"https://example.org/?a=1&amp;b=2\" target=\"_top\">");
  ASSERT_NE(a, std::string::npos) << out;
  EXPECT_LT(a, out.find("<g class=\"event\""));
}

TEST(SvgOverlay, LinkOfNoEventStaysALink) {
  scene::Scene s;
  s.shapes.push_back(scene::Link{{0, 0, 5, 5}, "https://example.org"});
  const std::string out = render::svg_overlay(s);
  EXPECT_NE(out.find("<a xlink:href=\"https://example.org\" target=\"_top\"><rect x=\"0.00\" y=\"0.00\" width=\"5.00\" "
                     "height=\"5.00\"/>\n</a>"),
            std::string::npos)
      << out;
}

TEST(SvgOverlay, IdsOutsideNamesAreLeftOut) {
  scene::Scene s;
  s.items.push_back(event_item("a b\"c", {0, 0, 5, 5}, "Odd id"));
  const std::string out = render::svg_overlay(s);
  EXPECT_NE(out.find("<g class=\"event\">"), std::string::npos) << out;
}

TEST(SvgOverlay, FreeTextReadsTopToBottom) {
  scene::Scene s;
  s.shapes.push_back(line("Source", {0, 90, 20, 8}));
  s.shapes.push_back(line("Title", {0, 5, 20, 8}));
  const std::string out = render::svg_overlay(s);
  EXPECT_LT(out.find(">Title<"), out.find(">Source<"));
}

TEST(SvgOverlay, ReadsTitleThenEachLaneBeforeItsEventsThenSource) {
  scene::Scene s;
  s.width = 300;
  s.height = 200;
  const auto item = [](scene::ItemKind kind, std::string id, Box box, std::string text, std::string lane = {}) {
    scene::Item it;
    it.kind = kind;
    it.id = id;
    it.event = kind == scene::ItemKind::label ? id : std::string();
    it.lane = std::move(lane);
    it.box = box;
    it.text = std::move(text);
    return it;
  };
  // Drawn in another order than they are read: source and lane names first.
  s.shapes.push_back(line("Source: x", {10, 180, 50, 10}));
  s.shapes.push_back(line("Lane B", {10, 100, 40, 10}));
  s.shapes.push_back(line("Lane A", {10, 40, 40, 10}));
  s.shapes.push_back(line("b1 label", {100, 110, 50, 10}));
  s.shapes.push_back(line("a1 label", {100, 50, 50, 10}));
  s.shapes.push_back(line("Title", {10, 5, 60, 20}));
  s.items.push_back(item(scene::ItemKind::title, "title", {10, 5, 60, 20}, "Title"));
  s.items.push_back(item(scene::ItemKind::lane, "A", {10, 35, 280, 60}, "Lane A"));
  s.items.push_back(item(scene::ItemKind::lane, "B", {10, 95, 280, 60}, "Lane B"));
  s.items.push_back(event_item("a1", {90, 50, 6, 6}, "a1"));
  s.items.back().lane = "A";
  s.items.push_back(item(scene::ItemKind::label, "a1", {100, 50, 50, 10}, "a1 label", "A"));
  s.items.push_back(event_item("b1", {90, 110, 6, 6}, "b1"));
  s.items.back().lane = "B";
  s.items.push_back(item(scene::ItemKind::label, "b1", {100, 110, 50, 10}, "b1 label", "B"));
  s.items.push_back(item(scene::ItemKind::title, "source", {10, 180, 50, 10}, "Source: x"));
  const std::string out = render::svg_overlay(s);
  std::vector<std::size_t> at;
  for (const char* t : {">Title<", ">Lane A<", ">a1 label<", ">Lane B<", ">b1 label<", ">Source: x<"}) {
    at.push_back(out.find(t));
    ASSERT_NE(at.back(), std::string::npos) << t << "\n" << out;
  }
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end())) << out;
}

TEST(SvgPathData, IsRelativeInHundredths) {
  EXPECT_EQ(render::compact_path_data("<path d=\"M 1.123456 2 L 3 4.5 C 3 5 4 5 4 6 Z M 1.123456 2\"/>"),
            "<path d=\"m1.12 2 1.88 2.5c0 0.5 1 0.5 1 1.5zm0 0\"/>");
}

TEST(SvgPathData, LeavesOtherAttributesAlone) {
  EXPECT_EQ(render::compact_path_data("<rect x=\"1.123456\" id=\"d\"/>"), "<rect x=\"1.123456\" id=\"d\"/>");
}

TEST(SvgOverlay, EmptySceneAddsNothing) { EXPECT_EQ(render::svg_overlay(scene::Scene{}), ""); }

TEST(FinishSvg, LayerGoesLastBeforeTheRootCloses) {
  const std::string cairo =
      "<?xml version=\"1.0\"?>\n<svg width=\"200pt\" height=\"100pt\">\n<g id=\"surface5\"></g>\n</svg>\n";
  scene::Scene s = one_event();
  s.metadata.title = "Bolivia & the sea";
  s.metadata.subject = "1879–2018";
  const std::string out = render::finish_svg(cairo, s);
  EXPECT_NE(out.find("<svg style=\"max-width:100%;height:auto\" width=\"200pt\" height=\"100pt\">\n"
                     "<title>Bolivia &amp; the sea</title>\n"
                     "<desc>1879–2018</desc>\n"),
            std::string::npos)
      << out;
  const auto layer = out.find("<g id=\"annals-text\"");
  ASSERT_NE(layer, std::string::npos);
  EXPECT_GT(layer, out.find("<g id=\"surface"));
  EXPECT_EQ(out.find("</svg>"), out.rfind("</g>\n") + 5);
}

TEST(FinishSvg, SurfacesAreNumberedInOrderOfAppearance) {
  // Cairo's numbers come from a process-wide counter; ours from the file alone.
  const std::string cairo =
      "<svg>\n<g id=\"surface42\"><use xlink:href=\"#surface7\"/></g>\n"
      "<use xlink:href=\"#surface42\"/><text>surface9 and surface</text>\n</svg>\n";
  const std::string out = render::finish_svg(cairo, scene::Scene{});
  EXPECT_EQ(out,
            "<svg style=\"max-width:100%;height:auto\">\n<g id=\"surface1\"><use xlink:href=\"#surface2\"/></g>\n"
            "<use xlink:href=\"#surface1\"/><text>surface9 and surface</text>\n</svg>\n");
}

TEST(FinishSvg, TextWithoutARootIsOnlyRenumbered) {
  EXPECT_EQ(render::finish_svg("<g id=\"surface3\"/>", one_event()), "<g id=\"surface1\"/>");
}

TEST(FinishSvg, BytesHandedOverInPiecesFinishAsTheWhole) {
  // Cairo's stream cuts its output anywhere: inside the root tag, an id, a line.
  const std::string cairo =
      "<?xml version=\"1.0\"?>\n<svg width=\"200pt\" height=\"100pt\">\n<g id=\"surface42\">"
      "<use xlink:href=\"#surface7\"/></g>\n<use xlink:href=\"#surface42\"/>\n</svg>\n";
  scene::Scene s = one_event();
  s.metadata.title = "Title";
  const std::string whole = render::finish_svg(cairo, s);
  ASSERT_NE(whole.find("<g id=\"surface1\"><use xlink:href=\"#surface2\"/>"), std::string::npos) << whole;
  for (std::size_t piece = 1; piece <= cairo.size(); ++piece) {
    render::SvgFinisher finisher(s, 0);
    for (std::size_t at = 0; at < cairo.size(); at += piece) finisher.append(std::string_view(cairo).substr(at, piece));
    EXPECT_EQ(std::move(finisher).finish(), whole) << "pieces of " << piece << " bytes";
  }
  // Uneven pieces, empty ones among them.
  for (std::size_t shift = 0; shift < 4; ++shift) {
    render::SvgFinisher finisher(s, 0);
    std::size_t at = 0;
    for (std::size_t i = shift; at < cairo.size(); ++i) {
      const std::size_t piece = i % 4;  // 0, 1, 2, 3 bytes
      finisher.append(std::string_view(cairo).substr(at, piece));
      at += piece;
    }
    EXPECT_EQ(std::move(finisher).finish(), whole) << "uneven pieces from " << shift;
  }
}

TEST(FinishSvg, TextWithoutARootHandedOverInPiecesIsOnlyRenumbered) {
  const std::string text = "<g id=\"surface3\"/>\n<use xlink:href=\"#surface3\"/>";
  render::SvgFinisher finisher(one_event(), 0);
  for (char c : text) finisher.append(std::string_view(&c, 1));
  EXPECT_EQ(std::move(finisher).finish(), "<g id=\"surface1\"/>\n<use xlink:href=\"#surface1\"/>");
}

TEST(FinishSvg, EveryIdAndReferenceTakesThePrefix) {
  // Cairo's glyphs, clips and surfaces, and the text layer's own ids.
  const std::string cairo =
      "<svg width=\"10pt\">\n<symbol overflow=\"visible\" id=\"glyph0-1\"><path d=\"\"/></symbol>\n"
      "<clipPath id=\"clip1\"><rect/></clipPath>\n<g id=\"surface9\" clip-path=\"url(#clip1)\">"
      "<use xlink:href=\"#glyph0-1\" x=\"1\"/></g>\n<text>id=\"not an attribute\" and #glyph0-1</text>\n</svg>\n";
  const std::string out = render::finish_svg(cairo, one_event(), "c1-");
  EXPECT_NE(out.find("id=\"c1-glyph0-1\""), std::string::npos) << out;
  EXPECT_NE(out.find("<clipPath id=\"c1-clip1\">"), std::string::npos) << out;
  EXPECT_NE(out.find("<g id=\"c1-surface1\" clip-path=\"url(#c1-clip1)\"><use xlink:href=\"#c1-glyph0-1\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("<g id=\"c1-annals-text\""), std::string::npos) << out;
  EXPECT_NE(out.find("id=\"c1-event-war\" data-event=\"war\""), std::string::npos) << out;
  // Text that only looks like an id stays as it was.
  EXPECT_NE(out.find("<text>id=\"not an attribute\" and #glyph0-1</text>"), std::string::npos) << out;
  // Every id defined is prefixed, and every reference points at one that is.
  EXPECT_EQ(count(out, " id=\""), count(out, " id=\"c1-"));
  EXPECT_EQ(count(out, "#"), count(out, "#c1-") + count(out, "#000") + 1);
}

TEST(FinishSvg, DifferentChartsGetDifferentPrefixesAndTheSameChartTheSame) {
  scene::Scene a = one_event(), b = one_event();
  b.items.front().text = "Another event";
  EXPECT_EQ(render::content_id_prefix(a), render::content_id_prefix(one_event()));
  EXPECT_NE(render::content_id_prefix(a), render::content_id_prefix(b));
  EXPECT_TRUE(is_xml_name_prefix(render::content_id_prefix(a)));
}

TEST(FinishSvg, IdPrefixesAreXmlNames) {
  EXPECT_TRUE(is_xml_name_prefix("chart-1."));
  EXPECT_TRUE(is_xml_name_prefix("_x"));
  EXPECT_FALSE(is_xml_name_prefix("1chart"));
  EXPECT_FALSE(is_xml_name_prefix("-a"));
  EXPECT_FALSE(is_xml_name_prefix("a b"));
  EXPECT_FALSE(is_xml_name_prefix("a\"b"));
}

TEST(SvgOverlay, LinksOpenWhereTheSceneSays) {
  scene::Scene s = one_event("https://example.org");
  s.metadata.link_target = "";
  EXPECT_NE(render::svg_overlay(s).find("<a xlink:href=\"https://example.org\">"), std::string::npos);
  s.metadata.link_target = "_blank";
  EXPECT_NE(render::svg_overlay(s).find("target=\"_blank\""), std::string::npos);
}

TEST(FinishSvg, SameSceneGivesSameBytes) {
  const std::string cairo = "<svg>\n</svg>\n";
  EXPECT_EQ(render::finish_svg(cairo, one_event("https://example.org")),
            render::finish_svg(cairo, one_event("https://example.org")));
}

// ---- embedding through the command line ------------------------------------

std::filesystem::path temp_dir() {
  const char* base = std::getenv("ANNALS_TEST_TMP");
  auto dir = std::filesystem::path(base ? base : ANNALS_BUILD_DIR "/test-tmp") / "ecosystem-unit";
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Renders the sample timeline with `flags` to `name`; returns the file's bytes.
std::string render_sample(const std::string& flags, const std::string& name) {
  const auto out = temp_dir() / name;
  std::filesystem::remove(out);
  const std::string command = std::string(ANNALS_BINARY) +
                              " render " ANNALS_SOURCE_DIR
                              "/timelines/bolivia-foreign-relations.toml --now 2022-12-31 -q " +
                              flags + " -o " + out.string();
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  return read(out);
}

double svg_length(const std::string& svg, const std::string& attribute) {
  std::smatch m;
  const std::regex re("<svg[^>]*\\s" + attribute + "=\"([0-9.]+)pt\"");
  return std::regex_search(svg, m, re) ? std::stod(m[1]) : -1;
}

TEST(Embedding, WidthOnTheCommandLineSetsThePageWidth) {
  const std::string svg = render_sample("--width 16cm", "width.svg");
  EXPECT_NEAR(svg_length(svg, "width"), 16 / 2.54 * 72, 0.01);
}

TEST(Embedding, AutoPageHeightFitsTheContent) {
  // The page ends one margin below the lowest thing drawn (FORMAT.md §4 boxes).
  const double margin = 20;
  const std::string json = render_sample("--width 16cm --set page.margin=20 --format json", "fit.json");
  const std::regex box(R"("box":\s*\[\s*([-0-9.e]+),\s*([-0-9.e]+),\s*([-0-9.e]+),\s*([-0-9.e]+)\])");
  double lowest = 0;
  for (auto it = std::sregex_iterator(json.begin(), json.end(), box); it != std::sregex_iterator(); ++it)
    lowest = std::max(lowest, std::stod((*it)[2]) + std::stod((*it)[4]));
  std::smatch page;
  ASSERT_TRUE(std::regex_search(json, page, std::regex(R"("height":\s*([0-9.]+))")));
  EXPECT_NEAR(std::stod(page[1]) - lowest, margin, 2.0) << "page " << page[1] << ", lowest box " << lowest;
}

TEST(Embedding, PageOnTheCommandLineOverridesTheStyle) {
  // The timeline's own style is A3 landscape; --page A4 wins. (Its height
  // may grow when the content needs it, with a warning; the width may not.)
  const std::string svg = render_sample("--page A4", "a4.svg");
  EXPECT_NEAR(svg_length(svg, "width"), 297 / 25.4 * 72, 0.01);
}

TEST(Embedding, DpiOnTheCommandLineSetsPngPixels) {
  const std::string png = render_sample("--width 4in --dpi 50", "dpi.png");
  ASSERT_GT(png.size(), 24u);
  const auto byte = [&png](std::size_t i) {
    return static_cast<unsigned>(static_cast<unsigned char>(png[i]));
  };
  const unsigned width = byte(16) << 24 | byte(17) << 16 | byte(18) << 8 | byte(19);
  EXPECT_EQ(width, 200u);  // 4 in at 50 dpi
}

TEST(Embedding, TransparentBackgroundLeavesPngCornerClear) {
  // PNG colour type 6 (RGBA); opaque images are written as RGB (2).
  const std::string png = render_sample("--width 4in --dpi 50 --set page.background=none", "clear.png");
  ASSERT_GT(png.size(), 26u);
  EXPECT_EQ(static_cast<unsigned char>(png[25]), 6);
  const auto raster = render::decode_png(png);
  ASSERT_TRUE(raster);
  // Every corner is see-through; the chart itself is not.
  for (const auto& [x, y] : {std::pair{0, 0}, {raster->width - 1, 0}, {0, raster->height - 1},
                             {raster->width - 1, raster->height - 1}})
    EXPECT_EQ(raster->at(x, y) >> 24, 0u) << x << "," << y;
  std::size_t opaque = 0;
  for (int y = 0; y < raster->height; ++y)
    for (int x = 0; x < raster->width; ++x) opaque += (raster->at(x, y) >> 24) == 0xFF;
  EXPECT_GT(opaque, 100u);
}

}  // namespace
}  // namespace annals
