"""Katakana vowel length is written loosely in transcribed names: the matcher meets both
spellings and keeps the length mark in the span; a short name must be spelt exactly."""

from __future__ import annotations

from pactwatch.kb.loader import KB, entry_from_dict
from pactwatch.kb.matcher import Matcher


def _found(text: str) -> list[tuple[str, str]]:
    rows = [
        {"id": "in-city:pithampur", "name": "Pithampur", "type": "PLACE", "kind": "city",
         "country": "IN", "aliases": {"ja": ["ピタンプール"]}},
        {"id": "in-city:delhi", "name": "Delhi", "type": "PLACE", "kind": "city",
         "country": "IN", "aliases": {"ja": ["デリー"]}},
        {"id": "in-city:kochi", "name": "Kochi", "type": "PLACE", "kind": "city",
         "country": "IN", "aliases": {"ja": ["コチ"]}},
    ]
    kb = KB(entry_from_dict(r, "test") for r in rows)
    return [(m.text, m.candidates[0][0]) for m in Matcher(kb).find(text)]


def test_long_vowel_written_elsewhere() -> None:
    assert _found("近郊のピータンプル工業団地で") == [("ピータンプル", "in-city:pithampur")]


def test_trailing_length_mark_stays_in_the_span() -> None:
    assert _found("首都デリーで会談") == [("デリー", "in-city:delhi")]


def test_short_name_needs_its_own_length() -> None:
    assert _found("新しいコーチが就任") == []
    assert _found("南部のコチで") == [("コチ", "in-city:kochi")]


def test_short_name_links_only_the_entries_spelt_so() -> None:
    """Two short names whose loose keys meet ("リコー" Ricoh, "リコ" RIICO) each link only
    the entry spelt as written: the loose fold had made Ricoh a Rajasthan agency."""
    rows = [
        {"id": "co:ricoh", "name": "Ricoh", "type": "ORG", "kind": "company",
         "country": "JP", "aliases": {"ja": ["リコー"]}},
        {"id": "gov:riico", "name": "RIICO", "type": "ORG", "kind": "state_agency",
         "country": "IN", "aliases": {"ja": ["リコ"]}},
    ]
    matcher = Matcher(KB(entry_from_dict(r, "test") for r in rows))
    assert [(m.text, [c for c, _ in m.candidates]) for m in matcher.find("大手のリコーは")] \
        == [("リコー", ["co:ricoh"])]
    assert [(m.text, [c for c, _ in m.candidates]) for m in matcher.find("州のリコが")] \
        == [("リコ", ["gov:riico"])]
