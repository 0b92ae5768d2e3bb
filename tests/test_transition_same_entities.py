"""GiNZA's recogniser decoded with a beam of one finds what spaCy's greedy decoder
finds (pactwatch.transition), on every Japanese article of the team corpus."""

from __future__ import annotations

from pathlib import Path

from pactwatch.recognise import japanese_nlp
from pactwatch.transition import BeamOfOne, beam_of_one

CORPUS = Path(__file__).parent / "corpus"


def _japanese_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("**/*_ja.txt"))]


def _ents(doc: object) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]  # type: ignore[attr-defined]


def test_transition_japanese_recogniser_is_beam_of_one() -> None:
    nlp = japanese_nlp()
    assert isinstance(nlp.get_pipe("ner"), BeamOfOne)
    # the parser keeps spaCy's greedy decoder (fewer moves: its beam is slower)
    assert not isinstance(nlp.get_pipe("parser"), BeamOfOne)
    # wrapping twice does not stack wrappers
    beam_of_one(nlp, "ner")
    assert not isinstance(nlp.get_pipe("ner").component, BeamOfOne)


def test_transition_beam_of_one_finds_the_greedy_entities() -> None:
    nlp = japanese_nlp()
    wrapped = nlp.get_pipe("ner")
    texts = _japanese_texts()
    assert len(texts) >= 20
    found = 0
    for text in texts:
        doc = nlp(text)
        beam = _ents(doc)
        doc.ents = []
        wrapped.component(doc)  # spaCy's own greedy decoder, same tok2vec and parse
        assert _ents(doc) == beam, text[:60]
        found += len(beam)
    assert found > 100


def test_transition_pipe_and_empty_documents() -> None:
    nlp = japanese_nlp()
    texts = ["", "トヨタ自動車はインドのグジャラート州に新工場を建設する。", "。"]
    piped = [_ents(d) for d in nlp.pipe(texts, batch_size=2)]
    assert piped == [_ents(nlp(t)) for t in texts]
    assert piped[0] == [] and piped[1]


def test_transition_english_beam_of_one_finds_the_greedy_entities() -> None:
    from pactwatch.recognise import english_nlp

    nlp = english_nlp()
    wrapped = nlp.get_pipe("ner")
    assert isinstance(wrapped, BeamOfOne)
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("**/*_en.txt"))]
    assert len(texts) >= 20
    docs = list(nlp.pipe(texts, batch_size=8))
    found = 0
    for text, doc in zip(texts, docs, strict=True):
        beam = _ents(doc)
        greedy = wrapped.component(nlp.make_doc(text))
        assert _ents(greedy) == beam, text[:60]
        found += len(beam)
    assert found > 200
