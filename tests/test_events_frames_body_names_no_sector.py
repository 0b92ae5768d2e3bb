"""A public body's name is no deal's topic: the infrastructure of "Odisha Industrial
Infrastructure Development Corporation" says nothing of what its MoU is about, while the
sector words the sentence itself uses stay.  Invented text."""

from __future__ import annotations

import pactwatch


def _agreements(text: str) -> list[dict]:
    art = pactwatch.extract(text, published="2026-03-06").to_dict()
    return [e for e in art["events"] if e["type"] == "agreement"]


def test_events_agency_name_gives_no_sector() -> None:
    found = _agreements(
        "Bhubaneswar, March 6 (PTI) The Odisha Industrial Infrastructure Development "
        "Corporation and the Japan External Trade Organization signed a memorandum of "
        "understanding on Thursday to hold investor seminars in Japan.")
    assert found
    assert all("infrastructure" not in e["sectors"] for e in found)


def test_events_sentence_sector_words_stay_beside_an_agency() -> None:
    found = _agreements(
        "Bhubaneswar, March 6 (PTI) The Odisha Industrial Infrastructure Development "
        "Corporation and the Japan External Trade Organization signed a memorandum of "
        "understanding on Thursday to promote food processing units in the state.")
    assert found
    assert any("food_processing" in e["sectors"] for e in found)
