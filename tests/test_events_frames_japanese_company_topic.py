"""Japanese event frames: "同社" is the company the story is about (the last topic), a
head office written "（本社・県市）" is no plant site, a 奨励策 is a policy, and a park
talked about in a meeting is no facility of its own."""

from __future__ import annotations

import pactwatch


def _rec(text: str) -> dict:
    return pactwatch.extract(text, published="2025-09-26", lang="ja").to_dict()


def _names(rec: dict, ev: dict) -> set[str]:
    return set(ev["participants"])


def test_dosha_is_the_topic_company_not_its_customers() -> None:
    rec = _rec("大和ブレーキ工業（本社・愛知県刈谷市）は25日、インド北部ハリヤナ州のマネサールに新工場を"
               "建設すると発表した。新工場の製品はヒーロー・モトコープやホンダの現地法人に供給する。"
               "同社は同日、ハリヤナ州産業インフラ開発公社（HSIIDC）と覚書を締結した。")
    agreements = [e for e in rec["events"] if e["type"] == "agreement"]
    assert agreements and "Yamato Brake Kogyo" in agreements[0]["participants"]
    facility = next(e for e in rec["events"] if e["type"] == "facility")
    assert facility["place"] == "Manesar"  # not Kariya, the head office
    assert "Kariya" not in facility["participants"]


def test_incentive_scheme_is_a_policy() -> None:
    rec = _rec("インド・グジャラート州政府は同日、電子部品の製造に対する新たな投資奨励策を発表した。")
    assert any(e["type"] == "policy" for e in rec["events"])


def test_park_as_a_topic_of_talks_is_no_facility() -> None:
    rec = _rec("オディシャ州のマジ州首相は25日、東京都内でジェトロの石黒憲彦理事長と会談し、"
               "同州における日系企業向け工業団地の整備などについて意見交換した。")
    types = [e["type"] for e in rec["events"]]
    assert "meeting" in types and "facility" not in types


def test_president_of_dosha_meets_a_foreign_official_told_before_in_full() -> None:
    rec = _rec("精密部品の白樺精工（本社・長野県諏訪市）は8日、タイ東部で新工場の開所式を開いた。"
               "式典にはタイ工業省のスリヤ・チャンタナ次官が出席した。"
               "同社の佐藤健一社長は式典後、スリヤ次官と面会した。")
    ents = {e["name"]: e for e in rec["entities"]}
    assert [m["text"] for m in ents["Suriya Chantana"]["mentions"]] == ["スリヤ・チャンタナ", "スリヤ"]
    assert ents["Kenichi Sato"]["country"] == "JP"  # a name in kanji
    meeting = next(e for e in rec["events"] if e["type"] == "meeting")
    assert {"Kenichi Sato", "Shirakaba Seiko", "Suriya Chantana"} <= set(meeting["participants"])
    facility = next(e for e in rec["events"] if e["type"] == "facility")
    assert facility["status"] == "operational"  # a plant opened runs from then on


def test_a_quoted_promise_does_not_make_the_reported_act_planned() -> None:
    rec = _rec("来日したオディシャ州のマジ州首相は26日、「日本企業の投資を全面的に支援する」と述べ、"
               "日本企業に州への進出を呼び掛けた。")
    inv = next(e for e in rec["events"] if e["type"] == "invitation")
    assert inv["status"] == "announced"
