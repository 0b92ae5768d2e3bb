"""An author's profile at the foot of a web story ("लेखक के बारे में", "About the Author")
is about the writer: the names in it are no entities of the story."""

from __future__ import annotations

import pactwatch


def _names(text: str, lang: str) -> set[str]:
    rec = pactwatch.extract(text, published="2025-10-12", lang=lang).to_dict()
    return {e["name"] for e in rec["entities"]}


def test_normalise_hindi_author_profile_names_nobody() -> None:
    names = _names("लखनऊ, 12 अक्टूबर (भाषा) उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने जापानी "
                   "कंपनी से मुलाकात की।\n\nलेखक के बारे में\nअमित कुमार मिश्रा\nअमित कुमार मिश्रा "
                   "एक अखबार में वरिष्ठ संवाददाता हैं।\n", "hi")
    assert "Yogi Adityanath" in names
    assert "Amit Kumar Mishra" not in names


def test_normalise_english_author_profile_names_nobody() -> None:
    names = _names("TOKYO, Oct 12 (Reuters) - Toyota said it will invest in Karnataka.\n\n"
                   "About the Author\nRavi Menon is a senior correspondent based in Chennai.\n", "en")
    assert "Toyota" in names
    assert "Ravi Menon" not in names and "Chennai" not in names
