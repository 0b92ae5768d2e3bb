"""Readers: input files (text, HTML, JSON, feeds, web archives) to ``Document`` values.

``read_paths`` is the one entry point the CLI and the API need: it takes what a user
typed (files, folders, glob patterns, ``-`` for stdin), picks a reader per file by its
extension or, failing that, by its first bytes, and yields documents and ``ReadError``
values in one stream.  Nothing here raises for bad input; a batch always finishes.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator

from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    STDIN_NAME,
    Document,
    ReadError,
    ReadResult,
    bom_encoding,
    check_file,
    human_size,
    load_bytes,
)
from pactwatch.read.feed import parse_feed_bytes, read_feed
from pactwatch.read.html import parse_html, read_html
from pactwatch.read.jsonl import parse_json_bytes, read_jsonl
from pactwatch.read.text import parse_text_bytes, read_text
from pactwatch.read.warc import parse_warc_stream, read_warc

__all__ = [
    "DEFAULT_MAX_BYTES",
    "Document",
    "ReadError",
    "ReadResult",
    "count_inputs",
    "kind_of",
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
    "warc": read_warc,
}
_GLOB_CHARS = frozenset("*?[")
_HTML_MARKS = ("<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article")
_FEED_MARKS = ("<rss", "<feed", "<rdf:rdf")
_SNIFF_BYTES = 8192


def kind_of(path: str) -> str | None:
    """The reader a file's extension calls for, or None to decide by content."""
    name = path.lower()
    for suffix, kind in _EXTENSIONS:
        if name.endswith(suffix):
            return kind
    return None


def sniff(head: bytes) -> str:
    """Guess the format from the first bytes: ``warc``, ``json``, ``feed``, ``html``, ``text``.

    Used for stdin and for files with an unknown extension.  Anything unrecognised is
    text, whose reader then says clearly if it is binary.
    """
    if head.startswith(b"\x1f\x8b") or head.startswith((b"WARC/", b"filedesc://")):
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
    if kind == "warc":
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
    paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """Documents and errors for files, folders (recursive), glob patterns and ``-``.

    Folders are read in sorted order, hidden files and folders skipped.  Each path's
    reader is chosen by extension, else by sniffing the content.  ``max_bytes`` caps
    each single-document file and each record of a JSONL file or web archive.
    """
    for arg in paths:
        for target in _expand(arg):
            if isinstance(target, ReadError):
                yield target
            elif target == "-":
                yield from _read_stdin(max_bytes)
            else:
                yield from read_file(target, max_bytes=max_bytes)


def count_inputs(paths: Iterable[str]) -> int:
    """How many files ``read_paths`` will open (stdin counts one), for a progress bar."""
    return sum(
        1 for arg in paths for target in _expand(arg) if not isinstance(target, ReadError)
    )
