"""The ASCII fast path of the KB fold gives exactly what the general fold gives."""

from __future__ import annotations

import random

from pactwatch.kb.fold import _fold_ascii, _fold_general, fold_with_map


def test_kb_fold_ascii_equals_the_general_fold() -> None:
    rng = random.Random(11)
    every = [chr(i) for i in range(128)]
    tricky = list(" .-_=\t\n\r\x0b\x0c\x1c\x1fAbZz09'")
    for n in range(5000):
        pool = every if n % 2 else tricky
        t = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        assert _fold_ascii(t) == _fold_general(t, True) == _fold_general(t, False), repr(t)


def test_kb_fold_ascii_offsets_point_back() -> None:
    text = "  Maruti-Suzuki  India Ltd.  in  GUJARAT. "
    folded, idx = fold_with_map(text)
    assert folded == "maruti suzuki india ltd in gujarat "
    assert all(folded[j] == " " or text[idx[j]].lower() == folded[j] for j in range(len(folded)))
    assert text[idx[folded.index("gujarat")]:].startswith("GUJARAT")
