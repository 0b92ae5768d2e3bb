"""Office-holders of the partner countries (US, South Korea, Singapore...) are in the KB
with their names in English, Hindi and Japanese, so an article in any of the three names
them by the one canonical English name.  A name that is also a common word ("trump card",
トランプ "playing cards") is in the KB only in full or with its title: the common word
alone links nobody."""

from __future__ import annotations

import pactwatch


def _people(text: str, lang: str) -> dict[str, str]:
    rec = pactwatch.extract(text, published="2025-10-03", lang=lang).to_dict()
    return {e["name"]: e["id"] for e in rec["entities"] if e["type"] == "PERSON"}


def test_trump_linked_in_english_hindi_and_japanese() -> None:
    en = _people("WASHINGTON, Oct 3 (PTI) US President Donald Trump met Prime Minister "
                 "Narendra Modi on Friday and said the two countries would sign a trade "
                 "agreement soon.", "en")
    hi = _people("नई दिल्ली, 3 अक्टूबर (भाषा) अमेरिका के राष्ट्रपति डोनाल्ड ट्रंप ने शुक्रवार को "
                 "प्रधानमंत्री नरेंद्र मोदी से फोन पर बात की और व्यापार समझौते पर चर्चा की।", "hi")
    ja = _people("【ワシントン共同】トランプ大統領は3日、インドのモディ首相と電話会談し、"
                 "貿易協定の早期締結で一致した。", "ja")
    for people in (en, hi, ja):
        assert people.get("Donald Trump") == "person:donald-trump"


def test_the_common_word_alone_links_nobody() -> None:
    en = _people("NEW DELHI, Oct 3 (PTI) Cheap power is the trump card of the state in its "
                 "race for semiconductor plants, the industries minister told investors from "
                 "Japan on Friday.", "en")
    ja = _people("大阪市の企業がインドでトランプやボードゲームの製造工場を建設すると3日発表した。",
                 "ja")
    assert "Donald Trump" not in en
    assert "Donald Trump" not in ja


def test_korean_and_singaporean_leaders_by_their_english_names() -> None:
    ja = _people("韓国の李在明大統領は3日、インドのモディ首相とソウルで会談した。", "ja")
    hi = _people("सिंगापुर के प्रधानमंत्री लॉरेंस वोंग ने गुरुवार को नई दिल्ली में प्रधानमंत्री "
                 "नरेंद्र मोदी से मुलाकात की।", "hi")
    assert ja.get("Lee Jae-myung") == "person:lee-jae-myung"
    assert hi.get("Lawrence Wong") == "person:lawrence-wong"
