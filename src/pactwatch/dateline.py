"""The dateline's place under its canonical English name.

A dateline names the town a story was filed from, so among the knowledge base's readings
of its word a city comes first: "Kochi:" above a story about Kerala is the city in India,
not the Japanese prefecture of that name; "Chandigarh" is the city, not the union
territory; a city-state ("Singapore") is still a place.  Ties go to the country the
article talks about most, then to the reading the recogniser chose.  A place the
knowledge base lacks, in a dateline that is surely one (with a date, an agency or its
country in brackets), keeps its written form in Latin script ("DAVOS" → "Davos") or
its romanisation from Devanagari ("दावोस [स्विट्जरलैंड]" → "Davos").
"""

from __future__ import annotations

from collections import Counter

import regex

from .kb.loader import KB, KBEntry
from .kb.matcher import Matcher
from .link import Linked
from .normalise import RawDateline, Text
from .recognise import english_common_words
from .record import Entity, Span

__all__ = ["choose_dateline", "dateline_place"]

# Lower is likelier for the place a story was filed from.
_DATELINE_KIND = {
    "city": 0, "town": 1, "district": 2, "union_territory": 3, "place": 4, "region": 5,
    "state": 6, "prefecture": 6, "country": 7,
}


def choose_dateline(text: Text, linked: Linked, kb: KB, matcher: Matcher) -> str | None:
    """Settle ``text.dateline`` on the surest candidate whose place is a known place (the
    first one when none is) and return that place's canonical name."""
    dl = text.dateline
    if dl is None:
        return None
    for cand in [dl, *dl.alternatives]:
        name = dateline_place(text, linked, kb, matcher, cand, fallback=False)
        if name is not None:
            if cand is not dl:
                cand.alternatives = []
                text.dateline = cand
            return dateline_place(text, linked, kb, matcher, cand, fallback=False, anchor=True)
    return dateline_place(text, linked, kb, matcher, dl, fallback=True)


def dateline_place(text: Text, linked: Linked, kb: KB, matcher: Matcher,
                   dl: RawDateline | None = None, fallback: bool = True,
                   anchor: bool = False) -> str | None:
    """Canonical name of the place of dateline ``dl`` (default: the text's), or None.

    ``fallback`` names a place the knowledge base lacks by its written or romanised form;
    ``anchor`` makes the article's entities agree with the reading chosen (see
    ``_anchor_reading``).
    """
    dl = dl if dl is not None else text.dateline
    if not dl or not dl.place or not dl.place_span:
        return None
    span = dl.place_span
    chosen: str | None = None  # the recogniser's reading of the dateline word
    for s, e, eid, _ in linked.spans:
        if s <= span.start < e or span.start <= s < span.end:
            ent = linked.by_id[eid]
            if ent.type == "PLACE":
                chosen = eid
                break
    context: Counter[str] = Counter()
    for s, _e, eid, _d in linked.spans:
        ent = linked.by_id[eid]
        if ent.country and not text.in_skip(s, _e):
            context[ent.country] += 1
    bare = not (dl.date or dl.agencies or dl.country)
    if bare and text.lang == "en" and dl.place.istitle() and " " not in dl.place \
            and dl.place.casefold() in english_common_words():
        return None  # "Date: 10.02.2026", "Note:": a form's label, not the town of filing
    best: tuple[tuple[int, int, int, int], KBEntry] | None = None
    for m in matcher.find(dl.place):
        if m.start != 0 or m.end != len(dl.place):
            continue
        for cid, _how in m.candidates:
            e = kb.get(cid)
            if e is None or e.type != "PLACE":
                continue
            if dl.local and e.kind == "country":
                continue  # "India: 244 all out" is a label, not a dateline
            key = (_DATELINE_KIND.get(e.kind, 4), -context[e.country or ""],
                   0 if e.id == chosen else 1, e.rank)
            if best is None or key < best[0]:
                best = (key, e)
    if best is not None:
        if anchor:
            _anchor_reading(text, linked, dl, best[1], chosen)
        return best[1].name
    if chosen is not None and not (dl.local and linked.by_id[chosen].kind == "country"):
        return linked.by_id[chosen].name
    if bare or not fallback:
        return None  # a bare "Word:" opening the KB does not know is no sure place
    if regex.fullmatch(r"[A-Za-z][A-Za-z .'’-]+", dl.place):
        return dl.place.title() if dl.place.isupper() else dl.place
    if regex.fullmatch(r"[\p{Devanagari} ]+", dl.place):
        from .kb.translit import deva_to_latin

        return deva_to_latin(dl.place) or None
    return None


def _anchor_reading(text: Text, linked: Linked, dl: RawDateline, entry: KBEntry,
                    chosen: str | None) -> None:
    """One word, one place in one article: the dateline's reading of its word holds for
    the article's other mentions of that word ("Kochi: ... held in Kochi" is the city
    both times), and the dateline word itself is that place, not a name the recogniser
    made of it ("チェンナイ発" is no person)."""
    span = dl.place_span
    if span is None:
        return
    target = linked.by_id.get(entry.id)
    if target is None:
        target = Entity(entry.id, entry.name, entry.type, entry.kind, entry.country)  # type: ignore[arg-type]
        linked.by_id[entry.id] = target
        linked.entities.append(target)
    linked.demonym_only.discard(entry.id)
    word = dl.place.casefold()
    moved, kept = [], []
    for item in linked.spans:
        s, e, eid, _d = item
        on_dateline = s < span.end and span.start < e
        same_word = (chosen is not None and eid == chosen and eid != entry.id
                     and text.body[s:e].casefold() == word)
        (moved if on_dateline or same_word else kept).append(item)
    new = [(span.start, span.end)] + [(s, e) for s, e, _i, _d in moved
                                      if not (s < span.end and span.start < e)]
    for s, e, eid, _d in moved:
        old = linked.by_id.get(eid)
        if old is not None and old is not target:
            old.mentions = [m for m in old.mentions if not (m.start == s and m.end == e)]
    linked.spans = kept
    for s, e in new:
        linked.spans.append((s, e, entry.id, False))
        if not any(m.start == s and m.end == e for m in target.mentions):
            target.mentions.append(Span(s, e, text.body[s:e]))
    still = {eid for _s, _e, eid, _d in linked.spans}
    gone = {eid for _s, _e, eid, _d in moved} - still
    linked.entities = [x for x in linked.entities if x.id not in gone]
    for eid in gone:
        linked.by_id.pop(eid, None)
        linked.demonym_only.discard(eid)
