"""Through the whole extractor: dateline places under canonical names, credits unseen."""

from __future__ import annotations

import pytest

from pactwatch.pipeline import Extractor


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return Extractor()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a city before the Japanese prefecture of the same name
        ("Kochi: Kerala's industries department will sign an MoU with Japanese cities on "
         "Friday, the state said.", "Kochi"),
        # a city-state is still a place
        ("Singapore, Feb 12 (PTI) The Assam chief minister met Singapore's trade minister "
         "on Tuesday.", "Singapore"),
        # JETRO's line
        ("州政府代表団が訪日\nチェンナイ発\n2025年08月04日\nタミル・ナドゥ州の工業相が訪日した。",
         "Chennai"),
        # a place the knowledge base lacks, romanised from a sure dateline
        ("समूह का बयान\n\nदावोस [स्विट्जरलैंड]\n\nसमूह उत्तर प्रदेश में निवेश करेगा।", "Davos"),
        # "India:" is a label, not a dateline
        ("India: 244 all out in 80 overs.\n\nAustralia won by eight wickets.", None),
    ],
)
def test_pipeline_dateline_place(ex: Extractor, text: str, place: str | None) -> None:
    art = ex.extract(text, published="2025-10-05")
    got = art.dateline.place if art.dateline else None
    assert got == place


def test_pipeline_credit_names_are_not_entities(ex: Extractor) -> None:
    body = ("TOKYO, Oct 6 (Reuters) - Suzuki Motor said on Monday it would put 210 billion "
            "rupees into a new plant in Haryana.\n\n"
            "Written by Haruka Moriyama for Reuters\n\n"
            "Reporting by Kenji Ishida; Editing by Pradeep Menon")
    art = ex.extract(body, published="2025-10-06")
    names = {e.name for e in art.entities}
    assert not names & {"Haruka Moriyama", "Kenji Ishida", "Pradeep Menon"}
    assert "Suzuki Motor Corporation" in names or any("Suzuki" in n for n in names)
    assert art.dateline is not None and art.dateline.agencies == ["Reuters"]
    for e in art.entities:
        for m in e.mentions:
            assert body[m.start:m.end] == m.text
    for ev in art.events:
        for sp in ev.evidence:
            assert body[sp.start:sp.end] == sp.text


def test_pipeline_dateline_reading_holds_for_the_article(ex: Extractor) -> None:
    text = ("Kochi: The Kerala industries department will sign an MoU with five Japanese "
            "cities at a fair in Kochi on Friday, the state said.")
    art = ex.extract(text, published="2025-10-14")
    names = {e.name for e in art.entities}
    assert "Kochi" in names and "Kochi Prefecture" not in names
    kochi = next(e for e in art.entities if e.name == "Kochi")
    assert len(kochi.mentions) == 2
    for m in kochi.mentions:
        assert text[m.start:m.end] == m.text == "Kochi"


def test_pipeline_jetro_line_is_the_place_not_a_name(ex: Extractor) -> None:
    text = "州政府代表団が訪日\nチェンナイ発\n2025年08月04日\nタミル・ナドゥ州の工業相が訪日した。"
    art = ex.extract(text, published="2025-08-04")
    names = {e.name for e in art.entities}
    assert "Chennai" in names
    assert not any("Hatsu" in n for n in names)
