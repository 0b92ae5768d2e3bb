"""Background a business story tells around its news: a statistic over years ("touched $43
billion between April 2000 and September 2025"), a third party's estimate of what "could"
come, and a plant a company already has, told in a relative clause ("Daikin, which has a
research centre in Neemrana"), are no events; the news beside them stays.  Invented text."""

from __future__ import annotations

import pactwatch

TEXT = (
    "Lucknow, Feb 10 (PTI) Japanese investment in India touched $43 billion between April "
    "2000 and September 2025, according to official data. On Monday, Nidec Corporation said "
    "it would invest Rs 1,100 crore to set up a motor plant in Uttar Pradesh. Toyota Tsusho, "
    "which operates a logistics park in Greater Noida, and Daikin, which has a research "
    "centre in Neemrana, are among the companies expanding in the region. Industry body "
    "Assocham estimates that Japanese firms could invest another $10 billion in north India "
    "by 2030 if land acquisition speeds up.")


def _events() -> list[dict]:
    return pactwatch.extract(TEXT, published="2026-02-10").to_dict()["events"]


def test_events_statistic_estimate_and_assets_are_no_events() -> None:
    events = _events()
    investments = [e for e in events if e["type"] == "investment"]
    assert len(investments) == 1, investments
    assert "Nidec Corporation" in investments[0]["participants"]
    assert not any(e["type"] == "facility" and "Neemrana" in e["participants"] for e in events)


def test_link_name_listed_with_companies_is_the_company() -> None:
    art = pactwatch.extract(
        "Lucknow, Feb 10 (PTI) Chief Minister Yogi Adityanath will meet executives of Nidec, "
        "Toyota and Hitachi in Tokyo in May.", published="2026-02-10").to_dict()
    kinds = {e["name"]: e["kind"] for e in art["entities"]}
    assert all(kinds.get(n) != "city" for n in ("Toyota", "Hitachi")), kinds
