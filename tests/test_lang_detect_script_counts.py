"""The fast script count equals its one-character-at-a-time definition."""

from __future__ import annotations

import random
from pathlib import Path

from pactwatch.lang.detect import _script_counts_slow, script_counts

CORPUS = Path(__file__).parent / "corpus" / "articles"


def test_lang_detect_script_counts_equal_the_definition() -> None:
    rng = random.Random(5)
    blocks = [(0, 0x250), (0x900, 0x980), (0xA8E0, 0xA900), (0x3000, 0x3100), (0x31F0, 0x3200),
              (0x3400, 0x3410), (0x4E00, 0x4E20), (0x9FF0, 0xA000), (0xAC00, 0xAC10),
              (0xD7A0, 0xD7B0), (0xFF00, 0xFFA0), (0x0400, 0x0450), (0x0600, 0x0640),
              (0x1E00, 0x1F00), (0x2000, 0x2070)]
    for _ in range(3000):
        text = "".join(chr(rng.randrange(*rng.choice(blocks))) for _ in range(rng.randint(0, 30)))
        assert script_counts(text) == _script_counts_slow(text), repr(text)
        assert set(script_counts(text)) == set(_script_counts_slow(text))
    for p in sorted(CORPUS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        assert script_counts(text) == _script_counts_slow(text), p.name
