"""Japanese: a 商談会 (business fair) someone is invited to is no meeting of named sides,
as an investors' meet is not; 商談 (business talks) between named sides still is."""

from __future__ import annotations

import pactwatch

HEAD = "愛知県の大村秀章知事は10日、ベンガルールでカルナタカ州のM・B・パティル大規模・中規模産業相と面会した。"


def _meetings(text: str) -> list[dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2025-10-12", lang="ja").to_dict()
    return [e for e in rec["events"] if e["type"] == "meeting"]


def test_events_japanese_fair_one_is_invited_to_is_no_second_meeting() -> None:
    talks = _meetings(HEAD + "知事は来年春に名古屋市で開く商談会にパティル氏を招待した。")
    assert len(talks) == 1, talks
    assert talks[0]["status"] == "completed"


def test_events_japanese_business_talks_are_a_meeting() -> None:
    text = ("カルナタカ州のM・B・パティル大規模・中規模産業相は10日、"
            "トヨタ自動車の幹部と東京で商談した。")
    assert _meetings(text)
