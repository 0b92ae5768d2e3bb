"""The command line: records out, one line per bad item, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactwatch.cli import main

ARTICLE = (
    "date 2025-03-04 Chennai, Mar 4 (PTI) The Tamil Nadu government on Tuesday signed a "
    "memorandum of understanding with Toyota Kirloskar Motor for a new plant in "
    "Tiruvallur district, Industries Minister T. R. B. Rajaa said.\n"
)


def test_cli_extract_writes_one_record_per_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "a.txt"), "-o", str(out), "--quiet"]) == 0
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 1
    assert recs[0]["doc"] == "a.txt"
    assert recs[0]["published"] == "2025-03-04"
    assert recs[0]["schema"] == "article/1"


def test_cli_bad_items_are_reported_and_good_ones_kept(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (src / "bad.jsonl").write_text('{"id": "x1", "text": "Japan and India met."}\n{oops\n',
                                   encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(src), "-o", str(out), "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    docs = {json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert {"good.txt", "x1"} <= docs
    assert "empty.txt" in err and "bin.txt" in err and "bad.jsonl" in err
    assert "Traceback" not in err
    assert len([line for line in err.splitlines() if line.strip()]) == 3


def test_cli_missing_file_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "nope.txt"), "--quiet"]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_cli_usage_error_exit_2() -> None:
    with pytest.raises(SystemExit) as e:
        main(["extract"])
    assert e.value.code == 2


def test_cli_pretty_shows_events_with_evidence(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(tmp_path / "a.txt"), "--pretty", "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "AGREEMENT" in out
    assert "▸ “" in out and "memorandum of understanding" in out


def test_cli_kb_lookup_any_script(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "lookup", "जापान"]) == 0
    assert "Japan" in capsys.readouterr().out
    assert main(["kb", "lookup", "日本"]) == 0


def test_cli_kb_stats(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["kb", "stats"]) == 0
    out = capsys.readouterr().out
    assert "entries" in out and "PLACE" in out


def test_cli_user_kb_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "mine.yaml"
    kb.write_text("- id: co:acme-seiki\n  name: Acme Seiki\n  type: ORG\n  kind: company\n"
                  "  country: JP\n  aliases: {ja: [アクメ精機]}\n", encoding="utf-8")
    assert main(["kb", "lookup", "アクメ精機", "--kb", str(kb)]) == 0
    assert "Acme Seiki" in capsys.readouterr().out


def test_cli_bad_user_kb_file_is_a_clear_error(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    kb = tmp_path / "bad.yaml"
    kb.write_text("- id: x\n  name: X\n  type: THING\n", encoding="utf-8")
    assert main(["kb", "stats", "--kb", str(kb)]) == 2
    err = capsys.readouterr().err
    assert "bad.yaml" in err and "THING" in err
