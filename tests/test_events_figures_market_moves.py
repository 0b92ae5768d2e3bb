"""A share price or index move ("Shares of X rose 2.3%") is a market report's number, not
a figure of the partnership; a stated share of the partnership stays.  Invented text."""

from __future__ import annotations

import pactwatch


def _figures(text: str) -> set[float]:
    art = pactwatch.extract(text, published="2026-03-04").to_dict()
    return {f["value"] for f in art["figures"]}


def test_events_share_price_move_is_no_figure() -> None:
    values = _figures("SEOUL, March 4 (Reuters) - Hanwha Ocean said on Wednesday it would "
                      "build a shipyard in Gujarat. Shares of Hanwha Ocean rose 3.1% in Seoul, "
                      "while the benchmark KOSPI index gained 0.6%.")
    assert not values & {3.1, 0.6}


def test_events_partnership_percentage_stays_a_figure() -> None:
    values = _figures("Chennai, March 4 (PTI) Korean companies account for 28% of the "
                      "electronics exports of Tamil Nadu, Industries Minister T R B Rajaa said, "
                      "as the state signed an MoU with Samsung on Wednesday.")
    assert 28 in values


def test_events_close_of_shares_is_no_figure() -> None:
    values = _figures("Chennai, March 4 (PTI) Tamil Nadu signed an MoU with Kyocera on "
                      "Wednesday. Kyocera shares closed 0.6 per cent lower on the Tokyo Stock "
                      "Exchange, while the Nifty Auto index ended 0.4 per cent higher.")
    assert not values & {0.6, 0.4}


def test_events_units_sold_or_forecast_are_no_figure_but_capacity_is() -> None:
    sold = _figures("Ahmedabad, March 4 (PTI) Honda will invest Rs 920 crore in a battery-pack "
                    "unit in Gujarat. Honda sold 5.8 million two-wheelers in India in 2024-25, "
                    "and Crisil expects sales to cross 2 million units next year.")
    assert not sold & {5800000, 2000000}
    made = _figures("Ahmedabad, March 4 (PTI) Suzuki will build a plant in Gujarat with an "
                    "annual production capacity of 1 million vehicles, the company said.")
    assert 1000000 in made
