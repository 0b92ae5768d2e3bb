"""A place-like name inside a quoted title that goes on after it ("the ‘Investors’ First
Port of Call’") is a word of the title; quotes around just the name, and quoted sayings,
leave the name read.  Invented text."""

from __future__ import annotations

import pactwatch
from pactwatch.recognise import in_quoted_title


def _at(body: str, name: str) -> bool:
    start = body.index(name)
    return in_quoted_title(body, start, start + len(name))


def test_name_inside_a_longer_quoted_title_is_no_place() -> None:
    assert _at("He spoke at the ‘Investors’ First Port of Call’ in Kobe.", "Investors’ First Port")


def test_quotes_around_just_the_name_and_sayings_keep_it() -> None:
    assert not _at("The plan is to develop ‘Japan Industrial Townships’ in India.",
                   "Japan Industrial Townships")
    assert not _at("He said “we will set up a plant in Sanand soon” and left.", "Sanand")


def test_quoted_session_title_gives_no_place_entity() -> None:
    art = pactwatch.extract(
        "Kobe, Sept 9 (PTI) Speaking at the ‘Investors’ First Port of Call’ in Kobe, the "
        "Chief Minister invited Japanese firms to Tamil Nadu.", published="2025-09-09").to_dict()
    assert not any("Port" in e["name"] for e in art["entities"])
