"""English recognition: the model's readings that are common words or title fragments
are not names; real unknown companies still are."""

from __future__ import annotations

import pactwatch


def _names(text: str) -> set[str]:
    return {e["name"] for e in pactwatch.extract(text, published="2025-05-07").to_dict()["entities"]}


def test_recognise_common_capitalised_words_are_no_organisation() -> None:
    names = _names(
        "Bhopal, May 7 (PTI) The Madhya Pradesh Industries Minister Chaitanya Kashyap said "
        "the state's Research and Development push and its Electric Vehicle policy would "
        "draw Japanese investors. The Consul General attended the event.")
    assert not names & {"Research and Development", "Electric Vehicle", "Consul General",
                        "Madhya Pradesh Industries"}
    assert "Madhya Pradesh" in names


def test_recognise_unknown_company_with_company_word_is_kept() -> None:
    names = _names(
        "Pune, May 7 (PTI) Japanese firm Hoshizaki Kogyo Ltd will set up a Rs 200 crore "
        "plant at Chakan in Maharashtra.")
    assert any(n.startswith("Hoshizaki Kogyo") for n in names)


def test_recognise_person_whose_surname_is_a_town() -> None:
    names = _names("Later, the Chief Minister met Yuichiro Koga, a Japanese state minister.")
    assert "Yuichiro Koga" in names
    assert "Koga" not in names


def test_recognise_summit_is_a_happening_not_an_organisation() -> None:
    names = _names("Naidu invited them to the Partnership Summit in Visakhapatnam in November.")
    assert "Partnership Summit" not in names
    assert "Visakhapatnam" in names


def test_recognise_a_countrys_government_is_the_country() -> None:
    names = _names("The Government of India and the Japanese government signed a pact.")
    assert {"India", "Japan"} <= names
    assert not names & {"Government of India", "Government of Japan"}


def test_recognise_division_named_after_its_group() -> None:
    names = _names("Companies such as Daikin and Yamaha Music run plants in the township.")
    assert "Yamaha Music" in names
