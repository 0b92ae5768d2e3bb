"""Stage 4 of the cascade: only text the frames stage could make an event of passes.

The stage asks the word-only conditions of ``EventExtractor._fill`` on the extractor's
own normalised sentences; each case here is one of those conditions, and the last test
checks on the team corpus that the stage never stops an article the extractor makes an
event of.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.kb.loader import load_kb
from pactwatch.normalise import normalise
from pactwatch.pipeline import ExtractError, Extractor
from pactwatch.read import read_paths
from pactwatch.read.base import Document
from pactwatch.scale.prefilter import STAGE_FRAME, Prefilter, could_frame

CORPUS = Path(__file__).parent / "corpus"


def _text(body: str) -> bool:
    return could_frame(normalise(Document(doc="t", text=body)))


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return Prefilter(load_kb([]))


def test_scale_prefilter_frame_cues_need_a_trigger() -> None:
    assert not _text("The Gujarat chief minister said the monsoon had been good for "
                     "farmers. Rainfall in Ahmedabad was above normal this year.")
    assert _text("The Gujarat chief minister met the Japanese ambassador in Gandhinagar "
                 "on Monday.")


def test_scale_prefilter_frame_cues_word_conditions_of_fill() -> None:
    # a plant word with nothing done to it is background, not a facility event
    assert not _text("Pune is known for its many parks and lakes near the city centre.")
    assert _text("Toyota will build a new plant near Bengaluru.")
    # an investment needs a sum or a committing verb in its sentence
    assert not _text("Economists said Tamil Nadu has one of the best records on investment.")
    assert _text("Suzuki will invest in Gujarat next year.")
    assert _text("The investment of Rs 500 crore in Gujarat was welcomed.")


def test_scale_prefilter_frame_cues_stop_in_the_cascade(prefilter: Prefilter) -> None:
    doc = Document(doc="x", text="The Maharashtra chief minister said the monsoon "
                                 "investment in dams had helped farmers near Pune "
                                 "according to officials.")
    v = prefilter.verdict(doc)
    assert not v.passed and v.stage == STAGE_FRAME
    ok = prefilter.verdict(Document(doc="y", text="Toyota will invest Rs 500 crore in a "
                                                  "new plant in Gujarat."))
    assert ok.passed and ok.text is not None and ok.text.lang == "en"


def test_scale_prefilter_frame_cues_never_stop_an_event_of_the_corpus() -> None:
    docs = [d for d in read_paths([str(CORPUS / "articles")]) if isinstance(d, Document)]
    ex = Extractor()
    for d, rec in zip(docs, ex.extract_documents(docs), strict=True):
        assert not isinstance(rec, ExtractError)
        if rec.events:
            assert could_frame(normalise(d)), d.doc
