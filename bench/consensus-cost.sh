#!/usr/bin/env bash
# Issue 13's cost criterion: what the consensus adds to `check`'s time.
#
#   bench/consensus-cost.sh              # 10^6 claims, 5 runs each
#   N=100000 RUNS=3 bench/consensus-cost.sh
#
# Alternates, RUNS times, `check --format json` with and without
# `--no-consensus` on the generated project of N claims (bench/lib.sh), and
# prints the medians of wall time and of CPU time (user + system, GNU
# time) and what the consensus adds to each, as a share of the run
# without it. Alternating puts both under the same load of the machine.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
N=${N:-1000000}
RUNS=${RUNS:-5}
SEED=${SEED:-42}

log() { echo "[consensus-cost] $*" >&2; }

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
ensure_gnu_time
build_bench_tools
DIR=$(generated_project "$N" "$SEED")

TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
for run in $(seq "$RUNS"); do
    for mode in with without; do
        log "N=$N run $run: $mode the consensus"
        flag=()
        [ "$mode" = without ] && flag=(--no-consensus)
        # Exit status 1 only says there are contradictions.
        /usr/bin/time -f "$mode %e %U %S" -a -o "$TIMES" \
            "$BIN" check "$DIR" --format json --fail-on never "${flag[@]}" >/dev/null
    done
done

wall() { grep "^$1 " "$TIMES" | awk '{print $2}' | median; }
cpu() { grep "^$1 " "$TIMES" | awk '{printf "%.2f\n", $3 + $4}' | median; }
added() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%+.0f %%", (a - b) / b * 100}'; }

with_wall=$(wall with); without_wall=$(wall without)
with_cpu=$(cpu with); without_cpu=$(cpu without)
echo "| $N claims, medians of $RUNS | with the consensus | without | added |"
echo "|---|---:|---:|---:|"
echo "| wall time (s) | $with_wall | $without_wall | $(added "$with_wall" "$without_wall") |"
echo "| CPU time, user + system (s) | $with_cpu | $without_cpu | $(added "$with_cpu" "$without_cpu") |"
