"""Japanese recognition: family and given name together, titles after the name, a
katakana name with its title that the model calls a company, and one person per
middle-dotted foreign name."""

from __future__ import annotations

import pactwatch


def _people(text: str) -> dict[str, list[str]]:
    rec = pactwatch.extract(text, lang="ja").to_dict()
    return {e["name"]: e["titles"] for e in rec["entities"] if e["type"] == "PERSON"}


def test_recognise_japanese_given_name_joins_family_name_and_title_follows() -> None:
    people = _people("武藤容治経済産業相は１０日、東京都内で記者会見した。")
    assert "Yoji Muto" in people
    assert people["Yoji Muto"] == ["経済産業相"]


def test_recognise_japanese_katakana_name_with_title_is_one_person() -> None:
    people = _people("同相はインド西部ラジャスタン州のラジェンドラ・ラトール工業相と会談した。")
    names = [n for n in people if "Ratoru" in n or "Rator" in n or "Raj" in n]
    assert len(names) == 1 and " " in names[0]
    assert people[names[0]] == ["工業相"]


def test_recognise_japanese_two_leaders_joined_by_dot_are_two_people() -> None:
    people = _people("安倍・モディ両首相が会談した。")
    assert {"Shinzo Abe", "Narendra Modi"} <= set(people)


def test_normalise_leading_date_line_is_not_the_headline() -> None:
    rec = pactwatch.extract("令和７年５月７日\n\nトヨタ、インドで新工場\n\n　本文です。", lang="ja")
    assert rec.title == "トヨタ、インドで新工場"
    assert rec.published == "2025-05-07"


def test_recognise_japanese_company_in_apposition() -> None:
    rec = pactwatch.extract(
        "浜松市の精密部品メーカー、サクラ精工は、インド南部タミルナド州に新工場を建設する計画を明らかにした。",
        lang="ja").to_dict()
    orgs = [e for e in rec["entities"] if e["type"] == "ORG"]
    assert [o["mentions"][0]["text"] for o in orgs] == ["サクラ精工"]
    fac = [e for e in rec["events"] if e["type"] == "facility"]
    assert fac and fac[0]["place"] != "Hamamatsu"
