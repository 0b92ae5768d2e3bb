"""A KB company in a katakana spelling the KB lacks, where voicing or small vowels differ
("ハベルズ" for the KB's ハベルス, Havells): Japanese copy spells Indian names by ear, so
the whole katakana run is looked up by its sound key too (issue 9: Japanese ORG recall on
unseen text).  A loanword never is, nor a key shorter than six letters."""

from __future__ import annotations

import pactwatch


def _orgs(text: str) -> set[str]:
    rec = pactwatch.extract(text, published="2026-01-01", lang="ja").to_dict()
    return {e["name"] for e in rec["entities"] if e["type"] == "ORG"}


def test_voicing_variant_links_the_kb_company() -> None:
    assert "Havells India" in _orgs("インドでは、ハベルズなどがエアコン事業を拡大している。")


def test_loanwords_stay_unlinked() -> None:
    assert _orgs("新たなソリューションとプラットフォームを発表した。") == set()
