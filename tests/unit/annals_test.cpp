// The library's one entry point: a request in, bytes and diagnostics out,
// and the pipeline's steps one by one.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "annals/annals.h"
#include "annals/pipeline.h"
#include "text/measurer.h"

namespace annals {
namespace {

const char* kTimeline = R"(
[timeline]
title = "Test"
now = 2022-12-31

[style]
page.background = "#fafafa"

[[event]]
title = "War of the Pacific"
start = 1879
end = 1883

[[event]]
title = "ICJ ruling"
date = "2018-10"
)";

Request from_text(const std::string& text, std::vector<Output> outputs) {
  Request r;
  r.input = "mem.toml";
  r.text = text;
  r.outputs = std::move(outputs);
  return r;
}

const Engine& engine() {
  static const Engine e;  // one engine for the whole file, as a program would keep it
  return e;
}

TEST(Annals, RendersATimelineGivenAsText) {
  const Result r = engine().render(from_text(kTimeline, {{Format::svg, "a.svg"}, {Format::json, "a.json"}}));
  ASSERT_TRUE(r.ok()) << (r.diagnostics.all().empty() ? "" : format(r.diagnostics.all()[0]));
  ASSERT_EQ(r.bytes.size(), 2u);
  EXPECT_NE(r.bytes[0].find("<svg"), std::string::npos);
  EXPECT_NE(r.bytes[1].find("\"title\":\"War of the Pacific\""), std::string::npos);
}

TEST(Annals, DrawsAFormatOnceForEveryOutputThatWantsIt) {
  std::vector<std::size_t> drawn;
  Hooks hooks;
  hooks.step = [&](Step s, std::size_t i) {
    if (s == Step::draw) drawn.push_back(i);
  };
  std::vector<std::pair<std::size_t, std::string>> written;
  hooks.output = [&](std::size_t i, std::string_view bytes) { written.emplace_back(i, std::string(bytes)); };
  const Result r = engine().render(
      from_text(kTimeline, {{Format::pdf, "a.pdf"}, {Format::json, "a.json"}, {Format::pdf, "b.pdf"}}), hooks);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.bytes.empty());  // they went to the hook
  EXPECT_EQ(drawn, (std::vector<std::size_t>{0, 1}));
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(written[0].first, 0u);
  EXPECT_EQ(written[2].first, 2u);
  EXPECT_EQ(written[0].second.rfind("%PDF", 0), 0u);
  EXPECT_EQ(written[0].second, written[2].second);
}

// A timeline of `n` events over 1900–1999, far more than one A6 page holds.
std::string crowded(std::size_t n) {
  std::string text = "[timeline]\ntitle = \"Crowded\"\nnow = 2022-12-31\n[style]\npage.size = \"A6\"\n";
  for (std::size_t i = 0; i < n; ++i)
    text += "[[event]]\ntitle = \"Event number " + std::to_string(i) + "\"\ndate = " +
            std::to_string(1900 + i * 100 / n) + "\n";
  return text;
}

// Drawn while layout goes on, page by page on a second thread, a chart of
// several pages gives the very files it gives when laid out whole first
// (a layout dump among the outputs keeps the whole chart).
TEST(Annals, ChartOfSeveralPagesDrawnAsItIsLaidOutGivesTheSameFiles) {
  const std::string text = crowded(400);
  std::vector<std::pair<std::size_t, std::size_t>> order;
  std::vector<std::vector<std::string>> streamed(4);
  Hooks hooks;
  hooks.page = [&](std::size_t i, std::size_t page, std::string_view bytes) {
    order.emplace_back(i, page);
    streamed[i].emplace_back(bytes);
  };
  std::vector<std::string> pdfs(4);
  hooks.output = [&](std::size_t i, std::string_view bytes) { pdfs[i] = std::string(bytes); };
  const Result r = engine().render(
      from_text(text, {{Format::pdf, "a.pdf"}, {Format::svg, "a.svg"}, {Format::png, "a.png"}, {Format::pdf, "b.pdf"}}),
      hooks);
  ASSERT_TRUE(r.ok()) << (r.diagnostics.all().empty() ? "" : format(r.diagnostics.all()[0]));
  const Result whole = engine().render(
      from_text(text, {{Format::pdf, "a.pdf"}, {Format::svg, "a.svg"}, {Format::png, "a.png"}, {Format::json, "a.json"}}));
  ASSERT_TRUE(whole.ok());
  ASSERT_EQ(whole.pages.size(), 4u);
  const std::size_t n = whole.pages[1].size();
  ASSERT_GT(n, 3u);
  EXPECT_EQ(pdfs[0], whole.bytes[0]);
  EXPECT_EQ(pdfs[3], pdfs[0]);  // one PDF drawn for both outputs
  EXPECT_EQ(streamed[1], whole.pages[1]);
  EXPECT_EQ(streamed[2], whole.pages[2]);
  // Handed over in order of pages, each page's SVG before its PNG.
  ASSERT_EQ(order.size(), 2 * n);
  for (std::size_t k = 0; k < n; ++k) {
    EXPECT_EQ(order[2 * k], std::make_pair(std::size_t{1}, k));
    EXPECT_EQ(order[2 * k + 1], std::make_pair(std::size_t{2}, k));
  }
  // Without hooks, the pages come back in the result.
  const Result kept = engine().render(from_text(text, {{Format::svg, "a.svg"}}));
  ASSERT_TRUE(kept.ok());
  ASSERT_EQ(kept.pages.size(), 1u);
  EXPECT_EQ(kept.pages[0], whole.pages[1]);
}

// Writing page by page must not write what --strict would refuse: a strict
// run lays the chart out whole first, and its warning stops every output.
TEST(Annals, StrictChartOfSeveralPagesWritesNothing) {
  Request request = from_text(crowded(400), {{Format::svg, "a.svg"}, {Format::pdf, "a.pdf"}});
  request.strict = true;
  std::size_t handed = 0;
  Hooks hooks;
  hooks.page = [&](std::size_t, std::size_t, std::string_view) { ++handed; };
  hooks.output = [&](std::size_t, std::string_view) { ++handed; };
  const Result r = engine().render(request, hooks);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(handed, 0u);
}

TEST(Annals, ABadRequestValueIsNamedByItsOption) {
  Request q = from_text(kTimeline, {{Format::svg, "a.svg"}});
  q.sets = {"page.margin=wide"};
  const Result r = engine().render(q);
  EXPECT_EQ(r.status, Status::bad_request);
  ASSERT_FALSE(r.diagnostics.all().empty());
  EXPECT_EQ(format(r.diagnostics.all()[0]).rfind("annals: error: --set page.margin=wide: ", 0), 0u)
      << format(r.diagnostics.all()[0]);
  ASSERT_EQ(r.bytes.size(), 1u);
  EXPECT_TRUE(r.bytes[0].empty());
}

TEST(Annals, StrictTurnsWarningsIntoErrors) {
  const std::string unknown_key = std::string(kTimeline) + "\n[[marker]]\ndate = 1900\ntitle = \"m\"\n"
                                                           "style = { nonsense = 1 }\n";
  Request q = from_text(unknown_key, {{Format::svg, "a.svg"}});
  const Result lenient = engine().render(q);
  EXPECT_TRUE(lenient.ok());
  EXPECT_EQ(lenient.diagnostics.warning_count(), 1u);
  q.strict = true;
  const Result strict = engine().render(q);
  EXPECT_EQ(strict.status, Status::bad_input);
  EXPECT_EQ(strict.diagnostics.warning_count(), 0u);
  EXPECT_EQ(strict.diagnostics.error_count(), 1u);
}

TEST(Annals, ADrawingThatFailsSaysWhichOutput) {
  Request q = from_text(kTimeline, {{Format::png, "huge.png"}, {Format::json, "a.json"}});
  q.width = "600cm";
  q.dpi = 600;  // beyond 32767 px
  const Result r = engine().render(q);
  EXPECT_EQ(r.status, Status::not_drawn);
  ASSERT_EQ(r.bytes.size(), 2u);
  EXPECT_TRUE(r.bytes[0].empty());
  EXPECT_FALSE(r.bytes[1].empty());  // the other outputs are still drawn
  ASSERT_EQ(r.diagnostics.error_count(), 1u);
  EXPECT_EQ(r.diagnostics.all().back().where.file, "huge.png");
}

TEST(Annals, CheckReportsStyleProblemsWithoutDrawing) {
  const std::string bad = "[[event]]\ntitle = \"a\"\ndate = 1990\nstyle = { marker = \"star\" }\n";
  const Result r = check(from_text(bad, {}));
  EXPECT_EQ(r.status, Status::bad_input);
  ASSERT_EQ(r.diagnostics.error_count(), 1u);
  EXPECT_EQ(r.diagnostics.all()[0].where.line, 4);
  EXPECT_TRUE(r.bytes.empty());
}

TEST(Annals, VersionIsMajorMinorPatch) {
  EXPECT_TRUE(std::regex_match(std::string(version()), std::regex(R"(\d+\.\d+\.\d+)"))) << version();
}

// The steps a test or tool drives: the style step applies the timeline's
// [style] and then the request's --width, strongest last.
TEST(Pipeline, StyleStepAppliesTheTimelinesStyleThenTheRequest) {
  Request q = from_text(kTimeline, {});
  q.width = "400pt";
  Pipeline p(q);
  const text::FakeMeasurer measurer;
  ASSERT_TRUE(p.load());
  ASSERT_TRUE(p.style());
  ASSERT_TRUE(p.layout(measurer));
  EXPECT_DOUBLE_EQ(p.scene().width, 400);
  EXPECT_EQ(p.timeline(), nullptr);  // the model went back once laid out
  const Result r = std::move(p).result();
  EXPECT_TRUE(r.ok());
}

TEST(Pipeline, StopsAtTheFirstStepThatFails) {
  Pipeline p(from_text("[[event]]\ntitle = \"a\"\n", {}));
  EXPECT_TRUE(p.load());  // read, with an error: there is no date
  EXPECT_FALSE(p.style());
  const text::FakeMeasurer measurer;
  EXPECT_FALSE(p.layout(measurer));
  const Result r = std::move(p).result();
  EXPECT_EQ(r.status, Status::bad_input);
  EXPECT_GE(r.diagnostics.error_count(), 1u);
}

}  // namespace
}  // namespace annals
