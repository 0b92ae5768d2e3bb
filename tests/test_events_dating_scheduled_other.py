"""The date pass: a happening reported as done is not dated by one still to be held.

"The minister, now in Nagoya for talks, asked carmakers to come to the state's summit
to be held in March 2025" dates the summit, not the visit under way; a visit planned
for a stated day keeps it.  Invented sentences."""

from __future__ import annotations

from pactwatch.events.dating import assign_dates
from pactwatch.normalise import Text, normalise
from pactwatch.read.base import Document
from pactwatch.record import Event, Span


def _text(body: str, published: str | None) -> Text:
    return normalise(Document(doc="t.txt", text=body, published=published))


def _ev(t: Text, typ: str, status: str, date: str | None) -> Event:
    s = t.sentences[0]
    return Event(type=typ, participants=["A", "B"], date=date, status=status,
                 evidence=[Span(s.start, s.end, s.text)])


BODY = ("The minister, now in Nagoya for talks, asked carmakers to come to the state's "
        "summit to be held in March 2025.")


def test_dating_a_visit_under_way_is_not_dated_by_the_meet_it_invites_to() -> None:
    t = _text(BODY, None)
    visit = _ev(t, "visit", "completed", "2025-03")
    assign_dates(t, [visit])
    assert visit.date is None
    # with a publication day, the visit under way takes its month (rule 3)
    t = _text(BODY, "2024-11-20")
    visit = _ev(t, "visit", "completed", "2025-03")
    assign_dates(t, [visit])
    assert visit.date == "2024-11"


def test_dating_a_planned_happening_keeps_its_scheduled_day() -> None:
    t = _text("The minister's trip to Korea is scheduled for June 4.", "2024-05-20")
    visit = _ev(t, "visit", "planned", "2024-06-04")
    assign_dates(t, [visit])
    assert visit.date == "2024-06-04"
    # and the meet itself, planned, keeps the month it is to be held in
    t = _text(BODY, "2024-11-20")
    meet = _ev(t, "meeting", "planned", "2025-03")
    assign_dates(t, [meet])
    assert meet.date == "2025-03"
