"""Tests for the sector lexicon and matcher (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pactwatch.events.sectors import SectorHit, find_sectors, sector_slugs
from pactwatch.record import SECTORS

DATA = Path(__file__).resolve().parents[1] / "src" / "pactwatch" / "events" / "data"


def _slugs(text: str, lang: str) -> set[str]:
    return {h.slug for h in find_sectors(text, lang)}


def test_sectors_yaml_uses_only_closed_slugs() -> None:
    data = yaml.safe_load((DATA / "sectors.yaml").read_text(encoding="utf-8"))
    assert set(data) <= set(SECTORS)
    assert set(data) == set(SECTORS), "every contract slug should have words"
    for slug, by_lang in data.items():
        assert set(by_lang) <= {"en", "hi", "ja"}, slug
        for entries in by_lang.values():
            for entry in entries:
                if isinstance(entry, dict):
                    assert set(entry) <= {"pattern", "case", "also"}
                    assert set(entry.get("also", [])) <= set(SECTORS)
                else:
                    assert isinstance(entry, str)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Denso will make auto parts and EV batteries near the metro line.", "en"),
        ("राज्य में सेमीकंडक्टर और ग्रीन हाइड्रोजन के क्षेत्र में अनुसंधान होगा।", "hi"),
        ("同社は半導体と電気自動車の研究開発拠点を設ける。", "ja"),
    ],
)
def test_sectors_offsets_match_text(text: str, lang: str) -> None:
    hits = find_sectors(text, lang)
    assert hits
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    for h in hits:
        assert isinstance(h, SectorHit)
        assert text[h.start:h.end] == h.text
        assert h.slug in SECTORS


def test_sectors_longest_match_auto_components_beats_auto() -> None:
    hits = find_sectors("The firm supplies auto components to Indian carmakers.", "en")
    first = hits[0]
    assert (first.slug, first.text) == ("auto_components", "auto components")
    assert "automotive" in _slugs("The auto sector is growing.", "en")
    assert "automotive" not in {h.slug for h in hits if h.text == "auto components"}
    hi = find_sectors("ऑटो पार्ट्स बनाने वाली कंपनी", "hi")
    assert [(h.slug, h.text) for h in hi] == [("auto_components", "ऑटो पार्ट्स")]
    ja = find_sectors("自動車部品メーカー", "ja")
    assert ja[0].slug == "auto_components"


def test_sectors_adjacent_phrases_give_both_slugs() -> None:
    assert {"electric_vehicles", "batteries"} <= _slugs(
        "a plant for electric vehicle battery packs", "en"
    )


@pytest.mark.parametrize(
    ("text", "lang", "slug"),
    [
        ("a new clean mobility policy", "en", "electric_vehicles"),
        ("e-mobility and EV charging", "en", "electric_vehicles"),
        ("इलेक्ट्रिक वाहन नीति", "hi", "electric_vehicles"),
        ("ईवी क्षेत्र", "hi", "electric_vehicles"),
        ("電気自動車の生産", "ja", "electric_vehicles"),
        ("EVの生産", "ja", "electric_vehicles"),
        ("green hydrogen production", "en", "green_hydrogen"),
        ("ग्रीन हाइड्रोजन परियोजना", "hi", "green_hydrogen"),
        ("グリーン水素の製造", "ja", "green_hydrogen"),
        ("joint R&D work", "en", "research_development"),
        ("research and development", "en", "research_development"),
        ("शोध एवं विकास", "hi", "research_development"),
        ("研究開発", "ja", "research_development"),
        ("semiconductor fab", "en", "semiconductors"),
        ("सेमीकंडक्टर इकाई", "hi", "semiconductors"),
        ("半導体工場", "ja", "semiconductors"),
        ("precision manufacturing", "en", "precision_manufacturing"),
        ("hospitality and real estate", "en", "tourism"),
        ("हॉस्पिटैलिटी", "hi", "tourism"),
        ("रियल एस्टेट", "hi", "real_estate"),
        ("skill development", "en", "skills_education"),
        ("कौशल विकास", "hi", "skills_education"),
        ("人材育成", "ja", "skills_education"),
        ("smart city projects", "en", "urban_development"),
        ("urban infrastructure", "en", "urban_development"),
        ("bullet train", "en", "transport"),
        ("water supply", "en", "water"),
        ("data centre", "en", "data_centres"),
        ("IT services", "en", "it_services"),
    ],
)
def test_sectors_words_map_to_slugs(text: str, lang: str, slug: str) -> None:
    assert slug in _slugs(text, lang)


def test_sectors_longer_phrase_is_more_specific() -> None:
    assert _slugs("urban infrastructure", "en") == {"urban_development"}
    assert _slugs("precision manufacturing", "en") == {"precision_manufacturing"}
    assert _slugs("electronics manufacturing", "en") == {"electronics"}


def test_sectors_also_gives_two_slugs_for_one_phrase() -> None:
    for text, lang in [
        ("agricultural equipment", "en"),
        ("कृषि उपकरण", "hi"),
        ("農機", "ja"),
    ]:
        hits = find_sectors(text, lang)
        assert {h.slug for h in hits} == {"agriculture", "machinery"}, text
        assert len({(h.start, h.end) for h in hits}) == 1


def test_sectors_acronyms_are_case_sensitive_and_bounded() -> None:
    assert "it_services" not in _slugs("It was a good day.", "en")
    assert "it_services" in _slugs("the IT sector", "en")
    assert "electric_vehicles" not in _slugs("an event in Nevada", "en")
    assert "electric_vehicles" not in _slugs("NEVADA州", "ja")


def test_sectors_devanagari_boundaries() -> None:
    # "कार" (car) must not be found inside "सरकार" (government)
    assert "automotive" not in _slugs("राज्य सरकार ने कहा", "hi")


def test_sectors_slugs_in_order_of_mention() -> None:
    assert sector_slugs("steel, textiles and steel again", "en") == ["steel", "textiles"]


def test_sectors_unknown_language_is_empty() -> None:
    assert find_sectors("semiconductors", "fr") == []


def test_sectors_part_named_after_its_vehicle_is_auto_components() -> None:
    from pactwatch.events.sectors import find_sectors

    slugs = {h.slug for h in find_sectors(
        "an MoU for the expansion of its automobile airbag inflator plant", "en")}
    assert "auto_components" in slugs and "automotive" not in slugs


def test_sectors_a_visit_has_none_of_its_own() -> None:
    import pactwatch

    rec = pactwatch.extract(
        "Chennai, May 7 (PTI) Tamil Nadu Chief Minister M K Stalin left for a visit to Japan "
        "to attract investment in electronics and semiconductors.",
        published="2025-05-07").to_dict()
    visits = [e for e in rec["events"] if e["type"] == "visit"]
    assert visits and all(v["sectors"] == [] for v in visits)
