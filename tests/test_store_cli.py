"""The store's command line: ingest, events, entity, search, export; exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from pactwatch.cli import main
from pactwatch.store.synthetic import synthetic_records

ARTICLE = (
    "date 2025-03-04 Chennai, Mar 4 (PTI) The Tamil Nadu government on Tuesday signed a "
    "memorandum of understanding with Toyota Kirloskar Motor for a new plant in "
    "Tiruvallur district, Industries Minister T. R. B. Rajaa said.\n"
)


@pytest.fixture()
def db(tmp_path: Path) -> str:
    src = tmp_path / "recs.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                           for r in synthetic_records(24)), encoding="utf-8")
    url = str(tmp_path / "s.db")
    assert main(["ingest", str(src), "--db", url, "--quiet"]) == 0
    return url


def test_store_cli_ingest_bad_items_reported_rest_stored(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    recs = list(synthetic_records(3))
    bad_record = {**recs[2], "events": "not a list"}
    (src / "recs.jsonl").write_text(
        json.dumps(recs[0]) + "\n{broken json\n" + json.dumps(bad_record) + "\n"
        + json.dumps(recs[1]) + "\n", encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "tn.txt").write_text(ARTICLE, encoding="utf-8")  # extracted on the way in
    url = str(tmp_path / "s.db")
    code = main(["ingest", str(src), "--db", url, "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 3 and "Traceback" not in err
    assert any("line 2" in x and "not valid JSON" in x for x in lines)
    assert any("line 3" in x and "'events' is not a list" in x for x in lines)
    assert any("empty.txt" in x for x in lines)
    assert main(["search", "Toyota Kirloskar", "--db", url, "--format", "json"]) == 0
    hits = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [h["doc"] for h in hits] == ["tn.txt"] and hits[0]["n_events"] >= 1
    assert main(["events", "--db", url, "--format", "json", "--limit", "0"]) == 0
    docs = {a["doc"] for x in capsys.readouterr().out.splitlines()
            for a in json.loads(x)["articles"]}
    assert docs == {recs[0]["doc"], recs[1]["doc"], "tn.txt"}


def test_store_cli_events_formats_and_filters(db: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, "--format", "json", "--state", "कर्नाटक"]) == 0
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rows and all("in-state:KA" in r["participant_ids"] for r in rows)
    assert main(["events", "--db", db, "--format", "csv", "--type", "investment"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table and {r["type"] for r in table} == {"investment"}
    assert json.loads(table[0]["sources"])  # lists are JSON inside CSV cells
    assert main(["events", "--db", db]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["story", "type", "status"]
    assert main(["events", "--db", db, "--since", "March"]) == 2
    assert "not a date" in capsys.readouterr().err


def test_store_cli_entity_shows_aliases_in_every_script(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entity", "星野電機", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Hoshino Denki  [co:hoshino-denki]" in out
    assert "hi (Devanagari): होशिनो देन्की" in out and "ja (Han): 星野電機" in out
    assert "Timeline" in out
    assert main(["entity", "星野電機", "--db", db, "--format", "json"]) == 0
    ent = json.loads(capsys.readouterr().out)
    dates = [r["date_lo"] for r in ent["timeline"]]
    assert dates == sorted(dates) and len(dates) > 1
    assert main(["entity", "No Such Company", "--db", db]) == 1
    assert "no stored entity" in capsys.readouterr().err


def test_store_cli_export_round_trip(db: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    for what in ("events", "entities", "articles"):
        for fmt in ("csv", "jsonl", "parquet"):
            out = tmp_path / f"{what}.{fmt}"
            assert main(["export", "--db", db, "--what", what, "--format", fmt,
                         "-o", str(out), "--quiet"]) == 0
            assert out.stat().st_size > 0
    ev = pq.read_table(tmp_path / "events.parquet").to_pylist()
    assert ev and all(r["sources"] and r["evidence"] for r in ev)
    assert len(pq.read_table(tmp_path / "articles.parquet")) == 24
    # an articles export in JSON Lines is ingested back without re-extraction
    copy = str(tmp_path / "copy.db")
    assert main(["ingest", str(tmp_path / "articles.jsonl"), "--db", copy, "--quiet"]) == 0
    capsys.readouterr()
    for url in (db, copy):
        assert main(["export", "--db", url, "--what", "events", "--format", "jsonl",
                     "-o", str(tmp_path / f"ev-{Path(url).stem}.jsonl"), "--quiet"]) == 0
    assert (tmp_path / "ev-s.jsonl").read_text() == (tmp_path / "ev-copy.jsonl").read_text()


def test_store_cli_bad_database_is_a_usage_error(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "x.jsonl", "--db", str(tmp_path / "no" / "such" / "dir.db")]) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(["events", "--db", str(tmp_path / "missing.db")]) == 2
    assert "there is no store at" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()
    assert main(["events", "--db", "mysql://x@y/z"]) == 2
    assert "SQLite or PostgreSQL" in capsys.readouterr().err


def test_store_cli_ingest_without_embedding_stores_no_vectors(tmp_path: Path) -> None:
    import sqlite3

    src = tmp_path / "recs.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                           for r in synthetic_records(4)), encoding="utf-8")
    url = str(tmp_path / "n.db")
    assert main(["ingest", str(src), "--db", url, "--quiet", "--no-embed"]) == 0
    con = sqlite3.connect(url)
    n_events, n_vectors = con.execute(
        "SELECT count(*), count(vector) FROM events").fetchone()
    assert n_events > 0 and n_vectors == 0
