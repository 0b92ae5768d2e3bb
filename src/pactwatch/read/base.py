"""What every reader returns: documents, or one clear error per bad item.

Readers never raise for bad input.  A batch of a thousand files with one truncated gzip
in it must still yield the other 999 documents, so a reader yields ``ReadError`` values
in the stream and the CLI prints them as one line each.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(slots=True)
class Document:
    """One article as a source gives it, before any language processing.

    ``text`` is the body exactly as offsets will refer to it: source headers such as the
    devset's leading ``date YYYY-MM-DD`` are already removed.
    """

    doc: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date the source states in its metadata
    lang: str | None = None
    url: str | None = None
    source: str | None = None  # the file (and member) it came from


@dataclass(slots=True)
class ReadError:
    """A bad item: ``item`` names the file (and record), ``reason`` says what is wrong."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


ReadResult = Document | ReadError
