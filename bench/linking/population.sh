#!/usr/bin/env bash
# Links and checks the Wikipedia city-population data set as a project (one
# source file per editor; bench/linking/population_project.py), and reports:
# links, suggestions, subjects joining two or more names, joins of two gold
# cities, internal contradictions, and the median of 3 runs of linking alone
# (examples/link_project) and of `check --format json`.
#
#   bench/linking/population.sh [BIN_DIR]   # default: target/release
#
# BIN_DIR must hold `crosscheck` and `examples/link_project` (build them with
# `cargo build --release --bin crosscheck --example link_project`); pass
# another build's directory to measure it ("before").
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release}
data=${DATA:-../shared/data}
[[ -d "$data/population" ]] || data=/work/shared/data
project=${PROJECT:-/tmp/crosscheck-linking-population}
[[ -d "$project/claims" ]] || python3 bench/linking/population_project.py "$data/population" "$project"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
link_times=(); check_times=()
for _ in 1 2 3; do
    line=$("$bin/examples/link_project" "$project")
    link_times+=("$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<<"$line")")
    start=$(date +%s.%N)
    "$bin/crosscheck" check --format json "$project" > "$project.report.json" || true
    end=$(date +%s.%N)
    check_times+=("$(echo "$end - $start" | bc)")
done
echo "$line"
echo "link seconds (median of 3): $(printf '%s\n' "${link_times[@]}" | median)"
echo "check seconds (median of 3): $(printf '%s\n' "${check_times[@]}" | median)"
python3 - "$data/population/truth.csv" "$project.report.json" <<'PY'
import collections, json, sys
gold = set()
for line in open(sys.argv[1], encoding="utf-8"):
    parts = [p.strip() for p in line.rstrip("\n").split(",")]
    if len(parts) >= 3:
        gold.add(", ".join(parts[:-2]))
report = json.load(open(sys.argv[2]))
names = collections.defaultdict(set)
for claim in report["claims"]:
    names[claim["canonical_subject"]].add(claim["subject"])
joined = {s: n for s, n in names.items() if len(n) > 1}
gold_joins = {s: n for s, n in joined.items() if len(n & gold) > 1 or (n & gold and len(n) > 1)}
kinds = collections.Counter(f["kind"] for f in report["findings"])
print("canonical subjects:", len(names), "| subjects joining 2+ names:", len(joined))
print("subjects joining a gold city with another name:", len(gold_joins))
for s, n in sorted(gold_joins.items())[:20]:
    print("   ", s, "<-", sorted(n))
print("findings:", dict(sorted(kinds.items())))
print("internal contradictions:", kinds.get("internal-contradiction", 0))
PY
