#!/usr/bin/env python3
"""One fact held by many claims: N sources each state the value of one deal.

Machine-collected data looks like this (thousands of sources repeating one
figure). Deterministic for a seed. Most sources state the true value in one
of several ways (exact, with separators, in millions, hedged, as a range);
1 % state a wrong value (one of a few, or a figure of their own); a few
sources state it twice, once on another official's account.

    generate.py N OUT_DIR [SEED]
"""
import json
import os
import random
import sys

TRUE_FORMS = ["512M USD", "512,000,000 USD", "512000000 USD", "~510M USD",
              "500M..550M USD", "<=600M USD", "512.0M USD"]
WRONG_FORMS = ["640M USD", "1.2B USD", "~300M USD"]


def main(n, out, seed):
    rng = random.Random(seed)
    claims_dir = os.path.join(out, "claims")
    os.makedirs(claims_dir, exist_ok=True)
    truth = {"claims": n, "wrong": []}
    for i in range(n):
        sid = f"s{i:06d}"
        wrong = rng.random() < 0.01
        if wrong:
            value = rng.choice(WRONG_FORMS) if rng.random() < 0.7 else f"{rng.randint(700, 999)}M USD"
        else:
            value = rng.choice(TRUE_FORMS)
        claims = [{"id": "c1", "subject": "Barak MX air-defence deal", "attribute": "value",
                   "value": value}]
        if wrong:
            truth["wrong"].append(f"{sid}/c1")
        # One source in a hundred also quotes an official's figure.
        if rng.random() < 0.01:
            claims.append({"id": "c2", "subject": "Barak MX air-defence deal", "attribute": "value",
                           "value": "512M USD", "according_to": ["ministry of defence"]})
        source = {"source": {"id": sid, "outlet": f"Outlet {i}", "published": "2024-05"},
                  "claims": claims}
        with open(os.path.join(claims_dir, f"{sid}.json"), "w", encoding="utf-8") as f:
            json.dump(source, f, ensure_ascii=False, indent=2)
    with open(os.path.join(out, "truth.json"), "w") as f:
        json.dump(truth, f, indent=1)


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 42)
