"""Two invitations that share one side (the visiting prefecture) but are made by other
people in other places are two calls, not one: the chief minister's call to the
governor's companies in Chennai and the governor's invitation to a minister in Bengaluru."""

from __future__ import annotations

import pactwatch

TEXT = ("愛知県の大村秀章知事は8日から10日までインドを訪問した。"
        "知事は8日、チェンナイでタミル・ナドゥ州のM・K・スターリン首相と会談した。"
        "スターリン首相は愛知県の企業に州への投資を呼びかけた。"
        "10日にはベンガルールでカルナタカ州のM・B・パティル大規模・中規模産業相と面会した。"
        "知事は名古屋市で開く展示会にパティル氏を招待した。")


def test_events_invitations_by_other_people_in_other_places_stay_apart() -> None:
    rec = pactwatch.extract(TEXT, published="2025-10-12", lang="ja").to_dict()
    calls = [e for e in rec["events"] if e["type"] == "invitation"]
    assert len(calls) == 2, calls
    by_stalin = [e for e in calls if "M. K. Stalin" in e["participants"]]
    by_governor = [e for e in calls if "M. B. Patil" in e["participants"]]
    assert by_stalin and by_governor and by_stalin[0] is not by_governor[0]
    assert "M. B. Patil" not in by_stalin[0]["participants"]


def test_events_one_persons_calls_in_two_sentences_stay_one() -> None:
    text = ("愛知県の大村秀章知事は8日、チェンナイでタミル・ナドゥ州のM・K・スターリン首相と会談した。"
            "スターリン首相は愛知県の企業に州への投資を呼びかけた。"
            "同首相は州の工業団地への進出も呼びかけた。")
    rec = pactwatch.extract(text, published="2025-10-12", lang="ja").to_dict()
    assert len([e for e in rec["events"] if e["type"] == "invitation"]) == 1
