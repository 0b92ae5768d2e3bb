"""Japanese drops the names of a travelling group once it is told: "一行は…と意見交換する",
"代表団は…と会談した" are the group's talks, its people and bodies named where the group
was told ("…会頭を団長とする経済ミッション"), of the leader's side only (the host the same
sentence names is the other side)."""

from __future__ import annotations

import pactwatch

TEXT = ("大阪商工会議所の鳥井信吾会頭を団長とする経済ミッションがインド西部のグジャラート州を訪れ、"
        "21日、州都ガンディナガルでブペンドラ・パテル州首相と会談しました。"
        "一行は23日、グジャラート州産業開発公社（GIDC）の幹部とも意見交換する予定です。")


def _meetings(text: str) -> list[dict]:  # type: ignore[type-arg]
    rec = pactwatch.extract(text, published="2026-01-22", lang="ja").to_dict()
    return [e for e in rec["events"] if e["type"] == "meeting"]


def test_group_subject_brings_its_members() -> None:
    gidc = [m for m in _meetings(TEXT)
            if "Gujarat Industrial Development Corporation" in m["participants"]]
    assert gidc, _meetings(TEXT)
    assert "Osaka Chamber of Commerce and Industry" in gidc[0]["participants"]
    assert "Bhupendra Patel" not in gidc[0]["participants"]


def test_without_a_group_subject_nothing_is_added() -> None:
    text = TEXT.replace("一行は23日、", "同州は23日、")
    gidc = [m for m in _meetings(text)
            if "Gujarat Industrial Development Corporation" in m["participants"]]
    assert all("Shingo Torii" not in m["participants"] for m in gidc), gidc
