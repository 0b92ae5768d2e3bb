"""Credits, bylines and boilerplate: skipped spans that never change the body."""

from __future__ import annotations

import pytest
import regex

from pactwatch.normalise import Text, normalise
from pactwatch.read.base import Document


def _norm(text: str) -> Text:
    return normalise(Document(doc="t.txt", text=text))


def _skipped(t: Text) -> list[str]:
    return [t.body[s.start:s.end].strip() for s in t.skip]


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Aiko Mori; Editing by Lena Park",
        "(Additional reporting by Ravi Nair in Chennai)",
        "Story by Meera Iyer | Published by deskteam | Date 02-03-2026",
        "Photo: PTI",
        "(File photo)",
        "Image credit: X/@InvestUP",
        "Representational image",
        "Also read: Japan firms eye Indian chip hubs",
        "READ MORE | Another state signs an MoU",
        "Follow us on WhatsApp for the latest updates",
        "Share | Tweet | Email",
        "(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
        "Anil Rao | ET Bureau",
        "यह भी पढ़ें: जापानी कंपनी का नया संयंत्र",
        "फोटो: सोशल मीडिया",
        "प्रतीकात्मक तस्वीर",
        "हमें फॉलो करें और ताज़ा खबरें पाएं",
        "रिपोर्ट: सुनील वर्मा",
        "関連記事：インド州政府と覚書",
        "写真：署名式の様子",
        "（田中一郎）",
    ],
)
def test_credits_lines_are_skipped(line: str) -> None:
    if regex.search(r"\p{Devanagari}", line):
        before, after = "राज्य ने जापानी कंपनी से करार किया।", "संयंत्र 2027 में शुरू होगा।"
    elif regex.search(r"[\p{Han}\p{Katakana}\p{Hiragana}]", line):
        before, after = "州政府は日本企業と覚書に署名した。", "工場は2027年に稼働する。"
    else:
        before, after = ("The state signed an MoU with a Japanese firm on Monday.",
                         "The plant will open in 2027.")
    body = f"{before}\n\n{line}\n\n{after}"
    t = _norm(body)
    start = body.index(line)
    assert line in _skipped(t)
    assert all(start <= s.start and s.end <= start + len(line) for s in t.skip)
    assert t.body == body  # nothing rewritten: offsets still point into the text as read


def test_credits_content_lines_are_not_skipped() -> None:
    body = ("Photo identification of investors is mandatory, the minister said.\n\n"
            "Share of Japanese firms in the state rose to 30 per cent.\n\n"
            "Follow-up talks will be held here next month, the minister said.\n\n"
            "मुख्यमंत्री ने जापानी कंपनियों को निवेश के लिए आमंत्रित किया।")
    assert _norm(body).skip == []


def test_credits_inline_reuters_credit() -> None:
    body = "Toyota said it would build a plant. (Reporting by Aiko Mori; Editing by Lena Park)"
    t = _norm(body)
    assert _skipped(t) == ["(Reporting by Aiko Mori; Editing by Lena Park)"]


@pytest.mark.parametrize(
    ("body", "agency"),
    [
        ("TOKYO: A carmaker said on Monday it would expand.\n\nWritten by Aiko Mori for Reuters", "Reuters"),
        ("Pune: The state signed two MoUs.\n\n(With inputs from PTI)", "PTI"),
        ("Nagpur: The plant opened on Friday with 400 jobs. PTI ABC XYZ", "PTI"),
        ("लखनऊ। प्रदेश ने जापानी कंपनी से करार किया।\n\n(इनपुट: भाषा)", "PTI-Bhasha"),
    ],
)
def test_credits_agency_joins_the_dateline(body: str, agency: str) -> None:
    t = _norm(body)
    assert t.dateline is not None
    assert agency in t.dateline.agencies


def test_credits_photo_agency_is_not_the_story_agency() -> None:
    t = _norm("Pune: The state signed two MoUs.\n\nPhoto: PTI")
    assert t.dateline is not None and t.dateline.agencies == []


def test_normalise_outlet_boilerplate_names_no_entities() -> None:
    import pactwatch

    text = ("Bengaluru, Mar 5 (PTI) Japanese auto parts maker Denso Corporation will invest "
            "Rs 300 crore in Karnataka.\n\n"
            "(Only the headline and picture of this report may have been reworked by the "
            "Business Standard staff; the rest of the content is auto-generated from a "
            "syndicated feed.)\n\n"
            "Catch all the Business News, Market News and Latest News Updates on Live Mint. "
            "Download The Mint News App to get Daily Market Updates.\n\n"
            "Tags: Denso Japan Toyota\n\n"
            "© 2025 The Indian Express Pvt Ltd. All rights reserved.\n\n"
            "More From Economic Times: Toyota to hike prices\n")
    names = {e["name"] for e in pactwatch.extract(text, published="2025-03-05").to_dict()["entities"]}
    assert {"Denso Corporation", "Karnataka"} <= names
    assert not any("Mint" in n or "Business" in n or "Express" in n or "Toyota" in n for n in names)
