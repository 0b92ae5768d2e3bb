"""A state's policy told by its measure, with no policy word: a fund, an exemption, a desk,
a price cut, an amended policy ("decided to give a 100 per cent stamp duty exemption",
"कोष की घोषणा", "नीति में संशोधन", "道路税を免除することを閣議決定").
The measure word is weak alone; the adopting verb right there makes it a policy.  Texts
are the team's own (a battery written for issue 9's policy gap)."""

from __future__ import annotations

import pytest

import pactwatch

CASES = [
    ("en", "Lucknow, Mar 3 (PTI) The Uttar Pradesh government has decided to give a 100 per "
           "cent stamp duty exemption to units in the park."),
    ("en", "Lucknow, Mar 3 (PTI) The Uttar Pradesh government launched a Rs 500 crore fund for "
           "startups on Monday."),
    ("hi", "लखनऊ, 3 मार्च (भाषा) उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ ने स्टार्टअप के लिए "
           "500 करोड़ रुपये के कोष की घोषणा की।"),
    ("hi", "लखनऊ, 3 मार्च (भाषा) उत्तर प्रदेश सरकार ने स्टांप शुल्क में 100 प्रतिशत छूट देने का "
           "निर्णय लिया।"),
    ("hi", "लखनऊ, 3 मार्च (भाषा) उत्तर प्रदेश सरकार ने औद्योगिक नीति में संशोधन किया है।"),
    ("ja", "ウッタルプラデシュ州政府は電気自動車の購入者に対する道路税を免除することを閣議決定した。"),
    ("ja", "ウッタルプラデシュ州政府は、工業団地の土地価格を25％引き下げると発表した。"),
]


@pytest.mark.parametrize(("lang", "text"), CASES)
def test_a_measure_adopted_by_the_state_is_its_policy(lang: str, text: str) -> None:
    art = pactwatch.extract(text, published="2026-03-03", lang=lang).to_dict()
    pol = [e for e in art["events"] if e["type"] == "policy"]
    assert len(pol) == 1 and "Uttar Pradesh" in pol[0]["participants"]


def test_a_fund_a_company_raised_is_no_policy() -> None:
    art = pactwatch.extract(
        "Tokyo, Mar 3 (Reuters) SoftBank said its Vision Fund had invested $200 million in "
        "an Indian startup.", published="2026-03-03").to_dict()
    assert [e for e in art["events"] if e["type"] == "policy"] == []


MAKERS = [
    ("hi", "लखनऊ, 3 मार्च (भाषा) मुख्यमंत्री योगी आदित्यनाथ ने घोषणा की कि राज्य सरकार जापानी "
           "निवेशकों के लिए विशेष डेस्क बनाएगी।", {"Uttar Pradesh", "Yogi Adityanath"}),
    ("hi", "लखनऊ, 3 मार्च (भाषा) मुख्यमंत्री योगी आदित्यनाथ ने सोमवार को नई सेमीकंडक्टर नीति जारी की।",
     {"Uttar Pradesh", "Yogi Adityanath"}),
    ("ja", "山梨県とウッタルプラデシュ州は、グリーン水素の共同プログラムを立ち上げる方針を示した。",
     {"Uttar Pradesh", "Yamanashi Prefecture"}),
]


@pytest.mark.parametrize(("lang", "text", "parties"), MAKERS)
def test_who_adopts_a_programme_is_its_party(lang: str, text: str, parties: set[str]) -> None:
    art = pactwatch.extract(text, published="2026-03-03", lang=lang).to_dict()
    pol = [set(e["participants"]) for e in art["events"] if e["type"] == "policy"]
    assert any(parties <= p for p in pol)
