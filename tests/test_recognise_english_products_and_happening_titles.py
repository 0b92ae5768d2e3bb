"""English entity conventions of ANNOTATION.md that unseen news tempts the extractor to
break: a product range or model owned by a company is no organisation; a yearly summit's
title is a happening, not the agency whose name it borrows; places in a list ("Neemrana
in Rajasthan and Sri City") are each a place, never one joined place."""

from __future__ import annotations

import pactwatch
from pactwatch.recognise import names_dated_happening, product_name


def _entities(text: str, published: str = "2026-02-18") -> dict[str, dict]:
    rec = pactwatch.extract(text, published=published).to_dict()
    return {e["name"]: e for e in rec["entities"]}


def test_recognise_product_name_needs_an_owner_and_a_product_noun() -> None:
    body = "It will make parts for the company's Aurora Max and Nimbus ranges."
    s = body.index("Aurora Max")
    assert product_name(body, s, s + len("Aurora Max"))
    body2 = "Its Kestrel SUV sells well, while Ather Energy scooters lead."
    s2 = body2.index("Kestrel")
    assert product_name(body2, s2, s2 + len("Kestrel"))
    # no owner before it: the maker itself ("Ather Energy scooters")
    s3 = body2.index("Ather Energy")
    assert not product_name(body2, s3, s3 + len("Ather Energy"))
    # an owner but no product noun: a name (of a unit, a subsidiary)
    body3 = "the group's Aurora Max said on Monday"
    s4 = body3.index("Aurora Max")
    assert not product_name(body3, s4, s4 + len("Aurora Max"))


def test_recognise_names_dated_happening_reads_a_year_then_a_happening_noun() -> None:
    body = "at the Invest Karnataka 2026 global investors meet in November"
    end = body.index(" 2026")
    assert names_dated_happening(body, end)
    body2 = "Invest Karnataka 2026 targets were set by the agency"
    assert not names_dated_happening(body2, len("Invest Karnataka"))
    assert not names_dated_happening("Invest Karnataka said", len("Invest Karnataka"))


def test_recognise_products_summit_titles_and_place_lists_end_to_end() -> None:
    names = _entities(
        "Bengaluru, Feb 18 (PTI) Karnataka signed an agreement with Daikin Industries for a "
        "compressor plant at Dharwad, officials said. The plant will make compressors for "
        "the company's Ruby Plus and Stellar Pro ranges.\n\n"
        "The project will be showcased at the Invest Karnataka 2026 global investors meet "
        "in Bengaluru. Daikin already runs factories at Neemrana in Rajasthan and Sri City "
        "in Andhra Pradesh.")
    assert "Ruby Plus" not in names and "Stellar Pro" not in names
    assert "Invest Karnataka" not in names
    assert not [n for n in names if " and " in n or " in " in n]
    assert {"Neemrana", "Rajasthan", "Sri City", "Andhra Pradesh", "Dharwad"} <= set(names)


def test_recognise_happening_read_as_place_and_town_named_like_a_company() -> None:
    names = _entities(
        "Kolkata, Jan 20 (PTI) West Bengal invited Japanese companies to invest in the Kalyani "
        "industrial belt. Hyderabad hosted the Bio Asia 2026 conference last week.")
    assert "Bio Asia 2026" not in names
    assert "Kalyani Group" not in names


def test_link_parent_named_by_its_subsidiarys_first_word_is_the_subsidiary() -> None:
    names = _entities(
        "Bhubaneswar, Feb 24 (PTI) Odisha on Tuesday held talks with a delegation from JFE "
        "Steel led by Hiroshi Tanaka. JFE, which already has a joint venture with JSW Steel, "
        "is evaluating sites in eastern India.", published="2026-02-24")
    assert "JFE Steel Corporation" in names or "JFE Steel" in names
    assert "JFE Holdings" not in names


def test_recognise_types_of_sites_landmarks_and_named_policies() -> None:
    ents = _entities(
        "Bhubaneswar, Feb 24 (PTI) POSCO had planned a plant near Paradip. Any company "
        "investing over Rs 1,000 crore gets a subsidy under the Odisha Industrial Policy "
        "Resolution 2022, officials said. The Victoria Memorial was lit up on Sunday.",
        published="2026-02-24")
    assert ents.get("Paradip", {}).get("type") == "PLACE"
    assert ents.get("Victoria Memorial", {}).get("type") == "PLACE"
    pol = [e for n, e in ents.items() if n.startswith("Odisha Industrial Policy")]
    assert pol and all(e["type"] == "ORG" for e in pol)


def test_link_family_name_read_as_a_body_is_the_person() -> None:
    names = _entities(
        "Ahmedabad, Feb 5: JETRO Chairman Norihiko Ishiguro opened a centre at GIFT City on "
        "Thursday. Ishiguro said Japanese companies in India expected higher profits.",
        published="2026-02-05")
    assert "Norihiko Ishiguro" in names
    assert "Ishiguro" not in names


def test_normalise_company_suffix_closes_a_sentence_before_an_opener() -> None:
    from pactwatch.normalise import split_sentences

    text = ("Andhra Pradesh is compared to Aichi, home to Toyota Motor Corp. On Tuesday, the "
            "state signed an MoU with Aichi Steel Corp. Ltd. and others.")
    sents = [s.text for s in split_sentences(text, "en")]
    assert len(sents) == 2 and sents[1].startswith("On Tuesday")


def test_recognise_model_after_an_article_and_before_a_vehicle_noun_is_a_product() -> None:
    names = _entities(
        "TOKYO, Jan 29 (Reuters) - Suzuki Motor will build a plant in Gujarat to make 1 "
        "million vehicles a year, including the e Vitara electric SUV.", published="2026-01-29")
    assert "Vitara" not in names and "e Vitara" not in names


def test_recognise_institute_name_goes_on_after_its_head() -> None:
    names = _entities(
        "Ahmedabad, Feb 5: The Indian Institute of Technology Madras and Hitachi will run a "
        "course on Japanese business culture, officials said.", published="2026-02-05")
    assert "Indian Institute of Technology Madras" in names
    assert "Indian Institute" not in names and "Chennai" not in names


def test_recognise_township_named_after_a_company_is_the_place() -> None:
    names = _entities(
        "Chennai, Feb 12 (PTI) Mitsubishi Electric India will set up a Rs 1,100 crore plant at "
        "Mahindra World City near Chengalpattu, Industries Minister T R B Rajaa said.",
        published="2026-02-12")
    assert names.get("Mahindra World City", {}).get("type") == "PLACE"
    assert "Mahindra Lifespace Developers" not in names and "Mahindra & Mahindra" not in names


def test_recognise_country_inc_is_the_country_not_a_firm() -> None:
    names = _entities(
        "TOKYO -- Suzuki Motor will build a fourth car plant in Gujarat as Japan Inc. bets on "
        "South Asia, the company said on Wednesday.", published="2026-01-29")
    assert "Japan Inc" not in names and "Japan Inc." not in names
    assert names.get("Japan", {}).get("type") == "PLACE"
