"""English copy full of Vietnamese, Thai or Japanese names is English: the grammar words
decide where the bundled model wavers (it read such a Reuters story as French, and no
English recogniser ran)."""

from __future__ import annotations

from pactwatch.lang.detect import detect_language

STORY = (
    "Japanese firms pour money into Vietnam, Thailand as supply chains shift\n\n"
    "HANOI, April 22 (Reuters) - Japanese electronics maker Murata Manufacturing will build "
    "a $200 million plant in Binh Duong province in southern Vietnam, the company said on "
    "Tuesday. Minister Nguyen Chi Dung met Murata president Norio Nakajima in Hanoi. "
    "Samsung operates plants in Bac Ninh and Thai Nguyen provinces.")


def test_lang_detect_english_story_with_vietnamese_names_is_english() -> None:
    assert detect_language(STORY) == "en"


def test_lang_detect_french_and_german_stay_themselves() -> None:
    assert detect_language("Le président de la République a annoncé une nouvelle usine de "
                           "Toyota à Valenciennes, dans le nord de la France.") == "fr"
    assert detect_language("Der Autobauer Toyota will in Deutschland eine neue Fabrik bauen "
                           "und dafür 500 Millionen Euro investieren.") == "de"
