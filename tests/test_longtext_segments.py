"""Long texts: the per-article character limit, segment-by-segment extraction, progress.

A text over the limit is cut at a sentence end and still written, with one warning line.
A text over one segment is extracted segment by segment: every offset still points into
the whole body, events are found in every segment, and a progress hook hears about each
segment.  (Speed and memory are measured in benchmarks/bench_long_text.py, not here.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pactwatch.cli import main
from pactwatch.longtext import (
    SEGMENT_CHARS,
    cut_point,
    is_long,
    limit_chars,
    report_progress,
    segments,
)
from pactwatch.normalise import normalise
from pactwatch.pipeline import Extractor
from pactwatch.read.base import Document

EVENT_HI = ("लखनऊ, 4 मार्च। उत्तर प्रदेश सरकार ने जापानी कंपनी टोयोटा के साथ एक नए संयंत्र के लिए "
            "समझौता ज्ञापन पर हस्ताक्षर किए।")
FILLER_HI = "बैठक में कई अधिकारी मौजूद थे और चर्चा देर शाम तक चलती रही। "


def _long_hindi(total: int) -> str:
    filler = []
    n = 0
    while n < total:
        para = FILLER_HI * 8
        filler.append(para.strip())
        n += len(para) + 2
    return EVENT_HI + "\n\n" + "\n\n".join(filler) + "\n\n" + EVENT_HI.replace("टोयोटा", "सुज़ुकी")


def test_longtext_limit_cuts_at_a_sentence_end_with_a_warning() -> None:
    text = "One sentence here. " * 100
    doc = limit_chars(Document(doc="d", text=text), 500)
    assert len(doc.text) <= 500 and doc.text.endswith(". ")
    assert "over the limit of 500" in doc.warning and "--max-chars" in doc.warning
    same = Document(doc="d", text="short")
    assert limit_chars(same, 500) is same
    assert cut_point("x" * 1000, 100) == 100  # no sentence end, no space: at the limit


def test_longtext_cli_max_chars_warns_and_still_writes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Chennai, Mar 4 (PTI) Tamil Nadu signed a memorandum with Toyota. "
                    + "Officials met again later. " * 400, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out), "--quiet", "--max-chars", "300"]) == 0
    err = capsys.readouterr().err
    assert "warning" in err and "over the limit of 300" in err and "long.txt" in err
    rec = json.loads(out.read_text(encoding="utf-8"))
    assert all(m["end"] <= 300 for e in rec["entities"] for m in e["mentions"])


def test_longtext_segments_keep_offsets_and_find_events_everywhere() -> None:
    body = _long_hindi(SEGMENT_CHARS["other"] + 20_000)
    text = normalise(Document(doc="long", text=body, lang="hi"))
    assert is_long(text)
    parts = segments(text)
    assert len(parts) >= 2
    assert "".join(seg.body for _, seg in parts) == text.body
    seen: list[tuple[str, int, int]] = []
    with report_progress(lambda item, done, total: seen.append((item, done, total))):
        art = next(Extractor().extract_documents([Document(doc="long", text=body, lang="hi")]))
    assert not isinstance(art, str) and hasattr(art, "entities")
    for ent in art.entities:
        for m in ent.mentions:
            assert art.body[m.start:m.end] == m.text
    for ev in art.events:
        for e in ev.evidence:
            assert art.body[e.start:e.end] == e.text
    starts = sorted(e.start for ev in art.events for e in ev.evidence)
    assert starts and starts[0] < 1000 and starts[-1] > SEGMENT_CHARS["other"]
    assert [s[1] for s in seen] == sorted(s[1] for s in seen)
    assert seen[-1] == ("long", len(art.body), len(art.body)) and len(seen) == len(parts)


def test_longtext_article_sized_text_is_one_pass() -> None:
    text = normalise(Document(doc="a", text=EVENT_HI * 50, lang="hi"))
    assert not is_long(text)
    ja = normalise(Document(doc="j", text="日本とインドは協力する。" * 3000, lang="ja"))
    assert len(ja.body.encode()) > 49_149 and is_long(ja)
    assert all(len(seg.body.encode()) <= 49_149 for _, seg in segments(ja))
