"""Hindi: a company written in another Devanagari spelling than the KB's meets its English
name (two words or more); Hindi words before a company suffix are no company; bodies
named after a person or a place the lexicon lacks, and bodies with a place inside."""

from __future__ import annotations

import pactwatch


def _names(text: str) -> set[str]:
    rec = pactwatch.extract(text, published="2025-12-09", lang="hi").to_dict()
    return {e["name"] for e in rec["entities"]}


def test_recognise_hindi_other_spelling_of_kb_company() -> None:
    names = _names("चेन्नई, 9 दिसंबर (भाषा) ह्युंडई मोटर इंडिया राज्य में उत्पादन बढ़ाएगी।")
    assert "Hyundai Motor India" in names
    assert "India" not in names


def test_recognise_hindi_one_common_word_is_no_company() -> None:
    names = _names("चेन्नई, 9 दिसंबर (भाषा) राज्य को 500 करोड़ रुपये मिले और कारों पर कर घटा।")
    assert not any(n.startswith(("Kuraray", "Kirin")) for n in names)


def test_recognise_hindi_words_before_suffix_are_no_company() -> None:
    names = _names("लखनऊ, 9 दिसंबर (भाषा) कंपनी 2,500 करोड़ रुपये का निवेश कर इलेक्ट्रिक मोटर "
                   "बनाने का कारखाना लगाएगी।")
    assert not any("Electric Motor" in n or "Nivesh" in n for n in names)


def test_recognise_hindi_university_and_agency_names() -> None:
    names = _names("चेन्नई, 9 दिसंबर (भाषा) अन्ना विश्वविद्यालय नया पाठ्यक्रम शुरू करेगा। "
                   "कोरिया व्यापार-निवेश संवर्धन एजेंसी (कोट्रा) सम्मेलन करेगी। विदेश मंत्रालय ने "
                   "बयान जारी किया।")
    assert "Anna University" in names
    # the KB's entry (partner countries' agencies) with the agency's own hyphen
    assert "Korea Trade-Investment Promotion Agency" in names
    assert len([n for n in names if "Korea" in n]) == 1
    assert not any(n.startswith("Videsh") for n in names)


def test_recognise_hindi_national_institute_written_out_before_city() -> None:
    names = _names("अहमदाबाद, 9 दिसंबर (भाषा) कंपनी ने भारतीय प्रौद्योगिकी संस्थान गांधीनगर के साथ "
                   "करार किया।")
    assert "IIT Gandhinagar" in names
    assert not any("Technology Institute" in n for n in names)


def test_translit_garg_is_written_without_final_a() -> None:
    names = _names("गुरुग्राम, 9 दिसंबर (भाषा) निगम के प्रबंध निदेशक यश गर्ग भी शामिल हैं।")
    assert "Yash Garg" in names


def test_recognise_hindi_company_extending_kb_name_keeps_kb_spelling() -> None:
    names = _names("चेन्नई, 9 दिसंबर (भाषा) राज्य ने दक्षिण कोरिया की कंपनी हनवा सॉल्यूशंस के साथ "
                   "समझौता किया।")
    assert "Hanwha Solutions" in names and "Hanwa Solutions" not in names


def test_recognise_hindi_company_homograph_needs_a_cue() -> None:
    names = _names("भुवनेश्वर, 9 दिसंबर (भाषा) कंपनी बैटरी और सेल विनिर्माण में निवेश करेगी। खेतों में "
                   "ओला गिरने से फसल खराब हुई।")
    assert "Steel Authority of India" not in names and not any(n.startswith("ANI") for n in names)
    names = _names("भुवनेश्वर, 9 दिसंबर (भाषा) सरकारी कंपनी सेल ने संयंत्र के विस्तार की घोषणा की।")
    assert "Steel Authority of India" in names


def test_recognise_hindi_japanese_company_named_after_a_place() -> None:
    names = _names("जयपुर, 3 दिसंबर (भाषा) इनमें गियर निर्माता ओसाका सेइमित्सु किकाई और वाहन पुर्जे "
                   "बनाने वाली फुजी सेइको कोग्यो शामिल हैं।")
    assert "Osaka Seimitsu Kikai" in names and "Fuji Seiko Kogyo" in names
    assert "Osaka" not in names and "Fuji" not in names


def test_recognise_hindi_english_function_words_in_a_chamber_name() -> None:
    names = _names("जयपुर, 3 दिसंबर (भाषा) पीएचडी चैंबर ऑफ कॉमर्स एंड इंडस्ट्री के प्रतिनिधि भी "
                   "मौजूद थे।")
    assert "PHD Chamber of Commerce and Industry" in names
