"""Japanese copy marks a company the knowledge base lacks by its head office in brackets
("クラフトラボ（本社：ムンバイ）") or by the counter 社 after its name ("ログネクスト社は"):
the name is a company, named without 社, its business loanwords in English.  Dots that
join the words of a long katakana name do not count as words of it."""

from __future__ import annotations

import pactwatch


def _orgs(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2026-03-02", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"] if e["type"] == "ORG"}


def test_name_before_its_head_office_is_a_company() -> None:
    orgs = _orgs("クラフトラボ（本社：ムンバイ）は、三井物産から出資を受けたと発表した。")
    assert orgs["Craft Lab"]["kind"] == "company"


def test_counter_sha_is_no_part_of_the_name() -> None:
    orgs = _orgs("インドのスタートアップ、ログネクスト社は、日本の商社と協業する。")
    assert not any(n.endswith("Sha") for n in orgs), orgs
    assert any(n.endswith("Next") for n in orgs), orgs


def test_loanword_before_sha_is_no_company() -> None:
    assert not _orgs("同社はインドのメーカー社と協議した。")


def test_long_katakana_name_keeps_all_its_words() -> None:
    orgs = _orgs("ナショナル・スキル・デベロップメント・コーポレーション（NSDC）は覚書を結んだ。")
    assert "National Skill Development Corporation" in orgs, orgs
