"""Japanese: 誘致 (attracting investment) is an invitation, except as the purpose of a
policy ("誘致する新政策") or as inflows already counted ("FDIを誘致した")."""

from __future__ import annotations

from pactwatch.events.triggers import find_triggers


def _types(text: str) -> set[str]:
    return {t.type for t in find_triggers(text, "ja")}


def test_triggers_japanese_attraction_is_an_invitation() -> None:
    assert "invitation" in _types("州首相は日本企業の誘致を呼び掛けた。")


def test_triggers_japanese_attraction_policy_is_no_invitation() -> None:
    assert "invitation" not in _types("州政府は電池産業への投資を誘致する新政策を導入した。")


def test_triggers_japanese_counted_inflows_are_no_invitation() -> None:
    assert "invitation" not in _types("昨年度は約30億ドルの海外直接投資（FDI）を誘致した。")


def test_triggers_japanese_agreement_as_ground_is_no_agreement() -> None:
    assert "agreement" not in _types("昨年締結した基本合意書に基づく共同研究を始めた。")
    assert "agreement" not in _types("協定の更新に合わせて設立された友好協会が集まった。")
    assert "agreement" in _types("両県は経済協力に関する覚書を締結した。")
