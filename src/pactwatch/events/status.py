"""Status cues: whether an event is planned, intended, done (and how) or negated.

The cue words live in ``data/status.yaml``; this module finds them and picks the cue
that governs one trigger.  The choice follows the grammar of each language, which the
YAML states as data rather than code: English puts modals and auxiliaries before the
verb ("will sign an MoU"), Hindi and Japanese put tense, mood and negation after it
("एमओयू पर हस्ताक्षर करेंगे", "覚書に署名する予定").  So the nearest cue on the verb side
of the trigger wins, then the nearest on the other side; reporting verbs and bare
past-tense endings (``weak`` cues) only speak when nothing else does; and a negation
close to the trigger in the same clause overrides everything, because "did not sign" is
the one status an analyst must never get wrong.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

import regex

from pactwatch.events.triggers import (
    LANGS,
    compile_lexeme,
    entry_fields,
    keep_longest,
    lexeme_scan,
    load_yaml,
)
from pactwatch.record import STATUSES

from .memo import per_article

NEGATED = "negated"


@dataclass(frozen=True, slots=True)
class Cue:
    """A status cue: ``text == sentence[start:end]``; ``weak`` cues are fallbacks."""

    start: int
    end: int
    status: str
    text: str
    weak: bool = False
    local: bool = False


@dataclass(frozen=True, slots=True)
class _Settings:
    """How one language places its cues relative to the trigger."""

    verb_side: Literal["before", "after"]
    verb_pick: Literal["nearest", "last"]
    other_side: int
    negation_before: int
    negation_after: int
    chain_gap: int = 0
    argument: regex.Pattern[str] | None = None
    own_phrase: regex.Pattern[str] | None = None
    chain_mark: regex.Pattern[str] | None = None
    local_block: regex.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class _Lexicon:
    """Everything compiled for one language."""

    settings: _Settings
    cues: tuple[tuple[str, bool, bool, regex.Pattern[str]], ...]  # (status, weak, local, pattern)
    ignore: regex.Pattern[str] | None
    breaks: regex.Pattern[str] | None
    embedded: regex.Pattern[str] | None = None


def _patterns(entries: Sequence[Any] | None, where: str) -> list[str]:
    return [entry_fields(e, where)["pattern"] for e in entries or []]


def _build(data: dict[str, Any]) -> dict[str, _Lexicon]:
    """Validate status names and compile one pattern per (status, weak) and language."""
    cues_by_lang: dict[str, list[tuple[str, bool, bool, regex.Pattern[str]]]] = {
        lang: [] for lang in LANGS
    }
    for status, by_lang in (data.get("cues") or {}).items():
        if status not in STATUSES:
            raise ValueError(f"status.yaml: unknown status {status!r}")
        for lang, entries in (by_lang or {}).items():
            if lang not in LANGS:
                raise ValueError(f"status.yaml: {status}: unknown language {lang!r}")
            split: dict[tuple[bool, bool], list[str]] = {}
            for raw in entries or []:
                entry = entry_fields(raw, f"status.yaml {status}/{lang}")
                key = (bool(entry.get("weak")), bool(entry.get("local")))
                split.setdefault(key, []).append(entry["pattern"])
            for (weak, local), pats in split.items():
                cues_by_lang[lang].append((status, weak, local, compile_lexeme(pats, lang)))
    lexicons: dict[str, _Lexicon] = {}
    for lang in LANGS:
        raw_settings = (data.get("settings") or {}).get(lang) or {}
        side = raw_settings.get("verb_side", "before")
        if side not in ("before", "after"):
            raise ValueError(f"status.yaml: settings/{lang}: bad verb_side {side!r}")
        pick = raw_settings.get("verb_pick", "nearest")
        if pick not in ("nearest", "last"):
            raise ValueError(f"status.yaml: settings/{lang}: bad verb_pick {pick!r}")
        settings = _Settings(
            side,
            pick,
            int(raw_settings.get("other_side", 50)),
            int(raw_settings.get("negation_before", 40)),
            int(raw_settings.get("negation_after", 40)),
            int(raw_settings.get("chain_gap", 0)),
            regex.compile(raw_settings["argument"]) if raw_settings.get("argument") else None,
            regex.compile(raw_settings["own_phrase"]) if raw_settings.get("own_phrase") else None,
            regex.compile(raw_settings["chain_mark"]) if raw_settings.get("chain_mark") else None,
            regex.compile(raw_settings["local_block"]) if raw_settings.get("local_block") else None,
        )
        ignore = _patterns((data.get("ignore") or {}).get(lang), f"status.yaml ignore/{lang}")
        raw_breaks = [
            entry_fields(e, f"status.yaml clause_breaks/{lang}")
            for e in (data.get("clause_breaks") or {}).get(lang) or []
        ]
        words = [e["pattern"] for e in raw_breaks if not e.get("bare")]
        marks = [e["pattern"] for e in raw_breaks if e.get("bare") and not e.get("embedded")]
        inner = [e["pattern"] for e in raw_breaks if e.get("embedded")]
        breaks = [p.pattern for p in (
            compile_lexeme(words, lang) if words else None,
            compile_lexeme(marks, lang, bounded=False) if marks else None,
        ) if p is not None]
        lexicons[lang] = _Lexicon(
            settings,
            tuple(cues_by_lang[lang]),
            compile_lexeme(ignore, lang) if ignore else None,
            regex.compile("|".join(breaks), regex.POSIX | regex.IGNORECASE) if breaks else None,
            compile_lexeme(inner, lang, bounded=False) if inner else None,
        )
    return lexicons


_LEXICONS: dict[str, _Lexicon] = _build(load_yaml("status.yaml"))


def status_cues(text: str, lang: str) -> list[Cue]:
    """All status cues in ``text``, sorted by start (cached: a sentence is asked about
    once per trigger)."""
    return list(_status_cues(text, lang))


@cache
def _cue_scan(lang: str) -> regex.Pattern[str] | None:
    """One scan of a language's cue patterns (``triggers.lexeme_scan``), or None."""
    lex = _LEXICONS.get(lang)
    return lexeme_scan([p for _s, _w, _l, p in lex.cues]) if lex is not None and lex.cues else None


@lru_cache(maxsize=4096)
def _status_cues(text: str, lang: str) -> tuple[Cue, ...]:
    """All status cues in ``text``, sorted by start.

    Overlapping cues keep the longest, whatever their status ("稼働開始を目指す" is one
    planned cue, not a completed one inside it); cues overlapping an ``ignore`` phrase
    ("not only", "interest rates") are dropped.
    """
    lex = _LEXICONS.get(lang)
    if lex is None:
        return []
    scan = _cue_scan(lang)
    starts = [m.start() for m in scan.finditer(text, overlapped=True)] if scan else []
    if not starts:
        return ()
    stops = [m.span() for m in lex.ignore.finditer(text, overlapped=True)] if lex.ignore else []
    found: list[Cue] = []
    for status, weak, local, pattern in lex.cues:  # in the lexicon's order, as before
        for p in starts:
            m = pattern.match(text, p)
            if m is None:
                continue
            s, e = m.span()
            if e > s and all(e <= a or s >= b for a, b in stops):
                found.append(Cue(s, e, status, m.group(), weak, local))
    return _best_cues(found)


def _best_cues(found: list[Cue]) -> tuple[Cue, ...]:
    """The cues kept of ``found`` (in the lexicon's order): the longest of overlapping
    ones, a strong one where a weak and a strong cue have the same span, sorted."""
    keep = keep_longest((c.start, c.end) for c in found)
    best: dict[tuple[int, int], Cue] = {}
    for c in found:
        span = (c.start, c.end)
        if span in keep and (span not in best or best[span].weak and not c.weak):
            best[span] = c
    return tuple(sorted(best.values(), key=lambda c: (c.start, c.end)))


def clause_bounds(sentence: str, lang: str, position: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``position``, cut at the language's breaks.

    An ``embedded`` break (Japanese "…することで合意した", "…すると発表した") closes
    an embedded clause.  It ends the trigger's clause when the trigger is inside that
    embedded clause, but not when a ``chain_mark`` stands between them ("会談し、協力を
    強化することで一致した"): then the trigger is a chained verb whose tense is the final
    one, and the embedded clause is only an argument of it.
    """
    lex = _LEXICONS.get(lang)
    lo, hi = 0, len(sentence)
    if lex is None or (lex.breaks is None and lex.embedded is None):
        return lo, hi
    found = [(m.start(), m.end(), False) for m in lex.breaks.finditer(sentence)] \
        if lex.breaks is not None else []
    if lex.embedded is not None:
        found += [(m.start(), m.end(), True) for m in lex.embedded.finditer(sentence)]
    mark = lex.settings.chain_mark
    for start, end, inner in sorted(found):
        if end <= position:
            lo = max(lo, end)
        elif start > position:
            if inner and mark is not None and mark.search(sentence, position, start):
                continue
            hi = min(hi, start)
            break
    return lo, hi


def _distance(cue: Cue, position: int) -> int:
    """Characters between the cue and the trigger start (0 when the cue covers it)."""
    if cue.end <= position:
        return position - cue.end
    if cue.start > position:
        return cue.start - position
    return 0


_GAP = regex.compile(r"[\p{L}\p{M}\s]*")


def _chain(cue: Cue, later: Sequence[Cue], text: str, gap: int) -> Cue:
    """The last cue of the verb complex that ``cue`` begins.

    In Hindi the tense sits on the last auxiliary of a noun + light verb + auxiliary
    group: "मंजूरी दी जाएगी" (will be approved), "चालू हो जाएगा" (will start running),
    "घोषणा करेगी" (will announce).  A cue that follows within ``gap`` characters of
    words only (no punctuation, so no new clause) continues the complex and wins.
    """
    for nxt in later:
        if nxt.start < cue.end:
            continue
        between = text[cue.end:nxt.start]
        if len(between) > gap or not _GAP.fullmatch(between):
            break
        cue = nxt
    return cue


def _predicates(cues: Sequence[Cue], position: int, settings: _Settings,
                text: str) -> list[Cue]:
    """The cues that can be the final predicate governing the trigger.

    Japanese picks the last cue after the trigger because the final verb carries the
    tense of a chain ("会談し、…署名した").  A cue in argument position is no predicate:
    a noun followed by a case particle ("計画について説明を受けた", "整備計画などを") or
    an attributive verb before its noun ("投資拡大に向けた協力を確認した", "昨年締結した
    覚書に基づき"); a cue that ends the clause is its predicate all the same.  This holds
    only past a ``chain_mark`` after the trigger (the continuative "会談し、", the setting
    "会談では、"): before it, the trigger may itself sit inside the argument ("来県や、…
    の実現に向けた調査" is a visit still aimed at).  Such a cue also speaks when it belongs
    to the trigger's own noun phrase ("投資計画を", "新工場の建設計画に"), which
    ``own_phrase`` matches between the trigger and the cue.
    """
    if settings.argument is None or settings.chain_mark is None:
        return list(cues)
    mark = settings.chain_mark.search(text, position)
    if mark is None:
        return list(cues)
    kept = []
    for c in cues:
        if c.weak or c.start < mark.end() or not settings.argument.match(text, c.end):
            kept.append(c)
        elif settings.own_phrase is not None and settings.own_phrase.fullmatch(
                text, position, c.start):
            kept.append(c)
    return kept


def _foreign_argument(cue: Cue, position: int, settings: _Settings, text: str) -> bool:
    """Is a cue before the trigger an argument of another noun ("今後の協力について協議
    した": the future belongs to the cooperation, not to the talks)?  It is one when it
    stands in argument position and what lies between it and the trigger is not the
    trigger's own noun phrase ("来年の訪問" keeps its year)."""
    if (settings.argument is None or settings.own_phrase is None or not text
            or cue.end > position):
        return False
    return bool(settings.argument.match(text, cue.end)) and not settings.own_phrase.fullmatch(
        text, cue.end, position)


def _nearest(cues: Sequence[Cue], position: int, settings: _Settings,
             text: str = "") -> Cue | None:
    """The cue covering the trigger, else one on the verb side (the nearest, or the last
    for ``verb_pick: last``), else the nearest on the other side within
    ``settings.other_side`` characters.  With ``chain_gap`` (verb-final languages), the
    chosen verb-side cue hands over to the auxiliaries that close its verb complex."""
    covering = [c for c in cues if c.start <= position < c.end]
    if covering:
        return covering[0]
    before = [c for c in cues if c.end <= position]
    after = [c for c in cues if c.start > position]
    verb, other = (before, after) if settings.verb_side == "before" else (after, before)
    if verb:
        if settings.verb_pick == "last":
            if settings.verb_side == "after" and text:
                verb = _predicates(verb, position, settings, text)
                if not verb:
                    return None
            return verb[-1] if settings.verb_side == "after" else verb[0]
        chosen = min(verb, key=lambda c: _distance(c, position))
        if settings.chain_gap and settings.verb_side == "after" and text:
            chosen = _chain(chosen, verb, text, settings.chain_gap)
        return chosen
    near = [c for c in other if _distance(c, position) <= settings.other_side
            and not _foreign_argument(c, position, settings, text)]
    return min(near, key=lambda c: _distance(c, position)) if near else None


@per_article
def sentence_status(sentence: str, lang: str, trigger_start: int | None = None) -> str | None:
    """The status of the event whose trigger starts at ``trigger_start`` in ``sentence``.

    Only cues in the trigger's clause count.  A negation within the language's window
    around the trigger wins; otherwise the nearest strong cue (verb side first), then the
    nearest weak one.  Without a trigger position the whole sentence is the clause and
    the main verb is taken to be the first cue (English) or the last (Hindi, Japanese).
    Returns None when the clause has no cue, so callers can apply their own default.
    """
    lex = _LEXICONS.get(lang)
    if lex is None:
        return None
    cues = status_cues(sentence, lang)
    if lang == "ja" and trigger_start is not None:
        # "「投資を全面的に支援する」と述べ、進出を呼び掛けた": what a speaker says inside
        # the quotation marks is the speaker's own tense, not the reported act's
        quotes = [(m.start(), m.end()) for m in regex.finditer(r"「[^「」]*」", sentence)
                  if not m.start() <= trigger_start < m.end()]
        cues = [c for c in cues if not any(a <= c.start and c.end <= b for a, b in quotes)]
    if not cues:
        return None
    settings = lex.settings
    if trigger_start is None:
        if any(c.status == NEGATED for c in cues):
            return NEGATED
        strong = [c for c in cues if not c.weak]
        pool = strong or cues
        return (pool[0] if settings.verb_side == "before" else pool[-1]).status
    lo, hi = clause_bounds(sentence, lang, trigger_start)
    in_clause = [c for c in cues if c.start >= lo and c.end <= hi]
    block = settings.local_block
    if block is not None:
        # "बैठक के बाद कंपनी ने निवेश करने की घोषणा की": the infinitive's plan is the
        # investment's; a trigger cut off from it by a subject or adjunct marker (ने,
        # के बाद, के दौरान, में) is governed by the matrix verb instead
        in_clause = [c for c in in_clause if not (
            c.local and c.start > trigger_start
            and block.search(sentence, trigger_start, c.start))]
    for c in in_clause:
        if c.status != NEGATED:
            continue
        limit = settings.negation_before if c.end <= trigger_start else settings.negation_after
        if _distance(c, trigger_start) <= limit:
            return NEGATED
    others = [c for c in in_clause if c.status != NEGATED]
    for pool in ([c for c in others if not c.weak], [c for c in others if c.weak]):
        chosen = _nearest(pool, trigger_start, settings, sentence[:hi])
        if chosen is not None:
            return chosen.status
    return None
