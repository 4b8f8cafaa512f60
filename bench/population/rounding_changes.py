#!/usr/bin/env python3
"""Compares two JSON reports of one project, with round figures read as
rounded (the first) and as written (the second, rounding_tolerance = 0):
how many findings and pairs change kind because of rounding."""

import json
import sys
from collections import Counter


def pairs(report):
    kinds = {}
    for finding in report["findings"]:
        for pair in finding.get("pairs", []):
            kinds[tuple(pair)] = finding["kind"]
    return kinds


def groups(report):
    kinds = {}
    for finding in report["findings"]:
        kinds.setdefault((finding["subject"], finding["attribute"]), set()).add(finding["kind"])
    return kinds


with_rounding, without = (json.load(open(p)) for p in sys.argv[1:3])
on, off = pairs(with_rounding), pairs(without)
moved = Counter((off.get(p), on.get(p)) for p in set(on) | set(off) if off.get(p) != on.get(p))
print("pairs whose kind changed (as written -> as rounded):")
for (a, b), n in sorted(moved.items(), key=str):
    print(f"  {a} -> {b}: {n}")
g_on, g_off = groups(with_rounding), groups(without)
changed = [k for k in set(g_on) | set(g_off) if g_on.get(k) != g_off.get(k)]
cleared = [k for k in changed if "contradiction" in g_off.get(k, set()) and "contradiction" not in g_on.get(k, set())]
print(f"facts (subject, attribute) whose set of finding kinds changed: {len(changed)}")
print(f"  of which no longer hold any contradiction finding: {len(cleared)}")
print("counts as rounded:", {k: v for k, v in with_rounding["counts"].items() if v})
print("counts as written:", {k: v for k, v in without["counts"].items() if v})
