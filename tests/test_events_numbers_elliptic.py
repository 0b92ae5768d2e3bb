"""Counts that borrow the noun of the count beside them, and production counts of
vehicles.  Texts are the team's own."""

from __future__ import annotations

from pactwatch.events.amounts import find_counts as find_quantities


def _q(text: str, lang: str = "en") -> list[tuple[float, str | None]]:
    return [(q.value, q.unit) for q in find_quantities(text, lang)]


def test_including_and_of_which_take_the_noun_before() -> None:
    assert (40.0, "companies") in _q(
        "There are about 250 Japanese companies operating in Gujarat, including over 40 "
        "around Ahmedabad.")
    assert (70.0, "companies") in _q("राज्य में 525 जापानी कंपनियां हैं, जिनमें से 70 "
                                     "विनिर्माण करती हैं।", "hi")


def test_out_of_takes_the_noun_after() -> None:
    assert (4.0, "townships") in _q("The state hosts four out of the 12 industrial townships.")


def test_no_borrowing_across_a_sentence_or_into_percent_or_years() -> None:
    assert _q("It signed 6 MoUs with firms including Denso. 50 came.") == [(6.0, "MoUs")]
    assert (12.0, "companies") not in _q("over 300 Japanese companies, including 12% in Pune")
    assert _q("300 companies, including 2019 entrants") == [(300.0, "companies")]


def test_vehicles_produced_are_units() -> None:
    assert (200000.0, "units") in _q("The plant will make 2 lakh electric and hybrid cars a year.")


def test_percent_forms_and_hyphenated_units() -> None:
    assert _q("exports rose 12pc last year") == [(12.0, "percent")]
    assert _q("a 26-per cent stake") == [(26.0, "percent")]
    assert _q("a 500-acre site") == [(500.0, "acres")]
    assert _q("日本企業のシェアは約3割", "ja") == [(30.0, "percent")]
    assert _q("a 5-year plan for 1,000 PCs") == []
