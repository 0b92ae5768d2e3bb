"""Event gate on the deals probes (``tests/corpus/deal_probes``, c81-c84): four articles
written blind for issue 9 (English, Hindi, Japanese) in which a state adopts a policy and
several deals are told one by one, each with its own sum, jobs and plant site.

They sit apart from ``corpus/articles`` because they were scored before any change was
made for them (strict events .719, place .588 blind) and their places still fall below the
corpus floors: plant sites the KB lacks (katakana towns).  Their events, sums, jobs and
places are gated here; the figures only rise."""

from __future__ import annotations

from pathlib import Path

from corpus_scoring import score

PROBES = Path(__file__).parent / "corpus" / "deal_probes"
# events / amount / jobs / place: blind .719 / .818 / 1.00 (n=14) / .588; .870 / .923 / 1.00 / .609 at the
# first landing; 1.00 / 1.00 / 1.00 (n=22) / .852 now
FLOORS = {"events": 1.0, "amount": 1.0, "jobs": 1.0, "place": 0.84}


def test_quality_deal_probes_events_sums_jobs() -> None:
    gold, preds, out, misses = score([PROBES / "articles"], PROBES / "gold")
    assert set(gold) <= set(preds)
    got = {"events": out["all"]["events_strict"]["all"]["f1"],
           "amount": out["all"]["event_attributes"]["amount"]["acc"],
           "jobs": out["all"]["event_attributes"]["jobs"]["acc"],
           "place": out["all"]["event_attributes"]["place"]["acc"]}
    low = {k: v for k, v in got.items() if v + 1e-9 < FLOORS[k]}
    assert not low, f"{low}\n" + "\n".join(m for m in misses if "entity" not in m)
