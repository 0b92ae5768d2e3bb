"""Stories do not depend on ingest order; a late article merges what it proves one;
a trip shows its happenings; the mentions export scores any store.

The records are written for these tests: a Haryana delegation's week in Japan (a visit
reported on three days in English, Hindi and Japanese, an MoU with a parts maker told
three times, a meeting with a ministry), a second state's unrelated MoU, and reports of
one MoU spread over two months so that only a report in between ties them.
"""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest
from sqlalchemy import text

from pactwatch.store import open_store
from pactwatch.store.ingest import Ingestor
from pactwatch.store.stories import StoryIndex, mention_from_record, trip_of

ENTITIES = [
    {"id": "in-state:HR", "name": "Haryana"},
    {"id": "in-state:GJ", "name": "Gujarat"},
    {"id": "person:nayab-singh-saini", "name": "Nayab Singh Saini"},
    {"id": "co:denso", "name": "Denso"},
    {"id": "co:daikin", "name": "Daikin"},
    {"id": "gov:meti", "name": "METI"},
    {"id": "jp-pref:27", "name": "Osaka"},
    {"id": "jp-pref:13", "name": "Tokyo"},
    {"id": "country:JP", "name": "Japan"},
]


def ev(typ: str, parts: list[str], text: str, *, place: str | None = None,
       date: str | None = None, status: str = "completed",
       amount: float | None = None) -> dict:
    return {"type": typ, "participants": parts, "place": place, "date": date,
            "status": status, "sectors": [], "jobs": None, "count": None,
            "amount": {"value": amount, "currency": "INR"} if amount else None,
            "evidence": [{"start": 0, "end": len(text), "text": text}]}


def rec(doc: str, lang: str, published: str | None, events: list[dict]) -> dict:
    body = " ".join(e["evidence"][0]["text"] for e in events)
    return {"schema": "article/1", "doc": doc, "lang": lang, "published": published,
            "url": f"https://news.example/{doc}", "title": doc, "body": body,
            "entities": [{**e, "type": None, "kind": None, "country": None, "titles": [],
                          "mentions": []} for e in ENTITIES],
            "events": events}


TRAVEL = ["Nayab Singh Saini", "Haryana", "Japan"]
DENSO = ["Haryana", "Denso", "Nayab Singh Saini"]

WEEK = [
    rec("mon-en", "en", "2025-10-06", [
        ev("visit", TRAVEL, "Saini began a week-long visit to Japan in Osaka.", place="Osaka"),
        ev("agreement", DENSO, "Haryana signed an MoU with Denso for a Rs 1,200 crore plant.",
           date="2025-10-06", status="signed", amount=1.2e10)]),
    rec("mon-hi", "hi", "2025-10-06", [
        ev("visit", TRAVEL, "मुख्यमंत्री सैनी जापान की यात्रा पर हैं।", place="Japan"),
        ev("agreement", DENSO, "हरियाणा ने डेंसो के साथ 1,200 करोड़ रुपये का समझौता किया।",
           date="2025-10-06", status="signed", amount=1.2e10)]),
    rec("wed-ja", "ja", "2025-10-08", [
        ev("visit", TRAVEL, "サイニ首相は東京を訪問した。", place="Tokyo"),
        ev("meeting", ["Haryana", "Nayab Singh Saini", "METI"],
           "サイニ首相は経済産業省と会談した。", place="Tokyo", date="2025-10-08")]),
    rec("thu-en", "en", "2025-10-09", [
        ev("meeting", ["Haryana", "Nayab Singh Saini", "METI"],
           "Saini met METI officials in Tokyo on Wednesday.", place="Tokyo",
           date="2025-10-08")]),
    rec("gj-en", "en", "2025-10-07", [
        ev("agreement", ["Gujarat", "Daikin"], "Gujarat signed an MoU with Daikin.",
           date="2025-10-07", status="signed")]),
]


def partition(assign: dict[str, int]) -> set[frozenset[str]]:
    """Stories as sets of mention keys: what must not depend on the order."""
    groups: dict[int, set[str]] = {}
    for key, sid in assign.items():
        groups.setdefault(sid, set()).add(key)
    return {frozenset(g) for g in groups.values()}


def in_memory(records: list[dict]) -> set[frozenset[str]]:
    index = StoryIndex()
    for r in records:
        ms = [mention_from_record(r, i, r["doc"]) for i in range(len(r["events"]))]
        index.add_mentions(ms, [None] * len(ms))
    return partition({f"{r['doc']}#{i}": index.story_of(f"{r['doc']}#{i}")
                      for r in records for i in range(len(r["events"]))})


def test_store_stories_same_stories_in_every_ingest_order() -> None:
    expected = in_memory(WEEK)
    assert frozenset({"mon-en#0", "mon-hi#0", "wed-ja#0"}) in expected  # one trip
    assert frozenset({"mon-en#1", "mon-hi#1"}) in expected  # one MoU, two languages
    assert frozenset({"wed-ja#1", "thu-en#0"}) in expected  # one meeting
    assert frozenset({"gj-en#0"}) in expected
    for order in itertools.permutations(WEEK):
        assert in_memory(list(order)) == expected


SPREAD = [  # one MoU reported at the start, middle and end of two months
    rec("early", "en", "2025-09-01", [ev("agreement", DENSO, "Haryana and Denso sign MoU.",
                                         status="signed", amount=1.2e10)]),
    rec("late", "en", "2025-11-05", [ev("agreement", DENSO, "Haryana-Denso MoU recalled.",
                                        status="signed", amount=1.2e10)]),
    rec("middle", "hi", "2025-10-03", [ev("agreement", DENSO, "हरियाणा-डेंसो समझौता।",
                                          status="signed", amount=1.2e10)]),
]


def store_stories(db: str, records: list[dict]) -> tuple[set[frozenset[str]], object]:
    store = open_store(db)
    ing = Ingestor(store, embedder=None, report=lambda _line: None)
    for r in records:
        assert ing.ingest_record(json.loads(json.dumps(r)), item=r["doc"]) == "stored"
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "select a.doc, e.idx, m.story_id from events e join articles a on a.id = "
            "e.article_id join story_members m on m.event_id = e.id").all()
    return partition({f"{d}#{i}": s for d, i, s in rows}), store


def test_store_stories_a_late_report_merges_two_stories_keeping_history(tmp_path: Path) -> None:
    """Reports 65 days apart are not linked; the one between links both: one story."""
    parts, store = store_stories(str(tmp_path / "m.db"), SPREAD)
    assert parts == {frozenset({"early#0", "late#0", "middle#0"})}
    with store.read() as conn:
        merges = conn.exec_driver_sql(
            "select story_id, into_id, article_id from story_merges").all()
        (sid,) = conn.exec_driver_sql("select id from stories").one()
        middle = conn.exec_driver_sql("select id from articles where doc = 'middle'").scalar()
        assert len(merges) == 1 and merges[0][1] == sid and merges[0][2] == middle
        # the old id still leads to the story
        assert trip_of(conn, merges[0][0]) == trip_of(conn, sid)
    store.close()
    # the other order: the middle report first; both others join it, nothing merges
    parts2, store2 = store_stories(str(tmp_path / "m2.db"), [SPREAD[2], *SPREAD[:2]])
    assert parts2 == parts
    with store2.read() as conn:
        assert conn.exec_driver_sql("select count(*) from story_merges").scalar() == 0
    store2.close()


def test_store_stories_store_and_memory_agree_over_shuffles(tmp_path: Path) -> None:
    expected = in_memory(WEEK + SPREAD)
    for seed in range(2):
        order = list(WEEK + SPREAD)
        random.Random(seed).shuffle(order)
        got, store = store_stories(str(tmp_path / f"s{seed}.db"), order)
        store.close()
        assert got == expected


def test_store_stories_postgres_builds_the_same_stories(pg_url: str) -> None:
    """PostgreSQL: the same stories, merges and trips as SQLite (ids from its sequence)."""
    order = [*SPREAD[:2], *WEEK, SPREAD[2]]  # the middle report last: a merge
    got, store = store_stories(pg_url, order)
    try:
        assert got == in_memory(WEEK + SPREAD)
        with store.read() as conn:
            assert conn.execute(text("select count(*) from story_merges")).scalar() == 1
            visit = conn.execute(text(
                "select min(id) from stories where type = 'visit'")).scalar_one()
            assert len(trip_of(conn, visit)["happenings"]) == 2
    finally:
        store.close()


def test_store_stories_a_trip_lists_its_happenings(tmp_path: Path) -> None:
    _parts, store = store_stories(str(tmp_path / "t.db"), WEEK)
    with store.read() as conn:
        def story(doc: str, idx: int) -> int:
            return int(conn.execute(text(
                "select m.story_id from story_members m join events e on e.id = m.event_id "
                "join articles a on a.id = e.article_id where a.doc = :d and e.idx = :i"),
                {"d": doc, "i": idx}).scalar_one())

        visit, mou, meeting = story("mon-en", 0), story("mon-en", 1), story("wed-ja", 1)
        assert trip_of(conn, visit) == {"trip": visit, "happenings": sorted([mou, meeting])}
        assert trip_of(conn, mou)["trip"] == visit
        # Gujarat's MoU was reported on no trip
        assert trip_of(conn, story("gj-en", 0)) == {"trip": None, "happenings": []}
    store.close()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_store_stories_export_mentions_feeds_the_scorer(tmp_path: Path, fmt: str) -> None:
    _parts, store = store_stories(str(tmp_path / "e.db"), WEEK)
    out = tmp_path / f"m.{fmt}"
    n = store.export(str(out), format=fmt, what="mentions")
    assert n == sum(len(r["events"]) for r in WEEK)
    if fmt == "jsonl":
        rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    else:
        import csv

        with out.open(encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
    by = {(r["doc"], int(r["event"])): r for r in rows}
    assert by[("mon-en", 0)]["story"] == by[("wed-ja", 0)]["story"]
    assert by[("mon-en", 0)]["story_type"] == "visit"
    assert by[("gj-en", 0)]["story"] != by[("mon-en", 1)]["story"]
    store.close()
