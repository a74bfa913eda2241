// The annals benchmark.
//   annals-bench stages FILE [RUNS]   time each stage inside the process (median of RUNS)
//   annals-bench process FILE FORMAT [RUNS]
//                                     whole `annals render` processes: median wall time, peak memory
//   annals-bench floor FILE [RUNS]    shape and draw the file's event titles with Pango and Cairo
//                                     and nothing else: what the libraries allow
// Each prints one line of `key=value` pairs (times in seconds) for bench/run to tabulate.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <fmt/format.h>
#include <pango/pangocairo.h>

#include "annals/pipeline.h"
#include "base/diagnostics.h"
#include "load/load.h"
#include "render/render.h"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

template <typename F>
double timed(F&& f) {
  const auto t0 = Clock::now();
  f();
  return seconds_since(t0);
}

std::string binary_dir(const char* argv0) {
  std::string p = argv0;
  const auto slash = p.rfind('/');
  return slash == std::string::npos ? "." : p.substr(0, slash);
}

// Each step of the pipeline of `annals render FILE` (the file's own style and
// `now` included), timed apart; each format drawn from the same scene.
int stages(const std::string& file, int runs) {
  std::map<std::string, std::vector<double>> t;
  std::size_t events = 0;
  annals::Request request;
  request.input = file;
  request.source_date_epoch = "0";
  request.creator = "annals-bench";
  request.outputs = {{annals::Format::json, "json"}, {annals::Format::svg, "svg"},
                     {annals::Format::pdf, "pdf"}, {annals::Format::png, "png"}};
  for (int r = 0; r < runs; ++r) {
    annals::Pipeline p(request);
    bool ok = true;
    t["load"].push_back(timed([&] { ok = p.load(); }));
    if (ok) t["style"].push_back(timed([&] { ok = p.style(); }));
    if (!ok) {
      for (const auto& d : std::move(p).result().diagnostics.all()) std::fputs(annals::format(d).c_str(), stderr);
      return 1;
    }
    events = p.timeline()->events.size();
    // A fresh renderer each run: its shaping cache starts cold, as in a real process.
    const annals::render::Renderer renderer;
    t["layout"].push_back(timed([&] { ok = p.layout(renderer.measurer(), &renderer); }));
    if (r == 0) {
      std::map<std::size_t, std::size_t> kinds;
      for (const auto& shape : p.scene().shapes) ++kinds[shape.index()];
      std::fprintf(stderr, "shapes: rect %zu circle %zu path %zu line %zu text %zu link %zu\n", kinds[0], kinds[1],
                   kinds[2], kinds[3], kinds[4], kinds[5]);
    }
    for (std::size_t i = 0; i < request.outputs.size(); ++i) {
      const std::string& name = request.outputs[i].name;
      std::optional<std::string> out;
      t[name].push_back(timed([&] { out = p.draw(i, renderer); }));
      if (!out) {
        t[name + "_error"].push_back(1);
        continue;
      }
      if (name == "json") continue;
      t["write"].push_back(timed([&] {
        std::ofstream(std::string("/dev/null"), std::ios::binary) << *out;
      }));
    }
  }
  std::string line = fmt::format("events={}", events);
  for (const auto& [k, v] : t) line += fmt::format(" {}={:.4f}", k, median(v));
  std::puts(line.c_str());
  return 0;
}

int process(const char* argv0, const std::string& file, const std::string& format, int runs) {
  const std::string annals = binary_dir(argv0) + "/../annals";
  const std::string out = fmt::format("/tmp/annals-bench-{}.{}", ::getpid(), format);
  std::vector<double> wall;
  long peak_kib = 0;
  std::vector<std::string> formats;
  if (format == "all") formats = {"svg", "pdf", "png", "json"};
  else formats = {format};
  for (int r = 0; r < runs; ++r) {
    std::vector<std::string> args = {annals, "render", file, "--quiet"};
    for (const auto& f : formats) {
      args.push_back("-o");
      args.push_back(fmt::format("/tmp/annals-bench-{}.{}", ::getpid(), f));
    }
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto t0 = Clock::now();
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execv(argv[0], argv.data());
      std::_Exit(127);
    }
    int status = 0;
    rusage usage{};
    ::wait4(pid, &status, 0, &usage);
    wall.push_back(seconds_since(t0));
    peak_kib = std::max(peak_kib, usage.ru_maxrss);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      std::fprintf(stderr, "annals exited with status %d\n", WEXITSTATUS(status));
      return 1;
    }
  }
  for (const auto& f : formats) std::remove(fmt::format("/tmp/annals-bench-{}.{}", ::getpid(), f).c_str());
  (void)out;
  std::printf("wall=%.4f peak_mib=%.1f\n", median(wall), static_cast<double>(peak_kib) / 1024.0);
  return 0;
}

cairo_status_t discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

// The floor: N labels shaped once and drawn once, one per line, on a page
// as large as the layout's would be, with the same Pango settings.
int floor_mode(const std::string& file, int runs) {
  annals::Diagnostics diags;
  const auto timeline = annals::load::timeline_file(file, diags);
  if (!timeline) return 1;
  std::vector<std::string> titles;
  for (const auto& e : timeline->events) titles.push_back(e.title);
  const double width = 1190, height = std::max(842.0, 12.0 * static_cast<double>(titles.size()) / 8);

  std::map<std::string, std::vector<double>> t;
  for (int r = 0; r < runs; ++r) {
    PangoFontMap* map = pango_cairo_font_map_new();
    PangoContext* ctx = pango_font_map_create_context(map);
    pango_context_set_round_glyph_positions(ctx, FALSE);
    pango_cairo_context_set_resolution(ctx, 72);
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_absolute_size(font, 9 * PANGO_SCALE);
    std::vector<PangoLayout*> layouts;
    t["shape"].push_back(timed([&] {
      for (const auto& s : titles) {
        PangoLayout* l = pango_layout_new(ctx);
        pango_layout_set_font_description(l, font);
        pango_layout_set_text(l, s.c_str(), static_cast<int>(s.size()));
        PangoRectangle ink, logical;
        pango_layout_get_extents(l, &ink, &logical);
        layouts.push_back(l);
      }
    }));
    // The labels on a page with a background, as a chart has: Cairo's PDF
    // analysis then keeps one region instead of one rectangle per label
    // (quadratic). `scale` is the PNG's pixels per point.
    auto draw_labels = [&](cairo_surface_t* surface, double scale) {
      cairo_t* cr = cairo_create(surface);
      cairo_scale(cr, scale, scale);
      cairo_set_source_rgb(cr, 1, 1, 1);
      cairo_paint(cr);
      cairo_set_source_rgb(cr, 0, 0, 0);
      std::size_t i = 0;
      for (PangoLayout* l : layouts) {
        cairo_move_to(cr, 20 + static_cast<double>(i % 8) * 140, 20 + static_cast<double>(i / 8) * 12);
        pango_cairo_show_layout(cr, l);
        ++i;
      }
      cairo_destroy(cr);
    };
    auto vector_page = [&](cairo_surface_t* surface) {
      draw_labels(surface, 1);
      cairo_surface_finish(surface);
      cairo_surface_destroy(surface);
    };
    t["pdf"].push_back(timed([&] { vector_page(cairo_pdf_surface_create_for_stream(discard, nullptr, width, height)); }));
    t["svg"].push_back(timed([&] { vector_page(cairo_svg_surface_create_for_stream(discard, nullptr, width, height)); }));
    if (height * 2 < 32767)
      t["png"].push_back(timed([&] {
        cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(width * 2),
                                                        static_cast<int>(height * 2));
        draw_labels(s, 2);
        cairo_surface_write_to_png_stream(s, discard, nullptr);
        cairo_surface_destroy(s);
      }));
    for (PangoLayout* l : layouts) g_object_unref(l);
    pango_font_description_free(font);
    g_object_unref(ctx);
    g_object_unref(map);
  }
  std::string line = fmt::format("labels={}", titles.size());
  for (const auto& [k, v] : t) line += fmt::format(" {}={:.4f}", k, median(v));
  std::puts(line.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: annals-bench stages|process|floor FILE [FORMAT] [RUNS]\n", stderr);
    return 2;
  }
  const std::string mode = argv[1];
  const std::string file = argv[2];
  if (mode == "stages") return stages(file, argc > 3 ? std::atoi(argv[3]) : 5);
  if (mode == "floor") return floor_mode(file, argc > 3 ? std::atoi(argv[3]) : 5);
  if (mode == "process" && argc > 3) return process(argv[0], file, argv[3], argc > 4 ? std::atoi(argv[4]) : 5);
  std::fputs("usage: annals-bench stages|process|floor FILE [FORMAT] [RUNS]\n", stderr);
  return 2;
}
