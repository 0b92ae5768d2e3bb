"""Tests for the trigger lexicon and matcher (sentences written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pactwatch.events.triggers import Trigger, find_triggers, fold_nukta
from pactwatch.record import EVENT_TYPES

DATA = Path(__file__).resolve().parents[1] / "src" / "pactwatch" / "events" / "data"


def _types(text: str, lang: str) -> dict[str, list[Trigger]]:
    out: dict[str, list[Trigger]] = {}
    for t in find_triggers(text, lang):
        out.setdefault(t.type, []).append(t)
    return out


def test_triggers_yaml_uses_only_contract_types_and_languages() -> None:
    data = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
    assert set(data) == set(EVENT_TYPES)
    for etype, by_lang in data.items():
        assert set(by_lang) == {"en", "hi", "ja"}, etype
        for lang, entries in by_lang.items():
            assert len(entries) >= 5, (etype, lang)
            for entry in entries:
                assert isinstance(entry["pattern"], str)
                assert entry.get("strength", "strong") in {"strong", "weak"}
                assert set(entry) <= {"pattern", "strength", "negative", "case"}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Punjab delegation signed three MoUs with Osaka firms during its visit.", "en"),
        ("गुजरात के मंत्री जापान दौरे पर गए और कंपनियों के साथ बैठक की।", "hi"),
        ("知事は東京を訪問し、自動車メーカーと覚書を締結した。", "ja"),
    ],
)
def test_triggers_offsets_match_text(text: str, lang: str) -> None:
    found = find_triggers(text, lang)
    assert found
    assert [t.start for t in found] == sorted(t.start for t in found)
    for t in found:
        assert text[t.start:t.end] == t.text
        assert t.type in EVENT_TYPES


def test_triggers_english_all_types() -> None:
    text = (
        "The minister visited Nagoya, met executives, signed an MoU, invited them to invest "
        "Rs 500 crore under the new EV policy at a plant in the industrial park."
    )
    assert set(_types(text, "en")) == set(EVENT_TYPES)


def test_triggers_hindi_all_types() -> None:
    text = (
        "मंत्री के जापान दौरे में बैठक हुई, एमओयू पर हस्ताक्षर हुए, कंपनी को निवेश के लिए "
        "आमंत्रित किया गया, नई नीति बनी और नया प्लांट लगेगा।"
    )
    assert set(_types(text, "hi")) == set(EVENT_TYPES)


def test_triggers_japanese_all_types() -> None:
    text = "来日した州首相は会談で覚書に署名し、投資を呼びかけ、新たな政策と工業団地を紹介した。"
    assert set(_types(text, "ja")) == set(EVENT_TYPES)


def test_triggers_devanagari_boundaries() -> None:
    visits = _types("मुख्यमंत्री का जापान दौरा सफल रहा।", "hi")["visit"]
    assert [t.text for t in visits] == ["दौरा"]
    assert "policy" not in _types("राज्य की राजनीति गरम है।", "hi")
    assert "policy" not in _types("कंपनी की रणनीति बदली।", "hi")
    # "दौरान" (during) is not "दौरा" (visit)
    assert "visit" not in _types("बैठक के दौरान चर्चा हुई।", "hi")


def test_triggers_hindi_nukta_spellings_both_match() -> None:
    with_nukta = find_triggers("नई फ़ैक्ट्री खुलेगी", "hi")
    without = find_triggers("नई फैक्ट्री खुलेगी", "hi")
    assert [t.type for t in with_nukta] == [t.type for t in without] == ["facility"]
    assert fold_nukta("ज़") == fold_nukta("ज")


def test_triggers_english_case_insensitive_but_boundaries() -> None:
    hits = _types("MOU and memorandum of understanding; visitors are not a visit-like event", "en")
    texts = [t.text for t in hits["agreement"]]
    assert "MOU" in texts and "memorandum of understanding" in texts
    # "visitors" must not yield "visit"; only the standalone "visit" does
    assert [t.text for t in hits["visit"]] == ["visit"]


def test_triggers_overlapping_same_type_keeps_longest() -> None:
    hits = _types("They exchanged the memorandum of cooperation yesterday.", "en")["agreement"]
    assert len(hits) == 1
    assert hits[0].text == "exchanged the memorandum of cooperation"
    ja = _types("新工場を建設する。", "ja")["facility"]
    assert [t.text for t in ja] == ["新工場"]


def test_triggers_strength_strong_and_weak() -> None:
    hits = {t.text: t.strength for t in find_triggers("They signed an MoU.", "en")}
    assert hits == {"signed": "weak", "MoU": "strong"}


def test_triggers_negative_entries_remove_lookalikes() -> None:
    assert "visit" not in _types("Please visit our website for details.", "en")
    assert "agreement" not in _types("The memorandum of association was amended.", "en")
    assert "agreement" not in _types("Officials will deal with the backlog.", "en")
    assert "facility" not in _types("The Centre's scheme helps states.", "en")
    assert "meeting" not in _types("記者会見で説明した。", "ja")


def test_triggers_different_types_may_overlap() -> None:
    types = {t.type for t in find_triggers("投資奨励制度を設けた。", "ja")}
    assert {"investment", "policy"} <= types
    # a courtesy call on a person is a meeting only, no journey (its visit look-alike
    # is a negative entry)
    types = {t.type for t in find_triggers("表敬訪問を行った。", "ja")}
    assert "meeting" in types and "visit" not in types


def test_triggers_japanese_latin_tokens_need_latin_boundaries() -> None:
    assert [t.text for t in find_triggers("州政府とMoUを締結", "ja") if t.type == "agreement"] == [
        "MoU", "締結"
    ]
    assert not [t for t in find_triggers("XMOUSE", "ja") if t.type == "agreement"]


def test_triggers_unknown_language_is_empty() -> None:
    assert find_triggers("The delegation visited Tokyo.", "fr") == []


def test_triggers_journeys_told_as_a_lead_a_return_or_a_delegation_that_went() -> None:
    # "will lead a delegation to Japan": a journey, not a delegation alone
    assert [t.strength for t in _types(
        "The chief minister will lead a delegation to Japan on May 23.", "en")["visit"]] \
        .count("strong") >= 1
    assert "visit" not in {t.type for t in find_triggers(
        "He led a delegation to meet the minister.", "en") if t.strength == "strong"}
    assert any(t.strength == "strong" for t in _types(
        "The minister returned from Japan on Sunday.", "en")["visit"])
    assert any(t.strength == "strong" for t in _types(
        "फ्रांस गए महाराष्ट्र के प्रतिनिधिमंडल ने करार पर दस्तखत किए।", "hi")["visit"])
