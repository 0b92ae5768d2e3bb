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


def test_kb_translit_labial_w_where_english_spellings_write_w() -> None:
    from pactwatch.kb.translit import deva_word_to_latin as t

    # after a consonant, before ā inside a word, and in the -वत/-वंत endings: w
    assert [t(w) for w in ("स्वराज", "पवार", "केजरीवाल", "रावत", "सावंत", "इवाया", "कामिकावा")] == [
        "Swaraj", "Pawar", "Kejriwal", "Rawat", "Sawant", "Iwaya", "Kamikawa"]
    # word-initial, before i/e, where its own vowel is dropped, after र्/थ्: v
    assert [t(w) for w in ("विजय", "नवीन", "देवेंद्र", "शिवराज", "यादव", "सर्वेश", "पृथ्वीराज",
                           "राज्यवर्धन")] == [
        "Vijay", "Naveen", "Devendra", "Shivraj", "Yadav", "Sarvesh", "Prithviraj", "Rajyavardhan"]


def test_kb_translit_initials_keep_their_full_stop_and_punjabi_inder() -> None:
    from pactwatch.kb.translit import deva_to_latin

    assert deva_to_latin("डी. के. शिवकुमार") == "D. K. Shivkumar"
    assert deva_to_latin("अमरिंदर सिंह") == "Amrinder Singh"


def test_kb_translit_english_business_words_in_devanagari() -> None:
    from pactwatch.kb.translit import deva_to_latin

    assert deva_to_latin("मुराता मैन्युफैक्चरिंग") == "Murata Manufacturing"
    assert deva_to_latin("होन हाई प्रिसिजन इंडस्ट्री") == "Hon Hai Precision Industry"


@pytest.mark.parametrize(
    ("deva", "latin"),
    [("गुरप्रीत", "Gurpreet"), ("मनप्रीत कौर", "Manpreet Kaur"), ("संदीप", "Sandeep"),
     ("कुलदीप", "Kuldeep"), ("ओमप्रकाश", "Omprakash"), ("दिलीप", "Dilip")],
)
def test_translit_hindi_compound_given_names_end_in_a_name_word(deva: str, latin: str) -> None:
    """हरप्रीत is Har+preet: the stem loses its schwa as at a word's end, and the ending
    takes its newspaper spelling (name_endings); दिलीप has no such ending."""
    assert deva_to_latin(deva) == latin


@pytest.mark.parametrize(
    ("deva", "latin"),
    [("अरविन्द", "Arvind"), ("हेमन्त", "Hemant"), ("सिद्धार्थ", "Siddharth"),
     ("चन्द्र", "Chandra"), ("अनन्य", "Ananya"), ("सूर्य", "Surya"), ("मित्र", "Mitra")],
)
def test_translit_hindi_final_schwa_after_nasal_or_r_cluster(deva: str, latin: str) -> None:
    """A stop after a half nasal or र closes the word like an anusvara (Arvind, not
    Arvinda); a glide or र after a cluster keeps the vowel (Ananya, Chandra)."""
    assert deva_to_latin(deva) == latin


def test_translit_hindi_singh_written_into_a_given_name_is_gujarati_sinh() -> None:
    assert deva_to_latin("भूपेंद्रसिंह चुडासमा").startswith("Bhupendrasinh ")
    assert deva_to_latin("राजेंद्र सिंह") == "Rajendra Singh"


@pytest.mark.parametrize(
    ("deva", "latin"),
    [("बर्थवाल", "Barthwal"), ("खंडेलवाल", "Khandelwal"), ("धारीवाल", "Dhariwal"),
     ("अग्रवाल", "Agrawal"), ("सुनील बर्थवाल", "Sunil Barthwal")],
)
def test_translit_hindi_wal_family_names_drop_the_schwa_before_wal(deva: str, latin: str) -> None:
    """-वाल family names are stem + "wal" in English copy (Barthwal, not Barthawal): the
    cluster before व would otherwise keep its schwa, as it rightly does in Shakuntala."""
    assert deva_to_latin(deva) == latin


@pytest.mark.parametrize(
    ("deva", "latin"),
    [("हर्ष संघवी", "Harsh Sanghavi"), ("उत्कर्ष", "Utkarsh"), ("कैलाश विजयवर्गीय", "Kailash Vijayvargiya"),
     ("संतोष कुमार गंगवार", "Santosh Kumar Gangwar"), ("पवार", "Pawar"), ("पंवार", "Panwar"),
     ("संदीप", "Sandeep")],
)
def test_translit_hindi_officeholders_final_rsh_iya_and_war(deva: str, latin: str) -> None:
    """Names of Indian officeholders as English copy spells them: a sibilant after र
    closes the word (Harsh, not Harsha), a final -ीय is -iya, -वार is "war" after a stem
    of two letters or more (Gangwar; पवार stays Pawar)."""
    assert deva_to_latin(deva) == latin
