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


def test_named_programme_keeps_its_policy_word() -> None:
    # 生産連動型優遇策 is the PLI scheme (a programme in the KB): widening it is a policy
    text = ("インド政府は、電子部品の国内生産を支援する生産連動型優遇策（PLI）の対象を"
            "拡大すると発表した。")
    assert _policies(text)


def test_scheme_set_up_or_rules_eased_is_a_policy() -> None:
    assert _policies("愛知県はインドに進出する県内企業に対し、調査費の半額を補助する制度を設けた。")
    assert _policies("インド商工省は外資規制を緩和し、100%出資を認める方針を示した。")
    # a company's plan is no policy
    assert not _policies("同社はインドでの販売を拡大する方針を示した。")
