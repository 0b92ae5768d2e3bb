"""The papercuts a newcomer met: each one a test.

CSV headers with no hits, one message for empty searches, empty and unknown filters
named with the valid values, help texts with defaults, a plain top-level --help, the
readable record's dateline and unknown countries, and the README's and Makefile's
promises to a newcomer.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
import tomllib
from pathlib import Path

import pytest

from pactwatch.cli import build_parser, main, pretty
from pactwatch.store import open_store
from pactwatch.store.ingest import Ingestor
from pactwatch.store.query import EVENT_COLUMNS, SEARCH_COLUMNS
from pactwatch.store.synthetic import synthetic_records

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "s.db")
    store = open_store(path)
    ing = Ingestor(store, embedder=None)
    for rec in synthetic_records(8):
        ing.ingest_record(rec, item=rec["doc"])
    store.close()
    return path


def test_cli_papercuts_csv_header_without_hits(db: str,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "zzzzqqqq", "--db", db, "--format", "csv"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [list(SEARCH_COLUMNS)]
    assert main(["events", "--db", db, "--format", "csv", "--since", "1900",
                 "--until", "1900"]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [list(EVENT_COLUMNS)]


def test_cli_papercuts_one_message_for_empty_searches(
        db: str, capsys: pytest.CaptureFixture[str]) -> None:
    messages = set()
    for q in ('""', " ", '" "'):
        assert main(["search", q, "--db", db]) == 2
        messages.add(capsys.readouterr().err.strip())
    assert len(messages) == 1 and "at least one word" in messages.pop()


@pytest.mark.parametrize("flag", ["--entity", "--state", "--country", "--type", "--sector",
                                  "--status", "--since"])
def test_cli_papercuts_empty_filter_is_an_error(db: str, flag: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, flag, ""]) == 2
    assert "is empty" in capsys.readouterr().err


@pytest.mark.parametrize(("flag", "valid"), [("--type", "investment"),
                                             ("--status", "signed"),
                                             ("--sector", "semiconductors")])
def test_cli_papercuts_unknown_vocabulary_names_valid_values(
        db: str, flag: str, valid: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--db", db, flag, "nonsense"]) == 2
    err = capsys.readouterr().err
    assert "'nonsense' is not a known" in err and valid in err
    assert main(["events", "--db", db, flag, valid.upper(), "--format", "json"]) == 0


def _help(*argv: str, capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit):
        build_parser().parse_args([*argv, "--help"])
    return capsys.readouterr().out


def test_cli_papercuts_help_texts(capsys: pytest.CaptureFixture[str]) -> None:
    top = _help(capsys=capsys)
    assert "``" not in top and "Exit status" in top
    export = " ".join(_help("export", capsys=capsys).split())
    assert "(default: jsonl)" in export and "(default: events)" in export
    lookup = " ".join(_help("kb", "lookup", capsys=capsys).split())
    assert "--kb KB also load this knowledge-base YAML file" in lookup
    extract = " ".join(_help("extract", capsys=capsys).split())
    assert "--max-chars" in extract and "default 1000000" in extract


def test_cli_papercuts_pretty_dateline_and_unknown_country() -> None:
    rec = {"doc": "a.txt", "lang": "en", "published": None, "relevant": False,
           "dateline": {"place": "Otsu", "agencies": []}, "events": [], "figures": [],
           "entities": [{"type": "ORG", "name": "Acme Seiki", "kind": "company",
                         "country": None, "titles": [], "mentions": []}]}
    out = io.StringIO()
    pretty(rec, out)
    text = out.getvalue()
    assert "    dateline: Otsu\n" in text
    assert "?" not in text and "[company]" in text
    assert all(line == line.rstrip() for line in text.splitlines())


def _readme_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```sh\n(.*?)```", readme, flags=re.S):
        for line in block.splitlines():
            line = line.split("  #")[0].strip()
            if line.startswith(".venv/bin/pactwatch"):
                out.append(shlex.split(line))
    return out


def test_cli_papercuts_readme_inputs_exist_for_a_newcomer() -> None:
    """Every input path a README command reads is in the repository (or is written by
    an earlier README command, or is the shared devset beside it)."""
    written: set[str] = set()
    for argv in _readme_commands():
        cmd = argv[1]
        if "-o" in argv:
            written.add(argv[argv.index("-o") + 1])
        if cmd not in ("extract", "ingest"):
            continue
        args = argv[2:]
        for i, a in enumerate(args):
            if a.startswith("-") or (i and args[i - 1] in ("-o", "--db", "--kb", "--dask", "--shards", "-j",
                                                "--files-per-partition", "--shard-format",
                                                "--max-bytes", "--max-chars")):
                continue
            if a.startswith("../shared/") or a in written:
                continue
            assert (ROOT / a).exists(), f"README: '{' '.join(argv)}' reads {a}, which is missing"


def test_cli_papercuts_make_demo_installs_no_test_extras() -> None:
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo_stamp = re.search(r"^demo: (\S+)", make, flags=re.M)
    assert demo_stamp is not None
    recipe = re.search(rf"^{re.escape(demo_stamp.group(1))}:.*?\n((?:\t.*\n)+)", make, flags=re.M)
    assert recipe is not None and "[test]" not in recipe.group(1)
    test_line = re.search(r"^test: (.*)$", make, flags=re.M)
    assert test_line is not None
    stamps = test_line.group(1).split()
    assert any("[test]" in (re.search(rf"^{re.escape(s)}:.*?\n((?:\t.*\n)+)", make,
                                      flags=re.M) or [""])[0] for s in stamps)


def test_cli_papercuts_licence_is_an_spdx_string() -> None:
    """setuptools warns about ``license = {text = ...}``; an SPDX expression is current."""
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    assert "hypothesis" in " ".join(meta["project"]["optional-dependencies"]["test"])
    json.dumps(meta)  # plain data
