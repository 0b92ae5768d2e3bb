"""Event triggers: words that name one of the seven event types, per language.

The words themselves live in ``data/triggers.yaml`` (knowledge is data); this module is
only the mechanism that turns the lists into compiled patterns and finds them in text.
The frame logic decides what a trigger becomes, so a trigger carries only its type, its
strength (``strong``: the word alone names the event; ``weak``: it needs a participant or
an amount nearby) and its exact span.

The pattern helpers here (boundaries, Devanagari nukta folding, longest-match
resolution, YAML loading) are shared with :mod:`pactwatch.events.sectors` and
:mod:`pactwatch.events.status`, so that all three lexicons match text the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import regex

from pactwatch.record import EVENT_TYPES
from pactwatch.yamlload import safe_load as yaml_safe_load

_T = TypeVar("_T")

DATA_DIR = Path(__file__).parent / "data"
LANGS: tuple[str, ...] = ("en", "hi", "ja")

Strength = Literal["strong", "weak"]

# Python's ``\b`` treats Devanagari vowel signs (category M) as non-word characters, so
# "नीति" would match inside "राजनीति"'s neighbours and miss after a matra.  Letters, marks
# and digits together are what a word is made of in both Latin and Devanagari text.
_WORD = r"[\p{L}\p{M}\p{N}]"
_SCRIPT_LEFT = rf"(?<!{_WORD})"
_SCRIPT_RIGHT = rf"(?!{_WORD})"
# Japanese has no spaces, so a kanji word may touch anything; only Latin tokens inside
# Japanese text ("EV", "MoU") need to stop at Latin neighbours.  Each side passes when
# either the outside or the inside character is not Latin/digit (half or full width).
_LATIN = r"[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]"
_LATIN_LEFT = rf"(?:(?<!{_LATIN})|(?!{_LATIN}))"
_LATIN_RIGHT = rf"(?:(?!{_LATIN})|(?<!{_LATIN}))"

# Devanagari letters written either precomposed (U+0958..U+095F) or as base + nukta
# (U+093C); news sites use both, and writers drop the nukta freely ("फैक्ट्री" vs
# "फ़ैक्ट्री").  Hindi patterns are written without nukta and widened to accept all three.
_NUKTA = "\u093c"
_PRECOMPOSED = {
    "\u0958": "क", "\u0959": "ख", "\u095a": "ग", "\u095b": "ज",
    "\u095c": "ड", "\u095d": "ढ", "\u095e": "फ", "\u095f": "य",
}
_BASE_TO_PRECOMPOSED = {base: pre for pre, base in _PRECOMPOSED.items()}
_QUANTIFIERS = set("?*+{")


def fold_nukta(pattern: str) -> str:
    """Make every nukta-capable consonant in ``pattern`` match with or without a nukta.

    Applied outside character classes only, and not to a consonant followed by a
    quantifier (wrapping it would change what the quantifier repeats).
    """
    out: list[str] = []
    in_class = False
    escaped = False
    chars = list(pattern)
    for i, ch in enumerate(chars):
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            out.append(ch)
            escaped = True
            continue
        if in_class:
            if ch == "]":
                in_class = False
            out.append(ch)
            continue
        if ch == "[":
            in_class = True
            out.append(ch)
            continue
        if ch == _NUKTA:
            continue  # the base consonant before it already accepts a nukta
        base = _PRECOMPOSED.get(ch, ch)
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        if nxt == _NUKTA and i + 2 < len(chars):
            nxt = chars[i + 2]
        if base in _BASE_TO_PRECOMPOSED and nxt not in _QUANTIFIERS:
            out.append(f"(?:{base}{_NUKTA}?|{_BASE_TO_PRECOMPOSED[base]})")
        else:
            out.append(ch)
    return "".join(out)


def lexeme_left(lang: str) -> str:
    """The left boundary ``compile_lexeme`` puts before a language's words (bounded)."""
    return _LATIN_LEFT if lang == "ja" else _SCRIPT_LEFT


def compile_lexeme(
    patterns: Sequence[str], lang: str, *, case: bool = False, bounded: bool = True
) -> regex.Pattern[str]:
    """Compile alternatives into one leftmost-longest pattern with the language's boundaries.

    POSIX (leftmost-longest) matching makes the order of alternatives irrelevant: the
    lexicon author can write "MO|MOU" or "工場|新工場" in any order and the longest
    alternative at a position wins, which is what a lexicon means.  ``bounded=False``
    drops the word boundaries, for punctuation such as a clause-ending ";" that sits
    right after a word.
    """
    if lang == "hi":
        patterns = [fold_nukta(p) for p in patterns]
    body = "|".join(f"(?:{p})" for p in patterns)
    if not bounded:
        wrapped = f"(?:{body})"
    elif lang == "ja":
        wrapped = f"{lexeme_left(lang)}(?:{body}){_LATIN_RIGHT}"
    else:
        wrapped = f"{lexeme_left(lang)}(?:{body}){_SCRIPT_RIGHT}"
    flags = regex.POSIX | regex.V0
    if not case:
        flags |= regex.IGNORECASE
    return regex.compile(wrapped, flags)


def by_flags(items: Iterable[_T], pattern: Callable[[_T], regex.Pattern[str]]) -> list[list[_T]]:
    """``items`` in runs whose ``compile_lexeme`` patterns share flags (case-sensitive
    entries apart), each run in the given order: what one ``lexeme_scan`` may join."""
    runs: dict[int, list[_T]] = {}
    for item in items:
        runs.setdefault(pattern(item).flags & ~regex.POSIX, []).append(item)
    return list(runs.values())


def lexeme_scan(patterns: Sequence[regex.Pattern[str]]) -> regex.Pattern[str]:
    """One plain (backtracking, not POSIX) alternation of ``compile_lexeme`` patterns
    that share flags: one overlapped pass of it finds every position where any of them
    matches, since a backtracking search that fails at a position has tried every
    alternative there.  Each pattern's own leftmost-longest match is then taken only at
    those few positions, which is the answer its overlapped search gave at each start:
    the trigger finder, the status cues and the sector words each searched a sentence
    once per lexicon group (~25 POSIX passes a language) before."""
    flags = {p.flags & ~regex.POSIX for p in patterns}
    if len(flags) != 1:
        raise ValueError("lexeme_scan: the patterns must share their flags (see by_flags)")
    return regex.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags.pop())


def load_yaml(name: str) -> dict[str, Any]:
    """Read one lexicon file from ``data/``; a missing or non-mapping file is an error."""
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        data = yaml_safe_load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping at the top level")
    return data


def entry_fields(entry: Any, where: str) -> dict[str, Any]:
    """Normalise a lexicon entry (a bare string or a mapping with ``pattern``)."""
    if isinstance(entry, str):
        return {"pattern": entry}
    if isinstance(entry, dict) and isinstance(entry.get("pattern"), str):
        return entry
    raise ValueError(f"{where}: entry {entry!r} has no string 'pattern'")


def keep_longest(spans: Iterable[tuple[int, int]]) -> set[tuple[int, int]]:
    """Choose non-overlapping spans, longest first (earlier start breaks ties).

    Identical spans are one span here; callers keep every hit that has a chosen span.
    A span inside a longer one is never chosen, even when the longer one loses to a
    third span: in "自動車部品メーカー" the winner "部品メーカー" must not let "自動車"
    (part of the losing "自動車部品") back in as a sector of its own.
    """
    unique = set(spans)
    outer = [
        s for s in unique
        if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in unique)
    ]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(outer, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= ks or start >= ke for ks, ke in kept):
            kept.append((start, end))
    return set(kept)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase naming an event of ``type``; ``text == body[start:end]``."""

    start: int
    end: int
    type: str
    text: str
    strength: Strength


@dataclass(frozen=True, slots=True)
class _Group:
    """All entries of one type/language that share strength, polarity and case mode."""

    type: str
    strength: Strength
    negative: bool
    pattern: regex.Pattern[str]


def _build(data: dict[str, Any]) -> dict[str, list[_Group]]:
    """Validate the YAML and compile one pattern per (type, lang, strength, negative, case)."""
    grouped: dict[tuple[str, str, str, bool, bool], list[str]] = {}
    for etype, by_lang in data.items():
        if etype not in EVENT_TYPES:
            raise ValueError(f"triggers.yaml: unknown event type {etype!r}")
        for lang, entries in (by_lang or {}).items():
            if lang not in LANGS:
                raise ValueError(f"triggers.yaml: {etype}: unknown language {lang!r}")
            for raw in entries or []:
                entry = entry_fields(raw, f"triggers.yaml {etype}/{lang}")
                strength = entry.get("strength", "strong")
                if strength not in ("strong", "weak"):
                    raise ValueError(f"triggers.yaml {etype}/{lang}: bad strength {strength!r}")
                key = (lang, etype, strength, bool(entry.get("negative")), bool(entry.get("case")))
                grouped.setdefault(key, []).append(entry["pattern"])
    compiled: dict[str, list[_Group]] = {lang: [] for lang in LANGS}
    for (lang, etype, strength, negative, case), patterns in grouped.items():
        compiled[lang].append(
            _Group(etype, strength, negative, compile_lexeme(patterns, lang, case=case))
        )
    return compiled


_GROUPS: dict[str, list[_Group]] = _build(load_yaml("triggers.yaml"))


@cache
def _groups(lang: str) -> tuple[_Group, ...]:
    """The compiled groups of a language (unknown languages have none)."""
    return tuple(_GROUPS.get(lang, ()))


@dataclass(frozen=True, slots=True)
class _Scan:
    """One plain (backtracking, not POSIX) alternation of the patterns of the groups
    that share flags, and those groups."""

    pattern: regex.Pattern[str]
    groups: tuple[_Group, ...]


@cache
def _scans(lang: str) -> tuple[_Scan, ...]:
    """A language's groups, one scan per flag set (``lexeme_scan``)."""
    return tuple(_Scan(lexeme_scan([g.pattern for g in gs]), tuple(gs))
                 for gs in by_flags(_groups(lang), lambda g: g.pattern))


def find_triggers(text: str, lang: str) -> list[Trigger]:
    """All event triggers in ``text``, sorted by start (see ``_find_triggers``).

    The frame logic asks again for the triggers of a sentence it is filling; a small
    cache answers those repeats (the result is a fresh list each time).
    """
    return list(_find_triggers(text, lang))


def _group_hits(group: _Group, text: str, starts: list[int], found: dict[str, list[Trigger]],
                blocked: dict[str, list[tuple[int, int]]]) -> None:
    """``group``'s matches at ``starts`` into ``found`` (or ``blocked``, for negatives)."""
    for p in starts:
        m = group.pattern.match(text, p)
        if m is None or m.end() == m.start():
            continue
        if group.negative:
            blocked.setdefault(group.type, []).append(m.span())
        else:
            found.setdefault(group.type, []).append(
                Trigger(m.start(), m.end(), group.type, m.group(), group.strength))


@lru_cache(maxsize=4096)
def _find_triggers(text: str, lang: str) -> tuple[Trigger, ...]:
    """All event triggers in ``text``, sorted by start.

    Matches of the same type that overlap are reduced to the longest ("memorandum of
    understanding" rather than "memorandum"); a ``negative`` entry ("visit our website")
    removes every trigger of its type that it overlaps.  Triggers of different types may
    overlap: "investment MoU" is evidence of both, and the frame logic chooses.
    """
    found: dict[str, list[Trigger]] = {}
    blocked: dict[str, list[tuple[int, int]]] = {}
    for scan in _scans(lang):
        starts = [m.start() for m in scan.pattern.finditer(text, overlapped=True)]
        if not starts:
            continue
        for group in scan.groups:
            _group_hits(group, text, starts, found, blocked)
    return _reduce(found, blocked)


def _reduce(found: dict[str, list[Trigger]], blocked: dict[str, list[tuple[int, int]]]
            ) -> tuple[Trigger, ...]:
    """The triggers kept of each type's hits: none a negative entry overlaps, the longest
    of overlapping ones, strong where a strong and a weak entry found the same span."""
    result: list[Trigger] = []
    for etype, hits in found.items():
        stops = blocked.get(etype, [])
        hits = [t for t in hits if all(t.end <= s or t.start >= e for s, e in stops)]
        keep = keep_longest((t.start, t.end) for t in hits)
        best: dict[tuple[int, int], Trigger] = {}
        for t in hits:
            span = (t.start, t.end)
            # the same span found by a strong and a weak entry is strong
            if span in keep and (span not in best or t.strength == "strong"):
                best[span] = t
        result.extend(best.values())
    result.sort(key=lambda t: (t.start, t.end, t.type))
    return tuple(result)
