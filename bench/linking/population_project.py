#!/usr/bin/env python3
"""Converts the Wikipedia city-population data set into a crosscheck project.

    python3 bench/linking/population_project.py ../shared/data/population OUT_DIR

One source file per editor (`claims/e<N>.json`, the editor's name as outlet),
one claim per line of claims.tsv: subject = the city as the editor's line
writes it, attribute `population`, `as_of` = the year of `Population<YEAR>` (a four-digit year; the few
properties like `Population001` carry no usable year and get no `as_of`),
value = the figure. No documents, so no quotes. Deterministic: editors and
claims in file order.
"""
import json
import os
import sys


def main(data_dir, out_dir):
    editors = {}
    order = []
    with open(os.path.join(data_dir, "claims.tsv"), encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = [x.strip() for x in line.rstrip("\n").split("|\t")]
            if len(fields) < 6:
                continue
            claim_id, _, city, prop, value, editor = fields[:6]
            if editor not in editors:
                editors[editor] = []
                order.append(editor)
            claim = {"id": "c" + claim_id, "subject": city, "attribute": "population", "value": value}
            if prop.startswith("Population") and len(prop) == 14 and prop[10:].isdigit():
                claim["as_of"] = prop[10:]
            editors[editor].append(claim)
    os.makedirs(os.path.join(out_dir, "claims"), exist_ok=True)
    for n, editor in enumerate(order):
        source = {"id": "e%d" % n, "outlet": editor, "title": "Wikipedia edits by " + editor,
                  "published": "2008", "language": "en", "document": None, "url": None}
        with open(os.path.join(out_dir, "claims", "e%d.json" % n), "w", encoding="utf-8") as out:
            json.dump({"source": source, "claims": editors[editor]}, out, ensure_ascii=False, indent=1)
    print("%d sources" % len(order), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
