#!/usr/bin/env sh
# Fills fuzz/corpus/<target>/ with seed inputs: the hand-picked seeds in fuzz/seeds/,
# the sample briefings in input/ and the plain-text cases in tests/cases/.
# The corpus folders are not committed (see fuzz/.gitignore); run this before `cargo fuzz run`.
#
#   fuzz/seed.sh            seeds every target
#   fuzz/seed.sh parse      seeds one target
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
targets=${*:-parse render_pdf render_docx render_html}
for t in $targets; do
    dir="$here/corpus/$t"
    mkdir -p "$dir"
    cp "$here"/seeds/* "$dir"/
    for f in "$root"/input/*.md "$root"/input/*.txt; do
        [ -f "$f" ] && cp "$f" "$dir/input-$(basename "$f")"
    done
    for f in "$root"/tests/cases/*/input.*; do
        [ -f "$f" ] || continue
        case_name=$(basename "$(dirname "$f")")
        cp "$f" "$dir/case-$case_name-$(basename "$f")"
    done
    # Minimized crashers found earlier are the best seeds of all.
    for f in "$root"/tests/corpus/crashers/*; do
        [ -f "$f" ] && cp "$f" "$dir/crasher-$(basename "$f")"
    done
    echo "$t: $(ls "$dir" | wc -l) seeds in $dir"
done
