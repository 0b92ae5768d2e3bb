"""Which ``ingest`` inputs are shards ``extract --dask`` wrote: kept free of pyarrow so
a plain ingest does not pay for importing it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any


def split_shards(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """``ingest``'s inputs: Parquet shards (files, or folders ``extract --dask`` wrote),
    and everything else, for the ordinary readers."""
    shards: list[Path] = []
    rest: list[str] = []
    for arg in paths:
        p = Path(arg)
        if p.is_file() and p.suffix == ".parquet":
            shards.append(p)
        elif p.is_dir() and (p / "_manifest").is_dir():
            shards += sorted(x for x in p.iterdir() if x.name.startswith("part-")
                             and x.suffix in (".parquet", ".jsonl") and x.is_file())
        else:
            rest.append(arg)
    return shards, rest


def ingest_paths(ing: Any, paths: Sequence[str], **kw: Any) -> None:
    """``Ingestor.ingest_paths``, reading Parquet shards (and shard folders) as records."""
    shards, rest = split_shards(paths)
    if shards:
        import pyarrow as pa

        from .shards import read_shard
    for shard in shards:
        try:
            for rec in read_shard(shard):
                body = rec.pop("body", None)
                ing.ingest_record(rec, body=body, item=f"{shard} ({rec.get('doc')})")
        except (OSError, pa.ArrowException) as e:
            ing.fail(str(shard), f"is not a readable shard ({e})")
    if rest:
        ing.ingest_paths(rest, **kw)
