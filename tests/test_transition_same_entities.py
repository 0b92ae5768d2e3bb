"""The numpy entity decoder (pactwatch.transition) finds what spaCy's own greedy decoder
finds: every Japanese and every English article of the team corpus, one by one and in
batches, empty documents, and documents with preset entities (spaCy's decoder then)."""

from __future__ import annotations

from pathlib import Path

from pactwatch.recognise import english_nlp, japanese_nlp
from pactwatch.transition import GreedyEntities, greedy_entities, spacy_decoders

CORPUS = Path(__file__).parent / "corpus"


def _texts(lang: str) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob(f"**/*_{lang}.txt"))]


def _ents(doc: object) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]  # type: ignore[attr-defined]


def test_transition_recognisers_are_wrapped_once() -> None:
    nlp = japanese_nlp()
    assert isinstance(nlp.get_pipe("ner"), GreedyEntities)
    # no parser: spaCy's rule sentencizer sets the sentence starts the recogniser reads
    assert nlp.pipe_names == ["tok2vec", "sentencizer", "ner"]
    greedy_entities(nlp, "ner")  # wrapping twice does not stack wrappers
    assert not isinstance(nlp.get_pipe("ner").component, GreedyEntities)
    assert isinstance(english_nlp().get_pipe("ner"), GreedyEntities)


def _same_as_spacy(nlp: object, texts: list[str], least: int) -> None:
    ours_one = [_ents(nlp(t)) for t in texts]  # type: ignore[operator]
    ours_batch = [_ents(d) for d in nlp.pipe(texts, batch_size=8)]  # type: ignore[attr-defined]
    with spacy_decoders(nlp) as plain:
        theirs = [_ents(d) for d in plain.pipe(texts, batch_size=8)]
    for text, one, batch, ref in zip(texts, ours_one, ours_batch, theirs, strict=True):
        assert one == ref, text[:60]
        assert batch == ref, text[:60]
    assert sum(map(len, theirs)) > least


def test_transition_japanese_entities_are_spacys() -> None:
    texts = _texts("ja")
    assert len(texts) >= 20
    _same_as_spacy(japanese_nlp(), texts, 100)


def test_transition_english_entities_are_spacys() -> None:
    texts = _texts("en")
    assert len(texts) >= 20
    _same_as_spacy(english_nlp(), texts, 200)


def test_transition_pipe_and_empty_documents() -> None:
    nlp = japanese_nlp()
    texts = ["", "トヨタ自動車はインドのグジャラート州に新工場を建設する。", "。"]
    piped = [_ents(d) for d in nlp.pipe(texts, batch_size=2)]
    assert piped == [_ents(nlp(t)) for t in texts]
    assert piped[0] == [] and piped[1]
    assert [_ents(d) for d in nlp.pipe([""])] == [[]]


def test_transition_preset_entities_are_kept() -> None:
    """A token that already belongs to an entity (an entity ruler ran first) keeps it:
    such documents go to spaCy's own decoder, which knows the preset rules."""
    from spacy.tokens import Span

    nlp = english_nlp()
    text = "Suzuki Motor will invest in Gujarat, the company said in Tokyo on Monday."

    def preset(doc: object) -> object:
        doc.ents = [Span(doc, 0, 2, label="ORG")]  # type: ignore[arg-type,attr-defined]
        return doc

    ours = nlp.get_pipe("ner")(preset(nlp.make_doc(text)))
    theirs = nlp.get_pipe("ner").component(preset(nlp.make_doc(text)))
    assert _ents(ours) == _ents(theirs)
    assert ("Suzuki Motor", "ORG") in [(e.text, e.label_) for e in ours.ents]
