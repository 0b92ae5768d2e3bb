"""A person acts for the places of the offices held on the publication day: Modi, once
Chief Minister of Gujarat, acts for India in 2025, not for Gujarat."""

from __future__ import annotations

import pactwatch


def _events(text: str, lang: str, day: str) -> list[dict]:
    return pactwatch.extract(text, published=day, lang=lang).to_dict()["events"]


def test_former_office_is_no_party() -> None:
    evs = _events("インドのモディ首相は、日本企業に対しインドへの投資を呼びかけた。", "ja", "2025-06-10")
    assert evs and all("Gujarat" not in e["participants"] for e in evs)
    assert any("India" in e["participants"] for e in evs)


def test_visit_told_with_the_continuative_form() -> None:
    evs = _events("インド・ケララ州の経済使節団が和歌山市を訪れ、県内企業と商談した。", "ja", "2025-06-10")
    assert "visit" in [e["type"] for e in evs]
