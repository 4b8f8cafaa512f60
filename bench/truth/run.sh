#!/usr/bin/env bash
# Truth discovery on public data: converts ../shared/data/{population,books}
# (or $DATA) into crosscheck projects under bench/truth/out/ (gitignored),
# runs `crosscheck check --format json` on each, and prints the precision of
# crosscheck's consensus beside majority vote, TruthFinder and Accu on the
# same gold items. See bench/truth/truth.py for the comparisons.
#
#   bench/truth/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
DATA=${DATA:-"$ROOT/../shared/data"}
OUT="$ROOT/bench/truth/out"
cargo build --release --quiet --bin crosscheck
BIN="$ROOT/target/release/crosscheck"
for SET in population books; do
    rm -rf "$OUT/$SET"
    mkdir -p "$OUT/$SET"
    python3 bench/truth/truth.py "convert-$SET" "$DATA/$SET" "$OUT/$SET"
    # Exit status 1 only says there are contradictions.
    "$BIN" check "$OUT/$SET" --format json --fail-on never > "$OUT/$SET/report.json"
    python3 bench/truth/truth.py evaluate "$SET" "$DATA/$SET" "$OUT/$SET" "$OUT/$SET/report.json"
done
