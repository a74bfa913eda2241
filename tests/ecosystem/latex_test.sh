#!/usr/bin/env bash
# examples/latex/ with the real pdflatex: a chart rendered at the text width
# goes in with a bare \includegraphics (no trim, no scale), overfills nothing,
# and the report's PDF has every font embedded and the chart's text searchable.
#   latex_test.sh ANNALS_BINARY SOURCE_DIR WORK_DIR
set -euo pipefail
annals=$1 source=$2 work=$3
fail() { echo "FAIL: $*"; exit 1; }
command -v pdflatex >/dev/null || fail "pdflatex is not installed (tools/setup installs texlive-latex-base)"
rm -rf "$work" && mkdir -p "$work" && cp "$source"/examples/latex/* "$work"/
cd "$work"

grep -q '\\includegraphics{timeline}' report.tex || fail "the example should include the chart as it is"
"$annals" render timeline.toml --style figure.toml --strict -q -o timeline.pdf
width=$(pdfinfo timeline.pdf | sed -n 's/^Page size: *\([0-9.]*\) x.*/\1/p')
awk -v w="$width" 'BEGIN { exit !(w > 453.5 && w < 453.6) }' || fail "the chart is $width pt wide, not 16 cm"
# Set in the document's typeface, and the caption's title not said twice.
pdffonts timeline.pdf | awk 'NR > 2 && $1 !~ /LMRoman/ { bad = 1; print } END { exit bad }' \
  || fail "the chart is not set in Latin Modern, the report's Computer Modern"
chart_text=$(pdftotext timeline.pdf -)
grep -q "ICJ rules against Bolivia" <<<"$chart_text" || fail "the chart's labels are missing"
! grep -q "Bolivia and the sea" <<<"$chart_text" || fail "the chart repeats the caption's title (title.show = false)"
! grep -q "From the War of the Pacific to the ICJ" <<<"$chart_text" || fail "the subtitle stays without the title"
"$annals" render timeline.toml --style figure.toml --set subtitle.show=true -q -o subtitled.pdf
pdftotext subtitled.pdf - | grep -q "From the War of the Pacific to the ICJ" || fail "subtitle.show = true does not bring the subtitle back"

# A default article: its \textwidth is 345 TeX points (1/72.27 in), 12.12 cm,
# a little less than 345 of annals' points (1/72 in, PostScript's): the
# README's --width 12.1cm fits it, --width 345pt would overfill it by 1.3pt.
cat >plain.tex <<'TEX'
\documentclass{article}
\usepackage{graphicx}
\begin{document}
\typeout{TEXTWIDTH=\the\textwidth}
\begin{figure}[ht]\centering\includegraphics{plain-chart}\caption{A chart.}\end{figure}
\end{document}
TEX
"$annals" render timeline.toml --style figure.toml --width 12.1cm -q -o plain-chart.pdf
pdflatex -interaction=nonstopmode -halt-on-error plain.tex >plain.out 2>&1 || { tail -20 plain.out; fail "pdflatex failed on plain.tex"; }
grep -q "^TEXTWIDTH=345.0pt" plain.log || fail "a default article's text block is not 345pt: $(grep TEXTWIDTH plain.log)"
if grep -E "Overfull|Float too large" plain.log; then fail "a --width 12.1cm chart overfills a default article"; fi

for pass in 1 2; do  # the second pass resolves the figure reference
  pdflatex -interaction=nonstopmode -halt-on-error report.tex >pdflatex.out 2>&1 \
    || { tail -20 pdflatex.out; fail "pdflatex failed"; }
done
if grep -E "Overfull|Float too large|LaTeX Warning" report.log; then
  fail "the chart does not fit the text block as it is"
fi
pdffonts report.pdf | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1; print } END { exit bad }' \
  || fail "fonts not embedded in the report"
pdftotext report.pdf - | grep -q "ICJ rules" || fail "the chart's text is not in the report"

# A PNG carries its resolution: a 5 cm chart drawn at 300 dpi goes in at 5 cm
# with a bare \includegraphics, not at the 72 dpi pdfTeX assumes without one.
"$annals" render timeline.toml --width 5cm --dpi 300 -q -o small.png
cat >png.tex <<'TEX'
\documentclass{article}
\usepackage{graphicx}
\begin{document}
\setbox0=\hbox{\includegraphics{small.png}}
\typeout{PNG-WIDTH=\the\wd0}
\end{document}
TEX
pdflatex -interaction=nonstopmode -halt-on-error png.tex >png.out 2>&1 || { tail -20 png.out; fail "pdflatex failed on the PNG"; }
png_width=$(sed -n 's/^PNG-WIDTH=\([0-9.]*\)pt$/\1/p' png.log)
# 5 cm = 142.26 TeX pt; a pixel at 300 dpi is 0.24 pt.
awk -v w="$png_width" 'BEGIN { exit !(w > 141.5 && w < 143) }' \
  || fail "a 5 cm PNG at 300 dpi is ${png_width:-?} pt wide in pdflatex, not 142.3 pt (5 cm)"
echo ok
