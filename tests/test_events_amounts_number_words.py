"""Sums written with number words before a multiplier are money; number words alone
never are.  Texts are the team's own."""

from __future__ import annotations

import pytest

from pactwatch.events.amounts import find_amounts
from pactwatch.events.frames import deal_sum


@pytest.mark.parametrize(("text", "lang", "value", "currency"), [
    ("बंदरगाहों के विकास पर अगले दशक में छह लाख करोड़ रुपए खर्च होंगे", "hi", 6e12, "INR"),
    ("कंपनी दो हजार करोड़ रुपये लगाएगी", "hi", 2e10, "INR"),
    ("the group will put in two lakh crore rupees", "en", 2e12, "INR"),
    ("a fund of five billion dollars", "en", 5e9, "USD"),
])
def test_number_words_before_a_multiplier_are_money(text: str, lang: str, value: float,
                                                    currency: str) -> None:
    found = find_amounts(text, lang)
    assert [(m.value, m.currency) for m in found] == [(value, currency)]


@pytest.mark.parametrize(("text", "lang"), [
    ("six companies signed MoUs and a plant will come up", "en"),
    ("दो कंपनियां और तीन संयंत्र", "hi"),
    ("a billion people live here", "en"),   # "a" is no number word for money
    ("one crore people will benefit", "en"),  # a count noun after crore: people, not rupees
])
def test_number_words_without_money_are_not_amounts(text: str, lang: str) -> None:
    assert find_amounts(text, lang) == []


def test_each_deal_takes_the_sum_of_its_own_clause() -> None:
    text = ("Asahi Kogyo will invest Rs 2,000 crore in Karnataka, while Minami Seiki "
            "will put in Rs 1,500 crore in Gujarat.")
    first = deal_sum(text, "en", text.index("invest"))
    second = deal_sum(text, "en", text.index("put in"))
    assert first is not None and first.value == 2e10
    assert second is not None and second.value == 1.5e10


def test_a_bracketed_conversion_is_not_a_second_sum() -> None:
    text = "投資額は約1200億ルピー（約2100億円）となる見込み。"
    got = deal_sum(text, "ja", text.index("投資"))
    assert got is not None and (got.value, got.currency) == (1.2e11, "INR")
