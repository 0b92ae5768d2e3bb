"""Journeys told as a delegation led somewhere, a delegation that went, or a return become
visits, and the deals made on them happened where they went.  Texts are the team's own."""

from __future__ import annotations

import pactwatch


def _events(art, typ: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_delegation_that_went_to_a_country_is_a_visit_and_places_its_deal() -> None:
    art = pactwatch.extract(
        "मुंबई, 12 मार्च (भाषा)। फ्रांस गए महाराष्ट्र सरकार के प्रतिनिधिमंडल ने वहां की एक "
        "विमानन कंपनी के साथ करार पर हस्ताक्षर किए।", published="2025-03-12")
    visits = _events(art, "visit")
    assert visits and visits[0]["place"] == "France" and "Maharashtra" in visits[0]["participants"]
    deals = _events(art, "agreement")
    assert deals and deals[0]["place"] == "France" and deals[0]["date"] == "2025-03"


def test_leading_a_delegation_to_a_country_on_a_day_is_a_planned_visit() -> None:
    art = pactwatch.extract(
        "Thiruvananthapuram, Nov 2 (PTI) Kerala Chief Minister Pinarayi Vijayan will lead a "
        "delegation to Japan on November 17 to seek investment in ports and fisheries.",
        published="2025-11-02")
    visits = _events(art, "visit")
    assert visits and (visits[0]["place"], visits[0]["status"], visits[0]["date"]) == (
        "Japan", "planned", "2025-11-17")


def test_return_from_a_week_long_tour_dates_the_deals_of_the_tour() -> None:
    art = pactwatch.extract(
        "Lucknow, Oct 8 (PTI) Uttar Pradesh Chief Minister Yogi Adityanath returned from Japan "
        "on Tuesday after a week-long tour during which the state signed 12 MoUs with Japanese "
        "companies.", published="2025-10-08")
    visits = _events(art, "visit")
    assert visits and (visits[0]["place"], visits[0]["date"]) == ("Japan", "2025-10")


def test_a_traveller_told_as_being_abroad_is_on_a_visit_a_host_at_home_is_not() -> None:
    art = pactwatch.extract(
        "Chandigarh, Oct 7 (PTI) Haryana Chief Minister Nayab Singh Saini, who is currently in "
        "Japan, met the chairman of Suzuki Motor on Tuesday.", published="2025-10-07")
    visits = _events(art, "visit")
    assert visits and visits[0]["place"] == "Japan" and "Haryana" in visits[0]["participants"]
    art = pactwatch.extract(
        "Tokyo, Oct 7 (PTI) Japan's ambassador Ono Keiichi, who is in Tokyo for consultations, "
        "said trade will grow.", published="2025-10-07")
    assert _events(art, "visit") == []


def test_a_hindi_stay_abroad_is_a_visit_but_the_diaspora_is_not() -> None:
    art = pactwatch.extract(
        "चंडीगढ़, 7 अक्टूबर (भाषा)। मुख्यमंत्री नायब सिंह सैनी ने जापान प्रवास के दौरान एक "
        "जापानी कंपनी के अध्यक्ष से मुलाकात की।", published="2025-10-07")
    assert [v["place"] for v in _events(art, "visit")] == ["Japan"]
    art = pactwatch.extract("प्रवासी भारतीयों ने मुख्यमंत्री का स्वागत किया।", published="2025-10-07")
    assert _events(art, "visit") == []


def test_hindi_setting_off_on_a_trip_is_planned() -> None:
    art = pactwatch.extract(
        "भुवनेश्वर, 5 अक्टूबर (भाषा)। ओडिशा के मुख्यमंत्री मोहन चरण माझी जापान दौरे पर जा रहे हैं।",
        published="2025-10-05")
    assert [v["status"] for v in _events(art, "visit")] == ["planned"]


def test_copies_of_the_title_under_it_do_not_set_the_status_of_the_body_event() -> None:
    title = "महाराष्ट्र सरकार का फ्रांसीसी कंपनी से करार, करेगी निवेश"
    art = pactwatch.extract(
        f"{title}\n\n{title}\n\nमुंबई, 25 अक्टूबर (भाषा)। फ्रांस गए महाराष्ट्र सरकार के प्रतिनिधिमंडल ने "
        "एक फ्रांसीसी विमानन कंपनी के साथ एमओयू पर हस्ताक्षर किए हैं।", published="2025-10-25")
    deals = _events(art, "agreement")
    assert deals and (deals[0]["status"], deals[0]["date"]) == ("signed", "2025-10")


def test_hindi_return_from_abroad_is_a_visit_from_a_home_city_is_not() -> None:
    art = pactwatch.extract(
        "लखनऊ, 8 अक्टूबर (भाषा)। उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ मंगलवार को जापान से लौटे।",
        published="2025-10-08")
    assert [v["place"] for v in _events(art, "visit")] == ["Japan"]
    art = pactwatch.extract(
        "लखनऊ, 8 अक्टूबर (भाषा)। मुख्यमंत्री योगी आदित्यनाथ मंगलवार को दिल्ली से लौटे।",
        published="2025-10-08")
    assert _events(art, "visit") == []


def test_the_visit_told_again_is_the_journey_just_told() -> None:
    art = pactwatch.extract(
        "Kochi, Jul 10 (PTI) Japan's Ambassador Ono Keiichi led a group of Japanese business "
        "leaders on an official visit to Kerala on Thursday.\n\n"
        "The visit was a step forward for trade ties between India and Japan.",
        published="2025-07-10")
    assert len(_events(art, "visit")) == 1


def test_the_tour_told_again_keeps_where_it_went() -> None:
    art = pactwatch.extract(
        "Japanese envoy wraps up Maharashtra tour\n\n"
        "Pune, Oct 22 (ANI): Japan's Consul General in Mumbai, Koji Yagi, concluded his four-day "
        "tour of Maharashtra on Tuesday.\n\nDuring the tour, the Maharashtra Industrial "
        "Development Corporation signed an agreement with Nippon Express to develop a "
        "logistics park at Chakan.", published="2025-10-22")
    assert [v["place"] for v in _events(art, "visit")] == ["Maharashtra"]
