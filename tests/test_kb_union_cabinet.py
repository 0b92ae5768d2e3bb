"""The Union Cabinet sworn in in June 2024 is in the KB with its Hindi names: a minister
whose Hindi spelling transliterates to another English spelling (जुएल ओराम is "Juel
Oram" by rule, भूपेंद्र यादव "Bhupendra Yadav") is named as English copy names him."""

from __future__ import annotations

import pactwatch


def _ents(text: str) -> dict[str, dict]:
    rec = pactwatch.extract(text, published="2025-11-20", lang="hi").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_union_ministers_named_by_their_english_spelling() -> None:
    ents = _ents("नई दिल्ली, 20 नवंबर (भाषा) केंद्रीय जनजातीय कार्य मंत्री जुएल ओराम और "
                 "पर्यावरण मंत्री भूपेंद्र यादव ने बुधवार को जापान के राजदूत से मुलाकात की।")
    assert ents["Jual Oram"]["type"] == "PERSON"
    assert "Bhupender Yadav" in ents
    assert "Juel Oram" not in ents
