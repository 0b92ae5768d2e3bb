"""Several deals in one story: MoUs counted with the companies unnamed take the companies of
the deals told right after; a weak plant word ("unit", "इकाई", "倉庫") built by a company
is a plant; a company's money for a plant still to be built is its investment, never the
plant's; a policy's beneficiaries ("companies setting up units") build no plant.
Texts are the team's own (written for issue 9's deals probes, c81-c84)."""

from __future__ import annotations

import pactwatch


def _events(art, typ: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_counted_mous_are_signed_by_the_companies_of_the_deals_after() -> None:
    art = pactwatch.extract(
        "Lucknow, Apr 9 (PTI) Two Japanese companies signed memoranda of understanding "
        "with the Uttar Pradesh government on Wednesday.\n\n"
        "Murata Manufacturing will invest Rs 800 crore in a capacitor plant at Greater Noida. "
        "Kubota will spend Rs 450 crore on a tractor factory near Kanpur.\n\n"
        "The state has over 100 Japanese firms.", published="2026-04-09")
    agr = _events(art, "agreement")
    assert len(agr) == 1 and agr[0]["count"] == 2
    assert any(p.startswith("Murata") for p in agr[0]["participants"])
    assert any(p.startswith("Kubota") for p in agr[0]["participants"])


def test_counted_mous_stay_without_companies_when_the_deals_do_not_match_the_count() -> None:
    art = pactwatch.extract(
        "Lucknow, Apr 9 (PTI) Uttar Pradesh signed three MoUs with Japanese companies on "
        "Wednesday. Murata Manufacturing will invest Rs 800 crore in a capacitor plant at "
        "Greater Noida.", published="2026-04-09")
    agr = _events(art, "agreement")
    assert len(agr) == 1
    assert not any(p.startswith("Murata") for p in agr[0]["participants"])


def test_a_unit_a_company_sets_up_is_a_plant() -> None:
    art = pactwatch.extract(
        "Bhopal, Mar 3 (PTI) Panasonic will set up a battery pack unit at Pithampur in "
        "Madhya Pradesh with an investment of Rs 700 crore, creating 900 direct jobs.",
        published="2026-03-03")
    fac = _events(art, "facility")
    assert len(fac) == 1 and fac[0]["jobs"] == 900 and fac[0]["amount"] is None


def test_hindi_unit_built_with_a_sum_is_an_investment_and_a_plant() -> None:
    art = pactwatch.extract(
        "भुवनेश्वर, 5 मार्च (भाषा) ओडिशा सरकार ने नई उद्योग नीति की घोषणा की। "
        "वहीं, कंपनी फॉक्सकॉन कटक में 900 करोड़ रुपये से इलेक्ट्रॉनिक्स असेंबली इकाई "
        "बनाएगी, जिसमें 1,100 लोगों को काम मिलेगा।", published="2026-03-05", lang="hi")
    fac = [e for e in _events(art, "facility") if "Foxconn" in e["participants"]]
    inv = [e for e in _events(art, "investment") if "Foxconn" in e["participants"]]
    assert len(fac) == 1 and fac[0]["amount"] is None and fac[0]["place"] == "Cuttack"
    assert len(inv) == 1 and inv[0]["amount"] == {"value": 9_000_000_000, "currency": "INR"}
    assert inv[0]["jobs"] == 1100


def test_policy_beneficiaries_build_no_plant() -> None:
    art = pactwatch.extract(
        "Gandhinagar, Dec 2 (IANS) The Gujarat government has notified a new policy under "
        "which chip makers setting up units in the state will get a 25 per cent capital "
        "subsidy.", published="2025-12-02")
    assert _events(art, "policy")
    assert _events(art, "facility") == []


def test_a_minister_who_announces_a_scheme_is_its_party() -> None:
    art = pactwatch.extract(
        "Raipur, May 6 (PTI) Chief Minister Vishnu Deo Sai announced an incentive scheme for "
        "food processing units on Tuesday.", published="2026-05-06")
    pol = _events(art, "policy")
    assert len(pol) == 1 and "Vishnu Deo Sai" in pol[0]["participants"]


def test_a_minister_who_only_tells_of_a_policy_is_no_party() -> None:
    art = pactwatch.extract(
        "Raipur, May 6 (PTI) Chief Minister Vishnu Deo Sai said the state government would "
        "bring out a new industrial policy by June.", published="2026-05-06")
    pol = _events(art, "policy")
    assert len(pol) == 1 and "Vishnu Deo Sai" not in pol[0]["participants"]


def test_the_deals_sum_in_a_headline_is_not_the_policys() -> None:
    art = pactwatch.extract(
        "Kerala unveils logistics policy, signs three deals worth Rs 2,100 crore\n\n"
        "Thiruvananthapuram, Jul 2 (PTI) Kerala on Wednesday unveiled a logistics policy.",
        published="2026-07-02")
    assert all(e["amount"] is None for e in _events(art, "policy"))


def test_a_cabinet_meeting_is_no_talks() -> None:
    art = pactwatch.extract(
        "भोपाल, 6 मई (भाषा) मुख्यमंत्री मोहन यादव ने कैबिनेट बैठक के बाद कहा कि राज्य सरकार "
        "जल्द ही नई निर्यात नीति लाएगी।", published="2026-05-06", lang="hi")
    assert _events(art, "meeting") == []
    assert _events(art, "policy")


def test_a_town_the_kb_lacks_near_a_known_city_is_the_plant_site() -> None:
    art = pactwatch.extract(
        "Bhopal, Mar 3 (PTI) Madhya Pradesh signed an MoU with Panasonic on Tuesday. "
        "Panasonic will set up a battery pack unit at Mandideep near Bhopal with an "
        "investment of Rs 700 crore.", published="2026-03-03")
    ents = {e["name"]: e["type"] for e in art.to_dict()["entities"]}
    assert ents.get("Mandideep") == "PLACE"
    assert [e["place"] for e in _events(art, "facility")] == ["Mandideep"]
    assert [e["place"] for e in _events(art, "investment")] == ["Mandideep"]


def test_the_town_before_its_district_is_the_investments_site() -> None:
    art = pactwatch.extract(
        "Bhopal, Mar 3 (PTI) Daikin will invest Rs 1,650 crore in a compressor plant at "
        "Pithampur in Dhar district of Madhya Pradesh.", published="2026-03-03")
    assert [e["place"] for e in _events(art, "investment")] == ["Pithampur"]


def test_hindi_town_after_its_district_is_a_place() -> None:
    art = pactwatch.extract(
        "भुवनेश्वर, 5 मार्च (भाषा) जेएफई स्टील गंजाम जिले के गोपालपुर में 4,200 करोड़ रुपये का "
        "निवेश कर इस्पात संयंत्र लगाएगी।", published="2026-03-05", lang="hi")
    ents = {e["name"]: e["type"] for e in art.to_dict()["entities"]}
    assert ents.get("Gopalpur") == "PLACE"
    assert [e["place"] for e in _events(art, "facility")] == ["Gopalpur"]


def test_an_investment_at_a_town_goes_to_the_towns_state() -> None:
    art = pactwatch.extract(
        "चंडीगढ़, 3 मार्च (भाषा) सुजुकी खरखौदा में 3,000 करोड़ रुपये का निवेश करेगी।",
        published="2026-03-03", lang="hi")
    inv = _events(art, "investment")
    assert len(inv) == 1 and inv[0]["place"] == "Kharkhoda"
    assert {"Kharkhoda", "Haryana"} <= set(inv[0]["participants"])


def _sums(art, typ: str = "investment") -> dict[str, set[float]]:  # type: ignore[no-untyped-def]
    out: dict[str, set[float]] = {}
    for e in _events(art, typ):
        for p in e["participants"]:
            out.setdefault(p, set()).add(e["amount"]["value"] if e["amount"] else 0)
    return out


def test_two_deals_joined_by_and_keep_their_own_sums() -> None:
    art = pactwatch.extract(
        "Chandigarh, Mar 3 (PTI) Suzuki's Rs 3,000 crore investment at Kharkhoda and Honda's "
        "Rs 2,000 crore expansion at Tapukara were cleared on Monday.", published="2026-03-03")
    sums = _sums(art)
    assert sums["Suzuki Motor Corporation"] == {3e10}
    assert sums["Honda Motor Co., Ltd."] == {2e10}


def test_hindi_deal_without_its_own_verb_shares_the_next_ones() -> None:
    art = pactwatch.extract(
        "चंडीगढ़, 3 मार्च (भाषा) सुजुकी खरखौदा में 3,000 करोड़ रुपये और होंडा तपूकड़ा में "
        "2,000 करोड़ रुपये का निवेश करेगी।", published="2026-03-03", lang="hi")
    sums = _sums(art)
    assert sums["Suzuki Motor Corporation"] == {3e10}
    assert sums["Honda Motor Co., Ltd."] == {2e10}


def test_japanese_deals_of_one_sentence_keep_their_own_sums() -> None:
    gapped = pactwatch.extract(
        "デンソーは約300億円、アイシンは約200億円をそれぞれ投じ、グジャラート州に新工場を建設する。",
        published="2026-03-03", lang="ja")
    sums = _sums(gapped)
    assert sums["Denso Corporation"] == {3e10} and sums["Aisin Corporation"] == {2e10}
    chained = pactwatch.extract(
        "タミルナドゥ州政府は3日、日本企業2社と覚書を結んだ。村田製作所はチェンナイ近郊に約200億円を"
        "投じて新工場を建設し、ダイキン工業は約100億円でスリシティに工場を設ける。",
        published="2026-03-03", lang="ja")
    sums = _sums(chained)
    assert sums["Murata Manufacturing"] == {2e10} and sums["Daikin Industries"] == {1e10}


def test_a_list_of_companies_with_bracketed_sums_stays_one_list() -> None:
    art = pactwatch.extract(
        "Chennai, Mar 3 (PTI) Tamil Nadu on Monday signed MoUs with Toyota Tsusho (Rs 1,200 "
        "crore) and Daikin (Rs 800 crore) for plants near Chennai.", published="2026-03-03")
    sums = _sums(art, "agreement")
    assert sums["Toyota Tsusho Corporation"] == {1.2e10} and sums["Daikin Industries"] == {8e9}


def test_jobs_of_these_investments_go_to_them_when_nothing_is_counted() -> None:
    art = pactwatch.extract(
        "Chandigarh, Mar 3 (PTI) Haryana on Monday signed MoUs with Japanese companies for "
        "investments of Rs 1,200 crore. These investments are expected to generate 5,000 jobs "
        "in the state.", published="2026-03-03")
    assert 5000 in [e["jobs"] for e in _events(art, "investment")]
    assert art.to_dict()["figures"] == []


def test_japanese_headline_jobs_go_to_the_one_deal_of_the_body() -> None:
    art = pactwatch.extract(
        "ダイキン工業、インドで新工場　1000人雇用\n\n"
        "ダイキン工業はマハラシュトラ州チャカンに約50億円を投じて新工場を建設する。",
        published="2026-03-03", lang="ja")
    assert {e["jobs"] for e in _events(art, "investment") + _events(art, "facility")} == {1000}


def test_a_list_told_sum_first_gives_each_company_its_sum() -> None:
    art = pactwatch.extract(
        "Bengaluru, Mar 3 (PTI) Karnataka signed three MoUs on Monday. The MoUs include Rs 2,800 "
        "crore from Toyota Tsusho, Rs 1,500 crore from Denso and Rs 650 crore from Aisin.",
        published="2026-03-03")
    sums: dict[str, set[float]] = {}
    for typ in ("agreement", "investment"):
        for p, v in _sums(art, typ).items():
            sums.setdefault(p, set()).update(v)
    assert sums["Toyota Tsusho Corporation"] == {2.8e10}
    assert sums["Denso Corporation"] == {1.5e10}
    assert sums["Aisin Corporation"] == {6.5e9}


def test_money_committed_for_a_centre_builds_it() -> None:
    art = pactwatch.extract(
        "Gandhinagar, Dec 5 (IANS) Renesas Electronics has committed Rs 1,100 crore for a design "
        "and testing centre at GIFT City that will offer jobs to 600 engineers.",
        published="2025-12-05")
    fac = _events(art, "facility")
    assert len(fac) == 1 and fac[0]["place"] == "GIFT City" and fac[0]["jobs"] == 600


def test_money_put_into_a_factory_builds_it() -> None:
    art = pactwatch.extract(
        "Chennai, Apr 16 (PTI) Mitsubishi Electric will put Rs 2,600 crore into an "
        "air-conditioner factory at Sriperumbudur in Tamil Nadu, employing around 2,200 people.",
        published="2026-04-16")
    fac = _events(art, "facility")
    assert len(fac) == 1 and fac[0]["place"] == "Sriperumbudur" and fac[0]["jobs"] == 2200


def test_hindi_developers_a_policy_serves_build_no_plant() -> None:
    art = pactwatch.extract(
        "लखनऊ, 8 मई (भाषा) उत्तर प्रदेश सरकार ने डेटा सेंटर नीति को अधिसूचित कर दिया है, जिसके तहत "
        "डेटा सेंटर पार्क विकसित करने वाली कंपनियों को बिजली शुल्क में छूट दी जाएगी।",
        published="2026-05-08", lang="hi")
    assert _events(art, "policy") and _events(art, "facility") == []


def test_a_policys_day_beats_the_year_it_runs_to() -> None:
    art = pactwatch.extract(
        "テランガナ州政府は17日、電気自動車（EV）の購入者に対する道路税の免除を2030年まで延長する"
        "ことを閣議決定した。", published="2026-01-20", lang="ja")
    assert [e["date"] for e in _events(art, "policy")] == ["2026-01-17"]
