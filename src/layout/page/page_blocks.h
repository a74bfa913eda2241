#pragma once
// The page and the blocks that frame the chart: its size, the title and
// subtitle, the legend and the source credit.
#include <string>
#include <vector>

#include "base/color.h"
#include "scene/scene.h"
#include "style/values.h"
#include "text/measurer.h"

namespace annals::layout {

struct PageFrame {
  double width = 0;
  double height = 0;  // 0 = fit the content
  std::string name;   // for messages: "A3 landscape"
};

// From style.page: a named size (turned for landscape), a custom size or
// "auto" (the fixed width, 16 cm by default, and a height that fits).
PageFrame page_frame(const style::PageStyle& page);

// A block laid out from (0, 0); the caller moves it into place.
struct Block {
  std::vector<scene::Shape> shapes;
  std::vector<scene::Item> items;
  double height = 0;
};

Block title_block(const std::string& title, const std::string& subtitle, const style::TitleStyle& st,
                  double width, const text::TextMeasurer& m);

Block source_block(const std::string& source, const style::TitleStyle& st, double width,
                   const text::TextMeasurer& m);

struct LegendEntry {
  enum class Swatch { solid, band, fade, open, lane };
  Swatch swatch = Swatch::solid;
  Color color;
  std::string text;
  // A lane whose events are points: the shape its marks have (a bar otherwise).
  style::MarkerShape mark = style::MarkerShape::none;
  scene::Stroke outline;  // the marks' outline, where the style draws one
};

// Entries flow left to right and wrap within `width`.
Block legend_block(const std::vector<LegendEntry>& entries, const style::LegendStyle& st, double width,
                   const text::TextMeasurer& m);

// Moves every shape and item box of a block.
void move_block(Block& b, double dx, double dy);

}  // namespace annals::layout
