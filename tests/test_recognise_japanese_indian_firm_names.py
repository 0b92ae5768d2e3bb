"""Indian firms named after a founder or a deity and a line of business, written in
katakana ("ラクシュミ・バッテリーズ", "スンダラム・ファスナーズ"): the name word takes the
spelling of the people's name word it sounds like (name_spellings.txt) and the business
word its English word, and the model's "person" ending in a business word is a company
(issue 9: Japanese ORG names on unseen text were Hepburn readings: "Rakushumi
Batterizu", "Sundaram Fasnaz" as a person)."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.translit import katakana_name_to_latin


def _ents(text: str) -> dict[str, str]:
    rec = pactwatch.extract(text, published="2026-01-01", lang="ja").to_dict()
    return {e["name"]: e["type"] for e in rec["entities"]}


def test_name_word_spelt_as_people_write_it() -> None:
    assert katakana_name_to_latin("ラクシュミ・バッテリーズ") == "Lakshmi Batteries"
    assert katakana_name_to_latin("ヴァルマ・グループ") == "Varma Group"


def test_business_word_makes_a_company_not_a_person() -> None:
    ents = _ents("タミル・ナドゥ州のスンダラム・ファスナーズに出資する。")
    assert ents.get("Sundaram Fasteners") == "ORG"
    assert _ents("ナレンドラ・モディ首相と会談した。").get("Narendra Modi") == "PERSON"
