#!/usr/bin/env python3
"""Truth-discovery evaluation of crosscheck's consensus on public data sets.

    truth.py convert-population DATA_DIR OUT_DIR
    truth.py convert-books DATA_DIR OUT_DIR
    truth.py evaluate population|books DATA_DIR OUT_DIR REPORT_JSON

`convert-*` turns a data set into a crosscheck project (one claim file per
source, no documents) and writes OUT_DIR/items.json: each gold item's key
and the global ids of the claims about it. `evaluate` reads crosscheck's
JSON report (its `facts[].leading`, the most likely value whether decided
or not, and `facts[].consensus`) and prints precision on the gold items
beside majority vote, TruthFinder (Yin, Han & Yu, KDD 2007) and Accu
(Dong, Berti-Equille & Srivastava, VLDB 2009), implemented here on the same
claims, the same items, with the same comparison. Every baseline runs with
the parameters of its paper; gold answers are only read to score.

Comparisons:
- Population: the chosen number equals the gold number.
- Books: the chosen author set equals the gold set, names compared after
  normalising order ("Last, First" = "First Last"), case, accents, punctuation and
  initials (a person is their last name plus the initials of the other
  names); also the lenient comparison of the README (last names only).
"""

import collections
import html
import json
import math
import os
import re
import sys
import unicodedata


# --- converting ------------------------------------------------------------

def safe_id(text):
    """A source or claim id: letters, digits, `-` and `_` only."""
    return re.sub(r"[^\w-]+", "-", text.strip()).strip("-") or "anonymous"


def write_project(out_dir, claims_by_source):
    """claims_by_source: source name -> list of claim dicts (id, subject,
    attribute, value, as_of?). Returns source name -> source id."""
    os.makedirs(os.path.join(out_dir, "claims"), exist_ok=True)
    ids = {}
    used = set()
    for n, name in enumerate(sorted(claims_by_source)):
        sid = safe_id(name)
        while sid in used:
            sid += "_"
        used.add(sid)
        ids[name] = sid
        doc = {"source": {"id": sid, "outlet": name}, "claims": claims_by_source[name]}
        with open(os.path.join(out_dir, "claims", f"s{n:05d}.json"), "w") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
    return ids


def convert_population(data_dir, out_dir):
    by_source = collections.defaultdict(list)
    items = collections.defaultdict(list)
    with open(os.path.join(data_dir, "claims.tsv")) as f:
        for line in f:
            fields = line.rstrip("\n").split("|\t")
            claim_id, _, city, prop, value, source = fields[:6]
            # The property names the fact (`Population2006`; some are
            # malformed, `Population/2006`, and stay facts of their own).
            year = prop.replace("Population", "")
            attribute = re.sub(r"[^a-z0-9]+", "_", prop.lower()).strip("_")
            if not value.strip().isdigit():
                continue
            claim = {
                "id": f"c{claim_id}",
                "subject": city,
                "attribute": attribute,
                "value": int(value),
            }
            by_source[source].append(claim)
            items[f"{city}|{year}"].append((source, claim["id"]))
    ids = write_project(out_dir, by_source)
    out = {key: [f"{ids[s]}/{c}" for s, c in claims] for key, claims in items.items()}
    with open(os.path.join(out_dir, "items.json"), "w") as f:
        json.dump(out, f)


# Role and affiliation notes sellers add in parentheses, "(Author)",
# "(EDT)", "(Joint Author)", "(University of ...", closed or cut off; an
# editor written inside them, "(Derge, Gillmer J. - ed.)", is kept.
PAREN = re.compile(r"\(([^()]*)(?:\)|$)")
# Separators between people: ";", "/", "|", "&", "and", "with", and "By" as
# in "By (author) Pooley, Rob By (author) Wilcox, Pauline".
SEPARATORS = re.compile(r"\s*[;/|&]\s*|\s+(?:and|with)\s+|(?:^|\s)by\s+", re.IGNORECASE)


def clean_field(text):
    text = html.unescape(text)
    text = PAREN.sub(lambda m: f"; {m.group(1).rsplit('-', 1)[0]}; " if re.search(r"-\s*ed\.?\s*$", m.group(1), re.I) else " ", text)
    text = re.sub(r"\bet\s+al\b\.?", " ", text, flags=re.I)
    # An initial glued to the next word ("R.Derge", "J.MICHEL"), and two
    # names glued without a space ("TzillaClarke": a run of three lower-case
    # letters or more then a capital; "McDonald" and "MacDonald" stay).
    text = re.sub(r"\.(?=[^\W\d_])", ". ", text)
    text = re.sub(r"(?<=[^\W\d_][a-z]{3})(?=[A-Z][a-z])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def split_people(piece):
    """One separated piece as people: "Last, First", "First Last, First
    Last", pairs "Last, First, Last, First", or the run-on "Last, First
    Middle Last2, First2 Last3, First3" (each part between two commas ends
    with the next person's last name)."""
    parts = [p.strip(" .-") for p in piece.split(",") if p.strip(" .-")]
    if len(parts) <= 1:
        return parts
    words = [len(p.split()) for p in parts]
    if all(w >= 2 for w in words):
        return parts  # "Peter Aiken, M. David Allen"
    if len(parts) >= 3 and words[0] == 1 and all(w >= 2 for w in words[1:-1]):
        people, last = [], parts[0]
        for part in parts[1:-1]:
            first, _, next_last = part.rpartition(" ")
            people.append(f"{last}, {first}")
            last = next_last
        people.append(f"{last}, {parts[-1]}")
        return people
    people = []
    for i in range(0, len(parts) - 1, 2):
        people.append(f"{parts[i]}, {parts[i + 1]}")
    if len(parts) % 2:
        people.append(parts[-1])
    return people


def split_authors(text):
    """A seller's author field as a list of person names, as written (each
    person once)."""
    text = clean_field(text)
    if not text or text.lower() == "not available":
        return []
    people = []
    for piece in SEPARATORS.split(text):
        piece = piece.strip(" ,.-")
        if piece:
            for person in split_people(piece):
                if person.lower() not in (p.lower() for p in people):
                    people.append(person)
    return people


def convert_books(data_dir, out_dir):
    by_source = collections.defaultdict(list)
    items = collections.defaultdict(list)
    counters = collections.Counter()
    with open(os.path.join(data_dir, "book.txt"), encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4:
                continue
            seller, isbn, _title, authors = fields[:4]
            people = split_authors(authors)
            if not people:
                continue
            counters[(seller, isbn)] += 1
            claim = {
                "id": f"{isbn}-{counters[(seller, isbn)]}",
                "subject": isbn,
                "attribute": "authors",
                "value": people,
            }
            by_source[seller].append(claim)
            items[isbn].append((seller, claim["id"]))
    ids = write_project(out_dir, by_source)
    out = {key: [f"{ids[s]}/{c}" for s, c in claims] for key, claims in items.items()}
    with open(os.path.join(out_dir, "items.json"), "w") as f:
        json.dump(out, f)


# --- comparisons -----------------------------------------------------------

def person_key(name):
    """Last name + initials of the other names, case and punctuation gone."""
    name = html.unescape(name).lower()
    # Accents go with case: "Römer" is "Romer".
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    if "," in name:
        last, _, first = name.partition(",")
        words = re.findall(r"[a-z0-9]+", first)
        last_words = re.findall(r"[a-z0-9]+", last)
        last = last_words[-1] if last_words else ""
        others = last_words[:-1] + words
    else:
        words = re.findall(r"[a-z0-9]+", name)
        if not words:
            return ("", "")
        last, others = words[-1], words[:-1]
    return (last, "".join(sorted(w[0] for w in others)))


def strict_set(names):
    return frozenset(person_key(n) for n in names if person_key(n)[0])


def lenient_set(names):
    return frozenset(person_key(n)[0] for n in names if person_key(n)[0])


# --- baselines -------------------------------------------------------------

def majority(claims):
    """claims: list of (source, value key, order). Most claimed value; ties
    to the earliest claim."""
    count = collections.Counter(v for _, v, _ in claims)
    first = {}
    for _, v, order in claims:
        first.setdefault(v, order)
    return max(count, key=lambda v: (count[v], -first[v]))


def truthfinder(objects, similarity=None, t0=0.9, gamma=0.3, rho=0.5, base=0.5, iterations=20):
    """Yin, Han & Yu (KDD 2007), with their parameters: initial trust 0.9,
    dampening 0.3, implication weight 0.5, base similarity 0.5.
    objects: object -> list of (source, value). Returns object -> value."""
    sources = {s for claims in objects.values() for s, _ in claims}
    trust = {s: t0 for s in sources}
    best = {}
    for _ in range(iterations):
        conf = {}
        for obj, claims in objects.items():
            values = sorted({v for _, v in claims}, key=repr)
            score = {v: sum(-math.log(max(1e-9, 1 - trust[s])) for s, w in claims if w == v) for v in values}
            if similarity:
                adj = {v: score[v] + rho * sum(score[u] * (similarity(u, v) - base) for u in values if u != v) for v in values}
            else:
                adj = score
            conf[obj] = {v: 1 / (1 + math.exp(-gamma * adj[v])) for v in values}
        new = {}
        for s in sources:
            new[s] = []
        for obj, claims in objects.items():
            for s, v in claims:
                new[s].append(conf[obj][v])
        trust = {s: sum(x) / len(x) for s, x in new.items()}
        best = {obj: max(c, key=lambda v: (c[v], repr(v))) for obj, c in conf.items()}
    return best


def accu(objects, n=100, a0=0.8, iterations=20):
    """Dong, Berti-Equille & Srivastava (VLDB 2009), Accu without copying:
    n = 100 false values, initial accuracy 0.8."""
    sources = {s for claims in objects.values() for s, _ in claims}
    acc = {s: a0 for s in sources}
    best = {}
    for _ in range(iterations):
        prob = {}
        for obj, claims in objects.items():
            votes = collections.defaultdict(float)
            for s, v in set(claims):
                a = min(max(acc[s], 1e-6), 1 - 1e-6)
                votes[v] += math.log(n * a / (1 - a))
            top = max(votes.values())
            unstated = max(0, n + 1 - len(votes)) * math.exp(-top)
            total = sum(math.exp(c - top) for c in votes.values()) + unstated
            prob[obj] = {v: math.exp(c - top) / total for v, c in votes.items()}
        per = collections.defaultdict(list)
        for obj, claims in objects.items():
            for s, v in claims:
                per[s].append(prob[obj][v])
        acc = {s: sum(x) / len(x) for s, x in per.items()}
        best = {obj: max(p, key=lambda v: (p[v], repr(v))) for obj, p in prob.items()}
    return best


# --- evaluation ------------------------------------------------------------

def load_gold(kind, data_dir):
    gold = {}
    if kind == "population":
        for line in open(os.path.join(data_dir, "truth.csv")):
            parts = [p.strip() for p in line.strip().split(",")]
            if len(parts) < 4:
                continue
            city = ", ".join(parts[:-2])
            gold[f"{city}|{parts[-2]}"] = int(parts[-1])
    else:
        for line in open(os.path.join(data_dir, "book_golden.txt"), encoding="utf-8"):
            isbn, _, authors = line.rstrip("\n").partition("\t")
            gold[isbn.strip()] = [a.strip() for a in authors.split(";") if a.strip()]
    return gold


def evaluate(kind, data_dir, out_dir, report_path):
    gold = load_gold(kind, data_dir)
    items = json.load(open(os.path.join(out_dir, "items.json")))
    report = json.load(open(report_path))
    claims = {c["id"]: c for c in report["claims"]}
    fact_of = {}
    for fact in report.get("facts", []):
        for cid in fact["claims"]:
            fact_of[cid] = fact

    def value_of(claim_id):
        c = claims[claim_id]
        if kind == "population":
            return int(c["value"])
        return tuple(split_value(c))

    def split_value(c):
        # Sets are written as members joined by ", " in `value`; the
        # canonical value is unambiguous JSON-ish; read the claim file instead.
        return members_of[c["id"]]

    members_of = {}
    if kind == "books":
        for name in sorted(os.listdir(os.path.join(out_dir, "claims"))):
            doc = json.load(open(os.path.join(out_dir, "claims", name)))
            sid = doc["source"]["id"]
            for c in doc["claims"]:
                members_of[f"{sid}/{c['id']}"] = c["value"]

    # The claims of every item (gold or not: baselines estimate source
    # quality from all of them), as (source, value, order).
    objects = {}
    for key, ids in items.items():
        objects[key] = [(claims[i]["source"], value_of(i), n) for n, i in enumerate(ids)]

    if kind == "population":
        compare = {"equal numbers": lambda chosen, truth: chosen == truth}
        norm = lambda v: v
        similarity = None
    else:
        compare = {
            "strict (order, case, punctuation, initials)": lambda chosen, truth: strict_set(chosen) == strict_set(truth),
            "lenient (last names)": lambda chosen, truth: lenient_set(chosen) == lenient_set(truth),
        }
        norm = lambda v: tuple(sorted(strict_set(v)))

        def similarity(a, b):
            a, b = set(a), set(b)
            return len(a & b) / len(a | b) if a | b else 1.0

    # Baselines vote on normalised values (the strict key for books) and
    # report one written value per key.
    keyed = {obj: [(s, norm(v), n) for s, v, n in claims_] for obj, claims_ in objects.items()}
    written = {}
    for obj, claims_ in objects.items():
        for s, v, n in claims_:
            written.setdefault((obj, norm(v)), v)
    pairs = {obj: [(s, v) for s, v, _ in c] for obj, c in keyed.items()}
    methods = {
        "majority vote": {obj: majority(c) for obj, c in keyed.items()},
        "TruthFinder (Yin et al. 2007)": truthfinder(pairs, similarity),
        "Accu (Dong et al. 2009)": accu(pairs),
    }
    chosen = {name: {obj: written[(obj, v)] for obj, v in res.items()} for name, res in methods.items()}

    ours, decided = {}, 0
    for key in items:
        fact = fact_of.get(items[key][0])
        if fact is None:
            continue
        value = fact["leading"]["value"]
        if kind == "population":
            value = int(str(value).replace(",", ""))
        ours[key] = value
        if key in gold and fact["consensus"] is not None:
            decided += 1
    chosen["crosscheck consensus"] = ours

    scored = [k for k in gold if k in items]
    print(f"{kind}: {len(scored)} gold items some claim names (of {len(gold)})")
    for cname, cmp in compare.items():
        print(f"  comparison: {cname}")
        for name, res in chosen.items():
            right = sum(1 for k in scored if k in res and cmp(res[k], gold[k]))
            print(f"    {name:34s} {right / len(scored):.3f}  ({right}/{len(scored)})")
    print(f"  crosscheck decided (consensus not null) on {decided}/{len(scored)} gold items")


def main(argv):
    if len(argv) >= 3 and argv[0] == "convert-population":
        convert_population(argv[1], argv[2])
    elif len(argv) >= 3 and argv[0] == "convert-books":
        convert_books(argv[1], argv[2])
    elif len(argv) >= 5 and argv[0] == "evaluate":
        evaluate(argv[1], argv[2], argv[3], argv[4])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
