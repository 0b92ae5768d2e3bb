"""A new version of an article (same URL, other body) replaces the old one."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from pactwatch.store import open_store
from pactwatch.store.synthetic import synthetic_record


def test_store_new_version_of_url_replaces_old(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    old = synthetic_record(0)
    other = synthetic_record(1)  # same happening, another outlet: shares its stories
    assert store.ingest(records=[old, other]).stored == 2
    before = store.events()
    assert sorted(before["n_mentions"]) == [2, 2]  # two happenings, both in both articles
    new = json.loads(json.dumps(old))
    new["body"] = old["body"] + " Updated: the plant will open next year."
    new["events"] = new["events"][:1]  # the update dropped one event
    new["events"][0]["amount"] = {"value": 99_000_000_000, "currency": "INR"}
    rep = store.ingest(records=[new])
    assert (rep.stored, rep.replaced) == (1, 1)
    with store.read() as conn:
        rows = conn.execute(text("SELECT id, body FROM articles WHERE url = :u"),
                            {"u": old["url"]}).all()
        assert len(rows) == 1 and rows[0].body.endswith("next year.")
        n_events = conn.execute(text("SELECT count(*) FROM events WHERE article_id = :a"),
                                {"a": rows[0].id}).scalar_one()
        orphans = conn.execute(text(
            "SELECT count(*) FROM story_members m LEFT JOIN events e ON e.id = m.event_id "
            "WHERE e.id IS NULL")).scalar_one()
        empty = conn.execute(text(
            "SELECT count(*) FROM stories s WHERE NOT EXISTS "
            "(SELECT 1 FROM story_members m WHERE m.story_id = s.id)")).scalar_one()
    assert n_events == 1 and orphans == 0 and empty == 0
    assert store.counts()["articles"] == 2
    after = store.events()
    # the dropped event's story keeps only the other article's mention
    assert sorted(after["n_mentions"]) == [1, 2]
    shared = after[after["n_mentions"] == 2].iloc[0]
    assert sorted(shared["sources"]) == ["dailyledger.example", "indiawire.example"]
    figures = {(a["source"], a["value"]) for a in shared["amounts"]}
    assert figures == {("dailyledger.example", 99_000_000_000),
                       ("indiawire.example", 1_000_000_000)}  # the old figure is gone
    assert shared["disagree"] == ["amount"]
    # re-ingesting the old version brings it back as the current one (it is "newer")
    assert store.ingest(records=[old]).replaced == 1
