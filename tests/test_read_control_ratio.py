"""The binary-data test counts exactly the control characters text does not use."""

from __future__ import annotations

import sys
import unicodedata

from pactwatch.read.base import _TEXT_CONTROLS, _control_ratio


def test_read_control_ratio_counts_every_bad_control_and_nothing_else() -> None:
    bad = [chr(c) for c in range(sys.maxunicode + 1)
           if unicodedata.category(chr(c)) == "Cc" and chr(c) not in _TEXT_CONTROLS]
    assert len(bad) == 65 - len(_TEXT_CONTROLS)
    for ch in bad:
        assert _control_ratio("ab" + ch + "c") == 0.25, hex(ord(ch))
    for ch in [*_TEXT_CONTROLS, "\u200b", "\u00a0", "\ufeff", "अ", "日", "\u2028"]:
        assert _control_ratio("ab" + ch + "c") == 0.0, hex(ord(ch))
    assert _control_ratio("") == 0.0
