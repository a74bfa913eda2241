// The schemas as an editor uses them: Taplo's language server (the engine of
// Even Better TOML, run here as that extension runs it) must offer the value
// choices of a key as completions and show each key's description.
//   node taplo_lsp.mjs SOURCE_DIR WORK_DIR
import { createRequire } from "node:module";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [source, work] = process.argv.slice(2);
const require = createRequire(path.join(source, "tools/taplo/package.json"));
const { TaploLsp } = require("@taplo/lsp");

// Nothing is fetched: Taplo's default schema catalog lives on the network, and
// this check must use only the schema each document names.
globalThis.fetch = async () => { throw new Error("offline: the editor check fetches nothing"); };

const settings = { schema: { enabled: true, catalogs: [], links: false }, completion: { maxKeys: 5 } };
const pending = new Map();
let nextId = 1;
const env = {
  now: () => new Date(),
  envVar: (n) => process.env[n],
  envVars: () => Object.entries(process.env),
  stdErrAtty: () => false,
  stdin: process.stdin, stdout: process.stdout,
  stderr: fs.createWriteStream(path.join(work, "taplo-lsp.log")),
  glob: () => [],
  readFile: async (p) => fs.promises.readFile(p),
  writeFile: async (p, b) => fs.promises.writeFile(p, b),
  // Taplo also asks about URLs that are not files (its detached workspace).
  urlToFilePath: (u) => (u.startsWith("file:") ? fileURLToPath(u) : u),
  isAbsolute: (p) => path.isAbsolute(p),
  cwd: () => work,
  findConfigFile: () => undefined,
};
const lsp = await TaploLsp.initialize(env, {
  onMessage(msg) {
    if (msg.id !== undefined && pending.has(msg.id) && (msg.result !== undefined || msg.error)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    } else if (msg.method && msg.id !== undefined) {
      // A request from the server: settings for configuration, an empty answer otherwise.
      const result = msg.method === "workspace/configuration" ? (msg.params.items || []).map(() => settings) : {};
      lsp.send({ jsonrpc: "2.0", id: msg.id, result });
    }
  },
});
const request = (method, params) => new Promise((resolve) => {
  const id = nextId++;
  pending.set(id, resolve);
  lsp.send({ jsonrpc: "2.0", id, method, params });
});
const notify = (method, params) => lsp.send({ jsonrpc: "2.0", method, params });

await request("initialize", {
  processId: null, rootUri: pathToFileURL(work).href,
  workspaceFolders: [{ uri: pathToFileURL(work).href, name: "work" }],
  initializationOptions: { configurationSection: "evenBetterToml" },
  capabilities: { workspace: { configuration: true },
                  textDocument: { completion: { completionItem: {} }, hover: { contentFormat: ["markdown"] } } },
});
notify("initialized", {});
notify("workspace/didChangeConfiguration", { settings: { evenBetterToml: settings } });

let documents = 0;
async function open(schema, body) {
  const uri = pathToFileURL(path.join(work, `doc${++documents}.toml`)).href;
  const text = `#:schema ${pathToFileURL(path.join(source, "schema", schema)).href}\n${body}`;
  notify("textDocument/didOpen", { textDocument: { uri, languageId: "toml", version: 1, text } });
  return uri;
}
const at = (line, character) => ({ line: line + 1, character });  // after the #:schema line
const docText = (d) => (typeof d === "string" ? d : d?.value ?? "");

const failures = [];
async function expectChoices(name, schema, body, line, character, wanted, description) {
  const uri = await open(schema, body);
  const r = await request("textDocument/completion", { textDocument: { uri }, position: at(line, character) });
  const items = Array.isArray(r.result) ? r.result : r.result?.items ?? [];
  const labels = items.map((i) => i.label.replace(/^"|"$/g, ""));
  const missing = wanted.filter((w) => !labels.includes(w));
  if (missing.length) failures.push(`${name}: completion lacks ${missing.join(", ")} (offered: ${labels.join(", ")})`);
  if (description && !items.some((i) => docText(i.documentation).includes(description)))
    failures.push(`${name}: completions do not carry the description "${description}"`);
  return labels;
}
async function expectHover(name, schema, body, line, character, wanted) {
  const uri = await open(schema, body);
  const r = await request("textDocument/hover", { textDocument: { uri }, position: at(line, character) });
  const shown = docText(r.result?.contents);
  if (!shown.includes(wanted)) failures.push(`${name}: hover shows ${JSON.stringify(shown)}, not "${wanted}"`);
}

await expectChoices("event.marker", "style.schema.json", "[event]\nmarker = \n", 1, 9,
                    ["circle", "diamond", "square", "triangle", "none"], "The shape of a point event's mark.");
await expectChoices("page.size", "style.schema.json", "[page]\nsize = \n", 1, 7,
                    ["A0", "A3", "A6", "letter", "legal", "tabloid", "auto", "custom"]);
await expectChoices("legend.position", "style.schema.json", "[legend]\nposition = \n", 1, 11, ["bottom", "top", "none"]);
await expectChoices("timeline.orientation", "timeline.schema.json",
                    "[timeline]\norientation = \n\n[[event]]\ntitle = \"A\"\ndate = 1990\n", 1, 14,
                    ["horizontal", "vertical"]);
await expectChoices("[style.event] in a timeline", "timeline.schema.json",
                    "[style.event]\nlabel_position = \n\n[[event]]\ntitle = \"A\"\ndate = 1990\n", 1, 17,
                    ["auto", "right", "left", "above", "inside"]);
await expectHover("hover on a style key", "style.schema.json", "[event]\nmarker = \"circle\"\n", 1, 2,
                  "The shape of a point event's mark.");
await expectHover("hover on a timeline key", "timeline.schema.json",
                  "[timeline]\nnow = 2022-12-31\n\n[[event]]\ntitle = \"A\"\ndate = 1990\n", 1, 1,
                  "What \"present\" means");

lsp.dispose?.();
for (const f of failures) console.log("FAIL:", f);
console.log(`taplo lsp: ${7 - failures.length} of 7 editor checks passed`);
process.exit(failures.length ? 1 : 0);
