#include "annals/pipeline.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <set>
#include <utility>
#include <variant>

#include <fmt/format.h>

#include "layout/layout.h"
#include "load/load.h"
#include "render/render.h"
#include "dates/locale.h"
#include "styled/resolve.h"

namespace annals {

namespace {

// Where paths written in the input are relative to; "" for the current folder,
// so that they are printed as written.
std::string folder_of(const std::string& input) {
  if (input == "-") return "";
  return std::filesystem::path(input).parent_path().string();
}

// A `now` must be a certain date in the supported range; "" when it is.
std::string now_problem(const dates::Date& d) {
  if (d.present) return "'now' must be a date, not 'present'";
  if (d.approximate || d.uncertain) return "'now' cannot be approximate or uncertain; write the date itself";
  return "";
}

dates::Date today() { return dates::from_epoch_seconds(static_cast<std::int64_t>(std::time(nullptr))); }

// Problems of request values have no file position: their location names the
// option ("--page", "--set KEY=VALUE"), shown as "annals: error: --page: ...".
Diagnostic named_by_option(Diagnostic d) {
  const std::string option = d.where.file;
  if (!option.empty()) d.message = fmt::format("{}: {}", option, d.message);
  for (auto& n : d.notes)
    if (n.where.file == option) n.where = {};
  d.where = {};
  return d;
}

constexpr double kPdfMaxSide = scene::kPdfMaxSide;

}  // namespace

Pipeline::Pipeline(Request request) : request_(std::move(request)) {}

bool Pipeline::stop(Status status) {
  status_ = std::max(status_, status);
  diags_.sort_by_position();
  return false;
}

// Regular runs read any regular file within the size limits; safe mode
// (FORMAT.md §3) also confines the styles a timeline names. A style the
// request names is the caller's own and is read as given.
load::ReadOptions Pipeline::read_options() const {
  load::ReadOptions o = load::read_options(request_.safe);
  o.first_style_trusted = !request_.style.empty();
  o.locale = locale_;
  return o;
}

// `--set locale=es` (FORMAT.md §5.4) names the chart's language before the
// file is read, since its dates may be written in it. An unknown one is the
// request's fault.
bool Pipeline::choose_locale() {
  for (const auto& s : request_.sets) {
    Diagnostics ignored;  // a malformed --set is reported with the others in style()
    const auto p = load::command_line_property(s, ignored);
    if (!p || p->key != "locale") continue;
    const auto* tag = std::get_if<std::string>(&p->value);
    const std::string text = tag != nullptr ? *tag : s.substr(s.find('=') + 1);
    auto made = dates::make_locale(text);
    if (const auto* e = std::get_if<dates::LocaleError>(&made)) {
      request_diags_.error({}, fmt::format("--set {}: {}", s, e->message));
      return false;
    }
    locale_ = text;
  }
  return true;
}

bool Pipeline::load() {
  if (!choose_locale()) return stop(Status::bad_request);
  if (!request_.text && request_.input != "-") files_.push_back(request_.input);
  timeline_ = request_.text ? load::timeline(*request_.text, request_.input, diags_, read_options())
                            : load::timeline_file(request_.input, diags_, read_options());
  if (!timeline_) return stop(Status::bad_input);
  return true;
}

bool Pipeline::style() {
  if (!timeline_) return stop(Status::bad_input);

  // The request's values are checked apart from the files: a bad one is the request's fault.
  Diagnostics request_diags;
  for (const auto& s : request_.sets) {
    auto p = load::command_line_property(s, request_diags);
    if (!p) continue;
    // `--set title=…` names the chart, not a style key: a CSV file has no
    // header of its own (FORMAT.md §5.5), and a TOML file's title yields to it too.
    if (p->key == "title") {
      // A title is text even where it reads as a number: --set title=1968 is "1968".
      const auto* text = std::get_if<std::string>(&p->value);
      timeline_->header.title = text != nullptr ? *text : s.substr(s.find('=') + 1);
      continue;
    }
    if (p->key == "locale") continue;  // read with the file (choose_locale)
    command_line_.push_back(std::move(*p));
  }
  const model::Timeline& timeline = *timeline_;
  auto add_option = [this](const char* option, std::string key, std::string value) {
    command_line_.insert(command_line_.begin(),
                         Property{std::move(key), std::move(value), SourceLocation{option, 0, 0}});
  };
  if (!request_.height.empty()) {
    add_option("--height", "page.height", request_.height);
    if (request_.page.empty()) add_option("--height", "page.size", "custom");
  }
  if (!request_.width.empty()) {
    add_option("--width", "page.width", request_.width);
    if (request_.page.empty() && request_.height.empty()) add_option("--width", "page.size", "auto");
  }
  if (!request_.page.empty()) add_option("--page", "page.size", request_.page);

  std::string style_name = "default";
  std::string style_dir;  // a requested style is relative to the current folder
  SourceLocation style_where{"--style", 0, 0};
  if (!request_.style.empty()) {
    style_name = request_.style;
  } else if (!timeline.header.style.empty()) {
    style_name = timeline.header.style;
    style_dir = folder_of(request_.input);
    style_where = timeline.header.style_where;
  }
  style_ = load::style_named(style_name, style_dir, style_where, diags_, read_options(), &files_);
  // The cascade's outer layers: the timeline's [style], then the request.
  if (style_) {
    style::apply(*style_, timeline.style, diags_);
    style::apply(*style_, command_line_, request_diags);
  }
  // A bad value is the request's fault; an unknown key is a warning, which
  // `strict` fails like any other warning (as bad input).
  const bool bad_value = request_diags.has_errors();
  if (request_.strict) request_diags.promote_warnings();
  for (const auto& d : request_diags.all()) request_diags_.add(named_by_option(d));
  if (bad_value) return stop(Status::bad_request);

  choose_now();
  if (status_ == Status::bad_request) return stop(Status::bad_request);
  load::check_present(timeline, now_, now_origin_, diags_);

  if (request_.strict) diags_.promote_warnings();
  if (request_diags_.has_errors() || diags_.has_errors() || !style_) return stop(Status::bad_input);
  diags_.sort_by_position();
  return true;
}

// What "present" means: the request's now, the file's, SOURCE_DATE_EPOCH,
// today (FORMAT.md §1.5). A wrong value is the request's fault.
void Pipeline::choose_now() {
  const model::Timeline& t = *timeline_;
  if (!request_.now.empty()) {
    const auto parsed = dates::parse(request_.now);
    if (const auto* err = std::get_if<dates::ParseError>(&parsed)) {
      request_diags_.error({}, fmt::format("--now '{}': {}", request_.now, err->message));
      status_ = Status::bad_request;
      return;
    }
    const auto& d = std::get<dates::Date>(parsed);
    if (const std::string problem = now_problem(d); !problem.empty()) {
      request_diags_.error({}, fmt::format("--now '{}': {}", request_.now, problem));
      status_ = Status::bad_request;
      return;
    }
    now_ = d;
    now_origin_ = {fmt::format("from --now {}", request_.now), {}};
    return;
  }
  if (t.header.now) {
    now_ = t.header.now->date;
    now_origin_ = {"from the file's 'now'", t.header.now->where};
    return;
  }
  if (const std::string& epoch = request_.source_date_epoch; !epoch.empty()) {
    // A number beyond 9999 CE (or before 9999 BCE) is the range error a date written there would be.
    const char* text = epoch.c_str();
    char* end = nullptr;
    errno = 0;
    const long long seconds = std::strtoll(text, &end, 10);
    const bool number = end != text && end && *end == '\0';
    constexpr long long kFar = 1LL << 60;  // civil arithmetic cannot overflow well inside this
    if (number && errno == 0 && seconds > -kFar && seconds < kFar) {
      const dates::Seconds first = dates::seconds_from_civil({dates::kMinYear, 1, 1, 0, 0, 0});
      const dates::Seconds after = dates::seconds_from_civil({dates::kMaxYear + 1, 1, 1, 0, 0, 0});
      if (seconds < first || seconds >= after) {
        request_diags_.error({}, fmt::format("SOURCE_DATE_EPOCH='{}': year {} is outside the supported range {}",
                                             text, dates::year_label(dates::civil_from_seconds(seconds).year),
                                             dates::kRangeText));
        status_ = Status::bad_request;
        return;
      }
      now_ = dates::from_epoch_seconds(seconds);
    } else if (number && (errno == 0 || errno == ERANGE)) {
      request_diags_.error({}, fmt::format("SOURCE_DATE_EPOCH='{}': the date is outside the supported range {}",
                                           text, dates::kRangeText));
      status_ = Status::bad_request;
      return;
    } else {
      diags_.warning({}, fmt::format("SOURCE_DATE_EPOCH='{}' is not a number of seconds; using today", text));
      now_ = today();
    }
    now_origin_ = {fmt::format("from SOURCE_DATE_EPOCH={}", epoch), {}};
    return;
  }
  now_ = today();
  now_origin_ = {"today's date", {}};
}

bool Pipeline::check_styles() {
  if (!timeline_ || !style_ || status_ == Status::bad_request) return false;
  (void)styled::resolve(*timeline_, *style_, {now_, command_line_}, diags_);
  // The dark style an SVG would read is checked as render would read it.
  (void)dark_style();
  if (request_.strict) diags_.promote_warnings();
  if (diags_.has_errors()) return stop(Status::bad_input);
  diags_.sort_by_position();
  return true;
}

bool Pipeline::can_stream() const {
  if (!style_ || request_.strict || style_->page.tiles != "none") return false;
  for (const Output& o : request_.outputs) {
    if (o.format == Format::json) return false;
    if (o.format == Format::svg && !style_->svg.dark.empty()) return false;
  }
  return true;
}

// Pango quietly substitutes a font that is not installed; a user who named
// one should hear which font is drawn instead.
void Pipeline::check_fonts(const scene::Scene& page, const render::Renderer& renderer) {
  std::set<std::string> seen;
  for (const auto& shape : page.shapes) {
    const auto* text = std::get_if<scene::Text>(&shape);
    if (!text || !seen.insert(text->font.family).second) continue;
    if (renderer.has_family(text->font.family)) continue;
    diags_.warning({request_.input, 0, 0}, fmt::format("font family '{}' is not installed; using '{}'",
                                                       text->font.family, renderer.family_used(text->font)));
  }
}

bool Pipeline::layout(const text::TextMeasurer& measurer, const render::Renderer* renderer, PageSink on_page) {
  if (!timeline_ || !style_ || status_ != Status::ok) return false;
  bool streamed = false;
  {
    // The styled timeline holds all that layout reads: the model's memory goes back before laying out.
    styled::Timeline styled = styled::resolve(*timeline_, *style_, {now_, command_line_}, diags_);
    const bool svg = std::any_of(request_.outputs.begin(), request_.outputs.end(),
                                 [](const Output& o) { return o.format == Format::svg; });
    const std::optional<style::Style> dark_st = dark_style();
    std::optional<styled::Timeline> dark;
    if (svg && dark_st) dark = dark_timeline(*dark_st);
    timeline_.reset();
    layout::Options options{request_.creator, {}};
    if (on_page && !dark)
      options.on_page = [&](scene::Scene page) {
        if (!streamed && renderer) check_fonts(page, *renderer);
        streamed = true;
        on_page(std::move(page));
      };
    // Moved, not copied: a second styled timeline of 100,000 events is about 60 MB more at the peak.
    scene_ = layout::layout(std::move(styled), options, measurer, diags_);
    if (dark) {
      // Laid out alike, in the dark style's colours: the two scenes pair colour by colour.
      Diagnostics scratch;  // the same timeline again: its problems are reported once, above
      const scene::Scene dark_scene =
          layout::layout(*dark, layout::Options{request_.creator, {}}, measurer, scratch);
      if (!scene::pair_colors(scene_, dark_scene))
        diags_.warning(style_->svg.dark_where,
                       fmt::format("svg.dark: the chart in the colours of '{}' is not laid out alike; the SVG "
                                   "keeps one colour scheme",
                                   style_->svg.dark));
    }
  }
  if (renderer && !streamed) check_fonts(scene_, *renderer);
  for (std::size_t i = 0; i < scene::page_count(scene_); ++i) {
    const scene::Scene& page = scene::page_of(scene_, i);
    if (page.width <= kPdfMaxSide && page.height <= kPdfMaxSide) continue;
    for (const auto& o : request_.outputs) {
      if (o.format != Format::pdf) continue;
      const double f = kPdfMaxSide / std::max(page.width, page.height);
      diags_.warning({o.name, 0, 0},
                     fmt::format("the page is {:.0f} × {:.0f} pt, beyond the {:.0f} pt (200 in) per side that "
                                 "PDF viewers show; the PDF page is scaled down to {:.0f} × {:.0f} pt (split the "
                                 "timeline, narrow its dates, or use SVG to keep its size)",
                                 page.width, page.height, kPdfMaxSide, page.width * f, page.height * f));
    }
    break;
  }
  if (request_.strict) diags_.promote_warnings();
  if (diags_.has_errors()) {
    status_ = std::max(status_, Status::bad_input);
    return false;
  }
  return true;
}

// svg.dark: the dark style, read (and its problems reported) whatever is drawn.
std::optional<style::Style> Pipeline::dark_style() {
  const style::SvgStyle& svg = style_->svg;
  if (svg.dark.empty()) return std::nullopt;
  // A path is relative to the file that names it, as `extends` is; a --set to the current folder.
  std::string dir;
  std::error_code ec;
  if (std::filesystem::is_regular_file(svg.dark_where.file, ec))
    dir = std::filesystem::path(svg.dark_where.file).parent_path().string();
  load::ReadOptions options = load::read_options(request_.safe);
  options.first_style_trusted = svg.dark_where.file.starts_with("--set");
  if (request_.safe && !options.first_style_trusted) dir = folder_of(request_.input);
  return load::style_named(svg.dark, dir, svg.dark_where, diags_, options);
}

// The timeline styled again with the dark style's colours only, for an SVG
// that follows the reader's colour scheme.
styled::Timeline Pipeline::dark_timeline(const style::Style& dark) {
  Diagnostics scratch;  // the same timeline again: its problems are reported once
  return styled::resolve(*timeline_, style::with_colors_of(*style_, dark), {now_, command_line_}, scratch);
}

render::Format Pipeline::render_format(std::size_t output) const {
  const Format f = request_.outputs.at(output).format;
  return f == Format::svg ? render::Format::svg : f == Format::pdf ? render::Format::pdf : render::Format::png;
}

render::Options Pipeline::render_options(std::size_t page) const {
  render::Options options(request_.dpi);
  options.id_prefix = request_.id_prefix;
  options.page = page;
  if (style_ && style_->svg.text == style::SvgText::outlines) options.svg_text = render::SvgText::outlines;
  return options;
}

std::optional<std::string> Pipeline::take(std::size_t output, render::Output out) {
  if (!out.ok()) {
    diags_.error({request_.outputs.at(output).name, 0, 0}, out.error);
    status_ = std::max(status_, Status::not_drawn);
    return std::nullopt;
  }
  return std::move(out.bytes);
}

std::optional<std::string> Pipeline::draw(std::size_t output, const render::Renderer& renderer, std::size_t page) {
  if (request_.outputs.at(output).format == Format::json) return scene::to_json(scene_);
  return take(output, renderer.render(scene_, render_format(output), render_options(page)));
}

Result Pipeline::result() && {
  Result r;
  r.status = status_;
  r.files = std::move(files_);
  r.diagnostics = std::move(request_diags_);
  for (auto& d : diags_.all()) r.diagnostics.add(d);
  return r;
}

}  // namespace annals
