"""Journeys told as a delegation led somewhere, a delegation that went, or a return become
visits, and the deals made on them happened where they went.  Texts are the team's own."""

from __future__ import annotations

import pactwatch


def _events(art, typ: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_delegation_that_went_to_a_country_is_a_visit_and_places_its_deal() -> None:
    art = pactwatch.extract(
        "गांधीनगर, 12 मार्च (भाषा)। जर्मनी गए गुजरात सरकार के प्रतिनिधिमंडल ने एक जर्मन कंपनी "
        "बीएएसएफ के साथ समझौता ज्ञापन पर हस्ताक्षर किए।", published="2025-03-12")
    visits = _events(art, "visit")
    assert visits and visits[0]["place"] == "Germany" and "Gujarat" in visits[0]["participants"]
    deals = _events(art, "agreement")
    assert deals and deals[0]["place"] == "Germany" and deals[0]["date"] == "2025-03"


def test_leading_a_delegation_to_a_country_on_a_day_is_a_planned_visit() -> None:
    art = pactwatch.extract(
        "Chennai, May 9 (PTI) Tamil Nadu Chief Minister M K Stalin will lead a delegation to "
        "Japan on May 23 to invite industrialists to invest in the state.", published="2023-05-09")
    visits = _events(art, "visit")
    assert visits and (visits[0]["place"], visits[0]["status"], visits[0]["date"]) == (
        "Japan", "planned", "2023-05-23")


def test_return_from_a_week_long_tour_dates_the_deals_of_the_tour() -> None:
    art = pactwatch.extract(
        "Lucknow, Oct 8 (PTI) Uttar Pradesh Chief Minister Yogi Adityanath returned from Japan "
        "on Tuesday after a week-long tour during which the state signed 12 MoUs with Japanese "
        "companies.", published="2025-10-08")
    visits = _events(art, "visit")
    assert visits and (visits[0]["place"], visits[0]["date"]) == ("Japan", "2025-10")
