"""Normalise: datelines, credits, sentences, language, publication date."""

from __future__ import annotations

import pytest

from pactwatch.normalise import ascii_digits, normalise, split_sentences
from pactwatch.read.base import Document


def _norm(text: str, **kw: str):
    return normalise(Document(doc="t.txt", text=text, **kw))


@pytest.mark.parametrize(
    ("body", "place", "agencies"),
    [
        ("Chennai, Mar 4 (PTI) The state signed a pact with a Japanese firm.", "Chennai", ["PTI"]),
        ("Tokyo [Japan], October 6 (ANI): The minister met the envoy.", "Tokyo", ["ANI"]),
        ("MUMBAI: The state cabinet approved the new policy on Friday.", "MUMBAI", []),
        ("NEW DELHI, July 20 (Reuters) — India and Japan held talks.", "NEW DELHI", ["Reuters"]),
        ("नई दिल्ली, 7 अक्टूबर (भाषा) भारत और जापान ने समझौता किया।", "नई दिल्ली", ["PTI-Bhasha"]),
        ("चंडीगढ़, 7 अक्तूबर — हरियाणा ने जापानी कंपनी से करार किया।", "चंडीगढ़", []),
        ("लखनऊ। उत्तर प्रदेश सरकार ने नई नीति घोषित की।", "लखनऊ", []),
        ("【ニューデリー＝共同】インド政府は覚書に署名した。", "ニューデリー", ["Kyodo"]),
    ],
)
def test_normalise_dateline_styles(body: str, place: str, agencies: list[str]) -> None:
    t = _norm(body)
    assert t.dateline is not None
    assert t.dateline.place == place
    assert t.dateline.agencies == agencies
    assert t.dateline.place_span is not None
    assert t.body[t.dateline.place_span.start:t.dateline.place_span.end] == place


def test_normalise_signoff_is_a_credit_not_content() -> None:
    t = _norm("Pune, Jan 3 (PTI) A Japanese firm opened a plant in Pune.\n\nPTI SUN MR\n")
    assert "PTI" in t.dateline.agencies  # type: ignore[union-attr]
    assert any(s.text.strip() == "PTI SUN MR" for s in t.skip)


def test_normalise_hindi_credit_at_end() -> None:
    t = _norm("बेंगलुरु : मंत्री ने जापानी प्रतिनिधिमंडल से मुलाकात की। (एएनआई)")
    assert t.dateline is not None and t.dateline.agencies == ["ANI"]


def test_normalise_dateline_year_gives_published() -> None:
    t = _norm("Chandigarh, Oct 7, 2025 (PTI) The delegation met mayors in Osaka.")
    assert t.published == "2025-10-07"


def test_normalise_header_date_wins() -> None:
    t = _norm("Chandigarh, Oct 7 (PTI) The delegation met mayors.", published="2025-10-07")
    assert t.published == "2025-10-07"


def test_normalise_language_by_script() -> None:
    assert _norm("हरियाणा ने जापान की कंपनी के साथ समझौता किया।").lang == "hi"
    assert _norm("経済産業省はインドの州政府と覚書に署名した。").lang == "ja"
    assert _norm("The state government signed an agreement with a Japanese firm.").lang == "en"


def test_normalise_sentences_keep_abbreviations_and_initials() -> None:
    body = "Mr. M. B. Patil met Dr. Sato of Toyota Motor Corp. in Bengaluru. They spoke."
    sents = split_sentences(body, "en")
    assert [s.text for s in sents] == [
        "Mr. M. B. Patil met Dr. Sato of Toyota Motor Corp. in Bengaluru.", "They spoke."]
    for s in sents:
        assert body[s.start:s.end] == s.text


def test_normalise_sentences_hindi_and_japanese() -> None:
    hi = split_sentences("पहला वाक्य है। दूसरा वाक्य है।", "hi")
    assert [s.text for s in hi] == ["पहला वाक्य है।", "दूसरा वाक्य है।"]
    ja = split_sentences("覚書に署名した。工場を建設する。", "ja")
    assert [s.text for s in ja] == ["覚書に署名した。", "工場を建設する。"]


def test_normalise_ascii_digits_keeps_length() -> None:
    s = "१२३ and １２３"
    assert ascii_digits(s) == "123 and 123"
    assert len(ascii_digits(s)) == len(s)


def test_normalise_yearless_dateline_gets_the_year_from_the_story() -> None:
    from pactwatch.normalise import normalise
    from pactwatch.read.base import Document

    t = normalise(Document(doc="d", text=(
        "Osaka, October 6 (PTI): The Kerala delegation met investors. The state will hold "
        "its investor summit on January 21, 2026.")))
    assert t.published == "2026-10-06"
    t = normalise(Document(doc="d", text=(
        "Osaka, October 6 (PTI): The Kerala delegation met investors by 2030 targets.")))
    assert t.published is None
