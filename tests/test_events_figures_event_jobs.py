"""Jobs told again for an event are the event's, no figure of their own (ANNOTATION.md:
"13,000 jobs belongs to its event instead").  Invented text."""

from __future__ import annotations

import pactwatch


def test_events_jobs_told_again_are_no_figure() -> None:
    art = pactwatch.extract(
        "Ahmedabad, March 3 (PTI) Honda Motorcycle & Scooter India will spend Rs 920 crore on "
        "a battery-pack facility at its Vithalapur plant in Gujarat, creating about 1,100 "
        "jobs.\n\nThe company said on Monday it would invest Rs 920 crore to set up the "
        "facility. The investment will create about 1,100 jobs, the company said in a filing.",
        published="2026-03-03").to_dict()
    assert any(e["jobs"] == 1100 for e in art["events"])
    assert not any(f["value"] == 1100 for f in art["figures"]), art["figures"]
