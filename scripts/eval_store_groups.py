#!/usr/bin/env python3
"""Check a store against same-happening article groups: do the articles of one group
share a canonical event (story), and do articles of different groups not?

    pactwatch ingest ../shared/devset/articles --db /tmp/dev.db
    python scripts/eval_store_groups.py --db /tmp/dev.db --index ../shared/devset/INDEX.tsv

This reads the stories the store actually built (``pactwatch ingest`` with its indexed
candidate search and ``stories.match_article``), where ``eval_stories.py`` clusters
records in memory; the two should agree.  An INDEX row is ``file  lang  group ...``;
rows without a group (or ``NEG``) belong to no group.  Pairs are unordered pairs of
stored articles: a true positive shares a story and a group, a false positive shares a
story but no group, a false negative shares a group but no story.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import re
import sys
from collections import defaultdict

from sqlalchemy import text

from pactwatch.store import open_store


def group_of(label: str) -> str | None:
    """"grpA", "grpRJ (return/summary)" -> "grpA", "grpRJ"; "", "NEG" -> None."""
    m = re.match(r"\s*(grp\w+)", label or "")
    return m.group(1) if m else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True, help="the store (SQLite path or URL)")
    ap.add_argument("--index", required=True, help="TSV with file and group columns")
    a = ap.parse_args(argv)
    groups: dict[str, str | None] = {}
    with open(a.index, encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            groups[row["file"]] = group_of(row.get("group", ""))
    store = open_store(a.db)
    with store.engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT a.doc, m.story_id, e.type FROM story_members m "
            "JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id")).all()
    stories: dict[str, set[int]] = defaultdict(set)
    kinds: dict[tuple[str, str], set[str]] = defaultdict(set)
    by_story: dict[int, set[str]] = defaultdict(set)
    for doc, sid, typ in rows:
        stories[doc].add(sid)
        by_story[sid].add(doc)
        for other in by_story[sid]:
            if other != doc:
                kinds[tuple(sorted((doc, other)))].add(typ)  # type: ignore[index]
    docs = sorted(d for d in stories if d in groups)
    tp = fp = fn = 0
    lines = []
    for x, y in itertools.combinations(docs, 2):
        same_group = groups[x] is not None and groups[x] == groups[y]
        shared = bool(stories[x] & stories[y])
        tp += same_group and shared
        fp += shared and not same_group
        fn += same_group and not shared
        if shared or same_group:
            tag = "ok" if shared == same_group else ("FP" if shared else "FN")
            lines.append(f"{tag}  {x} ~ {y}  groups {groups[x]}/{groups[y]}  "
                         f"shared: {', '.join(sorted(kinds.get((x, y), ()))) or '-'}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print("\n".join(lines))
    print(f"article pairs  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
