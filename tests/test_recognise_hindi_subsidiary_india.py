"""Hindi: a KB company followed by इंडिया, where the KB has no Indian subsidiary of it,
is that subsidiary ("आइसिन इंडिया" Aisin India), not the parent and the country; the
parent named with its legal form ("आइसिन कॉरपोरेशन") stays itself."""

from __future__ import annotations

import pactwatch


def test_recognise_hindi_kb_company_then_india_is_its_subsidiary() -> None:
    rec = pactwatch.extract("पुणे, 10 फरवरी (भाषा) जापान की आइसिन कॉरपोरेशन नया संयंत्र लगाएगी। "
                            "आइसिन इंडिया के प्रबंध निदेशक ने यह जानकारी दी।",
                            published="2026-02-10", lang="hi").to_dict()
    ents = {e["name"]: e["type"] for e in rec["entities"]}
    assert ents.get("Aisin India") == "ORG"
    assert ents.get("Aisin Corporation") == "ORG"
    assert "India" not in ents
