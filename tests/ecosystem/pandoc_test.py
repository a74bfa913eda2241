#!/usr/bin/env python3
"""tools/pandoc/annals.lua with Debian's pandoc: the sample Markdown file to
HTML (SVG figures, one inline with ids of its own) and to LaTeX source (PDF figures whose page box fits the
content, fonts embedded); a broken timeline keeps its code block and is reported at its Markdown line;
annals-strict fails the build; figures land beside the output; style edits and new versions redraw.

usage: pandoc_test.py ANNALS_BINARY SOURCE_DIR WORK_DIR
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys

annals, source, work = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3])
if shutil.which("pandoc") is None:
    sys.exit("FAIL: pandoc is not installed (tools/setup installs it)")
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
sample, lua = source / "tools/pandoc/sample.md", source / "tools/pandoc/annals.lua"
env = dict(os.environ, ANNALS=str(pathlib.Path(annals).resolve()))
problems = []
CM = 72 / 2.54


def pandoc(*args, input_file=sample):
    run = subprocess.run(["pandoc", str(input_file), "--lua-filter", str(lua), *args],
                         cwd=work, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"FAIL: pandoc {' '.join(args)} exited {run.returncode}:\n{run.stderr}")
    return run


def svg_words(svg):
    """The words of an SVG's <text> elements, as a reader finds them: a wrapped label's lines joined by spaces."""
    texts = re.findall(r"<text\b[^>]*>(.*?)</text>", svg, re.S)
    return " ".join(" ".join(re.sub(r"<[^>]+>", " ", t).split()) for t in texts)


def svg_width_pt(path):
    m = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"', path.read_text(encoding="utf-8"))
    return float(m.group(1)) if m else None


def pdf_info(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    w, h = map(float, re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).group(1, 2))
    return w, h


def ink_box(pdf):
    """The box of everything drawn, in points (rasterised at 72 dpi)."""
    subprocess.run(["pdftoppm", "-r", "72", "-gray", str(pdf), str(work / "ink")], check=True)
    pgm = next(work.glob("ink*.pgm")).read_bytes()
    _, w, h, _, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)", pgm, re.S).groups()
    w, h = int(w), int(h)
    rows = [y for y in range(h) if min(pixels[y * w:(y + 1) * w]) < 200]
    cols = [x for x in range(w) if min(pixels[x::w][:h]) < 200]
    return cols[0], rows[0], w - 1 - cols[-1], h - 1 - rows[-1]


# HTML: SVG figures, the caption, the identifier, the width asked for.
pandoc("-s", "-o", "out.html")
html = (work / "out.html").read_text(encoding="utf-8")
images = re.findall(r'<img\s+src="([^"]+)"', html)
if len(images) != 2 or not all(i.endswith(".svg") and (work / i).is_file() for i in images):
    problems.append(f"HTML: expected two SVG images on disk, found {images}")
figure = re.search(r"<figure>(.*?)</figure>", html, re.S)
if not figure or "<figcaption>Bolivia and the sea, <em>1879–2018</em></figcaption>" not in figure.group(1):
    problems.append("HTML: no <figure> with the block's caption")
elif 'id="fig-sea"' not in figure.group(1):
    problems.append("HTML: the figure lost its identifier #fig-sea")
inline = re.search(r'<figure id="fig-inline" class="annals">\s*<svg (.*?)</svg>\s*<figcaption>(.*?)</figcaption>', html, re.S)
if not inline or "The ruling, <em>inline</em>" not in inline.group(2):
    problems.append("HTML: inline=\"true\" should put the SVG and its caption into the page")
elif "ICJ rules against Bolivia" not in svg_words(inline.group(1)) or "xlink:href=\"https://www.icj-cij.org" not in inline.group(1):
    problems.append("HTML: the inline SVG lacks its text layer or its link")
ids = re.findall(r'\sid="([^"]+)"', html)
if len(ids) != len(set(ids)):
    problems.append(f"HTML: ids used twice: {sorted({i for i in ids if ids.count(i) > 1})[:5]}")
if dangling := {r for r in re.findall(r'href="#([^"]+)"', html) if r not in ids}:
    problems.append(f"HTML: references to missing ids: {sorted(dangling)[:5]}")
if 'alt="Two eras"' not in html:
    problems.append("HTML: an image without caption should take the timeline's title as alt text")
for src, cm in zip(images, (16, 10)):
    width = svg_width_pt(work / src)
    if width is None or abs(width - cm * CM) > 0.01:
        problems.append(f"HTML: {src} is {width} pt wide, expected {cm} cm = {cm * CM:.2f} pt")

# LaTeX source: PDF figures with caption and label; the PDFs fit their content.
pandoc("-s", "-t", "latex", "-o", "out.tex")
tex = (work / "out.tex").read_text(encoding="utf-8")
pdfs = re.findall(r"\\includegraphics(?:\[[^]]*\])?\{([^}]+)\}", tex)
if len(pdfs) != 3 or not all(p.endswith(".pdf") and (work / p).is_file() for p in pdfs):
    problems.append(f"LaTeX: expected three PDF figures on disk (inline is for HTML only), found {pdfs}")
if "\\caption{Bolivia and the sea, \\emph{1879--2018}}" not in tex or "\\label{fig-sea}" not in tex:
    problems.append("LaTeX: no \\caption and \\label for the first figure")
if pdfs and (work / pdfs[0]).is_file():
    first = work / pdfs[0]
    w, h = pdf_info(first)
    if abs(w - 16 * CM) > 0.01:
        problems.append(f"LaTeX: the figure is {w} pt wide, expected 16 cm")
    left, top, right, bottom = ink_box(first)
    # margin="0": the drawing reaches the page box on every side but the right
    # (the axis may end short of it), so \includegraphics needs no trim.
    if max(left, top, bottom) > 3:
        problems.append(f"LaTeX: the page box does not fit the content (blank: left {left}, top {top}, "
                        f"bottom {bottom} pt of {w:.0f} x {h:.0f})")
    fonts = subprocess.run(["pdffonts", str(first)], capture_output=True, text=True).stdout.splitlines()[2:]
    if not fonts or any(line.split()[-5] != "yes" for line in fonts):
        problems.append("LaTeX: fonts not embedded:\n" + "\n".join(fonts))

# A broken timeline: pandoc still succeeds, the source stays visible, and the
# error names the Markdown file's own line and column and the block.
broken = work / "broken.md"
broken.write_text("# Notes\n\nText.\n\n```{.annals caption=\"Broken\"}\n[timeline]\ntitle = \"x\"\n\n"
                  "[[event]]\ntitle = \"No date\"\n```\n", encoding="utf-8")
run = pandoc("-t", "html", input_file=broken)
if "No date" not in run.stdout or "<img" in run.stdout or "needs a &#39;date&#39;" in run.stdout:
    problems.append(f"a broken timeline should stay a code block; got:\n{run.stdout}")
if f"{broken}:9:1: error: [[event]] needs a 'date'" not in run.stderr or '"Broken"' not in run.stderr:
    problems.append(f"a broken timeline should be reported at broken.md:9:1 with its caption; stderr:\n{run.stderr}")

# annals-strict: true fails the build on an error and on a warning.
for name, body in (("strict-error", "[[event]]\ntitle = \"No date\"\n"),
                   ("strict-warning", "[[event]]\ntitle = \"A\"\ndate = 2001\nbogus = 1\n")):
    md = work / f"{name}.md"
    md.write_text(f"---\nannals-strict: true\n---\n\n```{{.annals now=\"2020-01-01\"}}\n{body}```\n",
                  encoding="utf-8")
    strict = subprocess.run(["pandoc", str(md), "--lua-filter", str(lua), "-t", "html"],
                            cwd=work, env=env, capture_output=True, text=True)
    if strict.returncode == 0 or f"{md}:" not in strict.stderr:
        problems.append(f"{name}: annals-strict should fail the build with a positioned message; "
                        f"exit {strict.returncode}, stderr:\n{strict.stderr}")

# Warnings are shown (and silenced by pandoc --quiet), positioned in the Markdown file.
warned = work / "warned.md"
warned.write_text("```{.annals now=\"2020-01-01\"}\n[[event]]\ntitle = \"A\"\ndate = 2001\nbogus = 1\n```\n",
                  encoding="utf-8")
run = pandoc("-t", "html", input_file=warned)
if f"{warned}:5:1: warning: unknown key 'bogus'" not in run.stderr or "<img" not in run.stdout:
    problems.append(f"a warning should be printed at warned.md:5:1 and the chart drawn; stderr:\n{run.stderr}")
if pandoc("--quiet", "-t", "html", input_file=warned).stderr.strip():
    problems.append("pandoc --quiet should silence annals' warnings")

# -o sub/x.html: the figures go beside the output, so its links resolve.
pandoc("-s", "-o", "sub/x.html")
sub_html = (work / "sub/x.html").read_text(encoding="utf-8")
sub_images = re.findall(r'<img\s+src="([^"]+)"', sub_html)
if not sub_images or not all((work / "sub" / i).is_file() for i in sub_images):
    problems.append(f"-o sub/x.html: image links do not resolve from sub/: {sub_images}")
# --embed-resources is not in pandoc 2.17; --self-contained takes the figures from the media bag.
pandoc("-s", "--self-contained", "-o", "self.html")
if "<img" in (work / "self.html").read_text(encoding="utf-8") and 'src="annals-figures/' in (work / "self.html").read_text(encoding="utf-8"):
    problems.append("--self-contained: the figures should be embedded, not linked")

# Editing a style file, or another annals version, draws the chart again.
style_file = work / "mine.toml"
styled = work / "styled.md"
styled.write_text("```{.annals style=\"mine.toml\" now=\"2020-01-01\"}\n[[event]]\ntitle = \"A\"\ndate = 2001\n```\n",
                  encoding="utf-8")
def figure_of(extra_env=None):
    run = subprocess.run(["pandoc", str(styled), "--lua-filter", str(lua), "-t", "html"],
                         cwd=work, env=dict(env, **(extra_env or {})), capture_output=True, text=True)
    found = re.findall(r'src="([^"]+)"', run.stdout)
    return found[0] if found else run.stderr
style_file.write_text('extends = "default"\n[event]\ncolor = "#aa0000"\n', encoding="utf-8")
red = figure_of()
style_file.write_text('extends = "default"\n[event]\ncolor = "#00aa00"\n', encoding="utf-8")
green = figure_of()
if red == green or (work / red).read_bytes() == (work / green).read_bytes():
    problems.append(f"a changed style file should draw the chart again: {red} then {green}")
upgraded = work / "annals-upgraded"
upgraded.write_text(f'#!/bin/sh\n[ "$1" = --version ] && {{ echo "annals 99.0.0"; exit 0; }}\nexec "{pathlib.Path(annals).resolve()}" "$@"\n')
upgraded.chmod(0o755)
if figure_of({"ANNALS": str(upgraded)}) == green:
    problems.append("another annals version should draw the chart again")

for p in problems:
    print("FAIL:", p)
print("ok" if not problems else f"{len(problems)} problems")
sys.exit(1 if problems else 0)
