"""The per-article memo answers repeated questions once, only during an extraction, and
never lets one caller's changes reach another."""

from __future__ import annotations

from pactwatch.events import memo
from pactwatch.events.amounts import find_amounts


def test_events_memo_keeps_answers_only_inside_an_article() -> None:
    calls: list[str] = []

    @memo.per_article
    def words(text: str) -> list[str]:
        calls.append(text)
        return text.split()

    words("a b")
    words("a b")
    assert len(calls) == 2  # outside an extraction: runs as written
    with memo.article():
        first = words("a b")
        first.append("changed")
        assert words("a b") == ["a", "b"]  # a copy for each caller
        assert len(calls) == 3
        words("c")
        assert len(calls) == 4
    assert not memo._MEMO  # forgotten when the extraction ends
    words("a b")
    assert len(calls) == 5


def test_events_memo_real_finder_same_answer() -> None:
    s = "Toyota will invest Rs 500 crore in a new plant in Gujarat."
    plain = find_amounts(s, "en")
    with memo.article():
        assert find_amounts(s, "en") == plain
        assert find_amounts(s, "en") == plain
    assert plain and plain[0].value == 5_000_000_000
