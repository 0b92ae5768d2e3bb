"""Foreign companies the knowledge base lacks end their katakana names in a business
word (エナジー, ロジスティクス, ウェアハウジング...), and federations and public
corporations in 連盟 and 公社: the name before the head makes the organisation when it has
a word that is no loanword (or, for a body, words ``org_words`` translates)."""

from __future__ import annotations

import pactwatch

TEXT = ("住友商事はアバーダ・エナジーと、日本通運はマヘシュ・ロジスティクス・プライベート・リミテッドと"
        "覚書を結んだ。日本プラスチック工業連盟と、日本貿易保険とインド輸出信用保証公社も覚書を"
        "交わした。")


def _orgs(text: str) -> dict[str, dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2026-02-10", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"] if e["type"] == "ORG"}


def test_katakana_names_ending_in_business_words() -> None:
    orgs = _orgs(TEXT)
    assert any(n.endswith("Energy") and n.startswith("Ab") for n in orgs), orgs
    assert any(n.endswith("Logistics") for n in orgs), orgs


def test_federation_and_public_corporation() -> None:
    orgs = _orgs(TEXT)
    assert orgs["India Export Credit Guarantee Corporation"]["kind"] == "state_agency"
    assert any(n.endswith("Federation") and "Plastic" in n for n in orgs), orgs


def test_loanwords_alone_before_a_business_word_are_no_name() -> None:
    assert not _orgs("同社はグリーン・エナジーの分野で覚書を結んだ。")
