"""The date pass on itineraries: a bulleted item takes the day of the heading above it.

Japanese (and other) programme pages list their days as headings on lines of their own
("2025年11月4日(火曜日)") and the day's items as bullets below ("○知事と会談"); an item
states no date, its heading does.  Invented text."""

from __future__ import annotations

import datetime as dt

from pactwatch.events.dating import _heading_day, assign_dates
from pactwatch.normalise import Text, normalise
from pactwatch.read.base import Document
from pactwatch.record import Event, Span

PUB = "2025-11-07"

PROGRAMME = ("県は、グジャラート州の訪問団が来県したと発表した。\n"
             "令和7年11月3日(月曜日)\n"
             "○工業団地を視察\n"
             "○大学の研究所を訪問\n"
             "令和7年11月4日(火曜日)\n"
             "○県庁で担当部局と協議\n"
             "○副知事と会談\n")


def _text(body: str, published: str | None = PUB) -> Text:
    return normalise(Document(doc="t.txt", text=body, published=published, lang="ja"))


def _ev_at(t: Text, needle: str, typ: str, status: str, date: str | None) -> Event:
    s = next(s for s in t.sentences if needle in s.text)
    return Event(type=typ, participants=["A", "B"], date=date, status=status,
                 evidence=[Span(s.start, s.end, s.text)])


def test_itinerary_item_takes_its_heading_day() -> None:
    t = _text(PROGRAMME)
    talks = _ev_at(t, "副知事と会談", "meeting", "completed", None)
    tour = _ev_at(t, "工業団地を視察", "visit", "completed", "2025-11")
    assign_dates(t, [talks, tour])
    assert talks.date == "2025-11-04"  # the second heading, not the first
    assert tour.date == "2025-11-03"


def test_itinerary_heading_does_not_override_an_other_own_day() -> None:
    t = _text(PROGRAMME)
    talks = _ev_at(t, "副知事と会談", "meeting", "completed", "2025-10")
    assign_dates(t, [talks])
    assert talks.date == "2025-10"  # a month the heading's day is not in stays


def test_prose_between_heading_and_line_breaks_the_programme() -> None:
    body = ("2025年11月3日\n"
            "県は、インドとの経済交流を進めている。\n"
            "○副知事と会談\n")
    t = _text(body)
    talks = _ev_at(t, "副知事と会談", "meeting", "completed", None)
    assign_dates(t, [talks])
    assert talks.date == "2025-11"  # no heading over it: the publication month (rule 3)


def test_unbulleted_line_under_a_date_line_is_no_itinerary_item() -> None:
    t = _text("2025年11月3日\n副知事はインドの大使と会談した。\n")
    talks = _ev_at(t, "会談した", "meeting", "completed", None)
    assign_dates(t, [talks])
    assert talks.date == "2025-11"


def test_heading_day_is_a_line_of_nothing_but_a_day() -> None:
    pub = dt.date(2025, 11, 7)
    assert _heading_day("令和7年11月4日(火曜日)", "ja", pub) == "2025-11-04"
    assert _heading_day("11月4日（火）", "ja", pub) == "2025-11-04"
    assert _heading_day("मंगलवार, 4 नवंबर", "hi", pub) == "2025-11-04"
    assert _heading_day("11月4日 県庁で協議", "ja", pub) is None  # an item, not a heading
    assert _heading_day("11月", "ja", pub) is None  # a month heads no day
    assert _heading_day("火曜日", "ja", pub) is None  # a weekday alone is computed, not read


def test_date_in_a_clause_describing_a_noun_is_that_clauses() -> None:
    from pactwatch.events.dates import find_dates, modifies_noun

    pub = dt.date(2025, 11, 7)
    s = "新拠点の開設を発表したほか、3月に工場の建設を決めた日立製作所が計画を説明した。"
    (d,) = find_dates(s, "ja", pub)
    assert modifies_noun(s, d, "ja")  # 3月 dates Hitachi's decision
    s = "知事は10月2日、大使と会談した。"
    (d,) = find_dates(s, "ja", pub)
    assert not modifies_noun(s, d, "ja")  # the main verb's day
    s = "10月2日に訪問した際、覚書を交わした。"
    (d,) = find_dates(s, "ja", pub)
    assert not modifies_noun(s, d, "ja")  # "際": the time of the main clause
    s = "He met the envoy on October 2 and signed a pact."
    (d,) = find_dates(s, "en", pub)
    assert not modifies_noun(s, d, "en")


def test_subjectless_sentence_continues_the_day_of_the_one_before() -> None:
    body = ("県は東京都内で11月4日、投資セミナーを開いた。"
            "州の新たな産業政策の導入を発表したほか、進出企業が事例を紹介した。\n")
    t = _text(body)
    policy = _ev_at(t, "産業政策", "policy", "announced", None)
    assign_dates(t, [policy])
    assert policy.date == "2025-11-04"


def test_sentence_with_its_own_subject_opens_a_new_scene() -> None:
    body = ("県は東京都内で11月4日、投資セミナーを開いた。"
            "州政府は新たな産業政策の導入を発表した。\n")
    t = _text(body)
    policy = _ev_at(t, "産業政策", "policy", "announced", None)
    assign_dates(t, [policy])
    assert policy.date == "2025-11"  # the publication month (rule 3)
    # nor does a plan take the day of the sentence before
    body = ("県は東京都内で11月4日、投資セミナーを開いた。"
            "新たな産業政策を導入する予定だ。\n")
    t = _text(body)
    plan = _ev_at(t, "産業政策", "policy", "planned", None)
    assign_dates(t, [plan])
    assert plan.date is None


def test_hindi_count_with_a_comparative_is_no_year() -> None:
    from pactwatch.events.dates import find_dates

    assert find_dates("इससे 2000 से ज्यादा लोगों को रोजगार मिलेगा।", "hi", None) == []
    assert find_dates("करीब 1800 के करीब नौकरियां बनेंगी।", "hi", None) == []
    (d,) = find_dates("कंपनी 2024 से उत्पादन शुरू करेगी।", "hi", None)
    assert d.iso == "2024"


def test_planned_plant_takes_the_year_its_sentence_gives() -> None:
    import pactwatch

    art = pactwatch.extract(
        "トヨタ自動車は、インドのカルナタカ州に新たな工場を建設しており、2026年末までに"
        "生産を始める計画だ。", lang="ja")
    plants = [e for e in art.to_dict()["events"] if e["type"] == "facility"]
    assert plants and plants[0]["status"] == "planned"
    assert plants[0]["date"] == "2026"
