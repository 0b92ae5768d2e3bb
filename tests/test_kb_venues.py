"""Named venues of India-Japan events are places the KB knows (issue 9: Japanese places
on unseen text): "ホテルニューオータニ" and "経団連会館" were no entities, while the gold
codes a named venue as a PLACE; the events still place the signing in the venue's city."""

from __future__ import annotations

import pactwatch


def test_venues_are_places_and_events_stay_in_the_city() -> None:
    rec = pactwatch.extract("【ムンバイ＝共同】インド西部マハラシュトラ州の州首相は18日、東京都内の"
                            "ホテルニューオータニで日本企業3社と覚書を締結した。19日には東京・大手町の"
                            "経団連会館で懇談した。", published="2026-01-20", lang="ja").to_dict()
    places = {e["name"]: e for e in rec["entities"] if e["type"] == "PLACE"}
    assert "Hotel New Otani Tokyo" in places and "Keidanren Kaikan" in places
    assert places["Keidanren Kaikan"]["kind"] == "building"
    assert {(ev["type"], ev["place"]) for ev in rec["events"]} >= {("agreement", "Tokyo"),
                                                                   ("meeting", "Tokyo")}
