#!/usr/bin/env bash
# `cmake --install` into a fresh prefix puts everything in its standard place;
# the example program finds the library with find_package(annals), builds and
# draws a PDF; the installed program renders several inputs in one call (-O).
#   install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

cmake --build "$build" --target annals annals_man >/dev/null
cmake --install "$build" --prefix "$work/prefix" >/dev/null
for f in bin/annals share/man/man1/annals.1 share/annals/styles/default.toml \
         share/annals/schema/timeline.schema.json share/annals/schema/style.schema.json \
         lib/cmake/annals/annalsConfig.cmake include/annals/render/render.h include/annals/load/load.h; do
  [ -e "$work/prefix/$f" ] || fail "cmake --install did not install $f"
done
# The man page and --help come from the same option definitions.
grep -q -- '\\-\\-width' "$work/prefix/share/man/man1/annals.1" || fail "the man page lacks --width"
"$work/prefix/bin/annals" render --help | grep -q -- '--width' || fail "--help lacks --width"

cmake -S "$source/examples/render-timeline" -B "$work/example" -G Ninja \
      -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log" 2>&1 \
  || { cat "$work/configure.log"; fail "find_package(annals) failed"; }
cmake --build "$work/example" >"$work/build.log" 2>&1 || { cat "$work/build.log"; fail "the example does not build"; }
"$work/example/render-timeline" "$source/timelines/bolivia-foreign-relations.toml" "$work/example.pdf" 2>/dev/null \
  || fail "the example program failed"
qpdf --check "$work/example.pdf" >/dev/null || fail "the example's PDF does not pass qpdf --check"
pdfinfo "$work/example.pdf" | grep -q "Page size:" || fail "the example's PDF has no page"

# Batch: several inputs, one call, each to output/<stem>.svg, from any folder.
mkdir -p "$work/batch" && cp "$source/timelines/bolivia-foreign-relations.toml" "$work/batch/a.toml"
cp "$source/timelines/bolivia-foreign-relations.toml" "$work/batch/b.toml"
(cd "$work/batch" && "$work/prefix/bin/annals" render a.toml b.toml -O -q --now 2022-12-31) || fail "batch render failed"
for f in a b; do
  head -c 200 "$work/batch/output/$f.svg" | grep -q "<svg" || fail "batch render did not write output/$f.svg"
done
echo ok
