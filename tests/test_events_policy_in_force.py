"""Support "under its food processing policy" names a policy already in force, the means
of the support: no policy event.  A policy brought now still is one.  Texts are the
team's own (written for issue 9's unseen-text probes)."""

from __future__ import annotations

import pactwatch


def _policies(text: str) -> list[dict]:
    rec = pactwatch.extract(text, published="2026-03-12").to_dict()
    return [e for e in rec["events"] if e["type"] == "policy"]


def test_events_support_under_its_policy_is_no_policy_event() -> None:
    assert not _policies(
        "Hyderabad, March 12 (PTI) Telangana Chief Minister A. Revanth Reddy met Daikin "
        "executives on Thursday and said the government will extend all support under its "
        "food processing policy to the company's new plant.")


def test_events_policy_announced_now_is_still_a_policy_event() -> None:
    assert _policies(
        "Hyderabad, March 12 (PTI) Telangana Chief Minister A. Revanth Reddy on Thursday "
        "announced a new food processing policy with capital subsidies for Japanese firms.")
