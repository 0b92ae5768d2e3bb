"""Weak sector words (sector_context.yaml ``weak``): everyday words about an economy name a
sector only where the sentence uses them as one; and the sentence after talks that tells
their topics gives the meeting its sectors.  Texts are the team's own."""

from __future__ import annotations

import pactwatch
from pactwatch.events.sectors import find_sectors


def _slugs(text: str, lang: str) -> set[str]:
    return {h.slug for h in find_sectors(text, lang)}


def test_growth_and_climate_words_are_no_sectors() -> None:
    assert _slugs("He sought Japanese investment to speed up the state's industrial growth.",
                  "en") == set()
    assert _slugs("The state will offer land, power and water at competitive rates.", "en") == set()
    assert _slugs("The delegation thanked the governor for the warm hospitality.", "en") == set()
    assert _slugs("नई नीति से राज्य में औद्योगिक विकास को गति मिलेगी।", "hi") == set()
    assert _slugs("知事は「県の技術革新と人材の活躍を後押しする」と述べた。", "ja") == set()


def test_weak_words_count_in_a_sector_frame_or_a_list_with_a_sector() -> None:
    # a list with a word that always names a sector
    assert _slugs("They discussed cooperation in food processing, port-led logistics and skill "
                  "development.", "en") == {"food_processing", "logistics", "skills_education"}
    # a sector head after the word, a cue before it
    assert "research_development" in _slugs("new ties in the innovation sector", "en")
    assert "research_development" in _slugs("cooperation in innovation and research", "en")
    assert "water" in _slugs("पानी के क्षेत्र में सहयोग", "hi")
    assert "skills_education" in _slugs("人材分野での協力を確認した", "ja")
    # the object of a building verb or of a sanction
    assert "infrastructure" in _slugs("A sum of Rs 45 crore was sanctioned for a road to the park",
                                      "en")
    # unaffected: a word that always names a sector
    assert _slugs("a lithium-ion battery cell plant", "en") == {"batteries"}


def test_a_sector_word_that_only_qualifies_is_no_sector() -> None:
    assert "infrastructure" not in _slugs("port-led logistics", "en")
    assert "logistics" in _slugs("port-led logistics", "en")


def test_gate_can_be_switched_off_for_names() -> None:
    assert "manufacturing" in {h.slug for h in find_sectors("industrial growth", "en", gate=False)}


def test_sentence_after_talks_tells_the_meeting_sectors() -> None:
    art = pactwatch.extract(
        "Bhubaneswar, Mar 3 (PTI) Odisha Chief Minister Mohan Charan Majhi on Monday met "
        "Japan's Ambassador Ono Keiichi in Bhubaneswar.\n\nThe two sides discussed cooperation "
        "in food processing, textiles and green hydrogen, an official release said.",
        published="2025-03-03")
    meetings = [e for e in art.to_dict()["events"] if e["type"] == "meeting"]
    assert meetings
    assert {"food_processing", "textiles", "green_hydrogen"} <= set(meetings[0]["sectors"])


def test_a_headline_part_of_another_story_lends_no_sectors() -> None:
    art = pactwatch.extract(
        "date 2025-10-09\n"
        "マハラシュトラ州、EV新政策を発表　東芝は水素で覚書\n\n"
        "【ムンバイ＝共同】インド西部マハラシュトラ州政府は8日、新たな電気自動車（EV）政策を"
        "発表した。\n\n同州政府は同日、東芝と覚書を結んだ。同社は州内で水素発電の実証事業を行う。"
        "（共同）\n")
    events = art.to_dict()["events"]
    deals = [e for e in events if e["type"] == "agreement"]
    assert deals
    assert "green_hydrogen" in deals[0]["sectors"]
    assert "electric_vehicles" not in deals[0]["sectors"]


def test_courtesy_and_metaphor_words_are_no_sectors() -> None:
    assert _slugs("The mayors act as a vital bridge between the two regions.", "en") == set()
    assert _slugs("He was received at the airport by the state's ministers.", "en") == set()
    assert _slugs("प्रतिनिधिमंडल ने मुख्यमंत्री को आतिथ्य के लिए धन्यवाद दिया।", "hi") == set()
    # in a sector frame they still count
    assert "infrastructure" in _slugs("investment in airports and roads", "en")


def test_a_material_that_names_what_a_part_is_made_of_is_no_sector() -> None:
    assert "chemicals" not in _slugs("EV向け樹脂部品の工場を新設する", "ja")
    assert "chemicals" not in _slugs("a factory for resin components", "en")
    assert "chemicals" in _slugs("a resin plant in Dahej", "en")


def test_domain_spellings_of_air_conditioners_and_petrochemicals() -> None:
    assert "electronics" in _slugs("the foundation stone of its new AC plant in Chennai", "en")
    assert _slugs("travelled in an AC coach", "en") == set()
    assert "chemicals" in _slugs("राज्य में पेट्रोरसायन परिसर", "hi")
