"""The trigger finder's one scan per flag set finds what a search per group finds.

``_find_triggers`` takes each group's leftmost-longest match only at the positions one
backtracking alternation of all groups reports; this test runs the per-group overlapped
search it replaced on every sentence of the team corpus and the probes, in all three
languages' lexicons (a lexicon on another language's text included), and compares."""

from __future__ import annotations

from pathlib import Path

from pactwatch.events import triggers as T
from pactwatch.normalise import normalise
from pactwatch.read.base import Document

CORPUS = Path(__file__).parent / "corpus"


def _per_group(text: str, lang: str) -> tuple[T.Trigger, ...]:
    found: dict[str, list[T.Trigger]] = {}
    blocked: dict[str, list[tuple[int, int]]] = {}
    for group in T._groups(lang):
        for m in group.pattern.finditer(text, overlapped=True):
            if m.end() == m.start():
                continue
            if group.negative:
                blocked.setdefault(group.type, []).append(m.span())
            else:
                found.setdefault(group.type, []).append(
                    T.Trigger(m.start(), m.end(), group.type, m.group(), group.strength))
    return T._reduce(found, blocked)  # the reduction both share; the search differs


def test_events_triggers_one_scan_same_as_per_group() -> None:
    files = sorted(CORPUS.rglob("*.txt"))
    assert len(files) >= 80
    checked = with_triggers = 0
    for path in files:
        text = normalise(Document(doc=path.stem, text=path.read_text(encoding="utf-8")))
        for s in text.sentences:
            for lang in ("en", "hi", "ja"):
                got = T._find_triggers.__wrapped__(s.text, lang)  # type: ignore[attr-defined]
                assert got == _per_group(s.text, lang), (path.name, lang, s.text[:80])
                checked += 1
                with_triggers += bool(got)
    assert with_triggers > 500  # the comparison saw real triggers, not only empty answers
