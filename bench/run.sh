#!/usr/bin/env bash
# Benchmarks `crosscheck check --format json` on generated projects with
# planted truth, next to the naive DuckDB query, and prints one table.
#
#   bench/run.sh                 # N = 10^4, 10^5, 10^6
#   SIZES="10000" bench/run.sh   # only some sizes
#   bench/run.sh --append        # also append the table to bench/RESULTS.md
#
# Projects are generated once per (N, S, K, seed) under bench/out/ (gitignored).
# DuckDB comes from PyPI into bench/.venv (gitignored), pinned in
# bench/requirements.txt. See bench/README.md for what each column means.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SIZES=${SIZES:-"10000 100000 1000000"}
RUNS=${RUNS:-3}
SEED=${SEED:-42}
APPEND=0
for arg in "$@"; do
    case "$arg" in
        --append) APPEND=1 ;;
        *) echo "usage: bench/run.sh [--append]" >&2; exit 2 ;;
    esac
done

log() { echo "[bench] $*" >&2; }

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
ensure_gnu_time
ensure_duckdb

build_bench_tools

json_field() { "$PY" -c 'import json,sys; d=json.load(sys.stdin); v=d[sys.argv[1]]; print(f"{v:.6f}" if isinstance(v,float) else v)' "$1"; }

ROWS=()
for N in $SIZES; do
    read -r S K < <(project_shape "$N")
    DIR=$(generated_project "$N" "$SEED")
    GEN_TIME=$(cut -d' ' -f1 "$DIR/gen-time")
    SIZE=$(du -sh "$DIR/claims" | cut -f1)
    PLANTED=$("$PY" -c 'import json,sys; t=json.load(open(sys.argv[1])); print(len(t["contradictions"]))' "$DIR/truth.json")

    # crosscheck: RUNS timed runs; exit 0 or 1 is a report, 2 is a failure.
    CC_TIMES=(); CC_MEMS=(); CC_STATUS=ok
    for run in $(seq "$RUNS"); do
        log "N=$N crosscheck run $run"
        set +e
        /usr/bin/time -f '%e %M' -o "$DIR/cc-time" "$BIN" check --format json "$DIR" >"$DIR/report.json" 2>"$DIR/cc-stderr"
        status=$?
        set -e
        if [ "$status" -gt 1 ]; then
            CC_STATUS="exit $status: $(head -c 200 "$DIR/cc-stderr" | tr '\n|' '  ')"
            log "crosscheck failed: $CC_STATUS"
            break
        fi
        read -r t m < <(tail -n1 "$DIR/cc-time")
        CC_TIMES+=("$t"); CC_MEMS+=("$m")
    done
    if [ "$CC_STATUS" = ok ]; then
        CC_WALL=$(printf '%s\n' "${CC_TIMES[@]}" | median)
        CC_MEM=$(( $(printf '%s\n' "${CC_MEMS[@]}" | sort -n | tail -n1) / 1024 ))
        "$SCORE" "$DIR/truth.json" "$DIR/report.json" >"$DIR/cc-score.json"
        CC_RECALL=$(json_field recall <"$DIR/cc-score.json")
        CC_PRECISION=$(json_field precision <"$DIR/cc-score.json")
        CC_FOUND=$(json_field found_pairs <"$DIR/cc-score.json")
        CC_REPORTED=$(json_field reported_pairs <"$DIR/cc-score.json")
        CC_FALSE=$(( CC_REPORTED - CC_FOUND ))
        CC_GRECALL=$(json_field group_recall <"$DIR/cc-score.json")
        CC_GPRECISION=$(json_field group_precision <"$DIR/cc-score.json")
    else
        CC_WALL="n/a"; CC_MEM="n/a"; CC_FOUND="n/a"; CC_FALSE="n/a"; CC_RECALL="n/a"; CC_PRECISION="n/a"; CC_GRECALL="n/a"; CC_GPRECISION="n/a"
    fi

    # DuckDB: RUNS timed runs of the naive query (the query alone, and the
    # whole process including Python start and `import duckdb`), then a score.
    DK_QUERY=(); DK_WALL=(); DK_MEMS=()
    for run in $(seq "$RUNS"); do
        log "N=$N duckdb run $run"
        /usr/bin/time -f '%e %M' -o "$DIR/dk-time" "$PY" bench/duckdb_naive.py time "$DIR" >"$DIR/dk-run.json"
        DK_QUERY+=("$(json_field seconds <"$DIR/dk-run.json")")
        read -r t m < <(tail -n1 "$DIR/dk-time")
        DK_WALL+=("$t"); DK_MEMS+=("$m")
    done
    "$PY" bench/duckdb_naive.py score "$DIR" >"$DIR/dk-score.json"
    DK_Q=$(printf '%s\n' "${DK_QUERY[@]}" | median)
    DK_W=$(printf '%s\n' "${DK_WALL[@]}" | median)
    DK_MEM=$(( $(printf '%s\n' "${DK_MEMS[@]}" | sort -n | tail -n1) / 1024 ))
    DK_GRECALL=$(json_field group_recall <"$DIR/dk-score.json")
    DK_GPRECISION=$(json_field group_precision <"$DIR/dk-score.json")
    DK_PRECALL=$(json_field pair_recall <"$DIR/dk-score.json")

    ROWS+=("| $N | $S | $K | $SIZE | $PLANTED | $GEN_TIME | $CC_WALL | $CC_MEM | $CC_FOUND | $CC_FALSE | $CC_RECALL | $CC_PRECISION | $CC_GRECALL | $CC_GPRECISION | $DK_Q | $DK_W | $DK_MEM | $DK_PRECALL | $DK_GRECALL | $DK_GPRECISION |")
    [ "$CC_STATUS" = ok ] || ROWS+=("| | | | | | | crosscheck: $CC_STATUS | | | | | | | | | | | | | |")
done

TABLE=$(
    echo "| claims | sources | subjects | claim files | planted pairs | generate (s) | crosscheck median (s) | crosscheck peak (MiB) | planted pairs found | false pairs | crosscheck pair recall | crosscheck pair precision | crosscheck group recall | crosscheck group precision | DuckDB query median (s) | DuckDB process median (s) | DuckDB peak (MiB) | DuckDB pair recall | DuckDB group recall | DuckDB group precision |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${ROWS[@]}"
)
MACHINE=$(
    echo "- date: $(date -u +%Y-%m-%dT%H:%MZ), commit $(git rev-parse --short HEAD), seed $SEED, $RUNS runs each (median time, max peak memory)"
    echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), nproc $(nproc)"
    echo "- memory: $(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
    echo "- $(rustc --version), DuckDB $("$PY" -c 'import duckdb; print(duckdb.__version__)')"
)
echo
echo "$TABLE"
echo
echo "$MACHINE"
if [ "$APPEND" = 1 ]; then
    {
        echo
        echo "## Run of $(date -u +%Y-%m-%d)"
        echo
        echo "$MACHINE"
        echo
        echo "$TABLE"
    } >>bench/RESULTS.md
    log "appended to bench/RESULTS.md"
fi
