#!/usr/bin/env python3
"""Converts the AbeBooks author-list data set into a crosscheck project.

    python3 bench/linking/books_project.py ../shared/data/books OUT_DIR

One source file per seller (`claims/s<N>.json`, the seller as outlet); one
claim per line that states authors: subject = the ISBN, attribute `authors`,
value = the author list exactly as the seller writes it (a text: sellers
separate authors with commas, semicolons, "and" or nothing at all, so no
split is reliable, and the linking rules compare the whole list's words).
Lines with an empty or "Not Available" author field state no value and are
skipped. `[attributes] authors = "text"` would declare the kind; values are
read as text anyway (none starts like a number).
"""
import json
import os
import sys


def main(data_dir, out_dir):
    sellers = {}
    order = []
    with open(os.path.join(data_dir, "book.txt"), encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4:
                continue
            seller, isbn, _title, authors = (x.strip() for x in fields[:4])
            if not authors or authors.lower() == "not available":
                continue
            if seller not in sellers:
                sellers[seller] = {}
                order.append(seller)
            # A seller listing one book twice: the later line is kept.
            sellers[seller][isbn] = {"id": "b" + isbn, "subject": isbn, "attribute": "authors",
                                     "value": authors}
    os.makedirs(os.path.join(out_dir, "claims"), exist_ok=True)
    for n, seller in enumerate(order):
        source = {"id": "s%d" % n, "outlet": seller, "title": "Book listings of " + seller,
                  "published": "2007", "language": "en", "document": None, "url": None}
        claims = list(sellers[seller].values())
        with open(os.path.join(out_dir, "claims", "s%d.json" % n), "w", encoding="utf-8") as out:
            json.dump({"source": source, "claims": claims}, out, ensure_ascii=False, indent=1)
    print("%d sources" % len(order), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
