"""Japanese: a katakana name run joined by the middle dot before a person title is one
foreign person, even where a part is a place name; Indian name words take the spelling
English copy uses."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.translit import kana_to_latin


def _entities(text: str) -> dict[str, str]:
    rec = pactwatch.extract(text, published="2025-09-02", lang="ja").to_dict()
    return {e["name"]: e["type"] for e in rec["entities"]}


def test_recognise_japanese_dotted_name_before_title_is_one_person() -> None:
    ents = _entities("視察団にはラケシュ・クマール・アナンド氏とスニル・シン局長が加わり、"
                     "静岡県の工場を訪れた。")
    assert ents.get("Rakesh Kumar Anand") == "PERSON"
    assert ents.get("Sunil Singh") == "PERSON"
    assert "Anand" not in ents and "Shin" not in ents


def test_recognise_japanese_place_run_before_title_is_no_person() -> None:
    ents = _entities("ウッタル・プラデーシュ州首相が来日し、投資を呼びかけた。")
    assert ents.get("Uttar Pradesh") == "PLACE"
    assert not any(t == "PERSON" and "Pradesh" in n for n, t in ents.items())


def test_translit_indian_name_words_in_katakana() -> None:
    assert kana_to_latin("インダルジット・シン", foreign=True) == "Inderjit Singh"
    assert kana_to_latin("ビジェイ・パテル", foreign=True) == "Vijay Patel"


def test_recognise_japanese_initials_before_katakana_name() -> None:
    ents = _entities("グジャラート州のA・B・パテル州工業相が来日し、投資を呼び掛けた。")
    assert ents.get("A. B. Patel") == "PERSON"
