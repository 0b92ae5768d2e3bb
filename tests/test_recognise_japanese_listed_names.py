"""Japanese copy on startups and programmes: Latin names listed beside organisations are
organisations too; a katakana name before a former or new title (前会長, 新社長) is a
person; a state's department (カルナタカ州電子・IT・BT局) is no company named after the
state; an event of startup programmes (マッチングイベント) is no name."""

from __future__ import annotations

import pactwatch

TEXT = ("ジェトロは9日、ベンガルールで日印スタートアップのマッチングイベントを開催した。"
        "インド側からはZepto、Ather Energy、Log9 Materials、Agnikul Cosmosなど12社が参加した。"
        "カルナタカ州電子・IT・BT局の幹部があいさつし、"
        "Nasscomのデバジャニ・ゴーシュ前会長も出席した。")


def _ents() -> dict[str, dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(TEXT, published="2026-02-10", lang="ja").to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_latin_names_listed_beside_organisations() -> None:
    ents = _ents()
    assert ents["Log9 Materials"]["type"] == "ORG"
    assert ents["Agnikul Cosmos"]["type"] == "ORG"


def test_state_department_and_programme_event_are_no_companies() -> None:
    ents = _ents()
    assert "Karnataka" in ents
    assert not [n for n, e in ents.items() if e["type"] == "ORG" and n.startswith("Karunataka")]
    assert not [n for n in ents if n.startswith("Matchingu")]


def test_name_before_a_former_title_is_a_person() -> None:
    ents = _ents()
    people = [n for n, e in ents.items() if e["type"] == "PERSON"]
    assert any(n.startswith("Debajani") for n in people), ents
