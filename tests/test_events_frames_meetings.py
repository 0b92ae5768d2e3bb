"""Talks told over several sentences stay one meeting; a deal's sectors stay with the
deal; jobs stated after a count of people go to the event; Japanese reports keep the
tense of the happening.  Texts are the team's own."""

from __future__ import annotations

import pactwatch
from pactwatch.events.status import sentence_status


def _events(art, typ: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_surname_and_discussed_during_the_meeting_stay_one_meeting() -> None:
    art = pactwatch.extract(
        "Mumbai, Aug 19 (PTI) Japan's Consul General Mori Kenta met Maharashtra Industries "
        "Minister Uday Samant on Tuesday and discussed hurdles that Japanese firms report in "
        "Pune. Kenta met Samant at the state guest house, Sahyadri, in south Mumbai. Power "
        "tariffs and road links were also discussed during the meeting, a release said.",
        published="2025-08-19")
    meetings = _events(art, "meeting")
    assert len(meetings) == 1
    assert meetings[0]["place"] == "Mumbai"  # "companies in Pune" is theirs, not the venue


def test_talks_leave_the_sectors_of_the_deal_signed_during_them() -> None:
    art = pactwatch.extract(
        "लखनऊ, 12 मार्च (भाषा) मुख्यमंत्री योगी आदित्यनाथ ने बुधवार को जापानी उद्योगपतियों के दल से "
        "भेंट की। इस बैठक में खाद्य प्रसंस्करण और वस्त्र क्षेत्रों में पूंजी लगाने पर दो करार "
        "हुए।", published="2025-03-12")
    meetings = _events(art, "meeting")
    assert meetings
    for m in meetings:
        assert m["sectors"] == []
    assert any(d["sectors"] for d in _events(art, "agreement"))  # the deal keeps them


def test_people_given_work_after_the_count_are_jobs() -> None:
    art = pactwatch.extract(
        "अहमदाबाद, 14 फरवरी (भाषा) जापान की सात कंपनियां गुजरात में 940 करोड़ रुपए का निवेश "
        "करेंगी, 3500 से अधिक लोगों के लिए खुलेंगे नौकरी के रास्ते।", published="2024-02-14")
    jobs = [e["jobs"] for e in art.to_dict()["events"] if e["jobs"]]
    assert jobs == [3500]
    assert all(f["value"] != 3500 for f in art.to_dict()["figures"])


def test_japanese_report_frame_keeps_the_happenings_tense() -> None:
    text = "東邦精機は、マハラシュトラ州と部品工場の新設について基本合意したと発表した。"
    assert sentence_status(text, "ja", text.index("基本合意")) == "signed"
