"""Hindi recognition: titled names beat a place reading of their last word; a story filed
from a state's city that names no state is about that state."""

from __future__ import annotations

import pactwatch


def test_recognise_titled_name_ending_in_a_place_word_is_a_person() -> None:
    # "पटना" is a city, but after "मुख्यमंत्री" and a given name it is a surname
    art = pactwatch.extract(
        "रांची। मुख्यमंत्री राकेश पटना के नेतृत्व में एक प्रतिनिधिमंडल जापान जाएगा।",
        published="2025-05-07").to_dict()
    people = [e for e in art["entities"] if e["type"] == "PERSON"]
    assert [p["mentions"][0]["text"] for p in people] == ["राकेश पटना"]
    assert not any(e["name"] == "Patna" for e in art["entities"])


def test_recognise_dateline_city_gives_the_home_state() -> None:
    art = pactwatch.extract(
        "भुवनेश्वर। राज्य में पूंजी निवेश आकर्षित करने के लिए मुख्यमंत्री राकेश पटना के "
        "नेतृत्व में एक प्रतिनिधिमंडल जल्द ही जापान जाएगा।",
        published="2025-05-07").to_dict()
    visits = [e for e in art["events"] if e["type"] == "visit"]
    assert visits and {"Odisha", "Japan"} <= set(visits[0]["participants"])
    assert visits[0]["status"] == "planned"
