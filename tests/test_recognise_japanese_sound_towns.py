"""Indian towns of the knowledge base written in a katakana spelling it lacks and with no
suffix to mark them (ベラガビ for the KB's ベラガヴィ, パニパット, ミールート for メーラト):
found by the sound of the KB's English name where the word stands as a place, and not
where a short sound stands alone or no Indian place is named at all."""

from __future__ import annotations

import pactwatch


def _places(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2026-01-20", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"] if e["type"] == "PLACE"}


def test_town_before_a_particle_is_linked_by_sound() -> None:
    places = _places("同社はカルナタカ州北部のベラガビに部品工場を建設する。")
    assert "Belagavi" in places
    assert places["Belagavi"]["country"] == "IN"


def test_town_after_its_state_is_linked_by_sound() -> None:
    places = _places("ハリヤナ州パニパットとウッタル・プラデシュ州ミールートで販売店を開いた。")
    assert {"Panipat", "Meerut"} <= set(places)


def test_short_sound_alone_is_not_taken() -> None:
    # Meerut's sound key is four letters: without a known place beside it, no link
    places = _places("インドで新型車の販売を始めた。ミールートでも反響があった。")
    assert "Meerut" not in places


def test_no_indian_place_no_guess() -> None:
    assert "Belagavi" not in _places("同社はベラガビに工場を建設する。")


def test_industrial_towns_and_ports_in_katakana() -> None:
    places = _places("同社はグジャラート州ハジラの製鉄所を拡張し、カンドラ港から輸出する。"
                     "マディヤ・プラデシュ州のマンディディープにも工場を持つ。")
    assert {"Hazira", "Kandla", "Mandideep"} <= set(places), places
