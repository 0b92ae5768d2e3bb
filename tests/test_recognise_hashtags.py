"""A hashtag or a handle ("#IndiaJapan", "@CMOTamilNadu") names no one in the story, though
the model reads "IndiaJapan" as a person.  Invented text."""

from __future__ import annotations

import pactwatch


def test_recognise_hashtags_are_no_entities() -> None:
    art = pactwatch.extract(
        "New Delhi, March 2 (PTI) India and Japan on Monday signed loan agreements worth 190 "
        "billion yen for the Chennai Metro, officials said. #IndiaJapan #BulletTrain",
        published="2026-03-02").to_dict()
    names = {e["name"] for e in art["entities"]}
    assert not names & {"IndiaJapan", "BulletTrain"}, names
