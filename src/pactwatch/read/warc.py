"""Web archives (``.warc``, ``.warc.gz``, ``.arc.gz``): each archived HTML page.

Only ``response`` records for an HTML content type with HTTP status 200 are articles;
requests, metadata, redirects, images and errors are skipped silently, as a crawl holds
many of them.  Each page goes through the HTML reader, with the record's target URI as
its ``url`` and its ``doc``.

Archives are streamed, so ``max_bytes`` limits each page, not the archive: crawls of a
few gigabytes are normal.

A damaged archive yields every good record before the damage and then one
``ReadError``.  warcio itself stops quietly at a truncated gzip member (it treats the
short read as the end of the file), so compressed input is decompressed here with
:mod:`gzip`, which notices the missing end-of-stream marker, and the error is caught at
the stream instead of trusting warcio to pass it on.
"""

from __future__ import annotations

import gzip
import os
import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    ReadError,
    ReadResult,
    check_file,
    guarded_call,
    human_size,
    member,
)
from pactwatch.read.html import parse_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_DAMAGE = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    zlib.error,
    gzip.BadGzipFile,
    OSError,
    ValueError,
)


class _Guarded:
    """A read-only stream that hands over every good byte before reporting damage.

    Two things go wrong without it.  ``GzipFile.read(n)`` raises on a truncated member
    and drops the data it had already decompressed in that call, so up to ``n`` bytes of
    good records before the damage would be lost; reading with ``read1`` and keeping the
    error for the next call returns them first.  And warcio takes an ``EOFError`` while
    parsing a record header for the end of the archive; ``error`` is how the reader still
    learns of the damage.
    """

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.error: BaseException | None = None
        self._pending: BaseException | None = None
        self._prefix = b""
        self._pos = 0
        self._read1 = getattr(raw, "read1", None) or raw.read

    def unread(self, data: bytes) -> None:
        """Put bytes back at the front (after peeking at the archive's first line)."""
        self._prefix = data + self._prefix
        self._pos -= len(data)

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            size = 1 << 62
        chunks: list[bytes] = []
        got = 0
        if self._prefix:
            chunks.append(self._prefix[:size])
            self._prefix = self._prefix[size:]
            got = len(chunks[0])
        while got < size:
            if self._pending is not None:
                if chunks:
                    break
                raise self._pending
            try:
                data = self._read1(min(size - got, 1 << 16))
            except (EOFError, zlib.error, OSError) as exc:
                self.error = self.error or exc
                self._pending = exc
                continue
            if not data:
                break
            chunks.append(data)
            got += len(data)
        out = b"".join(chunks)
        self._pos += len(out)
        return out

    def readline(self, size: int | None = -1) -> bytes:
        limit = 1 << 62 if size is None or size < 0 else size
        out = bytearray()
        while len(out) < limit:
            ch = self.read(1)
            if not ch:
                break
            out += ch
            if ch == b"\n":
                break
        return bytes(out)

    def tell(self) -> int:
        return self._pos


class _TruncatedHeaders(Exception):
    """The file ends inside a record's header block."""


class _StrictIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, except that a record cut off in its headers is an error.

    warcio turns an ``EOFError`` while parsing headers into the end of the archive.  That
    is right when nothing follows the last record, but when the first line of a next
    record was already read (``next_line``), the file ends inside that record.
    """

    def _next_record(self, next_line: bytes | None) -> object:
        try:
            return super()._next_record(next_line)
        except EOFError as exc:
            if next_line and next_line.strip():
                raise _TruncatedHeaders("the file ends inside a record's headers") from exc
            raise


def _cut_short(record: object) -> bool:
    """Drain what is left of the record; True if the file ended before its Content-Length.

    warcio's ``LimitReader`` counts down the bytes the header promised; anything left
    when the stream is exhausted means the archive stops inside this record.
    """
    raw = record.raw_stream  # type: ignore[attr-defined]
    while raw.read(1 << 16):
        pass
    return getattr(raw, "limit", 0) > 0


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def parse_warc_stream(
    fh: BinaryIO, *, name: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """Read every HTML 200 response from a WARC/ARC stream, compressed or not."""
    magic = fh.read(2)
    fh.seek(0)
    raw: BinaryIO = fh
    if magic == b"\x1f\x8b":
        raw = gzip.GzipFile(fileobj=fh, mode="rb")  # type: ignore[assignment]
    stream = _Guarded(raw)
    try:
        head = stream.read(16)
    except _DAMAGE:  # remembered in stream.error
        head = b""
    stream.unread(head)
    if head.startswith(b"filedesc://"):
        arc = True
    elif head.startswith(b"WARC/"):
        arc = False
    elif stream.error is not None and not head:
        yield ReadError(
            source, f"archive is truncated or damaged at the start ({_describe(stream.error)})"
        )
        return
    else:
        what = "compressed data" if magic == b"\x1f\x8b" else "data"
        yield ReadError(
            source, f"is not a WARC or ARC archive (its {what} does not start with 'WARC/')"
        )
        return
    records = complete = usable = 0
    damage: BaseException | None = None
    try:
        for record in _StrictIterator(stream, arc2warc=arc):
            records += 1
            if not arc and (
                record.rec_type is None or record.rec_headers.get_header("Content-Length") is None
            ):
                # A header block cut off at the end of the file parses as a record
                # without the headers every WARC record has.
                damage = EOFError(f"record {records} has no WARC-Type or Content-Length header")
                break
            ctype = ""
            wanted = record.rec_type == "response" and record.http_headers is not None
            if wanted:
                ctype = record.http_headers.get_header("Content-Type") or ""
                wanted = (
                    record.http_headers.get_statuscode() == "200"
                    and ctype.split(";", 1)[0].strip().lower() in _HTML_TYPES
                )
            if not wanted:
                if _cut_short(record):
                    damage = EOFError("the last record is cut short")
                    break
                complete += 1
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or None
            item = member(source, f"record {records}" + (f", {uri}" if uri else ""))
            payload = record.content_stream().read(max_bytes + 1)
            if _cut_short(record):
                damage = EOFError("the last record is cut short")
                break
            complete += 1
            usable += 1
            if len(payload) > max_bytes:
                yield ReadError(
                    item,
                    f"page is larger than the limit of {human_size(max_bytes)}; "
                    "use --max-bytes to raise the limit",
                )
                continue
            m = _CHARSET.search(ctype)
            # A page that breaks the HTML reader is that page's error, not damage to
            # the archive: the records after it still read.
            yield guarded_call(
                item,
                parse_html,
                payload,
                doc=uri or f"{name}#{records}",
                source=item,
                url=uri,
                charset=m[1] if m else None,
            )
    except Exception as exc:
        # Damaged input makes warcio fail in many ways (a header cut before its
        # WARC-Target-URI ends in an AttributeError); any of them means "damaged here".
        damage = exc
    damage = stream.error or damage
    if damage is not None:
        if records == 0 and isinstance(damage, ArchiveLoadFailed):
            yield ReadError(source, f"is not a WARC or ARC archive ({_describe(damage)})")
        else:
            yield ReadError(
                source,
                f"archive is truncated or damaged after {complete} complete record(s), "
                f"which were read ({_describe(damage)})",
            )
        return
    if records == 0:
        yield ReadError(source, "is not a WARC or ARC archive (no records found)")
    elif usable == 0:
        yield ReadError(source, f"has {records} record(s) but no HTML page with HTTP status 200")


def read_warc(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReadResult]:
    """Stream one archive file; see the module docstring for what is read."""
    bad = check_file(path)
    if bad is not None:
        yield bad
        return
    try:
        with open(path, "rb") as fh:
            yield from parse_warc_stream(
                fh, name=os.path.basename(path), source=path, max_bytes=max_bytes
            )
    except OSError as exc:
        yield ReadError(path, f"file cannot be read: {exc.strerror or exc}")
