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
