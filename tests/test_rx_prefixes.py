"""rx.prefixes: the strings every match begins with, the sector scan's prefilter."""

from __future__ import annotations

from pathlib import Path

import regex

from pactwatch.events import sectors
from pactwatch.rx import prefixes

CORPUS = Path(__file__).parent / "corpus"


def test_prefixes_of_words_options_and_classes() -> None:
    assert prefixes(["cars?|passenger cars?"], k=3) == ["car", "pas"]
    assert prefixes(["e-?x"], k=3) == ["e-x", "ex"]
    assert prefixes(["tier[- ](?:1|2)"], k=6) == ["tier 1", "tier 2", "tier-1", "tier-2"]
    assert prefixes(["IT", "AI"], k=4) == ["AI", "IT"]


def test_prefixes_skip_lookarounds_and_cut_at_what_they_cannot_read() -> None:
    # a regex-only lookbehind of any width and a property inside a lookahead
    pat = r"(?<!\bat\s+(?:[\w-]+\s+){0,3})(?:hotels?|resorts?)(?!\s+(?-i:\p{Lu}))"
    assert prefixes([pat], k=3) == ["hot", "res"]
    # \w ends the prefix: "a" alone still begins every match
    assert prefixes([r"a\w+"], k=3) == ["a"]


def test_prefixes_give_none_when_a_match_may_begin_anywhere() -> None:
    assert prefixes([r"\w+"]) is None
    assert prefixes(["x*"]) is None
    assert prefixes(["(?i)abc"]) is None
    assert prefixes([r"[\p{L}]x"]) is None


def test_prefixes_begin_every_match_in_text() -> None:
    pats = [r"auto[- ]?(?:components?|parts)", r"(?:automo(?:tive|bile)|car) (?:\w+ ){0,2}axles?"]
    starts = prefixes(pats, k=4)
    assert starts is not None
    text = "Auto-parts and automobile front axles, car parts, autoparts and Car big rear axle."
    for pat in pats:
        for m in regex.finditer(pat, text, regex.I, overlapped=True):
            assert any(m.group().casefold().startswith(s.casefold()) for s in starts), m.group()


def test_sector_starts_equal_a_scan_of_every_position() -> None:
    """The prefiltered scan finds exactly the starts the plain alternation finds."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
    assert texts
    for lang in ("en", "hi", "ja"):
        assert all(scan.first is not None for scan in sectors._SCANS[lang])
        for text in texts:
            full = sorted({m.start() for scan in sectors._SCANS[lang]
                           for m in scan.pattern.finditer(text, overlapped=True)})
            assert sectors._starts(text, lang) == full


def test_prefixes_read_a_class_with_a_property_as_any_character() -> None:
    assert prefixes([r"(?<![\p{L}\p{M}\p{N}])(?:ab|cd)"], k=3) == ["ab", "cd"]
    assert prefixes([r"[\p{L}]x"]) is None


def test_sector_hits_equal_without_the_group_prefilters(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each group is tried only where its own words may begin: the same hits."""
    import dataclasses

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*/*.txt"))]
    inner = sectors.find_sectors.__wrapped__  # type: ignore[attr-defined]
    for lang in ("en", "hi", "ja"):
        assert all(g.first is not None for g in sectors._GROUPS[lang])
    fast = {(t, lang): inner(t, lang) for t in texts for lang in ("en", "hi", "ja")}
    plain = {lang: [dataclasses.replace(g, first=None) for g in gs]
             for lang, gs in sectors._GROUPS.items()}
    monkeypatch.setattr(sectors, "_GROUPS", plain)
    for (t, lang), hits in fast.items():
        assert inner(t, lang) == hits
