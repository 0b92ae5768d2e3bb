"""Japanese events as unseen copy tells them (issue 9, the ev23 probes c113-c115): a request
that others invest is an invitation, talks named again ("懇談で…") date what was said
there, a plant's year to run may come a sentence after the plant, last year's inflow is
background, and attracting plants is what a policy is for, no invitation."""

from __future__ import annotations

import pactwatch


def _events(text: str, published: str = "2025-11-20") -> list[dict]:
    return pactwatch.extract(text, published=published, lang="ja").to_dict()["events"]


def test_request_to_urge_investment_is_an_invitation() -> None:
    evs = _events("駐日インド大使のシビ・ジョージ氏は18日、東京で日本商工会議所の小林健会頭と面会し、"
                  "インド各州への投資を日本企業に働き掛けるよう要請した。")
    invitations = [e for e in evs if e["type"] == "invitation"]
    assert len(invitations) == 1
    assert "Sibi George" in invitations[0]["participants"]


def test_request_to_consider_coming_is_an_invitation() -> None:
    evs = _events("ラジャスタン州のバジャン・ラル・シャルマ州首相は18日、ジャイプールで愛知県の大村秀章知事と"
                  "会談した。州首相は、愛知県の企業に州の工業団地への進出を検討するよう要請した。")
    assert "invitation" in [e["type"] for e in evs]


def test_what_was_said_at_the_talks_takes_the_talks_day() -> None:
    evs = _events("ラジャスタン州のバジャン・ラル・シャルマ州首相は17日、東京で経団連の幹部らと懇談した。"
                  "州首相は今月15日に来日し、21日まで滞在する。"
                  "懇談で州首相は、州内に工場を新設する企業に設備投資額の25％を補助する制度を"
                  "4月から始めると説明した。")
    policies = [e for e in evs if e["type"] == "policy"]
    assert [p["date"] for p in policies] == ["2025-11-17"]


def test_plants_year_to_run_told_in_the_next_sentence() -> None:
    evs = _events("ラジャスタン州は18日、ジャイプールでデンソーと覚書を締結した。"
                  "デンソーは約90億ルピーを投じ、ニムラナに部品工場を新設する。"
                  "2027年度中の稼働を目指し、約1200人を雇用する計画。")
    plants = [e for e in evs if e["type"] == "facility"]
    assert [p["date"] for p in plants] == ["2027"]


def test_last_years_inflow_is_background() -> None:
    evs = _events("ラジャスタン州のバジャン・ラル・シャルマ州首相は18日、東京で経団連の幹部らと懇談した。"
                  "州政府によると、去年1年間の日本からの投資額は5億ドルを超えた。")
    assert "investment" not in [e["type"] for e in evs]


def test_incentives_to_attract_plants_are_a_policy_not_an_invitation() -> None:
    evs = _events("ラジャスタン州政府は18日、日本企業の工場誘致に向けた新たな優遇措置を閣議決定した。")
    types = [e["type"] for e in evs]
    assert "policy" in types
    assert "invitation" not in types


def test_traveller_left_out_as_subject_signs_for_his_prefecture() -> None:
    """"（知事は）…州首相と会談し、…覚書に署名しました": the governor the story follows,
    left out as a known subject, brings the prefecture he governs to the pact."""
    evs = _events("山梨県の長崎幸太郎知事は、1月26日から30日まで、インドを訪問しました。\n\n"
                  "1月27日、州都ボパールにおいて、マディヤ・プラデシュ州のモハン・ヤーダブ州首相と"
                  "会談し、水素分野の協力に関する覚書に署名しました。", published="2026-02-06")
    pacts = [e for e in evs if e["type"] == "agreement"]
    assert len(pacts) == 1
    assert {"Yamanashi Prefecture", "Madhya Pradesh"} <= set(pacts[0]["participants"])


def test_budget_set_aside_for_a_programme_is_a_policy() -> None:
    """"県は…新たな支援事業に3000万円を計上する方針": a programme funded is a measure the
    prefecture adopts, and "県は" is the prefecture the story is about."""
    evs = _events("山梨県の長崎幸太郎知事は1月26日から30日まで、インドを訪問しました。\n\n"
                  "県は、インドからの観光客の受け入れを拡大するため、来年度、新たな支援事業に"
                  "3000万円を計上する方針です。", published="2026-02-06")
    policies = [e for e in evs if e["type"] == "policy"]
    assert len(policies) == 1
    assert "Yamanashi Prefecture" in policies[0]["participants"]
    assert policies[0]["amount"] == {"value": 30000000, "currency": "JPY"}
