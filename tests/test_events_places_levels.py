"""The place of talks, signings and invitations at the level ANNOTATION.md wants: the
city rather than the venue, the journey's city rather than its country, the signing's
city rather than the project's site.  Texts are the team's own."""

from __future__ import annotations

import pactwatch
from pactwatch.events.places import is_venue
from pactwatch.record import Entity


def _events(art, typ: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_venue_names_and_kinds() -> None:
    assert is_venue(Entity("x", "Hotel Leela Palace", "PLACE", "place"), "en")
    assert is_venue(Entity("x", "Vigyan Bhawan", "PLACE", "place"), "en")
    assert is_venue(Entity("x", "Mantralaya", "PLACE", "building"), "en")
    assert not is_venue(Entity("x", "Pune", "PLACE", "city"), "en")
    assert not is_venue(Entity("x", "Hyderabad Convention Centre", "ORG", "organisation"), "en")


def test_signing_at_a_venue_is_placed_in_its_city_not_at_the_project_site() -> None:
    art = pactwatch.extract(
        "Maharashtra signed an MoU with Yokohama Seiki to invest Rs 900 crore in a new plant "
        "in Nagpur. The MoU was signed on Friday at Hotel Trident in Mumbai.",
        published="2025-03-08")
    deals = _events(art, "agreement")
    assert deals and deals[0]["place"] == "Mumbai"


def test_talks_of_a_journey_take_the_city_where_its_other_talks_were_held() -> None:
    art = pactwatch.extract(
        "Chandigarh, Oct 7 (PTI) Haryana Chief Minister Nayab Singh Saini, who is visiting "
        "Japan, held talks with business leaders in Osaka on Tuesday.\n\n"
        "During the visit, the Haryana government signed an MoU with Daikin Industries.",
        published="2025-10-07")
    deals = _events(art, "agreement")
    assert deals and deals[0]["place"] == "Osaka"
    visits = _events(art, "visit")
    assert visits and visits[0]["place"] == "Japan"  # the journey itself went to Japan


def test_journey_without_a_city_keeps_its_country() -> None:
    art = pactwatch.extract(
        "Karnataka Industries Minister M. B. Patil is on a visit to Japan. He met the "
        "president of Nissin Foods on Monday and invited the company to invest in the state.",
        published="2025-06-25")
    meetings = _events(art, "meeting")
    assert meetings and meetings[0]["place"] == "Japan"


def test_japanese_venue_after_its_city_places_the_signing_in_the_city() -> None:
    art = pactwatch.extract(
        "インド西部マハラシュトラ州のデベンドラ・ファドナビス州首相は、11月17～21日の日程で日本を訪問した。"
        "滞在中、東京都内のホテルニューオータニで日本企業3社と覚書を締結した。"
        "ファドナビス氏は19日、大阪市内で日本企業の幹部と会談した。", published="2025-11-25")
    deals = _events(art, "agreement")
    assert deals and deals[0]["place"] == "Tokyo"
    assert deals[0]["sectors"] == []  # the hotel is the venue, not the tourism sector


def test_a_second_trip_next_month_is_not_merged_with_the_first() -> None:
    art = pactwatch.extract(
        "インド西部マハラシュトラ州のデベンドラ・ファドナビス州首相は、11月17～21日の日程で日本を訪問した。"
        "同州のウダイ・サマント工業相は来週、再び訪日する予定だ。", published="2025-11-25")
    visits = _events(art, "visit")
    assert sorted((v["status"], v["date"]) for v in visits) == [
        ("completed", "2025-11"), ("planned", "2025-12")]


def test_japanese_within_the_metropolis_is_tokyo() -> None:
    art = pactwatch.extract(
        "グジャラート州のブペンドラ・パテル州首相は7日、都内で経済産業省の幹部と会談した。",
        published="2025-10-08")
    meetings = _events(art, "meeting")
    assert meetings and meetings[0]["place"] == "Tokyo"


def test_land_allotted_for_a_plant_in_a_township_places_the_plant_there() -> None:
    art = pactwatch.extract(
        "Mumbai, Feb 12 (PTI) Denso signed an MoU with the Maharashtra government on "
        "Thursday. Officials said 120 acres have been allotted for the company's new "
        "factory at AURIC (Aurangabad Industrial City) near Chhatrapati Sambhajinagar.",
        published="2026-02-12")
    plants = _events(art, "facility")
    assert plants and plants[0]["place"] == "Aurangabad Industrial City"


def test_japanese_prefectural_office_is_in_the_prefecture_of_the_release() -> None:
    art = pactwatch.extract(
        "山梨県の長崎幸太郎知事は29日、県庁でウッタル・プラデーシュ州の訪問団と面会した。"
        "山梨県は同州と協力を進めている。", published="2025-07-30")
    meetings = _events(art, "meeting")
    assert meetings and meetings[0]["place"] == "Yamanashi Prefecture"


def test_deals_with_one_country_of_a_two_nation_tour_happened_there() -> None:
    art = pactwatch.extract(
        "Kerala Chief Minister Pinarayi Vijayan reached Tokyo on Monday on a two-nation trip "
        "covering Singapore and Japan. Last week, he signed four MoUs with Singapore-based "
        "firms.", published="2024-10-14")
    deals = _events(art, "agreement")
    assert deals and deals[0]["place"] == "Singapore"


def test_the_city_of_a_summit_to_be_hosted_is_not_where_the_inviting_was_done() -> None:
    art = pactwatch.extract(
        "Chennai, Mar 4 (PTI) Tamil Nadu Industries Minister T R B Rajaa on Tuesday invited "
        "Japanese companies to the investors' meet to be held in Madurai in June.",
        published="2025-03-04")
    invites = _events(art, "invitation")
    assert invites and invites[0]["place"] == "Chennai"


def test_here_without_a_dateline_is_where_the_sentence_before_was_held() -> None:
    art = pactwatch.extract(
        "राजस्थान के उद्योग मंत्री ने मंगलवार को नीमराणा में एक निवेशक सम्मेलन को संबोधित किया। "
        "इस मौके पर यहां जापान की चार कंपनियों के साथ राज्य सरकार ने समझौता ज्ञापनों पर हस्ताक्षर किए।",
        published="2025-09-16")
    deals = _events(art, "agreement")
    assert deals and deals[0]["place"] == "Neemrana"


def test_japanese_office_of_a_city_is_in_the_city() -> None:
    art = pactwatch.extract(
        "山梨県の長崎幸太郎知事は29日、東京事務所でウッタル・プラデーシュ州の訪問団と面会した。",
        published="2025-07-30")
    meetings = _events(art, "meeting")
    assert meetings and meetings[0]["place"] == "Tokyo"


def test_a_measure_for_a_named_town_is_placed_there() -> None:
    art = pactwatch.extract(
        "Mumbai, Jun 4 (PTI) The Maharashtra government has sanctioned Rs 80 crore for a new "
        "road in Pune for Japanese companies, the statement said.", published="2025-06-04")
    policies = _events(art, "policy")
    assert policies and policies[0]["place"] == "Pune"


def test_talks_held_at_home_are_not_the_talks_planned_abroad() -> None:
    art = pactwatch.extract(
        "देहरादून, 20 अक्टूबर (भाषा)। उत्तराखंड के मुख्यमंत्री पुष्कर सिंह धामी 27 से 30 अक्टूबर तक "
        "जापान की यात्रा पर रहेंगे। इस दौरान वे टोक्यो में जापानी कंपनियों के प्रतिनिधियों से "
        "मुलाकात करेंगे।\n\nइससे पहले मुख्यमंत्री ने सोमवार को देहरादून में जापान के राजदूत ओनो "
        "केइची से मुलाकात की।", published="2025-10-20")
    meetings = sorted((m["status"], m["place"]) for m in _events(art, "meeting"))
    assert meetings == [("completed", "Dehradun"), ("planned", "Tokyo")]


def test_a_plant_without_a_site_goes_to_the_storys_one_zone() -> None:
    art = pactwatch.extract(
        "Ahmedabad, Jul 10 (PTI) A Japanese business delegation visited the Dholera Special "
        "Investment Region on Thursday. The delegation was briefed on a new semiconductor "
        "fabrication facility being developed by Tata Electronics.", published="2025-07-10")
    plants = _events(art, "facility")
    assert plants and plants[0]["place"] == "Dholera Special Investment Region"
