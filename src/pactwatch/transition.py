"""spaCy's entity recogniser decoded without taking and dropping the GIL at every move.

Why: spaCy 3.8's greedy decoder (``Parser.greedy_parse``) releases the GIL for its C
loop, but inside it every validity test of every move calls ``StateC.B``/``safe_get``,
which take the GIL back (``PyGILState_Ensure``/``Release``) each time.  A recogniser with
many labels tests many moves per token: GiNZA's has 189 labels and 758 moves, so on a
Japanese article its decoder spent about 70 % of its time in ``take_gil``/``drop_gil``
(``perf``) and the recogniser cost twice GiNZA's whole ``tok2vec``.  The beam decoder
(``Parser.beam_parse``) runs with the GIL held; with a beam of one it keeps, like the
greedy one, the single best valid move at each step, so it finds the same entities —
about three times faster on GiNZA and 1.6 times on en_core_web_sm (73 moves; 331
English texts, same entities), and tests/test_transition_same_entities.py compares the
two on the team corpus.  The parser is left greedy: it has few moves, and its beam
decoder is slower than its greedy one.

``beam_of_one(nlp, "ner")`` puts a wrapper in place of the named component of a loaded
pipeline; ``nlp(text)`` and ``nlp.pipe`` call it like any component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any


class BeamOfOne:
    """A transition-based component (spaCy ``Parser`` subclass) that predicts with
    ``beam_parse(beam_width=1)``; other attributes are the wrapped component's."""

    def __init__(self, component: Any) -> None:
        self.component = component

    def __getattr__(self, name: str) -> Any:
        return getattr(self.component, name)

    def _annotate(self, docs: list[Any]) -> None:
        comp = self.component
        if not any(len(doc) for doc in docs):
            states: Any = comp.moves.init_batch(docs)
        else:
            states = comp.beam_parse(docs, drop=0.0, beam_width=1)
        comp.set_annotations(docs, states)

    def __call__(self, doc: Any) -> Any:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        from spacy.util import minibatch  # spaCy loads with the models, not on import

        for batch in minibatch(docs, size=batch_size):
            self._annotate(batch)
            yield from batch


def beam_of_one(nlp: Any, name: str) -> Any:
    """``nlp`` with its component ``name`` decoded by :class:`BeamOfOne` (unchanged if the
    pipeline has no such component or it is not transition-based); returns ``nlp``.

    spaCy has no public way to swap a loaded component's object (``replace_pipe`` builds
    a new one from a factory and would lose the trained weights), so the wrapper goes into
    the list ``nlp.pipeline`` is read from."""
    components = getattr(nlp, "_components", None)
    if components is None:
        return nlp
    for i, (pipe_name, proc) in enumerate(components):
        if pipe_name == name and hasattr(proc, "beam_parse") and not isinstance(proc, BeamOfOne):
            components[i] = (pipe_name, BeamOfOne(proc))
    return nlp


@contextmanager
def greedy_decoders(nlp: Any) -> Iterator[Any]:
    """``nlp`` with spaCy's own decoders back in place of every :class:`BeamOfOne` for the
    ``with`` block (benchmarks compare against what a plain ``spacy.load`` runs)."""
    components = nlp._components
    wrapped = [(i, name, proc) for i, (name, proc) in enumerate(components)
               if isinstance(proc, BeamOfOne)]
    for i, name, proc in wrapped:
        components[i] = (name, proc.component)
    try:
        yield nlp
    finally:
        for i, name, proc in wrapped:
            components[i] = (name, proc)
