#!/usr/bin/env python3
"""svg.dark in a real browser (headless Chromium): an SVG rendered with
`svg.dark = "dark"` looks exactly like the plain SVG when the reader's system
is light, and takes the dark style's colours (charcoal page, light title,
dark lane bands, no light paper left) when Chromium is told the reader
prefers a dark colour scheme. The same holds for the SVG inline in a page
and shown with <img>.

usage: svg_dark_test.py ANNALS_BINARY SOURCE_DIR WORK_DIR
"""
import json
import pathlib
import subprocess
import sys

from chromium import find_chromium, screenshot

annals, source, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
work.mkdir(parents=True, exist_ok=True)
timeline = source / "timelines" / "bolivia-foreign-relations.toml"
chromium = find_chromium()


def render(name, *extra):
    out = work / name
    subprocess.run([annals, "render", str(timeline), "--now", "2022-12-31", "-q", "--width", "14cm",
                    *extra, "-o", str(out)], check=True)
    return out


plain, dual, dump_path = render("plain.svg"), render("dual.svg", "--set", "svg.dark=dark"), \
    render("dual.json", "--set", "svg.dark=dark")
dump = json.loads(dump_path.read_text(encoding="utf-8"))
width, height = int(dump["page"]["width"] * 4 / 3) + 1, int(dump["page"]["height"] * 4 / 3) + 1


def shot(svg, how, dark):
    body = (f'<img src="{svg.name}" style="position:absolute;left:0;top:0">' if how == "img" else
            '<div style="position:absolute;left:0;top:0;line-height:0">'
            + svg.read_text(encoding="utf-8").split("?>", 1)[1] + "</div>")
    page = work / f"{svg.stem}-{how}-{'dark' if dark else 'light'}.html"
    page.write_text('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">'
                    + body + "</body></html>", encoding="utf-8")
    flags = ["--force-dark-mode", "--blink-settings=preferredColorScheme=0"] if dark else []
    return screenshot(chromium, page, page.with_suffix(".png"), width, height, *flags)[2]


def box_pixels(rows, box):
    x, y, w, h = (v * 4 / 3 for v in box)
    return [rows[j][i] for j in range(int(y), min(len(rows), int(y + h) + 1))
            for i in range(int(x), min(len(rows[0]), int(x + w) + 1))]


def near(p, q, tolerance=3):
    return all(abs(a - b) <= tolerance for a, b in zip(p, q))


problems = []
title = next(i for i in dump["items"] if i["kind"] == "title" and i["id"] == "title")
lane = next(i for i in dump["items"] if i["kind"] == "lane")
for how in ("img", "inline"):
    light_plain, light_dual = shot(plain, how, False), shot(dual, how, False)
    differ = sum(1 for a, b in zip(light_plain, light_dual) for p, q in zip(a, b) if not near(p, q, 2))
    if differ:
        problems.append(f"{how}: in a light scheme the SVG with svg.dark differs from the plain one in {differ} pixels")
    dark = shot(dual, how, True)
    corner = dark[2][2]
    if not near(corner, (0x1c, 0x1e, 0x22)):
        problems.append(f"{how}: the page is {corner} in a dark scheme, not the dark style's #1c1e22")
    band = box_pixels(dark, [lane["box"][0] + lane["box"][2] - 4, lane["box"][1] + lane["box"][3] / 2, 1, 1])
    if not band or not near(band[0], (0x23, 0x26, 0x2b), 6):
        problems.append(f"{how}: a lane band is {band[:1]} in a dark scheme, not the dark style's #23262b")
    bright = sum(1 for p in box_pixels(dark, title["box"]) if min(p) > 200)
    if bright < 50:
        problems.append(f"{how}: the title has {bright} light pixels in a dark scheme (dark text on dark?)")
    paper = sum(1 for row in dark for p in row if min(p) > 235)
    total = len(dark) * len(dark[0])
    print(f"{how}: light scheme differs in {differ} px; dark scheme: page {corner}, "
          f"{paper} of {total} pixels still near white, title {bright} light pixels")
    if paper > total * 0.02:
        problems.append(f"{how}: {paper} of {total} pixels stay near white in a dark scheme (colours left unmapped)")

for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
