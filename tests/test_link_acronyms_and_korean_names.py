"""One body, one entity: an acronym in brackets after a name the KB lacks, or one spelt by
the name's initials, joins that name; a Korean given name written with a hyphen after the
family name stays in the person's name.  Invented sentences."""

from __future__ import annotations

import pactwatch


def _entities(text: str) -> list[dict]:
    return pactwatch.extract(text, published="2026-03-04").to_dict()["entities"]


def test_link_bracketed_acronym_joins_the_name_before_it() -> None:
    ents = _entities("Chennai, March 4 (PTI) Officials of the Busan Harbour Logistics Agency "
                     "(BUHLA) met Guidance Tamil Nadu on Tuesday. BUHLA will open an office "
                     "in Chennai next year.")
    names = [e["name"] for e in ents if e["type"] == "ORG"]
    assert "Busan Harbour Logistics Agency" in names
    assert "BUHLA" not in names


def test_link_acronym_of_initials_joins_the_full_name() -> None:
    ents = _entities("Pune, March 4 (PTI) The Indo-Korean Business Council said on Monday "
                     "that 40 firms had joined a trade mission. IKBC chairman Rohan Mehta "
                     "said more would follow.")
    names = [e["name"] for e in ents if e["type"] == "ORG"]
    assert "IKBC" not in names
    assert "Indo-Korean Business Council" in names


def test_recognise_korean_given_name_after_family_name() -> None:
    ents = _entities("SEOUL, March 4 (Reuters) - The pact was signed by Kumho Chairman "
                     "Yoon Do-hyun and Odisha officials on Tuesday.")
    people = [e["name"] for e in ents if e["type"] == "PERSON"]
    assert "Yoon Do-hyun" in people
    assert "Yoon" not in people


def test_link_company_context_beats_a_city_of_the_same_name() -> None:
    ents = _entities("Bengaluru, March 4 (PTI) Toyota's Indian arm will add a third shift at "
                     "Bidadi, the company said on Wednesday.")
    toyota = [e for e in ents if e["name"].startswith("Toyota")]
    assert toyota and all(e["type"] == "ORG" for e in toyota)


def test_link_andhra_alone_is_the_state() -> None:
    ents = _entities("Amaravati, March 4 (PTI) Japan's Mitsui will set up a plant in Andhra, "
                     "Chief Minister N Chandrababu Naidu said.")
    andhra = [e for e in ents if e["name"].startswith("Andhra")]
    assert [(e["name"], e["type"]) for e in andhra] == [("Andhra Pradesh", "PLACE")]
