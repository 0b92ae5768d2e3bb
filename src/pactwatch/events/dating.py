"""Dates of an article's finished events, by the rules of ANNOTATION.md ("Dates", 1-4).

The frames give each event the date its own sentence states (rule 1).  What a sentence
cannot know, the article can: the days of the trip the happening belongs to, and the day
the story was published.  This pass runs once the events of an article are final:

1. A date the text gives for the happening stays, unless all that gave it is the
   dateline ("Singapore, Feb 12 (PTI)" dates the filing, not the talks).
2. A happening inside a trip whose days the text gives ("from October 6 to 8", "the
   four-day tour that began on 14 May", "7月14～18日に訪日") takes the trip's span at the
   precision it fixes: the month when it lies inside one month.  A visit that spans days
   is the span itself.  Planned happenings take the span of a trip still to come;
   happenings reported as done take the span of a trip under way or over.
3. A happening reported as news (completed, signed, announced, approved, operational)
   with no date of its own takes the publication month.  An investment or plant planned
   by a dated MoU ("signed an MoU on Monday to put in Rs 3,500 crore") takes the
   MoU's date: the plan was made when it was signed.
   A happening on a bulleted line of an itinerary ("令和6年5月20日(月曜日)" on a line of
   its own, then "○ met the governor") takes the day of the heading above it.  A Japanese
   sentence with no subject and no date of its own continues the one before it in the
   paragraph ("5月9日、商談会を開いた。新たな補助制度を紹介した"): the same
   actor on the same occasion, so that sentence's one day.
4. Anything else planned or intended with no date stays undated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import regex

from ..normalise import Text
from ..record import Event, Span
from .dates import (
    DateMention,
    DateSpan,
    find_dates,
    find_durations,
    find_spans,
    mentions_trip,
    modifies_noun,
    schedules_other,
    trip_edges,
    trip_span,
)
from .triggers import find_triggers

__all__ = ["assign_dates"]

NEWS = frozenset({"completed", "signed", "announced", "approved", "operational"})
AHEAD = frozenset({"planned", "intended"})
# Happenings that take place during a trip (the journey's talks, signings, invitations).
DURING_TRIP = frozenset({"meeting", "agreement", "invitation"})
# Plans that an MoU carries: they are made when it is signed.
PLANNED_BY_DEAL = frozenset({"investment", "facility"})


def assign_dates(text: Text, events: Sequence[Event]) -> None:
    """Fill or correct ``event.date`` of every event of one article, in place."""
    if not events:
        # nothing to date: every step below only changes events, and reading the
        # article's trip (every sentence's spans) was a third of the event stage's time
        # on the articles the cascade lets through that report none
        return
    pub = text.published_date
    for ev in events:
        if ev.date and (_only_in_dateline(text, ev, pub) or _of_invited_happening(text, ev, pub)):
            ev.date = None
    trip, anchors = _article_trip(text, events, pub)
    for ev in events:
        if ev.date and ev.type != "visit" and anchors:
            ev.date = _not_the_trips_day(text, ev, pub, anchors)
    for ev in events:
        day = _itinerary_day(text, ev, pub)
        if day is not None and (ev.date is None or (len(ev.date) < 10 and day.startswith(ev.date))):
            ev.date = day
        elif ev.date is None and ev.status in NEWS:
            ev.date = _scene_day(text, ev, pub)
    for ev in events:
        if ev.status == "negated":
            continue
        if trip is not None and _inside_trip(ev, trip, pub):
            if ev.type == "visit" and (ev.date is None or trip.contains(ev.date)):
                ev.date = trip.iso
                continue
            if ev.date is None and ev.type in DURING_TRIP:
                ev.date = trip.iso
    if trip is None:
        # several trips in one story ("the delegation arrived on Tuesday for a three-day
        # visit … the minister toured Japan from 22 to 26 September"): each visit is the
        # span its own sentence gives, and so are the talks that sentence tells in it
        for ev in events:
            if ev.status != "negated" and ev.type in DURING_TRIP | {"visit"}:
                ev.date = _own_trip(text, ev, pub) or ev.date
    for ev in events:
        if ev.date is None and ev.type in PLANNED_BY_DEAL and ev.status in AHEAD:
            ev.date = _deal_date(text, ev, events)
    # "met the Consul General on Monday ... Majhi invited Japanese companies": an
    # invitation the story tells with no day of its own was made at the story's one talks
    # of a stated day that its inviter took part in
    talks = [m for m in events if m.type == "meeting" and m.status == "completed"
             and m.date and len(m.date) == 10 and (pub is None or m.date <= pub.isoformat())]
    for ev in events:
        if ev.type != "invitation" or ev.status not in NEWS or (ev.date and len(ev.date) == 10):
            continue
        days = {m.date for m in talks if set(m.participants) & set(ev.participants)
                and (ev.date is None or str(m.date).startswith(ev.date))}
        if len(days) == 1:
            ev.date = days.pop()
    # "signed four MoUs on Thursday ... The third MoU, with Kubota, provides for ...": one
    # deal of the counted set the story dates was signed with it
    sets = {a.date for a in events if a.type == "agreement" and a.status == "signed"
            and (a.count or 0) >= 2 and a.date and len(a.date) == 10}
    if len(sets) == 1:
        day = next(iter(sets))
        for ev in events:
            if ev.type == "agreement" and ev.status == "signed" and (
                    ev.date is None or (len(ev.date) < 10 and day.startswith(ev.date))):
                ev.date = day
    if pub is None:
        return
    for ev in events:
        if ev.date is None and ev.status in NEWS:
            ev.date = pub.isoformat()[:7]


# A list item of a programme: a bullet, then the item ("○ 県庁で協議", "• Talks with ...").
_BULLET_RX = regex.compile(r"^\s*[○〇●◎◯・•▪■□◆◇*\-–]")
# What a heading line may hold besides its date: brackets, punctuation, spaces.
_HEADING_REST_RX = regex.compile(r"^[\s\p{P}\p{S}]*$")


def _itinerary_day(text: Text, ev: Event, pub: dt.date | None) -> str | None:
    """The day of the itinerary heading an event's bulleted line lies under, or None.

    A programme lists its days as headings on lines of their own, each followed by the
    items of that day as bullets; an item says no date itself, the heading says it for
    all of them.  Only bullets and nothing else may lie between heading and item (a
    paragraph of prose ends the programme)."""
    body = text.body
    for e in ev.evidence:
        start = body.rfind("\n", 0, e.start) + 1
        end = body.find("\n", e.start)
        line = body[start:end if end >= 0 else len(body)]
        if not _BULLET_RX.match(line):
            continue
        while start > 0:
            end = start - 1
            start = body.rfind("\n", 0, end) + 1
            line = body[start:end]
            if not line.strip() or _BULLET_RX.match(line):
                continue
            return _heading_day(line, text.lang, pub)
    return None


def _heading_day(line: str, lang: str, pub: dt.date | None) -> str | None:
    """The day a line states when the line is nothing but that day (weekday aside)."""
    found = find_dates(line, lang, pub)
    days = {d.iso for d in found if d.precision == "day" and not d.relative}
    if len(days) != 1:
        return None
    rest = line
    for d in sorted(found, key=lambda d: -d.start):
        rest = rest[:d.start] + rest[d.end:]
    return days.pop() if _HEADING_REST_RX.match(rest) else None


# A subject or topic of its own in a Japanese clause: a noun, then は or が as a particle.
_JA_SUBJECT_RX = regex.compile(r"[\p{Han}\p{Katakana}\p{Latin}\p{N}）」)]\s*[はが](?!\p{Hiragana})")
_JA_CLAUSE_END_RX = regex.compile(r"[、，。]")


def _scene_day(text: Text, ev: Event, pub: dt.date | None) -> str | None:
    """The day of the sentence a subjectless, undated Japanese sentence continues.

    Japanese leaves out a subject the discourse already has: "名古屋市内で5月9日、
    商談会を開いた。新たな補助制度を紹介したほか、…" reports one more thing
    done by the same actor at the same event, so the day of the sentence before (one day,
    not still to come, in the same paragraph) is its day.  A sentence with its own
    subject ("知事は…") or date opens a scene of its own."""
    if text.lang != "ja" or not ev.evidence:
        return None
    e = ev.evidence[0]
    sent = next((s for s in text.sentences if s.start == e.start), None)
    if sent is None or sent.index == 0:
        return None
    if any(not modifies_noun(sent.text, d, "ja") for d in find_dates(sent.text, "ja", pub)):
        return None
    if _JA_SUBJECT_RX.search(_JA_CLAUSE_END_RX.split(sent.text, 1)[0]):
        return None
    prev = text.sentences[sent.index - 1]
    if prev.paragraph != sent.paragraph or text.in_skip(prev.start, prev.end):
        return None
    days = {d.iso for d in find_dates(prev.text, "ja", pub)
            if d.precision == "day" and not modifies_noun(prev.text, d, "ja")}
    if len(days) != 1:
        return None
    day = days.pop()
    return day if pub is None or day <= pub.isoformat() else None


def _only_in_dateline(text: Text, ev: Event, pub: dt.date | None) -> bool:
    """Is the event's date stated only inside the dateline of its evidence?"""
    dl = text.dateline.span if text.dateline else None
    if dl is None or ev.date is None:
        return False
    inside = outside = False
    for e in ev.evidence:
        for d in find_dates(e.text, text.lang, pub):
            if d.iso != ev.date:
                continue
            start = e.start + d.start
            if dl.start <= start < dl.end:
                inside = True
            else:
                outside = True
    return inside and not outside


def _of_invited_happening(text: Text, ev: Event, pub: dt.date | None) -> bool:
    """Is an invitation dated only by the happening it invites to ("invited them to the
    summit to be held in January 2024")?  The inviting was done when it was reported.
    So is a happening reported as done or under way ("now in Nagoya for talks, asked
    carmakers to come to the state's summit to be held next March"): what is done is
    not dated by what is still to be held."""
    if ev.date is None or (ev.type != "invitation" and ev.status not in NEWS):
        return False
    hits = [(e, d) for e in ev.evidence for d in find_dates(e.text, text.lang, pub)
            if d.iso == ev.date]
    return bool(hits) and all(schedules_other(e.text, d, text.lang) for e, d in hits)


def _not_the_trips_day(text: Text, ev: Event, pub: dt.date | None,
                       anchors: list[tuple[int, int]]) -> str | None:
    """The event's date, unless it is the day the trip began or ended ("who began a
    five-day visit on Monday, met the board on Tuesday"): then another day its evidence
    gives, else none (the trip's span is given later)."""
    dl = text.dateline.span if text.dateline else None
    own: list[str] = []
    anchored = False
    for e in ev.evidence:
        for d in find_dates(e.text, text.lang, pub):
            start = e.start + d.start
            if dl is not None and dl.start <= start < dl.end:
                continue
            if any(a <= start < b for a, b in anchors):
                anchored = anchored or d.iso == ev.date
                continue
            if d.precision == "day":
                own.append(d.iso)
    if not anchored or ev.date in own:
        return ev.date
    return own[0] if own else None


def _article_trip(text: Text, events: Sequence[Event], pub: dt.date | None
                  ) -> tuple[DateSpan | None, list[tuple[int, int]]]:
    """The one trip whose days the article gives, or None (none, or several that differ),
    and where the text states those days (so they are not taken for a talk's day).

    A range of days counts only in a sentence about a journey (a trip word, or the
    evidence of a visit): "the expo on October 16 and 17" is no trip.  Arrival and return
    days, or a length with a start or end day, say it themselves.
    """
    visit_sents = {e.start for ev in events if ev.type == "visit" for e in ev.evidence}
    found: list[DateSpan] = []
    anchors: list[tuple[int, int]] = []
    for s in text.sentences:
        if text.in_skip(s.start, s.end):
            continue
        about_trip = s.start in visit_sents or mentions_trip(s.text, text.lang)
        if not about_trip and find_spans(s.text, text.lang, pub):
            continue
        sp = trip_span(s.text, text.lang, pub)
        if sp is not None and not schedules_other(s.text, sp, text.lang):
            # "the investors' meet set for March 3-4" is another happening's days
            found.append(sp)
            anchors.append((s.start + sp.start, s.start + sp.end))
    if not found:
        return _trip_across(text, events, pub, visit_sents)
    first = found[0]
    for other in found[1:]:
        if other.last < first.first or other.first > first.last:
            return None, []  # two trips on different days: which one a happening is in is unknown
    return first, anchors


def _trip_across(text: Text, events: Sequence[Event], pub: dt.date | None, visit_sents: set[int]
                 ) -> tuple[DateSpan | None, list[tuple[int, int]]]:
    """The trip that no one sentence gives but the article does, across sentences: the
    day it began in one ("मुख्यमंत्री 29 नवंबर को जापान रवाना हुए थे"), its length or the
    day it ended in another ("पांच दिवसीय दौरे से बुधवार को लौटे").  One start day, one
    end day and one length at most, each told of a journey; else no trip."""
    starts: list[tuple[int, DateMention]] = []
    ends: list[tuple[int, DateMention]] = []
    lengths: set[int] = set()
    for s in text.sentences:
        if text.in_skip(s.start, s.end) or not (s.start in visit_sents
                                                or mentions_trip(s.text, text.lang)):
            continue
        st, en = trip_edges(s.text, text.lang, pub, journey=s.start in visit_sents)
        starts += [(s.start, d) for d in st if not schedules_other(s.text, d, text.lang)]
        ends += [(s.start, d) for d in en if not schedules_other(s.text, d, text.lang)]
        lengths |= {n for _a, _b, n in find_durations(s.text, text.lang)}
    firsts = {d.iso for _o, d in starts}
    lasts = {d.iso for _o, d in ends}
    if len(firsts) > 1 or len(lasts) > 1 or len(lengths) > 1 or not (firsts or lasts):
        return None, []
    first = dt.date.fromisoformat(firsts.pop()) if firsts else None
    last = dt.date.fromisoformat(lasts.pop()) if lasts else None
    n = lengths.pop() if lengths else None
    if first and last:
        pass  # "left on October 21 … the week-long tour … returned on Tuesday": the days
        # told outweigh a length told in round figures
    elif first and n:
        last = first + dt.timedelta(days=n - 1)
    elif last and n:
        first = last - dt.timedelta(days=n - 1)
    if first is None or last is None or not 0 < (last - first).days <= 31:
        return None, []
    edges = starts + ends
    anchors = [(o + d.start, o + d.end) for o, d in edges]
    o, d = edges[0]
    return DateSpan(d.start, d.end, first, last, d.text), anchors


def _own_trip(text: Text, ev: Event, pub: dt.date | None) -> str | None:
    """The span of the one trip the event's own sentences give, when the event has no
    date but that span's (its first or last day, read off the span itself): a visit is
    its span, a meeting told in the same sentence lies inside it."""
    spans: set[str] = set()
    for e in ev.evidence:
        if text.in_skip(e.start, e.end) or not (ev.type == "visit" or mentions_trip(e.text, text.lang)):
            continue
        sp = trip_span(e.text, text.lang, pub)
        if sp is None or schedules_other(e.text, sp, text.lang) or sp.first == sp.last:
            continue
        own = {d.iso for d in find_dates(e.text, text.lang, pub)
               if d.precision == "day" and not (sp.start <= d.start < sp.end)}
        if ev.date is None or ev.date in {sp.first.isoformat(), sp.last.isoformat()} and ev.date not in own:
            spans.add(sp.iso)
    return spans.pop() if len(spans) == 1 else None


def _inside_trip(ev: Event, trip: DateSpan, pub: dt.date | None) -> bool:
    """Could the event lie inside the trip?  Plans inside a trip still to come, reported
    happenings inside a trip under way or over; an own date must fall inside it."""
    if ev.date and ev.type != "visit" and not trip.contains(ev.date):
        return False
    if pub is None:
        return True
    if ev.status in AHEAD:
        return trip.last >= pub
    return trip.first <= pub


def _deal_date(text: Text, ev: Event, events: Sequence[Event]) -> str | None:
    """The date of the signed MoU that carries this plan, if one does."""
    deals = [a for a in events if a.type == "agreement" and a.status == "signed" and a.date]
    if not deals:
        return None
    mine = {e.start for e in ev.evidence}
    for a in deals:
        if mine & {e.start for e in a.evidence}:
            return a.date
    if len({a.date for a in deals}) == 1 and any(_names_agreement(e, text.lang) for e in ev.evidence):
        return deals[0].date
    # the one MoU signed on a stated day by the same company and government ("Denso signed
    # an MoU with Gujarat on Monday ... the plant will need Rs 3,500 crore")
    same = {a.date for a in deals if a.date and len(a.date) == 10
            and len(set(a.participants) & set(ev.participants)) >= 2}
    return same.pop() if len(same) == 1 else None


def _names_agreement(sentence: Span, lang: str) -> bool:
    return any(t.type == "agreement" for t in find_triggers(sentence.text, lang))
