"""An English group told once and then as "The delegation" travels for those who made it
up: "The delegation, which arrived in Vijayawada on Tuesday, also visited the Sri City
industrial park" is the journey of the Vice Governor's group, not of a company whose plant
it saw.  Invented text."""

from __future__ import annotations

import pactwatch


def test_events_the_delegation_travels_for_its_leader() -> None:
    art = pactwatch.extract(
        "Amaravati, Feb 26 (PTI) A 25-member business delegation from Japan's Aichi "
        "Prefecture, led by Vice Governor Kenji Nakamura, called on Andhra Pradesh Chief "
        "Minister N Chandrababu Naidu on Wednesday.\n\nThe delegation, which arrived in "
        "Vijayawada on Tuesday, also visited the Sri City industrial park and the Kia plant at "
        "Penukonda during its four-day tour.", published="2026-02-26").to_dict()
    visits = [e for e in art["events"] if e["type"] == "visit"]
    assert visits
    assert any("Kenji Nakamura" in v["participants"] for v in visits), visits
