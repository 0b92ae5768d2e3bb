"""A sitting an official chairs, a body's annual meeting and a briefing after a sitting
are no talks; the single-window system a clearance goes through is no new policy; an MoU
or a proposal "for a Rs 1,250 crore unit" prices a plant to be built (an investment and a
plant).  Invented text."""

from __future__ import annotations

import pactwatch


def _types(text: str, published: str = "2026-02-20") -> list[str]:
    art = pactwatch.extract(text, published=published).to_dict()
    return [e["type"] for e in art["events"]]


def test_events_chaired_sitting_and_briefing_are_no_meeting() -> None:
    types = _types(
        "Bengaluru, Feb 20 (PTI) The decision was taken at a meeting chaired by Chief Minister "
        "Siddaramaiah on Thursday. The Karnataka cabinet approved Denso's plan, Law Minister "
        "H K Patil told reporters after the meeting.")
    assert "meeting" not in types


def test_events_annual_meeting_of_a_forum_is_no_talks() -> None:
    types = _types(
        "Davos, Jan 21 (PTI) Maharashtra Chief Minister Devendra Fadnavis spoke to Japanese "
        "investors at the World Economic Forum annual meeting on Tuesday.", "2026-01-21")
    assert "meeting" not in types


def test_events_clearance_through_the_single_window_is_no_policy() -> None:
    types = _types(
        "Bengaluru, Feb 20 (PTI) Karnataka Udyog Mitra will handle all approvals for Denso "
        "through the single-window system, Industries Minister M B Patil said in Tokyo.")
    assert "policy" not in types


def test_events_mou_for_a_priced_unit_is_an_investment_and_a_plant() -> None:
    types = _types(
        "Chennai, Feb 24 (PTI) Tamil Nadu on Tuesday signed a memorandum of understanding "
        "with Japan's Kyocera Corporation for a Rs 1,250 crore unit to make solar modules at "
        "Gangaikondan in Tirunelveli district, officials said.", "2026-02-24")
    assert "investment" in types and "facility" in types


def test_events_pledge_of_an_earlier_year_in_its_own_clause_is_background() -> None:
    types = _types(
        "New Delhi, Nov 12 (Reuters) - Japan pledged 5 trillion yen of investment in India "
        "in 2022, and Prime Minister Narendra Modi and his Japanese counterpart agreed in "
        "August to double the target.", "2025-11-12")
    assert "investment" not in types


def test_events_date_of_the_expo_invited_to_is_not_the_invitations() -> None:
    art = pactwatch.extract(
        "Amaravati, Feb 26 (PTI) Vice Governor Kenji Nakamura met Chief Minister N "
        "Chandrababu Naidu on Wednesday. Nakamura said Aichi companies were keen to invest in "
        "Andhra Pradesh and invited Naidu to the Aichi Sky Expo in Tokoname in November.",
        published="2026-02-26").to_dict()
    invitations = [e for e in art["events"] if e["type"] == "invitation"]
    assert invitations
    assert all(not (e["date"] or "").startswith("2025-11") and not (e["date"] or "").startswith("2026-11")
               for e in invitations), invitations
