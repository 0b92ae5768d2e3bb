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


def test_international_bodies_and_firms_in_japanese_copy() -> None:
    """Multilateral bodies, exchanges, asset managers and mid-sized Japanese firms in
    India are linked by their English names (their Japanese names read in Hepburn gave
    "Sekai Bank", "Nagase Sangyo", "Asettomanejimento Nomura")."""
    rec = pactwatch.extract("世界銀行とアジア開発銀行、経済協力開発機構は予測を引き上げた。"
                            "野村アセットマネジメントや東京証券取引所、長瀬産業、山九、"
                            "ゴールドマン・サックスも注目する。", published="2026-01-01",
                            lang="ja").to_dict()
    names = {e["name"]: e for e in rec["entities"]}
    assert {"World Bank", "Asian Development Bank",
            "Organisation for Economic Co-operation and Development",
            "Nomura Asset Management", "Tokyo Stock Exchange", "Nagase & Co.", "Sankyu",
            "Goldman Sachs"} <= set(names)
    assert names["World Bank"]["country"] is None
