"""Tests for status cues and the per-trigger status choice (sentences written here)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pactwatch.events.status import Cue, clause_bounds, sentence_status, status_cues
from pactwatch.record import STATUSES

DATA = Path(__file__).resolve().parents[1] / "src" / "pactwatch" / "events" / "data"


def _status_at(sentence: str, lang: str, word: str) -> str | None:
    return sentence_status(sentence, lang, sentence.index(word))


def test_status_yaml_uses_only_contract_statuses() -> None:
    data = yaml.safe_load((DATA / "status.yaml").read_text(encoding="utf-8"))
    assert set(data["cues"]) == set(STATUSES)
    for status, by_lang in data["cues"].items():
        assert set(by_lang) == {"en", "hi", "ja"}, status
    assert set(data["settings"]) == {"en", "hi", "ja"}
    for lang, settings in data["settings"].items():
        assert settings["verb_side"] in {"before", "after"}, lang


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Honda will not open the plant; it said so on Friday.", "en"),
        ("कंपनी अगले साल नया कारखाना लगाएगी और निवेश की घोषणा की।", "hi"),
        ("同社は新工場を建設する予定で、承認を得た。", "ja"),
    ],
)
def test_status_cue_offsets_match_text(sentence: str, lang: str) -> None:
    cues = status_cues(sentence, lang)
    assert cues
    for c in cues:
        assert isinstance(c, Cue)
        assert sentence[c.start:c.end] == c.text
        assert c.status in STATUSES


@pytest.mark.parametrize(
    ("sentence", "lang", "word", "expected"),
    [
        ("Mazda will set up an assembly plant in Pune.", "en", "plant", "planned"),
        ("The state is set to unveil a new EV policy.", "en", "policy", "planned"),
        ("Hitachi plans to invest in Assam.", "en", "invest", "planned"),
        ("Kubota expressed interest in investing in the state.", "en", "investing", "intended"),
        ("The firm is keen to invest in Odisha.", "en", "invest", "intended"),
        ("Assam and Shizuoka signed an MoU in Tokyo.", "en", "MoU", "signed"),
        ("The MoU was inked on Monday.", "en", "MoU", "signed"),
        ("The chief minister inaugurated the factory.", "en", "factory", "completed"),
        ("The delegation met executives of Hitachi.", "en", "met", "completed"),
        ("The unit began production last month.", "en", "unit", "operational"),
        ("The cabinet approved the township.", "en", "township", "approved"),
        ("Panasonic announced an investment of Rs 200 crore.", "en", "investment", "announced"),
        ("कंपनी राज्य में नया प्लांट लगाएगी।", "hi", "प्लांट", "planned"),
        ("मंत्री अगले महीने जापान की यात्रा करेंगे।", "hi", "यात्रा", "planned"),
        ("दोनों पक्षों ने एमओयू पर हस्ताक्षर किए।", "hi", "एमओयू", "signed"),
        ("एमओयू पर हस्ताक्षर किए जाएंगे।", "hi", "एमओयू", "planned"),
        ("कंपनी ने निवेश करने में रुचि दिखाई है।", "hi", "निवेश", "intended"),
        ("मुख्यमंत्री ने उद्योगपतियों से मुलाकात की।", "hi", "मुलाकात", "completed"),
        ("नई नीति को मंजूरी मिल गई है।", "hi", "नीति", "approved"),
        ("सरकार ने नई नीति की घोषणा की।", "hi", "नीति", "announced"),
        ("कारखाना अब चालू है।", "hi", "कारखाना", "operational"),
        ("両者は覚書に署名した。", "ja", "覚書", "signed"),
        ("新工場は来年の稼働開始を目指す。", "ja", "新工場", "planned"),
        ("知事はインドを訪問する予定だ。", "ja", "訪問", "planned"),
        ("同社はインドへの投資を検討している。", "ja", "投資", "intended"),
        ("新工場が稼働中だ。", "ja", "新工場", "operational"),
        ("政府は新たな支援策を発表した。", "ja", "支援策", "announced"),
        ("知事は大臣と会談した。", "ja", "会談", "completed"),
        ("州首相が工場を視察した。", "ja", "視察", "completed"),
    ],
)
def test_status_for_trigger(sentence: str, lang: str, word: str, expected: str) -> None:
    assert _status_at(sentence, lang, word) == expected


@pytest.mark.parametrize(
    ("sentence", "lang", "word"),
    [
        ("The company did not sign the MoU in the end.", "en", "MoU"),
        ("Toyota won't build the plant this year.", "en", "plant"),
        ("The visit was cancelled at the last minute.", "en", "visit"),
        ("The state will not offer the incentive.", "en", "incentive"),
        ("कंपनी राज्य में निवेश नहीं करेगी।", "hi", "निवेश"),
        ("मुख्यमंत्री का दौरा रद्द हो गया।", "hi", "दौरा"),
        ("覚書の締結は見送られた。", "ja", "覚書"),
        ("同社は工場を建設しない方針だ。", "ja", "工場"),
    ],
)
def test_status_negation_wins(sentence: str, lang: str, word: str) -> None:
    assert _status_at(sentence, lang, word) == "negated"


def test_status_negation_overrides_modal_without_trigger() -> None:
    assert sentence_status("The firm will not invest.", "en") == "negated"
    assert sentence_status("कंपनी निवेश नहीं करेगी।", "hi") == "negated"


def test_status_ignored_lookalikes_are_no_cues() -> None:
    assert _status_at("Not only the visit but the talks went well.", "en", "visit") is None
    assert sentence_status("Interest rates rose.", "en") is None
    # "योगी" (a name) must not read as the future ending "-ओगी"
    assert sentence_status("योगी आदित्यनाथ", "hi") is None


def test_status_clause_limits_cues() -> None:
    sentence = "Sony will expand its unit; the older plant closed years ago"
    lo, hi = clause_bounds(sentence, "en", sentence.index("plant"))
    assert sentence[lo:hi].strip().startswith("the older plant")
    assert _status_at(sentence, "en", "unit") == "planned"


def test_status_longest_cue_wins_over_nested_one() -> None:
    cues = status_cues("新工場は稼働開始を目指す。", "ja")
    assert [(c.text, c.status) for c in cues] == [("稼働開始を目指す", "planned")]
    cues = status_cues("Odisha would like to work with Japanese firms.", "en")
    assert [(c.text, c.status) for c in cues] == [("would like to", "intended")]


def test_status_weak_cue_only_without_strong_one() -> None:
    assert sentence_status("The minister said the plant is ready.", "en") == "announced"
    sentence = "The minister said Toyota will open a plant."
    assert _status_at(sentence, "en", "plant") == "planned"


def test_status_devanagari_future_needs_word_boundary() -> None:
    cues = status_cues("वे समझौता करेंगे", "hi")
    assert [c.text for c in cues] == ["करेंगे"]


def test_status_none_without_cue_or_language() -> None:
    assert sentence_status("A plant in Pune.", "en", 2) is None
    assert sentence_status("The firm will invest.", "fr") is None
    assert status_cues("The firm will invest.", "fr") == []


def test_status_japanese_chain_takes_final_verb() -> None:
    sentence = "知事は大臣と会談し、工業団地に関する覚書に署名した。"
    assert _status_at(sentence, "ja", "会談") == "signed"


def test_status_hindi_headline_order_and_seal() -> None:
    assert _status_at("राज्य ने एमओयू पर किए हस्ताक्षर", "hi", "एमओयू") == "signed"
    assert _status_at("निवेश समझौते पर मुहर", "hi", "समझौते") == "signed"


def test_status_other_side_cue_needs_to_be_close() -> None:
    sentence = (
        "Speaking at a meeting with the visiting delegation of lawmakers, the minister "
        "said the state aims to attract investors."
    )
    assert _status_at(sentence, "en", "meeting") is None
    assert _status_at("The MoU was signed on Friday.", "en", "MoU") == "signed"


def test_status_hindi_complement_clause_is_separate() -> None:
    sentence = "बैठक में मंत्री ने कहा कि कंपनी निवेश करेगी।"
    assert _status_at(sentence, "hi", "बैठक") != "planned"
    assert _status_at(sentence, "hi", "निवेश") == "planned"
