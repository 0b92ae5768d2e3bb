"""``ingest`` of Parquet shards (and ``ingest --dask``'s per-partition store step) gives
the store the stories a plain ingest of the same records gives."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import text

from pactwatch.cli import main
from pactwatch.scale.dask import Options, run
from pactwatch.scale.synthetic import overlapping_reports
from pactwatch.store import open_store


def _stories(db: Path) -> set[frozenset[str]]:
    store = open_store(str(db))
    try:
        with store.read() as conn:
            rows = conn.execute(text(
                "SELECT m.story_id, a.doc, e.idx, a.body FROM story_members m "
                "JOIN events e ON e.id = m.event_id JOIN articles a ON a.id = e.article_id"
            )).all()
    finally:
        store.close()
    assert all(r.body for r in rows)  # the shard carried the body to the store
    by: dict[int, set[str]] = {}
    for sid, doc, idx, _body in rows:
        by.setdefault(sid, set()).add(f"{doc}#{idx}")
    return {frozenset(v) for v in by.values()}


def test_scale_ingest_of_parquet_shards_equals_plain_ingest(tmp_path: Path) -> None:
    recs = overlapping_reports(8, 3)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):  # four JSONL inputs, four partitions
        (src / f"r{i}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs[i::4]),
            encoding="utf-8")
    summary = run([str(src)], Options(out=str(tmp_path / "shards")))
    assert summary.articles == 24 and summary.partitions == 4
    assert main(["ingest", str(tmp_path / "shards"), "--db", str(tmp_path / "a.db"),
                 "--no-embed", "--quiet"]) == 0
    assert main(["ingest", str(src), "--db", str(tmp_path / "b.db"), "--no-embed",
                 "--quiet"]) == 0
    stories = _stories(tmp_path / "a.db")
    assert len(stories) == 8 and stories == _stories(tmp_path / "b.db")
    # ingest --dask's store step, in this process: the same stories again
    db = str(tmp_path / "c.db")
    run([str(src)], Options(out=str(tmp_path / "shards2"), db=db, embed=False))
    assert _stories(tmp_path / "c.db") == stories
