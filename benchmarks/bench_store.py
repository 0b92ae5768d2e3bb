"""Speed of the store: ingest rate, filtered event queries and full-text search.

    .venv/bin/python benchmarks/bench_store.py [--articles 100000] [--events 1000000]
                                               [--db URL] [--keep DIR]

Reports:
- ingest rate into SQLite (or ``--ingest-db``) of ``--articles`` synthetic records (not
  extraction: ``pactwatch.store.synthetic``, 2 events each), through the real ingest
  (one transaction per article; stories by ``pactwatch.store.stories``, or by the
  ingest's fallback rule while that module is absent);
- median latency of filtered ``events`` queries and of full-text ``search`` on a store
  of ``--events`` event mentions, built with bulk inserts (4 events per article, about
  3 mentions per story), on SQLite or, with ``--db postgresql://...``, PostgreSQL.

Timings are wall-clock medians of repeated runs on a warm cache.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pactwatch.store import Store, open_store  # noqa: E402
from pactwatch.store import schema as s  # noqa: E402
from pactwatch.store.ingest import (  # noqa: E402
    Ingestor,
    date_range,
    entity_id_for,
    fold,
    mention_from_record,
    mention_to_json,
    name_index,
    normalised_hash,
    script_of,
    source_of,
)
from pactwatch.store.synthetic import synthetic_record, synthetic_records  # noqa: E402


def bench_ingest(n: int, folder: Path, url: str | None = None) -> dict[str, float]:
    if url is None:
        db = folder / "ingest.db"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
        url = str(db)
    store = open_store(url)
    if store.counts()["articles"]:
        raise SystemExit(f"{store.display_url} is not empty: the ingest benchmark needs "
                         "an empty store")
    # the sentence embedding is measured by bench_stories.py; here the store itself
    ing = Ingestor(store, report=lambda line: None, embedder=None)
    t0 = time.perf_counter()
    step = max(1, n // 10)
    for i, rec in enumerate(synthetic_records(n)):
        ing.ingest_record(rec, item=rec["doc"])
        if (i + 1) % step == 0:
            el = time.perf_counter() - t0
            print(f"  ingested {i + 1:>7} articles in {el:6.1f} s ({(i + 1) / el:,.0f}/s)",
                  flush=True)
    el = time.perf_counter() - t0
    rep = ing.report
    assert rep.stored == n and not rep.failed, rep.summary()
    store.close()
    return {"articles": n, "seconds": el, "articles_per_s": n / el,
            "events_per_s": rep.events / el, "stories": rep.stories_new}


def build_bulk(store: Store, n_events: int, per_article: int = 4) -> int:
    """A store of ``n_events`` events from synthetic records, by bulk inserts (stories
    assigned by happening, as the ingest would), far faster than ingesting them."""
    n_articles = max(1, n_events // per_article)
    stories: dict[tuple[str, str, str], int] = {}
    story_rows: dict[int, dict[str, Any]] = {}
    seen_entities: set[Any] = set()
    aid = eid = 0
    chunk = 2000
    t0 = time.perf_counter()
    for start in range(0, n_articles, chunk):
        rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
            "articles", "entities", "aliases", "events", "event_entities", "event_sectors",
            "evidence", "members", "story_entities")}
        for i in range(start, min(n_articles, start + chunk)):
            rec = synthetic_record(i, events_per_article=per_article)
            aid += 1
            body = rec.pop("body")
            rows["articles"].append({
                "id": aid, "doc": rec["doc"], "url": rec["url"], "source": source_of(rec["url"]),
                "content_hash": normalised_hash(body), "lang": rec["lang"],
                "title": rec["title"], "published": rec["published"], "dateline_place": None,
                "relevant": True, "body": body, "record": json.dumps(rec, ensure_ascii=False),
                "ingested_at": "2026-01-01T00:00:00Z"})
            for e in rec["entities"]:
                if e["id"] not in seen_entities:
                    seen_entities.add(e["id"])
                    rows["entities"].append({k: e[k] for k in ("id", "name", "type", "kind",
                                                               "country")})
                for alias, lang in ((e["name"], "en"), (e["mentions"][0]["text"], rec["lang"])):
                    if (e["id"], alias, lang) not in seen_entities:
                        seen_entities.add((e["id"], alias, lang))
                        rows["aliases"].append({"entity_id": e["id"], "alias": alias,
                                                "lang": lang, "script": script_of(alias),
                                                "key": fold(alias)})
            names = name_index(rec)
            for k, ev in enumerate(rec["events"]):
                eid += 1
                m = mention_from_record(rec, k, str(aid))
                lo, hi = date_range(ev["date"]) or (None, None)
                amount = ev["amount"]
                rows["events"].append({
                    "id": eid, "article_id": aid, "idx": k, "key": m.key, "type": ev["type"],
                    "status": ev["status"], "place_id": entity_id_for(ev["place"], names),
                    "place": ev["place"], "date": ev["date"], "date_lo": lo, "date_hi": hi,
                    "amount_value": float(amount["value"]) if amount else None,
                    "amount_currency": amount["currency"] if amount else None,
                    "jobs": ev["jobs"], "count": None, "sectors": json.dumps(ev["sectors"]),
                    "mention": mention_to_json(m), "vector": None})
                ids = [entity_id_for(p, names) for p in ev["participants"]]
                for j, (p, pid) in enumerate(zip(ev["participants"], ids, strict=True)):
                    rows["event_entities"].append({"event_id": eid, "role": "participant",
                                                   "position": j, "entity_id": pid, "name": p})
                rows["event_entities"].append({"event_id": eid, "role": "place", "position": 0,
                                               "entity_id": ids[-1], "name": ev["place"]})
                rows["event_sectors"].extend({"event_id": eid, "sector": x}
                                             for x in ev["sectors"])
                rows["evidence"].extend({"event_id": eid, "position": j,
                                         "start_offset": sp["start"], "end_offset": sp["end"],
                                         "text": sp["text"]}
                                        for j, sp in enumerate(ev["evidence"]))
                key = (ev["type"], ev["date"], ",".join(sorted(ids)))
                sid = stories.get(key)
                if sid is None:
                    sid = stories[key] = len(stories) + 1
                    story_rows[sid] = {"id": sid, "type": ev["type"], "date_lo": lo,
                                       "date_hi": hi, "n_members": 0, "centroid": None,
                                       "created_at": "", "updated_at": ""}
                    rows["story_entities"].extend(
                        {"entity_id": x, "story_id": sid, "type": ev["type"], "date_lo": lo,
                         "date_hi": hi} for x in sorted(set(ids)))
                story_rows[sid]["n_members"] += 1
                rows["members"].append({"event_id": eid, "story_id": sid})
        with store.write() as conn:
            for table, key in ((s.articles, "articles"), (s.entities, "entities"),
                               (s.entity_aliases, "aliases"), (s.events, "events"),
                               (s.event_entities, "event_entities"),
                               (s.event_sectors, "event_sectors"), (s.evidence, "evidence")):
                if rows[key]:
                    conn.execute(table.insert(), rows[key])
        pending = {r["story_id"] for r in rows["members"]}
        with store.write() as conn:  # stories before their members (foreign keys)
            new = [story_rows[x] for x in sorted(pending)]
            existing = {r for (r,) in conn.execute(
                s.stories.select().with_only_columns(s.stories.c.id)
                .where(s.stories.c.id.in_([x["id"] for x in new])))}
            fresh = [x for x in new if x["id"] not in existing]
            if fresh:
                conn.execute(s.stories.insert(), fresh)
            for x in new:
                if x["id"] in existing:
                    conn.execute(s.stories.update().where(s.stories.c.id == x["id"])
                                 .values(n_members=x["n_members"]))
            conn.execute(s.story_members.insert(), rows["members"])
            if rows["story_entities"]:
                conn.execute(s.story_entities.insert(), rows["story_entities"])
        if (start // chunk) % 25 == 0:
            print(f"  built {eid:>8} events in {time.perf_counter() - t0:6.1f} s", flush=True)
    if store.dialect == "postgresql":  # sequences after explicit ids
        with store.write() as conn:
            for table in ("articles", "events", "stories"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))")
            conn.exec_driver_sql("ANALYZE")
    else:
        with store.write() as conn:
            conn.exec_driver_sql("ANALYZE")
    return eid


def median_ms(fn: Any, runs: int) -> tuple[float, int]:
    n = len(fn())  # warm-up, and the size of the answer
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), n


def bench_queries(store: Store, runs: int) -> list[tuple[str, float, int]]:
    cases: list[tuple[str, Any]] = [
        ("events --state Gujarat --type investment --since 1975-01 --until 1975-06",
         lambda: store.events(state="Gujarat", type="investment", since="1975-01",
                              until="1975-06", limit=50)),
        ("events --entity 青葉自動車 --since 1990 --until 1990",
         lambda: store.events(entity="青葉自動車", since="1990", until="1990", limit=50)),
        ("events --entity 'Aoba Motors' --sector automotive",
         lambda: store.events(entity="Aoba Motors", sector="automotive", limit=50)),
        ("events --country JP --status planned",
         lambda: store.events(country="JP", status="planned", limit=50)),
        ("events --type agreement --since 2000 --until 2004",
         lambda: store.events(type="agreement", since="2000", until="2004", limit=50)),
        ("events (no filter, newest 50)", lambda: store.events(limit=50)),
        ("search 'Kawase Steel'", lambda: store.search("Kawase Steel", limit=50)),
        ("search 青葉自動車", lambda: store.search("青葉自動車", limit=50)),
        ("search '\"निवेश करेगी\"'", lambda: store.search('"निवेश करेगी"', limit=50)),
        ("search '\"article 123456\"' (one hit)",
         lambda: store.search('"article 123456"', limit=50)),
    ]
    return [(name, *median_ms(fn, runs)) for name, fn in cases]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100_000, help="records to ingest (0: skip)")
    ap.add_argument("--events", type=int, default=1_000_000,
                    help="events in the query store (0: skip)")
    ap.add_argument("--db", help="query store URL (default: a SQLite file in --keep)")
    ap.add_argument("--ingest-db", help="empty store to ingest into (default: a new SQLite "
                                        "file in --keep)")
    ap.add_argument("--keep", help="folder for the database files (default: a temp folder)")
    ap.add_argument("--runs", type=int, default=15, help="timed runs per query")
    a = ap.parse_args()
    folder = Path(a.keep or tempfile.mkdtemp(prefix="pactwatch-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    if a.articles:
        print(f"ingest: {a.articles} synthetic records into {a.ingest_db or folder}")
        r = bench_ingest(a.articles, folder, a.ingest_db)
        print(f"ingest: {r['articles']} articles in {r['seconds']:.1f} s = "
              f"{r['articles_per_s']:,.0f} articles/s, {r['events_per_s']:,.0f} events/s "
              f"({r['stories']} stories)")
    if a.events:
        url = a.db or str(folder / f"query-{a.events}.db")
        store = open_store(url)
        have = store.counts()["events"]
        if have == 0:
            print(f"build: {a.events} events by bulk insert into {store.display_url}")
            t0 = time.perf_counter()
            n = build_bulk(store, a.events)
            print(f"build: {n} events in {time.perf_counter() - t0:.0f} s")
        else:
            print(f"query store {store.display_url} already has {have} events")
        print(f"store: {store.counts()}")
        print(f"{'query':<72} {'median ms':>10} {'rows':>6}")
        for name, ms, rows in bench_queries(store, a.runs):
            print(f"{name:<72} {ms:>10.1f} {rows:>6}")
        store.close()


if __name__ == "__main__":
    main()
