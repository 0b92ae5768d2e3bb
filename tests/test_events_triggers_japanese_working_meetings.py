"""Japanese words for a working meeting that prefectures' and companies' releases use
(ディスカッション, 打ち合わせ) are meeting cues; a seminar's panel discussion is not."""

from __future__ import annotations

from pactwatch.events.triggers import find_triggers


def _meeting_cues(text: str) -> list[str]:
    return [t.text for t in find_triggers(text, "ja") if t.type == "meeting"]


def test_discussion_with_the_departments_is_a_meeting() -> None:
    assert _meeting_cues("29日は県庁で各担当部局とディスカッションを行った。")
    assert _meeting_cues("同社幹部は州政府の担当者と打ち合わせを行った。")


def test_panel_discussion_is_no_meeting() -> None:
    cues = _meeting_cues("会場では日系企業によるパネルディスカッションも行われた。")
    assert not any("ディスカッション" in c for c in cues), cues
