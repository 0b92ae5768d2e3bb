"""Policies adopted with a weak scheme word, law amendments, one more measure told with
"also"; jobs stated for all deals together go to the event that counts them.  Texts are
the team's own."""

from __future__ import annotations

import pactwatch


def _events(text: str, typ: str, lang_date: str = "2026-01-09") -> list[dict]:
    art = pactwatch.extract(text, published=lang_date)
    return [e for e in art.to_dict()["events"] if e["type"] == typ]


def test_weak_scheme_word_with_adoption_verb_is_a_policy() -> None:
    hi = "जयपुर, 9 जनवरी (भाषा) राजस्थान सरकार ने नई प्रोत्साहन योजना की घोषणा की।"
    assert [e["participants"] for e in _events(hi, "policy")] == [["Rajasthan"]]
    # the same word with no adoption is talk about schemes, not a policy event
    talk = "जयपुर, 9 जनवरी (भाषा) राजस्थान में प्रोत्साहन योजना पर चर्चा हुई।"
    assert _events(talk, "policy") == []


def test_law_amendment_is_a_policy_and_also_keeps_measures_apart() -> None:
    ja = ("カルナタカ州政府は新たな産業政策を策定した。"
          "工場法の改正も行った。電池メーカーの投資を呼び込む新制度も導入した。")
    assert len(_events(ja, "policy")) == 3
    en = ("Hyderabad, Jan 9 (PTI) The Telangana government amended the Factories Act "
          "on Friday to allow night shifts.")
    assert [e["status"] for e in _events(en, "policy")] == ["announced"]


def test_jobs_of_all_deals_together_go_to_the_counted_deals() -> None:
    text = ("Chennai, Jan 9 (PTI) Tamil Nadu on Friday signed MoUs worth Rs 5,000 crore "
            "with five Japanese companies. Denso will invest Rs 1,200 crore in a plant at "
            "Oragadam. Daikin signed an MoU to invest Rs 600 crore in an air conditioner "
            "unit at Sriperumbudur. Together the projects will create 6,000 jobs.")
    agreements = _events(text, "agreement")
    total = [e for e in agreements if e["count"] == 5]
    assert total and total[0]["jobs"] == 6000
    assert all(e["jobs"] is None for e in agreements if e["count"] != 5)
    assert all(e["jobs"] is None for e in _events(text, "investment"))


def test_jobs_of_a_companys_plant_are_its_deals_jobs() -> None:
    text = ("Chennai, Jan 9 (PTI) Denso signed an MoU with Tamil Nadu on Friday to invest "
            "Rs 500 crore in the state. Its new plant at Oragadam will employ 1,500 people, "
            "Denso said.")
    assert [e["jobs"] for e in _events(text, "investment")] == [1500]
    assert [e["jobs"] for e in _events(text, "agreement")] == [1500]


def test_total_sum_in_a_sentence_of_its_own_goes_to_the_counted_mous() -> None:
    text = ("グジャラート州は19日、日本企業3社と覚書を交わした。"
            "東京エレクトロンは約300億円を投じてドレラに保守拠点を新設する。"
            "3社の投資は合わせて約870億円で、合計約2500人の雇用を見込む。")
    counted = [e for e in _events(text, "agreement", "2026-02-20") if e["count"] == 3]
    assert counted and counted[0]["amount"] == {"value": 87_000_000_000, "currency": "JPY"}
    assert counted[0]["jobs"] == 2500
    sums = [e["amount"]["value"] for e in _events(text, "investment", "2026-02-20") if e["amount"]]
    assert sums == [30_000_000_000]


def test_policy_for_foreign_investors_is_the_governments_alone() -> None:
    hi = ("लखनऊ, 9 जनवरी (भाषा) उत्तर प्रदेश सरकार ने जापानी निवेशकों के लिए नई "
          "प्रोत्साहन योजना की घोषणा की।")
    assert [e["participants"] for e in _events(hi, "policy")] == [["Uttar Pradesh"]]


def test_policy_that_urges_investment_is_no_invitation_or_investment() -> None:
    ja = "グジャラート州政府は19日、半導体産業への投資を促す新たな半導体政策を閣議決定した。"
    assert [e["status"] for e in _events(ja, "policy", "2026-02-20")] == ["approved"]
    assert _events(ja, "invitation", "2026-02-20") == []
    assert _events(ja, "investment", "2026-02-20") == []


def test_jobs_in_the_sentence_after_a_deal_are_the_deals() -> None:
    for text in (
        "Chennai, Jan 9 (PTI) Yamaha Motor will invest Rs 900 crore in Tamil Nadu, the state "
        "said on Friday. It is expected to create 3,000 jobs.",
        "लखनऊ, 9 जनवरी (भाषा) होंडा उत्तर प्रदेश में 900 करोड़ रुपये का निवेश करेगी। "
        "इससे रोजगार के 3,000 अवसर पैदा होंगे।",
        "スズキはグジャラート州に約900億円を投資する。約3000人の雇用創出を見込む。",
    ):
        assert [e["jobs"] for e in _events(text, "investment")] == [3000], text
    # a sentence with an actor of its own is not about the deal before it
    other = ("Jaipur, Jan 9 (PTI) Japanese companies have shown interest in investing Rs 500 "
             "crore in Rajasthan. A Japanese company has promised jobs to 1,500 youths.")
    assert all(e["jobs"] is None for e in _events(other, "investment"))


def test_record_so_far_is_not_the_news_sum() -> None:
    text = ("Ahmedabad, Jan 9 (PTI) Suzuki Motor, which has already invested Rs 18,000 crore "
            "in Gujarat, will invest another Rs 3,200 crore to expand its plant at Hansalpur, "
            "the company said on Friday.")
    assert [e["amount"]["value"] for e in _events(text, "investment")] == [32_000_000_000]


def test_hindi_government_offers_are_policies() -> None:
    land = ("भोपाल, 9 जनवरी (भाषा) मुख्यमंत्री मोहन यादव ने कहा कि राज्य सरकार जापानी निवेशकों "
            "को रियायती दर पर जमीन उपलब्ध कराएगी।")
    assert [e["status"] for e in _events(land, "policy")] == ["planned"]
    desk = ("जयपुर, 9 जनवरी (भाषा) राजस्थान सरकार ने जापानी कंपनियों के लिए एक विशेष डेस्क "
            "स्थापित करने का निर्णय लिया है।")
    assert [e["participants"] for e in _events(desk, "policy")] == [["Rajasthan"]]


def test_investment_statistics_are_money_figures() -> None:
    art = pactwatch.extract(
        "Bengaluru, Jan 9 (PTI) Karnataka Industries Minister M B Patil met a Japanese "
        "delegation on Friday and invited Japanese companies to invest in the state. "
        "Karnataka received FDI of Rs 54,427 crore in 2024-25, he said.",
        published="2026-01-09")
    figs = [(f["value"], f["unit"]) for f in art.to_dict()["figures"]]
    assert (544_270_000_000, "INR") in figs
    invest = [e for e in art.to_dict()["events"] if e["type"] == "investment"]
    assert invest == []  # inflows received are a statistic, not an investor's decision


def test_a_list_of_companies_each_with_its_sum_is_one_deal_each() -> None:
    text = ("Lucknow, Jan 9 (PTI) Uttar Pradesh on Friday signed MoUs worth Rs 2,600 crore "
            "with Japanese firms Denso (Rs 1,200 crore), Daikin (Rs 600 crore) and Yamaha "
            "Motor (Rs 800 crore).")
    by_sum = {e["amount"]["value"]: e for e in _events(text, "agreement") if e["amount"]}
    assert set(by_sum) == {26e9, 12e9, 6e9, 8e9}
    assert any(p.startswith("Denso") for p in by_sum[12e9]["participants"])
    assert not any(p.startswith(("Daikin", "Yamaha")) for p in by_sum[12e9]["participants"])
    assert any(p.startswith("Daikin") for p in by_sum[6e9]["participants"])


def test_union_cabinet_programme_outlay_is_indias_policy() -> None:
    text = ("New Delhi, Jan 9 (PTI) The Union Cabinet on Wednesday approved the Semicon India "
            "Programme with an outlay of Rs 76,000 crore to attract Japanese and Taiwanese "
            "chipmakers.")
    pol = _events(text, "policy")
    assert [(e["participants"], e["status"]) for e in pol] == [(["India"], "approved")]
    assert pol[0]["amount"] == {"value": 760_000_000_000, "currency": "INR"}
    assert _events(text, "investment") == []


def test_money_put_into_a_plant_is_a_plant_to_come() -> None:
    text = ("Hyderabad, Feb 12 (PTI) The MoU with Kubota Corporation provides for an "
            "investment of Rs 1,400 crore in a tractor factory in Medak district of Telangana.")
    plants = _events(text, "facility", "2026-02-12")
    assert plants and plants[0]["amount"] is None
    assert any(p.startswith("Kubota") for p in plants[0]["participants"])


def test_each_companys_mou_takes_its_own_investments_sum() -> None:
    text = ("Hyderabad, Feb 12 (PTI) Telangana signed an MoU with Denso on Thursday for a new "
            "plant in Sangareddy district. Denso will invest Rs 2,100 crore in the plant. In a "
            "separate MoU signed on Thursday, Kubota Corporation agreed to set up a tractor "
            "factory in Medak district. Kubota will invest Rs 1,400 crore in the factory.")
    sums = {next(p for p in e["participants"] if p.startswith(("Denso", "Kubota"))).split()[0]:
            e["amount"]["value"] for e in _events(text, "agreement", "2026-02-12") if e["amount"]}
    assert sums == {"Denso": 21e9, "Kubota": 14e9}
