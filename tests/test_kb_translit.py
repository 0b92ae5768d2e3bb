"""Transliteration of names the knowledge base lacks."""

from __future__ import annotations

import pytest

from pactwatch.kb.translit import acronym, deva_to_latin, kana_to_latin


@pytest.mark.parametrize(
    ("deva", "latin"),
    [("नायब", "Nayab"), ("पाटिल", "Patil"), ("मित्सुई", "Mitsui"), ("किन्ज़ोकू", "Kinzoku"),
     ("नाकाने", "Nakane"), ("सिंह", "Singh"), ("आदित्यनाथ", "Adityanath"), ("कमल", "Kamal")],
)
def test_translit_hindi_schwa_deletion(deva: str, latin: str) -> None:
    assert deva_to_latin(deva) == latin


def test_translit_hindi_acronyms() -> None:
    assert acronym("एमबी") == "MB"
    assert acronym("एमओयू") == "MOU"
    assert acronym("कमल") is None
    assert deva_to_latin("एमबी पाटिल") == "MB Patil"


def test_translit_kana_hepburn() -> None:
    assert kana_to_latin("ミヤザワ") == "Miyazawa"
    assert kana_to_latin("スズキ") == "Suzuki"
    assert kana_to_latin("キョウト") == "Kyoto"
    assert kana_to_latin("ハットリ") == "Hattori"
