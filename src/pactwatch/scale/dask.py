"""Extraction (and ingest) on a Dask cluster: partitions in, one shard per partition out.

``pactwatch extract --dask ADDRESS|local:N -o DIR`` splits the inputs into partitions
(each archive file — WARC, JSONL, JSON, feed — is one partition; loose files are grouped
``--files-per-partition`` at a time, in sorted order), runs one task per partition on
the cluster and writes ``DIR/part-<id>.parquet`` (or ``.jsonl``) per partition.

- **Models load once per worker process**: the task looks its ``Extractor`` up in a
  per-process cache (the KB, spaCy and GiNZA load on a worker's first partition and
  serve every later one), not once per task.  A ``local:N`` cluster's workers are forked
  from a fork server that loaded them once (``scale/preload.py``), so they start with
  them, in shared pages, and a worker restarted after a kill too.
- **Exactly once**: a shard is written under a temporary name and renamed when complete
  (``shards.ShardWriter``), then its manifest entry ``DIR/_manifest/<id>.json`` is written
  the same way.  A worker killed mid-partition leaves a temporary file; Dask reschedules
  the task on another worker, which writes the whole partition again; the temporary
  files are removed at the end of the run.
- **Re-runs skip what is done**: a partition whose shard and manifest entry exist, and
  whose input files still have the size and mtime (or, when those changed, the sha256)
  the manifest recorded, is not run again.  Shards of partitions no longer in the plan
  (an input was removed) are deleted, so the folder always mirrors the inputs.
- **Independent of the number of workers**: a partition's records depend only on its
  files, so 1 or 20 workers write the same shards.
- ``local:N`` starts a ``distributed.LocalCluster`` of N single-threaded worker
  processes on 127.0.0.1 (no dashboard, no worker profiler, forked from the preloaded
  fork server); an address connects to a running scheduler.

``ingest --dask`` does the same and each task then stores its partition's records in
the store (``--db``) from the worker: SQLite's writers queue; PostgreSQL's use the
advisory locks of ``scale/pglock.py``, so the stories are those of one writer.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from .shards import ShardWriter, read_shard

ARCHIVES = ("warc", "json", "feed")  # kinds (read.kind_of) that hold many articles


@dataclass(frozen=True, slots=True)
class Partition:
    """One task: an archive, or a few loose files."""

    id: str
    files: tuple[str, ...]


@dataclass(slots=True)
class Options:
    """What every task needs to know; sent to the workers with each task."""

    out: str
    fmt: str = "parquet"
    kb_files: tuple[str, ...] = ()
    prefilter: bool = True
    max_bytes: int = 20 * 1024 * 1024
    db: str | None = None  # ingest: store the records there too
    embed: bool = True


@dataclass(slots=True)
class Result:
    """What a task returns (and its manifest entry records)."""

    partition: str
    shard: str
    articles: int = 0
    relevant: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    inputs: list[dict] = field(default_factory=list)
    skipped: bool = False
    store: str | None = None  # ingest: the store the records went to


# --------------------------------------------------------------------------------------
# Planning and the manifest
# --------------------------------------------------------------------------------------

def plan(paths: Sequence[str], files_per_partition: int = 32) -> tuple[list[Partition], list[str]]:
    """Partitions of the inputs (and one error line per input that cannot be read)."""
    from pactwatch.read import _expand, kind_of

    files: list[str] = []
    errors: list[str] = []
    for arg in paths:
        if arg == "-":
            errors.append("-: standard input cannot be split into partitions; "
                          "give files or folders with --dask")
            continue
        for target in _expand(arg):
            if isinstance(target, str):
                files.append(os.path.abspath(target))
            else:
                errors.append(str(target))
    files = sorted(dict.fromkeys(files))
    parts: list[Partition] = []
    loose: list[str] = []
    for f in files:
        if kind_of(f) in ARCHIVES:
            parts.append(_partition([f]))
        else:
            loose.append(f)
    n = max(1, files_per_partition)
    parts += [_partition(loose[i:i + n]) for i in range(0, len(loose), n)]
    return sorted(parts, key=lambda p: p.files), errors


def _partition(files: list[str]) -> Partition:
    h = hashlib.sha256("\n".join(files).encode("utf-8")).hexdigest()[:16]
    return Partition(f"part-{h}", tuple(files))


def _sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _stat(path: str) -> dict:
    try:
        st = os.stat(path)
        return {"path": path, "size": st.st_size, "mtime_ns": st.st_mtime_ns}
    except OSError:
        return {"path": path, "size": None, "mtime_ns": None}


def shard_path(out: str | Path, part: Partition, fmt: str) -> Path:
    return Path(out) / f"{part.id}.{fmt}"


def manifest_path(out: str | Path, part: Partition) -> Path:
    return Path(out) / "_manifest" / f"{part.id}.json"


def is_done(out: str, part: Partition, fmt: str, store: str | None = None) -> bool:
    """Shard and manifest entry exist, the inputs are those the entry recorded and (for
    ingest) the records went to the same store."""
    shard, man = shard_path(out, part, fmt), manifest_path(out, part)
    if not shard.is_file() or not man.is_file():
        return False
    try:
        entry = json.loads(man.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return False
    if entry.get("store") != store:
        return False
    recorded = {i["path"]: i for i in entry.get("inputs") or []}
    if set(recorded) != set(part.files):
        return False
    for f in part.files:
        now, was = _stat(f), recorded[f]
        if now["size"] is None:
            return False
        if (now["size"], now["mtime_ns"]) == (was.get("size"), was.get("mtime_ns")):
            continue
        if now["size"] != was.get("size") or _sha256(f) != was.get("sha256"):
            return False  # touched but equal content counts as done
    return True


def _display(db: str | None) -> str | None:
    """The store as the manifest records it (no password)."""
    if db is None:
        return None
    from pactwatch.store import _display as display

    return display(db)


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


# --------------------------------------------------------------------------------------
# On a worker
# --------------------------------------------------------------------------------------

_CACHE: dict[tuple, Any] = {}  # per worker process: models load once, serve every task


def _extractor(kb_files: tuple[str, ...], prefilter: bool) -> Any:
    key = ("extractor", kb_files, prefilter)
    if key not in _CACHE:
        from pactwatch.pipeline import Extractor

        _CACHE[key] = Extractor(kb_files=kb_files, prefilter=prefilter)
    return _CACHE[key]


def warm(kb_files: tuple[str, ...] = (), prefilter: bool = True) -> bool:
    """Load this process's extractor and both language models now (the fork server of a
    local cluster does, ``scale/preload.py``; ``client.run(warm)`` for other workers), so
    that the first partitions do not pay for them, nor for the modules a partition needs
    (readers, the store's input types, Parquet) and what each language loads on first
    use (``Extractor.warm``)."""
    import pyarrow.parquet  # noqa: F401

    import pactwatch.store.ingest  # noqa: F401  (read_inputs, in every partition)

    _extractor(kb_files, prefilter).warm()
    return True


def _ingestor(db: str, kb_files: tuple[str, ...], embed: bool) -> Any:
    key = ("ingestor", db, kb_files, embed)
    if key not in _CACHE:
        from pactwatch.store import open_store
        from pactwatch.store.ingest import Ingestor

        _CACHE[key] = Ingestor(open_store(db), kb_files=kb_files, report=lambda _l: None,
                               **({} if embed else {"embedder": None}))
    return _CACHE[key]


def run_partition(part: Partition, opt: Options) -> Result:
    """Extract one partition into its shard (and store it, for ingest).  Runs on a
    worker; safe to run twice (same shard, same manifest)."""
    from pactwatch.pipeline import ExtractError
    from pactwatch.store.ingest import RecordInput, read_inputs

    t0 = time.perf_counter()
    inputs = [dict(_stat(f), sha256=_sha256(f)) if os.path.isfile(f) else _stat(f)
              for f in part.files]
    res = Result(part.id, shard_path(opt.out, part, opt.fmt).name, inputs=inputs,
                 store=_display(opt.db))
    writer = ShardWriter(shard_path(opt.out, part, opt.fmt), opt.fmt)
    records: list[dict] = []  # records read back from JSON: stored as they are, last

    def docs() -> Iterable[Any]:
        for item in read_inputs(list(part.files), max_bytes=opt.max_bytes):
            if isinstance(item, RecordInput):
                records.append(item.record)
            elif hasattr(item, "reason"):
                res.failed.append(str(item))
            else:
                yield item

    try:
        stream = iter(docs())
        first = next(stream, None)  # records only (JSONL of records): no models needed
        for out in (_extractor(tuple(opt.kb_files), opt.prefilter).extract_documents(
                chain([first], stream)) if first is not None else ()):
            if isinstance(out, ExtractError):
                res.failed.append(str(out))
            else:
                writer.add(out.to_dict(), out.body)
        for rec in records:
            writer.add(rec)
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    if opt.db:
        ing = _ingestor(opt.db, tuple(opt.kb_files), opt.embed)
        before = len(ing.report.failed)
        for rec in read_shard(shard_path(opt.out, part, opt.fmt)):
            body = rec.pop("body", None)
            ing.ingest_record(rec, body=body, item=str(rec.get("doc")))
        res.failed += ing.report.failed[before:]
    # counted while writing: reading the shard back only to count cost a Parquet parse
    # of every partition
    res.articles, res.relevant = writer.count, writer.relevant
    res.seconds = time.perf_counter() - t0
    _write_atomic(manifest_path(opt.out, part), json.dumps(asdict(res), ensure_ascii=False,
                                                           indent=1))
    return res


# --------------------------------------------------------------------------------------
# On the driver
# --------------------------------------------------------------------------------------

# Worker settings of a ``local:N`` cluster.  Dask's statistical profiler samples each
# worker's stack every 10 ms from a second thread, which takes the GIL from the one
# thread that extracts; on a machine with as many workers as cores, nothing else is
# free to pay for it.  Nobody reads its profiles here (no dashboard).  The workers are
# forked from a fork server that loaded the models once (``scale/preload.py``): spawned
# workers each imported spaCy and loaded the models again (~4.5 CPU-seconds a worker).
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False,
                "distributed.worker.multiprocessing-method": "forkserver"}
PRELOAD = ["distributed", "pactwatch.scale.preload"]


@contextlib.contextmanager
def _preloaded(kb_files: tuple[str, ...], prefilter: bool) -> Iterator[None]:
    """A fork server for this cluster's workers that loads the extractor and the models
    while the scheduler starts; stopped (and reaped, so its workers' CPU time counts to
    this process) when the cluster is closed.  Each local cluster gets its own, started
    with its options."""
    import multiprocessing
    from multiprocessing import forkserver

    import distributed.utils as dutils

    from .preload import ENV

    if hasattr(dutils, "_forkserver_preload_set"):
        # Dask sets its preload list (importing every optional package it knows, pandas
        # included, into this process) the first time it sees a fork server, unless told
        # it did; ours replaces it below
        dutils._forkserver_preload_set = True
    else:
        with dask_config(LOCAL_CONFIG):
            dutils.get_mp_context()
    server = getattr(forkserver, "_forkserver", None)
    stop = getattr(server, "_stop", None)
    if stop is not None:
        stop()  # a server of an earlier cluster (other options): start afresh
    old = os.environ.get(ENV)
    os.environ[ENV] = json.dumps({"kb_files": list(kb_files), "prefilter": prefilter})
    try:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(PRELOAD)
        forkserver.ensure_running()  # loads the models now, while the scheduler starts
    finally:
        if old is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = old
    try:
        yield
    finally:
        if stop is not None:
            stop()


def dask_config(values: dict) -> Any:
    import dask

    return dask.config.set(values)


@contextlib.contextmanager
def client_for(address: str, kb_files: tuple[str, ...] = (), prefilter: bool = True
               ) -> Iterator[Any]:
    """A ``distributed.Client`` for ``local:N`` (a LocalCluster of N processes on
    127.0.0.1, one thread each, no dashboard, no worker profiler, forked from a server
    that loaded the models for ``kb_files``/``prefilter``) or a scheduler address."""
    from distributed import Client, LocalCluster

    if address.startswith("local"):
        n = int(address.partition(":")[2] or os.cpu_count() or 1)
        with _preloaded(kb_files, prefilter), dask_config(LOCAL_CONFIG), \
                LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                             host="127.0.0.1", dashboard_address=None,
                             silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            yield client
    else:
        with Client(address) as client:
            yield client


@dataclass(slots=True)
class Summary:
    partitions: int = 0
    skipped: int = 0
    articles: int = 0
    relevant: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    extracted: int = 0  # articles of the partitions run now (not skipped)

    def line(self) -> str:
        rate = self.extracted / self.seconds if self.seconds else 0.0
        return (f"{self.articles} articles ({self.relevant} relevant, {len(self.failed)} "
                f"failed) from {self.partitions} partitions ({self.skipped} already written, "
                f"skipped) in {self.seconds:.1f} s: {rate:.1f} articles/s")


def run(paths: Sequence[str], opt: Options, *, client: Any = None,
        files_per_partition: int = 32, progress: bool = False,
        connect: Callable[[], Any] | None = None) -> Summary:
    """Plan, skip what is done, run the rest (on ``client``, or on the client the
    context manager ``connect()`` opens when there is work, or in this process when
    both are None), clean up; the summary counts every partition, skipped ones
    included, and its rate only the articles extracted in this run."""
    if client is None and connect is not None:
        parts, _ = plan(paths, files_per_partition)
        if any(not is_done(opt.out, p, opt.fmt, _display(opt.db)) for p in parts):
            with connect() as c:
                return run(paths, opt, client=c, files_per_partition=files_per_partition,
                           progress=progress)
    t0 = time.perf_counter()
    parts, errors = plan(paths, files_per_partition)
    out = Path(opt.out)
    out.mkdir(parents=True, exist_ok=True)
    summary = Summary(partitions=len(parts), failed=list(errors))
    wanted = {shard_path(out, p, opt.fmt).name for p in parts} | {
        manifest_path(out, p).name for p in parts}
    for stale in [*out.glob("part-*"), *out.glob("_manifest/part-*")]:
        if stale.name not in wanted:  # the inputs changed: the folder mirrors them
            stale.unlink()
    todo = [p for p in parts if not is_done(opt.out, p, opt.fmt, _display(opt.db))]
    for p in parts:
        if p not in todo:
            entry = json.loads(manifest_path(out, p).read_text(encoding="utf-8"))
            summary.skipped += 1
            summary.articles += entry["articles"]
            summary.relevant += entry["relevant"]
            summary.failed += entry["failed"]
    results: list[Result] = []
    bar = _bar(len(todo)) if progress else None
    if client is None:
        for p in todo:
            results.append(run_partition(p, opt))
            if bar is not None:
                bar.update(1)
    else:
        from distributed import as_completed

        # largest inputs first: a big archive started last would run alone at the end
        # while the other workers wait (the order does not change any shard)
        first = sorted(todo, key=lambda p: -sum(_stat(f)["size"] or 0 for f in p.files))
        futures = [client.submit(run_partition, p, opt, key=f"pactwatch-{p.id}", pure=False,
                                 retries=2) for p in first]
        for fut in as_completed(futures):
            results.append(fut.result())
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.close()
    for r in results:
        summary.extracted += r.articles
        summary.articles += r.articles
        summary.relevant += r.relevant
        summary.failed += r.failed
    for tmp in [*out.glob(".part-*.tmp-*"), *out.glob("_manifest/.part-*.tmp-*")]:
        tmp.unlink(missing_ok=True)  # left by killed workers; their partitions were redone
    summary.seconds = time.perf_counter() - t0
    return summary


def _bar(total: int) -> Any:
    if total <= 1 or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="partition", file=sys.stderr, leave=False)


def cli(a: Any, *, ingest: bool = False) -> int:
    """``extract --dask`` / ``ingest --dask``: the CLI's entry point."""
    out = a.output if not ingest else (a.shards or ".pactwatch-shards")
    if not out:
        print("pactwatch: --dask writes one shard per partition into a folder: give it "
              "with -o DIR", file=sys.stderr)
        return 2
    if Path(out).exists() and not Path(out).is_dir():
        print(f"pactwatch: {out} exists and is not a folder; --dask writes shards into a "
              "folder", file=sys.stderr)
        return 2
    db = None
    if ingest:
        from pactwatch.store import StoreError, normalise_url, open_store

        db = normalise_url(a.db)
        try:
            open_store(db).close()  # create or upgrade once, before the workers start
        except StoreError as e:
            print(f"pactwatch: {e}", file=sys.stderr)
            return 2
    opt = Options(out=str(out), fmt=a.shard_format, kb_files=tuple(a.kb or ()),
                  prefilter=a.prefilter is not False, max_bytes=a.max_bytes, db=db,
                  embed=not getattr(a, "no_embed", False))
    try:
        summary = run(a.paths, opt, connect=lambda: client_for(
                          a.dask, opt.kb_files, opt.prefilter),
                      files_per_partition=a.files_per_partition, progress=not a.quiet)
    except (OSError, ValueError) as e:
        print(f"pactwatch: --dask {a.dask}: {e}", file=sys.stderr)
        return 2
    for line in summary.failed:
        print(f"pactwatch: {line}", file=sys.stderr)
    if not a.quiet:
        print(f"pactwatch: {summary.line()} → {out}", file=sys.stderr)
    return 1 if summary.failed else 0
