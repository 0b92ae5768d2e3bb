"""A company's site named after its place, in the forms Japanese copy uses: right after
the company ("サントリー白州工場") or after の ("トヨタ自動車の元町工場"), the place read as
the article's words read it (白州 is Hakushu there, the common noun shirasu alone); a
country's plant or a new plant is no site's name, and "ホスールの工業団地" no company."""

from __future__ import annotations

import pactwatch


def _ents(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2025-07-30", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_site_after_no_is_a_plant() -> None:
    ents = _ents("一行はトヨタ自動車の元町工場とデンソーの西尾製作所を視察した。")
    assert ents["Toyota Motomachi Plant"]["type"] == "PLACE"
    assert "Toyota Motor Corporation" in ents


def test_site_place_read_in_context() -> None:
    ents = _ents("一行はサントリー白州工場を視察した。")
    assert "Suntory Hakushu Plant" in ents, ents


def test_country_plant_and_new_plant_are_no_sites() -> None:
    ents = _ents("トヨタ自動車のインド工場と同社の新工場も視察した。")
    assert not [n for n, e in ents.items() if e.get("kind") == "plant"], ents


def test_place_then_no_then_park_is_no_company() -> None:
    ents = _ents("ナビムンバイ、ホスールの工業団地などに日系企業が集積する。")
    assert "Hosur" in ents
    assert not [n for n, e in ents.items() if e["type"] == "ORG"], ents
