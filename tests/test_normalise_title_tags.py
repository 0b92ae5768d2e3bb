"""A headline followed by a region tag line (JETRO's "（インド、日本）") is still the title."""

from __future__ import annotations

from pactwatch.normalise import guess_title


def test_title_above_a_region_tag_line() -> None:
    body = ("マハラシュトラ州、日本企業向け新投資政策を発表\n（インド、日本）\nムンバイ発\n"
            "2025年11月27日\nインド西部マハラシュトラ州政府は11月25日、新たな政策を発表した。")
    assert guess_title(body) == "マハラシュトラ州、日本企業向け新投資政策を発表"


def test_a_first_sentence_running_into_the_next_line_is_no_title() -> None:
    body = "The state signed six MoUs on Tuesday\nwith Japanese companies, officials said."
    assert guess_title(body) is None


def test_a_short_lead_that_opens_with_the_dateline_is_no_title() -> None:
    from pactwatch.normalise import normalise
    from pactwatch.read.base import Document

    t = normalise(Document(doc="t.txt", published="2025-10-22", text=(
        "Pune, Oct 22 (ANI): Japan's Consul General Koji Yagi concluded his tour on Tuesday.\n\n"
        "He met the state's industries minister.")))
    assert t.title is None
    t = normalise(Document(doc="t.txt", published="2025-10-22", text=(
        "Japanese envoy wraps up Maharashtra tour\n\n"
        "Pune, Oct 22 (ANI): Japan's Consul General Koji Yagi concluded his tour on Tuesday.")))
    assert t.title == "Japanese envoy wraps up Maharashtra tour"
