"""The date pass: a happening reported as done is not dated by one still to be held.

"The minister is in Osaka ... to invite firms to the investors' meet to be held in
January 2024" dates the meet, not the visit under way; a visit planned for a stated
day keeps it.  Invented sentences."""

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


BODY = ("The chief minister is in Osaka during a week-long tour of Japan to invite firms to "
        "the investors' meet to be held in January 2024.")


def test_dating_a_visit_under_way_is_not_dated_by_the_meet_it_invites_to() -> None:
    t = _text(BODY, None)
    visit = _ev(t, "visit", "completed", "2024-01")
    assign_dates(t, [visit])
    assert visit.date is None
    # with a publication day, the visit under way takes its month (rule 3)
    t = _text(BODY, "2023-05-27")
    visit = _ev(t, "visit", "completed", "2024-01")
    assign_dates(t, [visit])
    assert visit.date == "2023-05"


def test_dating_a_planned_happening_keeps_its_scheduled_day() -> None:
    t = _text("The chief minister's visit to Japan is scheduled for May 23.", "2023-05-09")
    visit = _ev(t, "visit", "planned", "2023-05-23")
    assign_dates(t, [visit])
    assert visit.date == "2023-05-23"
    # and the meet itself, planned, keeps the month it is to be held in
    t = _text(BODY, "2023-05-27")
    meet = _ev(t, "meeting", "planned", "2024-01")
    assign_dates(t, [meet])
    assert meet.date == "2024-01"
