"""Event frames end to end: one event per happening, negation kept apart, money on the
event that carries it.  The texts are the team's own, written in wire style."""

from __future__ import annotations

import pytest

import pactwatch


@pytest.fixture(scope="module")
def extract():  # type: ignore[no-untyped-def]
    return pactwatch.extract


def _events(art, typ: str) -> list:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_frames_negated_agreement_is_its_own_event(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Pune, May 5 (PTI) The Maharashtra government on Monday signed four MoUs with "
        "Japanese companies worth Rs 900 crore. A fifth agreement, with a Japanese chemical "
        "maker, was not signed as the firm wanted more time, officials said.",
        published="2025-05-05")
    agreements = _events(art, "agreement")
    assert sorted(e["status"] for e in agreements) == ["negated", "signed"]
    signed = next(e for e in agreements if e["status"] == "signed")
    assert signed["count"] == 4
    assert signed["amount"] == {"value": 9_000_000_000, "currency": "INR"}
    negated = next(e for e in agreements if e["status"] == "negated")
    assert negated["amount"] is None


def test_frames_hindi_negation_on_a_second_trigger(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "जयपुर, 5 मई (भाषा) राजस्थान सरकार ने सोमवार को जापानी कंपनियों के साथ चार "
        "समझौता ज्ञापनों पर हस्ताक्षर किए। अधिकारियों के मुताबिक, एक जापानी कंपनी के साथ "
        "पांचवां समझौता ज्ञापन भी प्रस्तावित था, लेकिन कंपनी ने और समय मांगा, इसलिए उस पर "
        "हस्ताक्षर नहीं हुआ।", published="2025-05-05")
    statuses = sorted(e["status"] for e in _events(art, "agreement"))
    assert statuses == ["negated", "signed"]


def test_frames_count_with_an_adjective_between(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Lucknow, June 2 (PTI) The Uttar Pradesh government on Monday signed five strategic "
        "memoranda of understanding with Japanese firms in Tokyo.", published="2025-06-02")
    (ev,) = _events(art, "agreement")
    assert ev["count"] == 5


def test_frames_mou_money_is_not_the_factory_money(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "लखनऊ, 2 जून (भाषा) उत्तर प्रदेश सरकार और जापानी कंपनियों के बीच लगभग 8 हजार करोड़ "
        "रुपये के निवेश वाले समझौता ज्ञापन हुए, जिनके तहत प्रदेश में नई "
        "फैक्ट्रियां लगेंगी।", published="2025-06-02")
    money = {e["type"]: e["amount"] for e in art.to_dict()["events"]}
    assert money.get("agreement") == {"value": 80_000_000_000, "currency": "INR"}
    assert money.get("facility") is None


def test_frames_japanese_toujiru_is_an_investment(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "【ニューデリー＝共同】ホンダは３日、インド北部ラジャスタン州に２００億ルピーを投じ、"
        "二輪車の新工場を建設すると発表した。", published="2025-06-03", lang="ja")
    (inv,) = _events(art, "investment")
    assert inv["amount"] == {"value": 20_000_000_000, "currency": "INR"}
    assert "Rajasthan" in inv["participants"]
    assert all(e["amount"] is None for e in _events(art, "facility"))


def test_frames_group_plant_reported_twice_is_one_facility(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Toyota Motor Corp said on Monday it would build a new car plant in India. The "
        "Japanese carmaker is to build the plant in Karnataka through its local unit, "
        "Toyota Kirloskar Motor, with production to start in 2028.", published="2025-06-02")
    (fac,) = _events(art, "facility")
    assert {"Toyota Motor Corporation", "Toyota Kirloskar Motor", "Karnataka"} <= set(
        fac["participants"])
    assert fac["date"] == "2025-06-02"


def test_frames_same_group_plants_in_two_states_stay_apart(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Suzuki Motor Corp will build a new plant in Gujarat. Separately, Maruti Suzuki "
        "will set up a new plant in Haryana.", published="2025-06-02")
    assert len(_events(art, "facility")) == 2


def test_frames_signing_without_a_place_happened_at_the_dateline(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Hyderabad, May 7 (PTI) The Telangana government on Wednesday signed an MoU with "
        "Japanese robotics firm Fanuc to set up a training centre.", published="2025-05-07")
    (ev,) = _events(art, "agreement")
    assert ev["place"] == "Hyderabad"


def test_frames_planned_talks_do_not_take_the_dateline_place(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Hyderabad, May 7 (PTI) Telangana Chief Minister A Revanth Reddy will meet the "
        "Japanese Ambassador Ono Keiichi next month.", published="2025-05-07")
    assert all(e["place"] is None for e in _events(art, "meeting"))


def test_frames_next_sentence_about_the_company_gives_sectors(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Pune, May 7 (PTI) Japanese firm Hoshizaki Kogyo will set up a Rs 200 crore "
        "manufacturing unit at Chakan in Maharashtra. The company makes precision parts "
        "for carmakers.", published="2025-05-07")
    (fac,) = _events(art, "facility")
    assert "precision_manufacturing" in fac["sectors"]


def test_frames_named_mou_and_several_mous_elsewhere_stay_apart(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "In Nagoya, Chief Minister Revanth Reddy signed an MoU with Denso for a new plant "
        "in Telangana. On Monday, he signed four MoUs with South Korean companies.",
        published="2025-05-07")
    agreements = _events(art, "agreement")
    assert len(agreements) == 2
    assert sorted(e["count"] or 1 for e in agreements) == [1, 4]


def test_frames_the_companies_are_the_ones_just_named(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Kolkata, May 7 (PTI) The West Bengal delegation met the leadership of Daikin and "
        "Yokogawa Electric in Tokyo. The talks covered skills and logistics. Afterwards, "
        "the Japanese companies voiced their intention to invest in West Bengal.",
        published="2025-05-07")
    (inv,) = _events(art, "investment")
    assert {"Daikin Industries", "West Bengal"} <= set(inv["participants"]) or {
        "Daikin", "West Bengal"} <= set(inv["participants"])
    assert "Japan" not in inv["participants"]
    assert inv["status"] == "intended"


def test_frames_committed_to_a_partnership_is_no_investment(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Kolkata, May 7 (PTI) The West Bengal government is committed to advancing its "
        "partnership with Japan, the minister said.", published="2025-05-07")
    assert _events(art, "investment") == []


def test_frames_hindi_the_company_is_the_one_named_before(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "भोपाल, 7 मई (भाषा) मध्य प्रदेश के मुख्यमंत्री मोहन यादव ने बुधवार को जापान की कंपनी "
        "डाइकिन के प्रतिनिधिमंडल से मुलाकात की। बैठक में कंपनी ने राज्य में 900 करोड़ रुपये के "
        "निवेश की इच्छा जताई।", published="2025-05-07")
    (inv,) = _events(art, "investment")
    assert "Madhya Pradesh" in inv["participants"]
    assert any(p.startswith("Daikin") for p in inv["participants"])
    assert inv["amount"] == {"value": 9_000_000_000, "currency": "INR"}
    assert inv["status"] == "intended"


def test_frames_crime_story_with_investment_words_has_no_events(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Noida, May 7 (PTI) Police have arrested two men accused of cheating a trader of Rs "
        "40 lakh by posing as agents of a Japanese company that wanted to invest in a "
        "factory in Uttar Pradesh. The fraud came to light after a complaint, and the "
        "accused were sent to police custody, officials said.", published="2025-05-07")
    rec = art.to_dict()
    assert rec["events"] == [] and rec["relevant"] is False


def test_frames_one_police_word_does_not_silence_a_business_story(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Pune, May 7 (PTI) The Maharashtra government on Wednesday signed an MoU with "
        "Japanese firm Hitachi Astemo, under police protection at the venue, officials said.",
        published="2025-05-07")
    assert _events(art, "agreement")


def test_frames_visit_to_two_countries_is_two_visits(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Bhubaneswar, May 7 (PTI) Odisha Chief Minister Mohan Charan Majhi came back on "
        "Saturday from a week-long visit to Japan and Singapore in search of investment.",
        published="2025-05-07")
    visits = _events(art, "visit")
    dest = sorted(v["place"] for v in visits)
    assert dest == ["Japan", "Singapore"]
    assert all("Odisha" in v["participants"] for v in visits)


def test_frames_talks_with_a_company_and_a_roundtable_of_many_are_two_meetings(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Tokyo, Oct 6 (PTI) Andhra Pradesh Chief Minister N Chandrababu Naidu held talks with "
        "Nidec in Tokyo on Monday. Later in the day, Naidu addressed a roundtable with "
        "representatives of eleven Japanese companies. He is scheduled to call on JETRO "
        "Chairman Norihiko Ishiguro on Tuesday.", published="2025-10-06")
    meetings = _events(art, "meeting")
    assert len(meetings) == 3
    assert sorted(m["status"] for m in meetings) == ["completed", "completed", "planned"]


def test_frames_planned_call_on_a_weekday_is_the_coming_one(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Tokyo, Oct 6 (PTI) Kerala Chief Minister Pinarayi Vijayan is scheduled to call on "
        "JETRO Chairman Norihiko Ishiguro on Wednesday.", published="2025-10-06")
    (m,) = _events(art, "meeting")
    assert m["status"] == "planned" and m["date"] == "2025-10-08"


def test_frames_hindi_plant_town_brings_its_state_without_a_named_state(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "पुणे, 7 मई (भाषा) जापान की कंपनी डाइकिन ने चाकण में नया संयंत्र स्थापित करने की "
        "घोषणा की। मंत्री ने कहा कि कंपनी अगले दो वर्षों में 500 करोड़ रुपये का निवेश करेगी।",
        published="2025-05-07")
    (fac,) = _events(art, "facility")
    assert "Maharashtra" in fac["participants"]
    (inv,) = _events(art, "investment")
    assert any(p.startswith("Daikin") for p in inv["participants"])


def test_frames_joint_review_of_two_ministries_is_a_meeting(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "New Delhi, Mar 3 (PTI) Officials of Japan's Ministry of Economy, Trade and "
        "Industry and India's Department for Promotion of Industry and Internal Trade on "
        "Monday jointly reviewed the industrial townships for Japanese firms.", published="2025-03-03")
    (m,) = _events(art, "meeting")
    assert {"Department for Promotion of Industry and Internal Trade",
            "Ministry of Economy, Trade and Industry"} <= set(m["participants"])


def test_frames_during_the_meeting_adds_to_the_meeting_just_told(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Kobe, May 7 (PTI) Kerala Chief Minister Pinarayi Vijayan met the mayors of Hyogo "
        "cities in Kobe on Wednesday. During the meeting, the Japanese mayors spoke about "
        "Japan-India relations.", published="2025-05-07")
    (m,) = _events(art, "meeting")
    assert len(m["evidence"]) == 2


def test_frames_headquarters_before_the_name_is_no_plant_site(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "ホンダ（本社：東京都港区）は３日、インド西部グジャラート州に新工場を建設すると発表した。",
        published="2025-06-03", lang="ja")
    (fac,) = _events(art, "facility")
    assert fac["place"] == "Gujarat"
    assert "Tokyo" not in fac["participants"]


def test_frames_invitation_on_a_trip_happened_where_the_trip_went(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Bhopal, May 7 (PTI) Madhya Pradesh Chief Minister Mohan Yadav left for a four-day "
        "visit to Japan on Wednesday. He will invite Japanese investors to the investors' "
        "summit to be held in Bhopal in February.", published="2025-05-07")
    (inv,) = _events(art, "invitation")
    assert inv["place"] == "Japan"


def test_frames_a_named_park_is_the_plant_site(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Jaipur, May 7 (PTI) Japanese firm Daikin will set up a new plant in Rajasthan at "
        "the Neemrana Japanese Investment Zone, officials said.", published="2025-05-07")
    (fac,) = _events(art, "facility")
    assert fac["place"] == "Neemrana Japanese Investment Zone"


def test_frames_visit_to_beats_a_bare_in(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Firms from Japan already invested in Tamil Nadu should expand there, the state's "
        "Chief Minister M K Stalin told a business forum on his official visit to "
        "Osaka.", published="2025-05-07")
    visits = _events(art, "visit")
    assert visits and all(v["place"] == "Osaka" for v in visits)
    assert len(visits) == 1


def test_frames_talks_in_tokyo_are_with_japan_not_with_tokyo(extract) -> None:  # type: ignore[no-untyped-def]
    art = extract(
        "Lucknow, May 7 (PTI) Uttar Pradesh Chief Minister Yogi Adityanath held talks with "
        "Japanese investors in Tokyo on Wednesday.", published="2025-05-07")
    (m,) = _events(art, "meeting")
    assert m["place"] == "Tokyo"
    assert "Tokyo" not in m["participants"] and "Japan" in m["participants"]
