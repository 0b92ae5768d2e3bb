"""Hindi people whose words the KB knows as something else: a family name that is also
a KB company after a given name and a title is the person's; the family name alone as a
verb's subject (ने), after the article has named the person in full, is the person, not
the KB place of that name; a place noun after "और" ends a list of titled names; and a
person's name words take the spelling people of that name write (translit.person_word)."""

from __future__ import annotations

import pactwatch


def _entities(text: str) -> dict[str, str]:
    rec = pactwatch.extract(text, published="2026-02-10", lang="hi").to_dict()
    return {e["name"]: e["type"] for e in rec["entities"]}


def test_recognise_hindi_family_name_known_as_company_or_place_is_the_person() -> None:
    ents = _entities("ओसाका, 10 फरवरी (भाषा) निर्माण समूह के अध्यक्ष केंजी शिमिज़ु और कंपनी के "
                     "निदेशक हिदेकी यामागुची ने गुजरात के उद्योग मंत्री से मुलाकात की। "
                     "बैठक के बाद यामागुची ने कहा कि कंपनी वडोदरा में नया कारखाना लगाएगी।")
    assert ents.get("Kenji Shimizu") == "PERSON"
    assert ents.get("Hideki Yamaguchi") == "PERSON"
    assert "Shimizu Corporation" not in ents
    assert "Yamaguchi" not in ents  # the prefecture is not in the story


def test_recognise_hindi_place_noun_ends_a_list_of_titled_names() -> None:
    ents = _entities("लखनऊ, 10 फरवरी। बैठक में उप गवर्नर मासातो ओकाबे और प्रांत की निवेश एजेंसी के "
                     "अधिकारी शामिल थे।")
    assert ents.get("Masato Okabe") == "PERSON"
    assert not any(n.startswith("Prant") for n in ents)


def test_recognise_hindi_regional_names_take_their_usual_spelling() -> None:
    ents = _entities("चेन्नई, 10 फरवरी (भाषा) बैठक में उद्योग सचिव श्री एस. कृष्णमूर्ति, प्रबंध निदेशक "
                     "श्री आर. अनबलगन और उपाध्यक्ष श्री श्रीनिवास राजू उपस्थित थे।")
    assert "R. Anbalagan" in ents
    assert "Srinivas Raju" in ents


def test_link_short_name_is_the_person_named_last_before_it() -> None:
    rec = pactwatch.extract("लखनऊ, 10 फरवरी। बैठक में ऊर्जा मंत्री अरविंद कुमार शर्मा उपस्थित रहे। "
                            "श्री शर्मा जी ने निमंत्रण स्वीकार किया। वाराणसी में मंडलायुक्त कौशल राज शर्मा "
                            "ने प्रतिनिधिमंडल का स्वागत किया।", published="2026-02-10", lang="hi").to_dict()
    people = {e["name"]: len(e["mentions"]) for e in rec["entities"] if e["type"] == "PERSON"}
    assert people.get("Arvind Kumar Sharma") == 2
    assert "Sharma" not in people


def test_recognise_hindi_no_person_in_an_office_held_or_a_function() -> None:
    ents = _entities("रायपुर, 10 फरवरी। वे पहले मुख्यमंत्री रहते हुए जापान गए थे और मंत्री बनने पर "
                     "उन्होंने नीति बदली। अध्यक्ष चुने जाने के बाद मंत्री स्तरीय वार्ता हुई। कंपनी के "
                     "महाप्रबंधक उत्पादन ने संयंत्र दिखाया और सचिव श्रीमती ने प्रस्तुति दी।")
    assert not [n for n, t in ents.items() if t == "PERSON"]


def test_recognise_hindi_titled_family_name_of_a_kb_person_is_that_person() -> None:
    rec = pactwatch.extract("रायपुर, 10 फरवरी। मुख्यमंत्री विष्णु देव साय ने निवेशकों से भेंट की। "
                            "सीएम साय ने कहा कि राज्य नई नीति लाएगा।", published="2026-02-10",
                            lang="hi").to_dict()
    people = {e["name"]: len(e["mentions"]) for e in rec["entities"] if e["type"] == "PERSON"}
    assert people == {"Vishnu Deo Sai": 2}
