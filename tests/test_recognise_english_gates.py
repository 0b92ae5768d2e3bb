"""English gates on the model's ORG readings: a ministry's name inside a compound title,
a common noun's acronym, and a KB body written with its legal form."""

from __future__ import annotations

import pactwatch


def _names(text: str) -> set[str]:
    return {e["name"] for e in pactwatch.extract(text, published="2025-05-07").to_dict()["entities"]}


def test_recognise_english_compound_title_is_no_organisation() -> None:
    names = _names(
        "New Delhi, May 7 (PTI) Union Commerce and Industry Minister Harish Verkade met a "
        "delegation of Japanese companies on Tuesday, officials said.")
    assert not any(n.startswith("Union Commerce") for n in names)
    assert "Harish Verkade" in names


def test_recognise_english_common_noun_acronym_is_no_organisation() -> None:
    names = _names(
        "Chennai, May 7 (PTI) A Japanese firm will build a new AC unit near Hosur, and "
        "its ESG (environmental, social and governance) budget will grow, the state's "
        "Guidance Tamil Nadu agency said.")
    assert not names & {"AC", "ESG"}
    assert "Chennai" in names


def test_recognise_english_kb_body_with_its_legal_form_links_to_the_kb() -> None:
    art = pactwatch.extract(
        "Bhubaneswar, May 7 (PTI) The Industrial Promotion and Investment Corporation of "
        "Odisha Ltd (IPICOL) will open a Japan Desk, officials said.",
        published="2025-05-07").to_dict()
    orgs = [e for e in art["entities"] if "Odisha" in e["name"] and e["type"] == "ORG"]
    assert [e["name"] for e in orgs] == ["Industrial Promotion and Investment Corporation of Odisha"]


def test_recognise_english_acronym_joined_to_a_noun_is_no_organisation() -> None:
    names = _names("Pune, Aug 2 (PTI) The company will put Rs 300 crore into a new AC and "
                   "inverter plant near Chakan.")
    assert "AC" not in names


def test_recognise_english_spaced_initials_belong_to_the_name() -> None:
    art = pactwatch.extract(
        "New Delhi, May 7 (PTI) NITI Aayog CEO B V R Subrahmanyam, who was in Tokyo, met "
        "Japanese investors.", published="2025-05-07").to_dict()
    people = [e["name"] for e in art["entities"] if e["type"] == "PERSON"]
    assert people == ["B V R Subrahmanyam"]


def test_recognise_english_company_named_again_in_part_is_that_company() -> None:
    art = pactwatch.extract(
        "Bhubaneswar, May 7 (PTI) Odisha signed an MoU with Japanese parts maker Kaneshiro "
        "Seiko Co Ltd on Wednesday. Kaneshiro Seiko president Daisuke Morikawa said the unit "
        "would make motors.", published="2025-05-07").to_dict()
    names = {e["name"] for e in art["entities"]}
    assert "Kaneshiro" not in names
    assert any(n.startswith("Kaneshiro Seiko") for n in names)
    assert "Daisuke Morikawa" in names


def test_recognise_english_venue_and_house_are_no_people() -> None:
    art = pactwatch.extract(
        "Gandhinagar, May 7 (PTI) Chief Minister Bhupendra Patel spoke at Mahatma Mandir on "
        "Sunday. Lok Sabha members and the state's MPs attended. The match will be played "
        "at the Narendra Modi Stadium in Ahmedabad.", published="2025-05-07").to_dict()
    people = {e["name"] for e in art["entities"] if e["type"] == "PERSON"}
    assert not people & {"Mahatma Mandir", "Lok Sabha", "Narendra Modi"}
    assert "Bhupendra Patel" in people


def test_recognise_english_mp_before_a_name_is_a_title_not_the_state() -> None:
    names = _names("Indore, May 7 (PTI) BJP MP C R Paatil met Japanese investors, the MP "
                   "government said.")
    assert "Madhya Pradesh" in names  # "the MP government" is the state
    art = pactwatch.extract("Indore, May 7 (PTI) Lok Sabha MP C R Paatil met Japanese investors.",
                            published="2025-05-07").to_dict()
    mentioned = {m["text"] for e in art["entities"] for m in e["mentions"]}
    assert "MP" not in mentioned


def test_recognise_english_title_is_the_last_of_a_list_of_titled_names() -> None:
    from pactwatch.recognise import title_before

    body = "Deputy CM Pawan Kalyan and IT Minister Nara Lokesh spoke."
    assert title_before(body, body.index("Nara")) == "IT Minister"
    body = "Punjab Industries and Commerce Minister Tarun Bedi spoke."
    assert title_before(body, body.index("Tarun")) == "Punjab Industries and Commerce Minister"


def test_recognise_english_given_name_after_a_title_belongs_to_the_person() -> None:
    art = pactwatch.extract(
        "Lucknow, May 7 (PTI) Infrastructure and Industrial Development Commissioner Manoj "
        "Kumar Singh met Japanese investors.", published="2025-05-07").to_dict()
    assert [e["name"] for e in art["entities"] if e["type"] == "PERSON"] == ["Manoj Kumar Singh"]


def test_recognise_english_bodies_zones_and_provinces_by_their_head_words() -> None:
    art = pactwatch.extract(
        "Bangkok, April 22 (Reuters) - Toyota will invest in the Eastern Economic Corridor, "
        "the Thailand Board of Investment said. Samsung has plants in Bac Ninh and Thai "
        "Nguyen provinces.", published="2025-04-22").to_dict()
    by = {e["name"]: e["type"] for e in art["entities"]}
    assert by.get("Eastern Economic Corridor") == "PLACE"
    assert by.get("Thailand Board of Investment") == "ORG"
    assert by.get("Bac Ninh") == "PLACE"


def test_recognise_english_institute_office_and_port() -> None:
    art = pactwatch.extract(
        "Chennai, May 7 (PTI) Hyundai will set up a fuel-cell centre at IIT Madras, the "
        "company said after meeting the Chief Minister at the Secretariat. Its cars leave "
        "from Kamarajar Port.", published="2025-05-07").to_dict()
    by = {e["name"]: e["type"] for e in art["entities"]}
    assert by.get("IIT Madras") == "ORG"
    # "Madras" of IIT Madras names the institute, not the city (the dateline does)
    assert [m["text"] for e in art["entities"] if e["name"] == "Chennai" for m in e["mentions"]] == [
        "Chennai"]
    assert "Secretariat" not in by
    assert by.get("Kamarajar Port") == "PLACE"


def test_recognise_english_bodies_named_after_a_state() -> None:
    art = pactwatch.extract(
        "New Delhi, May 7 (PTI) Gujarat Maritime Board, Tamil Nadu Skill Development "
        "Corporation and the Rajasthan Foundation signed pacts with Japanese firms.",
        published="2025-05-07").to_dict()
    orgs = {e["name"] for e in art["entities"] if e["type"] == "ORG"}
    assert {"Gujarat Maritime Board", "Tamil Nadu Skill Development Corporation",
            "Rajasthan Foundation"} <= orgs


def test_recognise_english_month_service_and_named_partnership_are_no_names() -> None:
    art = pactwatch.extract(
        "Pune, Jul 9 (PTI) Principal Secretary Ravi Menon, IAS, said the "
        "India-Korea Special Strategic Partnership would help Maharashtra.",
        published="2025-06-04").to_dict()
    names = {e["name"] for e in art["entities"]}
    assert not names & {"Jul", "IAS", "India-Korea Special Strategic Partnership"}
    assert "Ravi Menon" in names


def test_recognise_english_officials_with_honorifics_pib_style() -> None:
    art = pactwatch.extract(
        "New Delhi, Aug 29: National Security Adviser Shri Ajit Doval and Foreign Secretary "
        "Shri Vikram Misri were part of the delegation. Secretary (DPIIT) Shri Amardeep Singh "
        "Bhatia briefed the media.\n\nPIB Delhi | DS/SKS\n", published="2025-08-29").to_dict()
    people = {e["name"] for e in art["entities"] if e["type"] == "PERSON"}
    assert {"Vikram Misri", "Amardeep Singh Bhatia"} <= people
    names = {e["name"] for e in art["entities"]}
    assert "National Security" not in names
    assert not any(m["text"] == "Delhi" for e in art["entities"] for m in e["mentions"])


def test_recognise_english_joint_venture_named_after_two_kb_parents() -> None:
    names = _names("Bengaluru, May 7 (PTI) Denso Kirloskar Industries will expand its plant "
                   "near Bidadi, the company said.")
    assert "Denso Kirloskar Industries" in names
    assert not names & {"Denso Corporation", "Kirloskar Group"}


def test_recognise_english_title_word_before_a_name_is_no_given_name() -> None:
    art = pactwatch.extract("Mumbai, May 7 (PTI) Minister of State Pankaj Bhoyar met the "
                            "Japanese delegation.", published="2025-05-07").to_dict()
    people = [e for e in art["entities"] if e["type"] == "PERSON"]
    assert [p["name"] for p in people] == ["Pankaj Bhoyar"]
    assert people[0]["titles"] == ["Minister of State"]


def test_recognise_english_title_case_phrase_of_common_words_is_no_organisation() -> None:
    names = _names(
        "Lucknow, May 7 (PTI) The state has climbed in the Ease of Doing Business rankings, "
        "the Ministry of Heavy Industries and the Centre for Development of Advanced "
        "Computing said.")
    assert "Ease of Doing Business" not in names
    assert "Ministry of Heavy Industries" in names
