"""Event false alarms of unseen English copy: a happening named after a condition inside
the sentence is supposed; officials "present at the meeting" are no second meeting and no
sides of it; totals "over the past two years" and a speaker's "I have met investors in
…" are history, not this story's happenings."""

from __future__ import annotations

import pactwatch

LEAD = ("Lucknow, March 5 (PTI) Chief Minister Yogi Adityanath on Thursday met a delegation "
        "from Taiwan led by TAITRA vice president Lin Chih-ming in Lucknow. ")


def _events(text: str) -> list[dict]:
    return pactwatch.extract(text, published="2026-03-05").to_dict()["events"]


def test_events_condition_inside_the_sentence_makes_no_event() -> None:
    evs = _events(LEAD + "A senior official said that if the talks with other members of the "
                  "delegation succeed, Taiwanese suppliers could invest up to Rs 10,000 crore "
                  "in the state.")
    assert [e["type"] for e in evs] == ["meeting"]


def test_events_happening_before_the_condition_is_kept() -> None:
    evs = _events("Chennai, March 5 (PTI) Japan's Hoshino Kogyo will invest Rs 500 crore in "
                  "Tamil Nadu if the state allots land near Hosur by June, officials said.")
    assert "investment" in [e["type"] for e in evs]


def test_events_presence_at_the_meeting_is_the_same_meeting() -> None:
    evs = _events(LEAD + "Chief Secretary Manoj Kumar Singh and Invest UP CEO Vijay Kiran "
                  "Anand were also present at the meeting.")
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert len(meetings) == 1
    assert "Manoj Kumar Singh" not in meetings[0]["participants"]


def test_events_totals_over_past_years_and_first_person_history_are_no_events() -> None:
    evs = _events(LEAD + "Industries Minister Nand Gopal Gupta said the state had received "
                  "investment proposals worth Rs 40,000 crore over the past two years. "
                  "\"I have met Singapore investors in Dubai, London and Tokyo, and every one "
                  "of them asks about land,\" Adityanath said.")
    assert [e["type"] for e in evs] == ["meeting"]


def test_events_state_agency_signs_for_its_state() -> None:
    text = ("PUNJAB SIGNS MoUs WORTH RS 2,350 CRORE WITH HIROSHIMA COMPANIES\n\n"
            "Chandigarh, Nov 18 (PTI) Invest Punjab on Monday signed three Memoranda of "
            "Understanding with companies from Hiroshima Prefecture for a total investment "
            "of Rs 2,350 crore, officials said.")
    evs = pactwatch.extract(text, published="2025-11-18").to_dict()["events"]
    agreements = [e for e in evs if e["type"] == "agreement"]
    assert len(agreements) == 1
    inv = [e for e in evs if e["type"] == "investment"]
    assert inv and all("Invest Punjab" not in e["participants"] for e in inv)
    assert any("Punjab" in e["participants"] for e in inv)


def test_events_leader_receiving_a_delegation_meets_it() -> None:
    text = ("Chandigarh, Nov 18 (PTI) Chief Minister Bhagwant Mann received a 30-member business "
            "delegation from Hiroshima Prefecture, led by Vice Governor Takeshi Ogura, at "
            "Punjab Bhawan here on Monday.")
    evs = pactwatch.extract(text, published="2025-11-18").to_dict()["events"]
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert len(meetings) == 1
    assert {"Takeshi Ogura"} <= set(meetings[0]["participants"])
    assert meetings[0]["date"] == "2025-11-17"
