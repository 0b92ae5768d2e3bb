"""KB data: national programmes and platforms are ORG entries with Hindi and Japanese
names; the packaged English common-word list is built and sane."""

from __future__ import annotations

from pactwatch.kb.loader import load_kb
from pactwatch.kb.matcher import Matcher
from pactwatch.recognise import english_common_words


def test_kb_programmes_have_names_in_three_scripts() -> None:
    kb = load_kb(include_config=False)
    e = kb.get("gov:make-in-india")
    assert e is not None and e.type == "ORG" and e.kind == "programme"
    assert "मेक इन इंडिया" in e.aliases["hi"]
    assert any("インディア" in a for a in e.aliases["ja"])
    assert kb.get("gov:japan-india-startup-hub") is not None


def test_kb_matcher_skips_hindi_function_words() -> None:
    kb = load_kb(include_config=False)
    found = [m.text for m in Matcher(kb).find("इसे जल्द पूरा किया जाएगा, वह गया नहीं")]
    assert "इसे" not in found and "गया" not in found


def test_kb_common_words_list_holds_words_not_names() -> None:
    words = english_common_words()
    assert len(words) > 20000
    assert {"understanding", "make", "date", "group"} <= words
    assert not {"toyota", "suzuki", "tata", "india", "japan"} & words
