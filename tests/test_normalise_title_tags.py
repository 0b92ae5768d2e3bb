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
