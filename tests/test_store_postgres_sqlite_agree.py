"""PostgreSQL and SQLite give the same answers to the same queries.

Both stores get the same articles (synthetic records in English, Hindi and Japanese, a
replaced version, a record without body, a bad record), through the same code, on a
real PostgreSQL server (``conftest.pg_server``).  Every query and export must match.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from pactwatch.store import Store, open_store, query
from pactwatch.store.synthetic import synthetic_record, synthetic_records


def _load(store: Store) -> list[str]:
    recs = list(synthetic_records(60))
    newer = json.loads(json.dumps(recs[4]))
    newer["body"] += " (corrected)"
    newer["events"][0]["jobs"] = 12345
    bodiless = synthetic_record(61)
    bodiless.pop("body")
    bad = {**synthetic_record(62), "events": [{"type": "visit", "participants": "Gujarat"}]}
    rep = store.ingest(records=[*recs, newer, bodiless, bad, recs[0]])
    assert (rep.stored, rep.replaced, rep.unchanged, len(rep.failed)) == (62, 1, 1, 1)
    return rep.failed


def _plain(df: pd.DataFrame) -> list[dict[str, Any]]:
    return json.loads(df.to_json(orient="records", force_ascii=False))


QUERIES: list[dict[str, Any]] = [
    {}, {"limit": 7}, {"limit": 5, "offset": 3}, {"country": "JP"}, {"country": "Japan"},
    {"state": "Gujarat"}, {"state": "गुजरात"}, {"state": "タミル・ナドゥ州"},
    {"entity": "青葉自動車"}, {"entity": "co:kawase-steel"}, {"type": "investment"},
    {"type": "agreement,meeting"}, {"sector": "steel"}, {"status": "planned"},
    {"since": "2020-02", "until": "2020-03-15"}, {"since": "2020"},
    {"entity": "Aoba Motors", "sector": "automotive", "since": "2020-01-01"},
    {"entity": "nobody at all"},
]
SEARCHES = ["Motors", "青葉", "निवेश", "クロールルピー", '"new plant"', "rs", "GUJARAT plant",
            "雇用", "का", "no such words"]


def test_store_postgres_and_sqlite_agree(tmp_path: Path, pg_url: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    lite = open_store(str(tmp_path / "s.db"))
    pg = open_store(pg_url)
    assert pg.dialect == "postgresql" and lite.dialect == "sqlite"
    assert _load(lite) == _load(pg)
    assert lite.counts() == pg.counts()
    for q in QUERIES:
        a, b = _plain(lite.events(**q)), _plain(pg.events(**q))
        assert a == b, f"events({q}) differ"
        with monkeypatch.context() as mp:  # the plan for broad filters: same answers
            mp.setattr(query, "SELECTIVE", -1)
            assert _plain(lite.events(**q)) == a == _plain(pg.events(**q)), q
    assert len(lite.events()) > 10  # the queries above were not all empty
    assert len(lite.events(state="गुजरात")) == len(lite.events(state="Gujarat")) > 0
    for term in SEARCHES:
        a, b = _plain(lite.search(term, limit=None)), _plain(pg.search(term, limit=None))
        assert a == b, f"search({term!r}) differs"
    assert len(lite.search("青葉", limit=None)) > 0 and len(lite.search("निवेश")) > 0
    for name in ("Aoba Motors", "आओबा मोटर्स", "in-state:GJ", "nobody"):
        ea, eb = lite.entity(name), pg.entity(name)
        assert [{**e, "timeline": _plain(e["timeline"]), "aliases": _plain(e["aliases"])}
                for e in ea] == \
            [{**e, "timeline": _plain(e["timeline"]), "aliases": _plain(e["aliases"])}
             for e in eb]
    for what in ("events", "entities"):
        for fmt in ("jsonl", "csv"):
            pa, pb = tmp_path / f"l.{what}.{fmt}", tmp_path / f"p.{what}.{fmt}"
            assert lite.export(str(pa), format=fmt, what=what) == \
                pg.export(str(pb), format=fmt, what=what) > 0
            assert pa.read_bytes() == pb.read_bytes(), f"{what} {fmt} exports differ"
    lite.close()
    pg.close()


def test_store_postgres_reopen_is_migrated_once(pg_url: str) -> None:
    first = open_store(pg_url)
    rev = first.revision()
    first.close()
    again = open_store(pg_url)
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from pactwatch.store import MIGRATIONS

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    head = ScriptDirectory.from_config(cfg).get_current_head()
    assert again.revision() == rev == head
    assert again.counts() == {"articles": 0, "events": 0, "stories": 0, "entities": 0}
    again.close()
