"""One sum told in two currencies ("Rs 1,600 crore ($194 million)") is one deal's sum, not
two deals; a sum that prices a plant in an MoU's sentence is the investment's."""

from __future__ import annotations

import pactwatch
from pactwatch.events.amounts import find_amounts, same_sum


def _money(text: str):  # type: ignore[no-untyped-def]
    return find_amounts(text, "en")[0]


def test_events_same_sum_converts_roughly_between_currencies() -> None:
    assert same_sum(_money("Rs 1,600 crore"), _money("$194 million"))
    assert same_sum(_money("¥80 billion"), _money("$540 million"))
    assert not same_sum(_money("Rs 1,600 crore"), _money("$500 million"))
    assert not same_sum(_money("Rs 1,600 crore"), _money("Rs 1,700 crore"))


def test_events_two_currencies_make_one_investment_with_the_deal_currency() -> None:
    rec = pactwatch.extract(
        "Chennai, Jan 27 (PTI) Taiwan's Hsu Fong Electronics will invest $194 million in a "
        "new plant in Tamil Nadu, the state said on Tuesday.\n\n"
        "Hsu Fong Electronics will invest Rs 1,600 crore in the plant at Kancheepuram, "
        "Industries Minister T R B Rajaa said.", published="2026-01-27").to_dict()
    inv = [e for e in rec["events"] if e["type"] == "investment"]
    assert len(inv) == 1
    assert inv[0]["amount"]["currency"] == "INR"


def test_events_mou_for_a_priced_plant_is_an_investment_too() -> None:
    rec = pactwatch.extract(
        "Lucknow, Feb 18 (PTI) Uttar Pradesh on Wednesday signed a memorandum of "
        "understanding with Daikin Industries for a Rs 2,400 crore compressor plant in "
        "Greater Noida, officials said.", published="2026-02-18").to_dict()
    types = {e["type"] for e in rec["events"]}
    assert {"agreement", "investment", "facility"} <= types
    inv = next(e for e in rec["events"] if e["type"] == "investment")
    assert inv["amount"] == {"value": 24000000000, "currency": "INR"}
