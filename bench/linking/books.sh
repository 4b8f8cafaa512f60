#!/usr/bin/env bash
# Checks the AbeBooks author-list data set as a project (one source file per
# seller, bench/linking/books_project.py) and reports, on the 100 gold books:
# how many still show a contradiction, why, and whether any contradiction
# pair differs only in order, initials or punctuation (it should be a
# naming variant). Median of 3 runs of `check --format json`.
#
#   bench/linking/books.sh [BIN_DIR]    # default: target/release
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-target/release}
data=${DATA:-../shared/data}
[[ -d "$data/books" ]] || data=/work/shared/data
project=${PROJECT:-/tmp/crosscheck-linking-books}
[[ -d "$project/claims" ]] || python3 bench/linking/books_project.py "$data/books" "$project"
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
times=()
for _ in 1 2 3; do
    start=$(date +%s.%N)
    "$bin/crosscheck" check --format json "$project" > "$project.report.json" || true
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
done
echo "check seconds (median of 3): $(printf '%s\n' "${times[@]}" | median)"
python3 - "$data/books/book_golden.txt" "$project.report.json" <<'PY'
import collections, json, re, sys
gold = {}
for line in open(sys.argv[1], encoding="utf-8"):
    isbn, _, authors = line.rstrip("\n").partition("\t")
    gold[isbn.strip()] = [a.strip() for a in authors.split(";") if a.strip()]
report = json.load(open(sys.argv[2]))
value = {c["id"]: c["value"] for c in report["claims"]}
def words(s):
    return [w for w in re.split(r"[^\w]+", s.lower()) if w]
def same_but_form(a, b):
    """Independent of crosscheck's code: the same words in any order and
    punctuation, or initials standing for words of the other list."""
    wa, wb = collections.Counter(words(a)), collections.Counter(words(b))
    if wa == wb:
        return "order/punctuation"
    ra, rb = wa - wb, wb - wa
    full_a = [w for w in ra.elements() if len(w) > 1]
    full_b = [w for w in rb.elements() if len(w) > 1]
    if full_a and full_b:
        return None
    full, initials = (full_b, list((ra).elements())) if not full_a else (full_a, list(rb.elements()))
    for w in full:
        if w[0] in initials:
            initials.remove(w[0])
        else:
            return None
    return "initials"
def why(a, b):
    la, lb = set(words(a)), set(words(b))
    if la < lb or lb < la:
        return "one list has names (authors, middle names) the other lacks"
    if len(la ^ lb) <= 2:
        return "a name spelt differently (typo, transliteration)"
    return "different author lists"
kinds = collections.Counter()
gold_with = set()
reasons = collections.Counter()
form_only = []
variants = 0
for f in report["findings"]:
    if f["subject"] not in gold:
        continue
    kinds[f["kind"]] += 1
    if f["kind"] == "naming-variant":
        variants += 1
    if f["kind"] not in ("contradiction", "internal-contradiction"):
        continue
    gold_with.add(f["subject"])
    pairs = f.get("pairs") or [[l, r] for s in f.get("sides", []) for l in s["left"] for r in s["right"]]
    for a, b in pairs:
        va, vb = value[a], value[b]
        form = same_but_form(va, vb)
        if form:
            form_only.append((f["subject"], va, vb, form))
        reasons[why(va, vb)] += 1
print("gold books:", len(gold), "| findings on them:", dict(sorted(kinds.items())))
print("gold books with a contradiction:", len(gold_with))
print("contradiction pairs on gold books, by cause:", dict(reasons.most_common()))
print("contradiction pairs that differ only in order, initials or punctuation:", len(form_only))
for row in form_only[:10]:
    print("   ", row)
PY
