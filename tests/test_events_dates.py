"""Date mentions: precision, year completion, weekdays, relative words, bylines."""

from __future__ import annotations

import datetime as dt

import pytest

from pactwatch.events.dates import DateMention, find_dates, parse_published, trip_span

PUB = dt.date(2025, 10, 7)  # a Tuesday


def _one(text: str, lang: str, pub: dt.date | None = PUB) -> DateMention:
    """The single date in ``text``, checking its offsets."""
    found = find_dates(text, lang, pub)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == d.text
    return d


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("The pact was signed on October 7, 2025 in Osaka.", "2025-10-07", "day"),
        ("The pact was signed on 7 October 2025 in Osaka.", "2025-10-07", "day"),
        ("The minister arrived on Oct 7 with a team.", "2025-10-07", "day"),
        ("The minister arrived on Oct. 6 with a team.", "2025-10-06", "day"),
        ("The team flies out on 7th October.", "2025-10-07", "day"),
        ("The expo ended on May 26th.", "2025-05-26", "day"),
        ("Work began on July 20 at the site.", "2025-07-20", "day"),
        ("Production starts in April 2026.", "2026-04", "month"),
        ("The park was notified in 2024.", "2024", "year"),
    ],
)
def test_dates_english_examples(text: str, iso: str, precision: str) -> None:
    d = _one(text, "en")
    assert (d.iso, d.precision, d.relative) == (iso, precision, False)


def test_dates_english_weekday_same_day_counts() -> None:
    d = _one("The delegation met the governor on Tuesday.", "en")
    assert (d.iso, d.relative) == ("2025-10-07", True)


def test_dates_english_weekday_goes_back() -> None:
    d = _one("The talks took place on Wednesday.", "en")
    assert (d.iso, d.precision, d.relative) == ("2025-10-01", "day", True)


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("The MoU was signed today.", "2025-10-07", "day"),
        ("The MoU was signed yesterday.", "2025-10-06", "day"),
        ("The plant opens next month.", "2025-11", "month"),
        ("The plant opens next year.", "2026", "year"),
    ],
)
def test_dates_english_relative_words(text: str, iso: str, precision: str) -> None:
    d = _one(text, "en")
    assert (d.iso, d.precision, d.relative) == (iso, precision, True)


def test_dates_yearless_takes_closest_year() -> None:
    # published early January: "December 28" is last year's
    d = _one("The visit ended on December 28.", "en", dt.date(2025, 1, 5))
    assert d.iso == "2024-12-28"
    # not more than ~9 months ahead: "November 20" from February is last November
    d = _one("The board met on November 20.", "en", dt.date(2025, 2, 1))
    assert d.iso == "2024-11-20"


def test_dates_weekday_with_weekday_prefix_is_one_date() -> None:
    d = _one("Filed Wed, 25 Feb 2026 by our desk.", "en")
    assert d.iso == "2026-02-25"


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("मुख्यमंत्री 7 अक्टूबर को ओसाका पहुंचे।", "2025-10-07", "day"),
        ("समझौता 7 अक्तूबर 2025 को हुआ।", "2025-10-07", "day"),
        ("बैठक 25 फरवरी को होगी।", "2026-02-25", "day"),
        ("संयंत्र फ़रवरी 2026 में शुरू होगा।", "2026-02", "month"),
        ("समझौता ७ अक्टूबर को हुआ।", "2025-10-07", "day"),
    ],
)
def test_dates_hindi_examples(text: str, iso: str, precision: str) -> None:
    d = _one(text, "hi")
    assert (d.iso, d.precision) == (iso, precision)


def test_dates_hindi_weekday_and_today() -> None:
    d = _one("प्रतिनिधिमंडल ने मंगलवार को बैठक की।", "hi")
    assert (d.iso, d.relative) == ("2025-10-07", True)
    d = _one("आज समझौते पर हस्ताक्षर हुए।", "hi")
    assert (d.iso, d.relative) == ("2025-10-07", True)


def test_dates_hindi_kal_follows_the_tense() -> None:
    # "कल" is yesterday or tomorrow: the verb of its clause says which
    assert _one("कल बैठक होगी।", "hi").iso == "2025-10-08"
    assert _one("मुख्यमंत्री कल जापान जाएंगे।", "hi").iso == "2025-10-08"
    assert _one("मुख्यमंत्री ने कल राजदूत से मुलाकात की।", "hi").iso == "2025-10-06"
    assert find_dates("कल्याण योजना की समीक्षा", "hi", PUB) == []
    assert find_dates("कल के बारे में", "hi", PUB) == []  # no verb: no guess


def test_dates_weeks_give_their_month_when_it_is_one() -> None:
    # PUB is Tuesday 7 October 2025
    assert _one("He will visit Japan next week.", "en").iso == "2025-10"
    assert _one("The MoU was signed earlier this week.", "en").iso == "2025-10"
    assert find_dates("He met the minister last week.", "en", PUB) == []  # 29 Sep - 5 Oct
    assert _one("अगले सप्ताह समझौता होगा।", "hi").iso == "2025-10"
    assert _one("来週訪日する。", "ja").iso == "2025-10"


def test_dates_week_long_tour_ending_on_a_day_is_a_span() -> None:
    sp = trip_span("The minister returned on Monday from a week-long tour of Japan.", "en", PUB)
    assert sp is not None and (sp.first.isoformat(), sp.last.isoformat()) == ("2025-09-30", "2025-10-06")


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("知事は9月11日に来日した。", "2025-09-11", "day"),
        ("覚書は2025年10月7日に締結された。", "2025-10-07", "day"),
        ("会談は１０月７日に行われた。", "2025-10-07", "day"),
        ("協定は令和7年3月5日に発効した。", "2025-03-05", "day"),
        ("工場は2028年度に稼働する。", "2028", "year"),
        ("式典は1月10日に開かれる。", "2026-01-10", "day"),
        ("会談は10月7日（火）に行われた。", "2025-10-07", "day"),
    ],
)
def test_dates_japanese_examples(text: str, iso: str, precision: str) -> None:
    d = _one(text, "ja")
    assert (d.iso, d.precision) == (iso, precision)


@pytest.mark.parametrize("word", ["本日", "今日"])
def test_dates_japanese_today(word: str) -> None:
    d = _one(f"{word}、両社が発表した。", "ja")
    assert (d.iso, d.relative) == ("2025-10-07", True)


def test_dates_japanese_weekday() -> None:
    d = _one("火曜日に知事と会談した。", "ja")
    assert (d.iso, d.relative) == ("2025-10-07", True)


def test_dates_japanese_same_day_is_skipped() -> None:
    assert find_dates("同日、覚書を交わした。", "ja", PUB) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The delegation met the governor on Tuesday.", "en"),
        ("The minister arrived on Oct 7 with a team.", "en"),
        ("The MoU was signed today.", "en"),
        ("प्रतिनिधिमंडल ने मंगलवार को बैठक की।", "hi"),
        ("知事は9月11日に来日した。", "ja"),
        ("火曜日に知事と会談した。", "ja"),
    ],
)
def test_dates_without_published_incomplete_yields_nothing(text: str, lang: str) -> None:
    assert find_dates(text, lang, None) == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The firm will hire 2025 workers.", "en"),
        ("It signed 12 MoUs worth Rs 500 crore.", "en"),
        ("They may 5 times revise it.", "en"),
    ],
)
def test_dates_negatives(text: str, lang: str) -> None:
    assert find_dates(text, lang, PUB) == []


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("  Posted on: Nov 3, 2025 10:41 AM IST", "2025-11-03"),
        ("By : Staff Desk | Updated at : 14 Mar 2026 11:05 AM (IST)", "2026-03-14"),
        ("Publish Date: Thu, 12 Mar 2026 (08:15 IST) Updated Date: Thu, 12 Mar 2026", "2026-03-12"),
        ("Updated: Jan 11, 2024, 08:00 IST", "2024-01-11"),
        ("2025年10月7日 14:30", "2025-10-07"),
        ("प्रकाशित: 7 अक्टूबर 2025", "2025-10-07"),
    ],
)
def test_dates_parse_published_bylines(line: str, iso: str) -> None:
    assert parse_published(f"Headline here\n{line}\nBody text.") == iso


def test_dates_parse_published_ignores_body_dates() -> None:
    assert parse_published("The plan was approved on Oct 6, 2025 in Delhi.") is None


def test_dates_a_line_that_is_only_a_date_is_the_publication_date() -> None:
    from pactwatch.events.dates import parse_published

    assert parse_published("令和７年３月１１日\n\n見出し") == "2025-03-11"
    assert parse_published("Tuesday, March 11, 2025\nHeadline") == "2025-03-11"
    assert parse_published("Toyota to invest in 2025 plans\nbody") is None


def test_dates_a_yearless_dateline_takes_the_year_of_a_written_date() -> None:
    from pactwatch.events.dates import year_from_text

    assert year_from_text("He invited them to the summit on November 14 and 15, 2025.",
                          "en") == "2025"
    assert year_from_text("The plant will open by 2030; talks began in 2019.", "en") is None


def test_dates_month_with_next_or_this_year() -> None:
    import datetime as dt

    from pactwatch.events.dates import find_dates

    pub = dt.date(2025, 10, 6)
    (d,) = find_dates("the summit in April next year", "en", pub)
    assert (d.iso, d.precision) == ("2026-04", "month")
    (d,) = find_dates("signed in March this year", "en", pub)
    assert d.iso == "2025-03"


def test_dates_forms_of_indian_and_japanese_copy() -> None:
    # PUB is Tuesday 7 October 2025
    assert _one("दिनांक 06.10.2025 को समझौता हुआ।", "hi").iso == "2025-10-06"  # day first
    assert _one("गत दिवस मुख्यमंत्री ने बैठक की।", "hi").iso == "2025-10-06"  # journalese
    assert _one("गुरूवार को बैठक हुई।", "hi").iso == "2025-10-02"  # the common spelling
    assert _one("5 तारीख को समझौता हुआ।", "hi").iso == "2025-10-05"
    assert find_dates("बीते दिनों कई बैठकें हुईं।", "hi", PUB) == []  # "lately" is no day
    assert _one("同州政府は今月6日、覚書を締結した。", "ja").iso == "2025-10-06"
    assert _one("先月28日に会談した。", "ja").iso == "2025-09-28"


def test_dates_japanese_range_end_is_no_day_of_the_publication_month() -> None:
    # "7月14～18日": 18 is July's, not October's
    assert [d.iso for d in find_dates("7月14～18日に訪日した。", "ja", PUB)] == ["2025-07"]
    sp = trip_span("知事は6～8日の日程でインドを訪問した。", "ja", PUB)
    assert sp is not None and sp.iso == "2025-10"
    sp = trip_span("州首相は5日間の日程で来日し、7日に帰国した。", "ja", PUB)
    assert sp is not None and (sp.first.isoformat(), sp.last.isoformat()) == ("2025-10-03", "2025-10-07")
