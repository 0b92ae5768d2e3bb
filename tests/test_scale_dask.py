"""Extraction on Dask: a LocalCluster of 2 worker processes writes the records one
process writes, exactly once even when a worker is killed mid-partition; re-runs skip
what is done; Parquet shards are the record, and ``ingest`` stores them.

Inputs are generated from the team corpus (a folder of its articles plus generated
off-topic news, and a WARC.gz of its English articles as HTML pages).
"""

from __future__ import annotations

import html
import io
import json
import os
import random
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest

from pactwatch.read import read_paths
from pactwatch.read.base import Document
from pactwatch.scale.dask import Options, _extractor, client_for, plan, run
from pactwatch.scale.shards import read_shard, record_to_row, row_to_record, shard_files
from pactwatch.scale.synthetic import offtopic_article

CORPUS = Path(__file__).parent / "corpus" / "articles"


def _folder(dst: Path) -> Path:
    dst.mkdir()
    for f in sorted(CORPUS.glob("*.txt")):
        shutil.copy(f, dst / f.name)
    rng = random.Random(5)
    for i in range(6):
        title, text = offtopic_article(rng)
        (dst / f"off{i:02d}_en.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
    return dst


def _warc(path: Path) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, f in enumerate(sorted(CORPUS.glob("c0*_en.txt"))):
            lines = [x for x in f.read_text(encoding="utf-8").splitlines()
                     if x.strip() and not x.startswith("date ")]
            page = (f"<html lang='en'><head><title>{html.escape(lines[0])}</title></head>"
                    f"<body><nav>Home | Business</nav><article>"
                    + "".join(f"<p>{html.escape(x)}</p>" for x in lines[1:])
                    + "</article></body></html>").encode()
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example.in/story/{i}", "response", payload=io.BytesIO(page),
                http_headers=http))
    return path


def _records(out: Path) -> dict[str, dict]:
    recs: dict[str, dict] = {}
    for shard in shard_files([str(out)]):
        for rec in read_shard(shard):
            rec.pop("body", None)
            assert rec["doc"] not in recs, f"{rec['doc']} written twice"
            recs[rec["doc"]] = rec
    return recs


def _lines(recs: dict[str, dict]) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in recs.values())


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    base = tmp_path_factory.mktemp("in")
    return [str(_folder(base / "folder")), str(_warc(base / "news.warc.gz"))]


@pytest.fixture(scope="module")
def client() -> object:
    with client_for("local:2") as c:  # the cluster ``extract --dask local:2`` starts
        yield c


def test_scale_dask_local_workers_start_with_the_models_loaded(client: object) -> None:
    # forked from a server that loaded them once: no worker loads them on its first task
    def loaded() -> tuple[bool, bool]:
        from pactwatch.recognise import english_nlp, japanese_nlp
        from pactwatch.scale import dask as d

        return ("extractor", (), True) in d._CACHE, (
            english_nlp.cache_info().currsize > 0 and japanese_nlp.cache_info().currsize > 0)

    got = client.run(loaded)  # type: ignore[attr-defined]
    assert len(got) == 2 and all(v == (True, True) for v in got.values())


def test_scale_dask_two_workers_write_the_single_process_records(
        inputs: list[str], client: object, tmp_path: Path) -> None:
    parts, errors = plan(inputs, files_per_partition=5)
    n_files = sum(1 for _ in Path(inputs[0]).iterdir())
    assert not errors and len(parts) == -(-n_files // 5) + 1  # groups of 5, and the archive
    two = run(inputs, Options(out=str(tmp_path / "two")), client=client,
              files_per_partition=5)
    one = run(inputs, Options(out=str(tmp_path / "one")), files_per_partition=5)
    n_docs = sum(1 for d in read_paths(inputs) if isinstance(d, Document))
    assert not two.failed and two.articles == one.articles == n_docs
    assert 0 < two.relevant == one.relevant < two.articles
    # 1 worker (this process) and 2 worker processes: byte-identical records
    got = _records(tmp_path / "two")
    assert _lines(got) == _lines(_records(tmp_path / "one"))
    # and equal to what plain single-process extraction gives
    ex = _extractor((), True)
    plain = {r.doc: r.to_dict() for r in ex.extract_documents(
        d for d in read_paths(inputs) if isinstance(d, Document))}
    assert got == plain
    # a re-run skips every partition
    again = run(inputs, Options(out=str(tmp_path / "two")), client=client,
                files_per_partition=5)
    assert again.skipped == len(parts) and again.extracted == 0 and again.articles == n_docs


def test_scale_dask_worker_killed_mid_partition_every_article_once(
        client: object, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for k in range(3):  # 24 English articles that all reach the language model
        for f in sorted(CORPUS.glob("c0[1-6]_en.txt")) + sorted(CORPUS.glob("c0[78]_en.txt")):
            shutil.copy(f, src / f"{k}_{f.name}")
    out = tmp_path / "out"
    opt = Options(out=str(out), prefilter=False)
    result: dict[str, object] = {}
    th = threading.Thread(target=lambda: result.setdefault(
        "summary", run([str(src)], opt, client=client, files_per_partition=8)))
    th.start()
    killed = None
    deadline = time.monotonic() + 300
    while killed is None and th.is_alive() and time.monotonic() < deadline:
        for tmp in out.glob(".part-*.tmp-*"):  # a shard being written: its worker's pid
            pid = int(tmp.name.rsplit("-", 1)[1])
            os.kill(pid, signal.SIGKILL)
            killed = pid
            break
        time.sleep(0.005)
    th.join(timeout=600)
    assert killed is not None, "no partition was caught mid-way"
    summary = result["summary"]
    assert summary.articles == 24 and not summary.failed  # type: ignore[attr-defined]
    recs = _records(out)  # asserts no doc twice
    assert len(recs) == 24
    assert not list(out.glob(".part-*")) and not list(out.glob("_manifest/.part-*"))


def test_scale_dask_rerun_redoes_only_changed_partitions(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    rng = random.Random(11)
    for i in range(6):  # off-topic news: the cascade answers without the models
        (src / f"n{i}.txt").write_text(offtopic_article(rng)[1], encoding="utf-8")
    opt = Options(out=str(tmp_path / "out"), fmt="jsonl")
    first = run([str(src)], opt, files_per_partition=2)
    assert (first.partitions, first.skipped, first.articles) == (3, 0, 6)
    os.utime(src / "n0.txt")  # touched, same content: still done
    assert run([str(src)], opt, files_per_partition=2).skipped == 3
    (src / "n3.txt").write_text("Changed text about the weather.", encoding="utf-8")
    third = run([str(src)], opt, files_per_partition=2)
    assert (third.skipped, third.extracted, third.articles) == (2, 2, 6)
    (src / "n5.txt").unlink()  # a removed input: its partition's shard goes
    fourth = run([str(src)], opt, files_per_partition=2)
    assert fourth.articles == 5 and len(shard_files([opt.out])) == 3


def test_scale_dask_parquet_row_is_the_record() -> None:
    rec = {"schema": "article/1", "doc": "d", "lang": "en", "published": None,
           "dateline": {"place": "Pune", "agencies": ["PTI"]}, "relevant": True,
           "title": None, "url": None,
           "entities": [{"id": "x", "name": "X", "type": "ORG", "kind": "company",
                         "country": None, "titles": [], "mentions": [
                             {"start": 0, "end": 1, "text": "X"}], "new_key": [1]}],
           "events": [{"type": "investment", "participants": ["X"], "place": None,
                       "date": None, "status": "planned", "sectors": [],
                       "amount": {"value": 5000000000, "currency": "INR"}, "jobs": 3,
                       "count": None, "evidence": []}],
           "figures": [{"value": 2.5, "unit": "percent", "about": "share"}],
           "future": {"a": 1}}
    back = row_to_record(record_to_row(rec, "body text"))
    assert back.pop("body") == "body text"
    assert back == rec


def test_scale_dask_cli_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                       ) -> None:
    from pactwatch.cli import main

    assert main(["extract", str(tmp_path), "--dask", "local:1"]) == 2
    assert "-o DIR" in capsys.readouterr().err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["extract", str(tmp_path), "--dask", "local:1", "-o",
                 str(tmp_path / "file")]) == 2
    assert "not a folder" in capsys.readouterr().err
