"""Stated counts: value, canonical unit, approx hedges, offsets, and what is not a count."""

from __future__ import annotations

import pytest

from pactwatch.events.amounts import find_counts as find_quantities
from pactwatch.events.numbers import Quantity, compose_number, to_ascii_digits


def _one(text: str, lang: str) -> Quantity:
    """The single quantity in ``text``, checking its offsets."""
    found = find_quantities(text, lang)
    assert len(found) == 1, found
    q = found[0]
    assert text[q.start : q.end] == q.text
    return q


def test_numbers_to_ascii_digits_is_length_preserving() -> None:
    src = "५०० करोड़, １２０億円, ３，５００．５"
    out = to_ascii_digits(src)
    assert len(out) == len(src)
    assert out == "500 करोड़, 120億円, 3,500.5"


def test_numbers_compose_stacks_big_multipliers() -> None:
    assert compose_number([(4, "unit"), (1e5, "big"), (1e7, "big")]) == 4e12
    assert compose_number([(1, "unit"), (1e12, "big"), (2000, "unit"), (1e8, "big")]) == 1.2e12
    assert compose_number([(10, "small"), (2, "unit")]) == 12


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("The plant will create 13,000 jobs in the region.", 13000, "jobs", None),
        ("The park will generate over 13,000 jobs.", 13000, "jobs", "over"),
        ("The delegation signed six MoUs in Osaka.", 6, "MoUs", None),
        ("Talks were held with nine companies.", 9, "companies", None),
        ("The state hosts 525 Japanese companies today.", 525, "companies", None),
        ("The factory can build 1 million vehicles a year.", 1e6, "units", None),
        ("The township spans 200 acres near the port.", 200, "acres", None),
        ("A batch of 25 IAS officers went to Tokyo.", 25, "people", None),
        ("The firm takes a 26 per cent stake.", 26, "percent", None),
        ("Around a dozen firms attended.", 12, "companies", "around"),
        ("Twenty-five firms joined the fair.", 25, "companies", None),
    ],
)
def test_numbers_english_examples(
    text: str, value: float, unit: str, approx: str | None
) -> None:
    q = _one(text, "en")
    assert (q.value, q.unit, q.approx) == (value, unit, approx)


def test_numbers_english_range_takes_lower() -> None:
    q = _one("Between 10-12 companies will set up units.", "en")
    assert (q.value, q.unit) == (10, "companies")


def test_numbers_english_lakh_jobs_is_not_money() -> None:
    q = _one("The corridor will create 1.5 lakh jobs.", "en")
    assert (q.value, q.unit) == (150000, "jobs")


@pytest.mark.parametrize(
    ("text", "value", "unit", "approx"),
    [
        ("इससे 8,400 युवाओं को रोजगार मिलेगा।", 8400, "jobs", None),
        ("दौरे में छह समझौता ज्ञापन पर हस्ताक्षर हुए।", 6, "MoUs", None),
        ("राज्य में 525 से अधिक जापानी कंपनियां हैं।", 525, "companies", "से अधिक"),
        ("परियोजना से दो हजार नौकरियां बनेंगी।", 2000, "jobs", None),
        ("इकाई १२०० लोगों को काम देगी।", 1200, "people", None),
    ],
)
def test_numbers_hindi_examples(text: str, value: float, unit: str, approx: str | None) -> None:
    q = _one(text, "hi")
    assert (q.value, q.unit, q.approx) == (value, unit, approx)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("新工場で雇用2000人を見込む。", 2000, "jobs"),
        ("約2000人の雇用が生まれる。", 2000, "jobs"),
        ("両州は3件の覚書を交わした。", 3, "MoUs"),
        ("州内には11の日本工業団地がある。", 11, "parks"),
        ("年間100万台を生産する。", 1e6, "units"),
        ("説明会には５社が参加した。", 5, "companies"),
        ("三社が出資する。", 3, "companies"),
        ("十二社が出展した。", 12, "companies"),
    ],
)
def test_numbers_japanese_examples(text: str, value: float, unit: str) -> None:
    q = _one(text, "ja")
    assert (q.value, q.unit) == (value, unit)


def test_numbers_japanese_approx_prefix() -> None:
    q = _one("工場は約1万2000人を雇う。", "ja")
    assert (q.value, q.unit, q.approx, q.text) == (12000, "people", "約", "約1万2000人")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("2025", "en"),
        ("The fair opens in 2025.", "en"),
        ("In 2025 Japanese companies invested more.", "en"),
        ("On October 7 companies met the minister.", "en"),
        ("The firm will invest Rs 500 crore in projects.", "en"),
        ("The meeting starts at 10:30 am.", "en"),
        ("Call 98765 43210 for details.", "en"),
        ("$4 billion was pledged.", "en"),
        ("A company from Osaka came.", "en"),
        ("2025 में निवेश बढ़ा।", "hi"),
        ("कंपनी 500 करोड़ रुपये लगाएगी।", "hi"),
        ("2025年10月7日に発表した。", "ja"),
        ("三菱商事と九州の企業が千葉で会談した。", "ja"),
        ("総額5000万円を投じる。", "ja"),
    ],
)
def test_numbers_negatives_years_dates_money(text: str, lang: str) -> None:
    assert find_quantities(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("They signed six impactful memoranda of understanding on Friday.", "en", 6, "MoUs"),
        ("Talks were held with nine prominent companies.", "en", 9, "companies"),
        ("सरकार ने छह महत्वपूर्ण समझौता ज्ञापनों पर हस्ताक्षर किए।", "hi", 6, "MoUs"),
    ],
)
def test_numbers_adjective_between_number_and_noun(text: str, lang: str, value: float,
                                                    unit: str) -> None:
    q = _one(text, lang)
    assert (q.value, q.unit) == (value, unit)


def test_numbers_unknown_word_that_is_no_adjective_blocks_the_count() -> None:
    assert find_quantities("They met for 5 hours with companies.", "en") == []
