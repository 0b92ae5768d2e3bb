"""Japanese names the knowledge base lacks, told by their context: a company of common
nouns after the noun that describes it, a kanji compound the dictionary splits, a
katakana company after an apposition comma and before any particle, a description that is
no company, Indian name words written in katakana, and Indian towns by the endings of
their names."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.translit import kana_to_latin


def _ents(text: str) -> dict[str, dict]:
    rec = pactwatch.extract(text, published="2026-01-20", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_company_of_common_nouns_after_its_description() -> None:
    ents = _ents("ケーブルメーカーの北国電線工業は、インド北部に新工場を建設すると発表した。")
    assert ents["Kitaguni Densen Kogyo"]["type"] == "ORG"
    # without the describing noun, common nouns alone make no company
    assert not any("Densen" in n for n in _ents("北国電線工業は新工場を建設する。"))


def test_split_kanji_compound_is_one_word() -> None:
    ents = _ents("ポンプ部品を手がける東海熱交工業（本社・静岡県浜松市）は、インドに進出する。")
    assert "Tokai Netsuko Kogyo" in ents


def test_katakana_company_after_comma_before_ni() -> None:
    ents = _ents("同社はチェンナイの部品メーカー、ラクシュミ・コンポーネンツに30％出資する。")
    assert any(n.endswith("Components") and e["type"] == "ORG" for n, e in ents.items())


def test_description_ending_in_ote_is_no_company() -> None:
    ents = _ents("双日はインドの鉄鋼大手、タタ製鉄との間で覚書を結んだ。")
    assert not any(n.endswith("Ote") for n in ents)


def test_indian_name_words_take_their_english_spelling() -> None:
    assert kana_to_latin("ラケシュ・バティア", foreign=True) == "Rakesh Bhatia"
    assert kana_to_latin("アミット・チャウダリー", foreign=True) == "Amit Chaudhary"
    # a name word no Indian name sounds like stays as read
    assert kana_to_latin("ナリット", foreign=True) == "Narit"


def test_indian_town_by_its_ending() -> None:
    ents = _ents("新工場はテランガナ州のメダクから近いサンガバードの工業団地に建設する。")
    assert ents["Sangabad"]["type"] == "PLACE"
    assert ents["Sangabad"]["country"] == "IN"


def test_seat_in_brackets_and_old_province_make_a_company() -> None:
    ents = _ents("紀州ポンプ製作所（和歌山市）は11日、インドに現地法人を設立したと発表した。")
    assert ents["Kishu Pump Seisakusho"]["type"] == "ORG"


def test_acronym_industry_is_no_company() -> None:
    ents = _ents("大臣は「EV産業の集積に向けた重要な投資だ」と述べた。")
    assert not [n for n, e in ents.items() if e["type"] == "ORG"], ents


def test_long_katakana_company_after_comma() -> None:
    ents = _ents("同社はタイの部品大手、サミット・オートシート・インダストリーと合弁会社を設立する。")
    assert any(n.endswith("Industry") and e["type"] == "ORG" for n, e in ents.items()), ents


def test_kb_company_in_another_katakana_spelling() -> None:
    # the KB spells it アショック・レイランド
    ents = _ents("アショク・レイランドは、日本の部品メーカーとの提携を発表した。")
    assert "Ashok Leyland" in ents


def test_company_officer_titles_end_a_katakana_name() -> None:
    ents = _ents("タタ・モーターズのラメシュ・クマール専務取締役は新型車を発表した。")
    assert "Ramesh Kumar" in ents
    assert not any("Senmu" in n for n in ents)
    assert kana_to_latin("アニシュ", foreign=True) == "Anish"
