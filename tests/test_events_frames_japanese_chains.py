"""Japanese events told in chained clauses and business-page phrasings: the tense of a
chained verb is the sentence's final verb, not a plan named on the way; a courtesy call is
a meeting; a causal clause keeps its own tense; a stay under way dates no arrival; a
ministry is a venue; the topic pronoun 同社 is the actor of a stake it takes; a stake is a
deal apart from the plant; a company's seat in brackets takes no part; the town before
what is built there is the plant's site."""

from __future__ import annotations

import pactwatch


def _events(text: str, published: str = "2026-01-16") -> list[dict]:
    return pactwatch.extract(text, published=published, lang="ja").to_dict()["events"]


def _one(events: list[dict], typ: str) -> dict:
    found = [e for e in events if e["type"] == typ]
    assert len(found) == 1, events
    return found[0]


def test_chained_meeting_takes_the_final_verb_not_the_plan() -> None:
    ev = _events("ラジャスタン州のバジャンラル・シャルマ州首相は14日、ジャイプールで東海経済連合会の"
                 "代表団と面会し、日本企業向けの工業団地をニムラナに整備する方針を示した。")
    assert _one(ev, "meeting")["status"] == "completed"
    assert _one(ev, "facility")["status"] == "planned"


def test_courtesy_call_is_a_meeting_and_a_relative_clause_plans_nothing() -> None:
    ev = _events("ゴヤル商工相はこれに先立って、首相官邸で高市総理大臣を表敬訪問し、"
                 "来年インドで開かれる見本市への日本企業の参加を呼びかけました。")
    assert not [e for e in ev if e["type"] == "visit"]
    assert _one(ev, "meeting")["status"] == "completed"


def test_causal_clause_keeps_its_past() -> None:
    ev = _events("山本一太知事は、２月２日から７日までの日程でインド・タミル・ナドゥ州を"
                 "訪問しましたので、その結果をお知らせします。", published="2026-02-10")
    assert _one(ev, "visit")["status"] == "completed"


def test_stay_under_way_dates_no_arrival_and_ministry_is_a_venue() -> None:
    ev = _events("赤沢経済産業大臣は16日、来日しているインドのピユシュ・ゴヤル商工相と東京都内の"
                 "経済産業省で会談し、半導体分野の協力覚書に署名しました。", published="2026-01-20")
    meeting = _one(ev, "meeting")
    assert meeting["date"] == "2026-01-16"
    assert meeting["place"] == "Tokyo"
    assert _one(ev, "agreement")["status"] == "signed"


def test_stake_by_the_topic_company_is_its_own_deal() -> None:
    ev = _events("空調部品を手がける北浜熱交工業（大阪府東大阪市）は、テランガナ州に新工場を建設する。"
                 "投資額は約150億円。"
                 "同社は同日、ハイデラバードの部品メーカー、ラクシュミ・コンポーネンツに26％出資すると"
                 "発表した。出資額は約20億円。", published="2025-12-04")
    inv = [e for e in ev if e["type"] == "investment"]
    assert len(inv) == 2, inv
    stake = next(e for e in inv if any("Components" in p for p in e["participants"]))
    assert "Kitahama Netsuko Kogyo" in stake["participants"]
    assert stake["amount"] == {"value": 2000000000, "currency": "JPY"}
    # the company's seat in brackets is no side of either deal
    assert not any("Osaka" in p for e in ev for p in e["participants"])


def test_share_purchase_is_an_investment() -> None:
    ev = _events("カネヨ食品は1月16日、ウッタル・プラデシュ州ラクナウの菓子メーカー、アワディ・フーズの株式の40％を"
                 "取得すると発表した。")
    assert _one(ev, "investment")["status"] == "planned"


def test_town_before_what_is_built_there_is_the_site() -> None:
    ev = _events("関西熱交工業は、テランガナ州に新工場を建設する。"
                 "新工場は州都ハイデラバードの西約100キロにあるザヒラバードの工業団地に建設し、"
                 "約500人を雇用する計画だ。", published="2025-12-04")
    plant = _one(ev, "facility")
    assert plant["place"] == "Zahirabad"
    assert plant["jobs"] == 500


def test_groundbreaking_ceremony_is_a_plant() -> None:
    ev = _events("部品メーカーの大豊精機（本社・愛知県豊田市）は20日、タイ東部のアマタシティ・"
                 "チョンブリ工業団地で第2工場の起工式を開いた。", published="2025-11-21")
    assert _one(ev, "facility")["status"] == "planned"


def test_starting_production_is_a_running_plant() -> None:
    ev = _events("スズキは7日、インド子会社のマルチ・スズキがグジャラート州の新工場で四輪車の生産を"
                 "始めたと発表した。", published="2025-11-10")
    plant = _one(ev, "facility")
    assert plant["status"] == "operational" and plant["date"] == "2025-11-07"


def test_attributive_arrival_leaves_the_day_to_the_talks() -> None:
    ev = _events("トヨタ自動車の佐藤恒治社長は9日、来日したインドのモディ首相と都内で会談した。",
                 published="2025-11-10")
    assert _one(ev, "meeting")["date"] == "2025-11-09"


def test_purpose_clause_keeps_its_tense_to_itself() -> None:
    ev = _events("ヤマハ発動機はインドで電動二輪車を生産するため、現地の新興企業に出資した。",
                 published="2025-11-10")
    assert _one(ev, "investment")["status"] == "completed"
