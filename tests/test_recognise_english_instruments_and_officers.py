"""A named treaty or act is no entity (ANNOTATION.md counts persons, bodies and places),
and the words before "Officer" are an officer's title, not a body.  Texts are the
team's own (written for issue 9's unseen-text probes)."""

from __future__ import annotations

import pactwatch


def _names(text: str, published: str = "2026-02-18") -> set[str]:
    return {e["name"] for e in pactwatch.extract(text, published=published).to_dict()["entities"]}


def test_recognise_treaty_name_is_no_org() -> None:
    names = _names(
        "Seoul, Feb 18 (PTI) Korean investment in Gujarat has grown since the Comprehensive "
        "Economic Partnership Agreement came into force, Gujarat's Industries Minister "
        "Balwantsinh Rajput said after meeting executives of LG Electronics on Wednesday.")
    assert "Comprehensive Economic Partnership Agreement" not in names
    assert {"Gujarat", "LG Electronics"} <= names


def test_recognise_words_before_officer_are_a_title() -> None:
    names = _names(
        "Lucknow, March 12, 2026\n\nUttar Pradesh Chief Minister Yogi Adityanath met "
        "executives of Daikin on Thursday.\n\nIssued by the Chief Public Relations Officer "
        "to the Chief Minister, Lucknow.")
    assert "Chief Public Relations" not in names
    assert {"Uttar Pradesh", "Yogi Adityanath"} <= names
