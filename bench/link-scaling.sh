#!/usr/bin/env bash
# Measures how subject linking scales: builds the release example and links
# 100,000 and 200,000 synthetic names, 3 runs each, then prints the median
# wall-clock and CPU seconds of each size and the 200k/100k ratios.
# Acceptance: 100k names link in seconds, and doubling costs at most ~2.2x.
#
# CPU seconds (time on a CPU, from /proc) are the figure to trust on a shared
# machine; wall-clock seconds include time spent waiting for a core.
set -euo pipefail
cd "$(dirname "$0")/.."

# BIN=path measures another build of the example (e.g. an older commit's,
# to compare before/after under the same load); by default it is built here.
if [[ -z "${BIN:-}" ]]; then
    cargo build --quiet --release --example link_bench
fi
bin=${BIN:-target/release/examples/link_bench}
runs=${RUNS:-3}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# The sizes alternate (100k, 200k, 100k, ...) so that a change in the
# machine's load during the measurement hits both sizes alike.
declare -A walls cpus refs wall cpu ref
for _ in $(seq "$runs"); do
    for n in 100000 200000; do
        line=$("$bin" "$n")
        echo "$line"
        walls[$n]+="$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$line") "
        cpus[$n]+="$(sed -E 's/.* cpu_seconds=([0-9.]+|nan).*/\1/' <<<"$line") "
        refs[$n]+="$(sed -E 's/.*reference_cpu_seconds=([0-9.]+|nan).*/\1/' <<<"$line") "
    done
done
for n in 100000 200000; do
    wall[$n]=$(tr ' ' '\n' <<<"${walls[$n]}" | grep . | median)
    cpu[$n]=$(tr ' ' '\n' <<<"${cpus[$n]}" | grep . | median)
    ref[$n]=$(tr ' ' '\n' <<<"${refs[$n]}" | grep . | median)
    echo "median n=$n: wall ${wall[$n]} s, cpu ${cpu[$n]} s, reference cpu ${ref[$n]} s"
done
# The reference (normalising every name once, fixed work per name) shows
# what the machine adds to any linear pass: a linking ratio close to it is
# linear work.
awk -v w1="${wall[100000]}" -v w2="${wall[200000]}" -v c1="${cpu[100000]}" -v c2="${cpu[200000]}" \
    -v r1="${ref[100000]}" -v r2="${ref[200000]}" \
    'BEGIN { printf "ratio 200k/100k: wall %.2f, cpu %.2f, reference cpu %.2f\n", w2 / w1, c2 / c1, r2 / r1 }'
