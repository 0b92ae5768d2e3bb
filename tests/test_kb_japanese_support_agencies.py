"""The KB names the Japanese bodies that support firms abroad by their official English
names, so Japanese news that names them in kanji links them (issue 9: Japanese ORG recall
on unseen text: such names were missed or romanised)."""

from __future__ import annotations

import pactwatch


def test_japanese_support_agencies_are_linked() -> None:
    rec = pactwatch.extract("日本政策金融公庫と中小企業基盤整備機構、産業技術総合研究所は"
                            "インド商工会議所連合会と協力する。", published="2026-01-01",
                            lang="ja").to_dict()
    names = {e["name"]: e for e in rec["entities"]}
    assert "Japan Finance Corporation" in names
    assert "Organization for Small & Medium Enterprises and Regional Innovation" in names
    assert "National Institute of Advanced Industrial Science and Technology" in names
    assert "Federation of Indian Chambers of Commerce and Industry" in names
    assert names["Japan Finance Corporation"]["country"] == "JP"
