"""POST /api/v1/ingest: absent without PACTWATCH_TOKEN; 401 without a token, 403 with a
wrong one, stored with the right one; a body over the limit gets 413 and stores nothing.
Errors are JSON objects with a ``detail`` sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import jsonl

from pactwatch.serve import create_app
from pactwatch.store import open_store
from pactwatch.store.synthetic import synthetic_record


@pytest.fixture()
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PACTWATCH_NO_EMBED", "1")  # stories matched without the model


def test_serve_ingest_absent_without_token(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PACTWATCH_TOKEN", raising=False)
    c = TestClient(create_app(str(tmp_path / "s.db")))
    r = c.post("/api/v1/ingest", content=jsonl([synthetic_record(1)]),
               headers={"Authorization": "Bearer anything",
                        "Content-Type": "application/x-ndjson"})
    assert r.status_code in (404, 405)
    assert "/api/v1/ingest" not in c.get("/api/v1/openapi.json").json()["paths"]
    assert c.get("/api/v1/stats").json()["articles"] == 0


def test_serve_ingest_token_and_size(tmp_path: Path, no_model: None) -> None:
    store = open_store(str(tmp_path / "s.db"))
    c = TestClient(create_app(store, token="t0ken-xyz", max_body=20_000))
    body = jsonl([synthetic_record(i) for i in range(3)])
    hdr = {"Content-Type": "application/x-ndjson"}

    r = c.post("/api/v1/ingest", content=body, headers=hdr)
    assert r.status_code == 401 and "Bearer" in r.json()["detail"]
    r = c.post("/api/v1/ingest", content=body, headers={**hdr, "Authorization": "Bearer nope"})
    assert r.status_code == 403 and r.json()["detail"]
    assert store.counts()["articles"] == 0

    big = jsonl([synthetic_record(i) for i in range(100, 200)])
    assert len(big) > 20_000
    r = c.post("/api/v1/ingest", content=big,
               headers={**hdr, "Authorization": "Bearer t0ken-xyz"})
    assert r.status_code == 413 and "nothing was stored" in r.json()["detail"]
    assert store.counts()["articles"] == 0

    r = c.post("/api/v1/ingest", content=body,
               headers={**hdr, "Authorization": "Bearer t0ken-xyz"})
    assert r.status_code == 200, r.text
    assert r.json()["stored"] == 3 and r.json()["failed"] == []
    assert store.counts()["articles"] == 3
    again = c.post("/api/v1/ingest", content=body,
                   headers={**hdr, "Authorization": "Bearer t0ken-xyz"})
    assert again.json()["unchanged"] == 3 and store.counts()["articles"] == 3

    # one bad line among good ones: the good article is stored, the bad one reported
    bad = {**synthetic_record(8), "events": [{"type": "visit", "participants": "Gujarat"}]}
    mixed = jsonl([synthetic_record(7), bad])
    r = c.post("/api/v1/ingest", content=mixed,
               headers={**hdr, "Authorization": "Bearer t0ken-xyz"})
    assert r.status_code == 200 and r.json()["stored"] == 1 and len(r.json()["failed"]) == 1
    r = c.post("/api/v1/ingest", content=b"x", headers={"Content-Type": "image/png",
                                                         "Authorization": "Bearer t0ken-xyz"})
    assert r.status_code == 415 and r.json()["detail"]
