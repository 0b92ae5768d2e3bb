"""Queries answer while an ingest is writing (SQLite WAL, busy timeout).

The writer runs without the embedding (``--no-embed``): what is tested is the store's
locking, and embedding 500 evidence texts took minutes on a loaded machine, past any
fixed deadline.  The reader polls until the writer ends, however long that takes under
load, and the writer is killed if the test fails."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from pactwatch.store import open_store
from pactwatch.store.synthetic import write_jsonl

N = 500


def test_store_reader_queries_during_ingest(tmp_path: Path) -> None:
    src, db = tmp_path / "recs.jsonl", tmp_path / "s.db"
    write_jsonl(str(src), N, events_per_article=1)
    open_store(str(db)).close()  # created before the writer starts: readers never wait
    proc = subprocess.Popen([sys.executable, "-m", "pactwatch.cli", "ingest", str(src),
                             "--db", str(db), "--quiet", "--no-embed"],
                            stderr=subprocess.PIPE, text=True)
    seen: list[int] = []
    reads_while_writing = 0
    try:
        while True:
            running = proc.poll() is None
            store = open_store(str(db))
            n = store.counts()["articles"]
            stories = store.events(limit=5)
            hits = store.search("Motors", limit=5)
            store.close()
            seen.append(n)
            if running and 0 < n < N:
                reads_while_writing += 1
                assert len(stories) <= 5 and len(hits) <= 5
            if not running:
                break
            time.sleep(0.05)
        _, err = proc.communicate(timeout=600)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert reads_while_writing >= 3, f"only {reads_while_writing} reads overlapped the write"
    assert seen == sorted(seen), "a reader saw the store shrink"
    assert open_store(str(db)).counts()["articles"] == N
