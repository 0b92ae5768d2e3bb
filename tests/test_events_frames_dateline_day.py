"""An event's own day, not the dateline's or the journey's: the day a story was filed and
the day a trip ends or begins are no candidates for the talks or deals a sentence reports.
The texts are the team's own, written in wire style."""

from __future__ import annotations

import datetime as dt

import pactwatch
from pactwatch.events.dates import find_dates, trip_edge


def _events(art, typ: str) -> list:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_frames_dateline_day_is_not_the_signing_day() -> None:
    art = pactwatch.extract(
        "PUNE, Mar 6 (Reuters) - Japanese bearing maker NTN signed a pact with the "
        "Maharashtra government late on Wednesday to build a plant, the state said on Friday.",
        published="2026-03-06")
    (ev,) = _events(art, "agreement")
    assert ev["date"] == "2026-03-04"


def test_dates_trip_edge_is_the_end_of_the_journey() -> None:
    pub = dt.date(2025, 2, 12)
    s = "The talks went well, Rane told reporters before ending his Korea tour on Thursday."
    (d,) = find_dates(s, "en", pub)
    assert trip_edge(s, d, "en", pub)
    met = "Rane, now on a tour of Korea, held talks with the trade minister on Tuesday."
    (d,) = find_dates(met, "en", pub)
    assert not trip_edge(met, d, "en", pub)  # a day of the trip, neither its start nor end


def test_dates_trip_edge_hindi_return_day() -> None:
    pub = dt.date(2025, 12, 4)
    s = "मुख्यमंत्री जापान दौरे से बुधवार को लौट आए और उन्होंने बैठक की।"
    (d,) = find_dates(s, "hi", pub)
    assert trip_edge(s, d, "hi", pub)
