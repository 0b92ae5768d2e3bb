"""Many writers on one PostgreSQL: 4 concurrent ``pactwatch ingest`` processes of
overlapping reports give the same stories as one writer (advisory locks on the story
keys, ``pactwatch.scale.pglock``): no duplicate story, no lost event, no failed article.
Run against the real throw-away PostgreSQL cluster of ``tests/conftest.py``."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import text

from pactwatch.scale.pglock import article_keys, lock_key
from pactwatch.scale.synthetic import overlapping_reports
from pactwatch.store import open_store
from pactwatch.store.ingest import entity_id_for, name_index

HAPPENINGS, PER = 24, 4


def _new_db(pg_server: dict[str, str]) -> str:
    import psycopg

    name = "w_" + uuid.uuid4().hex[:12]
    conninfo = (f"host={pg_server['host']} port={pg_server['port']} "
                f"user={pg_server['user']} dbname=postgres")
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return (f"postgresql://{pg_server['user']}@/{name}"
            f"?host={pg_server['host']}&port={pg_server['port']}")


def _ingest(files: list[Path], url: str) -> None:
    procs = [subprocess.Popen([sys.executable, "-m", "pactwatch.cli", "ingest", str(f), "--db", url, "--no-embed", "--quiet"],
                              stderr=subprocess.PIPE, text=True) for f in files]
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err


def _stories(url: str) -> tuple[set[frozenset[str]], int]:
    """Stories as sets of '<doc>#<event>', and the number of events stored."""
    store = open_store(url)
    try:
        with store.read() as conn:
            rows = conn.execute(text(
                "SELECT m.story_id, a.doc, e.idx FROM story_members m "
                "JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id"
            )).all()
            n_events = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    finally:
        store.close()
    by: dict[int, set[str]] = {}
    for sid, doc, idx in rows:
        by.setdefault(sid, set()).add(f"{doc}#{idx}")
    return {frozenset(v) for v in by.values()}, int(n_events)


def _write(path: Path, recs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs),
                    encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def serial(pg_server: dict[str, str], tmp_path_factory: pytest.TempPathFactory
           ) -> set[frozenset[str]]:
    tmp = tmp_path_factory.mktemp("serial")
    url = _new_db(pg_server)
    _ingest([_write(tmp / "all.jsonl", overlapping_reports(HAPPENINGS, PER))], url)
    stories, n_events = _stories(url)
    assert n_events == HAPPENINGS * PER
    assert len(stories) == HAPPENINGS  # one story per happening, each with every report
    return stories


@pytest.mark.parametrize("seed", [1, 2])
def test_scale_pg_four_concurrent_ingests_equal_one(pg_server: dict[str, str],
                                                    serial: set[frozenset[str]],
                                                    tmp_path: Path, seed: int) -> None:
    recs = overlapping_reports(HAPPENINGS, PER)
    random.Random(seed).shuffle(recs)
    # reports of one happening land in different processes, and one article is given
    # to two processes at once (it must be stored once, never fail)
    parts = [recs[i::4] for i in range(4)]
    parts[1].append(parts[0][0])
    files = [_write(tmp_path / f"part{i}.jsonl", p) for i, p in enumerate(parts)]
    url = _new_db(pg_server)
    _ingest(files, url)
    stories, n_events = _stories(url)
    assert n_events == HAPPENINGS * PER  # nothing lost, nothing doubled
    assert stories == serial


def test_scale_pg_lock_keys_cover_story_entities() -> None:
    rec = overlapping_reports(1, 1)[0]
    names = name_index(rec)
    keys = article_keys(rec, "abc", lambda n: entity_id_for(n, names))
    # body hash, URL, and the two entities of the event, sorted, stable across processes
    assert keys == sorted(keys) and len(keys) == 4
    assert lock_key("entity", rec["entities"][0]["id"]) in keys
    assert lock_key("hash", "abc") == lock_key("hash", "abc") != lock_key("hash", "abd")
