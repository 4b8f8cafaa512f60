#!/usr/bin/env python3
"""Builds a crosscheck project from the Wikipedia city-population claims
(../shared/data/population/claims.tsv, the DAFNA layout): one claim
file per editor (the source), one claim per line, subject = the city,
attribute = "population", as_of = the year of the `Population<YEAR>`
property, value = the population as the editor wrote it.

Only the claims are read; the gold answers (truth.csv) are not. Used to
measure how many findings change kind because of round figures:

    python3 bench/population/convert.py /tmp/population
    crosscheck check /tmp/population --format json > with.json
    (rounding_tolerance = 0 in /tmp/population/crosscheck.toml) ... > without.json
"""

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

# ../shared beside the project, as CI and every developer have it.
DATA = Path(__file__).resolve().parents[2].parent / "shared/data/population/claims.tsv"


def source_id(editor: str) -> str:
    """`1513217: Mohammedfairouz` -> `e1513217`: ids hold no `/` or space."""
    number = editor.split(":", 1)[0].strip()
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", number).strip("-") or "anonymous"
    return f"e{slug}"


def main(out: Path, tolerance: str) -> None:
    claims = defaultdict(list)
    skipped = 0
    for line in DATA.read_text(encoding="utf-8").splitlines():
        fields = [f.strip() for f in line.split("|\t")]
        if len(fields) < 6:
            skipped += 1
            continue
        claim_id, _, city, prop, value, editor = fields[:6]
        year = prop.removeprefix("Population")
        if not (year.isdigit() and len(year) == 4 and value.replace(",", "").isdigit()):
            skipped += 1
            continue
        claims[source_id(editor)].append(
            {
                "id": f"c{claim_id}",
                "subject": city,
                "attribute": "population",
                "value": value,
                "as_of": year,
            }
        )
    (out / "claims").mkdir(parents=True, exist_ok=True)
    (out / "crosscheck.toml").write_text(
        f"[compare]\nrounding_tolerance = {tolerance}\n\n[attributes]\npopulation = \"number\"\n"
    )
    for sid, items in sorted(claims.items()):
        doc = {"source": {"id": sid}, "claims": items}
        (out / "claims" / f"{sid}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1))
    print(f"{sum(map(len, claims.values()))} claims, {len(claims)} sources, {skipped} lines skipped")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "0.05")
