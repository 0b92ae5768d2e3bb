"""The country a company is from is no site of its deal: "the local unit of Japan's Honda
Motor Co ... would invest Rs 920 crore" and "Honda ... to invest Rs 920 crore in ... Gujarat"
are one investment, not one in Gujarat and one in Japan.  Invented text."""

from __future__ import annotations

import pactwatch


def test_events_home_country_of_the_investor_does_not_part_one_investment() -> None:
    art = pactwatch.extract(
        "Honda to invest Rs 920 crore in battery-pack facility at Gujarat plant\n\n"
        "Honda Motorcycle & Scooter India will spend Rs 920 crore on a battery-pack facility "
        "at its Vithalapur plant in Gujarat, creating about 1,100 jobs.\n\n"
        "Honda Motorcycle & Scooter India (HMSI), the local unit of Japan's Honda Motor Co, "
        "said on Monday it would invest Rs 920 crore to set up a battery-pack assembly "
        "facility at its Vithalapur plant near Ahmedabad.", published="2026-03-03").to_dict()
    investments = [e for e in art["events"] if e["type"] == "investment"]
    assert len(investments) == 1, investments
