"""A headline with a date-and-time line right under it (NHK's and Nikkei's pages: "2026年2
月18日 19時05分", "2025年9月12日 5:00") is the title, as one above a blank line is; its
clauses then summarise the body's events instead of adding their own."""

from __future__ import annotations

import pactwatch
from pactwatch.normalise import guess_title


def test_title_above_a_timestamp_line() -> None:
    body = ("ラジャスタン州首相が来日　経団連と懇談　デンソーと基本合意\n2026年2月18日 19時05分\n\n"
            "ラジャスタン州のバジャン・ラル・シャルマ州首相は17日、東京で経団連の幹部らと懇談した。")
    assert guess_title(body) == "ラジャスタン州首相が来日　経団連と懇談　デンソーと基本合意"
    assert guess_title(body.replace("19時05分", "5:00")) is not None


def test_a_first_sentence_above_a_date_line_without_time_is_no_title() -> None:
    body = "ラジャスタン州は18日、デンソーと覚書を締結した。\n2026年2月18日\n同社は工場を新設する。"
    assert guess_title(body) is None


def test_headline_above_a_timestamp_merges_into_the_body() -> None:
    """The headline's refused hydrogen pact is the body's, not a second one."""
    art = pactwatch.extract(
        "静岡県とラジャスタン州、2件の覚書　水素分野は合意に至らず\n2025年10月3日 5:00\n\n"
        "静岡県の鈴木康友知事は2日、ジャイプールでバジャン・ラル・シャルマ州首相と会談し、"
        "自動車部品と人材育成に関する2件の覚書を交わした。"
        "水素分野の協力についても協議したが、覚書の締結には至らなかった。",
        published="2025-10-03", lang="ja").to_dict()
    agreements = [e for e in art["events"] if e["type"] == "agreement"]
    assert sorted(e["status"] for e in agreements) == ["negated", "signed"]
