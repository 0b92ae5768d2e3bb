"""Where an article's events happened, once its events are final (CONTRACT.md ``place``).

A frame knows the place its own sentence gives ("talks in Osaka", "ओसाका में", "大阪市内で").
What a sentence cannot know, the article can, and ANNOTATION.md says which level of place
the record wants:

1. A venue is no place of its own: "at Hotel Trident in Mumbai" happened in
   Mumbai, "at Ramada Resort" in the city of the fair.  A venue gives way to the city it
   lies in (the knowledge base, or the city named beside it), else to what rules 2-4 give.
2. A happening told in the sentence of a visit happened where the visit went.
3. One journey in the story: its talks, signings and invitations happened where it went.
   When the story places the journey's happenings in one city of the destination ("met
   the mayors in Osaka"), the others happened there too; the nearest such city of the same
   paragraph first ("大阪府では…大阪市内で"), else the one city of the whole story, else a
   dateline city inside the destination ("TOKYO, Oct 7 (Reuters)"), else the destination.
   A journey to several countries: a happening with one of them ("four MoUs with
   Seoul-based firms") happened in that one.
4. No journey and no place: talks, signings and invitations already done happened where
   the story was filed ("Chennai, Mar 4 (PTI)").
5. A plant with no site of its own, in a story that names one industrial zone, park or
   township, is built there.

The frames themselves ask two helpers here: ``names_venue`` ("東京都内のホテル…で" is in
Tokyo) and ``implied_place`` (words that name a place without its name: "都内で" is
Tokyo, "県庁で" the story's prefecture).

Venue words and the kinds of place that count as a trip's city are data
(``data/places.yaml``), so a new language adds words, not code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import Any, Protocol

import regex

from pactwatch.yamlload import safe_load as yaml_safe_load

from ..link import Linked
from ..normalise import Text
from ..record import Entity, Span

__all__ = ["implied_place", "is_venue", "names_venue", "settle_places"]

# Happenings that are held somewhere (talks, signings, invitations), as opposed to a
# journey, a sum of money, a plant or a scheme.
HELD = frozenset({"agreement", "meeting", "invitation"})
AHEAD = frozenset({"planned", "intended", "negated"})


class Placed(Protocol):
    """What this pass reads and writes of a frame (events/frames.py ``Frame``)."""

    type: str
    place: str | None
    status: str | None
    participants: list[str]
    evidence: list[Span]


@cache
def _data() -> dict[str, Any]:
    return yaml_safe_load(resources.files("pactwatch.events").joinpath("data/places.yaml")
                          .read_text("utf-8")) or {}


@cache
def _venue_rx(lang: str) -> regex.Pattern[str] | None:
    heads = [str(w) for w in ((_data().get("venue_heads") or {}).get(lang) or [])]
    if not heads:
        return None
    alt = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    if lang == "ja":
        return regex.compile(rf"(?:{alt})$")
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alt})$", regex.IGNORECASE)


@cache
def _venue_word_rx(lang: str) -> regex.Pattern[str] | None:
    heads = [str(w) for w in ((_data().get("venue_heads") or {}).get(lang) or [])]
    if not heads:
        return None
    alt = "|".join(regex.escape(h).replace(r"\ ", r"\s+") for h in sorted(heads, key=len, reverse=True))
    if lang == "ja":
        return regex.compile(alt)
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alt})(?![\p{{L}}\p{{M}}])", regex.IGNORECASE)


def names_venue(phrase: str, lang: str) -> bool:
    """Does ``phrase`` name a venue ("ホテルニューオータニ", "the Taj Palace hotel")?"""
    rx = _venue_word_rx(lang)
    return bool(rx and rx.search(phrase))


@cache
def _implied(lang: str) -> list[tuple[regex.Pattern[str], str]]:
    table = (_data().get("implied_places") or {}).get(lang) or {}
    return [(regex.compile(str(pat)), str(eid)) for pat, eid in table.items()]


def implied_place(sentence: str, lang: str) -> str | None:
    """The KB id of a place a sentence names by a word of the language rather than by its
    name ("都内で": within the capital, so Tokyo), when it names one."""
    for rx, eid in _implied(lang):
        if rx.search(sentence):
            return eid
    return None


def is_venue(ent: Entity, lang: str) -> bool:
    """Is ``ent`` a building or ground where things are held ("Sahyadri Guest House",
    "Ramada Resort", "迎賓館"), rather than a town, a state or a country?"""
    if ent.type != "PLACE":
        return False
    if ent.kind in set(_data().get("venue_kinds") or []):
        return True
    if ent.kind not in {"place", "building"}:
        return False  # a city or zone whose name ends in "Centre" stays a city
    return any(rx is not None and rx.search(ent.name.strip())
               for rx in (_venue_rx("en"), _venue_rx(lang)))


def settle_places(text: Text, linked: Linked, frames: Sequence[Placed],
                  country_of: Callable[[Entity], str | None],
                  ancestors: Callable[[str], list[str]],
                  dateline: Entity | None) -> None:
    """Fill or correct ``frame.place`` of every frame of one article, in place (rules 1-4
    of the module docstring).  ``country_of`` and ``ancestors`` are the knowledge base's
    answers (a place's country code; an id and its parents, nearest first); ``dateline``
    is the place the story was filed from, if it is an entity."""
    city_kinds = set(_data().get("trip_city_kinds") or [])
    by_id = linked.by_id

    def ent(eid: str | None) -> Entity | None:
        return by_id.get(eid or "")

    def ccode(e: Entity) -> str | None:
        return country_of(e) or e.country

    # 1. a venue gives way to its city
    for f in frames:
        here = ent(f.place)
        if here is None or f.type not in HELD or not is_venue(here, text.lang):
            continue
        f.place = _venue_city(here, f, linked, ancestors, city_kinds, text.lang)
    # 2. the sentence of a visit: where the visit went
    visit_place = {e.start: f.place for f in frames if f.type == "visit" and f.place for e in f.evidence}
    for f in frames:
        if f.place is None and f.type in HELD:
            f.place = next((visit_place[e.start] for e in f.evidence if e.start in visit_place), None)
    # 3. one journey: its happenings happened where it went, in the city the story names
    # in the order the story names them: a choice among them below must not depend on
    # the order of a set (string hashes differ from one process to the next)
    dests = dict.fromkeys(f.place for f in frames if f.type == "visit" and f.place)
    if len(dests) == 1:
        dest = ent(next(iter(dests)))
        dest_c = ccode(dest) if dest is not None else None
        para = {s.start: s.paragraph for s in text.sentences}
        own: list[tuple[int, str]] = []  # (paragraph, city id) of placed happenings
        for f in frames:
            here = ent(f.place)
            if (f.type in HELD and here is not None and here.kind in city_kinds
                    and dest_c and ccode(here) == dest_c and here is not dest):
                own += [(para.get(e.start, -1), here.id) for e in f.evidence]
        cities = {c for _p, c in own}
        filed = dateline if (dateline is not None and dateline.kind in city_kinds
                             and dest_c and ccode(dateline) == dest_c) else None
        for f in frames:
            if f.type not in HELD:
                continue
            here = ent(f.place)
            if not (f.place is None or f.place in dests or (
                    f.type == "invitation" and here is not None and dest_c
                    and ccode(here) != dest_c)):
                continue  # the sentence's own place stays
            near = {c for p, c in own for e in f.evidence if p == para.get(e.start, -2)}
            if len(near) == 1:
                f.place = next(iter(near))
            elif len(cities) == 1:
                f.place = next(iter(cities))
            elif filed is not None and not cities:
                f.place = filed.id
            else:
                f.place = next(iter(dests))
    # 3b. a journey to several countries ("a trip covering Singapore and Japan"):
    # talks and signings with one of them ("MoUs with Singapore-based firms") happened
    # in that one
    if len(dests) > 1:
        by_country: dict[str, str] = {}
        for d in dests:
            de = ent(d)
            if de is not None and (c := ccode(de)):
                by_country.setdefault(c, d)
        for f in frames:
            if f.type not in HELD or f.place is not None:
                continue
            sides = {c for p in f.participants if (pe := ent(p)) is not None
                     and (c := ccode(pe)) in by_country}
            if len(sides) == 1:
                f.place = by_country[sides.pop()]
    # 5. a plant with no site of its own in a story that names one industrial zone, park
    # or township ("briefed on the fabrication facility being developed" in a story about
    # the Dholera SIR): it is built there
    zone_kinds = set(_data().get("site_kinds") or [])
    zones = {e.id for e in linked.entities if e.type == "PLACE" and e.kind in zone_kinds
             and e.id not in linked.demonym_only}
    if len(zones) == 1:
        zone = next(iter(zones))
        for f in frames:
            if f.type == "facility" and f.place is None:
                f.place = zone
    # 4. no journey and no place: where the story was filed
    if not any(f.type == "visit" for f in frames) and dateline is not None \
            and not is_venue(dateline, text.lang):
        for f in frames:
            if f.place is None and f.type in HELD and (f.status or "") not in AHEAD:
                f.place = dateline.id


def _venue_city(venue: Entity, f: Placed, linked: Linked, ancestors: Callable[[str], list[str]],
                city_kinds: set[str], lang: str) -> str | None:
    """The city a venue lies in: its parent in the knowledge base, else the city the text
    names right beside it ("at Ramada Resort, Kochi", "at the guest house in Mumbai")."""
    for aid in ancestors(venue.id)[1:]:
        a = linked.by_id.get(aid)
        if a is not None and a.kind in city_kinds:
            return a.id
    for e in f.evidence:
        for m in venue.mentions:
            if not e.start <= m.start < e.end:
                continue
            best: tuple[int, str] | None = None
            for st, en, eid, dem in linked.in_range(e.start, e.end):
                other = linked.by_id.get(eid)
                if dem or other is None or other is venue or other.kind not in city_kinds:
                    continue
                if st >= m.end:  # "at Ramada Resort, Kochi", "at the guest house in Mumbai"
                    gap, glue = st - m.end, r"[\s,]*(?:in|at|near)?[\s,]*"
                    between = _between(e, m.end, st)
                elif lang in {"hi", "ja"}:  # "मुंबई के सह्याद्री अतिथि गृह में", "東京の迎賓館で"
                    gap, glue = m.start - en, r"\s*(?:के|की|का|स्थित|の)?\s*"
                    between = _between(e, en, m.start)
                else:
                    continue
                if 0 <= gap <= 25 and regex.fullmatch(glue, between, regex.IGNORECASE) \
                        and (best is None or gap < best[0]):
                    best = (gap, other.id)
            if best is not None:
                return best[1]
    return None


def _between(e: Span, a: int, b: int) -> str:
    """The evidence text between body offsets ``a`` and ``b``."""
    return e.text[a - e.start: b - e.start]
