#!/usr/bin/env bash
# Render every corpus document in every built-in theme and measure each PDF with typeset-check.
#
#   tests/corpus/typeset/measure.sh [BRIEFING] [OUT] [TYPESET_CHECK]
#
# BRIEFING defaults to target/release/briefing, OUT to target/corpus-typeset, TYPESET_CHECK to
# ../shared/tools/typeset-check. Prints typeset-check's summary line per PDF (its --list 5
# details go to OUT/THEME-NAME.check.txt) and exits 1 if a render failed. typeset-check's own
# verdict (FAIL) does not change the exit status: this measures, it does not gate.
#
# The text block is given to typeset-check from each theme's page size and margins
# (theme.toml), not inferred: `memo` and `accessible` are set ragged right, where no edge is
# shared and the inferred one is wrong.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
bin=${1:-$root/target/release/briefing}
out=${2:-$root/target/corpus-typeset}
check=${3:-$root/../shared/tools/typeset-check}

# left and right edges of the text block in points (1 mm = 72/25.4 pt; A4 is 595.28 pt wide,
# US Letter 612 pt)
declare -A edges=(
  [briefing]="--left 62.36 --right 532.91"    # A4, 22 mm at the sides
  [memo]="--left 64.8 --right 547.2"          # Letter, 0.9 in at the sides
  [newsroom]="--left 56.69 --right 538.58"    # A4, 20 mm at the sides
  [accessible]="--left 62.36 --right 532.91"  # A4, 22 mm at the sides
)

status=0
mkdir -p "$out"
for theme in briefing memo newsroom accessible; do
  for src in "$here"/*.md "$here"/*.txt; do
    name=$(basename "$src"); name=${name%.*}
    case $name in SOURCES|BASELINE) continue ;; esac  # about the corpus, not in it
    if ! "$bin" render "$src" -o "$out/$theme" --theme "$theme" -f pdf \
        > "$out/$theme-$name.render.log" 2>&1; then
      echo "render failed: $theme $name"; tail -n 5 "$out/$theme-$name.render.log"
      status=1
      continue
    fi
    # shellcheck disable=SC2086
    "$check" ${edges[$theme]} --list 5 "$out/$theme/$name.pdf" > "$out/$theme-$name.check.txt" 2>&1
    head -n 1 "$out/$theme-$name.check.txt"
  done
done
exit $status
