"""Sectors from context: a minister's portfolio is no sector of the deal, and a deal is
in the sector of what its company makes (company_sectors.json, built by
scripts/train_sectors.py).  Texts are the team's own."""

from __future__ import annotations

import json
from pathlib import Path

import pactwatch
from pactwatch.events.sectors import company_sectors, find_sectors, portfolio_spans

DATA = Path(pactwatch.__file__).parent / "events" / "data"


def _slugs(text: str, lang: str) -> set[str]:
    return {h.slug for h in find_sectors(text, lang)}


def test_portfolio_words_name_an_office_not_a_sector() -> None:
    assert "real_estate" not in _slugs("in the presence of Housing Minister Atul Save", "en")
    assert "electronics" not in _slugs(
        "the ministry of electronics and information technology issued a notice", "en")
    assert "electronics" not in _slugs(
        "the Minister for Electronics and Information Technology said", "en")
    # a title before the minister ("Union") must not hide the portfolio after it
    assert not {"electronics", "it_services"} & _slugs(
        "Union Minister for Electronics and Information Technology Ravi Menon told us",
        "en")
    assert portfolio_spans("राज्य के बड़े और मध्यम उद्योग मंत्री ने कहा", "hi")
    assert "transport" not in _slugs("国土交通省が発表した", "ja")
    # the same words outside a portfolio are sectors
    assert "real_estate" in _slugs("a housing project in Pune", "en")
    assert "electronics" in _slugs("an electronics plant near Chennai", "en")


def test_company_table_knows_core_business_and_skips_trading_houses() -> None:
    assert company_sectors("co:denso") == ("auto_components",)
    assert "automotive" in company_sectors("co:toyota-kirloskar-motor")
    assert company_sectors("co:toyota-tsusho") == ()  # a trading house, not a carmaker
    assert company_sectors("co:no-such-company") == ()
    table = json.loads((DATA / "company_sectors.json").read_text("utf-8"))
    assert all(k.startswith("co:") and v for k, v in table.items())


def test_deal_without_sector_words_takes_its_company_sector() -> None:
    art = pactwatch.extract(
        "Ahmedabad, Jan 9 (PTI) Suzuki Motor Corporation will invest Rs 3,200 crore in "
        "Gujarat, the state government said on Friday.", published="2026-01-09")
    inv = [e for e in art.to_dict()["events"] if e["type"] == "investment"]
    assert inv and "automotive" in inv[0]["sectors"]


def test_meeting_with_a_company_does_not_take_its_sector() -> None:
    art = pactwatch.extract(
        "Chennai, Feb 3 (PTI) Tamil Nadu Chief Minister M K Stalin met Denso executives "
        "on Tuesday to discuss cooperation.", published="2026-02-03")
    meetings = [e for e in art.to_dict()["events"] if e["type"] == "meeting"]
    assert meetings and "auto_components" not in meetings[0]["sectors"]


def test_electric_vehicle_components_are_both_sectors() -> None:
    assert {"electric_vehicles", "auto_components"} <= _slugs(
        "a plant making electric vehicle components", "en")


def test_sentence_about_the_project_tells_the_deals_sector() -> None:
    art = pactwatch.extract(
        "Mumbai, Jan 9 (PTI) Toyota Tsusho signed an MoU with Maharashtra on Friday to invest "
        "Rs 2,000 crore in a greenfield project at Nagpur. The project will focus on "
        "cold chain warehousing.", published="2026-01-09")
    deals = [e for e in art.to_dict()["events"] if e["type"] in {"agreement", "investment"}]
    assert deals and all("food_processing" in e["sectors"] for e in deals)


def test_title_case_headline_keeps_its_sector_words() -> None:
    assert "electric_vehicles" in _slugs(
        "Japanese Firms To Invest In EV, Says Industries Minister", "en")
    assert "semiconductors" in _slugs("Invest In Semiconductors, Urges Karnataka Minister", "en")
    assert "electronics" not in _slugs("Electronics, IT and Telecom Minister said", "en")


def test_japanese_portfolio_suffix_is_no_part_of_a_common_word() -> None:
    assert "energy" in _slugs("水素エネルギー相互協力を進める", "ja")
    assert "transport" not in _slugs("国土交通省が発表した", "ja")
