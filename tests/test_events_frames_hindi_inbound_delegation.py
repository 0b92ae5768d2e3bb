"""Hindi: a delegation that came ("जापान से आए प्रतिनिधिमंडल", "… के नेतृत्व में आए
प्रतिनिधिमण्डल") visited the story's Indian state; the country it came from is no
destination (frames.yaml local_destination)."""

from __future__ import annotations

import pactwatch


def _visits(text: str) -> list[dict]:
    rec = pactwatch.extract(text, published="2025-12-03", lang="hi").to_dict()
    return [e for e in rec["events"] if e["type"] == "visit"]


def test_events_hindi_delegation_that_came_visited_the_state() -> None:
    visits = _visits("चंडीगढ़, 3 दिसंबर (भाषा) जापान से आए 10 सदस्यीय व्यापार प्रतिनिधिमंडल "
                     "ने बुधवार को हरियाणा के मुख्यमंत्री नायब सिंह सैनी से मुलाकात की और राज्य "
                     "में निवेश पर चर्चा की।")
    assert len(visits) == 1
    assert visits[0]["place"] == "Haryana"
    assert "Japan" in visits[0]["participants"] and "Haryana" in visits[0]["participants"]


def test_events_hindi_delegation_that_went_still_goes_abroad() -> None:
    visits = _visits("देहरादून, 3 दिसंबर (भाषा) जापान गए उत्तराखंड के प्रतिनिधिमंडल ने "
                     "तोक्यो में निवेशकों से मुलाकात की।")
    assert visits and visits[0]["place"] == "Japan"


def test_events_hindi_help_desk_for_investors_is_a_policy() -> None:
    rec = pactwatch.extract("अहमदाबाद, 3 दिसंबर (भाषा) मुख्यमंत्री ने अहमदाबाद में जापानी उद्योगों के "
                            "लिए विशेष हेल्प डेस्क खोलने की घोषणा की।",
                            published="2025-12-03", lang="hi").to_dict()
    assert any(e["type"] == "policy" for e in rec["events"])


def _events(text: str) -> list[dict]:
    return pactwatch.extract(text, published="2025-12-03", lang="hi").to_dict()["events"]


def test_events_hindi_mou_told_again_by_its_noun_is_the_same_signing() -> None:
    evs = _events("लखनऊ, 3 दिसंबर (भाषा) इस अवसर पर इन्वेस्ट यूपी और ओसाका प्रान्त के बीच एक समझौता "
                  "ज्ञापन का आदान-प्रदान किया गया। समझौता ज्ञापन पर इन्वेस्ट यूपी के मुख्य कार्यपालक "
                  "अधिकारी राकेश वर्मा ने हस्ताक्षर किए।")
    assert sum(e["type"] == "agreement" for e in evs) == 1


def test_events_hindi_town_of_a_summit_to_come_is_not_where_the_invitation_was_made() -> None:
    evs = _events("चंडीगढ़, 3 दिसंबर (भाषा) पंजाब के उद्योग मंत्री संजीव अरोड़ा ने जापानी प्रतिनिधिमंडल को फरवरी में "
                  "मोहाली में होने वाले निवेशक सम्मेलन में भाग लेने का न्योता दिया।")
    inv = [e for e in evs if e["type"] == "invitation"]
    assert inv and inv[0]["place"] != "Mohali"


def test_events_hindi_topics_after_a_call_told_by_the_pair_are_the_meetings() -> None:
    evs = _events("गांधीनगर, 3 दिसंबर (भाषा) जापान के राजदूत ने बुधवार को मुख्यमंत्री भूपेंद्र पटेल से "
                  "शिष्टाचार भेंट की। इस दौरान दोनों के बीच सेमीकंडक्टर और इलेक्ट्रिक वाहन क्षेत्र में "
                  "सहयोग पर चर्चा हुई।")
    meet = [e for e in evs if e["type"] == "meeting"]
    assert meet and {"semiconductors", "electric_vehicles"} <= set(meet[0]["sectors"])
