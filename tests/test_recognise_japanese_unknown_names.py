"""Japanese names the knowledge base lacks: katakana loanwords of company names in
English, katakana people and places linked to the KB by how they sound, embassies by the
countries around them, Japanese towns after their prefecture, a head office that makes a
company, and institutes of technology."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.translit import katakana_name_to_latin, near, sound_key


def _ents(text: str) -> dict[str, dict]:
    rec = pactwatch.extract(text, published="2025-10-21", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_katakana_loanwords_in_company_names_are_english() -> None:
    assert katakana_name_to_latin("ミドリブレーキ・インディア") == "Midori Brake India"
    assert katakana_name_to_latin("サクラケミカル") == "Sakura Chemical"
    # an Indian name word makes the other words foreign names
    assert katakana_name_to_latin("スリ・ラクシュミ・ポリマーズ").startswith("Sri ")
    assert katakana_name_to_latin("スズキ") == "Suzuki"  # no loanword: Hepburn


def test_sound_key_meets_latin_and_katakana_spellings() -> None:
    from pactwatch.kb.translit import kana_to_latin

    assert sound_key("Rao Narbir Singh") == sound_key(kana_to_latin("ラオ・ナルビール・シン"))
    assert sound_key("Kalinganagar") == sound_key(kana_to_latin("カリンガナガル"))
    assert sound_key("Andhra Pradesh") == sound_key(kana_to_latin("アントラプラデシュ"))
    assert sound_key("Osaka") != sound_key("Okayama")
    assert near("haryana", "hariyana") and not near("haryana", "kerala")


def test_company_with_loanword_and_head_office() -> None:
    ents = _ents("ブレーキ部品の大和ブレーキ工業（本社・愛知県刈谷市）は、インドに新工場を建てる。"
                 "部品メーカーの白樺精工（本社・長野県諏訪市）も進出を検討している。")
    assert "Yamato Brake Kogyo" in ents
    assert not any("Bureki" in n for n in ents)
    assert ents["Shirakaba Seiko"]["type"] == "ORG"  # 白樺 is a common noun; 本社 says company
    assert ents["Suwa"]["kind"] == "city" and ents["Suwa"]["country"] == "JP"


def test_katakana_person_with_portfolio_title_links_to_kb() -> None:
    ents = _ents("ハリヤナ州のラオ・ナルビール・シン州産業・商業相は東京で講演した。"
                 "ナルビール・シン氏は投資を呼び掛けた。")
    assert "Rao Narbir Singh" in ents
    assert not [n for n, e in ents.items() if e["type"] == "PERSON" and n != "Rao Narbir Singh"]
    assert not any("Sangyo" in n for n in ents)


def test_katakana_place_linked_by_sound_and_park_named() -> None:
    ents = _ents("州政府はカリンガナガル地区に新たな工業団地を整備する。"
                 "同社はタイのアマタシティ・チョンブリ工業団地に工場を持つ。")
    assert ents["Kalinganagar"]["type"] == "PLACE"
    assert "Amata City Chonburi Industrial Park" in ents


def test_embassy_and_institute_of_technology() -> None:
    ents = _ents("式典には在タイ日本大使館の大使が出席した。九州工業大学はインドの大学と協定を結んだ。")
    assert ents["Embassy of Japan in Thailand"]["kind"] == "embassy"
    assert "Kyushu Institute of Technology" in ents


def test_indian_institute_campus() -> None:
    ents = _ents("インド工科大学（IIT）マドラス校と名古屋工業大学は協定を結んだ。")
    # the institute's English name keeps the city's old name (IIT Madras)
    assert ents["IIT Madras"]["kind"] == "university", ents
    assert not [n for n, e in ents.items() if e["type"] == "PLACE" and n in {"Chennai", "Madras"}]
    assert "Nagoya Institute of Technology" in ents


def test_acronym_in_brackets_after_an_organisation_head() -> None:
    ents = _ents("ベトナム計画投資省（MPIV）の次官は、電気自動車（EV）と海外直接投資（FDI）について説明した。")
    assert ents["MPIV"]["type"] == "ORG"
    assert "EV" not in ents and "FDI" not in ents


def test_company_right_after_its_describing_noun_without_a_comma() -> None:
    ents = _ents("インドの部品大手ラクシュミ・インダストリーズと合弁会社を設立する。"
                 "同社は自動車メーカーのサプライヤーとして知られる。")
    assert [n for n, e in ents.items() if e["type"] == "ORG" and n.endswith(" Industries")], ents
    assert not any("Sapuraiya" in n or "Supplier" in n for n in ents)
