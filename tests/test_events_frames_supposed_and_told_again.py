"""English event precision: a supposed happening ("If any firm picks ...", "a visit
could be scheduled"), a negotiation under way ("in talks with"), a share of a country's
investment, a pluperfect recalled as background unless it is reported speech, and an
agreement told again ("The agreement was signed in ... by ...").  Invented sentences."""

from __future__ import annotations

import pactwatch


def _events(text: str) -> list[dict]:
    return pactwatch.extract(text, published="2026-03-04").to_dict()["events"]


def test_events_conditional_sentence_reports_no_plant() -> None:
    evs = _events("Lucknow, March 4 (PTI) Uttar Pradesh Industries Minister Nand Gopal Gupta "
                  "said on Wednesday: \"If any German firm picks Noida to build a factory, "
                  "the state will allot land within a month.\"")
    assert not [e for e in evs if e["type"] in {"facility", "investment"}]


def test_events_visit_that_could_be_scheduled_is_no_visit() -> None:
    evs = _events("New Delhi, March 4 (PTI) Officials said a visit by German Chancellor "
                  "Friedrich Merz to India could be scheduled later this year.")
    assert not [e for e in evs if e["type"] == "visit"]


def test_events_talks_under_way_and_trade_pact_talks_are_no_meeting() -> None:
    evs = _events("Chennai, March 4 (PTI) Guidance Tamil Nadu said it was in talks with "
                  "Bosch and Siemens over new plants. \"The free trade agreement talks "
                  "between India and the European Union help us,\" an official said.")
    assert not [e for e in evs if e["type"] == "meeting"]


def test_events_share_of_a_countrys_investment_is_no_investment() -> None:
    evs = _events("Chennai, March 4 (PTI) Tamil Nadu accounts for nearly one-third of "
                  "Korean investment in India, Chief Minister M K Stalin said.")
    assert not [e for e in evs if e["type"] == "investment"]


def test_events_pluperfect_background_and_reported_signing() -> None:
    gone = _events("Bhubaneswar, March 4 (PTI) Posco had abandoned a steel project in "
                   "Odisha in 2017 after protests, and had pledged Rs 5,000 crore earlier.")
    assert not [e for e in gone if e["type"] == "investment"]
    kept = _events("SEOUL, March 4 (Reuters) - South Korea's Posco said on Wednesday it had "
                   "signed an agreement with India's JSW Steel to build a steel plant in Odisha.")
    assert [e for e in kept if e["type"] == "agreement"]


def test_events_agreement_told_again_is_one_agreement() -> None:
    evs = _events("SEOUL, March 4 (Reuters) - South Korea's Posco said on Wednesday it had "
                  "signed an agreement with India's JSW Steel to build a steel plant in "
                  "Odisha. The agreement was signed in Seoul by Posco Chief Executive Chang "
                  "In-hwa and JSW Steel Chairman Sajjan Jindal.")
    assert len([e for e in evs if e["type"] == "agreement"]) == 1


def test_events_habitual_statement_is_background() -> None:
    evs = _events("Lucknow, March 4 (PTI) Chief Minister Yogi Adityanath has repeatedly "
                  "invited Japanese investors to make Uttar Pradesh their manufacturing base.")
    assert not [e for e in evs if e["type"] == "invitation"]
