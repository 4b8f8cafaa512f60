"""The naive DuckDB baseline of bench/run.sh.

`time DIR`  runs bench/naive.sql once over DIR/claims/*.json and prints
            {"seconds": query wall time, "flagged": groups flagged} as JSON.
`score DIR` runs it once more and scores the flagged groups against
            DIR/truth.json, at the group level (the query yields groups, not pairs):

- a flagged group is correct when it holds both claims of a planted
  contradiction pair; precision = correct flagged groups / flagged groups;
- recall = planted contradiction groups (canonical subject, attribute) that
  some correct flagged group covers / planted contradiction groups;
- pair recall = planted pairs whose two claims fall in one flagged group.

What it gets wrong is the point: values written differently but compatible
(`~500M USD` vs `512M USD`) are flagged; claims whose subject is spelt
differently (`the ...`, an Arabic alias) land in different groups, so the
contradiction between them is never seen.
"""

import json
import pathlib
import sys
import time

import duckdb

HERE = pathlib.Path(__file__).resolve().parent


def naive_query(project: pathlib.Path) -> str:
    sql = (HERE / "naive.sql").read_text()
    return sql.replace("{claims}", str(project / "claims" / "*.json"))


def run_once(project: pathlib.Path):
    con = duckdb.connect()
    start = time.perf_counter()
    rows = con.execute(naive_query(project)).fetchall()
    seconds = time.perf_counter() - start
    con.close()
    return seconds, rows


def score(project: pathlib.Path) -> dict:
    _, rows = run_once(project)
    flagged = {(s, a) for s, a in rows}
    con = duckdb.connect()
    where = con.execute(
        f"""SELECT f.source.id || '/' || c.id, c.subject, c.attribute
            FROM read_json('{project / "claims" / "*.json"}', maximum_object_size = 268435456) AS f,
                 unnest(f.claims) AS t(c)"""
    ).fetchall()
    raw_group = {cid: (s, a) for cid, s, a in where}
    truth = json.loads((project / "truth.json").read_text())
    group_of = {}
    for index, group in enumerate(truth["groups"]):
        for cid in group["claims"]:
            group_of[cid] = index
    planted_groups = set()
    seen_groups = set()
    correct_flagged = set()
    visible_pairs = 0
    for a, b in truth["contradictions"]:
        planted_groups.add(group_of[a])
        ga, gb = raw_group[a], raw_group[b]
        if ga == gb and ga in flagged:
            visible_pairs += 1
            correct_flagged.add(ga)
            seen_groups.add(group_of[a])
    pairs = len(truth["contradictions"])
    return {
        "flagged_groups": len(flagged),
        "correct_flagged_groups": len(correct_flagged),
        "planted_groups": len(planted_groups),
        "found_groups": len(seen_groups),
        "group_precision": len(correct_flagged) / len(flagged) if flagged else 1.0,
        "group_recall": len(seen_groups) / len(planted_groups) if planted_groups else 1.0,
        "planted_pairs": pairs,
        "visible_pairs": visible_pairs,
        "pair_recall": visible_pairs / pairs if pairs else 1.0,
    }


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in ("time", "score"):
        sys.stderr.write("usage: duckdb_naive.py time|score PROJECT_DIR\n")
        return 2
    project = pathlib.Path(sys.argv[2]).resolve()
    if sys.argv[1] == "time":
        seconds, rows = run_once(project)
        print(json.dumps({"seconds": seconds, "flagged": len(rows)}))
    else:
        print(json.dumps(score(project)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
