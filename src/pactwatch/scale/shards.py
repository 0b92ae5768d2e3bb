"""Shards: article records in Parquet (nested columns) or JSON lines, written safely.

One shard per input partition.  A shard is written under a temporary name in its
folder (``.part-….tmp-<pid>``, row group by row group as the partition is extracted) and
renamed to ``part-….parquet`` only when complete: a reader never sees half a shard, a
worker killed mid-partition leaves only a temporary file (removed by the next run), and
writing the same partition twice leaves one shard with the same content.

The Parquet schema is the article record (``shared/eval/CONTRACT.md``): one row per
article, entities, events and figures as lists of structs, evidence and mentions as
lists of spans, plus the ``body`` (so ``ingest`` of shards stores it for full-text search
without reading the sources again).  Keys a newer extractor adds that the schema does
not name are kept, as JSON, in an ``extra`` column of their level (article, entity,
event), so no field is ever dropped on the way to the store.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
ENTITY = pa.struct([
    ("id", pa.string()), ("name", pa.string()), ("type", pa.string()), ("kind", pa.string()),
    ("country", pa.string()), ("titles", pa.list_(pa.string())), ("mentions", pa.list_(SPAN)),
    ("extra", pa.string())])
EVENT = pa.struct([
    ("type", pa.string()), ("participants", pa.list_(pa.string())), ("place", pa.string()),
    ("date", pa.string()), ("status", pa.string()), ("sectors", pa.list_(pa.string())),
    ("amount", pa.struct([("value", pa.float64()), ("currency", pa.string())])),
    ("jobs", pa.int64()), ("count", pa.int64()), ("evidence", pa.list_(SPAN)),
    ("extra", pa.string())])
FIGURE = pa.struct([("value", pa.float64()), ("unit", pa.string()), ("about", pa.string())])
SCHEMA = pa.schema([
    ("schema", pa.string()), ("doc", pa.string()), ("lang", pa.string()),
    ("published", pa.string()),
    ("dateline", pa.struct([("place", pa.string()), ("agencies", pa.list_(pa.string()))])),
    ("relevant", pa.bool_()), ("title", pa.string()), ("url", pa.string()),
    ("entities", pa.list_(ENTITY)), ("events", pa.list_(EVENT)),
    ("figures", pa.list_(FIGURE)), ("body", pa.string()), ("extra", pa.string())])

_TOP = {f.name for f in SCHEMA} - {"extra"}
_ENT = {ENTITY.field(i).name for i in range(ENTITY.num_fields)} - {"extra"}
_EV = {EVENT.field(i).name for i in range(EVENT.num_fields)} - {"extra"}


def _split(d: dict, known: set[str]) -> dict:
    out = {k: d.get(k) for k in known}
    rest = {k: v for k, v in d.items() if k not in known}
    out["extra"] = json.dumps(rest, ensure_ascii=False, sort_keys=True) if rest else None
    return out


def _join(d: dict) -> dict:
    extra = d.pop("extra", None)
    if extra:
        d.update(json.loads(extra))
    return d


def _number(v: float | None) -> float | int | None:
    """As ``record.py`` writes them: a whole number as an int."""
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def record_to_row(rec: dict, body: str | None = None) -> dict:
    """A record (``Article.to_dict()``) as a row of ``SCHEMA``."""
    row = _split(dict(rec, body=body if body is not None else rec.get("body")), _TOP)
    row["entities"] = [_split(e, _ENT) for e in rec.get("entities") or []]
    row["events"] = [_split(e, _EV) for e in rec.get("events") or []]
    return row


def row_to_record(row: dict) -> dict:
    """A row back to the record (with ``body``); key order as ``Article.to_dict``."""
    rec = _join(row)
    rec["entities"] = [_join(e) for e in rec.get("entities") or []]
    for ev in rec.get("events") or []:
        _join(ev)
        if ev.get("amount") is not None:
            ev["amount"]["value"] = _number(ev["amount"]["value"])
    for f in rec.get("figures") or []:
        f["value"] = _number(f["value"])
    return rec


class ShardWriter:
    """Write one shard: ``add`` records, then ``commit`` (rename into place) or
    ``abort``; row groups are flushed every ``flush`` records."""

    def __init__(self, path: Path, fmt: str = "parquet", flush: int = 16) -> None:
        if fmt not in ("parquet", "jsonl"):
            raise ValueError(f"shards are parquet or jsonl, not {fmt}")
        self.path, self.fmt, self.flush = path, fmt, flush
        self.tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
        self._rows: list[dict] = []
        self._pq: pq.ParquetWriter | None = None
        self._fh: Any = None
        self.count = 0
        self.relevant = 0  # records with relevant: true, for the partition's summary

    def add(self, rec: dict, body: str | None = None) -> None:
        self._rows.append(record_to_row(rec, body) if self.fmt == "parquet"
                          else dict(rec, body=body if body is not None else rec.get("body")))
        self.count += 1
        self.relevant += bool(rec.get("relevant"))
        if len(self._rows) >= self.flush:
            self._write()

    def _write(self) -> None:
        if self.fmt == "parquet":
            if self._pq is None:
                self._pq = pq.ParquetWriter(self.tmp, SCHEMA, compression="zstd")
            if self._rows:
                self._pq.write_table(pa.Table.from_pylist(self._rows, schema=SCHEMA))
        else:
            if self._fh is None:
                self._fh = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115
            for r in self._rows:
                self._fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            self._fh.flush()
        self._rows = []

    def commit(self) -> None:
        self._write()  # an empty partition still gets its (empty) shard
        if self._pq is not None:
            self._pq.close()
        if self._fh is not None:
            self._fh.close()
        with open(self.tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        for closer in (self._pq, self._fh):
            if closer is not None:
                closer.close()
        self.tmp.unlink(missing_ok=True)


def shard_files(paths: Iterable[str]) -> list[Path]:
    """The finished shards among ``paths`` (shard files, or folders of them)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(x for x in p.iterdir() if is_shard(x))
        elif is_shard(p):
            out.append(p)
    return out


def is_shard(p: Path) -> bool:
    return p.name.startswith("part-") and p.suffix in (".parquet", ".jsonl") and p.is_file()


def read_shard(path: Path) -> Iterator[dict]:
    """Records (with ``body``) of one finished shard, in the order written."""
    if path.suffix == ".parquet":
        pf = pq.ParquetFile(path)
        for i in range(pf.num_row_groups):
            for row in pf.read_row_group(i).to_pylist():
                yield row_to_record(row)
    else:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

