"""Linking: a bare name shared by a city and a prefecture is the city; a state named in
the article pulls the city of that state; a KB name that is a full name in mixed script is
not a bare surname."""

from __future__ import annotations

import pactwatch


def _entities(text: str, lang: str | None = None) -> dict[str, dict]:
    rec = pactwatch.extract(text, published="2025-10-14", lang=lang).to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_link_bare_osaka_is_the_city_and_osaka_fu_the_prefecture() -> None:
    ents = _entities("大阪府と大阪市の代表団がインドを訪問した。", lang="ja")
    assert "Osaka Prefecture" in ents and "Osaka" in ents
    assert ents["Osaka"]["kind"] == "city"


def test_link_state_in_article_pulls_its_city() -> None:
    ents = _entities("Kochi, Oct 14 (PTI) Kerala invited Japanese firms to invest, and the "
                     "delegation toured Kochi's port on Tuesday.")
    assert "Kochi" in ents and ents["Kochi"]["country"] == "IN"
    assert "Kochi Prefecture" not in ents


def test_link_mixed_script_alias_is_the_full_name() -> None:
    ents = _entities("M.B.パティル大臣は日本企業に投資を呼びかけた。", lang="ja")
    assert "M. B. Patil" in ents
