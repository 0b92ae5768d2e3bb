"""The HTTP API gives the same answers from SQLite and from PostgreSQL.

Both stores get the same synthetic records (English, Hindi, Japanese; several outlets
per happening, some figures disagreeing) through the same ingest; then every endpoint
is asked the same questions on a real PostgreSQL server (``conftest.pg_server``) and
on SQLite, and the JSON must match.  Cursor pages must walk the whole list once, in
the stable order, and the streamed exports must hold every row.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
from fastapi.testclient import TestClient

from pactwatch.serve import create_app
from pactwatch.store import open_store
from pactwatch.store.ingest import Ingestor
from pactwatch.store.synthetic import synthetic_records

EVENT_QUERIES: list[dict[str, Any]] = [
    {}, {"country": "JP"}, {"state": "गुजरात"}, {"state": "タミル・ナドゥ州"},
    {"entity": "青葉自動車"}, {"type": "investment,facility"}, {"sector": "steel"},
    {"status": "planned"}, {"since": "2020", "until": "2021-06"}, {"lang": "ja"},
    {"entity": "Aoba Motors", "sector": "automotive", "lang": "en"},
    {"entity": "nobody at all"},
]


def _client(url: str) -> TestClient:
    store = open_store(url)
    ing = Ingestor(store, embedder=None, report=lambda line: None)  # stories without model
    for rec in synthetic_records(80):
        ing.ingest_record(rec)
    assert ing.report.stored == 80 and not ing.report.failed
    return TestClient(create_app(store, token=""))


def _all_pages(c: TestClient, params: dict[str, Any], limit: int) -> list[dict]:
    out: list[dict] = []
    cursor = None
    for _ in range(1000):
        r = c.get("/api/v1/events", params={**params, "limit": limit,
                                             **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        out += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            return out
    raise AssertionError("the cursor never ended")


def test_serve_api_answers_alike_on_sqlite_and_postgres(tmp_path: Path, pg_url: str) -> None:
    lite, pg = _client(str(tmp_path / "s.db")), _client(pg_url)
    checked = 0
    for params in EVENT_QUERIES:
        a = _all_pages(lite, params, 7)
        b = _all_pages(pg, params, 7)
        assert a == b, f"/events {params} differs"
        whole = lite.get("/api/v1/events", params={**params, "limit": 200}).json()["items"]
        assert [r["story"] for r in a] == [r["story"] for r in whole], "pages ≠ one page"
        assert len({r["story"] for r in a}) == len(a), "a story came twice"
        keys = [(r["date_hi"] or "", r["story"]) for r in a]
        assert keys == sorted(keys, reverse=True), "not newest first"
        for path in ("/api/v1/timeline",):
            assert lite.get(path, params=params).json() == pg.get(path, params=params).json()
        checked += len(a)
    assert checked > 100
    assert _all_pages(lite, {"entity": "nobody at all"}, 5) == []

    stories = [r["story"] for r in _all_pages(lite, {}, 200)]
    disagreeing = 0
    for sid in stories[:40]:
        a, b = lite.get(f"/api/v1/stories/{sid}").json(), pg.get(f"/api/v1/stories/{sid}").json()
        assert a == b, f"story {sid} differs"
        disagreeing += bool(a["disagree"])
        for rep in a["reports"]:
            for m in rep["mentions"]:
                for ev in m["evidence"]:
                    assert ev["end"] >= ev["start"] >= 0
    assert disagreeing, "the synthetic data has stories whose figures disagree"

    for q in ("Motors", "आओबा", "青葉", "gujarat"):
        a = lite.get("/api/v1/entities", params={"q": q}).json()
        assert a == pg.get("/api/v1/entities", params={"q": q}).json() and a["items"], q
    for eid in ("co:aoba-motors", "in-state:GJ", "आओबा मोटर्स"):
        a, b = lite.get(f"/api/v1/entities/{eid}"), pg.get(f"/api/v1/entities/{eid}")
        assert a.status_code == b.status_code == 200
        assert a.json() == b.json()
        assert {al["script"] for al in a.json()["aliases"]} >= {"Latin", "Devanagari"}
        assert a.json()["partners"] and a.json()["timeline"]
    for q in ("Motors", "青葉", "निवेश", '"new plant"', "no such words"):
        assert lite.get("/api/v1/search", params={"q": q}).json() == \
            pg.get("/api/v1/search", params={"q": q}).json(), q
    assert lite.get("/api/v1/partners").json() == pg.get("/api/v1/partners").json()
    assert lite.get("/api/v1/partners").json()["cells"]

    for what in ("events", "entities"):
        for fmt in ("csv", "jsonl"):
            a = lite.get("/api/v1/export", params={"what": what, "format": fmt})
            b = pg.get("/api/v1/export", params={"what": what, "format": fmt})
            assert a.status_code == 200 and a.content == b.content, (what, fmt)
    n_stories = len(stories)
    lines = lite.get("/api/v1/export", params={"what": "events", "format": "jsonl"}).text
    assert len(lines.splitlines()) == n_stories
    pq_bytes = lite.get("/api/v1/export", params={"what": "events", "format": "parquet"}).content
    table = pq.read_table(io.BytesIO(pq_bytes))
    assert table.num_rows == n_stories and table.column_names[0] == "story"
    arts = lite.get("/api/v1/export", params={"what": "articles", "format": "jsonl"}).text
    recs = [json.loads(x) for x in arts.splitlines()]
    assert len(recs) == 80 and all(r["schema"] == "article/1" and r["body"] for r in recs)
