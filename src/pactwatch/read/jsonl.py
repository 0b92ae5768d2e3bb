"""JSON articles: ``.json`` (one object or a list) and ``.jsonl``/``.ndjson`` (one per line).

Field names follow what scrapers and datasets commonly write: ``id``, ``url`` (or
``link``), ``title`` (or ``headline``), ``text`` (or ``body``/``content``), ``published``
(or ``date``), ``lang`` (or ``language``).  pactwatch's own ``article/1`` records are read
too (``doc`` and ``body``), so a stored export can be re-run through a newer pipeline —
provided the body was exported; the record alone has no text to re-read.

JSON Lines files are streamed and ``max_bytes`` applies to each line, not the file: a
JSONL dump of a year of news is legitimately large, while one 20 MB line is not an
article.  A bad line is one ``ReadError`` naming the line; the lines around it still read.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    Document,
    ReadError,
    ReadResult,
    check_file,
    decode_bytes,
    guarded_call,
    human_size,
    iso_date,
    load_bytes,
    member,
    normalise_lang,
)

ARTICLE_SCHEMA = "article/1"
# An article record nests five levels (record > events > event > evidence > span);
# anything far deeper is not an article, and Python's JSON parser recurses once per
# level, so a few thousand brackets would otherwise end the process's stack.
MAX_JSON_DEPTH = 64
_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


class JSONTooDeep(ValueError):
    """A JSON value nested deeper than ``MAX_JSON_DEPTH``."""


def json_depth(text: str) -> int:
    """How deeply arrays and objects nest in ``text`` (brackets inside strings ignored).

    Linear in the length: strings and everything but brackets are removed with two
    regular expressions, and only the brackets left are counted.
    """
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    if not brackets:
        return 0
    return max(0, max(itertools.accumulate(1 if c in "[{" else -1 for c in brackets)))


def loads(text: str) -> Any:
    """``json.loads`` that refuses nesting deeper than ``MAX_JSON_DEPTH`` with a clear
    ``JSONTooDeep`` (a ``ValueError``) instead of a ``RecursionError``."""
    if text.count("[") + text.count("{") > MAX_JSON_DEPTH:
        depth = json_depth(text)
        if depth > MAX_JSON_DEPTH:
            raise JSONTooDeep(
                f"is JSON nested {depth} levels deep; an article record needs at most "
                f"{MAX_JSON_DEPTH}, so this is not read")
    try:
        return json.loads(text)
    except RecursionError:  # a depth the count above missed: never past the item
        raise JSONTooDeep("is JSON nested too deeply to be read") from None


def describe_json_error(exc: json.JSONDecodeError, *, whole_file: bool) -> str:
    """``is not valid JSON (Expecting ',' delimiter at line 3, column 7)``.

    Some of the parser's messages already end in "at" ("Invalid control character
    at"); it is dropped so the sentence does not say "at at".
    """
    msg = exc.msg.removesuffix(" at")
    where = f"line {exc.lineno}, column {exc.colno}" if whole_file else f"column {exc.colno}"
    return f"is not valid JSON ({msg} at {where})"
_TEXT_FIELDS = ("text", "body", "content")
_JSON_TYPES = {list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true/false", type(None): "null"}


def _kind(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _first_str(rec: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def record_to_document(rec: object, *, default_doc: str, source: str) -> ReadResult:
    """One decoded JSON value to a ``Document``, or the reason it is not an article."""
    if not isinstance(rec, dict):
        return ReadError(source, f"is {_kind(rec)}, not a JSON object with an article")
    text: str | None = None
    for key in _TEXT_FIELDS:
        value = rec.get(key)
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = "\n\n".join(v.strip() for v in value if v.strip())  # paragraphs
        if not isinstance(value, str):
            return ReadError(source, f"field '{key}' is {_kind(value)}, not text")
        if value.strip():
            text = value
            break
    if text is None:
        if rec.get("schema") == ARTICLE_SCHEMA:
            return ReadError(
                source,
                "is an article/1 record without its body, so there is no text to read "
                "(export with the body included to re-read records)",
            )
        return ReadError(source, "has no article text (no 'text', 'body' or 'content' field)")
    ident = rec.get("id", rec.get("doc"))
    if isinstance(ident, bool) or not isinstance(ident, str | int) or str(ident).strip() == "":
        doc = default_doc
    else:
        doc = str(ident).strip()
    return Document(
        doc=doc,
        text=text,
        title=_first_str(rec, "title", "headline"),
        published=iso_date(rec.get("published", rec.get("date"))),
        lang=normalise_lang(rec.get("lang", rec.get("language"))),
        url=_first_str(rec, "url", "link"),
        source=source,
    )


def _bad_json(exc: json.JSONDecodeError, *, whole_file: bool) -> str:
    return describe_json_error(exc, whole_file=whole_file)


def too_big_line(max_bytes: int) -> str:
    """The over-size sentence for one record (its exact size is not read, on purpose)."""
    return (
        f"line is longer than the limit of {human_size(max_bytes)}; "
        "use --max-bytes to raise the limit"
    )


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, raw line) pairs; None for a line longer than ``max_bytes``.

    ``readline`` is bounded so an over-long line is skipped in pieces instead of being
    loaded whole.
    """
    lineno = 0
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(max_bytes + 1)
            yield lineno, None
            continue
        yield lineno, line


def _parse_line(raw: bytes, *, item: str, default_doc: str) -> ReadResult:
    """One JSON line to a document or the reason it is not one."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        decoded = decode_bytes(raw, item)
        if isinstance(decoded, ReadError):
            return decoded
        line = decoded
    try:
        rec = loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(item, _bad_json(exc, whole_file=False))
    except JSONTooDeep as exc:
        return ReadError(item, str(exc))
    return record_to_document(rec, default_doc=default_doc, source=item)


def parse_json_lines(
    stream: BinaryIO, *, name: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """Stream JSON Lines: one result per non-blank line, errors naming the line."""
    seen = False
    for lineno, raw in _lines(stream, max_bytes):
        item = member(source, f"line {lineno}")
        if raw is None:
            seen = True
            yield ReadError(item, too_big_line(max_bytes))
            continue
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        seen = True
        yield guarded_call(item, _parse_line, raw, item=item, default_doc=f"{name}#{lineno}")
    if not seen:
        yield ReadError(source, "has no JSON records, only blank lines")


def _looks_like_lines(text: str) -> bool:
    """True when the first non-blank line is a JSON object by itself (JSONL in a .json)."""
    for line in text.splitlines():
        if line.strip():
            try:
                return isinstance(loads(line), dict)
            except ValueError:  # not JSON, or nested too deeply
                return False
    return False


def parse_json_bytes(
    data: bytes, *, name: str, source: str, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """A whole JSON document: an object, a list of objects, or JSON Lines after all."""
    text = decode_bytes(data, source)
    if isinstance(text, ReadError):
        yield text
        return
    if not text.strip():
        yield ReadError(source, "contains only whitespace, no JSON")
        return
    try:
        value = loads(text)
    except JSONTooDeep as exc:  # in JSON Lines, only the deep line is lost
        if _looks_like_lines(text):
            yield from parse_json_lines(
                io.BytesIO(text.encode("utf-8")), name=name, source=source, max_bytes=max_bytes
            )
        else:
            yield ReadError(source, str(exc))
        return
    except json.JSONDecodeError as exc:
        if _looks_like_lines(text):
            yield from parse_json_lines(
                io.BytesIO(text.encode("utf-8")), name=name, source=source, max_bytes=max_bytes
            )
        else:
            yield ReadError(source, _bad_json(exc, whole_file=True))
        return
    if isinstance(value, list):
        if not value:
            yield ReadError(source, "is an empty JSON list, with no articles")
            return
        for i, rec in enumerate(value, start=1):
            item = member(source, f"item {i}")
            yield guarded_call(item, record_to_document, rec, default_doc=f"{name}#{i}",
                               source=item)
        return
    yield guarded_call(source, record_to_document, value, default_doc=name, source=source)


def read_jsonl(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReadResult]:
    """Read a ``.json`` file whole, or stream a ``.jsonl``/``.ndjson`` file by line."""
    name = os.path.basename(path)
    if path.lower().endswith(".json"):
        data = load_bytes(path, max_bytes)
        if isinstance(data, ReadError):
            yield data
            return
        yield from parse_json_bytes(data, name=name, source=path, max_bytes=max_bytes)
        return
    bad = check_file(path)
    if bad is not None:
        yield bad
        return
    try:
        with open(path, "rb") as stream:
            yield from parse_json_lines(stream, name=name, source=path, max_bytes=max_bytes)
    except OSError as exc:
        yield ReadError(path, f"file cannot be read: {exc.strerror or exc}")
