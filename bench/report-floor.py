#!/usr/bin/env python3
"""How small a JSON report could be: the bytes of the report's arrays as
written, beside the same arrays cut to the fields the contract
(shared/spec/claim-format.md, "The JSON report (the fixed part)") requires,
written without spaces.

No report that keeps the contract can be smaller than the second column:
it is the floor any slimming of the report approaches, and what a size
target must be weighed against.

    bench/report-floor.py REPORT.json
"""

import json
import sys

# The fields the contract requires in each entry of each array.
REQUIRED = {
    "findings": ("kind", "subject", "attribute", "claims", "pairs", "sides"),
    "claims": ("id", "source", "subject", "canonical_subject", "attribute", "value"),
    "facts": ("subject", "attribute", "claims", "consensus"),
    "sources": ("id", "trust"),
}
# Within a fact's consensus, the required fields.
CONSENSUS = ("value", "claims", "confidence")
# Within a side, the required fields.
SIDE = ("left", "right")


def size(value):
    return len(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def required(array, entry):
    kept = {k: entry[k] for k in REQUIRED[array] if k in entry}
    if array == "facts" and kept.get("consensus") is not None:
        kept["consensus"] = {k: kept["consensus"][k] for k in CONSENSUS}
    if "sides" in kept:
        kept["sides"] = [{k: side[k] for k in SIDE} for side in kept["sides"]]
    return kept


def main(path):
    report = json.load(open(path, encoding="utf-8"))
    total_now = total_floor = 0
    print(f"{'array':10} {'entries':>10} {'as written (MB)':>16} {'required only (MB)':>19}")
    for array in REQUIRED:
        entries = report.get(array, [])
        now = size(entries)
        floor = size([required(array, entry) for entry in entries])
        total_now += now
        total_floor += floor
        print(f"{array:10} {len(entries):>10} {now / 1e6:>16.1f} {floor / 1e6:>19.1f}")
    print(f"{'total':10} {'':>10} {total_now / 1e6:>16.1f} {total_floor / 1e6:>19.1f}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1])
