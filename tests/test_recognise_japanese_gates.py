"""Japanese: common-noun categories are not companies; institutions named after a
place get their English name; a one-kanji country prefix names the country; katakana
people read as foreign names."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.translit import kana_to_latin


def _names(text: str) -> set[str]:
    rec = pactwatch.extract(text, published="2025-10-21", lang="ja").to_dict()
    return {e["name"] for e in rec["entities"]}


def test_recognise_japanese_categories_are_no_companies() -> None:
    names = _names("インド株式ファンドや投資信託証券の人気が高まり、アクティブファンドも増えた。"
                   "グジャラート州政府は投資を歓迎した。")
    assert not any(n.endswith("Fando") or "Shoken" in n or "Seifu" in n for n in names)
    assert "Gujarat" in names


def test_recognise_japanese_institutions_named_after_a_place() -> None:
    names = _names("静岡大学と浜松商工会議所がインドの企業と協力する。福井銀行も参加する。")
    assert "Shizuoka University" in names  # 静岡大学; "University of Shizuoka" is 静岡県立大学
    assert "Fukui Bank" in names  # not "Bank of Fukui-shi"
    public = _names("愛知県立大学と横浜市立大学はインドの大学と協定を結んだ。")
    assert {"Aichi Prefectural University", "Yokohama City University"} <= set(public)
    assert "Hamamatsu Chamber of Commerce and Industry" in names


def test_recognise_japanese_country_prefix() -> None:
    names = _names("台湾の鴻海精密工業は米アップル向けの工場をインドに建設する。")
    assert "United States" in names


def test_translit_katakana_foreign_names() -> None:
    assert kana_to_latin("パティル", foreign=True) == "Patil"
    assert kana_to_latin("ナレンドラ・モディ", foreign=True) == "Narendra Modi"
    assert kana_to_latin("ミヤザワ") == "Miyazawa"


def test_recognise_japanese_desk_after_state_suffix() -> None:
    names = _names("グジャラート州ジャパンデスクが日本企業の進出を支援する。")
    assert "Gujarat Japan Desk" in names


def test_recognise_japanese_latin_organisation_keeps_its_letters() -> None:
    # an acronym the KB lacks (the KB names the IMF in full since ja23)
    names = _names("UNCTADは成長率を上方修正した。JICAとJETROが支援する。")
    assert "UNCTAD" in names
    assert not any("Yuenu" in n or "Ankutado" in n for n in names)
    assert "International Monetary Fund" in _names("IMFは成長率を上方修正した。")
