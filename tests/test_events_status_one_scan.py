"""The status cues found by one scan of a language's cue lexicon are those a search per
cue group finds (the search the scan replaced), on every sentence of the team corpus and
the probes, in all three languages' lexicons."""

from __future__ import annotations

from pathlib import Path

from pactwatch.events import status as S
from pactwatch.normalise import normalise
from pactwatch.read.base import Document

CORPUS = Path(__file__).parent / "corpus"


def _per_group(text: str, lang: str) -> tuple[S.Cue, ...]:
    lex = S._LEXICONS.get(lang)
    if lex is None:
        return ()
    stops = [m.span() for m in lex.ignore.finditer(text, overlapped=True)] if lex.ignore else []
    found: list[S.Cue] = []
    for status, weak, local, pattern in lex.cues:
        for m in pattern.finditer(text, overlapped=True):
            s, e = m.span()
            if e > s and all(e <= a or s >= b for a, b in stops):
                found.append(S.Cue(s, e, status, m.group(), weak, local))
    return S._best_cues(found)  # the choice both share; the search differs


def test_events_status_one_scan_same_as_per_group() -> None:
    files = sorted(CORPUS.rglob("*.txt"))
    assert len(files) >= 80
    with_cues = 0
    for path in files:
        text = normalise(Document(doc=path.stem, text=path.read_text(encoding="utf-8")))
        for s in text.sentences:
            for lang in ("en", "hi", "ja"):
                got = S._status_cues.__wrapped__(s.text, lang)  # type: ignore[attr-defined]
                assert tuple(got) == _per_group(s.text, lang), (path.name, lang, s.text[:80])
                with_cues += bool(got)
    assert with_cues > 500
