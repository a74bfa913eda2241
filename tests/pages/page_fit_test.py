#!/usr/bin/env python3
"""Every timeline in timelines/ and tests/cases/, in every built-in style, is
composed for the style's page and fills it (FORMAT.md §5.6): the PDF page is
exactly the style's page (pdfinfo), at most 15 % of the page is left blank
below the chart (beside it when time runs down; on every page of a chart
that goes onto several), and no title, lane name or
label is cut that could have wrapped. Then the sizes a user asks for: a
40-event timeline on A1 has labels of at least 12 pt (twice its A3 size),
and as a 16 cm report figure it is at most 24 cm tall with labels of at
least 6 pt. A vertical chart turns a named size to portrait unless the
orientation is named, and two events far apart get an axis break. Prints
the figures measured.

usage: page_fit_test.py ANNALS SOURCE_DIR TMP_DIR
"""
import json
import pathlib
import re
import subprocess
import sys
import tomllib

annals, source, tmp = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
tmp.mkdir(parents=True, exist_ok=True)
MM = 72 / 25.4
PAGES = {"a0": (841, 1189), "a1": (594, 841), "a2": (420, 594), "a3": (297, 420), "a4": (210, 297),
         "a5": (148, 210), "a6": (105, 148), "letter": (8.5 * 25.4, 11 * 25.4),
         "legal": (8.5 * 25.4, 14 * 25.4), "tabloid": (11 * 25.4, 17 * 25.4)}
BLANK = 0.15
ELLIPSIS = "\u2026"
problems = []


def style_page(style_file, vertical):
    """The page a built-in style asks for, in points, turned to portrait for a vertical chart."""
    page = tomllib.loads(style_file.read_text(encoding="utf-8")).get("page", {})
    size = page.get("size", "A3").lower()
    short, long = (v * MM for v in PAGES[size])
    landscape = page.get("orientation", "landscape") == "landscape" and not vertical
    return (long, short) if landscape else (short, long)


def render(timeline, *args, outputs=("json",)):
    stem = f"{timeline.stem}-{abs(hash(args)) % 10**8}"
    outs = [tmp / f"{stem}.{ext}" for ext in outputs]
    cmd = [annals, "render", str(timeline), "--now", "2024-01-01", *args]  # warnings kept: some checks read them
    for o in outs:
        cmd += ["-o", str(o)]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        problems.append(f"{timeline.name} {' '.join(args)}: exit {run.returncode}: {run.stderr.strip()}")
        return None, run.stderr, outs
    return json.loads(outs[0].read_text(encoding="utf-8")), run.stderr, outs


def pdf_size(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info)
    return float(m.group(1)), float(m.group(2))


def bottom(b):
    return b[1] + b[3]


def blank_share(dump, vertical):
    """The share of the page left blank below the chart (beside it when time runs down): on a chart of
    several pages, on the emptiest of them."""
    page = dump["page"]
    by_page = {}
    for it in dump["items"]:
        by_page.setdefault(it.get("page", 1), []).append(it)
    worst = 0
    for items in by_page.values():
        chart = [it for it in items if it["kind"] in ("lane", "event", "label", "era", "marker", "axis", "tick")]
        if not chart:
            continue
        if vertical:
            right = max(it["box"][0] + it["box"][2] for it in chart)
            worst = max(worst, (page["width"] - page["margin"] - right) / page["width"])
            continue
        source_top = [it["box"][1] for it in items if it["kind"] == "title" and it["id"] == "source"]
        floor = min(source_top) if source_top else page["height"] - page["margin"]
        low = max(bottom(it["box"]) for it in items if not (it["kind"] == "title" and it["id"] == "source"))
        worst = max(worst, (floor - low) / page["height"])
    return worst


def needless_cuts(dump, written, vertical):
    """Titles, lane and group names and legend entries are never shortened; a label only after three lines,
    or, time running down (its lines along time, where the chart has room), eight."""
    lines = 8 if vertical else 3
    out = []
    for it in dump["items"]:
        text = it.get("text", "")
        if ELLIPSIS not in text or ELLIPSIS in written:
            continue
        if it["kind"] in ("title", "lane", "group", "legend"):
            out.append(f"{it['kind']} {it['id']} shortened: {text!r}")
        elif it["kind"] == "label" and text.count("\n") < lines - 1:
            out.append(f"label {it['id']} shortened in {text.count(chr(10)) + 1} line(s): {text!r}")
    return out


timelines = sorted((source / "timelines").glob("*.toml")) + sorted((source / "tests" / "cases").glob("*.toml"))
styles = sorted((source / "styles").glob("*.toml"))
print(f"{'timeline':28} {'style':8} {'page (pt)':>13} {'scale':>5} {'label':>5} {'blank':>6} {'cut':>3}")
for timeline in timelines:
    written = timeline.read_text(encoding="utf-8")
    vertical = tomllib.loads(written).get("timeline", {}).get("orientation") == "vertical"
    for style in styles:
        dump, err, outs = render(timeline, "--style", style.stem, outputs=("json", "pdf"))
        if dump is None:
            continue
        name = f"{timeline.name} --style {style.stem}"
        want = style_page(style, vertical)
        got = (dump["page"]["width"], dump["page"]["height"])
        pdf = pdf_size(outs[1])
        if any(abs(a - b) > 0.5 for a, b in zip(want, got)) or any(abs(a - b) > 0.5 for a, b in zip(want, pdf)):
            problems.append(f"{name}: page {got} (PDF {pdf}), the style asks for {want}")
        blank = blank_share(dump, vertical)
        fits = dump["page"]["fits"]
        if fits and blank > BLANK:
            problems.append(f"{name}: {blank:.0%} of the page is blank {'beside' if vertical else 'below'} the chart")
        if not fits and "does not fit" not in err:
            problems.append(f"{name}: the chart does not fit, yet no warning says so")
        cuts = needless_cuts(dump, written, vertical)
        problems += [f"{name}: {c}" for c in cuts]
        shortened = sum(1 for it in dump["items"] if it["kind"] == "label" and ELLIPSIS in it["text"])
        print(f"{timeline.stem[:28]:28} {style.stem:8} {got[0]:6.0f}×{got[1]:<6.0f} {dump['page']['scale']:5.2f} "
              f"{dump['page']['label_size']:5.1f} {blank:6.1%} {shortened:3}{'' if fits else ' (does not fit)'}")

# A vertical chart with room on its page grows its type with the page rather
# than fall to the smallest to keep a few labels whole: they take more lines.
roomy, _, _ = render(source / "tests" / "cases" / "marie_curie_vertical.toml", "--page", "A3")
if roomy:
    print(f"marie_curie_vertical.toml --page A3: labels {roomy['page']['label_size']:.1f} pt")
    if roomy["page"]["label_size"] < 9:
        problems.append(f"marie_curie_vertical.toml --page A3: labels of {roomy['page']['label_size']:.1f} pt, "
                        "not at least 9 on a page mostly empty")

# A link runs the short way between its marks: time running down, from the
# war to the top of the corridor beside it, not round labels or down the
# corridor's century-long bar.
linked, _, _ = render(source / "tests" / "cases" / "periods_and_links_vertical.toml", "--width", "16cm")
if linked:
    items = linked["items"]
    link = next(it for it in items if it["kind"] == "link" and it.get("from") == "war" and it.get("to") == "corridor")
    marks = {it["id"]: it["box"] for it in items if it["kind"] == "event"}
    war, corridor = marks["war"], marks["corridor"]
    # The gap between the two marks along each axis, whichever side each lies.
    apart = sum(max(0, corridor[k] - war[k] - war[k + 2], war[k] - corridor[k] - corridor[k + 2]) for k in (0, 1))
    route = link["route"]
    length = sum(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in zip(route, route[1:]))
    print(f"periods_and_links_vertical.toml --width 16cm: 'coast lost' runs {length:.0f} pt, its marks {apart:.0f} pt apart")
    if length > apart + 0.25 * corridor[3]:
        problems.append(f"the link from war to corridor runs {length:.0f} pt between marks {apart:.0f} pt apart")

# The sizes a user asks for, on a 40-event timeline.
forty = source / "tests" / "cases" / "space_race.toml"
events = forty.read_text(encoding="utf-8").count("[[event]]")
if events != 40:
    problems.append(f"{forty.name} holds {events} events, not 40")
a3, _, _ = render(forty, "--page", "A3")
a1, _, _ = render(forty, "--page", "A1")
fig, _, _ = render(forty, "--width", "16cm")
exact, _, _ = render(forty, "--width", "16cm", "--height", "20cm")
if a3 and a1:
    print(f"{forty.name}: A3 labels {a3['page']['label_size']:.1f} pt, A1 labels {a1['page']['label_size']:.1f} pt")
    if a1["page"]["label_size"] < 12:
        problems.append(f"--page A1: labels of {a1['page']['label_size']:.1f} pt, not at least 12")
    if a1["page"]["label_size"] < 2 * a3["page"]["label_size"] - 0.05:
        problems.append(f"--page A1 labels {a1['page']['label_size']:.1f} pt are not twice A3's "
                        f"{a3['page']['label_size']:.1f} pt")
if fig:
    w, h = fig["page"]["width"], fig["page"]["height"]
    print(f"{forty.name}: --width 16cm is {w / MM / 10:.1f} × {h / MM / 10:.1f} cm, "
          f"labels {fig['page']['label_size']:.1f} pt, {blank_share(fig, False):.0%} blank")
    if abs(w - 160 * MM) > 0.5 or h > 240 * MM + 0.5 or h > 1.5 * w:
        problems.append(f"--width 16cm: {w:.0f} × {h:.0f} pt, not 16 cm wide and at most 24 cm tall")
    if fig["page"]["label_size"] < 6:
        problems.append(f"--width 16cm: labels of {fig['page']['label_size']:.1f} pt, under 6")
if exact:
    w, h = exact["page"]["width"], exact["page"]["height"]
    print(f"{forty.name}: --width 16cm --height 20cm is {w / MM / 10:.2f} × {h / MM / 10:.2f} cm")
    if abs(w - 160 * MM) > 0.5 or abs(h - 200 * MM) > 0.5:
        problems.append(f"--width 16cm --height 20cm: {w:.1f} × {h:.1f} pt")

# Two events 170 years apart: whatever the page, the composition breaks the
# axis rather than draw a mostly empty stretch of time. Seen in the dump, the
# ticks of one stretch are further apart per year than the two marks are (the
# break took the empty time out), and no stretch of the plot wider than 40 %
# of it is left with nothing drawn in it (a linear axis leaves about half on A4).
two = tmp / "two-events.toml"
two.write_text('[timeline]\ntitle = "Two events"\n\n'
               '[[event]]\ntitle = "First railway telegraph line opens"\ndate = 1850\n\n'
               '[[event]]\ntitle = "Pandemic lockdowns"\ndate = 2020\n', encoding="utf-8")


def widest_empty_share(dump):
    """The widest stretch along time of the lanes with no mark or label in it, as a share of the lanes' width."""
    lanes = [it["box"] for it in dump["items"] if it["kind"] == "lane"]
    x0, x1 = min(b[0] for b in lanes), max(b[0] + b[2] for b in lanes)
    drawn = sorted((it["box"][0], it["box"][0] + it["box"][2]) for it in dump["items"]
                   if it["kind"] in ("event", "label"))
    widest, at = 0, x0
    for a, b in drawn:
        widest, at = max(widest, a - at), max(at, b)
    return max(widest, x1 - at) / (x1 - x0)


for args in [("--width", "12cm"), ("--width", "16cm"), ("--page", "A4"), ("--page", "A3"), ("--page", "A1")]:
    dump, _, _ = render(two, *args)
    if dump is None:
        continue
    marks = sorted(it["box"][0] + it["box"][2] / 2 for it in dump["items"] if it["kind"] == "event")
    ticks = sorted((float(it["box"][0] + it["box"][2] / 2), int(it["text"])) for it in dump["items"]
                   if it["kind"] == "tick" and it.get("text", "").isdigit())
    early = [t for t in ticks if t[1] <= 1850]
    per_year = (early[-1][0] - early[0][0]) / (early[-1][1] - early[0][1]) if len(early) > 1 else 0
    apart = (marks[-1] - marks[0]) / 170
    empty = widest_empty_share(dump)
    print(f"two events {' '.join(args)}: {per_year:.2f} pt/year before the break, marks {apart:.2f} pt/year apart, "
          f"widest empty stretch {empty:.0%}")
    if not per_year or apart > 0.5 * per_year:
        problems.append(f"two events {' '.join(args)}: no axis break ({apart:.2f} vs {per_year:.2f} pt/year)")
    if empty > 0.4:
        problems.append(f"two events {' '.join(args)}: {empty:.0%} of the plot is left empty")

# A narrow figure of a vertical chart (a given width, its length free) is
# drawn at the length it needs, cut at its width with a warning when even
# font.min_size does not fit it: never a page of no length.
for timeline in sorted((source / "tests" / "cases").glob("*vertical*.toml")):
    for width in ("8cm", "12cm", "16cm"):
        dump, err, _ = render(timeline, "--width", width, outputs=("json", "png"))
        if dump is None:
            continue
        page = dump["page"]
        print(f"{timeline.name} --width {width}: {page['width']:.0f} × {page['height']:.0f} pt, "
              f"labels {page['label_size']:.1f} pt{'' if page['fits'] else ' (does not fit)'}")
        if page["height"] <= 0 or abs(page["width"] - float(width[:-2]) * 10 * MM) > 0.5:
            problems.append(f"{timeline.name} --width {width}: page {page['width']} × {page['height']}")
        if not page["fits"] and "does not fit" not in err:
            problems.append(f"{timeline.name} --width {width}: the chart does not fit, yet no warning says so")
        # A figure that fits has the length its labels need: none is cut that more lines along time would keep.
        if page["fits"]:
            written = timeline.read_text(encoding="utf-8")
            problems += [f"{timeline.name} --width {width}: {c}" for c in needless_cuts(dump, written, True)]

# A vertical chart turns a named size to portrait unless the timeline, a
# style file of the user's or --set names page.orientation (a built-in
# style's own "landscape" does not count); a custom page is kept as given.
upright = source / "tests" / "cases" / "vertical.toml"
own_style = tmp / "landscape-style.toml"
own_style.write_text('extends = "default"\n[page]\norientation = "landscape"\n', encoding="utf-8")
named_in_timeline = tmp / "vertical-landscape.toml"
named_in_timeline.write_text(upright.read_text(encoding="utf-8") + '\n[style]\npage.orientation = "landscape"\n',
                             encoding="utf-8")
a3 = (297 * MM, 420 * MM)
for timeline, args, want in [
        (upright, ("--page", "A3"), a3),
        (upright, ("--style", "poster"), (594 * MM, 841 * MM)),
        (upright, ("--page", "A3", "--set", "page.orientation=landscape"), a3[::-1]),
        (upright, ("--page", "A3", "--style", str(own_style)), a3[::-1]),
        (named_in_timeline, ("--page", "A3"), a3[::-1]),
        (upright, ("--width", "16cm", "--height", "10cm"), (160 * MM, 100 * MM)),
        # Titles, headers and the shortest stretches along time must fit a short page too.
        (upright, ("--width", "12cm", "--height", "8cm"), (120 * MM, 80 * MM)),
        (source / "tests" / "cases" / "periods_and_links_vertical.toml", ("--width", "16cm", "--height", "10cm"),
         (160 * MM, 100 * MM))]:
    dump, _, _ = render(timeline, *args)
    if dump is None:
        continue
    got = (dump["page"]["width"], dump["page"]["height"])
    print(f"{timeline.name} {' '.join(args)}: {got[0]:.0f} × {got[1]:.0f} pt")
    if any(abs(a - b) > 0.5 for a, b in zip(got, want)):
        problems.append(f"{timeline.name} {' '.join(args)}: page {got}, not {want}")

for p in problems:
    print("FAIL:", p)
sys.exit(1 if problems else 0)
