"""What every reader returns: documents, or one clear error per bad item.

Readers never raise for bad input.  A batch of a thousand files with one truncated gzip
in it must still yield the other 999 documents, so a reader yields ``ReadError`` values
in the stream and the CLI prints them as one line each.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import os
import re
import stat
import unicodedata
from dataclasses import dataclass

import charset_normalizer

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


# --------------------------------------------------------------------------------------
# Helpers shared by the readers.  They live here so that every reader words the same
# problem the same way and decodes bytes by the same rules.
# --------------------------------------------------------------------------------------

STDIN_NAME = "<stdin>"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


def member(path: str, what: str) -> str:
    """Name one item inside a container file, e.g. ``feed.xml (entry 3)``.

    Every reader uses this shape for ``Document.source`` and ``ReadError.item`` so the CLI
    prints members of JSONL, feeds and WARCs alike.
    """
    return f"{path} ({what})"


def human_size(n: int) -> str:
    """``21.0 MB (22,020,096 bytes)``: readable, and exact for anyone comparing limits."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB ({n:,} bytes)"
    if n >= 1024:
        return f"{n / 1024:.1f} KB ({n:,} bytes)"
    return f"{n:,} bytes"


def too_big(size: int, max_bytes: int, what: str = "file") -> str:
    """The over-size sentence: the size, the limit and how to raise it."""
    return (
        f"{what} is {human_size(size)}, over the limit of {human_size(max_bytes)}; "
        f"use --max-bytes to raise the limit"
    )


def check_file(path: str) -> ReadError | None:
    """Why ``path`` cannot be read as a file, or None when it can.

    Done before opening so that a missing file, a folder or a socket gets a sentence
    instead of an ``OSError`` traceback; the size limit is left to the caller because
    container formats (JSONL, WARC) apply it per record, not per file.
    """
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return ReadError(path, "is a link to a file that does not exist")
        return ReadError(path, "file does not exist")
    except PermissionError:
        return ReadError(path, "file cannot be read: permission denied")
    except OSError as exc:
        return ReadError(path, f"file cannot be read: {exc.strerror or exc}")
    if stat.S_ISDIR(st.st_mode):
        return ReadError(path, "is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        return ReadError(path, "is not a regular file (a device, pipe or socket)")
    if st.st_size == 0:
        return ReadError(path, "file is empty")
    if not os.access(path, os.R_OK):
        return ReadError(path, "file cannot be read: permission denied")
    return None


def load_bytes(path: str, max_bytes: int) -> bytes | ReadError:
    """The whole file, or the reason it cannot be had (missing, unreadable, too big, empty).

    Single-document formats are read whole; ``max_bytes`` stops a stray disk image or
    database dump from being pulled into memory as if it were an article.
    """
    bad = check_file(path)
    if bad is not None:
        return bad
    size = os.path.getsize(path)
    if size > max_bytes:
        return ReadError(path, too_big(size, max_bytes))
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        return ReadError(path, "file cannot be read: permission denied")
    except OSError as exc:
        return ReadError(path, f"file cannot be read: {exc.strerror or exc}")
    if not data:
        return ReadError(path, "file is empty")
    if len(data) > max_bytes:  # grew between stat and read
        return ReadError(path, too_big(len(data), max_bytes))
    return data


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 from where the NUL bytes sit.

    Latin or Devanagari text in UTF-16 has a NUL in (nearly) every other byte, all on the
    same side; a binary file has them scattered.  Without this, such a file would be
    called binary.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    half = len(sample) // 2
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    for encoding, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.3 * half and other <= 0.02 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


@functools.lru_cache(maxsize=64)
def _single_byte(encoding: str) -> bool:
    """True for code pages where every byte is one character (cp1252, koi8_r, ...)."""
    try:
        return len(bytes(range(256)).decode(encoding, errors="replace")) == 256
    except LookupError:
        return False


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS)
    return bad / len(sample)


def _detect(data: bytes) -> str | None:
    """Decode non-UTF-8 bytes by detection, preferring Windows-1252 for mostly-ASCII text.

    charset-normalizer gets Shift_JIS and other multi-byte encodings right, but a short
    English text with a few curly quotes or a euro sign comes back as ``mac_iceland`` or
    ``cp775``.  Mostly-ASCII text with a handful of high bytes is, in news files, nearly
    always Windows-1252, so that wins unless the detector found a multi-byte encoding.
    """
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and not _single_byte(best.encoding):
        return str(best)
    ascii_share = sum(1 for b in data[:20000] if b < 0x80) / max(1, min(len(data), 20000))
    if ascii_share >= 0.8:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best) if best is not None else None


def decode_bytes(data: bytes, item: str) -> str | ReadError:
    """Bytes to text: BOM, then UTF-8, then detection; binary data is refused.

    The result has no BOM.  Errors distinguish "this is not text at all" (NUL bytes,
    control characters) from "this is text in an encoding nothing recognises", because
    the fixes differ: the first is the wrong file, the second needs re-saving as UTF-8.
    """
    encoding = bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            name = encoding.upper().removesuffix("-SIG")
            return ReadError(item, f"starts with a {name} byte-order mark but is not valid {name}")
        return text.lstrip("\ufeff")
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None or _control_ratio(utf16) > 0.05:
            return ReadError(item, "looks binary, not text (it contains NUL bytes)")
        return utf16
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        detected = _detect(data)
        if detected is None:
            raw_controls = sum(1 for b in data[:20000] if b < 0x20 and b not in b"\t\n\r\f\v\x1b")
            if raw_controls > 0.05 * min(len(data), 20000):
                return ReadError(item, "looks binary, not text")
            return ReadError(
                item,
                "is not UTF-8 and its encoding could not be detected; re-save it as UTF-8",
            )
        text = detected
    if _control_ratio(text) > 0.05:
        return ReadError(item, "looks binary, not text (too many control characters)")
    return text


def iso_date(value: object) -> str | None:
    """A source's date as ``YYYY-MM-DD``, or None when it is not a date.

    Accepts ISO dates and datetimes (the date part as written, not shifted to UTC: the
    date the source states is the one its readers saw) and RFC 2822 dates as in RSS and
    e-mail headers.  Anything else is dropped rather than passed on as a wrong date.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    s = value.strip()
    m = _ISO_DATE.match(s)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def normalise_lang(value: object) -> str | None:
    """``en-GB`` / ``en_us`` / ``JA`` → ``en`` / ``en`` / ``ja``: the primary subtag.

    The pipeline chooses its language module by the two- or three-letter code; regions
    and scripts do not change which module runs.
    """
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not _LANG_TAG.fullmatch(s):
        return None
    return re.split(r"[-_]", s, maxsplit=1)[0].lower()
