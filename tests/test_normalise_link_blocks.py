"""Web-page link blocks: the headlines under "Related Stories", the index words under
"Topics", "Also Read |" lines in any case and a caption's "| Photo Credit:" tail are
skipped, so the people and places of other stories never become entities or events."""

from __future__ import annotations

import pactwatch
from pactwatch.normalise import normalise
from pactwatch.read.base import Document

PAGE = (
    "Bhopal: Chief Minister Mohan Yadav met a business delegation from Singapore on "
    "Wednesday and invited its companies to invest in logistics parks in the state.\n\n"
    "Also Read | Cabinet clears a textile park in Dhar\n\n"
    "Officials said the delegation would tour Pithampur on Thursday.\n\n"
    "Related Stories\n"
    "- Mohan Yadav To Visit Japan In January To Woo Investors\n"
    "- Germany's Siemens To Open Skill Centre In Bhopal\n"
    "Ujjain: Road Works To Be Completed By 2027, Says Collector\n\n"
    "Topics\n"
    "Mohan Yadav | Singapore | Temasek | Investment\n"
)


def _skipped(text: str) -> list[str]:
    t = normalise(Document(doc="t.txt", text=text))
    return [t.body[s.start:s.end].strip() for s in t.skip]


def test_normalise_related_block_runs_to_the_blank_line() -> None:
    skipped = _skipped(PAGE)
    assert "- Germany's Siemens To Open Skill Centre In Bhopal" in skipped
    assert "Ujjain: Road Works To Be Completed By 2027, Says Collector" in skipped
    assert "Mohan Yadav | Singapore | Temasek | Investment" in skipped
    assert "Also Read | Cabinet clears a textile park in Dhar" in skipped
    # the story's own paragraphs are content
    assert not any(s.startswith("Officials said") for s in skipped)


def test_normalise_block_stops_at_a_sentence() -> None:
    text = ("Related\nThe minister said the plant would open in March, officials added.\n")
    assert "The minister said the plant would open in March, officials added." not in _skipped(text)


def test_normalise_caption_credit_after_a_bar_is_skipped() -> None:
    text = ("The minister with the delegation in Bhopal. | Photo Credit: X/@someone51\n\n"
            "Bhopal: The minister met the delegation on Wednesday.\n")
    assert any(s.startswith("| Photo Credit") for s in _skipped(text))


def test_pipeline_related_headlines_make_no_entities_or_events() -> None:
    art = pactwatch.extract(PAGE, published="2025-12-10").to_dict()
    names = {e["name"] for e in art["entities"]}
    assert not names & {"Japan", "Germany", "Siemens", "Ujjain", "Dhar", "Temasek"}
    assert {"Mohan Yadav", "Singapore"} <= names
    assert not any("Japan" in e["participants"] or "Siemens" in e["participants"]
                   for e in art["events"])


def test_normalise_breadcrumb_byline_with_bars_and_writer_profile_are_skipped() -> None:
    text = ("Home > News > World > Asia Pacific > India\n\n"
            "Written by Rohan Mehta | New Delhi | Updated: December 10, 2025 10:15 IST\n\n"
            "Gandhinagar, Dec 10 (PTI) Japan's Denso will invest Rs 800 crore at Sanand.\n\n"
            "More Top News\n"
            "Nissan recalls cars in Chennai\n\n"
            "Rohan Mehta is a Senior Assistant Editor with a daily, based in Ahmedabad. He "
            "covers industry and trade.\n")
    skipped = _skipped(text)
    assert "Home > News > World > Asia Pacific > India" in skipped
    assert any(s.startswith("Written by Rohan Mehta |") for s in skipped)
    assert "Nissan recalls cars in Chennai" in skipped
    assert any(s.startswith("Rohan Mehta is a Senior Assistant Editor") for s in skipped)
    assert not any(s.startswith("Gandhinagar") for s in skipped)
    names = {e["name"] for e in pactwatch.extract(text, published="2025-12-10").to_dict()["entities"]}
    assert not names & {"Rohan Mehta", "Nissan", "Chennai", "Ahmedabad", "New Delhi"}
    assert "Denso" in " ".join(names)


def test_normalise_dateline_with_state_in_brackets_and_after_highlights() -> None:
    page = ("Singapore firms keen on Madhya Pradesh\n\n"
            "Bhopal (Madhya Pradesh): A delegation from Singapore met the Chief Minister on "
            "Wednesday.\n")
    t = normalise(Document(doc="t.txt", text=page))
    assert t.dateline is not None and t.dateline.place == "Bhopal"
    note = ("GOVERNMENT OF PUNJAB\nDIRECTORATE OF INFORMATION & PUBLIC RELATIONS\n\nPRESS NOTE\n\n"
            "PUNJAB SIGNS MoUs WITH HIROSHIMA COMPANIES\n\nKey Highlights\n"
            "• Three MoUs signed\n• Investment of Rs 2,350 crore\n• A three-day visit\n\n"
            "Chandigarh, November 18:\n\nThe Chief Minister received a delegation here.\n")
    t = normalise(Document(doc="t.txt", text=note))
    assert t.dateline is not None and t.dateline.place == "Chandigarh"


def test_normalise_news_site_plugs_are_skipped() -> None:
    text = ("Bhubaneswar, Oct 6 (PTI) Odisha signed an MoU with Japan's Nidec for a motor "
            "plant at Khordha on Monday.\n\n"
            "(You can now subscribe to our Economic Times WhatsApp channel)\n"
            "For more news like this visit The Economic Times and ETManufacturing.\n"
            "Click for more latest India news. Also get the latest news from the World, "
            "Sports and Bollywood.\n"
            "Discover the latest Business News, Sensex, and Nifty updates on Moneycontrol.\n"
            "Location : Bhubaneswar, India\n")
    names = {e["name"] for e in pactwatch.extract(text, published="2025-10-06").to_dict()["entities"]}
    assert not names & {"Economic Times", "Moneycontrol", "Bollywood", "Sensex", "Nifty",
                        "Business News"}
    assert {"Odisha", "Khordha"} <= names and any(n.startswith("Nidec") for n in names)
