#pragma once
// annals as a library: a timeline file in, SVG, PDF, PNG or the JSON layout
// dump out, with every problem as a positioned diagnostic.
//
//   annals::Engine engine;  // owns the fonts; reuse it for many timelines
//   annals::Request request;
//   request.input = "events.toml";
//   request.outputs = {{annals::Format::pdf, "chart.pdf"}};
//   const annals::Result result = engine.render(request);
//   for (const auto& d : result.diagnostics.all()) std::fputs(annals::format(d).c_str(), stderr);
//   if (result.ok()) write(result.bytes[0]);
//
// These headers are the whole installed API; everything else is private.
#include "annals/diagnostics.h"
#include "annals/engine.h"
#include "annals/request.h"
#include "annals/result.h"
#include "annals/version.h"
