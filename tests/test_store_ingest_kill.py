"""kill -9 in the middle of ``pactwatch ingest``: nothing half-stored, a re-run finishes.

A real subprocess ingests synthetic records; it is killed with SIGKILL as soon as some
articles are committed.  Every stored article must be whole (its event, evidence and
story membership), and running the same command again must store exactly the rest.
Both runs go without the embedding (``--no-embed``): what is tested is the transaction
per article, and embedding 1,200 evidence texts outlasted the re-run's timeout on a
loaded machine.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from pactwatch.store import open_store
from pactwatch.store.synthetic import write_jsonl

N = 1200


def _articles(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _ingest(src: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "pactwatch.cli", "ingest", str(src),
                             "--db", str(db), "--no-embed"], stderr=subprocess.PIPE, text=True)


def test_store_kill_9_mid_ingest_then_rerun_loses_and_doubles_nothing(tmp_path: Path) -> None:
    src, db = tmp_path / "recs.jsonl", tmp_path / "s.db"
    write_jsonl(str(src), N, events_per_article=1)
    proc = _ingest(src, db)
    try:
        deadline = time.monotonic() + 600
        while _articles(db) < 100 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        assert proc.poll() is None, "the ingest ended before it could be killed mid-way"
    finally:
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    stored = _articles(db)
    assert 100 <= stored < N

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        half = conn.execute(
            "SELECT count(*) FROM articles a WHERE (SELECT count(*) FROM events e "
            "WHERE e.article_id = a.id) != 1").fetchone()[0]
        unplaced = conn.execute(
            "SELECT count(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM story_members m "
            "WHERE m.event_id = e.id) OR NOT EXISTS (SELECT 1 FROM evidence v "
            "WHERE v.event_id = e.id)").fetchone()[0]
    assert half == 0 and unplaced == 0

    rerun = _ingest(src, db)
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err
    m = re.search(r"(\d+) stored .* (\d+) unchanged, (\d+) failed", err)
    assert m, err
    assert (int(m[1]), int(m[2]), int(m[3])) == (N - stored, stored, 0)

    with sqlite3.connect(db) as conn:
        one = conn.execute(
            "SELECT count(*), count(DISTINCT doc), count(DISTINCT content_hash) "
            "FROM articles").fetchone()
        events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
        members = conn.execute("SELECT count(*) FROM story_members").fetchone()[0]
    assert one == (N, N, N)
    assert events == members == N
    assert open_store(str(db)).events(limit=None)["n_mentions"].sum() == N
