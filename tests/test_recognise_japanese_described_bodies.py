"""Japanese bodies named only by subject words (a research centre, a state's agency)
have no proper noun to tell them from a description; when every word of the name has an
English word in ``org_words`` and there are two or more with the head's own, the name is
a body, named in English.  One subject word is a description, and a company's own
"技術研究所" is no body.  A name followed by an acronym the KB knows is that body."""

from __future__ import annotations

import pactwatch


def _orgs(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2025-07-30", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"] if e["type"] == "ORG"}


def test_research_centre_of_subject_words_is_a_body() -> None:
    orgs = _orgs("一行はインド・ウッタル・プラデシュ州から来日し、水素・燃料電池研究センターを視察した。")
    assert orgs["Hydrogen Fuel Cell Research Center"]["kind"] == "research_centre"


def test_state_agency_after_a_name_in_brackets() -> None:
    orgs = _orgs("インドから来県したのはスニタ・ラオ副長官（再生可能エネルギー開発庁）ら5人。")
    assert "Renewable Energy Development Agency" in orgs, orgs


def test_description_and_company_lab_are_no_bodies() -> None:
    orgs = _orgs("同社はインドに新たな研究センターを設け、技術研究所の人員を増やす。")
    assert not [n for n in orgs if "Research" in n], orgs


def test_name_before_a_known_acronym_is_that_body() -> None:
    orgs = _orgs("インドのヤムナ高速道路産業開発庁（YEIDA）の幹部が来日した。")
    assert "Yamuna Expressway Industrial Development Authority" in orgs, orgs
    assert len([n for n in orgs if "Yamuna" in n]) == 1, orgs
