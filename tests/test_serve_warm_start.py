"""``pactwatch serve`` warms up before it listens: the first visitor of the overview
does not wait for the unfiltered timeline (every story counted) nor for the knowledge
base's names to load; an ingest still makes the warmed timeline stale."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from pactwatch.serve import create_app
from pactwatch.store import open_store
from pactwatch.store import query as q
from pactwatch.store.ingest import Ingestor
from pactwatch.store.synthetic import synthetic_records


def test_serve_warm_start_fills_the_overview_timeline(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(str(tmp_path / "s.db"))
    ing = Ingestor(store, embedder=None, report=lambda line: None)
    for rec in synthetic_records(12):
        ing.ingest_record(rec)
    app = create_app(store, token="")
    app.state.warm()
    assert q._kb_names.cache_info().currsize == 1

    def not_again(*a: object, **k: object) -> list:
        raise AssertionError("the overview counted its timeline again")

    monkeypatch.setattr(q, "story_months", not_again)
    client = TestClient(app)
    page = client.get("/")
    assert page.status_code == 200 and "<svg" in page.text
    for rec in synthetic_records(1, start=500):  # new data: the warmed answer is stale
        ing.ingest_record(rec)
    with pytest.raises(AssertionError, match="counted its timeline again"):
        client.get("/")
