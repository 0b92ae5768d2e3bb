"""Readers: input files (text, HTML, JSON, feeds, web archives) to ``Document`` values.

``read_paths`` is the one entry point the CLI and the API need: it takes what a user
typed (files, folders, glob patterns, ``-`` for stdin), picks a reader per file by its
extension or, failing that, by its first bytes, and yields documents and ``ReadError``
values in one stream.  Nothing here raises for bad input; a batch always finishes.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator

from pactwatch.longtext import DEFAULT_MAX_CHARS, limit_chars
from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    STDIN_NAME,
    Document,
    ReadError,
    ReadResult,
    bom_encoding,
    check_file,
    guarded,
    human_size,
    load_bytes,
    too_big,
)
from pactwatch.read.feed import parse_feed_bytes, read_feed
from pactwatch.read.html import parse_html, read_html
from pactwatch.read.jsonl import parse_json_bytes, parse_json_lines, read_jsonl
from pactwatch.read.text import parse_text_bytes, read_text
from pactwatch.read.warc import parse_warc_stream, read_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_CHARS",
    "Document",
    "ReadError",
    "ReadResult",
    "count_inputs",
    "inner_kind",
    "kind_of",
    "open_input",
    "read_file",
    "read_paths",
    "sniff",
]

FileReader = Callable[..., Iterator[ReadResult]]

# Longest suffixes first, so ``x.warc.gz`` is a WARC and not an unknown ``.gz``.
_EXTENSIONS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".arc.gz", "warc"), (".warc", "warc"), (".arc", "warc"),
    (".txt", "text"), (".text", "text"), (".md", "text"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"),
    (".json", "json"), (".jsonl", "json"), (".ndjson", "json"),
    (".rss", "feed"), (".atom", "feed"), (".xml", "feed"),
)
_READERS: dict[str, FileReader] = {
    "text": read_text, "html": read_html, "json": read_jsonl, "feed": read_feed,
    "warc": read_warc, "gzip": lambda path, **kw: read_gzip(path, **kw),
}
_GLOB_CHARS = frozenset("*?[")
_HTML_MARKS = ("<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article")
_FEED_MARKS = ("<rss", "<feed", "<rdf:rdf")
_SNIFF_BYTES = 8192


def kind_of(path: str) -> str | None:
    """The reader a file's extension calls for, or None to decide by content.

    ``gzip`` for a compressed file other than a web archive (``.txt.gz``, ``.jsonl.gz``,
    ``.html.gz``, ...): it is decompressed and read as what it holds.
    """
    name = path.lower()
    for suffix, kind in _EXTENSIONS:
        if name.endswith(suffix):
            return kind
    if name.endswith(".gz"):
        return "gzip"
    return None


def inner_kind(path: str) -> str | None:
    """The reader for what a file holds: ``x.jsonl.gz`` is ``json``, ``x.txt`` ``text``."""
    kind = kind_of(path)
    if kind == "gzip":
        return kind_of(path[:-3])
    return kind


def open_input(path: str) -> io.BufferedIOBase:
    """The file's bytes as a stream, decompressed when it is gzip (by its first bytes)."""
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == _GZIP_MAGIC:  # gzip.open closes the file it opened, when closed
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it


_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_DAMAGE = (EOFError, zlib.error, gzip.BadGzipFile)


def gzip_damage(exc: BaseException, *, lines: bool = False) -> str:
    """The one-line reason for a broken gzip file: truncated, or not gzip at all."""
    if isinstance(exc, EOFError):
        done = "; the lines before the cut were read" if lines else ""
        return f"is a truncated gzip file (the compressed data ends early){done}"
    return f"is not a valid gzip file ({exc})"


def _gunzip(data: bytes, source: str, max_bytes: int) -> bytes | ReadError:
    """Decompress gzip bytes in memory (stdin), at most ``max_bytes`` of output."""
    out = bytearray()
    rest = data
    try:
        while rest:
            d = zlib.decompressobj(wbits=31)
            out += d.decompress(rest, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                return ReadError(source, too_big(len(out), max_bytes, "decompressed input"))
            if not d.eof:
                if d.unconsumed_tail:  # stopped by the size cap, not by the data
                    return ReadError(source, too_big(len(out), max_bytes, "decompressed input"))
                return ReadError(source, gzip_damage(EOFError()))
            rest = d.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        return ReadError(source, gzip_damage(exc))
    return bytes(out)


def read_gzip(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReadResult]:
    """A gzip-compressed file, read as what it holds.

    The kind comes from the name without ``.gz`` (``x.jsonl.gz`` is JSON Lines), else
    from the decompressed content.  JSON Lines are streamed and ``max_bytes`` applies per
    line, as for uncompressed ones; anything else is decompressed whole, up to
    ``max_bytes``.  A truncated file is called truncated, after every good line before
    the cut.
    """
    bad = check_file(path)
    if bad is not None:
        yield bad
        return
    name = os.path.basename(path)[:-3] if path.lower().endswith(".gz") else os.path.basename(path)
    kind = kind_of(name)
    try:
        with gzip.open(path, "rb") as fh:
            if kind == "json" and not name.lower().endswith(".json"):
                yield from parse_json_lines(fh, name=name, source=path,  # type: ignore[arg-type]
                                            max_bytes=max_bytes)
                return
            head = fh.read(_SNIFF_BYTES)
            if kind is None and sniff(head) == "warc":  # a crawl without .warc in its name
                yield from read_warc(path, max_bytes=max_bytes)
                return
            data = head + fh.read(max_bytes + 1 - len(head))
    except _GZIP_DAMAGE as exc:
        yield ReadError(path, gzip_damage(exc, lines=kind == "json"))
        return
    except OSError as exc:
        yield ReadError(path, f"file cannot be read: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:
        yield ReadError(path, too_big(len(data), max_bytes, "decompressed file"))
        return
    if not data:
        yield ReadError(path, "is an empty gzip file (it holds no data)")
        return
    yield from _parse_bytes(kind or sniff(data[:_SNIFF_BYTES]), data, name=name, source=path,
                            max_bytes=max_bytes)


def sniff(head: bytes) -> str:
    """Guess the format from the first bytes: ``warc``, ``json``, ``feed``, ``html``, ``text``.

    Used for stdin and for files with an unknown extension.  Anything unrecognised is
    text, whose reader then says clearly if it is binary.
    """
    if head.startswith(_GZIP_MAGIC):
        try:  # a compressed web archive, or compressed text, JSON, HTML...
            inner = zlib.decompressobj(wbits=31).decompress(head, 64)
        except zlib.error:
            inner = b""
        return "warc" if inner.startswith((b"WARC/", b"filedesc://")) else "gzip"
    if head.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    encoding = bom_encoding(head) or "utf-8"
    start = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n").lower()
    if start.startswith(("{", "[")):
        return "json"
    if start.startswith("<"):
        if any(mark in start for mark in _FEED_MARKS):
            return "feed"
        if any(mark in start for mark in _HTML_MARKS):
            return "html"
        if start.startswith("<?xml"):
            return "feed"
    return "text"


def _parse_bytes(
    kind: str, data: bytes, *, name: str, source: str, max_bytes: int
) -> Iterator[ReadResult]:
    """Read content already in memory (stdin, or a file whose kind was sniffed)."""
    if kind == "gzip":
        inner = _gunzip(data, source, max_bytes)
        if isinstance(inner, ReadError):
            yield inner
            return
        if not inner:
            yield ReadError(source, "is an empty gzip file (it holds no data)")
            return
        if inner.startswith(_GZIP_MAGIC):  # gzip inside gzip: one level is enough
            yield ReadError(source, "is gzip inside gzip; decompress it once first")
            return
        yield from _parse_bytes(sniff(inner[:_SNIFF_BYTES]), inner, name=name, source=source,
                                max_bytes=max_bytes)
    elif kind == "warc":
        yield from parse_warc_stream(
            io.BytesIO(data), name=name, source=source, max_bytes=max_bytes
        )
    elif kind == "json":
        yield from parse_json_bytes(data, name=name, source=source, max_bytes=max_bytes)
    elif kind == "feed":
        yield from parse_feed_bytes(data, name=name, source=source)
    elif kind == "html":
        yield parse_html(data, doc=name, source=source)
    else:
        yield parse_text_bytes(data, doc=name, source=source)


def read_file(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReadResult]:
    """Read one file with the reader its extension (or, if unknown, its content) calls for."""
    kind = kind_of(path)
    if kind is not None:
        yield from _READERS[kind](path, max_bytes=max_bytes)
        return
    bad = check_file(path)
    if bad is not None:
        yield bad
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        yield ReadError(path, f"file cannot be read: {exc.strerror or exc}")
        return
    kind = sniff(head)
    if kind == "warc":  # streamed: the size limit applies per page
        yield from read_warc(path, max_bytes=max_bytes)
        return
    if kind == "gzip":
        yield from read_gzip(path, max_bytes=max_bytes)
        return
    data = load_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    yield from _parse_bytes(
        kind, data, name=os.path.basename(path), source=path, max_bytes=max_bytes
    )


def _read_stdin(max_bytes: int) -> Iterator[ReadResult]:
    """Read standard input whole (up to the limit) and sniff what it is."""
    stream = sys.stdin
    if stream is None:
        yield ReadError(STDIN_NAME, "standard input is closed")
        return
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            data = buffer.read(max_bytes + 1)
        else:  # a text stream without bytes underneath (tests, some embedders)
            data = stream.read(max_bytes + 1).encode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield ReadError(STDIN_NAME, f"standard input cannot be read: {exc}")
        return
    if not data:
        yield ReadError(STDIN_NAME, "file is empty (nothing came on standard input)")
        return
    if len(data) > max_bytes:
        yield ReadError(
            STDIN_NAME,
            f"input is more than {human_size(max_bytes)}, over the limit; "
            "use --max-bytes to raise the limit",
        )
        return
    yield from _parse_bytes(
        sniff(data[:_SNIFF_BYTES]), data, name=STDIN_NAME, source=STDIN_NAME, max_bytes=max_bytes
    )


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str) -> list[str | ReadError]:
    """Every non-hidden file under ``folder``, sorted; unreadable subfolders as errors."""
    found: list[str] = []
    errors: list[str | ReadError] = []

    def onerror(exc: OSError) -> None:
        where = exc.filename or folder
        errors.append(ReadError(str(where), f"folder cannot be read: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = [d for d in dirs if not _is_hidden(d)]
        found.extend(os.path.join(root, f) for f in files if not _is_hidden(f))
    if not found and not errors:
        return [ReadError(folder, "folder has no files to read (hidden files are skipped)")]
    return errors + sorted(found)


def _expand(path: str) -> list[str | ReadError]:
    """What one command-line argument stands for: files to read, or why there are none."""
    if path == "-":
        return [path]
    if os.path.isdir(path):
        return _walk(path)
    if os.path.lexists(path):
        return [path]  # a file, or something check_file will explain
    if _GLOB_CHARS & set(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            return [ReadError(path, "no files match this pattern")]
        out: list[str | ReadError] = []
        for match in matches:
            out.extend(_walk(match) if os.path.isdir(match) else [match])
        return out
    return [ReadError(path, "file does not exist")]


def read_paths(
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[ReadResult]:
    """Documents and errors for files, folders (recursive), glob patterns and ``-``.

    Folders are read in sorted order, hidden files and folders skipped.  Each path's
    reader is chosen by extension, else by sniffing the content.  ``max_bytes`` caps
    each single-document file and each record of a JSONL file or web archive;
    ``max_chars`` cuts each article's text (at a sentence end, with a ``warning`` on the
    document; None for no limit).  Nothing a reader raises gets past its file: it
    becomes that file's ``ReadError`` and the next file is read.
    """
    for arg in paths:
        for target in _expand(arg):
            if isinstance(target, ReadError):
                yield target
                continue
            if target == "-":
                results = guarded(_read_stdin(max_bytes), STDIN_NAME)
            else:
                results = guarded(read_file(target, max_bytes=max_bytes), target)
            for res in results:
                yield res if isinstance(res, ReadError) else limit_chars(res, max_chars)


def count_inputs(paths: Iterable[str]) -> int:
    """How many files ``read_paths`` will open (stdin counts one), for a progress bar."""
    return sum(
        1 for arg in paths for target in _expand(arg) if not isinstance(target, ReadError)
    )
