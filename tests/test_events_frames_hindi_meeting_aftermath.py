"""Hindi talks and their jobs as state press notes tell them: an interaction "held with"
others (संवाद किया) is a meeting dated by its own weekday; a sentence opening "बैठक के
बाद" tells what followed the meeting just reported, not a second meeting; jobs told in
"उन्होंने कहा कि विस्तार से …" belong to the expansion of the sentence before."""

from __future__ import annotations

import pactwatch


def _events(text: str) -> list[dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2026-02-12", lang="hi").to_dict()
    return rec["events"]


def test_events_hindi_samvad_kiya_is_a_meeting_on_its_weekday() -> None:
    events = _events("जयपुर, 12 फरवरी। इससे पहले, उद्योग मंत्री कर्नल राज्यवर्धन सिंह राठौड़ ने बुधवार "
                     "को जापानी कंपनियों के प्रतिनिधियों के साथ संवाद किया था।")
    meetings = [e for e in events if e["type"] == "meeting"]
    assert len(meetings) == 1
    assert meetings[0]["date"] == "2026-02-11"
    assert "Rajyavardhan Singh Rathore" in meetings[0]["participants"]


def test_events_hindi_after_the_meeting_is_no_second_meeting() -> None:
    events = _events("जयपुर, 12 फरवरी। मुख्यमंत्री भजनलाल शर्मा से गुरुवार को जापान के राजदूत ओनो "
                     "केइची ने मुलाकात की। बैठक के बाद राज्य सरकार और जापानी कंपनी निडेक के बीच "
                     "समझौता ज्ञापन पर हस्ताक्षर किए गए।")
    meetings = [e for e in events if e["type"] == "meeting"]
    assert len(meetings) == 1
    # the company signed after the talks: it is a party of the MoU, no side of the talks
    assert "Nidec Corporation" not in meetings[0]["participants"]
    assert any(e["type"] == "agreement" and "Nidec Corporation" in e["participants"]
               for e in events)


def test_events_hindi_jobs_of_the_expansion_told_after_a_speaker() -> None:
    events = _events("जयपुर, 12 फरवरी। डाइकिन इंडिया के चेयरमैन कंवलजीत जावा ने बताया कि कंपनी नीमराना "
                     "स्थित अपने संयंत्र का विस्तार करेगी। उन्होंने कहा कि विस्तार से एक हजार से अधिक "
                     "नौकरियां सृजित होंगी।")
    plants = [e for e in events if e["type"] == "facility"]
    assert plants and plants[0]["jobs"] == 1000


def test_events_hindi_relative_clause_keeps_its_own_tense() -> None:
    # "समझौता … के साथ हुआ, जो … संयंत्र स्थापित करेगी": the MoU was signed; the plant
    # to come is the relative clause's, not the agreement's
    events = _events("मुंबई, 12 फरवरी (भाषा)। राज्य सरकार ने पांच जापानी कंपनियों के साथ समझौते किए। "
                     "इनमें सबसे बड़ा समझौता निप्पॉन पेंट होल्डिंग्स के साथ हुआ, जो रायगढ़ जिले में "
                     "6,000 करोड़ रुपये की लागत से नया संयंत्र स्थापित करेगी।")
    deal = [e for e in events if e["type"] == "agreement" and "Nippon Paint Holdings" in e["participants"]]
    assert deal and deal[0]["status"] == "signed"
    assert any(e["type"] == "facility" and e["status"] == "planned" for e in events)
