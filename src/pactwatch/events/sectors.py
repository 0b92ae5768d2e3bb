"""Sector words per language, mapped to the closed sector vocabulary of CONTRACT.md.

The words live in ``data/sectors.yaml``; this module compiles them once and finds them.
It reports every sector word with its span and leaves the choice of which sectors an
event is tied to to the frame logic (a sector word in the same clause, sentence, ...).

Overlaps resolve to the longest phrase across all slugs, because the longer phrase is
the more specific sector: "auto components" is ``auto_components`` and not also
``automotive``; "electric vehicle battery" gives ``electric_vehicles`` and ``batteries``
because the two phrases sit side by side without overlapping.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from pactwatch.events.triggers import (
    DATA_DIR,
    LANGS,
    by_flags,
    compile_lexeme,
    entry_fields,
    fold_nukta,
    keep_longest,
    lexeme_left,
    lexeme_scan,
    load_yaml,
)
from pactwatch.record import SECTORS
from pactwatch.rx import prefilter

from .memo import per_article


@dataclass(frozen=True, slots=True)
class SectorHit:
    """A sector word: ``text == body[start:end]``, ``slug`` from the closed vocabulary."""

    start: int
    end: int
    slug: str
    text: str


@dataclass(frozen=True, slots=True)
class _Group:
    """Entries of one language that name the same slugs with the same case mode."""

    slugs: tuple[str, ...]
    pattern: regex.Pattern[str]
    words: tuple[str, ...]  # the entries' patterns as written (nukta-folded for Hindi)
    # what its words begin with (rx.prefilter): a cheap test before the POSIX match
    first: regex.Pattern[str] | None = None


def _build(data: dict[str, Any]) -> dict[str, list[_Group]]:
    """Validate slugs against the contract and compile one pattern per (slugs, case)."""
    grouped: dict[tuple[str, tuple[str, ...], bool], list[str]] = {}
    for slug, by_lang in data.items():
        if slug not in SECTORS:
            raise ValueError(f"sectors.yaml: {slug!r} is not a contract sector slug")
        for lang, entries in (by_lang or {}).items():
            if lang not in LANGS:
                raise ValueError(f"sectors.yaml: {slug}: unknown language {lang!r}")
            for raw in entries or []:
                entry = entry_fields(raw, f"sectors.yaml {slug}/{lang}")
                also = tuple(entry.get("also") or ())
                for extra in also:
                    if extra not in SECTORS:
                        raise ValueError(f"sectors.yaml {slug}/{lang}: bad 'also' slug {extra!r}")
                key = (lang, (slug, *also), bool(entry.get("case")))
                grouped.setdefault(key, []).append(entry["pattern"])
    compiled: dict[str, list[_Group]] = {lang: [] for lang in LANGS}
    for (lang, slugs, case), patterns in grouped.items():
        words = tuple(fold_nukta(w) for w in patterns) if lang == "hi" else tuple(patterns)
        pattern = compile_lexeme(patterns, lang, case=case)
        compiled[lang].append(_Group(slugs, pattern, words,
                                     prefilter(list(words), pattern.flags & ~regex.POSIX)))
    return compiled


_GROUPS: dict[str, list[_Group]] = _build(load_yaml("sectors.yaml"))


@dataclass(frozen=True, slots=True)
class _Scan:
    """One alternation of group patterns, and where its words may begin (the strings
    they begin with, after the language's left boundary; None: every position)."""

    pattern: regex.Pattern[str]
    first: regex.Pattern[str] | None


def _build_scans(groups: list[_Group], lang: str) -> list[_Scan]:
    """One plain (not POSIX) alternation of a language's group patterns per flag set.

    It finds every position where some group matches: a backtracking search that fails
    at a position has tried every alternative there, so it misses no start a POSIX
    pattern has, and one pass over the text costs about half of the ~50 POSIX passes
    (English articles spent a sixth of the rules' time in ``find_sectors``).  Each
    group is then matched only at those few positions.  The alternation itself is
    tried only where one of its words' first four letters stand (``rx.prefilter``, a
    named list compiled with the alternation's flags, so that case folds alike): on
    English sentences that scan costs 0.6 of the alternation's own (4 letters rather than
    3: "the" of "thermal" would let every "the" through).
    """
    out = []
    for gs in by_flags(groups, lambda g: g.pattern):
        scan = lexeme_scan([g.pattern for g in gs])
        first = prefilter([w for g in gs for w in g.words], gs[0].pattern.flags & ~regex.POSIX,
                          k=4, left=lexeme_left(lang))
        out.append(_Scan(scan, first))
    return out


_SCANS: dict[str, list[_Scan]] = {lang: _build_scans(gs, lang) for lang, gs in _GROUPS.items()}


def _starts(text: str, lang: str) -> list[int]:
    """Every position of ``text`` where some sector word of ``lang`` matches."""
    found: set[int] = set()
    for scan in _SCANS.get(lang, ()):
        if scan.first is None:
            found.update(m.start() for m in scan.pattern.finditer(text, overlapped=True))
            continue
        for f in scan.first.finditer(text, overlapped=True):
            if scan.pattern.match(text, f.start()) is not None:
                found.add(f.start())
    return sorted(found)


def _build_portfolio(data: dict[str, Any]) -> dict[str, regex.Pattern[str]]:
    """One pattern per language for the portfolio phrases of ``sector_context.yaml``."""
    out: dict[str, regex.Pattern[str]] = {}
    for lang, patterns in (data.get("portfolio") or {}).items():
        if lang not in LANGS:
            raise ValueError(f"sector_context.yaml: unknown language {lang!r}")
        out[lang] = regex.compile("|".join(f"(?:{p})" for p in patterns))
    return out


_PORTFOLIO: dict[str, regex.Pattern[str]] = _build_portfolio(load_yaml("sector_context.yaml"))


@dataclass(frozen=True, slots=True)
class _Gate:
    """The weak-word gate of one language (``sector_context.yaml``)."""

    weak: regex.Pattern[str]
    after: regex.Pattern[str] | None
    before: regex.Pattern[str] | None
    coordinator: regex.Pattern[str] | None
    modifier: regex.Pattern[str] | None


def _build_gates(data: dict[str, Any]) -> dict[str, _Gate]:
    """Compile ``weak`` with the lexicon's own boundaries and the frame cues as written."""
    out: dict[str, _Gate] = {}
    for lang, patterns in (data.get("weak") or {}).items():
        if lang not in LANGS:
            raise ValueError(f"sector_context.yaml weak: unknown language {lang!r}")

        def cue(key: str, lang: str = lang) -> regex.Pattern[str] | None:
            p = (data.get(key) or {}).get(lang)
            return regex.compile(p) if p else None

        out[lang] = _Gate(compile_lexeme(patterns, lang), cue("frame_after"), cue("frame_before"),
                          cue("coordinator"), cue("modifier_after"))
    return out


_GATES: dict[str, _Gate] = _build_gates(load_yaml("sector_context.yaml"))
_PARTS: dict[str, Any] = load_yaml("sector_context.yaml").get("material_of_part") or {}
_PART_SLUGS: frozenset[str] = frozenset(_PARTS.get("slugs") or ())
_PART_AFTER: dict[str, regex.Pattern[str]] = {
    lang: regex.compile(p) for lang, p in (_PARTS.get("after") or {}).items()}
if _PART_SLUGS - set(SECTORS):
    raise ValueError(f"sector_context.yaml material_of_part: bad slugs {sorted(_PART_SLUGS - set(SECTORS))}")


def _gate_weak(text: str, lang: str, hits: list[SectorHit]) -> list[SectorHit]:
    """Drop weak sector words the sentence does not use as sectors (see ``weak`` in
    sector_context.yaml): a weak word stays when a list it stands in holds a word that
    always names a sector, or a sector frame opens or closes the list."""
    gate = _GATES.get(lang)
    if gate is None or not hits:
        return hits
    if gate.modifier is not None:
        hits = [h for h in hits if not gate.modifier.match(text[h.end:h.end + 20])]
    part = _PART_AFTER.get(lang)
    if part is not None:
        hits = [h for h in hits
                if not (h.slug in _PART_SLUGS and part.match(text[h.end:h.end + 30]))]
    # lists: runs of hits joined only by coordinators ("food processing, logistics and skills")
    runs: list[list[SectorHit]] = []
    for h in hits:
        if runs and gate.coordinator is not None:
            prev = runs[-1][-1]
            gap = text[prev.end:h.start]
            if h.start <= prev.end or gate.coordinator.match(gap):
                runs[-1].append(h)
                continue
        runs.append([h])
    keep: list[SectorHit] = []
    for run in runs:
        weak = [bool(gate.weak.fullmatch(h.text)) for h in run]
        framed = not all(weak) or any(
            gate.after is not None and gate.after.match(text[h.end:h.end + 40]) for h in run) or (
            gate.before is not None and bool(gate.before.search(text[max(0, run[0].start - 80):run[0].start])))
        if framed:
            keep.extend(run)
    return keep


def portfolio_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that name a minister's or ministry's portfolio ("Housing
    Minister", "उद्योग मंत्री", "国土交通省"): an office, not the sector of a deal."""
    pat = _PORTFOLIO.get(lang)
    # overlapped: "Federal Minister" must not hide "Minister for Electronics and IT"
    return [(m.start(), m.end()) for m in pat.finditer(text, overlapped=True)] if pat else []


@per_article
def find_sectors(text: str, lang: str, gate: bool = True) -> list[SectorHit]:
    """All sector words in ``text``, sorted by start; overlaps keep the longest phrase.

    Hits on exactly the same span are all kept (an entry with ``also`` names two
    sectors: "agricultural machinery" is agriculture and machinery).  A hit that overlaps
    a minister's portfolio ("Housing Minister", "उद्योग मंत्री") is dropped: it names an
    office, not what the sentence's deal is about.  Names of companies keep their words
    ("Tata Steel" is steel): a company's name says what it makes.  ``gate`` drops weak
    words the text does not use as sectors ("industrial growth", "land, power and
    water"; ``weak`` in sector_context.yaml); off for names, whose words are their own.
    """
    hits: list[SectorHit] = []
    # where any group can match (see ``_build_scans``); at each such position a group's
    # own POSIX match is the longest one, as its overlapped scan would report there
    starts = _starts(text, lang)
    for group in _GROUPS.get(lang, ()) if starts else ():
        for pos in starts:
            if group.first is not None and group.first.match(text, pos) is None:
                continue  # none of its words begins here (a fifth of the POSIX match's cost)
            m = group.pattern.match(text, pos)
            if m is not None and m.end() > m.start():
                hits.extend(SectorHit(m.start(), m.end(), slug, m.group()) for slug in group.slugs)
    if not hits:  # about half the sentences asked about: no portfolio scan needed
        return []
    keep = keep_longest((h.start, h.end) for h in hits)
    unique = {(h.start, h.end, h.slug): h for h in hits if (h.start, h.end) in keep}
    blocked = portfolio_spans(text, lang)
    found = sorted((h for h in unique.values()
                    if not any(h.start < e and s < h.end for s, e in blocked)),
                   key=lambda h: (h.start, h.end, h.slug))
    return _gate_weak(text, lang, found) if gate else found


def sector_slugs(text: str, lang: str) -> list[str]:
    """The distinct slugs named in ``text``, in order of first mention (a convenience)."""
    seen: dict[str, None] = {}
    for hit in find_sectors(text, lang):
        seen.setdefault(hit.slug, None)
    return list(seen)


@cache
def _company_table() -> dict[str, tuple[str, ...]]:
    """``company_sectors.json`` (built by scripts/train_sectors.py), loaded on first use."""
    raw = json.loads((DATA_DIR / "company_sectors.json").read_text("utf-8"))
    bad = {s for v in raw.values() for s in v} - set(SECTORS)
    if bad:
        raise ValueError(f"company_sectors.json: not contract slugs: {sorted(bad)}")
    return {str(k): tuple(v) for k, v in raw.items()}


def company_sectors(entity_id: str) -> tuple[str, ...]:
    """What a knowledge-base company makes ("co:denso" -> auto_components), or ()."""
    return _company_table().get(entity_id, ())
