"""Links between two articles, the stories they make, and trips.

A story is a connected group of mentions linked pairwise.  Whether two mentions are
linked depends only on the two mentions and their two articles, never on what was
ingested before, so any ingest order links the same pairs and builds the same stories.
A late article that links mentions of two stories proves them one: they are merged
(the store records the merge); nothing else ever moves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .entities import _entry, _ids, _prefix, _shared, _specific
from .evidence import (
    CONTEXT_TYPES,
    THRESHOLD,
    PairEvidence,
    _day,
    cos_mid,
    dates_compatible,
    pair_evidence,
    undated,
)
from .mention import EventMention

TRIP_DAYS = 10  # the reports of one delegation trip lie at most this far apart

# A visit announced with no date ("the chief minister will visit Japan") happens some
# time after the report: state delegations to Japan are prepared over months (a survey
# team, then the minister), so the plan may be reported most of a year ahead.
PLAN_DAYS = 240

_PLANNED = frozenset({"planned", "intended"})

_TRAVELLERS = frozenset({"in-state", "person", "gov", "co", "name", "group"})

# What a delegation repeats at every stop of a trip: the invitation to invest in its
# state or to come to its investors' summit is one story per trip (ANNOTATION.md), so
# two reports of one trip link their invitations on the pair score alone.
TRIP_REPEATS: frozenset[str] = frozenset({"invitation"})


@dataclass(frozen=True, slots=True)
class Link:
    """``a`` (an index into the new article's mentions) reports what ``b`` reports."""

    a: int
    b: int  # index into the other article's mentions
    score: float
    kind: str  # "direct" | "context" | "trip"


def _home(ids: Iterable[str]) -> set[str]:
    out = set()
    for i in ids:
        e = _entry(i)
        if e is not None and e.country and _prefix(i) != "country":
            out.add(e.country)
    return out


def destinations(m: EventMention, home: set[str]) -> set[str]:
    """The countries a visit goes to: its place's country when that is abroad, else the
    countries among its participants other than the travellers' own."""
    if m.place:
        e = _entry(m.place)
        if e is not None and e.country and e.country not in home:
            return {e.country}
    return {p.split(":", 1)[1] for p in m.participants
            if p.startswith("country:") and p.split(":", 1)[1] not in home}


def _span(m: EventMention) -> tuple[dt.date, dt.date] | None:
    """The days a report places its happening on: the event date at its precision,
    else the publication day."""
    from pactwatch.store.dates import date_range

    r = date_range(m.date) if m.date else None
    if r is None and m.published:
        r = date_range(m.published)
    if r is None:
        return None
    return dt.date.fromisoformat(r[0]), dt.date.fromisoformat(r[1])


def same_trip(a: EventMention, b: EventMention, *, articles_linked: bool) -> bool:
    """See :func:`_same_trip`; checked both ways so that it is symmetric."""
    return (_same_trip(a, b, articles_linked=articles_linked)
            and _same_trip(b, a, articles_linked=articles_linked))


def _same_trip(a: EventMention, b: EventMention, *, articles_linked: bool) -> bool:
    """Two visit reports of one delegation trip: one traveller (a state, an office
    holder, an organisation both name), one destination country, and either dates at
    most :data:`TRIP_DAYS` apart or two articles already shown to report one happening.

    A trip is one story whichever legs and days the reports cover (a city each day, a
    summary at the end), so places within the destination do not count against it."""
    if a.type != "visit" or b.type != "visit" or a.article == b.article:
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    pa = {i for i in _specific(a.participants)}
    pb = {i for i in _specific(b.participants)}
    shared, matched = _shared(pa, pb)
    travellers = {i for i in shared if _prefix(i) in _TRAVELLERS}
    if not travellers:
        return False
    home = _home(travellers)
    if not home:
        return False
    da, db = destinations(a, home), destinations(b, home)
    if not da or not db or not (da & db) or (len(da) == 1 and len(db) == 1 and da != db):
        return False
    if articles_linked:
        return True
    people = {i for i in set(travellers) | matched if _prefix(i) == "person"}
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    gap = max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days, 0)
    if gap <= TRIP_DAYS:
        return True
    return bool(people) and (_announces(a, b, sb) or _announces(b, a, sa))


def _one_trip_if_linked(a: EventMention, b: EventMention) -> bool:
    """Visits that would be one trip if their articles report one happening: the
    traveller and destination agree, and one of them is not placed in time (no event
    date, no publication date), so nothing but the articles' other happenings can say
    whether it is that trip.  (Two visits placed in time are one trip on their days,
    :func:`same_trip`, or not at all.)"""
    if not (undated(a) or undated(b)):
        return False
    return same_trip(a, b, articles_linked=True)


def _announces(plan: EventMention, other: EventMention, days: tuple[dt.date, dt.date]
               ) -> bool:
    """Is ``plan`` a report, ahead of time, of the visit ``other`` reports on ``days``?

    A planned visit with no date lies some time after its report: within
    :data:`PLAN_DAYS` of the publication day.  Only a shared office holder makes two
    such reports one trip (the caller checks): a state sends officials ahead of its
    chief minister, and their visit is not his.  ``other`` must be placed in time by
    more than its report (a date, or a visit made): two undated announcements months
    apart would chain plans of different years into one trip."""
    if plan.status not in _PLANNED or plan.date:
        return False
    if not other.date and other.status in _PLANNED:
        return False
    pub = _day(plan.published)
    if pub is None:
        return False
    return pub - dt.timedelta(days=TRIP_DAYS) <= days[0] <= pub + dt.timedelta(days=PLAN_DAYS)


def link_articles(new: Sequence[EventMention], new_vecs: Sequence[np.ndarray | None],
                  other: Sequence[EventMention], other_vecs: Sequence[np.ndarray | None]
                  ) -> list[Link]:
    """Which mentions of two articles report one happening.

    1. Direct links: pairs of a type other than a context type (a visit) scoring at
       least :data:`THRESHOLD` with strong specific evidence (:func:`_strong`), or with
       evidence texts closer than the neutral cosine when neither report is undated (no
       event and no publication date) and they share more than a venue and its hosts.
       A shared state and a sector ("Karnataka's EV policy") is not enough alone: many
       reports of one state's month share those.
    2. The articles are *linked* when there is a direct link, or pairs of two different
       types that pass the score with strong evidence or close texts (one report's
       meeting, invitation and policy each agreeing with the other's); visits of one
       traveller to one destination, at no odds in time, count as one such type (an
       undated report of a trip and its invitation).  Only linked articles join the
       other pairs that pass the score ("context" links).
    3. Visits join when they are one trip (:func:`same_trip`); two reports of one trip
       that are not linked join only what a trip repeats at every stop
       (:data:`TRIP_REPEATS`).

    Each mention links to at most one mention of the other article (the extractor gives
    one event per happening within an article), strongest pairs first; ties go by type
    and text, so the result does not depend on which article came first.
    """
    scored: list[tuple[float, str, str, int, int, PairEvidence]] = []
    for i, a in enumerate(new):
        if a.type in CONTEXT_TYPES:
            continue
        for j, b in enumerate(other):
            ev = pair_evidence(a, new_vecs[i], b, other_vecs[j])
            if ev is not None and ev.score >= THRESHOLD:
                key = min(a.text, b.text)
                scored.append((ev.score, a.type, key, i, j, ev))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    direct: list[tuple[int, int, float, PairEvidence]] = []
    for sc, _t, _k, i, j, ev in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        direct.append((i, j, sc, ev))

    def supported(i: int, j: int, ev: PairEvidence) -> bool:
        return ev.cosine is not None and ev.cosine >= cos_mid(new[i].lang, other[j].lang)

    def sure(i: int, j: int, ev: PairEvidence) -> bool:
        return ev.strong or (supported(i, j, ev) and not ev.generic
                             and not undated(new[i]) and not undated(other[j]))

    out = [Link(i, j, sc, "direct") for i, j, sc, ev in direct if sure(i, j, ev)]
    agreeing = {new[i].type for i, j, _sc, ev in direct if ev.strong or supported(i, j, ev)}
    if agreeing and any(_one_trip_if_linked(a, b) for a in new for b in other):
        agreeing.add("visit")  # one traveller to one destination, at no odds in time
    linked = bool(out) or len(agreeing) >= 2
    trips: list[Link] = []
    for i, a in enumerate(new):
        if a.type not in CONTEXT_TYPES:
            continue
        for j, b in enumerate(other):
            if j not in used_b and same_trip(a, b, articles_linked=linked):
                used_b.add(j)
                trips.append(Link(i, j, 1.0, "trip"))
                break
    have = {(x.a, x.b) for x in out}
    if linked:
        out += [Link(i, j, sc, "context") for i, j, sc, _ev in direct if (i, j) not in have]
    elif trips:
        # two reports of one trip: what the trip repeats at every stop is one story
        out += [Link(i, j, sc, "context") for i, j, sc, _ev in direct
                if (i, j) not in have and new[i].type in TRIP_REPEATS]
    return sorted(out + trips, key=lambda x: (x.a, x.b))


def group_by_article(mentions: Iterable[tuple[EventMention, Any]]
                     ) -> dict[str, list[tuple[EventMention, Any]]]:
    """Candidate mentions by article, each article's in event order."""
    out: dict[str, list[tuple[EventMention, Any]]] = {}
    for m, v in mentions:
        out.setdefault(m.article, []).append((m, v))
    for k in out:
        out[k].sort(key=lambda t: _event_index(t[0].key))
    return out


def _event_index(key: str) -> int:
    tail = key.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else 0


@dataclass
class Placement:
    """Where an article's mentions went: a story each (existing or new) and the merges
    its links proved (``(from, into)``, the younger story into the older)."""

    stories: list[int | None]  # None: starts a new story
    merges: list[tuple[int, int]]
    links: list[tuple[int, str, Link]]  # (new index, other mention key, link)


def place_article(mentions: Sequence[EventMention], vecs: Sequence[np.ndarray | None],
                  candidates: Sequence[tuple[EventMention, np.ndarray | None, int]]
                  ) -> Placement:
    """Decide the stories of a new article's mentions from their links to candidate
    mentions (each with its current story id).

    A mention linked to one story joins it; linked to several, it joins the oldest and
    the others are merged into it.  A story never holds two mentions of one article,
    nor two dates that cannot be one happening's (an undated report links to both an
    October MoU and next May's, which stay two stories): a link that would do so is not
    followed (the strongest links are followed first).
    """
    if len(vecs) != len(mentions):
        raise ValueError(f"place_article got {len(mentions)} mentions but {len(vecs)} vectors.")
    story_of = {m.key: sid for m, _v, sid in candidates}
    articles_of: dict[int, set[str]] = {}
    members_of: dict[int, list[EventMention]] = {}
    for m, _v, sid in candidates:
        articles_of.setdefault(sid, set()).add(m.article)
        members_of.setdefault(sid, []).append(m)
    links: list[tuple[int, str, Link]] = []
    for _art, group in sorted(group_by_article((m, v) for m, v, _s in candidates).items()):
        ms = [g[0] for g in group]
        for ln in link_articles(mentions, vecs, ms, [g[1] for g in group]):
            links.append((ln.a, ms[ln.b].key, ln))
    # union-find over story ids, with the articles each group holds
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    out: list[int | None] = [None] * len(mentions)
    new_members: dict[int, int] = {}  # story root -> how many of this article joined
    merges: list[tuple[int, int]] = []
    here = mentions[0].article if mentions else ""
    for _sc, i, key in sorted(((-ln.score, i, key) for i, key, ln in links),
                              key=lambda t: (t[0], t[1], t[2])):
        sid = find(story_of[key])
        cur = out[i]
        if cur is None:
            if new_members.get(sid) or not _fits([mentions[i]], members_of.get(sid, [])):
                continue  # another mention of this article is there, or dates disagree
            out[i] = sid
            new_members[sid] = 1
            members_of.setdefault(sid, []).append(mentions[i])
            continue
        cur = find(cur)
        if cur == sid or new_members.get(sid) or \
                articles_of.get(cur, set()) & articles_of.get(sid, set()) - {here} or \
                not _fits(members_of.get(cur, []), members_of.get(sid, [])):
            continue
        young, old = max(cur, sid), min(cur, sid)
        parent[young] = old
        articles_of[old] = articles_of.get(old, set()) | articles_of.pop(young, set())
        members_of[old] = members_of.get(old, []) + members_of.pop(young, [])
        new_members[old] = new_members.pop(young, 0) + new_members.get(old, 0)
        merges.append((young, old))
    final = [find(x) if x is not None else None for x in out]
    return Placement(final, merges, links)


def _fits(a: Sequence[EventMention], b: Sequence[EventMention]) -> bool:
    """Could the mentions of ``a`` and ``b`` all be reports of one happening, by date?

    Visits are one trip when their days lie within :data:`TRIP_DAYS`; other happenings
    need dates that can be one date (:func:`dates_compatible`)."""
    for x in a:
        for y in b:
            if x.type in CONTEXT_TYPES:
                sx, sy = _span(x) if x.date else None, _span(y) if y.date else None
                if sx and sy and max((sy[0] - sx[1]).days, (sx[0] - sy[1]).days) > TRIP_DAYS:
                    return False
            elif not dates_compatible(x.date, y.date):
                return False
    return True


def trip_links(mentions: Sequence[EventMention], stories: Sequence[int]) -> list[tuple[int, int]]:
    """``(story, trip)`` pairs: the stories of an article's meetings, signings, pledges and
    invitations, each linked to the visit story of the trip the article reports them on.

    With one visit in the article every other happening belongs to it; with several (a
    trip through Japan and Singapore) a happening goes to the visit whose destination is
    the country of its place or of its participants, and to none when that is unclear.
    """
    visits = [(m, s) for m, s in zip(mentions, stories, strict=True)
              if m.type in CONTEXT_TYPES and m.status != "negated"]
    if not visits:
        return []
    out: set[tuple[int, int]] = set()
    for m, sid in zip(mentions, stories, strict=True):
        if m.type in CONTEXT_TYPES:
            continue
        trip: int | None = None
        if len({s for _v, s in visits}) == 1:
            trip = visits[0][1]
        else:
            where = _home(_specific(_ids(m))) | {p.split(":", 1)[1] for p in m.participants
                                                 if p.startswith("country:")}
            fits = {s for v, s in visits
                    if destinations(v, _home(_specific(v.participants))) & where}
            trip = fits.pop() if len(fits) == 1 else None
        if trip is not None and trip != sid:
            out.add((sid, trip))
    return sorted(out)


def current_story(conn: Any, story_id: int) -> int:
    """The story an id stands for now: itself, or the story it was merged into."""
    from .. import schema as s

    into = conn.execute(s.story_merges.select().with_only_columns(s.story_merges.c.into_id)
                        .where(s.story_merges.c.story_id == story_id)).scalar()
    return int(into) if into is not None else story_id


def trip_of(conn: Any, story_id: int) -> dict[str, Any]:
    """A trip with its happenings, for the story page and the API.

    For a visit story: ``{"trip": id, "happenings": [story ids]}``; for a story that
    happened on a trip: the same, for its trip; ``{"trip": None, "happenings": []}``
    for a story that belongs to no trip.  Merged ids are followed to their story.
    """
    from sqlalchemy import select

    from .. import schema as s

    sid = current_story(conn, story_id)
    t = s.story_trips
    trips = sorted(x for (x,) in conn.execute(select(t.c.trip_id).where(t.c.story_id == sid)))
    typ = conn.execute(select(s.stories.c.type).where(s.stories.c.id == sid)).scalar()
    trip = sid if typ in CONTEXT_TYPES else (trips[0] if trips else None)
    if trip is None:
        return {"trip": None, "happenings": []}
    happ = sorted(x for (x,) in conn.execute(select(t.c.story_id).where(t.c.trip_id == trip)))
    return {"trip": trip, "happenings": happ}
