"""Hindi words that are also KB place names (कल्याण "welfare" / Kalyan, कोटा "quota" /
Kota) are places only where the text marks them as places; Hindi officials' titles."""

from __future__ import annotations

import pactwatch


def _names(text: str) -> set[str]:
    return {e["name"] for e in pactwatch.extract(text, published="2025-05-07").to_dict()["entities"]}


def test_recognise_hindi_common_word_is_no_place() -> None:
    names = _names("जयपुर, 7 मई (भाषा) राज्य सरकार श्रमिक कल्याण योजनाओं और निर्यात कोटा पर "
                   "काम कर रही है।")
    assert not names & {"Kalyan", "Kota"}
    assert "Jaipur" in names


def test_recognise_hindi_homograph_with_place_cue_is_a_place() -> None:
    names = _names("जयपुर, 7 मई (भाषा) जापानी कंपनी कोटा जिले में संयंत्र लगाएगी। "
                   "प्रतिनिधिमंडल अजमेर, सागर और उदयपुर भी जाएगा।")
    assert {"Kota", "Sagar", "Ajmer", "Udaipur"} <= names


def test_recognise_hindi_officials_title_introduces_a_person() -> None:
    art = pactwatch.extract(
        "लखनऊ, 7 मई (भाषा) प्राधिकरण के मुख्य कार्यपालक अधिकारी रमाकांत आनंद ने बताया कि "
        "जापानी कंपनियों के लिए भूमि चिह्नित की गई है।", published="2025-05-07").to_dict()
    people = {e["name"] for e in art["entities"] if e["type"] == "PERSON"}
    assert "Ramakant Anand" in people
    assert not any(e["name"] == "Anand" for e in art["entities"])
