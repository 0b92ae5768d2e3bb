"""English event conventions of ANNOTATION.md on unseen wire copy: a body the news was
told to ("told The Economic Times") is no party of the deal; an earlier trip told in the
pluperfect ("had led a delegation to South Korea") is background, no event; projects
cleared "under its ... Scheme 2023" use a scheme in force, no policy brought now."""

from __future__ import annotations

import pactwatch


def _events(text: str, published: str = "2026-03-02") -> list[dict]:
    return pactwatch.extract(text, published=published).to_dict()["events"]


def test_frames_listener_of_the_news_is_no_party() -> None:
    evs = _events(
        "Mumbai: Japanese trading house Sojitz Corp plans to invest Rs 1,500 crore in a "
        "biogas plant near Nagpur, its India head Takeshi Mori told The Economic Times on "
        "Monday.")
    inv = [e for e in evs if e["type"] == "investment"]
    assert inv and "Sojitz Corporation" in inv[0]["participants"]
    assert not [e for e in evs if any("Economic Times" in p for p in e["participants"])]


def test_frames_pluperfect_trip_is_background() -> None:
    evs = _events(
        "Hyderabad, Feb 10 (IANS) Telangana Industries Minister D Sridhar Babu on Tuesday met "
        "a delegation of the Japan Chamber of Commerce and Industry in India.\n\n"
        "Earlier, Chief Minister A Revanth Reddy had led a delegation to South Korea and "
        "the United States.", published="2026-02-10")
    assert [e for e in evs if e["type"] == "meeting"]
    assert not [e for e in evs if e["type"] == "visit"]


def test_frames_scheme_in_force_is_no_policy_event() -> None:
    evs = _events(
        "Kolkata, Jan 20 (PTI) The state cleared 14 projects under its West Bengal State "
        "Support for Industries Scheme 2023, Finance Minister Chandrima Bhattacharya said on "
        "Tuesday.", published="2026-01-20")
    assert not [e for e in evs if e["type"] == "policy"]


def test_frames_contrast_clause_keeps_its_own_sides() -> None:
    evs = _events(
        "Bhubaneswar, Feb 24 (PTI) Officials said a delegation from South Korea's Hyundai "
        "Steel visited Gujarat in January and met Chief Minister Bhupendra Patel, while "
        "Vietnam recently signed an $8 billion deal with a Japanese consortium.",
        published="2026-02-24")
    visits = [e for e in evs if e["type"] == "visit"]
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert len(visits) == 1 and meetings
    for e in visits + meetings:
        assert "Vietnam" not in e["participants"] and "Japan" not in e["participants"]


def test_frames_year_of_a_thing_talked_about_does_not_date_the_talks() -> None:
    evs = _events(
        "New Delhi, 9 March 2026\n\nAmbassador of Japan to India ONO Keiichi spoke.\n\n"
        "On the sidelines of the seminar, Ambassador Ono met Amardeep Singh Bhatia and "
        "exchanged views on the target of 10 trillion yen in investment announced in 2022.",
        published="2026-03-09")
    meetings = [e for e in evs if e["type"] == "meeting"]
    assert meetings and meetings[0]["date"] != "2022"


def test_frames_team_travelling_to_a_named_place_is_a_visit() -> None:
    evs = _events(
        "Lucknow, Feb 18 (PTI) Uttar Pradesh signed an MoU with Daikin.\n\n"
        "A team from Invest UP will travel to Japan in May for roadshows in Osaka and "
        "Nagoya, he said.", published="2026-02-18")
    visits = [e for e in evs if e["type"] == "visit"]
    assert visits and "Japan" in visits[0]["participants"]
    assert visits[0]["status"] == "planned"


def test_frames_treaty_in_force_is_no_agreement_reached_now() -> None:
    evs = _events(
        "TOKYO, Jan 29 (Reuters) - The Japanese government aims to raise Japan-India trade "
        "under the Comprehensive Economic Partnership Agreement, and METI will support "
        "suppliers moving to India.", published="2026-01-29")
    assert not [e for e in evs if e["type"] == "agreement"]


def test_frames_threshold_of_a_policy_is_no_investment() -> None:
    evs = _events(
        "Bhubaneswar, Feb 24 (PTI) Odisha Chief Minister Mohan Charan Majhi on Tuesday held "
        "talks with a delegation from JFE Steel.\n\nIndustries Secretary Hemant Sharma said "
        "Odisha would offer land at concessional rates. Any company investing over Rs 1,000 "
        "crore would be eligible for capital subsidy under the Odisha Industrial Policy "
        "Resolution 2022, he said.", published="2026-02-24")
    assert not [e for e in evs if e["type"] == "investment"]


def test_frames_town_of_an_envoys_office_is_no_site() -> None:
    evs = _events(
        "Ahmedabad, Feb 5: JETRO on Thursday opened a Japan Business Support Centre at GIFT "
        "City in Gujarat.\n\nThe centre was inaugurated by JETRO Chairman Norihiko Ishiguro "
        "and Gujarat Industries Minister Balvantsinh Rajput in the presence of Consul General "
        "of Japan in Mumbai Koji Yagi.", published="2026-02-05")
    fac = [e for e in evs if e["type"] == "facility"]
    assert fac
    assert not [e for e in fac if "Mumbai" in e["participants"] or "Maharashtra" in e["participants"]]


def test_frames_running_total_of_investment_is_no_event() -> None:
    evs = _events(
        "Chennai, Feb 12 (PTI) The Guidance Tamil Nadu agency said Japanese investment in the "
        "state had crossed Rs 50,000 crore, with over 600 Japanese firms present.",
        published="2026-02-12")
    assert not [e for e in evs if e["type"] == "investment"]
