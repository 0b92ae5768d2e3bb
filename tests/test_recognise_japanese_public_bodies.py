"""Japanese copy names public bodies in kanji whose English names cannot be read from
their words: the KB names Japan's agencies, regulators, METI's regional bureaus, national
research institutes and industry associations, India's remaining Union ministries and
the metro and highway bodies of yen-loan projects; a school named by who runs it
("州立大学") is no name without its place, and an organisation's office in a place
("インド事務所") is no organisation (issue 9: Japanese ORG recall on unseen text)."""

from __future__ import annotations

import pactwatch


def _names(text: str) -> set[str]:
    rec = pactwatch.extract(text, published="2026-01-01", lang="ja").to_dict()
    return {e["name"] for e in rec["entities"]}


def test_public_bodies_by_official_english_names() -> None:
    names = _names("金融庁と中国経済産業局、理化学研究所、日本自動車部品工業会、自治体国際化協会の"
                   "担当者は、インド石炭省やムンバイ首都圏開発庁、中国経済連合会と協議した。")
    assert {"Financial Services Agency", "Chugoku Bureau of Economy, Trade and Industry",
            "RIKEN", "Japan Auto Parts Industries Association",
            "Council of Local Authorities for International Relations", "Ministry of Coal",
            "Mumbai Metropolitan Region Development Authority",
            "Chugoku Economic Federation"} <= names
    assert "China" not in names  # 中国 of the Chugoku region


def test_schools_by_who_runs_them() -> None:
    names = _names("横浜国立大学と東京都立大学の教員が、ワランガルの州立大学で講義した。")
    assert {"Yokohama National University", "Tokyo Metropolitan University"} <= names
    assert not any("Shuritsu" in n or "State University" == n or n == "Kunitachi"
                   for n in names)


def test_office_of_a_body_is_no_organisation() -> None:
    names = _names("国際協力機構（JICA）インド事務所の担当者が同行した。")
    assert "Japan International Cooperation Agency" in names
    assert not any("Jimusho" in n for n in names)


def test_transport_body_words_are_translated() -> None:
    assert "Bengaluru Metropolitan Transport Corporation" in _names(
        "ベンガルール首都圏交通公社が協力する。")


def test_park_named_after_a_known_town_takes_its_spelling() -> None:
    names = _names("インド西部マハラシュトラ州のシンナル工業団地に工場を建てる。")
    assert "Sinnar Industrial Park" in names


def test_national_is_no_kunitachi() -> None:
    """国立 ("national") inside an institution's name is not the city Kunitachi, which the
    KB now names only as 国立市; India's skills agency is the KB's NSDC."""
    names = _names("インド国立技能開発公社（NSDC）と覚書を結んだ。")
    assert "National Skill Development Corporation" in names and "Kunitachi" not in names
    assert "Kunitachi" in _names("東京都国立市の大学を訪れた。")
