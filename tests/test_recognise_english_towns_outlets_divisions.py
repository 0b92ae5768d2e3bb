"""English names that look like places or bodies but are not: a titled person whose given
name is a town the KB knows ("Chief Executive Yuki Kusumi"), a region ending an outlet's
title ("Nikkei Asia newspaper"), products a maker sells ("sells Lumix cameras and Nanoe
air purifiers") and a company's division ("Panasonic's Heating & Cooling Solutions
division").  Invented text."""

from __future__ import annotations

import pactwatch

TEXT = (
    "NEW DELHI, Nov 12 (Reuters) - Panasonic Holdings will invest $300 million in a plant "
    "in Andhra Pradesh, the company said on Wednesday. Chief Minister N. Chandrababu Naidu "
    "met Panasonic Chief Executive Yuki Kusumi in Tokyo on Tuesday. Panasonic's Heating & "
    "Cooling Solutions division makes the plant's compressors. Panasonic also sells Lumix "
    "cameras and Nanoe air purifiers in India. Japan's Nikkei Asia newspaper first reported "
    "the plan.")


def _entities() -> dict[str, str]:
    art = pactwatch.extract(TEXT, published="2025-11-12").to_dict()
    return {e["name"]: e["type"] for e in art["entities"]}


def test_recognise_titled_given_name_that_is_a_town_is_a_person() -> None:
    ents = _entities()
    assert ents.get("Yuki Kusumi") == "PERSON"
    assert "Yuki" not in ents


def test_recognise_outlet_products_and_division_are_no_entities() -> None:
    ents = _entities()
    for name in ("Asia", "Lumix", "Nanoe", "Panasonic's Heating & Cooling Solutions"):
        assert name not in ents, name
