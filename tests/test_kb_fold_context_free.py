"""kb.fold: the table fold of text whose characters fold alone equals the general loop."""

from __future__ import annotations

import random

from pactwatch.kb import fold as F


def test_table_fold_equals_the_general_loop() -> None:
    pool = ("abcXYZ  \t\n-_.·’‘`´‐–—ÉéñßﬁАжΩ₹€“”…、。デリーカタ・ｱＡ１\u200c\u00ad\ue000"
            "कि्\u0902ー")
    rnd = random.Random(7)
    texts = ["Tata’s plant — ₹1,200 crore", "Café  “Ōsaka” – Nagoya", "ﬁnance Straße"]
    texts += ["".join(rnd.choice(pool) for _ in range(rnd.randint(0, 40))) for _ in range(2000)]
    for text in texts:
        for loose in (True, False):
            assert F.fold_with_map(text, loose) == F._fold_general(text, loose), text


def test_context_rules_keep_the_general_loop() -> None:
    # Devanagari, the katakana length mark and multi-character folds are not table folds
    assert F._context_free(frozenset("मुम्बई"), True) is None
    assert F._context_free(frozenset("デリー"), True) is None
    assert F._context_free(frozenset("ﬁ"), True) is None
    table = F._context_free(frozenset("Tata’s — ₹"), True)
    assert table is not None and table[ord("’")] == "'"
