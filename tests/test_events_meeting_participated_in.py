""""X, Y and Z participated in the meeting" tells the meeting just reported again, with
those present, not a second meeting whose sides they are.  Text is the team's own
(written for issue 9's unseen-text probes)."""

from __future__ import annotations

import pactwatch


def test_events_participated_in_the_meeting_is_the_same_meeting() -> None:
    rec = pactwatch.extract(
        "Hyderabad, March 12, 2026\n\nTelangana Chief Minister A. Revanth Reddy held a meeting "
        "with Daikin President Naofumi Takenaka at the Secretariat here on Thursday.\n\n"
        "Daikin Director Kenji Morita, Chief Secretary Sri K. Ramakrishna Rao and Special "
        "Chief Secretary Sri Sanjay Kumar "
        "participated in the meeting.", published="2026-03-12").to_dict()
    meetings = [e for e in rec["events"] if e["type"] == "meeting"]
    assert len(meetings) == 1
    assert "Sanjay Kumar" not in meetings[0]["participants"]
    assert "A. Revanth Reddy" in meetings[0]["participants"]
