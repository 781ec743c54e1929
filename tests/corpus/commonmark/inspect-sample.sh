#!/usr/bin/env bash
# Renders a sample of the CommonMark spec examples (every STEP-th, default 50) with the
# release `briefing` binary and runs `inspect` over every output, as a reader's software
# would open them. A manual check for a person to read; not part of CI.
#
#   tests/corpus/commonmark/inspect-sample.sh [STEP]
#
# Environment:
#   BRIEFING  the binary to use (default: target/release/briefing, built if missing)
#   INSPECT   the inspect tool (default: `inspect` on PATH)
#   KEEP      a folder to keep the sample and outputs in (default: a temporary folder)
set -euo pipefail

step=${1:-50}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
briefing=${BRIEFING:-$root/target/release/briefing}
inspect=${INSPECT:-inspect}

if [ ! -x "$briefing" ]; then
    echo "building the release binary..." >&2
    cargo build --release -p briefing-cli --manifest-path "$root/Cargo.toml" >&2
fi
command -v "$inspect" >/dev/null || { echo "error: $inspect not found; set INSPECT" >&2; exit 2; }

work=${KEEP:-$(mktemp -d)}
mkdir -p "$work/src" "$work/out"

# Each example is the text between a line of 32 backticks plus " example" and a line
# holding only "."; "→" stands for a tab. Every STEP-th one (1, 1+STEP, ...) is written out.
awk -v step="$step" -v dir="$work/src" '
    BEGIN { fence = "````````````````````````````````"; n = 0; state = 0 }
    state == 0 && index($0, fence " example") == 1 {
        n++; state = 1; keep = ((n - 1) % step == 0)
        file = sprintf("%s/example-%03d.md", dir, n)
        if (keep) printf "" > file
        next
    }
    state == 1 && $0 == "." { state = 2; if (keep) close(file); next }
    state == 1 { if (keep) { line = $0; gsub("→", "\t", line); print line >> file }; next }
    state == 2 && $0 == fence { state = 0 }
' "$here/spec.txt"

echo "sample: $(ls "$work/src" | wc -l) examples (every ${step}th) in $work" >&2
status=0
# Blank or front-matter examples are refused by the parser by design; render the rest.
"$briefing" render "$work/src" -o "$work/out" >&2 || status=$?
echo "briefing render exited with $status" >&2

for src in "$work/src"/*.md; do
    name=$(basename "$src" .md)
    outputs=()
    for ext in pdf docx html; do
        [ -f "$work/out/$name.$ext" ] && outputs+=("$work/out/$name.$ext")
    done
    if [ ${#outputs[@]} -eq 0 ]; then
        echo "== $name: no outputs (refused by the parser)"
        continue
    fi
    echo "== $name"
    "$inspect" --source "$src" "${outputs[@]}" || status=1
done
exit $status
