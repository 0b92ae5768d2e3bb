"""Japanese prefectural governors are in the KB with their terms: named by surname and
title ("長崎知事") they are the governor, not the city of that name."""

from __future__ import annotations

import pactwatch


def _ents(text: str, day: str) -> dict[str, dict]:
    rec = pactwatch.extract(text, published=day, lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_governor_by_surname_and_title() -> None:
    ents = _ents("訪問団は東京事務所で長崎知事と面会した。", "2025-07-30")
    assert ents["Kotaro Nagasaki"]["type"] == "PERSON"
    assert "Nagasaki" not in ents  # not the city


def test_governor_of_the_day_among_namesakes() -> None:
    ents = _ents("静岡県の鈴木知事はインドを訪問した。", "2025-11-20")
    assert "Yasutomo Suzuki" in ents
