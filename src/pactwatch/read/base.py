"""What every reader returns: documents, or one clear error per bad item.

Readers never raise for bad input.  A batch of a thousand files with one truncated gzip
in it must still yield the other 999 documents, so a reader yields ``ReadError`` values
in the stream and the CLI prints them as one line each.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import math
import os
import re
import stat
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
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
    # Something the reader changed and the user should hear about (a text cut at the
    # character limit); the item is still good, so this is not a ``ReadError``.
    warning: str | None = None


@dataclass(slots=True)
class ReadError:
    """A bad item: ``item`` names the file (and record), ``reason`` says what is wrong."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


ReadResult = Document | ReadError


# --------------------------------------------------------------------------------------
# The per-item error boundary.  Any exception while reading one item (a RecursionError
# from a pathological nesting, a MemoryError from one huge item, a UnicodeError or a bug
# in a parsing library) becomes that item's ``ReadError``; the batch goes on.
# --------------------------------------------------------------------------------------

def crash_reason(exc: BaseException) -> str:
    """The one-line reason for an exception raised while reading an item."""
    if isinstance(exc, RecursionError):
        return "is nested too deeply to be read (the reader ran out of stack)"
    if isinstance(exc, MemoryError):
        return "is too large to be read into memory; lower --max-bytes or split the file"
    if isinstance(exc, UnicodeError):
        return f"has text that cannot be decoded or encoded ({exc})"
    lines = str(exc).strip().splitlines()
    detail = f": {lines[0][:200]}" if lines else ""
    return f"could not be read ({type(exc).__name__}{detail})"


def guarded(results: Iterable[ReadResult], item: str) -> Iterator[ReadResult]:
    """Everything ``results`` yields, then one ``ReadError`` for ``item`` if it raises.

    A generator that raised cannot be resumed, so whatever followed in the same file is
    lost; readers of container formats guard each member themselves and this wrapper
    catches only what escapes them.  ``KeyboardInterrupt`` and ``SystemExit`` pass.
    """
    it = iter(results)
    while True:
        try:
            res = next(it)
        except StopIteration:
            return
        except Exception as exc:
            yield ReadError(item, crash_reason(exc))
            return
        yield res


def guarded_call(where: str, fn: Callable[..., ReadResult], /, *args: object, **kw: object
                 ) -> ReadResult:
    """``fn(*args, **kw)``, or a ``ReadError`` for ``where`` if it raises."""
    try:
        return fn(*args, **kw)
    except Exception as exc:
        return ReadError(where, crash_reason(exc))


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


def _entropy(values: bytes) -> float:
    """Shannon entropy in bits of a byte sequence."""
    n = len(values)
    if not n:
        return 0.0
    return -sum(c / n * math.log2(c / n) for c in Counter(values).values())


_BAD_CATEGORIES = frozenset(("Cn", "Co", "Cs"))


def _text_like(text: str) -> bool:
    """True when decoded text is made of assigned, printable characters (or whitespace)."""
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if unicodedata.category(ch) in _BAD_CATEGORIES
              or (unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS))
    return bad <= 0.02 * len(sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess BOM-less UTF-16 in any script, either byte order, or None.

    In UTF-16 text the high byte of each code unit says which script block a character
    is in, so it takes few values (0x00 for ASCII, 0x09 for Devanagari, 0x30 for kana,
    0x4E–0x9F for kanji) while the low byte takes many: the side of the pairs with the
    clearly lower byte entropy is the high byte, which gives the byte order for any
    script.  The guess stands only if the data decodes strictly (no unpaired
    surrogates) to assigned, printable characters; binary data fails one of these.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:16384]
    even, odd = _entropy(sample[0::2]), _entropy(sample[1::2])
    if abs(even - odd) < 1.0:
        return None
    encoding = "utf-16-le" if odd < even else "utf-16-be"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if _text_like(text) else None


@functools.lru_cache(maxsize=64)
def _single_byte(encoding: str) -> bool:
    """True for code pages where every byte is one character (cp1252, koi8_r, ...)."""
    try:
        return len(bytes(range(256)).decode(encoding, errors="replace")) == 256
    except LookupError:
        return False


# Unicode's control characters (category Cc is exactly U+0000-U+001F and U+007F-U+009F)
# less the ones text uses (_TEXT_CONTROLS): one C-level scan instead of a category
# lookup per character, which cost ~1 ms an article, more than the relevance cascade
_BAD_CONTROLS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_BAD_CONTROLS.findall(sample)) / len(sample)


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


_LEGACY_CJK = ("cp932", "euc_jp", "euc_kr", "big5", "gbk")


def _legacy_cjk(data: bytes) -> bool:
    """True when the bytes decode strictly in a legacy CJK code page."""
    for encoding in _LEGACY_CJK:
        try:
            data[:16384].decode(encoding)
        except UnicodeDecodeError as exc:
            if exc.start >= 16380:  # the sample cut a character in two
                return True
            continue
        return True
    return False


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
        # Kana, kanji or Devanagari in UTF-16 may have no NUL byte at all (no ASCII in
        # the text); Shift_JIS and EUC text can look the same to the byte statistics,
        # so the guess is tried only for data no legacy CJK encoding decodes.
        if not _legacy_cjk(data):
            utf16 = _utf16_without_bom(data)
            if utf16 is not None:
                return utf16
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
