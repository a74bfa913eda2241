// Renders a timeline file to PDF through the annals library: what
// `annals render INPUT -o OUTPUT.pdf` does, with the defaults a program
// embedding annals would pick.
//   render-timeline INPUT.toml OUTPUT.pdf
#include <annals/annals.h>

#include <cstdio>
#include <fstream>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: render-timeline INPUT.toml OUTPUT.pdf\n", stderr);
    return 2;
  }
  annals::Request request;
  request.input = argv[1];  // its own style (a built-in name or a file beside it), else "default"
  request.outputs = {{annals::Format::pdf, argv[2]}};
  // A fixed "present" keeps the output reproducible when the file names none;
  // a real program might leave it empty for today.
  request.source_date_epoch = "0";
  request.creator = "render-timeline";

  const annals::Engine engine;  // owns the fonts; one engine serves many renders
  const annals::Result result = engine.render(request);
  for (const auto& d : result.diagnostics.all()) std::fputs(annals::format(d).c_str(), stderr);
  if (result.status == annals::Status::not_drawn) return 3;
  if (!result.ok()) return 1;

  std::ofstream out(argv[2], std::ios::binary);
  out << result.bytes[0];
  return out.good() ? 0 : 3;
}
