"""Filtered story listings use the indexes shaped for them, and answer as before.

The web app's latency target (``benchmarks/bench_serve.py``) rests on SQLite choosing
``ix_story_entities_span`` / ``ix_story_entities_type_span`` for "stories of this entity
in this period" and ``ix_stories_type_span`` / ``ix_stories_span`` for a newest-first
walk by type and period, each without reading the table.  A query reshape that loses
the index would only show as a slow benchmark; here ``EXPLAIN QUERY PLAN`` of the very
statements ``story_ids`` runs must name the index.  The candidate-story path must also
answer exactly what the per-mention paths answer (it only narrows where to look).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from pactwatch.store import Store, open_store
from pactwatch.store import query as q
from pactwatch.store.ingest import Ingestor
from pactwatch.store.synthetic import synthetic_records


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    st = open_store(str(Path(tmp_path_factory.mktemp("plan")) / "s.db"))
    ing = Ingestor(st, embedder=None, report=lambda line: None)
    for rec in synthetic_records(120):
        ing.ingest_record(rec)
    assert ing.report.stored == 120
    with st.write() as conn:
        conn.exec_driver_sql("ANALYZE")
    return st


def _plans(store: Store, **filters: Any) -> list[str]:
    """The query plan of every SELECT ``story_ids`` sends, one text per statement."""
    seen: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
             executemany: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", grab)
    try:
        with store.read() as conn:
            q.story_ids(conn, limit=51, **filters)
            plans = []
            for statement, params in seen:
                rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
                plans.append(" | ".join(str(r[-1]) for r in rows))
    finally:
        event.remove(store.engine, "before_cursor_execute", grab)
    return plans


def _uses(plans: list[str], index: str) -> bool:
    return any(f"COVERING INDEX {index} " in p + " " for p in plans)


def test_store_query_plan_entity_in_a_period_reads_the_span_index(store: Store) -> None:
    plans = _plans(store, entity="Aoba Motors", since="2000", until="2000")
    assert _uses(plans, "ix_story_entities_span"), plans
    plans = _plans(store, state="Gujarat", type="investment", since="2000-01", until="2000-06")
    assert _uses(plans, "ix_story_entities_type_span"), plans


def test_store_query_plan_type_and_period_walk_the_stories_index(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(q, "SELECTIVE", -1)  # as on a large store: walk newest first
    plans = _plans(store, type="agreement", since="2000", until="2004")
    assert _uses(plans, "ix_stories_type_span"), plans
    plans = _plans(store)
    assert _uses(plans, "ix_stories_span"), plans


FILTERS: list[dict[str, Any]] = [
    {"entity": "Aoba Motors", "since": "2000", "until": "2000"},
    {"entity": "青葉自動車", "since": "1999-06"},
    {"entity": "co:kawase-steel", "until": "2001-03"},
    {"state": "Gujarat", "type": "investment", "since": "1960-01", "until": "1960-02"},
    {"state": "गुजरात", "type": "agreement,meeting", "sector": "steel", "since": "2000"},
    {"entity": "Aoba Motors", "lang": "ja", "since": "1998", "until": "2002-06"},
    {"state": "Tamil Nadu", "status": "planned", "until": "2000-12"},
]


def test_store_query_plan_candidate_stories_answer_as_mentions_do(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    with store.read() as conn:
        fast = [q.story_ids(conn, **f) for f in FILTERS]
        pages = [q.story_ids(conn, limit=3, after=("2001-01-01", 10**9), **f) for f in FILTERS]
    monkeypatch.setattr(q, "SELECTIVE_STORIES", -1)  # never drive from story_entities
    with store.read() as conn:
        slow = [q.story_ids(conn, **f) for f in FILTERS]
        slow_pages = [q.story_ids(conn, limit=3, after=("2001-01-01", 10**9), **f)
                      for f in FILTERS]
    assert fast == slow
    assert pages == slow_pages
    assert all(fast[:4]), "each of the first four filters finds stories"


def test_store_query_plan_common_search_walks_the_date_index(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many full-text hits: the newest-first walk of ``ix_articles_published`` answers
    what sorting every hit answers (here "many" is forced down to one hit)."""
    words = ["Motors", "青葉", "निवेश", '"new plant"', "Kawase Steel", "Rs 1"]
    with store.read() as conn:
        looked_up = [q.search(conn, w, limit=7) for w in words]
    monkeypatch.setattr(q, "SEARCH_WALK_MIN", 1)
    with store.read() as conn:
        walked = [q.search(conn, w, limit=7) for w in words]
    assert walked == looked_up
    assert sum(len(x) == 7 for x in walked) >= 3
    seen: list[tuple[str, Any]] = []

    def grab(conn: Any, cursor: Any, statement: str, params: Any, context: Any,
             executemany: bool) -> None:
        seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", grab)
    try:
        with store.read() as conn:
            q.search(conn, "Motors", limit=7)
    finally:
        event.remove(store.engine, "before_cursor_execute", grab)
    with store.read() as conn:
        plans = [" | ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + s, p)) for s, p in seen if "ORDER BY" in s]
    assert _uses(plans, "ix_articles_published"), plans


def test_store_query_plan_timeline_from_an_entitys_stories_counts_what_it_lists(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """The overview's timeline of many stories starts from the entity's stories
    (``whole``); its counts are those of the stories the listing gives."""
    monkeypatch.setattr(q, "SELECTIVE", -1)  # as on a large store: no mention driver
    monkeypatch.setattr(q, "SELECTIVE_STORIES", -1)
    checked = 0
    for f in [*FILTERS, {"entity": "Aoba Motors"}, {"state": "Gujarat", "type": "investment"}]:
        with store.read() as conn:
            months = q.story_months(conn, **f)
            listed = q.story_rows(conn, q.story_ids(conn, **f))
        want: dict[tuple[str, str], int] = {}
        for r in listed:
            if r["date_hi"]:
                key = (r["date_hi"][:7], r["type"])
                want[key] = want.get(key, 0) + 1
        assert {(m["month"], m["type"]): m["n"] for m in months} == want, f
        checked += len(listed)
    assert checked > 40


def _pages(store: Store, size: int, **filters: Any) -> list[int]:
    """Every story, a page of ``size`` at a time along the keyset cursor."""
    out: list[int] = []
    after = None
    with store.read() as conn:
        while True:
            ids = q.story_ids(conn, limit=size, after=after, **filters)
            out += ids
            if len(ids) < size:
                return out
            rows = q.story_rows(conn, ids[-1:])
            after = (rows[0]["date_hi"], ids[-1])


def test_store_query_plan_one_entity_walk_pages_as_the_stories_walk(
        store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many stories of one entity: the listing walks ``ix_story_entities_span`` in
    its order (no sort) and gives the pages that walking all stories gives; a second,
    unknown id in the filter turns the entity walk off for the reference."""
    monkeypatch.setattr(q, "SELECTIVE", -1)
    monkeypatch.setattr(q, "SELECTIVE_WITH_WALK", -1)
    monkeypatch.setattr(q, "SELECTIVE_STORIES", -1)
    plans = _plans(store, entity="Aoba Motors", sector="automotive")
    assert _uses(plans, "ix_story_entities_span"), plans
    assert not any("TEMP B-TREE" in p for p in plans), plans
    cases = [("co:aoba-motors", {"sector": "automotive"}), ("in-state:GJ", {"type": "investment"}),
             ("co:kawase-steel", {"since": "2000"}), ("in-state:TN", {"until": "2000-06"}),
             ("co:aoba-motors", {"lang": "hi"}), ("in-state:KA", {})]
    seen = 0
    for eid, extra in cases:
        walked = _pages(store, 3, entity_ids=[eid], **extra)
        reference = _pages(store, 3, entity_ids=[eid, "name:nobody-at-all"], **extra)
        assert walked == reference, (eid, extra)
        seen += len(walked)
    assert seen > 30
