"""English gates: a Title Case headline's verb phrase is no part of a name, and an organ of
a government named by its common noun (cabinet, cabinet sub-committee, "State
Government") is the government, coded as its place (ANNOTATION.md).  Invented text."""

from __future__ import annotations

import pactwatch
from pactwatch.recognise import _cut_headline_verb


def _names(text: str) -> set[str]:
    art = pactwatch.extract(text, published="2026-02-03").to_dict()
    return {e["name"] for e in art["entities"]}


def test_recognise_english_headline_verb_ends_a_name() -> None:
    body = "Kubota Agri Machinery To Build Tractor Plant In Odisha"
    s, e = _cut_headline_verb(body, 0, body.index(" Tractor"))
    assert body[s:e] == "Kubota Agri Machinery"
    names = _names("Japan's Mitsui To Set Up Green Ammonia Plant In Andhra\n\n"
                   "Amaravati, Feb 3 (PTI) Japan's Mitsui & Co on Tuesday signed an agreement "
                   "with the Andhra Pradesh government for a plant at Kakinada.")
    assert not any(n.startswith("Mitsui To") or n == "Mitsui To Set" for n in names)


def test_recognise_english_government_organ_is_no_organisation() -> None:
    names = _names("Amaravati, Feb 3 (PTI) Industries Minister T G Bharath said the Cabinet "
                   "Sub-Committee had cleared land for a Japanese ammonia plant at Kakinada and "
                   "the Union Cabinet would approve incentives next month.")
    assert not {"Cabinet Sub-Committee", "Union Cabinet"} & names
    assert "Kakinada" in names


def test_recognise_english_firm_named_after_a_japanese_city() -> None:
    names = _names("Pune, Feb 3 (PTI) Hitachi Astemo will expand its Chakan plant, while "
                   "Osaka Prefecture officials met the state's industries minister.")
    assert "Hitachi Astemo" in names
    assert "Hitachi" not in names
    assert "Osaka Prefecture" in names
