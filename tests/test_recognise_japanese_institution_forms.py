"""Japanese institution names in forms the copy uses: the headline short form 商議所 of a
chamber of commerce and industry, and an Indian institute's campus under the city's old
name, which the institute's English name keeps (IIT Madras, not IIT Chennai)."""

from __future__ import annotations

import pactwatch


def _ents(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2026-01-22", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_short_form_of_a_chamber_is_the_chamber() -> None:
    ents = _ents("大阪商議所の経済ミッションがグジャラート州首相と会談した。")
    assert ents["Osaka Chamber of Commerce and Industry"]["type"] == "ORG"
    assert "Osaka Prefecture" not in ents


def test_campus_keeps_the_old_city_name() -> None:
    ents = _ents("同社はインド工科大学マドラス校と技術者育成で協力する。")
    assert "IIT Madras" in ents
    assert "IIT Chennai" not in ents
    # a campus named by the city's present name keeps it
    assert "IIT Delhi" in _ents("同社はインド工科大学デリー校と共同研究を始めた。")
