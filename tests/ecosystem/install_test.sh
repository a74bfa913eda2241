#!/usr/bin/env bash
# `cmake --install` into a fresh prefix puts everything in its standard place;
# only the public headers are installed and each compiles on its own; the
# example program finds the library with find_package(annals), builds and
# draws a PDF; a program built with `pkg-config --cflags --libs annals` (shared)
# and `--static` runs; the installed program renders several inputs in one call (-O).
#   install_test.sh BUILD_DIR SOURCE_DIR WORK_DIR
set -euo pipefail
build=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
fail() { echo "FAIL: $*"; exit 1; }

cmake --build "$build" --target annals annals_man >/dev/null
cmake --install "$build" --prefix "$work/prefix" >/dev/null
for f in bin/annals share/man/man1/annals.1 share/annals/styles/default.toml \
         share/annals/schema/timeline.schema.json share/annals/schema/style.schema.json \
         lib/cmake/annals/annalsConfig.cmake lib/pkgconfig/annals.pc lib/libannals.a lib/libannals.so \
         include/annals/annals.h include/annals/diagnostics.h; do
  [ -e "$work/prefix/$f" ] || fail "cmake --install did not install $f"
done
# The API and nothing else: the modules' own headers stay private.
headers=$(cd "$work/prefix/include/annals" && find . -type f | sort | tr '\n' ' ')
[ "$headers" = "./annals.h ./diagnostics.h ./engine.h ./request.h ./result.h ./source_location.h ./version.h " ] \
  || fail "installed headers are not the public API: $headers"
# Each installed header compiles alone, with only the installed tree on the include path.
for h in "$work"/prefix/include/annals/*.h; do
  printf '#include <annals/%s>\n#include <annals/%s>\n' "$(basename "$h")" "$(basename "$h")" >"$work/alone.cpp"
  c++ -std=c++20 -Wall -Wextra -Werror -fsyntax-only -I"$work/prefix/include" "$work/alone.cpp" \
    || fail "$(basename "$h") does not compile on its own"
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

# pkg-config: the shared library by default, everything static with --static.
export PKG_CONFIG_PATH="$work/prefix/lib/pkgconfig"
[ "$(pkg-config --modversion annals)" = "$(grep -o 'project(annals VERSION [0-9.]*' "$source/CMakeLists.txt" | cut -d' ' -f3)" ] \
  || fail "annals.pc has the wrong version"
c++ -std=c++20 -o "$work/pc-shared" "$source/examples/render-timeline/main.cpp" $(pkg-config --cflags --libs annals) \
  || fail "the example does not build with pkg-config --cflags --libs annals"
# Read whole before matching: grep -q stopping early would fail ldd with SIGPIPE under pipefail.
linked=$(LD_LIBRARY_PATH="$work/prefix/lib" ldd "$work/pc-shared")
grep -q "$work/prefix/lib/libannals.so" <<<"$linked" || fail "the pkg-config build does not link the shared library"
LD_LIBRARY_PATH="$work/prefix/lib" "$work/pc-shared" "$source/timelines/bolivia-foreign-relations.toml" \
  "$work/pc-shared.pdf" 2>/dev/null || fail "the program linked with the shared library failed"
qpdf --check "$work/pc-shared.pdf" >/dev/null || fail "the shared build's PDF does not pass qpdf --check"
c++ -std=c++20 -o "$work/pc-static" "$source/examples/render-timeline/main.cpp" \
  $(pkg-config --static --cflags --libs annals | sed 's/-lannals /-l:libannals.a /') \
  || fail "the example does not build against libannals.a with pkg-config --static"
"$work/pc-static" "$source/timelines/bolivia-foreign-relations.toml" "$work/pc-static.pdf" 2>/dev/null \
  || fail "the program linked with the static library failed"
cmp -s "$work/pc-static.pdf" "$work/pc-shared.pdf" || fail "the static and shared builds draw different PDFs"

# Batch: several inputs, one call, each beside itself as <stem>.svg, from any folder.
mkdir -p "$work/batch" && cp "$source/timelines/bolivia-foreign-relations.toml" "$work/batch/a.toml"
cp "$source/timelines/bolivia-foreign-relations.toml" "$work/batch/b.toml"
(cd "$work/batch" && "$work/prefix/bin/annals" render a.toml b.toml -O -q --now 2022-12-31) || fail "batch render failed"
for f in a b; do
  head -c 200 "$work/batch/$f.svg" | grep -q "<svg" || fail "batch render did not write $f.svg"
done
echo ok
