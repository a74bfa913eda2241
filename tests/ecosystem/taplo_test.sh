#!/usr/bin/env bash
# The JSON Schemas in schema/ as an editor applies them: Taplo (the engine of
# Even Better TOML) accepts every shipped timeline and style and flags the
# mistakes an editor should underline, and its language server offers each
# key's choices and description.
#   taplo_test.sh SOURCE_DIR WORK_DIR
set -uo pipefail
source_dir=$1; work=$2
taplo="$source_dir/tools/taplo/node_modules/.bin/taplo"
[ -x "$taplo" ] || { echo "FAIL: Taplo is not installed (tools/setup installs it into tools/taplo)"; exit 1; }
rm -rf "$work"; mkdir -p "$work"
fails=0

check() {  # check SCHEMA FILE: Taplo's verdict, quietly
  "$taplo" lint --no-auto-config --colors never --schema "file://$source_dir/schema/$1" "$2" >"$work/out.txt" 2>&1
}
expect_ok() {
  if ! check "$1" "$2"; then echo "FAIL: Taplo rejects $2:"; cat "$work/out.txt"; fails=$((fails + 1)); fi
}
expect_flagged() {  # expect_flagged SCHEMA NAME TEXT WORDS: rejected, with WORDS in the message
  printf '%s' "$3" >"$work/$2.toml"
  if check "$1" "$work/$2.toml"; then echo "FAIL: Taplo accepts $2"; fails=$((fails + 1)); return; fi
  grep -q -- "$4" "$work/out.txt" || { echo "FAIL: $2: no '$4' in:"; cat "$work/out.txt"; fails=$((fails + 1)); }
}

n=0
for f in "$source_dir"/timelines/*.toml "$source_dir"/examples/*/*.toml; do
  [ -f "$f" ] || continue
  # An example that starts from another style (`extends`) is a style file.
  if grep -q '^extends *=' "$f"; then expect_ok style.schema.json "$f"; else expect_ok timeline.schema.json "$f"; fi
  n=$((n + 1))
done
for f in "$source_dir"/styles/*.toml; do expect_ok style.schema.json "$f"; n=$((n + 1)); done

expect_flagged timeline.schema.json title-not-a-string $'[[event]]\ntitle = 5\ndate = 1990\n' 'not of type "string"'
expect_flagged timeline.schema.json unknown-key $'[[event]]\ntitle = "A"\ndat = 1990\n' 'dat'
expect_flagged timeline.schema.json bad-scale $'[timeline]\nscale = "log"\n[[event]]\ntitle = "A"\ndate = 1990\n' 'log'
expect_flagged style.schema.json bad-marker $'[event]\nmarker = "hexagon"\n' 'hexagon'
expect_flagged style.schema.json unknown-section $'[evnt]\nmarker = "circle"\n' 'evnt'

# Completion choices and hover texts, from Taplo's language server.
if ! node "$source_dir/tests/ecosystem/taplo_lsp.mjs" "$source_dir" "$work"; then
  echo "FAIL: the language server does not offer the schema's choices and descriptions"
  fails=$((fails + 1))
fi

echo "taplo: checked $n shipped files and 5 mistakes, $fails failed"
[ "$fails" -eq 0 ]
