"""A name whose head word says it is a place ("Bandra Kurla Complex", "Samruddhi Mahamarg")
is that place even where the model reads the same words as a person.  Invented text."""

from __future__ import annotations

import pactwatch


def _types(text: str) -> dict[str, str]:
    art = pactwatch.extract(text, published="2026-01-21").to_dict()
    return {e["name"]: e["type"] for e in art["entities"]}


def test_recognise_complex_and_expressway_are_places() -> None:
    types = _types(
        "Mumbai, Jan 21 (PTI) Sumitomo's Mumbai office is located at Bandra Kurla Complex, "
        "and the company plans a warehouse along the Samruddhi Mahamarg, officials said.")
    assert types.get("Bandra Kurla Complex") == "PLACE"
    assert types.get("Samruddhi Mahamarg") == "PLACE"


def test_recognise_town_airport_in_lowercase_is_the_airport() -> None:
    types = _types(
        "Jaipur, Jan 21 (PTI) The Chief Minister was welcomed at Sanganer airport on his "
        "return from Japan, officials said.")
    assert types.get("Sanganer airport") == "PLACE"


def test_recognise_museum_is_a_place_and_a_train_no_person() -> None:
    types = _types(
        "Nagoya, Jan 21 (PTI) The Chief Minister visited the Toyota Commemorative Museum of "
        "Industry and Technology and travelled on the Shinkansen from Tokyo to Osaka.")
    assert types.get("Toyota Commemorative Museum") == "PLACE"
    assert "Shinkansen" not in types


def test_recognise_name_before_a_lowercase_place_noun_is_a_place() -> None:
    types = _types(
        "Hyderabad, Jan 21 (PTI) The Chief Minister discussed the Musi riverfront project "
        "and a warehousing hub along the Samruddhi corridor with Japanese investors.")
    assert types.get("Musi") in {None, "PLACE"}
    assert types.get("Samruddhi") in {None, "PLACE"}
    assert "ORG" not in {types.get("Musi"), types.get("Samruddhi")}


def test_recognise_last_of_a_list_of_sites_is_no_person() -> None:
    types = _types(
        "Amaravati, Feb 26 (PTI) Officials made a presentation on land banks at Orvakal and "
        "Kopparthy, and representatives of 12 companies attended the meeting.")
    assert types.get("Kopparthy") != "PERSON"
