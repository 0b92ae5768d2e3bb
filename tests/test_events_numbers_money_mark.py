"""A currency mark before a number makes it money, but a word that merely ends in the
letters of one does not: "covers 200 acres" is no "Rs 200", "the partners 25 …" no
"Rs 25".  Counts the team's own sentences need (issue 9, figures)."""

from __future__ import annotations

from pactwatch.events.numbers import find_quantities


def _counts(text: str, lang: str = "en") -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in find_quantities(text, lang)]


def test_a_word_ending_in_rs_is_no_rupee_mark() -> None:
    assert _counts("The park covers 200 acres near Sanand.") == [(200.0, "acres")]
    assert _counts("It now employs 1,200 workers.") == [(1200.0, "people")]


def test_a_currency_mark_still_makes_money() -> None:
    assert _counts("Rs 200 crore") == []
    assert _counts("US$ 300 million") == []
    assert _counts("₹200 crore") == []


def test_hindi_counted_cars_townships_and_engineers() -> None:
    assert _counts("हर साल 10 लाख कारें बनेंगी", "hi") == [(1_000_000.0, "units")]
    assert _counts("देश में 12 टाउनशिप हैं", "hi") == [(12.0, "townships")]
    assert _counts("करीब 5,000 इंजीनियर काम करते हैं", "hi") == [(5000.0, "people")]
