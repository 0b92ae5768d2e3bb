"""RSS and Atom feeds (``.rss``, ``.atom``, ``.xml``): one ``Document`` per entry.

The entry's full content (``content:encoded``, Atom ``<content>``) is preferred over its
summary, which is often a teaser of one sentence.  Markup is reduced to text with one
blank line between paragraphs, as for HTML pages.

The publication date is the calendar date *as the feed writes it*: feedparser's
``published_parsed`` is shifted to UTC, which moves an Indian or Japanese article
published after midnight local time to the previous day.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Iterator
from typing import Any

import feedparser

from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    Document,
    ReadError,
    ReadResult,
    bom_encoding,
    guarded_call,
    iso_date,
    load_bytes,
    member,
    normalise_lang,
)
from pactwatch.read.html import html_fragment_to_text

_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _entry_text(entry: Any) -> str:
    """Full content when the entry has it, else the summary, as plain text."""
    candidates: list[tuple[str, str]] = []
    for content in entry.get("content") or []:
        candidates.append((content.get("value") or "", content.get("type") or "text/html"))
    detail = entry.get("summary_detail") or {}
    candidates.append((entry.get("summary") or "", detail.get("type") or "text/html"))
    for value, kind in candidates:
        if not value.strip():
            continue
        if kind.lower() in _HTML_TYPES or "<" in value:
            text = html_fragment_to_text(value)
        else:
            text = "\n\n".join(p.strip() for p in value.split("\n") if p.strip())
        if text.strip():
            return text
    return ""


def _entry_date(entry: Any) -> str | None:
    for key in ("published", "updated", "created"):
        date = iso_date(entry.get(key))
        if date:
            return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if isinstance(parsed, time.struct_time):
            return time.strftime("%Y-%m-%d", parsed)
    return None


def _entry_lang(entry: Any, feed_lang: str | None) -> str | None:
    for content in entry.get("content") or []:
        lang = normalise_lang(content.get("language"))
        if lang:
            return lang
    for key in ("summary_detail", "title_detail"):
        lang = normalise_lang((entry.get(key) or {}).get("language"))
        if lang:
            return lang
    return feed_lang


def parse_feed_bytes(data: bytes, *, name: str, source: str) -> Iterator[ReadResult]:
    """Parse feed bytes (feedparser does its own encoding detection from the XML prolog)."""
    if b"\x00" in data[:8192] and bom_encoding(data) is None:
        yield ReadError(source, "looks binary, not text (it contains NUL bytes)")
        return
    try:
        # A stream, never the bytes themselves: feedparser treats a bytes argument that
        # happens to name a file or URL as a location to open.
        parsed = feedparser.parse(
            io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True
        )
    except Exception as exc:  # feedparser bugs must not end a batch
        yield ReadError(source, f"could not be parsed as a feed ({exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if not parsed.get("version"):
            why = parsed.get("bozo_exception")
            detail = f" ({why})" if why else ""
            yield ReadError(source, f"is not an RSS or Atom feed{detail}")
        else:
            yield ReadError(source, "is a feed with no entries")
        return
    feed_lang = normalise_lang(parsed.feed.get("language"))
    for n, entry in enumerate(entries, start=1):
        item = member(source, f"entry {n}")
        yield guarded_call(item, _entry_document, entry, n=n, name=name, item=item,
                           feed_lang=feed_lang)


def _entry_document(entry: Any, *, n: int, name: str, item: str, feed_lang: str | None
                    ) -> ReadResult:
    """One feed entry to a document, or the reason it has no article."""
    title = (entry.get("title") or "").strip() or None
    text = _entry_text(entry)
    if not text.strip():
        label = f" '{title}'" if title else ""
        return ReadError(item, f"entry{label} has no text (neither content nor summary)")
    link = (entry.get("link") or "").strip() or None
    doc = (entry.get("id") or "").strip() or link or f"{name}#{n}"
    return Document(
        doc=doc,
        text=text,
        title=title,
        published=_entry_date(entry),
        lang=_entry_lang(entry, feed_lang),
        url=link,
        source=item,
    )


def read_feed(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReadResult]:
    """Read every entry of an RSS or Atom file."""
    data = load_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    yield from parse_feed_bytes(data, name=os.path.basename(path), source=path)
