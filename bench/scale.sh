#!/usr/bin/env bash
# Issue 15's table: crosscheck at scale, paired with the naive DuckDB query
# in one run, plus one fact held by many claims.
#
#   bench/scale.sh                     # 10^5 and 10^6 claims, hot facts of 3,000 and 30,000
#   SIZES="100000" HOT="3000" bench/scale.sh
#   RUNS=5 bench/scale.sh
#
# For each size it alternates, RUNS times: `check --format json` (report to a
# file), the DuckDB process (bench/duckdb_naive.py, Python start included)
# and `check DIR` (writing report.md, report.json and report.html). It
# prints medians of wall time, the highest peak memory, report sizes, the
# planted-pair score of the JSON report, and one `--timings` run for the
# per-step split. Hot facts come from bench/hot-fact/generate.py: one subject
# and attribute stated by N sources (1 % a wrong value).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZES=${SIZES:-"100000 1000000"}
HOT=${HOT:-"3000 30000"}
RUNS=${RUNS:-3}
SEED=${SEED:-42}

log() { echo "[scale] $*" >&2; }

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
ensure_gnu_time
ensure_duckdb

build_bench_tools

max() { sort -g | tail -n1; }
mib() { awk '{printf "%.0f", $1 / 1024}'; }
mb() { awk '{printf "%.1f", $1 / 1e6}'; }
json_field() { "$PY" -c 'import json,sys; d=json.load(sys.stdin); print(d[sys.argv[1]])' "$1"; }

# One timed run: "seconds peak_kib". Exit status 1 is a report with findings.
timed() {
    local out=$1; shift
    set +e
    /usr/bin/time -f '%e %M' -o /tmp/crosscheck-scale-time "$@" >"$out" 2>/dev/null
    local status=$?
    set -e
    if [ "$status" -gt 1 ]; then log "failed (exit $status): $*"; exit 1; fi
    tail -n1 /tmp/crosscheck-scale-time
}

echo "| claims | \`check --format json\` | naive DuckDB (process) | ratio | JSON report | \`check DIR\` | ratio | reports (md + json + html) | planted pairs found | false pairs |"
echo "|---:|---|---:|---:|---:|---|---:|---:|---:|---:|"
SPLITS=()
for N in $SIZES; do
    DIR=$(generated_project "$N" "$SEED")
    JT=""; JM=""; DT=""; AT=""; AM=""
    for run in $(seq "$RUNS"); do
        log "N=$N run $run: json"
        read -r t m < <(timed "$DIR/scale-report.json" "$BIN" check --format json "$DIR")
        JT+="$t "; JM+="$m "
        log "N=$N run $run: duckdb"
        read -r t _ < <(timed /dev/null "$PY" bench/duckdb_naive.py time "$DIR")
        DT+="$t "
        log "N=$N run $run: check DIR"
        rm -rf "$DIR/reports"
        read -r t m < <(timed /dev/null "$BIN" check "$DIR")
        AT+="$t "; AM+="$m "
    done
    json_t=$(echo "$JT" | tr ' ' '\n' | grep . | median)
    json_m=$(echo "$JM" | tr ' ' '\n' | grep . | max | mib)
    duck_t=$(echo "$DT" | tr ' ' '\n' | grep . | median)
    all_t=$(echo "$AT" | tr ' ' '\n' | grep . | median)
    all_m=$(echo "$AM" | tr ' ' '\n' | grep . | max | mib)
    json_bytes=$(stat -c %s "$DIR/scale-report.json" | mb)
    all_bytes=$(du -cb "$DIR"/reports/* | tail -n1 | cut -f1 | mb)
    "$SCORE" "$DIR/truth.json" "$DIR/scale-report.json" >"$DIR/scale-score.json"
    found=$(json_field found_pairs <"$DIR/scale-score.json")
    planted=$(json_field planted_pairs <"$DIR/scale-score.json")
    reported=$(json_field reported_pairs <"$DIR/scale-score.json")
    ratio=$(awk -v a="$json_t" -v b="$duck_t" 'BEGIN {printf "%.1f", a / b}')
    all_ratio=$(awk -v a="$all_t" -v b="$duck_t" 'BEGIN {printf "%.1f", a / b}')
    echo "| $N | $json_t s, $json_m MiB | $duck_t s | ${ratio}× | $json_bytes MB | $all_t s, $all_m MiB | ${all_ratio}× | $all_bytes MB | $found / $planted | $(( reported - found )) |"
    log "N=$N: per-step split"
    "$BIN" check --format json --timings "$DIR" 2>"$DIR/scale-timings.txt" >/dev/null || true
    SPLITS+=("$N" "$(cat "$DIR/scale-timings.txt")")
done

echo
echo "Per step, one \`check --format json --timings\` run:"
for ((i = 0; i < ${#SPLITS[@]}; i += 2)); do
    echo
    echo "${SPLITS[i]} claims:"
    echo '```text'
    echo "${SPLITS[i+1]}"
    echo '```'
done

echo
echo "| one fact, claims | \`check --format json\` | peak | report | findings |"
echo "|---:|---:|---:|---:|---|"
for N in $HOT; do
    DIR="$ROOT/bench/out/hot-$N-seed$SEED"
    if [ ! -f "$DIR/truth.json" ]; then
        log "generating a hot fact of $N claims"
        rm -rf "$DIR"
        python3 bench/hot-fact/generate.py "$N" "$DIR" "$SEED"
    fi
    T=""; M=""
    for run in $(seq "$RUNS"); do
        log "hot fact N=$N run $run"
        read -r t m < <(timed "$DIR/scale-report.json" "$BIN" check --format json "$DIR")
        T+="$t "; M+="$m "
    done
    counts=$("$PY" -c 'import json,sys; c=json.load(open(sys.argv[1]))["counts"]; print(", ".join(f"{v} {k}" for k,v in c.items() if v))' "$DIR/scale-report.json")
    echo "| $N | $(echo "$T" | tr ' ' '\n' | grep . | median) s | $(echo "$M" | tr ' ' '\n' | grep . | max | mib) MiB | $(stat -c %s "$DIR/scale-report.json" | mb) MB | $counts |"
done
