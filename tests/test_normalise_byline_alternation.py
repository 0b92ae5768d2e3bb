"""normalise._any_of: one alternation of the byline patterns answers as they do one by one."""

from __future__ import annotations

from pathlib import Path

from pactwatch import normalise as N

CORPUS = Path(__file__).parent / "corpus"


def test_alternation_matches_the_lines_the_patterns_match() -> None:
    lines = [line for p in sorted(CORPUS.glob("**/*.txt"))
             for line in p.read_text(encoding="utf-8").split("\n")]
    lines += ["By Asha Rao", "(With inputs from PTI)", "Also read: Tata's new plant",
              "ALSO READ | Toyota", "Disclaimer: this is", "Tags: Japan, India",
              "Reporting by A; Editing by B", "© 2025 The Paper"]
    for lang in ("en", "hi", "ja"):
        either = N._any_of(lang, "byline_patterns")
        assert either is not None
        one_by_one = [any(p.search(line) for p in N._compiled(lang, "byline_patterns"))
                      for line in lines]
        assert any(one_by_one)
        assert [either.search(line) is not None for line in lines] == one_by_one


def test_unsafe_items_are_not_joined() -> None:
    assert N._UNSAFE_IN_ALTERNATION.search(r"a(?i)b")
    assert N._UNSAFE_IN_ALTERNATION.search(r"(a)\1")
    assert not N._UNSAFE_IN_ALTERNATION.search(r"^\s*\(?(?:Edited|Written) by")
    assert not N._UNSAFE_IN_ALTERNATION.search(r"x(?i:editor)")
