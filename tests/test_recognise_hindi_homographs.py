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


def test_recognise_hindi_company_after_its_head_stops_at_the_site() -> None:
    art = pactwatch.extract(
        "चेन्नई, 7 मई (भाषा) नागोया स्थित कंपनी होशिनो सेइमित्सु कोग्यो ओरगडम के औद्योगिक पार्क "
        "में इकाई लगाएगी। यह कंपनी कारों के लिए पुर्जे बनाती है।", published="2025-05-07").to_dict()
    names = {e["name"] for e in art["entities"]}
    assert "Hoshino Seimitsu Kogyo" in names and "Oragadam" in names
    assert not any(n.startswith("Kar") for n in names)  # कारों, "cars", names nobody


def test_recognise_hindi_office_after_a_title_is_no_person() -> None:
    art = pactwatch.extract(
        "भुवनेश्वर, 7 मई (भाषा) मुख्यमंत्री कार्यालय ने बताया कि जापानी प्रतिनिधिमंडल ने निवेश "
        "पर चर्चा की।", published="2025-05-07").to_dict()
    assert not [e for e in art["entities"] if e["type"] == "PERSON"]


def test_kb_japanese_person_in_hindi_family_name_first() -> None:
    art = pactwatch.extract(
        "देहरादून, 7 मई (भाषा) मुख्यमंत्री ने जापान के राजदूत ओनो केइची से मुलाकात की।",
        published="2025-11-07").to_dict()
    assert "Keiichi Ono" in {e["name"] for e in art["entities"]}


def test_recognise_hindi_title_with_department_in_brackets() -> None:
    art = pactwatch.extract(
        "मुंबई, 7 मई (भाषा) अपर मुख्य सचिव (उद्योग) अजय सावंत ने कहा कि राज्य सरकार जापानी "
        "निवेशकों के लिए सहायता प्रकोष्ठ बनाएगी।", published="2025-05-07").to_dict()
    assert [e["name"] for e in art["entities"] if e["type"] == "PERSON"] == ["Ajay Sawant"]


def test_recognise_hindi_given_names_before_a_family_name_are_a_person() -> None:
    art = pactwatch.extract(
        "लखनऊ, 7 मई (भाषा) केंद्र सरकार और राज्य सरकार के साथ बैठक में राकेश कुमार शर्मा और "
        "सुनीता गुप्ता ने भाग लिया। श्रमिक कल्याण पर जोर दिया गया।", published="2025-05-07").to_dict()
    people = {e["name"] for e in art["entities"] if e["type"] == "PERSON"}
    assert people == {"Rakesh Kumar Sharma", "Sunita Gupta"}


def test_recognise_hindi_hotel_before_its_name_is_the_venue() -> None:
    art = pactwatch.extract(
        "देहरादून, 7 मई (भाषा) ये समझौते ओसाका के होटल निक्को में आयोजित समारोह में किए गए।",
        published="2025-05-07").to_dict()
    names = {e["name"] for e in art["entities"]}
    assert "Hotel Nikko" in names and "Nikko" not in names and "Osaka" in names


def test_recognise_hindi_kb_company_with_its_own_name_word_stays_the_kb_company() -> None:
    art = pactwatch.extract(
        "देहरादून, 7 मई (भाषा) जापान की टोरे इंडस्ट्रीज ने राज्य के साथ समझौता किया।",
        published="2025-05-07").to_dict()
    assert "Toray Industries" in {e["name"] for e in art["entities"]}


def test_recognise_hindi_japanese_names_take_their_hepburn_spelling() -> None:
    art = pactwatch.extract(
        "लखनऊ, 7 मई (भाषा) प्रबंध निदेशक नोरियो नाकाजिमा तथा महाप्रबंधक काजुओ मियाजावा ने "
        "मुख्यमंत्री से मुलाकात की। अपर सचिव राजू पटेल और सुजाता शर्मा भी मौजूद थे।",
        published="2025-05-07").to_dict()
    people = {e["name"] for e in art["entities"] if e["type"] == "PERSON"}
    # Japanese name words read back (ज is z, इयो io); Indian names are left as they are
    assert people == {"Norio Nakajima", "Kazuo Miyazawa", "Raju Patel", "Sujata Sharma"}


def test_recognise_hindi_honorifics_after_a_title_are_no_names() -> None:
    art = pactwatch.extract(
        "भोपाल, 7 मई (भाषा) राज्यपाल महोदय ने शुभकामनाएं दीं। मंत्री जी ने कहा कि विधायक गण "
        "भी आए। अध्यक्ष डॉ. राकेश वर्मा और मंत्री श्री चैतन्य काश्यप भी थे।",
        published="2025-05-07").to_dict()
    people = {e["name"] for e in art["entities"] if e["type"] == "PERSON"}
    assert people == {"Rakesh Verma", "Chaitanya Kashyap"}


def test_recognise_hindi_public_bodies_read_word_for_word() -> None:
    art = pactwatch.extract(
        "लखनऊ, 7 मई (भाषा) उत्तर प्रदेश राज्य औद्योगिक विकास प्राधिकरण और तमिलनाडु औद्योगिक "
        "विकास निगम ने जापानी कंपनियों से बात की। राज्य सरकार का उद्योग विभाग और राष्ट्रीय कौशल "
        "विकास निगम भी शामिल थे। विकास के लिए निवेश जरूरी है।", published="2025-05-07").to_dict()
    orgs = {e["name"] for e in art["entities"] if e["type"] == "ORG"}
    assert orgs == {"Uttar Pradesh State Industrial Development Authority",
                    "Tamil Nadu Industrial Development Corporation",
                    "National Skill Development Corporation"}
    assert not [e for e in art["entities"] if e["type"] == "PERSON"]


def test_recognise_hindi_national_institute_is_no_city() -> None:
    art = pactwatch.extract(
        "चेन्नई, 7 मई (भाषा) कंपनी आईआईटी मद्रास के साथ अनुसंधान केंद्र बनाएगी। आईआईएम "
        "अहमदाबाद के छात्र भी जुड़ेंगे।", published="2025-05-07").to_dict()
    names = {e["name"] for e in art["entities"]}
    assert {"IIT Madras", "IIM Ahmedabad"} <= names
    assert "Ahmedabad" not in names


def test_recognise_hindi_hyphenated_korean_given_name() -> None:
    art = pactwatch.extract("चेन्नई, 7 मई (भाषा) कोट्रा के महानिदेशक पार्क जोंग-सुंग ने कहा कि "
                            "कोरियाई कंपनियां आएंगी।", published="2025-05-07").to_dict()
    assert [e["name"] for e in art["entities"] if e["type"] == "PERSON"] == ["Park Jong-sung"]


def test_recognise_hindi_past_verb_after_a_name_ends_it() -> None:
    art = pactwatch.extract("जयपुर, 7 मई (भाषा) उद्योग मंत्री राकेश कुमार पहुंचे और सचिव अजय सिंह "
                            "बोले कि निवेश आएगा।", published="2025-05-07").to_dict()
    people = {e["name"] for e in art["entities"] if e["type"] == "PERSON"}
    assert people == {"Rakesh Kumar", "Ajay Singh"}
