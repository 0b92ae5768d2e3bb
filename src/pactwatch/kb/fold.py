"""Fold text for matching while remembering where every folded character came from.

Names are written many ways: "BENGALURU" and "Bengaluru", "Haryāna" and "Haryana",
"मित्सुई किन्ज़ोकू" with or without nukta, "マディヤ・プラデシュ州" with or without the
middle dot.  Aliases and article text go through the same fold; the fold keeps an index
map so a match in folded text points back to exact offsets in the body.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_DROP = {
    "\u093c",  # Devanagari nukta: क़ and क are one letter for matching
    "\u200c", "\u200d",  # ZWNJ/ZWJ
    "・", "･", "＝", "=", ".", "·", "\u00ad",
}
_MAP = {
    "\u0901": "\u0902",  # chandrabindu → anusvara
    "’": "'", "‘": "'", "`": "'", "´": "'",
    "‐": " ", "‑": " ", "–": " ", "—": " ", "―": " ",
}


# vowel length is written loosely in transcribed names (मित्सुई/मित्सुइ, सूज़ुकी/सुजुकी);
# the loose fold ignores it.  Short names need the strict fold too ("पूरी", whole, is not
# the city "पुरी"): see ``Matcher``.
_LOOSE = {"\u0940": "\u093f", "\u0942": "\u0941", "\u0908": "\u0907", "\u090a": "\u0909",
          # retroflex and dental n are written interchangeably in place names (नीमराणा, नीमराना)
          "\u0923": "\u0928"}


# the vowel signs of के and की, which fold to का's (see ``_fold_general``)
_GENITIVE_SIGNS = {"\u0947", "\u0940"}

# ङ ञ ण न म: written with a virama before a stop, each is what the anusvara writes
_NASALS = {"\u0919", "\u091e", "\u0923", "\u0928", "\u092e"}


@lru_cache(maxsize=65536)
def fold_char(ch: str) -> str:
    """Fold one character to zero or more characters."""
    if ch in _DROP:
        return ""
    if ch in _MAP:
        return _MAP[ch]
    if ch.isspace() or ch == "-" or ch == "_":
        return " "
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:  # full-width ASCII
        ch = chr(o - 0xFEE0)
        if ch in _DROP:
            return ""
    if o < 0x80:
        return ch.lower()
    if 0x0900 <= o <= 0x097F or 0x3000 <= o <= 0x9FFF:
        return ch
    # Latin with diacritics: strip the marks ("Haryāna" → "haryana")
    decomposed = unicodedata.normalize("NFKD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base.casefold()


# ASCII text folds character by character with no context (the loose rules and the
# nasal rule touch only Devanagari and katakana): one ``str.translate`` with
# ``fold_char``'s own answers, a marker for the dropped characters
_GONE = "\ue000"  # a private-use character: never in ASCII text
_ASCII_FOLD = {o: (fold_char(chr(o)) or _GONE) for o in range(128)}


def _fold_ascii(text: str, table: dict[int, str] = _ASCII_FOLD) -> tuple[str, list[int]]:
    """``fold_with_map`` of an ASCII text, in a few C-level passes and two list
    comprehensions instead of a Python loop with a call per character: the matcher folds
    every article's whole body, and the relevance cascade folds the ones it reads.
    ``table``: the same for a text whose other characters each fold alone to one or no
    character (``_context_free``)."""
    t = text.translate(table)
    keep = _skip(range(len(t)), [m.start() for m in _GONE_RX.finditer(t)])
    s = t.replace(_GONE, "")
    # a space is kept after a kept non-space only (dropped characters are transparent,
    # and a leading space goes, as in the general loop).  Dropped characters and such
    # spaces are few, so the passes over every character stay in C.
    extra = [m.start() for m in _EXTRA_SPACE.finditer(s)]
    if not extra:
        return s, keep
    return _EXTRA_SPACE.sub("", s), _skip(keep, extra)


_GONE_RX = re.compile(_GONE)
_EXTRA_SPACE = re.compile(r"(?:(?<= )|^) ")  # a space after a space, or first


def _skip(seq: Sequence[int], drop: list[int]) -> list[int]:
    """``seq`` without the items at the (ascending) positions ``drop``, slice by slice."""
    out: list[int] = []
    prev = 0
    for j in drop:
        out.extend(seq[prev:j])
        prev = j + 1
    out.extend(seq[prev:])
    return out


def fold_with_map(text: str, loose: bool = True) -> tuple[str, list[int]]:
    """Return the folded text and, for each folded character, its index in ``text``.

    Runs of spaces collapse to one so that "Nayab  Singh" meets "Nayab Singh"; with
    ``loose`` Devanagari vowel length and doubled consonants are ignored.
    """
    if text.isascii():
        return _fold_ascii(text)
    table = _context_free(frozenset(text), loose)
    if table is not None:
        return _fold_ascii(text, table)
    return _fold_general(text, loose)


@lru_cache(maxsize=1024)
def _one_char(ch: str, loose: bool) -> str | None:
    """What ``_fold_general`` makes of ``ch`` wherever it stands (``_GONE`` when it
    drops it), or None when that depends on its neighbours or is more than one
    character: Devanagari (nukta, virama, nasals, genitive signs, vowel length) and the
    katakana length mark have rules of context."""
    if 0x0900 <= ord(ch) <= 0x097F or ch in ("ー", _GONE):
        return None
    f = fold_char(ch)
    if loose and f in _LOOSE:
        f = _LOOSE[f]
    return (f or _GONE) if len(f) <= 1 else None


def _context_free(chars: frozenset[str], loose: bool) -> dict[int, str] | None:
    """The fold table of a text made of ``chars`` when each of its characters folds
    alone (``_one_char``), else None.  English copy is seldom pure ASCII (curly quotes,
    dashes, "₹"), and the per-character loop cost it ~8 ms a body."""
    extra: dict[int, str] = {}
    for ch in chars:
        if ch.isascii():
            continue
        one = _one_char(ch, loose)
        if one is None:
            return None
        extra[ord(ch)] = one
    return {**_ASCII_FOLD, **extra}


def _fold_general(text: str, loose: bool = True) -> tuple[str, list[int]]:
    out: list[str] = []
    idx: list[int] = []
    prev_space = True
    skip = -1
    for i, ch in enumerate(text):
        if i == skip:
            continue
        # a doubled consonant (निट्टो) meets the single one (निटो): drop virama + repeat
        if loose and ch == "\u094d" and i and i + 1 < len(text) and text[i + 1] == text[i - 1] \
                and 0x0915 <= ord(text[i - 1]) <= 0x0939:
            skip = i + 1
            continue
        # a nasal consonant with virama before a stop (मुम्बई, हिन्दी, चण्डीगढ़) is the
        # anusvara of the other spelling (मुंबई, हिंदी, चंडीगढ़): one key for both
        if ch in _NASALS and i + 2 < len(text) and text[i + 1] == "\u094d" \
                and 0x0915 <= ord(text[i + 2]) <= 0x092E and text[i + 2] != ch:
            out.append("\u0902")
            idx.append(i)
            prev_space = False
            skip = i + 1
            continue
        # katakana transcriptions write vowel length loosely too ("ピータンプル",
        # "ピタンプール"; "プネー", "プネ"): the loose fold drops the length mark
        if loose and ch == "ー" and i and "\u30a1" <= text[i - 1] <= "\u30fa":
            continue
        # the genitive postposition agrees with what it governs: "भारत में जापान का
        # दूतावास" is "… के दूतावास के अधिकारी" in the oblique; का, के and की are one word
        if ch in _GENITIVE_SIGNS and i and text[i - 1] == "\u0915" \
                and (i < 2 or text[i - 2].isspace()) \
                and (i + 1 == len(text) or not (text[i + 1].isalnum() or "\u0900" <= text[i + 1] <= "\u097f")):
            ch = "\u093e"
        f = fold_char(ch)
        if loose and f in _LOOSE:
            f = _LOOSE[f]
        for c in f:
            if c == " ":
                if prev_space:
                    continue
                prev_space = True
            else:
                prev_space = False
            out.append(c)
            idx.append(i)
    return "".join(out), idx


def fold(text: str, loose: bool = True) -> str:
    """Fold a name to its matching key (no offsets needed)."""
    return fold_with_map(text, loose)[0].strip()
