#pragma once
// Resolved style values: every value final (points, colours, fonts), and the
// helpers that read or compare such values. What layout may see of styles;
// how a Style is built from property sheets (the cascade) is style/style.h.
#include <algorithm>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/color.h"
#include "base/font.h"
#include "base/property.h"
#include "base/source_location.h"

namespace annals::style {

enum class MarkerShape { circle, diamond, square, triangle, none };
enum class LabelPosition { automatic, right, left, above, inside };
enum class AxisPosition { bottom, top, both };
enum class Align { left, center, right };
// In the order of their keys' words (style/keys.cpp): "bottom", "top", "none" and "top", "bottom", "none".
enum class LegendPosition { bottom, top, none };
// How an SVG holds its text (svg.text): real <text> in embedded font
// subsets, or glyph outlines for tools that ignore embedded fonts.
enum class SvgText { text, outlines };
enum class EraLabelPosition { top, bottom, none };

struct PageStyle {
  std::string size = "A3";  // A0–A6, letter, legal, tabloid, custom, auto
  bool landscape = true;
  // Whether page.orientation was named by the timeline, a style file of the
  // user's or --set (a built-in style's own choice does not count): a
  // vertical chart turns a named size to portrait only when it was not.
  bool orientation_named = false;
  double width = 0;         // pt; with size = "auto" the fixed width; 0 = from size
  double height = 0;        // pt; only for custom sizes
  double margin = 34;       // pt (12 mm)
  Color background{1, 1, 1, 1};
  // A smaller sheet the page is printed on as a poster in tiles (A0–A6,
  // letter, legal, tabloid), "none" for the page itself; and where the key
  // was set, for messages.
  std::string tiles = "none";
  SourceLocation tiles_where;
};

struct TextStyle {
  FontSpec font;
  Color color{0.13, 0.13, 0.13, 1};
};

struct TitleStyle {
  TextStyle title;     // ≈ 2× body
  TextStyle subtitle;
  TextStyle source;    // footer credit
  Align align = Align::left;
  bool show_title = true;               // title.show: false where a caption says it (LaTeX, a web page)
  std::optional<bool> show_subtitle;    // subtitle.show; unset = as the title
  bool subtitle_shown() const { return show_subtitle.value_or(show_title); }
};

struct AxisStyle {
  AxisPosition position = AxisPosition::bottom;
  Color color{0.6, 0.6, 0.6, 1};
  double width = 0.75;
  double tick_length = 4;
  TextStyle label;
};

struct GridStyle {
  bool major = true;
  bool minor = false;
  Color major_color{0.88, 0.88, 0.88, 1};
  Color minor_color{0.94, 0.94, 0.94, 1};
  double width = 0.5;
};

struct LaneStyle {
  double header_width = 0;  // pt; 0 = fit the longest lane title
  Color band{0.97, 0.97, 0.97, 1};     // odd lanes
  Color band_alt{1, 1, 1, 0};          // even lanes
  Color separator{0.85, 0.85, 0.85, 1};
  double separator_width = 0.5;
  double padding = 6;       // pt above and below a lane's rows
  TextStyle title;          // colour: the lane colour unless set
  bool title_uses_lane_color = true;
};

struct EventStyle {
  Color color{0.12, 0.47, 0.71, 1};  // the mark; defaults to the lane colour
  bool color_given = false;      // a style set `event.color`: it beats the palette
  MarkerShape marker = MarkerShape::circle;
  bool marker_given = false;     // a style set `event.marker`: it beats palette.markers
  double marker_size = 7;        // pt, diameter
  double span_height = 10;       // pt
  double corner_radius = 2;      // pt
  double row_gap = 4;            // pt between rows
  double label_gap = 4;          // pt between a mark and its label
  TextStyle label;
  LabelPosition label_position = LabelPosition::automatic;
  bool show_dates = true;        // "1962–1975 · Title"
  Color date_color{0.45, 0.45, 0.45, 1};
  int max_label_lines = 3;
  Color outline = Color::none();  // a span's outline; none = no outline
  double outline_width = 0.75;   // pt
  double fill_opacity = 1;       // a span's fill over the lane; its outline stays opaque
  bool show_description = false; // the description under the label, smaller (posters, printed charts)
  double description_size = 0;   // pt; 0 = 85 % of the label's size (see secondary_size)
};

struct EraStyle {
  Color fill{0.5, 0.5, 0.5, 1};
  double opacity = 0.08;
  TextStyle label;
  EraLabelPosition label_position = EraLabelPosition::top;
};

struct MarkerStyle {
  Color color{0.75, 0.22, 0.17, 1};
  double width = 1;
  std::vector<double> dash{4, 3};  // empty = solid
  TextStyle label;
};

// The size of a text the style derives from a label's (a description, a
// link's title): 85 % of it, but never below font.min_size unless the label
// itself is, since page fitting has already brought labels down to that floor.
inline double secondary_size(double label, double min_size) {
  return label < min_size ? 0.85 * label : std::max(0.85 * label, min_size);
}

// Links between events (FORMAT.md §5.2). Unset values follow the events:
// the line and its title in the date colour, the title in the event labels'
// font at 85 % of their size, in italics.
struct LinkStyle {
  Color color = Color::none();  // the line and its arrowhead; none = event.date_color
  double width = 0.9;           // pt
  double arrow_size = 5;        // pt: the arrowhead's length (its base is about its length)
  std::vector<double> dash;     // empty = solid
  std::string title_font;       // "" = the event labels' family
  double title_size = 0;        // pt; 0 = 85 % of the event labels' size
  int title_weight = 0;         // 0 = the event labels' weight
  Color title_color = Color::none();  // none = event.date_color
  bool title_italic = true;
};

struct LegendStyle {
  bool show = true;
  LegendPosition position = LegendPosition::bottom;
  TextStyle label;
};

// Link targets for SVG, in the order of their keys' words.
enum class LinkTarget { top, blank, self, parent };

struct SvgStyle {
  LinkTarget link_target = LinkTarget::top;  // where a link in an SVG shown with <object> opens
  std::string dark;  // a style (built-in name or file) whose colours a dark-mode reader sees; "" = none
  SourceLocation dark_where;  // where `svg.dark` was set, for messages about it
  SvgText text = SvgText::text;  // real <text> with embedded font subsets, or Cairo's glyph outlines
};

struct Style {
  std::string name;     // as chosen ("classic", or a path)
  FontSpec font;        // [font]: the base every text style starts from
  double min_size = 6;  // font.min_size, pt: the smallest event labels page fitting may choose
  PageStyle page;
  TitleStyle title;
  AxisStyle axis;
  GridStyle grid;
  LaneStyle lane;
  EventStyle event;
  EraStyle era;
  MarkerStyle marker;
  LinkStyle link;
  LegendStyle legend;
  SvgStyle svg;
  std::vector<Color> palette;
  std::vector<MarkerShape> palette_markers;  // lanes' point marks in turn; empty = event.marker
  // What the style promises about the colours a timeline sets (docs/styles.md).
  bool grey_only = false;   // palette.grey: every colour is drawn in grey
  double min_contrast = 1;  // palette.min_contrast: lane and mark colours lifted to it against the background
  std::map<std::string, PropertySheet> tags;  // [tag.NAME]: applied per event
};

// Value parsers, shared with the loader's checks and the command line.
std::optional<Color> parse_color(std::string_view text);          // #rgb, #rrggbb, #rrggbbaa, CSS names, none
std::optional<double> parse_length(std::string_view text);        // "12mm", "0.5in", "18pt", "24px", "2cm" → pt
struct PageSize { double width = 0, height = 0; };                 // portrait, pt
std::optional<PageSize> page_size(std::string_view name);          // "A3", "letter", ... (case-insensitive)

// WCAG 2 relative luminance and contrast ratio.
double contrast_ratio(const Color& a, const Color& b);
// Dark or light text, whichever reads better on `background` (≥ 4.5:1 where possible).
Color readable_text_on(const Color& background);
// `hue` darkened (or lightened on dark backgrounds) just enough to reach
// `min_ratio` against `background`: a lane's name in the lane's colour, still legible.
Color text_color_on(const Color& hue, const Color& background, double min_ratio = 4.5);
// The grey of the same relative luminance (alpha kept); a grey is itself.
Color grey_of(const Color& c);
// `c` lifted towards white (or black on light grounds) just enough to reach
// the style's min_contrast against the page and each lane band; unchanged
// when it already does, or when the style promises no contrast.
Color with_contrast(const Color& c, const Style& s);
// The colour drawn for a colour a timeline sets on an event, an era or a
// marker: its grey under palette.grey, then lifted to min_contrast.
Color promised_color(const Style& s, const Color& c);
// The colour drawn for lane number `lane_index` whose colour is `lane`: under
// palette.grey, the palette's grey for that lane, whatever the timeline set
// (the palette's greys are spaced in lightness, lane by lane); then lifted to
// min_contrast.
Color promised_lane_color(const Style& s, std::size_t lane_index, const Color& lane);
// The CSS colour names parse_color() accepts, lower case.
std::span<const std::string_view> color_names();

}  // namespace annals::style
