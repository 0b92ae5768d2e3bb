"""Japanese policy cues that report no policy adopted now: a scheme already in force or
one a company draws on (the Japanese "under the existing policy"), and a policy word that
is part of an organisation's name (日本政策金融公庫, Japan Finance Corporation)."""

from __future__ import annotations

import pactwatch
from pactwatch.events.triggers import find_triggers


def _policies(text: str) -> list[dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2026-02-21", lang="ja").to_dict()
    return [e for e in rec["events"] if e["type"] == "policy"]


def test_existing_scheme_is_no_policy_trigger() -> None:
    assert not [t for t in find_triggers("州の既存の補助金制度を活用するよう提案した。", "ja")
                if t.type == "policy"]
    assert not [t for t in find_triggers("同社は州の優遇措置を活用して工場を建てる。", "ja")
                if t.type == "policy"]


def test_new_scheme_is_still_a_policy() -> None:
    text = "タミル・ナドゥ州政府は20日、日本企業向けの新たな補助金制度を創設したと発表した。"
    assert _policies(text)


def test_policy_word_inside_an_organisation_name_is_no_policy() -> None:
    text = ("東和製作所はタミル・ナドゥ州ホスールに工場を新設する。"
            "資金面では名古屋銀行と日本政策金融公庫が支援する。")
    assert not _policies(text)
