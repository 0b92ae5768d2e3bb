"""A one-word KB town beside a longer name is a word of that name: a person's family
name ("Vijay Kiran Anand", "CEO Amit Dhaka"), a Japanese company named after its town
("Seto Precision Kogyo"), a state's house in a capital ("Punjab Bhawan")."""

from __future__ import annotations

import pactwatch


def _entities(text: str) -> dict[str, str]:
    art = pactwatch.extract(text, published="2025-11-18").to_dict()
    return {e["name"]: e["type"] for e in art["entities"]}


def test_recognise_family_name_that_is_a_town_stays_with_the_person() -> None:
    ents = _entities(
        "Lucknow, Nov 18 (PTI) Chief Secretary Manoj Kumar Singh and Invest UP CEO Vijay "
        "Kiran Anand were present at the meeting with the Taiwanese delegation.")
    assert "Anand" not in ents
    assert ents.get("Vijay Kiran Anand") == "PERSON"


def test_recognise_titled_given_name_and_town_is_a_person() -> None:
    ents = _entities(
        "Chandigarh, Nov 18 (PTI) Industries Minister Sanjeev Arora and Invest Punjab CEO "
        "Amit Dhaka were present on the occasion.")
    assert "Dhaka" not in ents
    assert ents.get("Amit Dhaka") == "PERSON"


def test_recognise_company_named_after_a_japanese_town() -> None:
    ents = _entities(
        "Chandigarh, Nov 18 (PTI) Seto Precision Kogyo will set up a gear plant at "
        "Ludhiana with an investment of Rs 750 crore.")
    assert "Seto" not in ents
    assert ents.get("Seto Precision Kogyo") == "ORG"
    assert ents.get("Ludhiana") == "PLACE"


def test_recognise_state_house_is_a_venue() -> None:
    ents = _entities(
        "Chandigarh, Nov 18 (PTI) Chief Minister Bhagwant Mann received a delegation from "
        "Hiroshima Prefecture at Punjab Bhawan here on Monday.")
    assert "Bhawan" not in ents
    assert ents.get("Punjab Bhawan") == "PLACE"
    assert ents.get("Punjab") == "PLACE" or "Punjab" not in ents


def test_recognise_town_after_a_person_with_punctuation_stays_a_town() -> None:
    ents = _entities(
        "Gandhinagar, Nov 18 (PTI) The plant was inaugurated by Bhupendra Patel, Anand "
        "district collector said.")
    assert "Bhupendra Patel" in ents
    assert ents.get("Anand") == "PLACE"


def test_recognise_japanese_given_name_read_as_a_place_is_a_person() -> None:
    ents = _entities("Chennai, Dec 2 (PTI) For Japan, Shota Yamada (1st minute) scored first.")
    assert ents.get("Shota Yamada") == "PERSON"
    assert "Shota" not in ents
