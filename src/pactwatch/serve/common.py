"""What the API and the pages share: the filters, cursors, ETags and streamed exports.

Everything here reaches the database only through ``pactwatch.store.query`` and the
store's public methods (``Store.read``, ``export.pages``): the serve layer never builds
SQL of its own, so the same bound-parameter queries answer the CLI, the API and the web.
"""

from __future__ import annotations

import base64
import binascii
import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlencode, urlsplit

from pactwatch.store import Store
from pactwatch.store import query as q

MAX_QUERY = 200  # characters in any one query parameter
MAX_PAGE = 200  # rows in any one page
DEFAULT_PAGE = 50
EXPORT_PAGE = 1000


class BadRequest(ValueError):
    """A parameter the server cannot use; the message says which and why."""


@dataclass
class Filters:
    """The story filters of the CLI's ``events`` command, plus the article language."""

    country: str | None = None
    state: str | None = None
    entity: str | None = None
    type: str | None = None
    sector: str | None = None
    status: str | None = None
    since: str | None = None
    until: str | None = None
    lang: str | None = None

    @classmethod
    def from_params(cls, params: Any) -> Filters:
        values: dict[str, str | None] = {}
        for f in fields(cls):
            v = params.get(f.name)
            v = v.strip() if isinstance(v, str) else None
            if v and len(v) > MAX_QUERY:
                raise BadRequest(f"the filter {f.name} is longer than {MAX_QUERY} characters")
            values[f.name] = v or None
        return cls(**values)

    def kwargs(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}

    def query_string(self, **extra: Any) -> str:
        return urlencode({**self.kwargs(), **{k: v for k, v in extra.items() if v}})


def encode_cursor(row: dict[str, Any]) -> str:
    """An opaque cursor: the (date_hi, story) of the last row of a page."""
    raw = json.dumps([row["date_hi"], row["story"]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> tuple[str | None, int] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        d, sid = json.loads(raw)
        if (d is None or isinstance(d, str)) and isinstance(sid, int) and len(str(d)) <= 10:
            return d, sid
    except (ValueError, binascii.Error, TypeError):
        pass
    raise BadRequest("the cursor is not one this server gave out")


def events_page(store: Store, filters: Filters, *, limit: int, cursor: str | None
                ) -> tuple[list[dict[str, Any]], str | None]:
    """One page of stories, newest first, and the cursor of the next page (or None)."""
    if not 1 <= limit <= MAX_PAGE:
        raise BadRequest(f"limit must be between 1 and {MAX_PAGE}")
    after = decode_cursor(cursor)
    try:
        with store.read() as conn:
            ids = q.story_ids(conn, limit=limit + 1, after=after, **filters.kwargs())
            rows = q.story_rows(conn, ids[:limit])
    except q.QueryError as e:
        raise BadRequest(str(e)) from None
    return rows, encode_cursor(rows[-1]) if len(ids) > limit and rows else None


def iter_stories(store: Store, filters: Filters) -> Iterator[dict[str, Any]]:
    """Every matching story, a page at a time (keyset pages, each its own snapshot)."""
    after = None
    while True:
        with store.read() as conn:
            ids = q.story_ids(conn, limit=EXPORT_PAGE, after=after, **filters.kwargs())
            rows = q.story_rows(conn, ids)
        yield from rows
        if len(ids) < EXPORT_PAGE or not rows:
            return
        after = (rows[-1]["date_hi"], rows[-1]["story"])


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) and has a host; anything else is not linked."""
    if not url or len(url) > 2000:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in "\x00\r\n\t<>\"'` "):
        return None
    return url.strip()


def etag_for(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def csv_cell(v: Any) -> Any:
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else v


def csv_stream(columns: list[str], rows: Any) -> Iterator[bytes]:
    """CSV, a few rows per chunk: the whole file is never in memory.  Cells starting
    with = + - @ get a leading apostrophe, so a spreadsheet shows them, not runs them."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    n = 0
    for row in rows:
        w.writerow([_defuse(csv_cell(row.get(c))) for c in columns])
        n += 1
        if n % 200 == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue().encode("utf-8")


def _defuse(v: Any) -> Any:
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v
    return v


def jsonl_stream(rows: Any) -> Iterator[bytes]:
    chunk: list[str] = []
    for row in rows:
        chunk.append(json.dumps(row, ensure_ascii=False))
        if len(chunk) >= 200:
            yield ("\n".join(chunk) + "\n").encode("utf-8")
            chunk = []
    if chunk:
        yield ("\n".join(chunk) + "\n").encode("utf-8")


class _Sink:
    """A write-only file for pyarrow that hands its bytes back between row groups."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.pos = 0
        self.closed = False

    def write(self, b: Any) -> int:
        data = bytes(b)
        self.chunks.append(data)
        self.pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self.pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.closed = True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return False

    def take(self) -> bytes:
        out = b"".join(self.chunks)
        self.chunks = []
        return out


def parquet_stream(schema: Any, columns: list[str], pages: Any) -> Iterator[bytes]:
    """Parquet, one row group per page, each sent as soon as it is written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = _Sink()
    writer = pq.ParquetWriter(sink, schema)
    n = 0
    for page in pages:
        if not page:
            continue
        writer.write_table(pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in page],
                                                schema=schema))
        n += len(page)
        data = sink.take()
        if data:
            yield data
    if n == 0:
        writer.write_table(schema.empty_table())
    writer.close()
    yield sink.take()


def chunked(rows: Any, size: int = EXPORT_PAGE) -> Iterator[list[dict[str, Any]]]:
    page: list[dict[str, Any]] = []
    for r in rows:
        page.append(r)
        if len(page) >= size:
            yield page
            page = []
    if page:
        yield page


def export_stream(store: Store, what: str, fmt: str) -> Iterator[bytes]:
    """A whole table of the store in csv, jsonl or parquet, streamed page by page."""
    from pactwatch.store import export as ex

    if what not in ex.WHATS:
        raise BadRequest(f"unknown export {what!r} (use {', '.join(ex.WHATS)})")
    if fmt not in ex.FORMATS:
        raise BadRequest(f"unknown format {fmt!r} (use {', '.join(ex.FORMATS)})")
    cols = list(ex.columns(what))
    if what == "events":
        pages: Any = chunked(iter_stories(store, Filters()))
    else:
        pages = ex.pages(store, what, records=fmt == "jsonl")
    if fmt == "jsonl":
        return jsonl_stream(r for p in pages for r in p)
    if fmt == "csv":
        return csv_stream(cols, (r for p in pages for r in p))
    return parquet_stream(ex.arrow_schema(what), cols, pages)


class VersionedCache:
    """A small LRU of answers that are costly on a large store (the overview's
    timeline counts every matching story), each kept with the store's data version
    (``query.data_version``): an ingest makes every entry stale at once."""

    def __init__(self, size: int = 256) -> None:
        import threading
        from collections import OrderedDict

        self.size = size
        self._data: OrderedDict[Any, tuple[Any, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Any, version: Any) -> Any | None:
        with self._lock:
            hit = self._data.get(key)
            if hit is None or hit[0] != version:
                return None
            self._data.move_to_end(key)
            return hit[1]

    def put(self, key: Any, version: Any, value: Any) -> None:
        with self._lock:
            self._data[key] = (version, value)
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
