#!/usr/bin/env python3
"""An SVG from annals in a real browser (headless Chromium): it renders, its
size in CSS pixels is its size in points * 4/3, and it looks like annals' own
PNG of the chart; its text is real <text> in embedded fonts (no glyph
outlines, no invisible copy) that the browser's search finds, also across a
wrapped label's lines, where the label is drawn; the text reads in order
(title, each lane's name before its events, source last); tooltips and links
are there (opening in the top page); screen readers get the chart's title
and each event's full title and description as accessible names. Two
different charts inline in one page keep their ids and font names apart and
look exactly as each does alone. svg.link_target=_blank, _self and
_parent reach the browser as written.

usage: web_test.py ANNALS_BINARY SOURCE_DIR WORK_DIR
"""
import base64
import json
import pathlib
import re
import subprocess
import sys
import tempfile

from chromium import find_chromium, png_pixels, screenshot

annals, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)
timeline = source / "timelines" / "bolivia-foreign-relations.toml"
chromium = find_chromium()

svg_path, json_path, png_path = work / "web.svg", work / "web.json", work / "web.png"
subprocess.run([annals, "render", str(timeline), "--now", "2022-12-31", "-q", "--dpi", "96",
                "-o", str(svg_path), "-o", str(json_path), "-o", str(png_path)], check=True)
svg = svg_path.read_text(encoding="utf-8")
dump = json.loads(json_path.read_text(encoding="utf-8"))
root = svg[svg.index("<svg"):]
if "<use" in root or "<symbol" in root:
    sys.exit("FAIL: the SVG still draws text as glyph outlines (<use>/<symbol>)")
if 'fill-opacity="0"' in root:
    sys.exit("FAIL: the SVG has an invisible layer (fill-opacity=\"0\")")
faces = re.findall(r'@font-face\{font-family:"([^"]+)"[^}]*src:url\(data:font/(?:ttf|otf);base64,', root)
if not faces:
    sys.exit("FAIL: no embedded font subset (@font-face with a data: URL)")


def data_url(text):
    return "data:image/svg+xml;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


# One word, so the test does not depend on where the layout wraps a label.
label = next(i for i in dump["items"] if i["kind"] == "label" and "URUPABOL" in i["text"])
page = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>web test</title></head>
<body style="margin:0">
<div id="inline" style="position:absolute;left:0;top:0;width:%(width)spx">%(inline)s</div>
<img id="full" src="%(full)s" style="position:absolute;left:0;top:0;visibility:hidden">
<img id="png" src="%(png)s" style="position:absolute;left:0;top:0;visibility:hidden">
<pre id="result"></pre>
<script>
function pixels(img, w, h) {
  const c = document.createElement('canvas');
  c.width = w; c.height = h;
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  return g.getImageData(0, 0, c.width, c.height).data;
}
window.addEventListener('load', () => {
  const out = {};
  const full = document.getElementById('full');
  const r = full.getBoundingClientRect();
  out.width = r.width; out.height = r.height;
  const png = document.getElementById('png');
  out.png_size = [png.naturalWidth, png.naturalHeight];
  // The SVG at its own size (a fraction of a pixel less than the PNG's whole pixels).
  const a = pixels(full, png.naturalWidth, png.naturalHeight), b = pixels(png, png.naturalWidth, png.naturalHeight);
  // Against annals' own PNG at the same scale: only anti-aliasing may differ.
  let differ = 0, inked = 0;
  if (a.length === b.length)
    for (let i = 0; i < a.length; i += 4) {
      const alpha = a[i+3] / 255, over = v => v * alpha + 255 * (1 - alpha);
      if (Math.max(Math.abs(over(a[i]) - b[i]), Math.abs(over(a[i+1]) - b[i+1]), Math.abs(over(a[i+2]) - b[i+2])) > 96) differ++;
      if (a[i+3] > 0 && (a[i] < 200 || a[i+1] < 200 || a[i+2] < 200)) inked++;
    }
  else differ = -1;
  out.differ = differ; out.inked = inked; out.pixels = a.length / 4;
  out.found = window.find("URUPABOL", true, false, true);
  const sel = window.getSelection();
  out.selected = String(sel);
  if (sel.rangeCount) { const s = sel.getRangeAt(0).getBoundingClientRect();
    out.sel = [s.left + window.scrollX, s.top + window.scrollY, s.width, s.height]; }
  sel.removeAllRanges();
  // A label wrapped over two lines is still found whole.
  out.found_wrapped = window.find("War of the Pacific", true, false, true);
  out.selected_wrapped = String(window.getSelection());
  sel.removeAllRanges();
  const svg = document.querySelector('#inline svg');
  out.title = svg.querySelector(':scope > title').textContent;
  out.reading = Array.from(svg.querySelectorAll('text')).map(t => t.textContent);
  out.text_fonts = Array.from(new Set(Array.from(svg.querySelectorAll('text')).map(t => getComputedStyle(t).fontFamily)));
  out.fonts_loaded = Array.from(document.fonts).filter(f => f.status === 'loaded').map(f => f.family);
  out.tooltips = Array.from(svg.querySelectorAll('g.event > title')).map(t => t.textContent);
  out.links = Array.from(svg.querySelectorAll("a")).map(x => x.getAttribute("xlink:href") || x.getAttribute("href"));
  out.targets = Array.from(new Set(Array.from(svg.querySelectorAll("a")).map(x => x.getAttribute("target"))));
  // What the accessibility tree holds (Chromium's computed accessibility info).
  out.a11y_name = svg.computedName;
  out.a11y_events = Array.from(svg.querySelectorAll('g.event'))
      .filter(g => g.querySelector(':scope > title')).map(g => [g.computedRole, g.computedName]);
  out.a11y_hidden_text = Array.from(svg.querySelectorAll('.annals-text text'))
      .filter(t => t.closest('[aria-hidden="true"]') || getComputedStyle(t).visibility === 'hidden'
                   || getComputedStyle(t).display === 'none').length;
  document.getElementById('result').textContent = JSON.stringify(out);
});
</script></body></html>""" % {"inline": root, "full": data_url(root),
                               "png": "data:image/png;base64," + base64.b64encode(png_path.read_bytes()).decode("ascii"),
                               "width": dump["page"]["width"] * 4 / 3}
html = work / "web.html"
html.write_text(page, encoding="utf-8")

with tempfile.TemporaryDirectory() as profile:
    run = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--user-data-dir=" + profile, "--virtual-time-budget=10000",
         "--force-renderer-accessibility", "--enable-blink-features=ComputedAccessibilityInfo",
         "--dump-dom", html.as_uri()],
        capture_output=True, text=True, timeout=120)
m = re.search(r'<pre id="result">(.*?)</pre>', run.stdout, re.S)
if not m or not m.group(1):
    sys.exit("FAIL: the page did not report; chromium said:\n" + run.stderr[-2000:])
got = json.loads(m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))
print(json.dumps({k: v for k, v in got.items() if k not in ("tooltips", "a11y_events", "reading")}, ensure_ascii=False))

problems = []
want_w, want_h = dump["page"]["width"] * 4 / 3, dump["page"]["height"] * 4 / 3
if abs(got["width"] - want_w) > 1 or abs(got["height"] - want_h) > 1:
    problems.append(f"size {got['width']}x{got['height']} CSS px, expected {want_w:.1f}x{want_h:.1f}")
if got["inked"] < 1000:
    problems.append(f"the SVG barely renders ({got['inked']} inked pixels)")
if got["differ"] < 0:
    problems.append(f"the SVG rasterises to another size than the PNG {got['png_size']}")
elif got["differ"] > got["pixels"] * 0.01:
    problems.append(f"the SVG in Chromium differs from annals' PNG in {got['differ']} of {got['pixels']} pixels")
if not got["found"] or got["selected"] != "URUPABOL":
    problems.append(f"window.find did not find the label (selected {got['selected']!r})")
elif "sel" in got:
    # The found text lies where the label is drawn (the dump's box, points → CSS px).
    x, y, w, h = (v * 4 / 3 for v in label["box"])
    left, top, sw, sh = got["sel"]
    if not (x - 4 <= left + sw / 2 <= x + w + 4 and y - 4 <= top + sh / 2 <= y + h + 4):
        problems.append(f"the found text is at {got['sel']}, the label is drawn at {[x, y, w, h]}")
if not got["found_wrapped"] or got["selected_wrapped"] != "War of the Pacific":
    problems.append(f"window.find did not find a wrapped label whole (selected {got['selected_wrapped']!r})")
own = {f for f in faces}
if not got["fonts_loaded"] or not set(got["fonts_loaded"]) <= own:
    problems.append(f"the embedded fonts {sorted(own)} were not loaded (loaded: {got['fonts_loaded']})")
if any(not any(f in used for f in own) for used in got["text_fonts"]):
    problems.append(f"some text is not in an embedded font: {got['text_fonts']}")
# Reading order: the title first, each lane's name before its events' labels
# (and after the previous lane's), the source last.
reading = [t.replace("\n", " ") for t in got["reading"]]
def where(text):
    return next((i for i, t in enumerate(reading) if t.startswith(text)), None)
if where("Bolivia's foreign relations") != 0:
    problems.append(f"the title is not read first: {reading[:3]}")
if where("Source:") != len(reading) - 1:
    problems.append(f"the source is not read last: {reading[-3:]}")
lane_titles = {i["id"]: i["text"] for i in dump["items"] if i["kind"] == "lane"}
previous = -1
for lane_id, lane_title in lane_titles.items():
    at = where(lane_title)
    labels = [where(i["text"].split("\n")[0]) for i in dump["items"] if i["kind"] == "label" and i["lane"] == lane_id]
    if at is None or at < previous or any(l is None or l < at for l in labels):
        problems.append(f"lane {lane_title!r} (read at {at}) is not read just before its events ({labels})")
    previous = max([at or 0] + [l for l in labels if l is not None])
if got["title"] != "Bolivia's foreign relations":
    problems.append(f"document title {got['title']!r}")
if not any(t.startswith("War of the Pacific\nBolivia is defeated") for t in got["tooltips"]):
    problems.append("no tooltip with the full title and description of 'War of the Pacific'")
# A tooltip for every event with more to say than its label shows (a
# description, or a title the label shortened); the rest say it all in text.
# The periods of an event (several event items, one id) share one.
def label_text(event_id):
    return " ".join(i["text"].replace("\n", " ") for i in dump["items"] if i["kind"] == "label" and i["event"] == event_id)
want_tips = len({i["id"] for i in dump["items"] if i["kind"] == "event"
                 and (i.get("description") or i["title"] not in label_text(i["id"]))})
if len(got["tooltips"]) != want_tips:
    problems.append(f"{len(got['tooltips'])} tooltips, expected {want_tips} for the events of the dump")
urls = {i["url"] for i in dump["items"] if i["kind"] == "event" and i.get("url")}
if not urls <= set(got["links"]):
    problems.append(f"links {got['links']} miss event urls {urls}")
if got["targets"] != ["_top"]:
    problems.append(f"links open in {got['targets']}, not the top page (_top)")
if got["a11y_name"] != "Bolivia's foreign relations":
    problems.append(f"screen readers name the chart {got['a11y_name']!r}")
if len(got["a11y_events"]) != len(got["tooltips"]) or any(role != "group" for role, _ in got["a11y_events"]):
    problems.append(f"event groups are not accessible groups: {got['a11y_events'][:3]}")
if not any(name.startswith("War of the Pacific") and "Atacama" in name for _, name in got["a11y_events"]):
    problems.append("no accessible name with the full title and description of 'War of the Pacific'")
if got["a11y_hidden_text"]:
    problems.append(f"{got['a11y_hidden_text']} lines of the text layer are hidden from screen readers")


# ---- svg.link_target: where the links open, as the browser reads them ----------
for target in ("_blank", "_self", "_parent"):
    other = work / f"target{target}.svg"
    subprocess.run([annals, "render", str(timeline), "--now", "2022-12-31", "-q", "--set",
                    f"svg.link_target={target}", "-o", str(other)], check=True)
    inline = other.read_text(encoding="utf-8")
    probe = work / f"target{target}.html"
    probe.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' + inline[inline.index("<svg"):]
                     + '<pre id="result"></pre><script>document.getElementById("result").textContent = '
                       'JSON.stringify(Array.from(new Set(Array.from(document.querySelectorAll("svg a"))'
                       '.map(a => a.target.baseVal !== undefined ? a.target.baseVal : a.getAttribute("target")))));'
                       '</script></body></html>', encoding="utf-8")
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                              "--user-data-dir=" + profile, "--dump-dom", probe.as_uri()],
                             capture_output=True, text=True, timeout=120)
    m = re.search(r'<pre id="result">(.*?)</pre>', run.stdout, re.S)
    seen = json.loads(m.group(1)) if m and m.group(1) else None
    print(f"svg.link_target={target}: the browser's links open in {seen}")
    if seen != [target]:
        problems.append(f"with svg.link_target={target} the browser's links open in {seen}")


# ---- Two different charts inline in one page ---------------------------------
def page_shot(page_html, name, width, height):
    page_file = work / f"{name}.html"
    page_file.write_text(page_html, encoding="utf-8")
    return screenshot(chromium, page_file, work / f"{name}.png", width, height)


second_svg = work / "second.svg"
subprocess.run([annals, "render", str(source / "tests/cases/dense_cluster.toml"), "--now", "2022-12-31", "-q",
                "--width", "12cm", "-o", str(second_svg)], check=True)
second = second_svg.read_text(encoding="utf-8")
second = second[second.index("<svg"):]
charts = [root, second]
sizes = [tuple(float(v) * 4 / 3 for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', c).groups())
         for c in charts]
page_w, page_h = int(max(w for w, _ in sizes)) + 2, int(sum(h for _, h in sizes)) + 2
tops = [0, int(sizes[0][1]) + 1]  # whole pixels, so both pages rasterise alike
def placed(content):
    return "".join(f'<div style="position:absolute;left:0;top:{top}px;width:{w}px;line-height:0">{c}</div>'
                   for top, (w, _), c in zip(tops, sizes, content))
head = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff">'
inline_page = head + placed(charts) + "</body></html>"
ids = re.findall(r'\sid="([^"]+)"', inline_page)
if len(ids) != len(set(ids)):
    problems.append(f"two charts in one page share ids: {sorted({i for i in ids if ids.count(i) > 1})[:5]}")
families = re.findall(r'@font-face\{font-family:"([^"]+)"', inline_page)
if len(families) != len(set(families)) or len(families) < 2:
    problems.append(f"two charts in one page share font names: {families}")
w1, h1, inline_px = page_shot(inline_page, "two-inline", page_w, page_h)
# Each chart inline on a page of its own, at the same place: what it looks like alone.
alone = [page_shot(head + placed([charts[k] if k == n else "" for k in range(2)]) + "</body></html>",
                    f"alone-{n}", page_w, page_h)[2] for n in range(2)]
differ = 0
for y, row in enumerate(inline_px):
    ref = alone[0 if y < tops[1] else 1][y]
    differ += sum(1 for p, q in zip(row, ref) if max(abs(a - b) for a, b in zip(p, q)) > 8)
inked = sum(1 for row in inline_px for p in row if min(p) < 160)
print(f"two inline charts: {differ} of {w1 * h1} pixels differ from the charts alone ({inked} inked)")
if inked < 2000:
    problems.append(f"two inline charts barely render ({inked} inked pixels)")
if differ > 0:
    problems.append(f"two charts inline in one page differ from each alone in {differ} pixels "
                    f"(see {work}/two-inline.png, alone-0.png and alone-1.png)")

# ---- Text the browser shapes as Pango did -----------------------------------
# Ligatures ("fi", "ffl"), letters with combining accents and Thai with its
# marks: given an x for every character, Chromium drew "Pacific" as
# "Pacif c" and put accents over the letter before theirs.
shaping = work / "shaping.toml"
shaping.write_text("""[timeline]
title = "Pacific office affairs"
[[event]]
date = 1900
title = "Final flight of the affluent office"
[[event]]
date = 1950
title = "Cafe\u0301 Zoe\u0308 Ne\u0303o"
[[event]]
date = 1960
title = "\u0e20\u0e32\u0e29\u0e32\u0e44\u0e17\u0e22 \u0e19\u0e49\u0e33"
""", encoding="utf-8")
shaping_svg, shaping_png = work / "shaping.svg", work / "shaping-annals.png"
# At twice the screen's resolution, so anti-aliased edges weigh less than letters.
subprocess.run([annals, "render", str(shaping), "-q", "--width", "14cm", "--dpi", "192",
                "-o", str(shaping_svg), "-o", str(shaping_png)], check=True)
chart = shaping_svg.read_text(encoding="utf-8")
chart = chart[chart.index("<svg"):]
_, _, want = png_pixels(shaping_png)
sw, sh = len(want[0]), len(want)
_, _, got_px = page_shot(head + f'<div style="width:{sw}px;line-height:0"><style>svg{{width:100%;height:auto}}</style>'
                         f'{chart}</div></body></html>',
                         "shaping-chromium", sw, sh)
# In blocks of 4 × 4 pixels, grey levels averaged, so that glyphs placed a
# fraction of a pixel apart (hinting) agree and a letter missing or moved
# does not; counted where either picture has ink.
def blocks(px):
    rows = []
    for by in range(0, len(px) - 3, 4):
        rows.append([sum(sum(px[y][x]) for y in range(by, by + 4) for x in range(bx, bx + 4)) / 48
                     for bx in range(0, min(len(r) for r in px) - 3, 4)])
    return rows
inked = differ = 0
for row, ref in zip(blocks(got_px), blocks(want)):
    for p, q in zip(row, ref):
        if min(p, q) < 200:
            inked += 1
            differ += abs(p - q) > 40
print(f"shaped text: {differ} of {inked} inked blocks differ from annals' PNG")
if inked < 500 or differ > inked * 0.08:
    problems.append(f"ligatures, accents or Thai draw otherwise in Chromium than in annals' PNG: {differ} of "
                    f"{inked} inked blocks of 4 × 4 pixels (see {work}/shaping-chromium.png and shaping-annals.png)")

for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
