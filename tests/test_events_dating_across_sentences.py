"""Dates an article gives across its sentences and clauses: a weekday of a clause told as
done in a sentence about a plan, a trip whose first and last days come in different
sentences, two days named as both (両日), every Hindi way of 'last/this/next month', and
an investment told right after its plant.  The texts are the team's own."""

from __future__ import annotations

import datetime as dt

import pytest

import pactwatch
from pactwatch.events.dates import find_dates, find_spans, told_as_done


def _by_type(text: str, published: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in pactwatch.extract(text, published=published).to_dict()["events"]:
        out.setdefault(e["type"], []).append(e)
    return out


@pytest.mark.parametrize(("lang", "text", "done"), [
    ("hi", "मंगलवार को राज्य सरकार और कंपनी के बीच समझौते पर हस्ताक्षर हुए, जिसके तहत कंपनी निवेश करेगी।", True),
    ("hi", "वह शुक्रवार को मंत्री से मुलाकात करेंगे।", False),
    ("en", "The minister on Tuesday signed an MoU under which the firm will invest.", True),
    ("en", "The firm is scheduled to sign the MoU on Tuesday.", False),
])
def test_told_as_done(lang: str, text: str, done: bool) -> None:
    d = next(d for d in find_dates(text, lang, dt.date(2025, 8, 28)) if d.relative)
    assert told_as_done(text, d, lang) is done


def test_weekday_of_a_signing_stays_past_in_a_sentence_about_a_plan() -> None:
    ev = _by_type(
        "रायपुर, 28 अगस्त। मंगलवार को ओसाका में राज्य सरकार और जापान की कंपनी निप्पॉन स्टील के "
        "बीच एक समझौता ज्ञापन पर हस्ताक्षर हुए, जिसके तहत कंपनी छत्तीसगढ़ में 5,000 करोड़ रुपये "
        "का निवेश करेगी।", "2025-08-28")
    assert {e["date"] for e in ev["investment"]} == {"2025-08-26"}


@pytest.mark.parametrize(("phrase", "iso"), [
    ("गत माह", "2025-11"), ("बीते महीने", "2025-11"), ("इसी महीने", "2025-12"),
    ("आगामी माह", "2026-01"), ("गत वर्ष", "2024"), ("आने वाले साल", "2026"),
])
def test_hindi_relative_periods(phrase: str, iso: str) -> None:
    (d,) = find_dates(f"{phrase} समझौता हुआ", "hi", dt.date(2025, 12, 11))
    assert d.iso == iso


def test_japanese_both_days_is_a_span() -> None:
    (sp,) = find_spans("知事は12、13の両日、州首相と会談した。", "ja", dt.date(2025, 12, 14))
    assert (sp.first, sp.last) == (dt.date(2025, 12, 12), dt.date(2025, 12, 13))


def test_trip_days_from_two_sentences_make_the_span() -> None:
    ev = _by_type(
        "लखनऊ, 4 दिसंबर (भाषा)। उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ बुधवार को जापान से "
        "लौट आए। वह 29 नवंबर को टोक्यो के लिए रवाना हुए थे। दौरे के दौरान राज्य सरकार ने "
        "जापानी कंपनियों के साथ छह समझौता ज्ञापनों पर हस्ताक्षर किए।", "2025-12-04")
    # 29 November to 3 December: two months, so the year (ANNOTATION.md, Dates rule 2)
    assert {e["date"] for e in ev["visit"]} == {"2025"}
    assert {e["date"] for e in ev["agreement"]} == {"2025"}


def test_investment_told_after_its_running_plant_takes_the_plants_day() -> None:
    ev = _by_type(
        "インド南部タミル・ナドゥ州では日系企業の投資が相次いでいる。村田製作所は11月27日、"
        "チェンナイ近郊のスリペルンブドゥールで新工場の稼働を開始したと発表した。"
        "投資額は約200億円で、約1,000人を雇用する。", "2025-12-11")
    assert {e["date"] for e in ev["investment"]} == {"2025-11-27"}
    assert {e["jobs"] for e in ev["facility"]} == {1000}


@pytest.mark.parametrize(("text", "iso"), [
    ("Japan's Denso will set up a new plant in Pune, Maharashtra, which is to start "
     "production in 2027.", "2027"),
    ("जापान की कंपनी आइसिन गुजरात में नया संयंत्र लगाएगी। यह संयंत्र वर्ष 2027 के अंत तक "
     "उत्पादन शुरू कर देगा।", "2027"),
])
def test_plant_still_planned_takes_the_year_it_is_to_run(text: str, iso: str) -> None:
    ev = _by_type(text, "2025-12-11")
    assert {e["date"] for e in ev["facility"]} == {iso}


def test_with_two_trips_each_visit_is_its_own_sentences_span() -> None:
    ev = _by_type(
        "चंडीगढ़। तीन दिवसीय दौरे पर मंगलवार को हरियाणा पहुंचे जापान के ओसाका प्रांत के एक "
        "प्रतिनिधिमंडल ने बुधवार देर शाम मुख्यमंत्री नायब सिंह सैनी से मुलाकात की। हरियाणा के "
        "उद्योग मंत्री राव नरबीर सिंह ने पिछले महीने 22 से 26 सितंबर तक जापान का दौरा किया था।",
        "2025-10-09")
    assert sorted(e["date"] for e in ev["visit"]) == ["2025-09", "2025-10"]
    assert {e["date"] for e in ev["meeting"]} == {"2025-10-08"}


def test_japanese_arrival_in_japan_starts_the_trip() -> None:
    from pactwatch.events.dates import trip_span
    sp = trip_span("州首相は12日に来日し、16日まで滞在する予定。", "ja", dt.date(2025, 11, 14))
    assert sp is not None and (sp.first, sp.last) == (dt.date(2025, 11, 12), dt.date(2025, 11, 16))


@pytest.mark.parametrize(("text", "day"), [
    ("लखनऊ, 27 नवंबर (भाषा)। उत्तर प्रदेश के मुख्यमंत्री योगी आदित्यनाथ 2 दिसंबर को सिंगापुर "
     "जाएंगे, जहां वह निवेशकों के साथ बैठक करेंगे और उन्हें जनवरी में होने वाले निवेशक सम्मेलन के "
     "लिए आमंत्रित करेंगे।", "2025-12-02"),
    ("愛知県の大村秀章知事は26日、名古屋市でグジャラート州の代表団と会談し、来年1月に開催される"
     "投資サミットへの参加を求められた。", "2025-11-26"),
])
def test_date_of_a_scheduled_other_happening_is_not_the_talks(text: str, day: str) -> None:
    ev = _by_type(text, "2025-11-27")
    assert {e["date"] for e in ev["meeting"]} == {day}


def test_talks_after_the_ceremony_are_on_the_ceremonys_day() -> None:
    ev = _by_type(
        "【チェンナイ】部品メーカーのデンソーは8日、タミル・ナドゥ州で新工場の開所式を開いた。"
        "同社の林新之助社長は式典後、タミル・ナドゥ州のラージャー産業相と面会した。", "2025-10-09")
    assert {e["date"] for e in ev["meeting"]} == {"2025-10-08"}


@pytest.mark.parametrize(("phrase", "iso"), [
    ("मुख्यमंत्री नवंबर महीने में जापान गए थे", "2025-11"),
    ("नवंबर के अंतिम सप्ताह में समझौता हुआ", "2025-11"),
    ("इसी साल जुलाई में समझौता हुआ", "2025-07"),
    ("अगले महीने की 10 तारीख को बैठक होगी", "2026-01-10"),
])
def test_hindi_months_and_days_named_with_their_period(phrase: str, iso: str) -> None:
    got = {d.iso for d in find_dates(phrase, "hi", dt.date(2025, 12, 11))}
    assert got == {iso}


def test_japanese_season_target_dates_a_planned_plant() -> None:
    ev = _by_type("デンソーは、インド南部タミル・ナドゥ州に約300億円を投じて新工場を建設し、"
                  "来春の稼働を目指す。", "2025-12-11")
    assert {e["date"] for e in ev["facility"]} == {"2026"}
