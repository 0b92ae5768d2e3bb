"""A company officer named by name and title alone ("山本健一社長は20日、…と面談し") acts for
the company the story is about, as "同社の…社長" does: the meeting lists the company."""

from __future__ import annotations

import pactwatch

TEXT = ("中堅機械メーカーの東和製作所（愛知県刈谷市）は、タミル・ナドゥ州のホスールに部品工場を新設する。"
        "山本健一社長は20日、チェンナイで同州のT・R・B・ラージャー産業相と面談した。")


def test_officer_acts_for_the_story_company() -> None:
    rec = pactwatch.extract(TEXT, published="2026-02-21", lang="ja").to_dict()
    talks = [e for e in rec["events"] if e["type"] == "meeting"]
    assert talks and "Towa Seisakusho" in talks[0]["participants"], talks


def test_official_without_company_title_adds_none() -> None:
    text = TEXT.replace("山本健一社長は", "大村秀章知事は")
    rec = pactwatch.extract(text, published="2026-02-21", lang="ja").to_dict()
    talks = [e for e in rec["events"] if e["type"] == "meeting"]
    assert talks and "Towa Seisakusho" not in talks[0]["participants"], talks
