"""Japanese precision gates: katakana loanwords and kanji common nouns the model calls a
person or a company are things, not names; a company or exchange named as part of a stock
index is the index; the big financial groups' banks and securities houses are companies
of their own."""

from __future__ import annotations

import pactwatch
from pactwatch.recognise import is_loanword


def _names(text: str) -> set[str]:
    rec = pactwatch.extract(text, published="2025-10-21", lang="ja").to_dict()
    return {e["name"] for e in rec["entities"]}


def test_loanword_split_into_listed_words() -> None:
    assert is_loanword("スマートシティ")
    assert is_loanword("パートナーシップ")
    assert not is_loanword("ナカシマ")  # a name with no loanword reading
    assert not is_loanword("ラジャア")


def test_loanwords_are_no_people_or_companies() -> None:
    # GiNZA labels スマートシティ a Person and サプライチェーン a Company here
    names = _names("スマートシティの開発で州政府は日本企業との協力を深める。"
                   "同州はサプライチェーンの強化を急ぐ。")
    assert not any(n.startswith(("Sumat", "Sapurai")) for n in names), names


def test_katakana_names_outside_the_list_stay() -> None:
    names = _names("浜松市の部品メーカー、ナカシマ精工は新工場を建設する。")
    assert "Nakashima Seiko" in names


def test_index_is_no_company() -> None:
    names = _names("野村證券によると、日経平均株価に連動する投資信託が好調で、"
                   "S&P・BSEセンセックス指数も上昇した。")
    assert "Nikkei" not in names
    assert not any("BSE" in n or "Bombay" in n for n in names), names
    assert "Nomura Securities" in names


def test_financial_group_units_are_their_own_companies() -> None:
    names = _names("みずほ銀行とみずほ証券、三井住友銀行がインドでの融資に参加する。")
    assert {"Mizuho Bank", "Mizuho Securities", "Sumitomo Mitsui Banking Corporation"} <= names
    assert "Mizuho Financial Group" not in names
