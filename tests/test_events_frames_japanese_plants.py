"""Japanese plants: "拠点を設ける" builds a facility; jobs stated about "the new plant"
go to the plant even when the investment is reported between them."""

from __future__ import annotations

import pactwatch


def _events(text: str) -> list[dict]:
    return pactwatch.extract(text, published="2025-11-27", lang="ja").to_dict()["events"]


def test_assembly_base_set_up_is_a_facility() -> None:
    evs = _events("京都府のミヤコ電子工業は26日、インドのプネ近郊に電子部品の組立拠点を設けると発表した。")
    assert [e["type"] for e in evs] == ["facility"]
    assert "Miyako Denshi Kogyo" in evs[0]["participants"]


def test_jobs_of_the_new_plant_go_to_the_plant() -> None:
    evs = _events("富山県の北陸電装は14日、インド北部ラジャスタン州のニムラナに新工場を建設すると発表した。"
                  "投資額は約40億円で、2027年中の稼働を目指す。新工場では約600人を雇用する計画だ。")
    by_type = {e["type"]: e for e in evs}
    assert by_type["facility"]["jobs"] == 600


def test_japanese_project_cost_is_the_plants_investment() -> None:
    """"投資規模は約300億円", "総事業費は約300億円": the size or cost of the project told
    after the plant is the investment's sum."""
    import pactwatch as _pw
    for tail in ("投資規模は約300億円。", "総事業費は約300億円を見込む。"):
        art = _pw.extract("デンソーはインド南部タミル・ナドゥ州に新工場を建設すると発表した。" + tail,
                          published="2025-12-11").to_dict()
        sums = [e["amount"] for e in art["events"] if e["type"] == "investment"]
        assert sums == [{"value": 30000000000, "currency": "JPY"}]
