#!/usr/bin/env bash
# The linking benchmark: precision and recall of automatic links and top-3
# suggestion recall on the labelled pairs (bench/linking/pairs.tsv, from
# make_pairs.py), then the time to link 10^5 and 10^6 synthetic names
# (examples/link_bench), median of 3 runs each.
#
#   bench/linking/run.sh [BIN_DIR]     # default: target/release (build the
#   # examples first: cargo build --release --example link_pairs --example link_bench)
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release}
"$bin/examples/link_pairs" bench/linking/pairs.tsv | grep -v '^false link' || true
echo "false links: $("$bin/examples/link_pairs" bench/linking/pairs.tsv | grep -c '^false link' || true)"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for n in 100000 1000000; do
    walls=(); cpus=()
    for _ in 1 2 3; do
        line=$("$bin/examples/link_bench" "$n")
        echo "$line"
        walls+=("$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$line")")
        cpus+=("$(sed -E 's/.* cpu_seconds=([0-9.]+|nan).*/\1/' <<<"$line")")
    done
    echo "median n=$n: wall $(printf '%s\n' "${walls[@]}" | median) s, cpu $(printf '%s\n' "${cpus[@]}" | median) s"
done
