"""Matcher.has_name answers bool(find(text)) and stops at the first name."""

from __future__ import annotations

import pytest

from pactwatch.kb.loader import load_kb
from pactwatch.kb.matcher import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(load_kb([]))


@pytest.mark.parametrize("text", [
    "Heavy rain flooded low-lying roads for the third day; schools stayed shut.",
    "The delegation from Gujarat met officials of Toyota in Aichi on Monday.",
    "जापान की कंपनी ने उत्तर प्रदेश में निवेश की घोषणा की।",
    "静岡県の企業がインドに進出する。",
    "the word japan in lower case, as in a web address, names nothing",
    "JETRO and the MoU",
])
def test_kb_matcher_has_name_agrees_with_find(matcher: Matcher, text: str) -> None:
    assert matcher.has_name(text) == bool(matcher.find(text))


def test_kb_matcher_has_name_false_without_names(matcher: Matcher) -> None:
    assert not matcher.has_name("Heavy rain flooded low-lying roads; schools stayed shut.")
    assert matcher.has_name("Officials of Gujarat met a delegation.")


def test_kb_matcher_find_keeps_longest_without_overlaps(matcher: Matcher) -> None:
    found = matcher.find("Maruti Suzuki India will expand in Gujarat, said Suzuki Motor.")
    spans = [(m.start, m.end) for m in found]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert any(m.text.startswith("Maruti Suzuki") for m in found)
