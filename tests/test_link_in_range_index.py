"""Linked.in_range answers what a scan of every mention answers, in the order added,
while mentions are added and the list is replaced (the index follows both)."""

from __future__ import annotations

import random

from pactwatch.link import Linked


def _scan(linked: Linked, start: int, end: int) -> list[tuple[int, int, str, bool]]:
    return [s for s in linked.spans if start <= s[0] and s[1] <= end]


def test_link_in_range_index_matches_a_scan() -> None:
    rng = random.Random(7)
    for _ in range(500):
        linked = Linked()
        for _ in range(rng.randint(0, 30)):
            a = rng.randint(0, 80)
            linked.spans.append((a, a + rng.randint(0, 12), f"e{rng.randint(0, 4)}", False))
        for _ in range(15):
            if rng.random() < 0.25:  # a mention added after the index was built
                a = rng.randint(0, 80)
                linked.spans.append((a, a + rng.randint(0, 6), "late", False))
            if rng.random() < 0.1:  # the list replaced (as the dateline pass does)
                linked.spans = [s for s in linked.spans if rng.random() < 0.6]
            start = rng.randint(0, 90)
            end = start + rng.randint(0, 40)
            assert linked.in_range(start, end) == _scan(linked, start, end)


def test_link_in_range_keeps_insertion_order_and_edges() -> None:
    linked = Linked()
    linked.spans = [(10, 14, "b", False), (0, 4, "a", False), (20, 20, "z", False),
                    (12, 30, "long", False)]
    assert linked.in_range(0, 20) == [(10, 14, "b", False), (0, 4, "a", False),
                                      (20, 20, "z", False)]
    assert linked.in_range(10, 14) == [(10, 14, "b", False)]
    assert linked.in_range(15, 19) == []
