"""Amounts of money: value in the stated currency, approx hedges, ranges, offsets."""

from __future__ import annotations

import pytest

from pactwatch.events.amounts import Money, find_amounts


def _one(text: str, lang: str) -> Money:
    """The single amount in ``text``, checking its offsets."""
    found = find_amounts(text, lang)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("The firm will put in Rs 1,185 crore over five years.", 11850000000, "INR"),
        ("A plant worth Rs. 500 cr is planned.", 5e9, "INR"),
        ("Pledges touched ₹4 lakh crore at the summit.", 4e12, "INR"),
        ("It committed INR 500 crore to the park.", 5e9, "INR"),
        ("MoUs worth Rs 1.54 lakh crore were inked.", 1.54e12, "INR"),
        ("The state drew 350 billion rupees in proposals.", 3.5e11, "INR"),
        ("Nearly 90 thousand crore rupees came in.", 9e11, "INR"),
        ("A deal of 32 billion rupees was reported.", 3.2e10, "INR"),
        ("The group will spend $4 bln on chips.", 4e9, "USD"),
        ("Exports reached $4.2 billion last quarter.", 4.2e9, "USD"),
        ("A loan of USD 1.2 billion was agreed.", 1.2e9, "USD"),
        ("The fund holds US$ 300 million.", 3e8, "USD"),
        ("Trade stood at 180 billion USD.", 1.8e11, "USD"),
        ("The bank lent ¥50 billion to the metro.", 5e10, "JPY"),
        ("An ODA loan of 50 billion yen was signed.", 5e10, "JPY"),
        ("A grant of €2 million was added.", 2e6, "EUR"),
    ],
)
def test_amounts_english_examples(text: str, value: float, currency: str) -> None:
    m = _one(text, "en")
    assert m.value == pytest.approx(value)
    assert m.currency == currency
    assert m.is_range is False


def test_amounts_english_approx_nearly() -> None:
    m = _one("The company will invest nearly Rs 2,000 crore in Pune.", "en")
    assert (m.value, m.currency, m.approx) == (2e10, "INR", "nearly")
    assert m.text == "nearly Rs 2,000 crore"


def test_amounts_english_approx_over() -> None:
    m = _one("Bilateral trade was over $36.2 billion in the year.", "en")
    assert m.value == pytest.approx(3.62e10)
    assert (m.currency, m.approx) == ("USD", "over")


@pytest.mark.parametrize(
    "text", ["The unit will cost Rs 500-700 crore.", "The unit will cost Rs 500 to 700 crore."]
)
def test_amounts_english_range_takes_lower(text: str) -> None:
    m = _one(text, "en")
    assert (m.value, m.currency, m.is_range) == (5e9, "INR", True)


def test_amounts_bare_crore_is_rupees() -> None:
    m = _one("A 500 crore investment was cleared on Monday.", "en")
    assert (m.value, m.currency) == (5e9, "INR")


def test_amounts_bare_crore_before_count_noun_is_not_money() -> None:
    assert find_amounts("The scheme will reach 2 crore people.", "en") == []


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("कंपनी 1185 करोड़ रुपये का निवेश करेगी।", 1.185e10, "INR"),
        ("राज्य को 11 हजार करोड़ रुपये के प्रस्ताव मिले।", 1.1e11, "INR"),
        ("राज्य को 11,000 करोड़ रुपये के प्रस्ताव मिले।", 1.1e11, "INR"),
        ("इस पर 22 हजार करोड रुपए खर्च होंगे।", 2.2e11, "INR"),
        ("समूह ₹11,000 करोड़ लगाएगा।", 1.1e11, "INR"),
        ("द्विपक्षीय व्यापार 13 अरब डॉलर पहुंचा।", 1.3e10, "USD"),
        ("इकाई पर ५०० करोड़ रुपये लगेंगे।", 5e9, "INR"),
        ("कुल 2 लाख करोड़ रुपये के समझौते हुए।", 2e12, "INR"),
        ("बैंक 50 अरब येन का ऋण देगा।", 5e10, "JPY"),
        ("फंड में 10 करोड़ डॉलर डाले गए।", 1e8, "USD"),
    ],
)
def test_amounts_hindi_examples(text: str, value: float, currency: str) -> None:
    m = _one(text, "hi")
    assert m.value == pytest.approx(value)
    assert m.currency == currency


def test_amounts_hindi_hazar_crore() -> None:
    m = _one("करीब 11 हजार करोड़ रुपये का निवेश होगा।", "hi")
    assert (m.value, m.currency, m.approx) == (1.1e11, "INR", "करीब")
    assert m.text.startswith("करीब")


def test_amounts_hindi_precomposed_nukta() -> None:
    # करोड़ written with the precomposed letter U+095C
    m = _one("कंपनी 300 करो\u095c रुपये लगाएगी।", "hi")
    assert m.value == pytest.approx(3e9)


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("同社は3500億ルピーを投じる。", 3.5e11, "INR"),
        ("同社は3,500億ルピーを投じる。", 3.5e11, "INR"),
        ("総額１２０億円の計画だ。", 1.2e10, "JPY"),
        ("投資額は1兆円に上る。", 1e12, "JPY"),
        ("投資額は1兆2000億円に上る。", 1.2e12, "JPY"),
        ("新工場に50億ドルを投資する。", 5e9, "USD"),
        ("基金に300万ドルを拠出した。", 3e6, "USD"),
        ("融資は2億米ドルとなる。", 2e8, "USD"),
    ],
)
def test_amounts_japanese_examples(text: str, value: float, currency: str) -> None:
    m = _one(text, "ja")
    assert m.value == pytest.approx(value)
    assert m.currency == currency


def test_amounts_japanese_approx_oku_yen() -> None:
    m = _one("事業費は約6662億円と見込む。", "ja")
    assert m.value == pytest.approx(6.662e11)
    assert (m.currency, m.approx, m.text) == ("JPY", "約", "約6662億円")


def test_amounts_japanese_two_amounts_with_conversion() -> None:
    text = "投資額は約3,500億ルピー(約6,000億円)となる。"
    found = find_amounts(text, "ja")
    assert [(a.value, a.currency) for a in found] == [(3.5e11, "INR"), (6e11, "JPY")]
    for a in found:
        assert text[a.start : a.end] == a.text
        assert a.approx == "約"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The summit was held in 2025 in Tokyo.", "en"),
        ("On October 7, 2025 the pact was signed.", "en"),
        ("The plant will make 1 million vehicles a year.", "en"),
        ("About 13,000 jobs will be created.", "en"),
        ("Call 98765 43210 for details.", "en"),
        ("The firm holds a 26% stake.", "en"),
        ("2025 में 525 से अधिक कंपनियां आईं।", "hi"),
        ("2025年10月7日に5社が署名した。", "ja"),
    ],
)
def test_amounts_negatives_no_currency(text: str, lang: str) -> None:
    assert find_amounts(text, lang) == []
