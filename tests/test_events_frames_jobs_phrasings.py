"""Jobs told in the ways news copy tells them: hiring and staff words in English, Hindi
and Japanese, and the new plant of a deal carrying the jobs its investment's sentence
gives.  The texts are the team's own."""

from __future__ import annotations

import pytest

import pactwatch

_LEAD = {
    "en": "Japan's Denso will invest Rs 500 crore to set up a new plant in Pune. ",
    "hi": "जापान की कंपनी डेंसो पुणे में 500 करोड़ रुपये का निवेश कर नया संयंत्र लगाएगी। ",
    "ja": "デンソーはインド西部のプネーに約300億円を投じて新工場を建設する。",
}


def _jobs(text: str) -> set[int | None]:
    art = pactwatch.extract(text, published="2025-12-11").to_dict()
    return {e["jobs"] for e in art["events"] if e["type"] in {"investment", "facility"}}


@pytest.mark.parametrize(("lang", "sentence", "jobs"), [
    ("en", "The facility will have a workforce of 900.", 900),
    ("en", "Over 650 workers will be employed at the plant.", 650),
    ("hi", "इस संयंत्र में 700 से ज्यादा कर्मचारी काम करेंगे।", 700),
    ("hi", "इस संयंत्र में 1200 लोगों को काम मिलेगा।", 1200),
    ("hi", "कंपनी इस संयंत्र के लिए 800 कर्मचारियों की भर्ती करेगी।", 800),
    ("hi", "इससे 2,500 लोगों को सीधे तौर पर रोजगार मिलेगा।", 2500),
    ("hi", "परियोजना में 900 लोगों को नौकरी दी जाएगी।", 900),
    ("hi", "संयंत्र में लगभग 2 हजार लोग काम करेंगे।", 2000),
    ("hi", "कंपनी यहां 600 स्थानीय लोगों को रोजगार देगी।", 600),
    ("ja", "新工場の従業員は約1万人を見込む。", 10000),
    ("ja", "雇用は約500人の見通し。", 500),
    ("ja", "従業員数は約600人となる予定だ。", 600),
    ("ja", "新工場では約700人が働く予定だ。", 700),
])
def test_jobs_phrasings_go_to_the_deal(lang: str, sentence: str, jobs: int) -> None:
    assert jobs in _jobs(_LEAD[lang] + sentence)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("en", "The company already employs 2,000 people in India."),
    ("hi", "कंपनी के मौजूदा संयंत्र में 2000 कर्मचारी काम करते हैं।"),
    ("ja", "既存工場では約2000人が働いている。"),
])
def test_staff_already_at_work_are_no_new_jobs(lang: str, sentence: str) -> None:
    assert _jobs(_LEAD[lang] + sentence) == {None}


def test_new_plant_takes_the_jobs_of_its_investment_sentence() -> None:
    art = pactwatch.extract(
        "浜松市の部品メーカー、スズキ精工はグジャラート州に新工場を建設する計画を明らかにした。"
        "投資額は約50億円で、新工場では雇用800人を見込む。", published="2025-12-11").to_dict()
    plants = [e for e in art["events"] if e["type"] == "facility"]
    assert plants and all(p["jobs"] == 800 for p in plants)


@pytest.mark.parametrize("text", [
    # who says it at the head of the sentence: what is said points back at the MoUs
    "चेन्नई। तमिलनाडु सरकार ने जापानी कंपनियों के साथ 1,185 करोड़ रुपये के निवेश के छह समझौतों "
    "पर हस्ताक्षर किए। उद्योग मंत्री ने बताया कि इससे 13,000 युवाओं को रोजगार मिलेगा।",
    "タミル・ナドゥ州政府は日本企業6社と覚書を締結した。州政府によると、投資額は合計約200億円、"
    "雇用創出は約1万3000人に上る。",
    # all the deals together: the counted MoUs and the investment told with them
    "चेन्नई। तमिलनाडु सरकार ने जापानी कंपनियों के साथ 1,185 करोड़ रुपये के निवेश के छह समझौतों "
    "पर हस्ताक्षर किए। अधिकारियों के अनुसार इन परियोजनाओं से करीब 13 हजार रोजगार सृजित होंगे।",
])
def test_jobs_of_the_counted_deals_go_to_the_mous_and_their_investment(text: str) -> None:
    art = pactwatch.extract(text, published="2025-12-11").to_dict()
    got = {e["type"]: e["jobs"] for e in art["events"] if e["type"] in {"agreement", "investment"}}
    assert got == {"agreement": 13000, "investment": 13000}
