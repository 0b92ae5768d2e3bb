"""English precision gates: listing codes, dotted civil services, ministers' portfolios,
names the model ran on into the next phrase, honorifics before a name, and a form's
"Date:" label read as a dateline.  Invented sentences."""

from __future__ import annotations

import pactwatch
from pactwatch.recognise import _clean_span, is_ticker, portfolio_before


def _art(text: str) -> dict:
    return pactwatch.extract(text, published="2026-03-04").to_dict()


def _names(text: str) -> set[str]:
    return {e["name"] for e in _art(text)["entities"]}


def test_recognise_english_listing_code_is_no_entity() -> None:
    body = "Hanwha Ocean (042660.KS) and Tata Motors (TAMO.NS) rose; (NSE: TCS) fell."
    assert is_ticker(body, body.index("042660.KS"), body.index("042660.KS") + 9)
    assert is_ticker(body, body.index("TAMO.NS"), body.index("TAMO.NS") + 7)
    assert is_ticker(body, body.index("TCS"), body.index("TCS") + 3)
    assert not is_ticker(body, 0, len("Hanwha Ocean"))
    names = _names("SEOUL, March 4 (Reuters) - South Korea's Hanwha Ocean (042660.KS) said on "
                   "Wednesday it would build a shipyard in Gujarat with a local partner.")
    assert not any(regex_code in names for regex_code in ("042660.KS", "042660"))
    assert "Gujarat" in names


def test_recognise_english_portfolio_after_minister_is_no_organisation() -> None:
    body = "the Minister for Industries, Skills Training and Commerce Dr. Anand Rao said"
    at = body.index("Skills Training")
    assert portfolio_before(body, at)
    assert not portfolio_before("officials of the Skills Training Board said", 13)
    names = _names("Hyderabad, March 4 (PTI) The Minister for Industries, Skills Training and "
                   "Commerce Dr. Anand Rao met a Korean delegation on Tuesday.")
    assert not any("Skills Training" in n for n in names)


def test_recognise_english_span_stops_before_function_word_or_honorific() -> None:
    body = "the Consul General of Japan and Commerce Dr Rao"
    s, e = _clean_span(body, body.index("Consul"), body.index(" Japan"))
    assert body[s:e] == "Consul General"
    s, e = _clean_span(body, body.index("Commerce"), len(body) - 4)
    assert body[s:e] == "Commerce"


def test_recognise_english_dotted_service_and_leading_honorific() -> None:
    names = _names("Chennai, March 4 (PTI) Chief Secretary Thiru K. Raghavan, I.A.S., and "
                   "Guidance Tamil Nadu officials met a delegation from Busan on Tuesday.")
    assert not any(n.replace(".", "") == "IAS" for n in names)
    assert not any(n.startswith("Thiru") for n in names)


def test_recognise_english_form_label_is_no_dateline() -> None:
    art = _art("PRESS RELEASE No: 77\nDate: 04.03.2026\n\nThe Chief Minister of Tamil Nadu "
               "today received a delegation of Korean investors at the Secretariat, Chennai.")
    assert (art.get("dateline") or {}).get("place") != "Date"
    assert "Date" not in {e["name"] for e in art["entities"]}
