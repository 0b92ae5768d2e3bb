#!/usr/bin/env python3
"""Score stories with the shared scorer, on one fold of the devset, over shuffled orders.

    # stories a store built (SQLite or PostgreSQL), through `pactwatch export --what mentions`
    python scripts/eval_stories.py --db /tmp/dev.db --gold ../shared/devset/gold \\
        --index ../shared/devset/INDEX.tsv --fold tune
    # article records clustered in memory by the store's decision, in N shuffled orders
    python scripts/eval_stories.py --records R.jsonl --gold ../shared/devset/gold \\
        --index ../shared/devset/INDEX.tsv --fold check --shuffles 5
    # the same, with the evidence vectors a store already holds (no embedding: seconds)
    python scripts/eval_stories.py --records R.jsonl --vectors-from /tmp/dev.db ...

Why next to ``shared/eval/score_stories.py``: that scorer reads one SQLite store and
scores all articles; this script restricts the assignments and records to one fold of
``INDEX.tsv`` (the check fold is scored without ever printing its pairs), scores any store
through the mentions export, and replays records in shuffled orders to show that the
stories do not depend on ingest order.  ``--explain`` passes the scorer's pair listing
through, and is refused on the check fold.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SCORER = next((p / "shared" / "eval" / "score_stories.py" for p in Path(__file__).resolve().parents
               if (p / "shared" / "eval" / "score_stories.py").exists()),
              Path("../shared/eval/score_stories.py"))


def fold_docs(index: Path, fold: str) -> set[str]:
    """The file names of one fold of an INDEX.tsv (``all``: every row)."""
    with index.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {r["file"] for r in rows if fold == "all" or r.get("fold") == fold}


def load_records(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def score(gold: Path, assign: list[dict], records: list[dict], docs: set[str],
          scorer: Path, explain: bool) -> str:
    """Run the shared scorer on the assignments and records of ``docs``."""
    with tempfile.TemporaryDirectory() as tmp:
        a, r = Path(tmp, "assign.jsonl"), Path(tmp, "records.jsonl")
        a.write_text("".join(json.dumps(x) + "\n" for x in assign
                             if Path(str(x["doc"])).name in docs), encoding="utf-8")
        r.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in records
                             if Path(str(x["doc"])).name in docs), encoding="utf-8")
        cmd = [sys.executable, str(scorer), str(gold), str(a), "--records", str(r)]
        if explain:
            cmd.append("--explain")
        return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def in_memory(records: list[dict], seed: int | None, vecs: dict[str, object] | None
              ) -> list[dict]:
    """Cluster records with ``StoryIndex`` in file order or a seeded shuffle."""
    from pactwatch.store.stories import StoryIndex, mention_from_record

    order = list(records)
    if seed is not None:
        random.Random(seed).shuffle(order)
    index = StoryIndex()
    for rec in order:
        aid = str(rec["doc"])
        ms = [mention_from_record(rec, i, aid) for i in range(len(rec.get("events") or []))]
        index.add_mentions(ms, [vecs.get(m.text) if vecs is not None else None for m in ms])
    return [{"doc": rec["doc"], "event": i, "story": index.story_of(f"{rec['doc']}#{i}")}
            for rec in records for i in range(len(rec.get("events") or []))]


def embed_all(records: list[dict]) -> dict[str, object]:
    from pactwatch.store.stories import default_embedder, mention_from_record

    emb = default_embedder()
    texts = sorted({mention_from_record(r, i, "x").text for r in records
                    for i in range(len(r.get("events") or []))} - {""})
    if emb is None or not texts:
        return {}
    return dict(zip(texts, emb.embed(texts), strict=True))


def stored_vectors(db: str) -> dict[str, object]:
    """The evidence vectors a store holds, by evidence text: a store built with the
    embedding spares the minutes of embedding the same texts again."""
    import numpy as np

    from pactwatch.store import open_store
    from pactwatch.store.ingest import mention_from_json

    store = open_store(db)
    try:
        with store.read() as conn:
            rows = conn.exec_driver_sql("select mention, vector from events").all()
    finally:
        store.close()
    return {mention_from_json(m).text: np.frombuffer(v, dtype=np.float32)
            for m, v in rows if v}


def from_store(db: str) -> tuple[list[dict], list[dict]]:
    """The mentions and article records of a store, through its exports."""
    from pactwatch.store import open_store

    store = open_store(db)
    with tempfile.TemporaryDirectory() as tmp:
        m, r = Path(tmp, "m.jsonl"), Path(tmp, "r.jsonl")
        store.export(str(m), format="jsonl", what="mentions")
        store.export(str(r), format="jsonl", what="articles")
        return load_records(m), load_records(r)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--db", help="a store (SQLite path or URL)")
    src.add_argument("--records", type=Path, help="article records to cluster in memory")
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--fold", default="all", help="tune, check or all")
    ap.add_argument("--shuffles", type=int, default=0, help="also N shuffled orders")
    ap.add_argument("--no-embed", action="store_true")
    ap.add_argument("--vectors-from", help="with --records: a store whose vectors to use")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    a = ap.parse_args(argv)
    if a.explain and a.fold != "tune":
        ap.error("--explain lists pairs, which only the tune fold may show")
    docs = fold_docs(a.index, a.fold)
    if a.db:
        assign, records = from_store(a.db)
        print(f"store {a.db} ({a.fold}): " + score(a.gold, assign, records, docs, a.scorer,
                                                  a.explain))
        return 0
    records = load_records(a.records)
    vecs = (None if a.no_embed else stored_vectors(a.vectors_from) if a.vectors_from
            else embed_all(records))
    seeds: list[int | None] = [None, *range(1, a.shuffles + 1)]
    for seed in seeds:
        assign = in_memory(records, seed, vecs)
        out = score(a.gold, assign, records, docs, a.scorer, a.explain and seed is None)
        label = "file order" if seed is None else f"shuffle {seed}"
        line = out if seed is None else re.sub(r"\n(FP|FN).*", "", out)
        print(f"{label} ({a.fold}): {line}", end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
