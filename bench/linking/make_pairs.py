#!/usr/bin/env python3
"""Builds the labelled name pairs of the linking benchmark.

    python3 bench/linking/make_pairs.py ../shared/data > bench/linking/pairs.tsv

Each output line: `label <TAB> set <TAB> a <TAB> b` with label `same` or
`different`; `set` groups the names that are linked together (one project).
The labels come from the data sets' gold answers and from the hand-written
Arabic/Latin list, never from crosscheck's rules; they are for scoring only.

- population: the 308 gold rows name the cities whose identity is known.
  `different`: a gold city's name against every other name of the data set
  whose city part (before the first comma) shares a word with it, or that
  is within the same state and differs from it by at most three characters
  (difflib ratio >= 0.85): the names a careless linker would join. A bare
  city name without a state ("indianapolis") may be the gold city and is
  left unlabelled.
  `same`: a gold city's name as truth.csv writes it against the claims'
  spellings of that name that differ from it in case or spacing only.
- books: for each of the 100 gold books, each seller's author list against
  the gold list: `same` when the seller names exactly the gold authors
  (every gold last name appears, and every other word is a word of the gold
  names or the initial of one); lists that omit or add an author are left
  out (they name another list). `different`: the gold lists of two gold
  books that share no last name, for books whose lists share a first name
  or initial (hard cases), plus the gold list against other books' seller
  lists that name the same number of authors.
- arabic: bench/linking/arabic_latin.tsv, each line `same`, each Arabic
  name against the other lines' Latin names `different`.
"""
import collections
import difflib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def words(s):
    return [w for w in re.split(r"[^\w]+", s.lower()) if w]


def population(data):
    names = set()
    with open(os.path.join(data, "population", "claims.tsv"), encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = [x.strip() for x in line.split("|\t")]
            if len(fields) > 2:
                names.add(fields[2])
    gold = []
    with open(os.path.join(data, "population", "truth.csv"), encoding="utf-8") as f:
        for line in f:
            parts = [p.strip() for p in line.rstrip("\n").split(",")]
            if len(parts) >= 3:
                gold.append(", ".join(parts[:-2]))
    gold = sorted(set(gold))
    by_state = collections.defaultdict(list)
    for n in names:
        by_state[n.rsplit(",", 1)[-1].strip() if "," in n else ""].append(n)
    out = set()
    for g in gold:
        city_words = set(words(g.split(",")[0]))
        state = g.rsplit(",", 1)[-1].strip() if "," in g else ""
        for n in names:
            if n.lower() == g.lower() and n != g:
                out.add(("same", g, n))
        for n in names:
            if " ".join(words(n)) == " ".join(words(g)):
                continue
            # A bare city name ("indianapolis") may be the gold city: unlabelled.
            if "," not in n and words(n) == words(g.split(",")[0]):
                continue
            if city_words & set(words(n.split(",")[0])):
                out.add(("different", g, n))
        for n in by_state[state]:
            if " ".join(words(n)) != " ".join(words(g)) and difflib.SequenceMatcher(None, g, n).ratio() >= 0.85:
                out.add(("different", g, n))
    return sorted(out)


def gold_books(data):
    gold = {}
    with open(os.path.join(data, "books", "book_golden.txt"), encoding="utf-8") as f:
        for line in f:
            isbn, _, authors = line.rstrip("\n").partition("\t")
            people = [a.strip() for a in authors.split(";") if a.strip()]
            gold[isbn.strip()] = people
    return gold


def books(data):
    gold = gold_books(data)
    lists = collections.defaultdict(set)
    with open(os.path.join(data, "books", "book.txt"), encoding="utf-8", errors="replace") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 4 and fields[1] in gold:
                a = fields[3].strip()
                if a and a.lower() != "not available":
                    lists[fields[1]].add(a)
    out = set()
    gold_text = {isbn: "; ".join(p) for isbn, p in gold.items()}
    for isbn, people in gold.items():
        last = [words(p.split(",")[0]) for p in people]
        gold_words = set(w for p in people for w in words(p))
        initials = set(w[0] for w in gold_words)
        for seller_list in lists[isbn]:
            ws = [w for w in words(seller_list) if w not in ("and",)]
            if not all(all(l in ws for l in ls) for ls in last):
                continue
            if all(w in gold_words or (len(w) == 1 and w in initials) for w in ws):
                out.add(("same", gold_text[isbn], seller_list))
    isbns = sorted(gold)
    for x in isbns:
        for y in isbns:
            if x >= y:
                continue
            lx = set(w for p in gold[x] for w in words(p.split(",")[0]))
            ly = set(w for p in gold[y] for w in words(p.split(",")[0]))
            if lx & ly:
                continue
            fx = set(w[0] for p in gold[x] for w in words(p.split(",", 1)[-1]))
            fy = set(w[0] for p in gold[y] for w in words(p.split(",", 1)[-1]))
            if fx & fy and len(gold[x]) == len(gold[y]):
                out.add(("different", gold_text[x], gold_text[y]))
                for seller_list in sorted(lists[y])[:3]:
                    out.add(("different", gold_text[x], seller_list))
    return sorted(out)


def arabic():
    rows = []
    with open(os.path.join(HERE, "arabic_latin.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ar, la = line.rstrip("\n").split("\t")
            rows.append((ar, la))
    out = []
    for i, (ar, la) in enumerate(rows):
        out.append(("same", ar, la))
        for j, (_, other) in enumerate(rows):
            if i != j:
                out.append(("different", ar, other))
    return out


def main(data):
    w = sys.stdout
    for name, pairs in (("population", population(data)), ("books", books(data)), ("arabic", arabic())):
        for label, a, b in pairs:
            w.write("%s\t%s\t%s\t%s\n" % (label, name, a, b))


if __name__ == "__main__":
    main(sys.argv[1])
