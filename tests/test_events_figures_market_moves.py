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
