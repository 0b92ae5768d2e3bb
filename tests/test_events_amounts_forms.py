"""Amount forms of Indian copy: a currency touching its number ("Rs1,200cr"), Hindi
fractions and hundreds written as words ("डेढ़ लाख करोड़", "पांच सौ करोड़")."""

from __future__ import annotations

from pactwatch.events.amounts import find_amounts


def _v(text: str, lang: str) -> list[tuple[float, str]]:
    return [(a.value, a.currency) for a in find_amounts(text, lang)]


def test_currency_touching_its_number() -> None:
    assert _v("a Rs1,200cr plant", "en") == [(12_000_000_000, "INR")]
    assert _v("Rs1,200 crore", "en") == [(12_000_000_000, "INR")]


def test_hindi_fractions_and_hundreds_in_words() -> None:
    assert _v("डेढ़ लाख करोड़ रुपये का निवेश", "hi") == [(1.5e12, "INR")]
    assert _v("ढाई हजार करोड़ रुपये", "hi") == [(2.5e10, "INR")]
    assert _v("पांच सौ करोड़ रुपये", "hi") == [(5e9, "INR")]
    assert _v("five hundred crore rupees", "en") == [(5e9, "INR")]


def test_hundred_alone_is_no_money() -> None:
    assert _v("hundreds of crores of rupees", "en") == []
    assert _v("a hundred companies", "en") == []


def test_currencies_of_the_other_partners() -> None:
    assert _v("40 billion baht", "en") == [(4e10, "THB")]
    assert _v("S$500 million", "en") == [(5e8, "SGD")]
    assert _v("NT$10 billion", "en") == [(1e10, "TWD")]
    assert _v("2 trillion won", "en") == [(2e12, "KRW")]
    assert _v("AED 1 billion", "en") == [(1e9, "AED")]
    assert _v("1兆ウォン", "ja") == [(1e12, "KRW")]
    assert _v("約50億台湾ドル", "ja") == [(5e9, "TWD")]
    assert _v("he won 5 awards", "en") == []
