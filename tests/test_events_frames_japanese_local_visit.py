"""Japanese: "来県" (came to this prefecture) names the writer's prefecture as the
destination of a visit: the Japanese prefecture the story names most."""

from __future__ import annotations

import pactwatch


def test_events_japanese_came_to_this_prefecture_is_a_visit_there() -> None:
    text = ("インド・グジャラート州の政府訪問団が来県しました。"
            "静岡県は同州との経済交流を進めている。静岡県の担当者が案内した。")
    rec = pactwatch.extract(text, published="2025-09-02", lang="ja").to_dict()
    visits = [e for e in rec["events"] if e["type"] == "visit"]
    assert visits and visits[0]["place"] == "Shizuoka Prefecture"
    assert "Gujarat" in visits[0]["participants"]


def test_events_japanese_came_to_prefecture_without_prefecture_is_no_visit() -> None:
    rec = pactwatch.extract("インド・グジャラート州の政府訪問団が来県しました。",
                            published="2025-09-02", lang="ja").to_dict()
    assert not [e for e in rec["events"] if e["type"] == "visit"]


def test_events_japanese_within_the_state_points_back_to_the_story_state() -> None:
    text = ("台湾の鴻海精密工業は米アップル向けの製品を作る。グジャラート州の州首相は日本企業の誘致を進める。"
            "鴻海は州内で新工場を建設中で、来年に生産を始める。")
    rec = pactwatch.extract(text, published="2025-09-02", lang="ja").to_dict()
    plants = [e for e in rec["events"] if e["type"] == "facility"]
    assert plants and plants[0]["place"] == "Gujarat"
    assert "Gujarat" in plants[0]["participants"]


def test_events_japanese_bare_governor_acts_for_the_story_prefecture() -> None:
    text = ("グジャラート州は静岡県との交流を進めている。グジャラート州には日本企業が多い。"
            "グジャラート州の州首相が東京で村松知事と会談した。")
    rec = pactwatch.extract(text, published="2025-09-02", lang="ja").to_dict()
    talks = [e for e in rec["events"] if e["type"] == "meeting"]
    assert talks and "Shizuoka Prefecture" in talks[0]["participants"]
