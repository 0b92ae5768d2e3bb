"""The dateline grammar of lang/data: wire formats in English, Hindi and Japanese."""

from __future__ import annotations

import pytest

from pactwatch.normalise import Text, find_dateline, normalise
from pactwatch.read.base import Document


def _norm(text: str, published: str | None = None) -> Text:
    return normalise(Document(doc="t.txt", text=text, published=published))


@pytest.mark.parametrize(
    ("body", "place", "agencies"),
    [
        # City (State) [Country], Month DD (ANI):
        ("Lucknow (Uttar Pradesh) [India], March 3 (ANI): The state signed a pact.",
         "Lucknow", ["ANI"]),
        # CITY, Country, Mon DD (Reuters) -
        ("OSAKA, Japan, Feb 9 (Reuters) - A Japanese maker of bearings said on Monday.",
         "OSAKA", ["Reuters"]),
        # two cities: the first is where it was filed
        ("Tokyo/New Delhi, Nov 12 (ANI): Officials of both sides met on Tuesday.",
         "Tokyo", ["ANI"]),
        ("NEW DELHI/TOKYO: The two governments exchanged notes on rail projects.",
         "NEW DELHI", []),
        # an outlet credit line, then "City, Month DD"
        ("Invest UP signs MoUs\n\nBy Special Correspondent\n\nNoida, March 3 The state said.",
         "Noida", []),
        # a bare "City:" opening
        ("Pune: A Japanese firm broke ground on its second plant on Friday.", "Pune", []),
        # a place with its country in brackets, on a line of its own
        ("Japan firm eyes Gujarat\n\nHamamatsu [Japan]\n\nThe carmaker said it would expand.",
         "Hamamatsu", []),
        # an unknown bracketed group after a date is dropped, the place kept
        ("Surat, May 2 (Our Staff) The textile park drew Japanese interest.", "Surat", []),
    ],
)
def test_datelines_english(body: str, place: str, agencies: list[str]) -> None:
    t = _norm(body)
    assert t.dateline is not None, body
    assert (t.dateline.place, t.dateline.agencies) == (place, agencies)
    span = t.dateline.place_span
    assert span is not None and t.body[span.start:span.end] == place


@pytest.mark.parametrize(
    ("body", "place", "agencies"),
    [
        ("नई दिल्ली, एजेंसी। भारत और जापान ने रेल परियोजना पर बातचीत की।", "नई दिल्ली", []),
        ("जागरण संवाददाता, लखनऊ। प्रदेश सरकार ने जापानी कंपनी से करार किया।", "लखनऊ", []),
        ("राज्य ब्यूरो, जयपुर। मुख्यमंत्री ने निवेशकों से मुलाकात की।", "जयपुर", []),
        ("पटना, 12 मार्च (वार्ता) बिहार सरकार ने नई नीति घोषित की।", "पटना", ["UNI"]),
        ("रायपुर, 4 जून (हि.स.)। राज्य ने जापानी प्रतिनिधिमंडल का स्वागत किया।", "रायपुर",
         ["Hindusthan Samachar"]),
        ("शीर्षक: निवेश की नई लहर\n\nदावोस [स्विट्जरलैंड]\n\nकंपनी ने निवेश की घोषणा की।", "दावोस", []),
        # ANI's Hindi copy: the state in round brackets before the date
        ("हैदराबाद (तेलंगाना), 24 अप्रैल (एएनआई): राज्य ने जापानी कंपनी से करार किया।", "हैदराबाद",
         ["ANI"]),
    ],
)
def test_datelines_hindi(body: str, place: str, agencies: list[str]) -> None:
    t = _norm(body)
    assert t.dateline is not None, body
    assert (t.dateline.place, t.dateline.agencies) == (place, agencies)


@pytest.mark.parametrize(
    ("body", "place", "agencies"),
    [
        ("【ニューデリー共同】インド政府は覚書に署名した。", "ニューデリー", ["Kyodo"]),
        ("【ムンバイ＝山田太郎】州政府は工業団地の販売を始めた。", "ムンバイ", []),
        ("［東京　５日　ロイター］ - 自動車大手は新工場の計画を発表した。", "東京", ["Reuters"]),
        ("州政府代表団が訪日\n（インド、日本）\nベンガルール発\n2025年03月04日\n州工業相が訪日した。",
         "ベンガルール", []),
    ],
)
def test_datelines_japanese(body: str, place: str, agencies: list[str]) -> None:
    t = _norm(body)
    assert t.dateline is not None, body
    assert (t.dateline.place, t.dateline.agencies) == (place, agencies)


def test_datelines_headline_with_colon_gives_way_to_a_dated_line() -> None:
    t = _norm("Big Push: state woos Japanese firms\n\nKolkata, Jan 9 (PTI) The state said.")
    assert t.dateline is not None and t.dateline.place == "Kolkata"
    assert [a.place for a in t.dateline.alternatives] == ["Big Push"]


def test_datelines_a_title_in_brackets_is_no_agency() -> None:
    t = _norm("Bhopal (Chief Minister Mohan Yadav) - The state met investors.")
    assert t.dateline is None or t.dateline.place != "Bhopal"


def test_datelines_dateline_date_gives_published_with_year_from_text() -> None:
    t = _norm("Mysuru, Feb 3 (PTI) The plant, announced on January 20, 2026, opened.")
    assert t.published == "2026-02-03"


@pytest.mark.parametrize(
    ("body", "place"),
    [("सड़क परियोजना को मंजूरी\n\nभास्कर न्यूज | भोपाल\n\nराज्य सरकार ने आज …", "भोपाल"),
     ("नया संयंत्र\n\nहिन्दुस्तान ब्यूरो, पटना\n\nकंपनी ने कहा …", "पटना")],
)
def test_datelines_hindi_outlet_credit_line_then_city(body: str, place: str) -> None:
    """Dainik Bhaskar and Live Hindustan put their credit and the city on a line of its
    own, with no full stop: the city is the dateline's place, the credit no agency."""
    dl = find_dateline(body, "hi", [])
    assert dl is not None and dl.place == place and dl.agencies == []


def test_normalise_dateline_with_a_double_hyphen() -> None:
    """Nikkei Asia files its stories as "TOKYO -- ..." (two hyphens for a dash)."""
    import pactwatch

    rec = pactwatch.extract("TOKYO -- Suzuki Motor will spend 350 billion yen on a plant in "
                            "Gujarat, its president said on Wednesday.", published="2026-01-29")
    assert rec.to_dict()["dateline"] == {"place": "Tokyo", "agencies": []}
    rec2 = pactwatch.extract("Suzuki -- the carmaker -- will invest in Gujarat.",
                             published="2026-01-29")
    assert rec2.to_dict()["dateline"] is None
