"""Stories: one per happening across outlets and languages; figures side by side."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from sqlalchemy import text

from pactwatch.store import open_store
from pactwatch.store.ingest import Ingestor


def _record(doc: str, url: str, lang: str, body: str, amount: float | None,
            jobs: int | None, date: str | None = "2025-10-07", *, name: str) -> dict:
    start = body.index(name)
    return {
        "schema": "article/1", "doc": doc, "lang": lang, "published": "2025-10-08",
        "url": url, "title": body[:40], "body": body,
        "entities": [
            {"id": "in-state:HR", "name": "Haryana", "type": "PLACE", "kind": "state",
             "country": "IN", "titles": [], "mentions": []},
            {"id": "name:kiso-components", "name": "Kiso Components", "type": "ORG",
             "kind": "company", "country": "JP", "titles": ["maker of brake parts"],
             "mentions": [{"start": start, "end": start + len(name), "text": name}]},
        ],
        "events": [{
            "type": "agreement", "participants": ["Haryana", "Kiso Components"],
            "place": None, "date": date, "status": "signed", "sectors": ["auto_components"],
            "amount": {"value": amount, "currency": "INR"} if amount else None,
            "jobs": jobs, "count": None,
            "evidence": [{"start": 0, "end": len(body), "text": body}],
        }],
    }


ARTICLES = [
    _record("a1", "https://first.example/a1", "en",
            "Haryana signed an MoU with Kiso Components for a Rs 500 crore brake plant.",
            5e9, 800, name="Kiso Components"),
    _record("a2", "https://second.example/a2", "hi",
            "हरियाणा ने कीसो कंपोनेंट्स के साथ 600 करोड़ रुपये के संयंत्र का समझौता किया।",
            6e9, 800, name="कीसो कंपोनेंट्स"),
    _record("a3", "https://third.example/a3", "ja",
            "キソ・コンポーネンツはハリヤナ州と覚書を結んだ。", None, 1000, date=None,
            name="キソ・コンポーネンツ"),
    _record("a4", "https://first.example/a4", "en",
            "Months later, Haryana and Kiso Components signed a second agreement.",
            None, None, date="2026-05-02", name="Kiso Components"),
]


def test_store_one_story_per_happening_with_figures_side_by_side(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    rep = store.ingest(records=ARTICLES)
    assert (rep.stored, rep.stories_new, rep.stories_joined) == (4, 2, 2)
    ev = store.events()
    assert len(ev) == 2
    story = ev[ev["n_mentions"] == 3].iloc[0]
    assert story["sources"] == ["first.example", "second.example", "third.example"]
    assert [(a["value"], a["source"]) for a in story["amounts"]] == [
        (5_000_000_000, "first.example"), (6_000_000_000, "second.example")]
    assert [(j["value"], j["source"]) for j in story["jobs"]] == [
        (800, "first.example"), (800, "second.example"), (1000, "third.example")]
    assert story["disagree"] == ["amount", "jobs"]  # never averaged, never dropped
    assert len(story["evidence"]) == 3 and {e["source"] for e in story["evidence"]} == set(
        story["sources"])
    later = ev[ev["n_mentions"] == 1].iloc[0]
    assert later["date"] == "2026-05-02"
    ent = store.entity("कीसो कंपोनेंट्स")
    assert [e["id"] for e in ent] == ["name:kiso-components"]
    assert ent[0]["titles"] == ["maker of brake parts"]
    assert list(ent[0]["timeline"]["date"]) == ["2025-10-07", "2026-05-02"]


class _BagOfCharacters:
    """A deterministic stand-in for the embedding model (the database is real)."""

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 16), dtype=np.float32)
        for i, t in enumerate(texts):
            for ch in t:
                out[i, ord(ch) % 16] += 1
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_store_vectors_and_centroids_are_stored(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    ing = Ingestor(store, embedder=_BagOfCharacters())
    for rec in ARTICLES[:3]:
        ing.ingest_record(rec, item=rec["doc"])
    with store.read() as conn:
        vecs = {eid: np.frombuffer(b, dtype=np.float32) for eid, b in conn.execute(
            text("SELECT id, vector FROM events"))}
        members: dict[int, list[int]] = {}
        for sid, eid in conn.execute(text("SELECT story_id, event_id FROM story_members")):
            members.setdefault(sid, []).append(eid)
        centroids = dict(conn.execute(text("SELECT id, centroid FROM stories")).all())
    assert len(vecs) == 3 and all(v.shape == (16,) for v in vecs.values())
    assert sorted(e for m in members.values() for e in m) == sorted(vecs)
    for sid, eids in members.items():  # whatever the matcher decided, centroids are exact
        mean = np.mean([vecs[e] for e in eids], axis=0)
        assert np.allclose(np.frombuffer(centroids[sid], dtype=np.float32),
                           mean / np.linalg.norm(mean), atol=1e-6)
