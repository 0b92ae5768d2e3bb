"""Hindi: function words equal to a place name are words; months and numbers end a
name; Hindi names meet their newspaper spelling; national programmes link to English."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.translit import deva_to_latin


def _names(text: str) -> set[str]:
    rec = pactwatch.extract(text, published="2025-10-06", lang="hi").to_dict()
    return {e["name"] for e in rec["entities"]}


def test_recognise_hindi_function_word_is_no_place() -> None:
    names = _names("लखनऊ, 6 अक्टूबर (भाषा) मुख्यमंत्री ने कहा कि इसे जल्द पूरा किया जाएगा और "
                   "दल कल टोक्यो गया।")
    assert "Ise" not in names and "Gaya" not in names
    assert "Lucknow" in names


def test_recognise_hindi_date_after_title_is_no_person() -> None:
    names = _names("जयपुर, 6 अक्टूबर (भाषा) मुख्यमंत्री छह अक्टूबर को टोक्यो पहुंचे।")
    assert not any("Aktubar" in n or "Chhah" in n for n in names)


def test_translit_keeps_schwa_after_a_nasal_cluster_and_final_f() -> None:
    assert deva_to_latin("शकुंतला") == "Shakuntala"
    assert deva_to_latin("रंजना") == "Ranjana"
    assert deva_to_latin("संजय") == "Sanjay"
    assert deva_to_latin("यूसुफ अली") == "Yusuf Ali"


def test_recognise_hindi_programme_links_to_english_name() -> None:
    names = _names("नई दिल्ली, 6 अक्टूबर (भाषा) जापानी कंपनियां मेक इन इंडिया के तहत निवेश करेंगी।")
    assert "Make in India" in names
