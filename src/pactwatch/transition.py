"""spaCy's entity recogniser decoded in numpy, without spaCy's per-move validity calls.

Why: spaCy 3.8's greedy decoder (``Parser.greedy_parse``) releases the GIL for its C
loop, but inside it every validity test of every move calls ``StateC.B``/``safe_get``,
which take the GIL back (``PyGILState_Ensure``/``Release``) each time.  A recogniser with
many labels tests many moves per token: GiNZA's has 189 labels and 758 moves, so on a
Japanese article its decoder spent about 70 % of its time in ``take_gil``/``drop_gil``
(``perf``).  spaCy's beam decoder with a beam of one (what pactwatch used until
2026-12-06) avoids that but still tests all 758 moves of every step one by one in
``_beam_utils._set_scores``, and that loop was the largest single cost of a Japanese
article.

The entity transition system is small: five moves (Begin, In, Last, Unit, Out) of a
label, one token consumed per move, and whether a move is valid depends only on whether
an entity is open (and its label), whether the token is a space, and whether the next
token starts a sentence (``spacy/pipeline/_parser_internals/ner.pyx``).  So
:class:`GreedyEntities` keeps spaCy's own scoring, layer by layer as spaCy's step model
runs it (``ml/parser_model.pyx``: the token vectors, the lower layer precomputed for
every token, the sum of the three feature slots, the bias, maxout, the upper layer) and
replaces the state machine: the valid moves of a state are one row of a table built
once, the best valid move is ``argmax`` over that row (the first best, as spaCy's
``arg_max_if_valid``), and the state is three integers.  The state's features are
spaCy's for the entity system (``StateC.set_context_tokens``: the buffer's first token,
the open entity's first token, the token before the buffer).  Outside an entity the last
two are missing, so the features of a step depend on its token alone: the best move of
every such step (most steps) comes from one matrix product over the whole text before
decoding; only steps inside an entity are scored one by one.  Same entities as spaCy's
greedy decoder (tests/test_transition_same_entities.py, every Japanese and English
corpus article); on the 41 Japanese devset and corpus texts the whole GiNZA pipeline
took 8.4 CPU-s with spaCy's greedy decoder and 2.0 with this one.

Documents whose tokens already carry entity annotations (a preset ``ent_iob``, e.g. from
an entity ruler before the recogniser) have further validity rules, and models with
moves unseen in training or another shape score differently; those are decoded by
spaCy's own beam decoder with a beam of one, as before.  The parser is left to spaCy's
greedy decoder.

``greedy_entities(nlp, "ner")`` puts the wrapper in place of the named component of a
loaded pipeline; ``nlp(text)`` and ``nlp.pipe`` call it like any component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

# the moves of spaCy's entity transition system (BiluoPushDown), by the first letter of
# their class names ("B-ORG", "I-ORG", "L-ORG", "U-ORG", "O")
_BEGIN, _IN, _LAST, _UNIT, _OUT = "BILUO"


class GreedyEntities:
    """An entity recogniser (spaCy ``EntityRecognizer``) decoded greedily in numpy; other
    attributes are the wrapped component's."""

    def __init__(self, component: Any) -> None:
        self.component = component
        self._tables: Any = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.component, name)

    def _moves(self) -> Any:
        """Per move: its kind and label; and the table of valid-move rows.

        Row 0-3: no entity open, by (the token is a space, the token may begin an
        entity that goes on); row 4 + 2 * label + (the entity may go on): an entity of
        that label is open."""
        if self._tables is not None:
            return self._tables
        moves = self.component.moves
        n = moves.n_moves
        names = [moves.get_class_name(i) for i in range(n)]
        kind = np.array([nm[0] if nm[:1] in _BEGIN + _IN + _LAST + _UNIT + _OUT else "?"
                         for nm in names])
        label_of = [nm[2:] if len(nm) > 2 and nm[1] == "-" else "" for nm in names]
        labels = sorted({lb for lb in label_of if lb})
        index = {lb: i for i, lb in enumerate(labels)}
        lab = np.array([index.get(lb, -1) for lb in label_of])
        has_label = lab >= 0
        rows = []
        for space in (False, True):
            for can_go_on in (False, True):
                ok = kind == _OUT
                if not space:
                    ok = ok | ((kind == _UNIT) & has_label)
                    if can_go_on:
                        ok = ok | ((kind == _BEGIN) & has_label)
                rows.append(ok)
        for i in range(len(labels)):
            for can_go_on in (False, True):
                ok = (kind == _LAST) & (lab == i)
                if can_go_on:
                    ok = ok | ((kind == _IN) & (lab == i))
                rows.append(ok)
        self._tables = (np.array(rows), kind, lab, labels)
        return self._tables

    def _annotate(self, docs: list[Any]) -> None:
        from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
        from spacy.tokens import Span

        comp = self.component
        if not any(len(doc) for doc in docs):
            comp.set_annotations(docs, comp.moves.init_batch(docs))
            return
        arrays = [doc.to_array([ENT_IOB, IS_SPACE, SENT_START]) for doc in docs]
        model = comp.model
        if (any(a[:, 0].any() for a in arrays)  # preset entities: spaCy's full rules
                or model.attrs.get("unseen_classes") or not model.attrs.get("has_upper")
                or model.get_ref("lower").get_dim("nF") != 3):
            comp.set_annotations(docs, comp.beam_parse(docs, drop=0.0, beam_width=1))
            return
        valid, kind, lab, labels = self._moves()
        # spaCy's step model, layer by layer (ml/parser_model.pyx, ParserStepModel):
        # token vectors, the lower layer precomputed for every token and feature slot
        # (row 0: the padding of a missing feature), the upper layer's weights
        tok2vec, lower, upper = model.layers
        lows = lower.predict(tok2vec.predict(docs))
        bias = lower.get_param("b")
        weights, ubias = upper.get_param("W"), upper.get_param("b")
        gemm = upper.ops.gemm
        pad = lows[0]
        offset = 0
        for doc, arr in zip(docs, arrays, strict=True):
            n = len(doc)
            rows = lows[offset + 1: offset + 1 + n]
            # what a token may do: begin or continue an entity that goes on past it only
            # when it is not the last token and the next one starts no sentence
            go_on = np.append(arr[1:, 2] != 1, False)
            # no entity open: the features are (this token, none, none), so the best
            # valid move of every such step is known before decoding, in blocks (a long
            # text's score matrix would be large)
            closed_best = np.empty(n, dtype=np.intp)
            can = valid[2 * arr[:, 1].astype(bool) + go_on]
            for i in range(0, n, 2048):
                hid = rows[i:i + 2048, 0] + pad[1]
                hid += pad[2]
                hid += bias
                scores = gemm(hid.max(axis=-1), weights, trans2=True)
                scores += ubias
                closed_best[i:i + 2048] = np.where(can[i:i + 2048], scores, -np.inf).argmax(axis=1)
            found: list[Span] = []
            b, start, label = 0, -1, -1
            while b < n:
                if start < 0:
                    m = closed_best[b]
                else:  # inside an entity: (this token, the entity's first, the one before)
                    hid = rows[b, 0] + rows[start, 1]
                    hid += rows[b - 1, 2]
                    hid += bias
                    scores = gemm(hid.max(axis=-1)[None], weights, trans2=True)[0]
                    scores += ubias
                    m = np.where(valid[4 + 2 * label + go_on[b]], scores, -np.inf).argmax()
                kd = kind[m]
                if kd == _BEGIN:
                    start, label = b, lab[m]
                elif kd == _LAST:
                    found.append(Span(doc, start, b + 1, label=labels[label]))
                    start = label = -1
                elif kd == _UNIT:
                    found.append(Span(doc, b, b + 1, label=labels[lab[m]]))
                b += 1
            doc.set_ents(found, default="outside")
            offset += n

    def __call__(self, doc: Any) -> Any:
        self._annotate([doc])
        return doc

    def pipe(self, docs: Iterable[Any], batch_size: int = 128) -> Iterator[Any]:
        from spacy.util import minibatch  # spaCy loads with the models, not on import

        for batch in minibatch(docs, size=batch_size):
            self._annotate(batch)
            yield from batch


def greedy_entities(nlp: Any, name: str) -> Any:
    """``nlp`` with its entity recogniser ``name`` decoded by :class:`GreedyEntities`
    (unchanged if the pipeline has no such component or it is not spaCy's entity
    recogniser); returns ``nlp``.

    spaCy has no public way to swap a loaded component's object (``replace_pipe`` builds
    a new one from a factory and would lose the trained weights), so the wrapper goes into
    the list ``nlp.pipeline`` is read from."""
    from spacy.pipeline import EntityRecognizer

    components = getattr(nlp, "_components", None)
    if components is None:
        return nlp
    for i, (pipe_name, proc) in enumerate(components):
        if pipe_name == name and isinstance(proc, EntityRecognizer):
            components[i] = (pipe_name, GreedyEntities(proc))
    return nlp


@contextmanager
def spacy_decoders(nlp: Any) -> Iterator[Any]:
    """``nlp`` with spaCy's own decoders back in place of every :class:`GreedyEntities`
    for the ``with`` block (benchmarks compare against what a plain ``spacy.load`` runs;
    tests compare the entities)."""
    components = nlp._components
    wrapped = [(i, name, proc) for i, (name, proc) in enumerate(components)
               if isinstance(proc, GreedyEntities)]
    for i, name, proc in wrapped:
        components[i] = (name, proc.component)
    try:
        yield nlp
    finally:
        for i, name, proc in wrapped:
            components[i] = (name, proc)
