"""Plain-text articles (``.txt``, ``.text``, ``.md``), with optional source headers.

A text file carries its metadata, if at all, at the very start, in one of two shapes:

* devset tokens: ``date 2025-10-07``, ``url https://…``, ``lang hi``, in any order, each a
  lower-case key, a value and whitespace, then the body — often on the same line
  (`` date 2025-11-18 Lucknow, Nov 18 (PTI) The state…``);
* a header block: ``Date:``, ``URL:``, ``Lang:``, ``Title:`` lines (no other keys, each
  at most once) ended by a blank line, as a mail or a web archive would write it.

Headers are removed and the whitespace after them stripped, because every offset later
in the pipeline counts from the first character of the body.  Nothing else in the body
is touched: no whitespace or Unicode normalisation happens here, so ``text`` is the file
as written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator

from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    Document,
    ReadError,
    ReadResult,
    decode_bytes,
    guarded_call,
    iso_date,
    load_bytes,
    normalise_lang,
)

# One devset token: key, blanks, value, then whitespace or the end of the file.
_TOKEN = re.compile(r"(date|url|lang)[ \t]+(\S+)(?=\s|\Z)")
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
# Lower-case only, as the devset writes it: ``lang Is`` or ``lang Lang`` opening a body
# must not be taken for a header.
_LANG = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
_BLOCK_LINE = re.compile(r"(date|url|lang|title):[ \t]*(.*?)[ \t]*\r?", re.IGNORECASE)
_WS = re.compile(r"\s*")


def _skip_ws(raw: str, pos: int) -> int:
    """Index of the first non-whitespace character at or after ``pos``."""
    m = _WS.match(raw, pos)
    return m.end() if m else pos


def _token_value(key: str, value: str) -> str | None:
    """The header value if it has the shape its key needs, else None (then it is body)."""
    if key == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return None
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            return None
    if key == "url":
        return value if _URL.fullmatch(value) else None
    return value if _LANG.fullmatch(value) else None


def _parse_tokens(raw: str) -> tuple[dict[str, str], int]:
    """Devset tokens at the start: their values and where the body begins (0 if none)."""
    found: dict[str, str] = {}
    pos = _skip_ws(raw, 0)
    end = 0
    while True:
        m = _TOKEN.match(raw, pos)
        if m is None or m[1] in found:
            break
        value = _token_value(m[1], m[2])
        if value is None:
            break
        found[m[1]] = value
        end = pos = _skip_ws(raw, m.end())
    return found, end


def _parse_block(raw: str) -> tuple[dict[str, str], int]:
    """A ``Key: value`` block at the start, ended by a blank line; ({}, 0) if there is none.

    The block counts only if every line up to the blank line is one of the four known
    keys, so a body that happens to open with ``Note: …`` stays body.
    """
    found: dict[str, str] = {}
    pos = 0
    while pos < len(raw):
        nl = raw.find("\n", pos)
        line_end = len(raw) if nl < 0 else nl
        line = raw[pos:line_end]
        nxt = line_end + 1 if nl >= 0 else line_end
        if not line.strip():
            if not found:
                pos = nxt
                continue
            return found, _skip_ws(raw, nxt)
        m = _BLOCK_LINE.fullmatch(line)
        if m is None or m[1].lower() in found:
            return {}, 0
        found[m[1].lower()] = m[2]
        pos = nxt
    # Headers up to the end of the file and no body: still a header block.
    return (found, len(raw)) if found else ({}, 0)


def parse_text(raw: str, *, doc: str, source: str) -> ReadResult:
    """Split decoded file content into headers and body and build the ``Document``."""
    if not raw.strip():
        return ReadError(source, "contains only whitespace, no text")
    headers, body_start = _parse_block(raw)
    title: str | None = None
    if headers:
        published = iso_date(headers.get("date"))
        url = headers.get("url") or None
        lang = normalise_lang(headers.get("lang"))
        title = headers.get("title") or None
    else:
        headers, body_start = _parse_tokens(raw)
        published = headers.get("date")
        url = headers.get("url")
        lang = normalise_lang(headers.get("lang"))
    text = raw[body_start:]
    if not text.strip():
        return ReadError(source, "has header lines but no article text after them")
    return Document(
        doc=doc, text=text, title=title, published=published, lang=lang, url=url, source=source
    )


def parse_text_bytes(data: bytes, *, doc: str, source: str) -> ReadResult:
    """Decode (UTF-8, BOM, or detected encoding) and parse; used for files and stdin."""
    if not data:
        return ReadError(source, "file is empty")
    raw = decode_bytes(data, source)
    if isinstance(raw, ReadError):
        return raw
    return parse_text(raw, doc=doc, source=source)


def read_text(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReadResult]:
    """Read one plain-text article; ``doc`` is the file's base name."""
    data = load_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    yield guarded_call(path, parse_text_bytes, data, doc=os.path.basename(path), source=path)
