// The benchmark's peer chart: the events of an annals layout dump (FORMAT.md
// §4: title, lane, start, end, precision) as a Vega-Lite timeline — bars for
// spans, points for dated events, each with its title beside it, lanes as
// rows — the way people draw timelines with Vega-Lite today. Both tools read
// the same events.
//   node to-vega-lite.mjs DUMP.json > chart.vl.json
import fs from "node:fs";

const dump = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const values = dump.items
  .filter((i) => i.kind === "event")
  .map((e) => ({ title: e.title, lane: e.lane, start: e.start, end: e.end, span: e.start !== e.end && e.precision === "day" }));

const x = { field: "start", type: "temporal", title: null };
const y = { field: "lane", type: "nominal", title: null };
const spec = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  title: dump.items.find((i) => i.kind === "title")?.text ?? "Timeline",
  width: Math.round(dump.page.width),
  height: Math.round(dump.page.height),
  data: { values },
  layer: [
    { transform: [{ filter: "datum.span" }], mark: { type: "bar", height: 8 },
      encoding: { x, x2: { field: "end" }, y, color: { field: "lane", legend: null } } },
    { transform: [{ filter: "!datum.span" }], mark: { type: "point", filled: true },
      encoding: { x, y, color: { field: "lane", legend: null } } },
    { mark: { type: "text", align: "left", dx: 6, fontSize: 9 },
      encoding: { x, y, text: { field: "title" } } },
  ],
};
process.stdout.write(JSON.stringify(spec));
