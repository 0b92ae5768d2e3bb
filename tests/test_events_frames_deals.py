"""Articles that list several deals: each deal keeps its investor, sum and site; an MoU
for an investment carries its sum; a tour of several cities is placed in the country;
market reports and interview questions report no events.  Texts are the team's own."""

from __future__ import annotations

import pactwatch


def _events(art, typ: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_two_deals_in_one_sentence_are_two_investments() -> None:
    art = pactwatch.extract(
        "Bhopal, Mar 8 (PTI) Madhya Pradesh signed MoUs with Japanese companies on Sunday. "
        "Under the agreements, Toyota Tsusho will invest Rs 1,500 crore to develop a "
        "logistics park at Pithampur, while Daikin Industries will put in Rs 900 crore "
        "for a new air-conditioner plant near Indore.", published="2026-03-08")
    inv = {tuple(sorted(e["participants"])): e for e in _events(art, "investment")}
    by_company = {}
    for parts, e in inv.items():
        for name in parts:
            if name.startswith(("Toyota", "Daikin")):
                by_company[name.split()[0]] = e
    assert by_company["Toyota"]["amount"] == {"value": 15_000_000_000, "currency": "INR"}
    assert by_company["Daikin"]["amount"] == {"value": 9_000_000_000, "currency": "INR"}
    plants = {e["place"] for e in _events(art, "facility")}
    assert {"Pithampur", "Indore"} <= plants
    assert all(e["amount"] is None for e in _events(art, "facility"))


def test_hindi_two_deals_joined_by_jabki() -> None:
    art = pactwatch.extract(
        "लखनऊ, 2 दिसंबर (भाषा) आधिकारिक बयान के अनुसार, होंडा ग्रेटर नोएडा में 2,000 करोड़ "
        "रुपये का निवेश कर नया संयंत्र लगाएगी, जबकि निप्पॉन पेंट कानपुर में 1,100 करोड़ रुपये "
        "का निवेश कर कारखाना स्थापित करेगी।", published="2025-12-02")
    sums = sorted(e["amount"]["value"] for e in _events(art, "investment") if e["amount"])
    assert sums == [11_000_000_000, 20_000_000_000]


def test_an_mou_for_an_investment_carries_its_sum() -> None:
    art = pactwatch.extract(
        "Mumbai, July 3 (PTI) Kawase Motors on Wednesday signed an MoU with the Maharashtra "
        "government to set up a new vehicle plant near Nagpur. The project will see an "
        "investment of Rs 5,000 crore, the company said.", published="2025-07-03")
    agreements = _events(art, "agreement")
    assert len(agreements) == 1
    assert agreements[0]["amount"] == {"value": 50_000_000_000, "currency": "INR"}


def test_a_tour_of_several_cities_is_placed_in_the_country() -> None:
    art = pactwatch.extract(
        "Gandhinagar, Nov 2 (PTI) Gujarat Chief Minister Bhupendra Patel came back on Sunday "
        "from his trip to Japan. Mr. Patel went to Nagoya and Kyoto during the tour and "
        "held talks with investors.", published="2025-11-02")
    visits = _events(art, "visit")
    assert [v["place"] for v in visits] == ["Japan"]


def test_market_report_is_off_topic() -> None:
    art = pactwatch.extract(
        "Tokyo, Dec 4 (Reuters) Japan's Nikkei average closed higher on Thursday while the "
        "Sensex and the Nifty gained, as traders bought stocks of companies that plan to "
        "invest in India.", published="2025-12-04")
    assert art.to_dict()["events"] == []


def test_an_interview_question_reports_nothing() -> None:
    art = pactwatch.extract(
        "——日本企業を呼び込むために、州はどんな優遇制度を設けたのか。\n"
        "カルナタカ州は電子部品メーカーを呼び込むための新たな優遇制度を設けた。",
        published="2024-08-01", lang="ja")
    for e in art.to_dict()["events"]:
        assert all("どんな" not in ev["text"] for ev in e["evidence"])
    assert art.to_dict()["events"]  # the answer's policy is still reported


def test_frames_mou_for_it_carries_the_sum_of_the_investment_before() -> None:
    """"इसके लिए … समझौता ज्ञापन": the MoU points back at the investment just told, so it
    is that investment's instrument and carries its sum (ANNOTATION.md, Amounts)."""
    art = pactwatch.extract(
        "गांधीनगर। जापान की कंपनी आइसिन ने गुजरात में ढाई हजार करोड़ रुपये के निवेश का एलान "
        "किया है। मंगलवार को कंपनी और राज्य सरकार के बीच इसके लिए समझौता ज्ञापन पर हस्ताक्षर "
        "हुए।", published="2025-12-11").to_dict()
    (mou,) = [e for e in art["events"] if e["type"] == "agreement"]
    assert mou["amount"] == {"value": 25000000000, "currency": "INR"}
