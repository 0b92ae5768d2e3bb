"""Hindi: officials after their title with a department, initials, Arabic particles or a
hyphenated given name; a weekday after a title names nobody; a company the KB knows in
another Hindi spelling takes the KB's English name (romanised key)."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.translit import deva_to_latin, latin_key


def _names(text: str) -> set[str]:
    rec = pactwatch.extract(text, published="2025-11-26", lang="hi").to_dict()
    return {e["name"] for e in rec["entities"]}


def test_latin_key_meets_english_spelling_of_transliterated_names() -> None:
    assert latin_key("Nidek") == latin_key("Nidec Corporation")
    assert latin_key(deva_to_latin("फुरुकावा इलेक्ट्रिक")) == latin_key("Furukawa Electric Co., Ltd.")
    assert latin_key("Hanwa Solutions") == latin_key("Hanwha Solutions")
    assert latin_key("Nidek") != latin_key("Nissin")


def test_recognise_hindi_company_in_kb_spelling_keeps_english_name() -> None:
    names = _names("लखनऊ, 26 नवंबर (भाषा) प्राधिकरण और जापानी कंपनी निडेक के बीच समझौता हुआ।")
    assert "Nidec Corporation" in names and "Nidek" not in names


def test_recognise_hindi_department_after_title_and_initials() -> None:
    names = _names("भोपाल, 26 नवंबर। इस अवसर पर अपर मुख्य सचिव उद्योग सुरेश कुमार वर्मा और "
                   "प्रबंध निदेशक के. रमेश बाबू उपस्थित थे। अध्यक्ष एम.ए. यूसुफ अली ने भी भाग लिया।")
    assert "Suresh Kumar Verma" in names
    assert "K. Ramesh Babu" in names
    assert "M. A. Yusuf Ali" in names
    assert "Em" not in names


def test_recognise_hindi_arabic_particles_and_korean_given_name() -> None:
    names = _names("दुबई, 26 नवंबर (भाषा) मुख्यमंत्री ने मंत्री डॉ. खालिद बिन अहमद अल नासिर से "
                   "भेंट की। उपाध्यक्ष पार्क जी-हून ने समझौते पर हस्ताक्षर किए।")
    assert "Khalid Bin Ahmed Al Nasir" in names
    assert "Park Ji-hoon" in names and "Park" not in names


def test_recognise_hindi_weekday_after_title_is_no_person() -> None:
    names = _names("भोपाल, 26 नवंबर। मुख्यमंत्री गुरुवार को अबू धाबी जाएंगे।")
    assert not any("Guruwar" in n or "Guruvar" in n for n in names)


def test_recognise_hindi_japanese_name_pair_without_title() -> None:
    names = _names("लखनऊ, 26 नवंबर (भाषा) कंपनी के भारत प्रमुख हिरोशी नाकामुरा ने कहा कि संयंत्र "
                   "अगले साल शुरू होगा।")
    assert "Hiroshi Nakamura" in names


def test_recognise_hindi_korean_given_name_romanised() -> None:
    from pactwatch.recognise import korean_name

    assert korean_name("किम सांग-वू") == "Kim Sang-woo"
    assert korean_name("ली क्विंग") is None  # ली without a hyphenated given name: Chinese Li
    names = _names("चेन्नई, 26 नवंबर (भाषा) समझौते पर कंपनी के उपाध्यक्ष पार्क जी-हून ने हस्ताक्षर किए।")
    assert "Park Ji-hoon" in names


def test_recognise_hindi_family_name_in_newspaper_spelling() -> None:
    names = _names("नई दिल्ली, 26 नवंबर (भाषा) संयुक्त सचिव जूही मुखर्जी ने समझौते पर हस्ताक्षर किए।")
    assert "Juhi Mukherjee" in names


def test_recognise_hindi_present_after_a_name_is_no_name_word() -> None:
    """"… मोरिता मौजूद रहे": मौजूद (present) is a predicate, not a family name."""
    names = _names("चंडीगढ़, 26 नवंबर। बैठक में कंपनी के महाप्रबंधक केनजी मोरिता मौजूद रहे। "
                   "प्रबंध निदेशक राहुल मौजूद थे।")
    assert not any("Maujud" in n for n in names)
    assert "Kenji Morita" in names


def test_recognise_hindi_rank_after_title_is_no_given_name() -> None:
    # "कर्नल" (Colonel) between a title and the name is a rank, not the given name
    # Karnal; a short name after it is the person named in full before
    names = _names("जयपुर, 26 नवंबर। उद्योग मंत्री कर्नल राज्यवर्धन सिंह राठौड़ ने बैठक की। "
                   "बाद में उद्योग मंत्री कर्नल राठौड़ ने उद्यमियों से बात की।")
    assert "Rajyavardhan Singh Rathore" in names
    assert not any(n.startswith("Karnal") for n in names)


def test_recognise_hindi_company_officer_title() -> None:
    # "कार्यकारी अधिकारी" (executive officer) titles the name after it: a Japanese family
    # name that is also a prefecture (इशिकावा) is the person's, not the place
    names = _names("हैदराबाद, 26 नवंबर। मारुबेनी के कार्यकारी अधिकारी दाइसुके इशिकावा ने कहा कि "
                   "कंपनी पार्क विकसित करेगी।")
    assert "Daisuke Ishikawa" in names
    assert "Ishikawa Prefecture" not in names and "Ishikawa" not in names


def test_recognise_hindi_scheme_after_a_title_is_no_person() -> None:
    # schemes, residences and temples named after a title ("मुख्यमंत्री … योजना") are no
    # people; a titled official in the same text still is
    names = _names("लखनऊ, 26 नवंबर। मुख्यमंत्री युवा उद्यमी विकास अभियान और प्रधानमंत्री आवास "
                   "योजना की समीक्षा हुई। श्री राम मंदिर के दर्शन भी किए। प्रमुख सचिव श्री आलोक "
                   "कुमार ने बताया।")
    assert names & {"Alok Kumar"}
    assert not any(w in n for n in names for w in ("Yojna", "Yojana", "Abhiyan", "Mandir", "Awas"))


def test_recognise_hindi_family_name_after_honorific_is_no_company() -> None:
    # "श्री सुजुकी": the family name of the person named before, not Suzuki Motor
    names = _names("नई दिल्ली, 26 नवंबर। जेट्रो के महानिदेशक श्री ताकाशी सुजुकी भी शामिल हुए। "
                   "श्री सुजुकी ने बताया कि सेमिनार अगले महीने होगा।")
    assert "Takashi Suzuki" in names
    assert "Suzuki Motor Corporation" not in names
