"""Spans of days (trips) and dates that belong to a scheduled happening, en/hi/ja."""

from __future__ import annotations

import datetime as dt

import pytest

from pactwatch.events.dates import find_dates, find_spans, schedules_other, trip_span

PUB = dt.date(2025, 10, 5)  # a Sunday


@pytest.mark.parametrize(
    ("text", "lang", "first", "last", "iso"),
    [
        ("The governor will tour Japan from October 6 to 8 with officials.", "en",
         "2025-10-06", "2025-10-08", "2025-10"),
        ("Talks are planned between 6 and 9 October in Osaka.", "en",
         "2025-10-06", "2025-10-09", "2025-10"),
        ("The delegation stays from 30 September to 2 October 2025.", "en",
         "2025-09-30", "2025-10-02", "2025"),
        ("मंत्री 6 से 8 अक्टूबर तक जापान की यात्रा पर रहेंगे।", "hi",
         "2025-10-06", "2025-10-08", "2025-10"),
        ("प्रतिनिधिमंडल छह से आठ अक्टूबर तक टोक्यो में रहेगा।", "hi",
         "2025-10-06", "2025-10-08", "2025-10"),
        ("知事は10月6～8日にインドを訪問する。", "ja", "2025-10-06", "2025-10-08", "2025-10"),
        ("2025年10月6日から10月9日まで滞在する。", "ja", "2025-10-06", "2025-10-09", "2025-10"),
    ],
)
def test_spans_ranges(text: str, lang: str, first: str, last: str, iso: str) -> None:
    spans = find_spans(text, lang, PUB)
    assert len(spans) == 1, spans
    sp = spans[0]
    assert (sp.first.isoformat(), sp.last.isoformat(), sp.iso) == (first, last, iso)
    assert text[sp.start:sp.end] == sp.text


def test_spans_ignore_lowercase_month_words_and_long_ranges() -> None:
    assert find_spans("they may 6 to 8 times a year", "en", PUB) == []
    assert find_spans("from October 1 to November 20", "en", PUB) == []


@pytest.mark.parametrize(
    ("text", "lang", "first", "last"),
    [
        # a length with its start day
        ("The five-day tour that began on 14 October takes in three cities.", "en",
         "2025-10-14", "2025-10-18"),
        # a length with its end day ("returned ... on Saturday" before a Sunday story)
        ("The minister returned home on Saturday from a six-day trip to Seoul and Tokyo.", "en",
         "2025-09-29", "2025-10-04"),
        ("She concluded her four-day visit to Japan on Friday.", "en", "2025-09-30", "2025-10-03"),
        # arrival and return days told by their verbs, Hindi days as words
        ("मुख्यमंत्री सात अक्टूबर को ओसाका पहुंचेंगे और नौ अक्टूबर को दिल्ली लौटेंगे।", "hi",
         "2025-10-07", "2025-10-09"),
        ("मंत्री ने तीन दिवसीय दौरा 2 अक्टूबर को शुरू किया।", "hi", "2025-10-02", "2025-10-04"),
    ],
)
def test_spans_trip_from_length_and_verbs(text: str, lang: str, first: str, last: str) -> None:
    sp = trip_span(text, lang, PUB)
    assert sp is not None
    assert (sp.first.isoformat(), sp.last.isoformat()) == (first, last)


def test_spans_a_day_inside_a_trip_fixes_nothing() -> None:
    # "called on him on Tuesday" is neither the start nor the end of the four days
    assert trip_span("Kato, on a four-day visit to Pune, called on the governor on Tuesday.",
                     "en", PUB) is None


def test_spans_hindi_day_words_are_dates() -> None:
    found = find_dates("मुख्यमंत्री छह अक्टूबर को टोक्यो पहुंचेंगे।", "hi", PUB)
    assert [d.iso for d in found] == ["2025-10-06"]


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("He invited firms to the investors' meet to be held in Lucknow in January 2026.", "en",
         "2026-01"),
        ("उन्होंने जनवरी में होने वाले निवेशक सम्मेलन के लिए कंपनियों को आमंत्रित किया।", "hi",
         "2026-01"),
        ("来年1月に開催される投資サミットに企業を招待した。", "ja", "2026-01"),
    ],
)
def test_spans_date_of_a_scheduled_happening(text: str, lang: str, iso: str) -> None:
    hits = [d for d in find_dates(text, lang, PUB) if d.iso == iso]
    assert hits, find_dates(text, lang, PUB)
    assert schedules_other(text, hits[0], lang)


def test_spans_date_of_the_act_itself_is_not_scheduled() -> None:
    text = "He invited the firms on Tuesday to invest in the state."
    d = find_dates(text, "en", PUB)[0]
    assert not schedules_other(text, d, "en")


def test_spans_japanese_month_after_year_word() -> None:
    found = find_dates("来年3月に工場を稼働させ、今年5月10日に合意した。", "ja", PUB)
    assert [d.iso for d in found] == ["2026-03", "2025-05-10"]


def test_trip_end_still_to_come_is_the_coming_weekday() -> None:
    pub = dt.date(2025, 10, 9)  # a Thursday
    sp = trip_span("The four-day tour ends on Friday.", "en", pub)
    assert sp is not None and (sp.first.isoformat(), sp.last.isoformat()) == ("2025-10-07", "2025-10-10")
    sp = trip_span("He concluded his four-day visit on Monday.", "en", pub)  # done: the last Monday
    assert sp is not None and sp.last.isoformat() == "2025-10-06"
    sp = trip_span("मुख्यमंत्री चार दिन की जापान यात्रा के बाद शुक्रवार को लौटेंगे।", "hi", pub)
    assert sp is not None and sp.last.isoformat() == "2025-10-10"
    sp = trip_span("知事は4日間の日程で、金曜日に帰国する予定。", "ja", pub)
    assert sp is not None and sp.last.isoformat() == "2025-10-10"
