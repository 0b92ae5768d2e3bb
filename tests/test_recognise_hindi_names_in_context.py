"""Hindi names read in their context: a family name after a title that the article has
given in full, an honorific inside a titled run, a company word before a KB place that
opens a KB company, a romanised KB company around a one-word family name, the host
country of a mission before में, the oblique genitive, and an outlet's credit line."""

from __future__ import annotations

import pactwatch
from pactwatch.kb.fold import fold


def _entities(text: str) -> dict[str, str]:
    rec = pactwatch.extract(text, published="2025-12-03", lang="hi").to_dict()
    return {e["name"]: e["type"] for e in rec["entities"]}


def test_fold_genitive_postposition_agrees_in_one_key() -> None:
    assert fold("भारत में जापान के दूतावास") == fold("भारत में जापान का दूतावास")
    assert fold("केरल की सरकार") == fold("केरल का सरकार")
    assert fold("नीकी") != fold("नीका")  # only the word of its own, not a syllable


def test_recognise_hindi_family_name_after_title_is_the_person_named_before() -> None:
    ents = _entities("पुणे, 3 दिसंबर (भाषा) कंपनी के निदेशक सातोशी नागानो ने संयंत्र का दौरा "
                     "किया। बाद में निदेशक श्री नागानो ने संवाददाताओं से बात की।")
    assert ents.get("Satoshi Nagano") == "PERSON"
    assert "Nagano" not in ents and "Nagano Prefecture" not in ents


def test_recognise_hindi_honorific_inside_titled_run_starts_the_name() -> None:
    ents = _entities("लखनऊ, 3 दिसंबर। बैठक में प्रमुख सचिव नगर विकास श्री राजेश मिश्रा "
                     "उपस्थित थे।")
    assert "Rajesh Mishra" in ents
    assert not any("Vikas" in n for n in ents)


def test_recognise_hindi_company_word_before_place_opening_a_kb_company() -> None:
    ents = _entities("पुणे, 3 दिसंबर। जापानी टायर कंपनी योकोहामा पुणे में विस्तार करेगी। "
                     "योकोहामा रबर के अधिकारियों ने यह जानकारी दी।")
    assert "Yokohama Rubber Company" in ents and "Yokohama" not in ents


def test_recognise_hindi_romanised_kb_company_around_a_family_name() -> None:
    ents = _entities("अहमदाबाद, 3 दिसंबर। कलपुर्जा कंपनी तोयोदा गोसेई गुजरात में नया "
                     "कारखाना लगाएगी।")
    assert ents.get("Toyoda Gosei") == "ORG" and "Akio Toyoda" not in ents


def test_recognise_hindi_mission_names_its_host_country_before_mein() -> None:
    ents = _entities("चंडीगढ़, 3 दिसंबर। भारत में जापान के दूतावास के अधिकारियों ने उद्योग "
                     "मंत्री से भेंट की।")
    assert ents.get("Embassy of Japan in India") == "ORG" and ents.get("India") == "PLACE"


def test_recognise_hindi_outlet_credit_line_names_no_entity() -> None:
    ents = _entities("नया संयंत्र लगेगा\n\nहिन्दुस्तान ब्यूरो, पटना\n\nजापानी कंपनी ने "
                     "बिहार में निवेश की घोषणा की।")
    assert "Patna" in ents
    assert not any("Bureau" in n for n in ents) and "India" not in ents


def test_recognise_hindi_acronym_with_english_company_words_is_a_company() -> None:
    ents = _entities("सियोल, 3 दिसंबर। केटी इलेक्ट्रिक पावर सिस्टम तमिलनाडु में संयंत्र लगाएगी। "
                     "इस अवसर पर मंत्री एमबी पाटिल मौजूद थे।")
    assert ents.get("KT Electric Power System") == "ORG"
    assert "MB Patil" not in ents or ents["MB Patil"] == "PERSON"


def test_recognise_hindi_town_of_a_known_district() -> None:
    ents = _entities("विशाखापत्तनम, 3 दिसंबर। कंपनी अनकापल्ली जिले के परवाडा में नया कारखाना "
                     "लगाएगी। जिले के किसानों में उत्साह है।")
    assert ents.get("Parwada", ents.get("Paravada")) == "PLACE"


def test_recognise_hindi_country_opens_a_name_of_english_company_words() -> None:
    ents = _entities("पुणे, 3 दिसंबर। जापान एविएशन इलेक्ट्रॉनिक्स इंडस्ट्री महाराष्ट्र में नया "
                     "संयंत्र लगाएगी।")
    assert ents.get("Japan Aviation Electronics Industry") == "ORG"


def test_recognise_hindi_english_product_words_alone_name_no_company() -> None:
    ents = _entities("लखनऊ, 3 दिसंबर। राज्य में इलेक्ट्रिक मोटर कंपोनेंट्स बनाने की इकाई लगेगी।")
    assert not any(t == "ORG" for t in ents.values())


def test_recognise_hindi_title_before_a_list_of_names_titles_each() -> None:
    ents = _entities("लखनऊ, 3 दिसंबर। प्रतिनिधिमंडल में सांसद केनजी, मिनोरू और योशिको शामिल थे। "
                     "मंत्री ने सांसद राकेश और प्रतिष्ठित अतिथियों का स्वागत किया।")
    assert {"Kenji", "Minoru", "Yoshiko"} <= {n for n, t in ents.items() if t == "PERSON"}
    assert not any("Pratishthit" in n for n in ents)


def test_link_hindi_parent_words_after_a_subsidiary_named_in_full_are_the_subsidiary() -> None:
    ents = _entities("गुरुग्राम, 3 दिसंबर। होंडा मोटरसाइकिल एंड स्कूटर इंडिया ने मानेसर में नई "
                     "लाइन शुरू की। होंडा के अधिकारियों ने यह जानकारी दी।")
    assert "Honda Motorcycle and Scooter India" in ents
    assert "Honda Motor Co., Ltd." not in ents


def test_recognise_hindi_initials_after_a_name_belong_to_it() -> None:
    ents = _entities("चेन्नई, 3 दिसंबर। बैठक में निगम की प्रबंध निदेशक अनीता आर.के. भी उपस्थित थीं।")
    assert "Anita R. K." in ents


def test_recognise_hindi_department_after_a_listed_official_is_no_name() -> None:
    ents = _entities("लखनऊ, 3 दिसंबर। इस अवसर पर मुख्य सचिव श्री राकेश वर्मा, अवस्थापना एवं औद्योगिक "
                     "विकास आयुक्त श्री अजय सिंह उपस्थित थे।")
    assert {"Rakesh Verma", "Ajay Singh"} <= set(ents)
    assert not any("Avasthapna" in n for n in ents)


def test_recognise_hindi_company_words_before_an_association_head_name_the_association() -> None:
    ents = _entities("नागपुर, 3 दिसंबर। कोंकण मैन्युफैक्चरर्स इंडस्ट्रीज एसोसिएशन ने जापानी कंपनियों "
                     "से बातचीत की।")
    assert any(n.endswith("Industries Association") for n in ents)
    assert not any(n.endswith("Industries") for n in ents)
