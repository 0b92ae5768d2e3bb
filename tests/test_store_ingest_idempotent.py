"""Re-ingesting the same articles adds nothing, whatever their whitespace."""

from __future__ import annotations

import json
from pathlib import Path

from pactwatch.store import open_store
from pactwatch.store.synthetic import synthetic_records, write_jsonl


def _table_counts(store) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with store.read() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("articles", "events", "evidence", "event_entities", "stories",
                          "story_members", "entities", "entity_aliases", "mentions")}


def test_store_reingest_same_file_adds_nothing(tmp_path: Path) -> None:
    src = tmp_path / "recs.jsonl"
    write_jsonl(str(src), 30)
    store = open_store(str(tmp_path / "s.db"))
    first = store.ingest([str(src)])
    assert (first.stored, first.unchanged, first.failed) == (30, 0, [])
    before = _table_counts(store)
    again = store.ingest([str(src)])
    assert (again.stored, again.unchanged, again.events) == (0, 30, 0)
    assert _table_counts(store) == before
    assert before["articles"] == 30 and before["events"] == 60


def test_store_same_body_other_whitespace_is_the_same_article(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    rec = next(synthetic_records(1))
    assert store.ingest(records=[rec]).stored == 1
    twin = json.loads(json.dumps(rec))
    twin["body"] = "  " + rec["body"].replace(" ", "  \n") + "\n\n"
    twin["doc"] = "another-name.txt"  # a copy saved under another name is still a copy
    rep = store.ingest(records=[twin])
    assert (rep.stored, rep.unchanged) == (0, 1)
    assert store.counts()["articles"] == 1


def test_store_record_without_body_dedupes_by_content(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    rec = next(synthetic_records(1))
    rec.pop("body")
    assert store.ingest(records=[rec, dict(rec)]).stored == 1
    assert store.counts()["articles"] == 1
