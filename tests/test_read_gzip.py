"""Gzip-compressed inputs are read as what they hold; a truncated one is called truncated."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from pactwatch.read import read_paths
from pactwatch.read.base import Document, ReadError

EN = ("Chennai, Mar 4 (PTI) The Tamil Nadu government signed a memorandum of "
      "understanding with a Japanese company for a new plant.")


def _read(*paths: Path) -> list[Document | ReadError]:
    return list(read_paths([str(p) for p in paths]))


def test_read_gzip_each_kind_read_as_what_it_holds(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(f"date 2025-03-04 {EN}".encode()))
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(
        (json.dumps({"id": "j1", "text": EN}) + "\n" + json.dumps({"id": "j2", "text": EN})
         + "\n").encode()))
    (tmp_path / "c.json.gz").write_bytes(gzip.compress(
        json.dumps([{"id": "k1", "text": EN, "published": "2025-05-01"}]).encode()))
    (tmp_path / "d.html.gz").write_bytes(gzip.compress(
        f"<html><head><title>Plant</title></head><body><p>{EN}</p></body></html>".encode()))
    (tmp_path / "e.gz").write_bytes(gzip.compress(EN.encode()))  # kind from the content
    docs = _read(tmp_path)
    assert all(isinstance(d, Document) for d in docs), docs
    by_doc = {d.doc: d for d in docs if isinstance(d, Document)}
    assert set(by_doc) == {"a.txt", "j1", "j2", "k1", "d.html", "e"}
    assert by_doc["a.txt"].published == "2025-03-04" and by_doc["a.txt"].text == EN
    assert by_doc["k1"].published == "2025-05-01"
    assert by_doc["d.html"].title == "Plant" and "Tamil Nadu" in by_doc["d.html"].text


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz", "a.json.gz", "a.html.gz", "a.gz"])
def test_read_gzip_truncated_is_called_truncated(tmp_path: Path, name: str) -> None:
    payload = (json.dumps({"id": "x", "text": EN * 200}) + "\n").encode() * 20
    whole = gzip.compress(payload)
    path = tmp_path / name
    path.write_bytes(whole[: len(whole) - 40])
    errors = [d for d in _read(path) if isinstance(d, ReadError)]
    assert len(errors) == 1
    assert "truncated" in errors[0].reason and "WARC" not in errors[0].reason


def test_read_gzip_jsonl_keeps_lines_before_the_cut(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"id": f"n{i}", "text": f"{EN} Number {i}."}) + "\n"
                    for i in range(2000)).encode()
    whole = gzip.compress(lines)
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(whole[: int(len(whole) * 0.8)])
    out = _read(path)
    assert isinstance(out[-1], ReadError) and "truncated" in out[-1].reason
    assert sum(isinstance(d, Document) for d in out) > 100


def test_read_gzip_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    data = gzip.compress(json.dumps({"id": "s1", "text": EN}).encode())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    docs = list(read_paths(["-"]))
    assert [d.doc for d in docs if isinstance(d, Document)] == ["s1"]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data[:-10])))
    docs = list(read_paths(["-"]))
    assert len(docs) == 1 and isinstance(docs[0], ReadError) and "truncated" in docs[0].reason


def test_read_gzip_over_the_limit_once_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "big.txt.gz"
    path.write_bytes(gzip.compress(EN.encode() * 1000))
    out = list(read_paths([str(path)], max_bytes=10_000))
    assert len(out) == 1 and isinstance(out[0], ReadError)
    assert "over the limit" in out[0].reason and "decompressed" in out[0].reason


def test_read_gzip_ingest_reads_compressed_records_as_records(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An export compressed with gzip is stored as records, not re-extracted; a
    truncated one stores the records before the cut and says it is truncated."""
    from pactwatch.cli import main
    from pactwatch.store import open_store
    from pactwatch.store.synthetic import synthetic_records

    recs = list(synthetic_records(6))
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs).encode()
    (tmp_path / "backup.jsonl.gz").write_bytes(gzip.compress(data))
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(tmp_path / "backup.jsonl.gz"), "--db", db, "--quiet",
                 "--no-embed"]) == 0
    store = open_store(db)
    assert store.counts()["articles"] == 6
    store.close()
    whole = gzip.compress(data)
    (tmp_path / "cut.jsonl.gz").write_bytes(whole[: len(whole) - 30])
    db2 = str(tmp_path / "t.db")
    assert main(["ingest", str(tmp_path / "cut.jsonl.gz"), "--db", db2, "--quiet",
                 "--no-embed"]) == 1
    err = capsys.readouterr().err
    assert "truncated" in err and "Traceback" not in err
    store = open_store(db2)
    assert 1 <= store.counts()["articles"] < 6
    store.close()
