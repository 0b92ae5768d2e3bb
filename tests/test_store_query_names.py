"""Names in filters and ``entity`` work in any script, even one no stored article used."""

from __future__ import annotations

from pathlib import Path

from pactwatch.store import open_store


def _english_only(doc: str, url: str) -> dict:
    body = "The Uttar Pradesh government signed an MoU with Kiso Components in Lucknow."
    return {
        "schema": "article/1", "doc": doc, "lang": "en", "published": "2025-11-02",
        "url": url, "title": None, "body": body,
        "entities": [{"id": "in-state:UP", "name": "Uttar Pradesh", "type": "PLACE",
                      "kind": "state", "country": "IN", "titles": [],
                      "mentions": [{"start": 4, "end": 17, "text": "Uttar Pradesh"}]}],
        "events": [{"type": "agreement", "participants": ["Uttar Pradesh", "Kiso Components"],
                    "place": None, "date": "2025-11-01", "status": "signed", "sectors": [],
                    "amount": None, "jobs": None, "count": None,
                    "evidence": [{"start": 0, "end": len(body), "text": body}]}],
    }


def test_store_state_filter_in_hindi_and_japanese_finds_english_articles(
        tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    store.ingest(records=[_english_only("e1", "https://a.example/1")])
    for name in ("Uttar Pradesh", "उत्तर प्रदेश", "ウッタル・プラデーシュ州", "in-state:UP"):
        found = store.events(state=name)
        assert list(found["participant_ids"].iloc[0]) == ["in-state:UP", "name:kiso-components"]
    assert store.events(state="Kiso Components").empty  # a company is not a state
    assert len(store.events(entity="kiso components")) == 1  # case and spacing fold
    assert [e["id"] for e in store.entity("उत्तर प्रदेश")] == ["in-state:UP"]
    assert store.entity("no such name anywhere") == []
