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
        "Mumbai, Jun 4 (PTI) Japan's Consul General Yagi Koji met Maharashtra Deputy Chief "
        "Minister Ajit Pawar on Wednesday and discussed issues faced by Japanese companies "
        "in Pune. Koji met Pawar at the Sahyadri Guest House in south Mumbai. Water supply "
        "and flood control were also discussed during the meeting, the statement said.",
        published="2025-06-04")
    meetings = _events(art, "meeting")
    assert len(meetings) == 1
    assert meetings[0]["place"] == "Mumbai"  # "companies in Pune" is theirs, not the venue


def test_talks_leave_the_sectors_of_the_deal_signed_during_them() -> None:
    art = pactwatch.extract(
        "लखनऊ, 5 मई (भाषा) मुख्यमंत्री योगी आदित्यनाथ ने सोमवार को जापान के प्रतिनिधिमंडल से "
        "मुलाकात की। बैठक के दौरान कृषि उपकरण और इलेक्ट्रॉनिक्स क्षेत्रों में निवेश को लेकर "
        "समझौते हुए।", published="2025-05-05")
    for m in _events(art, "meeting"):
        assert m["sectors"] == []


def test_people_given_work_after_the_count_are_jobs() -> None:
    art = pactwatch.extract(
        "जयपुर, 8 जुलाई (भाषा) जापान की 11 कंपनियां राजस्थान में 1,338 करोड़ रुपए का निवेश "
        "करेंगी, 2000 से ज्यादा लोगों के लिए खुले रोजगार के दरवाजे।", published="2022-07-08")
    jobs = [e["jobs"] for e in art.to_dict()["events"] if e["jobs"]]
    assert jobs == [2000]
    assert all(f["value"] != 2000 for f in art.to_dict()["figures"])


def test_japanese_report_frame_keeps_the_happenings_tense() -> None:
    text = "浜名精工は、グジャラート州政府との間で新工場を建設することで基本合意したと発表した。"
    assert sentence_status(text, "ja", text.index("基本合意")) == "signed"
