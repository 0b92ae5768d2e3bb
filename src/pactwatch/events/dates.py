"""Date mentions ("October 7, 2025", "7 अक्टूबर", "令和7年3月5日", "on Tuesday") as ISO.

Events carry a date "as precise as the text allows", so each mention keeps its precision
(day, month or year).  News leaves most dates incomplete ("Oct 7", "मंगलवार को", "9月11日"),
so they are completed from the publication date; without one an incomplete date yields
nothing rather than a guess.  Weekdays are resolved here, not by dateparser, because a
story saying "on Tuesday" that is published on a Tuesday means that same day.

Month, weekday, era and cue words live in ``data/dates.yaml``; patterns are compiled once
at import because this runs on every sentence of every article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

import regex

from pactwatch.events.numbers import fold, load_data, spelling_variants, to_ascii_digits

from .memo import per_article

__all__ = ["DateMention", "DateSpan", "find_dates", "find_spans", "modifies_noun", "parse_published",
           "find_durations", "schedules_other", "told_as_done", "trip_edge", "trip_edges",
           "trip_span"]

Precision = Literal["day", "month", "year"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in the text: ``text == original[start:end]``.

    ``iso`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" after ``precision``; ``relative`` is true
    when the value was computed from the publication date rather than read ("Tuesday",
    "today", "next year").  A yearless "Oct 7" completed from it is not relative.
    """

    start: int
    end: int
    iso: str
    precision: Precision
    text: str
    relative: bool = False


_DATA = load_data("dates.yaml")
_LANGS = ("en", "hi", "ja")
_NB = r"(?<![\p{L}\p{M}\p{N}])"  # no word character before
_NA = r"(?![\p{L}\p{M}\p{N}])"  # no word character after
_YEAR = r"(?:19|20)\d{2}"
# Days a yearless date may lie after the publication date before last year is preferred.
_MAX_DAYS_AHEAD = 274
_MAX_MONTHS_AHEAD = 9


def _alt(words: Any) -> str:
    """An alternation of ``words`` (and nukta spellings), longest first."""
    variants = {v for w in words for v in spelling_variants(str(w))}
    parts = [
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(variants, key=lambda w: (-len(w), w))
    ]
    return "|".join(parts) if parts else r"(?!x)x"


def _table(section: str, lang: str) -> dict[str, Any]:
    """One language's table of a yaml section, keys folded for lookup."""
    return {fold(str(k)): v for k, v in (_DATA.get(section, {}).get(lang) or {}).items()}


_MONTHS = {lang: _table("months", lang) for lang in _LANGS}
_WEEKDAYS = {lang: _table("weekdays", lang) for lang in _LANGS}
_WD_ABBR = {lang: _table("weekday_abbrev", lang) for lang in _LANGS}
_REL_DAYS = {lang: _table("relative_days", lang) for lang in _LANGS}
_REL_PERIODS = {lang: _table("relative_periods", lang) for lang in _LANGS}
_ERAS = {str(k): int(v) for k, v in _DATA["eras"].items()}
_DAY_WORDS = {lang: {k: int(v) for k, v in _table("day_words", lang).items()} for lang in _LANGS}


def _list(section: str, lang: str) -> list[str]:
    """One language's word list of a yaml section."""
    return [str(w) for w in (_DATA.get(section, {}).get(lang) or [])]


# --- resolution helpers -------------------------------------------------------------


def _date(y: int, m: int, d: int) -> dt.date | None:
    """``date(y, m, d)`` or None when it does not exist (31 June, 29 Feb 2025)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for_day(month: int, day: int, pub: dt.date) -> dt.date | None:
    """The year that puts a yearless day closest to ``pub``, not far in the future.

    News reports recent events and announces near ones: "Oct 7" in a story of 6 Oct 2025
    is 2025-10-07, "Dec 28" in one of 5 Jan 2025 is 2024-12-28.
    """
    best: tuple[int, dt.date] | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        d = _date(y, month, day)
        if d is None:
            continue
        delta = (d - pub).days
        score = abs(delta) + (10_000 if delta > _MAX_DAYS_AHEAD else 0)
        if best is None or score < best[0]:
            best = (score, d)
    return best[1] if best else None


def _year_for_month(month: int, pub: dt.date) -> int:
    """The year that puts a yearless month closest to ``pub`` (see ``_year_for_day``)."""
    best: tuple[int, int] | None = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        delta = (y * 12 + month) - (pub.year * 12 + pub.month)
        score = abs(delta) + (1000 if delta > _MAX_MONTHS_AHEAD else 0)
        if best is None or score < best[0]:
            best = (score, y)
    assert best is not None
    return best[1]


def _weekday(wd: int, pub: dt.date, direction: int = 0) -> dt.date:
    """Latest ``wd`` on or before ``pub``; ``direction`` -1 strictly before, +1 after."""
    if direction > 0:
        return pub + dt.timedelta(days=(wd - pub.weekday()) % 7 or 7)
    back = (pub.weekday() - wd) % 7
    if direction < 0 and back == 0:
        back = 7
    return pub - dt.timedelta(days=back)


def _shift_month(pub: dt.date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` away from ``pub``'s month."""
    idx = pub.year * 12 + pub.month - 1 + months
    return idx // 12, idx % 12 + 1


# A candidate: (start, end, iso, precision, relative)
_Hit = tuple[int, int, str, Precision, bool]
_Handler = Callable[[regex.Match[str], dt.date | None], _Hit | None]


def _day_hit(
    m: regex.Match[str], y: int | None, mo: int, d: int, pub: dt.date | None
) -> _Hit | None:
    """A day-precision hit, completing a missing year from ``pub``."""
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    if y is None:
        if pub is None:
            return None
        date = _year_for_day(mo, d, pub)
    else:
        date = _date(y, mo, d)
    if date is None:
        return None
    return m.start(), m.end(), date.isoformat(), "day", False


def _month_hit(start: int, end: int, y: int | None, mo: int, pub: dt.date | None) -> _Hit | None:
    """A month-precision hit, completing a missing year from ``pub``."""
    if not 1 <= mo <= 12:
        return None
    if y is None:
        if pub is None:
            return None
        y = _year_for_month(mo, pub)
    return start, end, f"{y:04d}-{mo:02d}", "month", False


def _capitalised(word: str | None) -> bool:
    """English month/weekday names count only when capitalised ("May", not "may")."""
    return bool(word) and word[0].isupper()  # type: ignore[index]


def _int(s: str | None) -> int | None:
    """Digits (possibly with an ordinal suffix) as int; None for None."""
    if s is None:
        return None
    digits = regex.match(r"\d+", s)
    return int(digits.group()) if digits else None


# --- per-language patterns ------------------------------------------------------------


_BY_TENSE = {lang: _table("relative_days_by_tense", lang) for lang in _LANGS}
_TENSE_RX = {
    lang: {t: regex.compile(str(p)) for t, p in (_DATA.get("tense", {}).get(lang) or {}).items()}
    for lang in _LANGS
}


def _offset_by_tense(lang: str, word: str, after: str) -> int | None:
    """The day offset of a word whose sense follows the tense ("कल ... मुलाकात की" is
    yesterday, "कल ... जाएंगे" tomorrow): the first tense mark of its clause decides."""
    clause = regex.split(r"[।.;!?]", after, maxsplit=1)[0]
    marks = [(m.start(), t) for t, rx in _TENSE_RX[lang].items() for m in [rx.search(clause)] if m]
    if not marks:
        return None
    tense = min(marks)[1]
    value = (_BY_TENSE[lang].get(word) or {}).get(tense)
    return int(value) if value is not None else None


def _rel_day_handler(lang: str) -> _Handler:
    """today/yesterday/आज/本日: an offset from the publication date."""

    def handle(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        word = fold(m.group("w"))
        offset = _REL_DAYS[lang].get(word)
        if offset is None and word in _BY_TENSE[lang]:
            # Hindi "कल" is yesterday or tomorrow: the verb of its clause says which
            offset = _offset_by_tense(lang, word, m.string[m.end():])
        if pub is None or offset is None:
            return None
        d = pub + dt.timedelta(days=int(offset))
        return m.start(), m.end(), d.isoformat(), "day", True

    return handle


def _rel_period_handler(lang: str) -> _Handler:
    """next month/来年/अगले साल: a month or year relative to the publication date."""

    def handle(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        spec = _REL_PERIODS[lang].get(fold(m.group("w")))
        if pub is None or not spec:
            return None
        unit, offset = str(spec[0]), int(spec[1])
        if unit == "year":
            return m.start(), m.end(), f"{pub.year + offset:04d}", "year", True
        if unit == "week":
            # "last week", "earlier this week", "अगले सप्ताह", "先週": Monday to Sunday of
            # that week (this week: up to the day before publication); the month when the
            # days lie in one month, else nothing rather than a guess
            monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=offset)
            first, last = monday, monday + dt.timedelta(days=6)
            if offset == 0 and spec[2:] == ["before"]:
                last = max(monday, pub - dt.timedelta(days=1))
            elif offset == 0 and spec[2:] == ["after"]:
                first = min(last, pub + dt.timedelta(days=1))
            if (first.year, first.month) != (last.year, last.month):
                return None
            return m.start(), m.end(), first.isoformat()[:7], "month", True
        y, mo = _shift_month(pub, offset)
        return m.start(), m.end(), f"{y:04d}-{mo:02d}", "month", True

    return handle


def _weekday_handler(lang: str) -> _Handler:
    """Tuesday/मंगलवार/火曜日: latest such day on or before publication."""
    before = {fold(w) for w in _list("weekday_before", lang)}

    def handle(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        word = m.group("wd")
        if pub is None or (lang == "en" and not _capitalised(word)):
            return None
        wd = _WEEKDAYS[lang].get(fold(word))
        if wd is None:
            return None
        mod = m.groupdict().get("mod")
        direction = 0 if not mod else (-1 if fold(mod) in before else 1)
        d = _weekday(int(wd), pub, direction)
        start = m.start("mod") if mod else m.start("wd")
        return start, m.end("wd"), d.isoformat(), "day", True

    return handle


def _iso_handler(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
    """2025-10-07, 2025/10/07, 2025.10.07."""
    return _day_hit(m, int(m.group("y")), int(m.group("mo")), int(m.group("d")), pub)


def _year_handler(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
    """A year read from a cue ("in 2024", "2025 में"): the year only."""
    return m.start("y"), m.end("y"), m.group("y"), "year", False


def _en_patterns() -> list[tuple[regex.Pattern[str], _Handler]]:
    """English: "October 7, 2025", "7th October", "April 2026", "in 2024", "Tuesday"."""
    # the dot belongs to an abbreviation ("Oct."), not to a full name ending a sentence
    month = rf"(?P<mon>{_alt(_MONTHS['en'])})(?![\p{{L}}])(?:(?<!\p{{L}}{{5}})\.)?"
    wd_any = _alt(list(_WEEKDAYS["en"]) + list(_WD_ABBR["en"]))
    lead = rf"(?:(?P<wd>{wd_any})(?![\p{{L}}])\.?,?\s+)?"
    day = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}])"
    year = rf"(?P<y>{_YEAR})(?!\d)"
    i = regex.IGNORECASE

    def md(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        if not _capitalised(m.group("mon")):
            return None
        mo = int(_MONTHS["en"][fold(m.group("mon")).rstrip(".")])
        return _day_hit(m, _int(m.group("y")), mo, int(m.group("d")), pub)

    def my(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        if not _capitalised(m.group("mon")):
            return None
        mo = int(_MONTHS["en"][fold(m.group("mon")).rstrip(".")])
        y = _int(m.groupdict().get("y"))
        return _month_hit(m.start("mon"), m.end(), y, mo, pub)

    def m_rel(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        # "April next year", "in March this year": the month of the year the words say
        if not _capitalised(m.group("mon")) or pub is None:
            return None
        mo = int(_MONTHS["en"][fold(m.group("mon")).rstrip(".")])
        off = {"next": 1, "this": 0, "last": -1, "previous": -1}[m.group("rel").casefold()]
        return _month_hit(m.start("mon"), m.end(), pub.year + off, mo, pub)

    mcue = _alt(_list("month_cues_before", "en"))
    ycue = _alt(_list("year_cues_before", "en"))
    wmod = _alt(_list("weekday_before", "en") + _list("weekday_after", "en"))
    return [
        (regex.compile(rf"{_NB}{month}\s+(?P<rel>next|this|last|previous)\s+year{_NA}", i), m_rel),
        (regex.compile(rf"{_NB}{lead}{day}(?:\s+of)?\s+{month}(?:,?\s+{year})?", i), md),
        (regex.compile(rf"{_NB}{lead}{month}\s+{day}(?:,?\s+{year})?", i), md),
        (regex.compile(rf"{_NB}{month},?\s+{year}", i), my),
        (regex.compile(rf"{_NB}(?:{mcue})[\s-]+{month}(?!\s*\d)", i), my),
        (regex.compile(rf"{_NB}(?:{ycue})\s+{year}(?![\p{{L}}\p{{N}}]|-\d)", i), _year_handler),
        (
            regex.compile(rf"{_NB}(?:(?P<mod>{wmod})\s+)?(?P<wd>{_alt(_WEEKDAYS['en'])}){_NA}", i),
            _weekday_handler("en"),
        ),
        (regex.compile(rf"{_NB}(?P<w>{_alt(list(_REL_DAYS['en']) + list(_BY_TENSE['en']))}){_NA}", i),
         _rel_day_handler("en")),
        (
            regex.compile(rf"{_NB}(?P<w>{_alt(_REL_PERIODS['en'])}){_NA}", i),
            _rel_period_handler("en"),
        ),
    ]


_REL_YEAR_HI = {fold(str(k)): int(v) for k, v in (_DATA.get("relative_year_hi") or {}).items()}


def _hi_patterns() -> list[tuple[regex.Pattern[str], _Handler]]:
    """Hindi: "7 अक्टूबर 2025", "फ़रवरी 2026", "मंगलवार को", "आज", "2025 में"."""
    month = rf"(?P<mon>{_alt(_MONTHS['hi'])})(?![\p{{L}}\p{{M}}])"
    year = rf"(?P<y>{_YEAR})(?!\d)"

    def dm(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        mo = int(_MONTHS["hi"][fold(m.group("mon"))])
        return _day_hit(m, _int(m.group("y")), mo, int(m.group("d")), pub)

    def dwm(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        # "छह अक्टूबर को": Hindi copy writes small days as words
        mo = int(_MONTHS["hi"][fold(m.group("mon"))])
        d = _DAY_WORDS["hi"].get(fold(m.group("dw")))
        return _day_hit(m, _int(m.group("y")), mo, int(d), pub) if d else None

    def my(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        mo = int(_MONTHS["hi"][fold(m.group("mon"))])
        return _month_hit(m.start(), m.end(), int(m.group("y")), mo, pub)

    def m_alone(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        # "फरवरी में", "अगले वर्ष जनवरी में": a yearless month, in the year its prefix says
        # or the one nearest the publication date
        mo = int(_MONTHS["hi"][fold(m.group("mon"))])
        rel = m.group("rel")
        y = None
        if rel and pub is not None:
            y = pub.year + int(_REL_YEAR_HI.get(fold(rel), 0))
        return _month_hit(m.start(), m.end(), y, mo, pub)

    ycue_b = _alt(_list("year_cues_before", "hi"))
    ycue_a = _alt(_list("year_cues_after", "hi"))
    ycue_not = _alt(_list("year_not_after_cue", "hi"))
    mcue_a = _alt(_list("month_cues_after", "hi"))
    rel_year = _alt(_REL_YEAR_HI)
    wmod = _alt(_list("weekday_before", "hi") + _list("weekday_after", "hi"))
    rel_days = [w for w, v in _REL_DAYS["hi"].items() if v is not None] + list(_BY_TENSE["hi"])
    return [
        (regex.compile(rf"{_NB}(?P<d>\d{{1,2}})\s*{month}(?:,?\s*{year})?"), dm),
        (regex.compile(rf"{_NB}(?P<dw>{_alt(_DAY_WORDS['hi'])})\s+{month}(?:,?\s*{year})?"), dwm),
        (regex.compile(rf"{_NB}{month},?\s+{year}"), my),
        (regex.compile(rf"{_NB}(?:(?P<rel>{rel_year})\s+)?{month}(?=\s+(?:{mcue_a}){_NA})"),
         m_alone),
        (regex.compile(rf"{_NB}(?:{ycue_b})\s+{year}{_NA}"), _year_handler),
        (regex.compile(rf"{_NB}{year}\s+(?:{ycue_a}){_NA}(?!\s*(?:{ycue_not}){_NA})"), _year_handler),
        (
            regex.compile(rf"{_NB}(?:(?P<mod>{wmod})\s+)?(?P<wd>{_alt(_WEEKDAYS['hi'])}){_NA}"),
            _weekday_handler("hi"),
        ),
        (regex.compile(rf"{_NB}(?P<w>{_alt(rel_days)}){_NA}"), _rel_day_handler("hi")),
        (regex.compile(rf"{_NB}(?P<w>{_alt(_REL_PERIODS['hi'])}){_NA}"), _rel_period_handler("hi")),
    ]


def _ja_patterns() -> list[tuple[regex.Pattern[str], _Handler]]:
    """Japanese: "2025年10月7日（火）", "令和7年3月5日", "9月11日", "2028年度", "7日", "火曜日"."""
    eras = _alt(_ERAS)
    wd_abbr = "".join(_WD_ABBR["ja"])
    wd_tail = rf"(?:\s*[（(][{wd_abbr}](?:曜日?)?[）)])?"
    year = rf"(?:(?P<era>{eras})(?P<ey>\d{{1,2}}|元)年|(?P<y>\d{{4}})年)"
    not_before = _alt(_DATA["ja_day_not_before"])

    def era_year(m: regex.Match[str]) -> int | None:
        if m.group("era"):
            n = 1 if m.group("ey") == "元" else int(m.group("ey"))
            return _ERAS[m.group("era")] + n - 1
        return _int(m.group("y"))

    def ymd(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        y = era_year(m)
        mo = int(m.group("mo"))
        if m.group("d"):
            return _day_hit(m, y, mo, int(m.group("d")), pub)
        return _month_hit(m.start(), m.end(), y, mo, pub)

    def y_only(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        y = era_year(m)
        if y is None:
            return None
        return m.start(), m.end(), f"{y:04d}", "year", False

    def day_only(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        # "7日、": the 7th of the publication month or a neighbouring one
        if pub is None:
            return None
        d = int(m.group("d"))
        best: tuple[int, dt.date] | None = None
        for offset in (-1, 0, 1):
            y, mo = _shift_month(pub, offset)
            date = _date(y, mo, d)
            if date is None:
                continue
            delta = (date - pub).days
            score = abs(delta) + (100 if delta > 10 else 0)
            if best is None or score < best[0]:
                best = (score, date)
        if best is None:
            return None
        return m.start(), m.end(), best[1].isoformat(), "day", False

    rel_year = {fold(str(k)): int(v) for k, v in (_DATA.get("relative_year_ja") or {}).items()}

    def rel_ym(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        # "来年1月", "今年3月5日": a month in the year the word names
        if pub is None:
            return None
        y = pub.year + rel_year[fold(m.group("rel"))]
        mo = int(m.group("mo"))
        if m.group("d"):
            return _day_hit(m, y, mo, int(m.group("d")), pub)
        return _month_hit(m.start(), m.end(), y, mo, pub)

    rel_month = {fold(str(k)): int(v) for k, v in (_DATA.get("relative_month_ja") or {}).items()}

    def rel_md(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
        # "今月7日", "先月28日": a day of the month the word names
        if pub is None:
            return None
        y, mo = _shift_month(pub, rel_month[fold(m.group("rm"))])
        return _day_hit(m, y, mo, int(m.group("d")), pub)

    same = _alt(_DATA["ja_same_day"])
    return [
        (regex.compile(rf"(?P<rm>{_alt(rel_month)})(?P<d>\d{{1,2}})日{wd_tail}"), rel_md),
        (regex.compile(rf"(?P<rel>{_alt(rel_year)})の?(?P<mo>\d{{1,2}})月(?:(?P<d>\d{{1,2}})日)?"),
         rel_ym),
        (
            regex.compile(
                rf"(?<![\d])(?:{year}\s*)?(?P<mo>\d{{1,2}})月(?:\s*(?P<d>\d{{1,2}})日{wd_tail})?"
            ),
            ymd,
        ),
        (regex.compile(rf"(?<![\d]){year}(?P<fy>度)?(?!\s*\d{{1,2}}月)"), y_only),
        # 同日 etc.: matched only so that "日" inside it is not read as a day
        (regex.compile(rf"(?:{same})"), lambda m, pub: None),
        (
            # not the last day of a range ("7月14～18日", "14日から18日"): the range's month
            # is its month, which find_spans reads
            regex.compile(rf"(?<![\d月同毎連数～~〜\-－–])(?<!日(?:\s*[（(][^）)]{{1,3}}[）)])?から)"
                          rf"(?P<d>\d{{1,2}})日(?!{not_before}|曜){wd_tail}"),
            day_only,
        ),
        (regex.compile(rf"(?P<wd>{_alt(_WEEKDAYS['ja'])})"), _weekday_handler("ja")),
        (regex.compile(rf"(?P<w>{_alt(_REL_DAYS['ja'])})"), _rel_day_handler("ja")),
        (regex.compile(rf"(?P<w>{_alt(_REL_PERIODS['ja'])})"), _rel_period_handler("ja")),
    ]


_ISO_RX = regex.compile(
    r"(?<![\d./-])(?P<y>(?:19|20)\d{2})([-/.])(?P<mo>\d{1,2})\2(?P<d>\d{1,2})(?![\d])"
)
_DMY_RX = regex.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})([./-])(?P<b>\d{1,2})\2(?P<y>(?:19|20)\d{2})(?![\d])"
)


def _dmy_handler(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
    """"07.10.2025", "दिनांक 7/10/2025": day first, as Indian copy writes it, unless the
    day-first reading is impossible."""
    a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
    d = _date(y, b, a) or _date(y, a, b)
    return (m.start(), m.end(), d.isoformat(), "day", False) if d else None


_HI_NTH_RX = regex.compile(
    rf"{_NB}(?:(?P<rel>अगले|आगामी|पिछले|बीते|गत|इसी|इस)\s+(?:महीने|माह)\s+की\s+)?"
    rf"(?P<d>\d{{1,2}})\s+(?:तारीख|तारीख़|तिथि)(?:\s+को)?{_NA}")
_HI_NTH_REL = {"अगले": 1, "आगामी": 1, "पिछले": -1, "बीते": -1, "गत": -1, "इसी": 0, "इस": 0}


def _nth_handler(m: regex.Match[str], pub: dt.date | None) -> _Hit | None:
    """"7 तारीख को": the 7th of the publication month, or of the month before when that
    day is still to come; "अगले महीने की 10 तारीख": the 10th of the month named."""
    if pub is None:
        return None
    d = int(m.group("d"))
    if m.group("rel"):
        # "अगले महीने की 10 तारीख": the 10th of the month that phrase names
        date = _date(*_shift_month(pub, _HI_NTH_REL[m.group("rel")]), d)
        return (m.start(), m.end(), date.isoformat(), "day", True) if date else None
    for months in (0, -1):
        y, mo = _shift_month(pub, months)
        date = _date(y, mo, d)
        if date is not None and (date - pub).days <= 10:
            return m.start(), m.end(), date.isoformat(), "day", False
    return None


_PATTERNS: dict[str, list[tuple[regex.Pattern[str], _Handler]]] = {
    "en": [(_ISO_RX, _iso_handler), (_DMY_RX, _dmy_handler), *_en_patterns()],
    "hi": [(_ISO_RX, _iso_handler), (_DMY_RX, _dmy_handler), (_HI_NTH_RX, _nth_handler),
           *_hi_patterns()],
    "ja": [(_ISO_RX, _iso_handler), *_ja_patterns()],
}


def _lang_key(lang: str) -> str:
    """``en-IN`` -> ``en``; unknown languages use the English patterns."""
    key = (lang or "en").lower()[:2]
    return key if key in _LANGS else "en"


def _hits(text: str, lang: str, pub: dt.date | None) -> Iterator[tuple[int, int, _Hit | None]]:
    """Every pattern's matches as (start, end, hit-or-None); None still claims its span."""
    for rx, handler in _PATTERNS[lang]:
        for m in rx.finditer(text):
            yield m.start(), m.end(), handler(m, pub)


@per_article
def find_dates(text: str, lang: str, published: dt.date | None) -> list[DateMention]:
    """Find date mentions in ``text`` (``lang``: en, hi or ja), in text order.

    ``published`` completes yearless dates and resolves weekdays and relative words;
    without it those yield nothing.  Where patterns overlap the longest match wins, so
    "Wed, 25 Feb 2026" is one day, not a weekday plus a date.
    """
    key = _lang_key(lang)
    ascii_text = to_ascii_digits(text)
    cands = sorted(_hits(ascii_text, key, published), key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for start, end, hit in cands:
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        if hit is None:
            continue
        s, e, iso, precision, relative = hit
        out.append(DateMention(s, e, iso, precision, text[s:e], relative))
    return sorted(out, key=lambda d: d.start)


# --- publication date -----------------------------------------------------------------

_KEYWORDS_RX = regex.compile(
    rf"{_NB}(?:{_alt(w for lang in _LANGS for w in _list('published_keywords', lang))})",
    regex.IGNORECASE,
)
_TIME_RX = regex.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)|\d{1,2}時(?:\d{1,2}分)?")
_NUMERIC_DMY_RX = regex.compile(
    r"(?<![\d./-])(?P<a>\d{1,2})([-/.])(?P<b>\d{1,2})\2(?P<y>(?:19|20)\d{2})(?!\d)"
)
_MAX_BYLINE = 200
_ANY_DIGIT = regex.compile(r"\d")  # any script's decimal digit


def _numeric_dmy(line: str) -> str | None:
    """A numeric "07-10-2025" in a byline: day first (Indian and Japanese usage) unless impossible."""
    for m in _NUMERIC_DMY_RX.finditer(line):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        d = _date(y, b, a) or _date(y, a, b)
        if d:
            return d.isoformat()
    return None


def parse_published(text: str) -> str | None:
    """ISO publication date from the first byline/metadata line that states a full date.

    Only short lines with a time ("12:08 PM", "14時30分") or a published/updated keyword
    in English, Hindi or Japanese count, so a date in the body is never taken for it.
    """
    for line in text.splitlines():
        # every way out below needs a digit (a day-precision date, a time, a numeric
        # date); to_ascii_digits only maps digits to digits.  Most short lines of a body
        # have none, and asking the three languages' date patterns of each was a third
        # of the cascade's cost on articles that pass it
        if len(line) > _MAX_BYLINE or not _ANY_DIGIT.search(line):
            continue
        ascii_line = to_ascii_digits(line)
        if not (_KEYWORDS_RX.search(ascii_line) or _TIME_RX.search(ascii_line)):
            # a line that is a full date and nothing else ("令和7年3月11日",
            # "Tuesday, March 11, 2025") is the date line of the page
            alone = [d for lang in _LANGS for d in find_dates(line, lang, None)
                     if d.precision == "day" and not d.relative]
            rest = line
            for d in alone:
                rest = rest.replace(d.text, "")
            if alone and not regex.search(r"[\p{L}\p{N}]{3,}", to_ascii_digits(rest)):
                return min(alone, key=lambda d: d.start).iso
            continue
        found: list[DateMention] = []
        for lang in _LANGS:
            found.extend(d for d in find_dates(line, lang, None) if d.precision == "day")
        if found:
            return min(found, key=lambda d: d.start).iso
        numeric = _numeric_dmy(ascii_line)
        if numeric:
            return numeric
    return None


_YEAR_MARK = regex.compile(r"(?:19|20)\d\d|令和|平成")


def year_from_text(text: str, lang: str) -> str | None:
    """The year of the first fully written date in ``text`` ("November 14, 2025",
    "2025年3月"), for a dateline that gives only month and day.

    A bare year ("by 2030", "since 2019") says nothing about when the story was filed,
    so only a year written inside a day or month date counts.
    """
    if not _YEAR_MARK.search(to_ascii_digits(text)):
        # a written year is in every answer below, and a mention's year in the text it
        # was found in: no year, no need to read the whole body's dates
        return None
    for d in find_dates(text, lang, None):
        if d.precision in {"day", "month"} and not d.relative and _YEAR_MARK.search(
                to_ascii_digits(d.text)):
            return d.iso[:4]
    # "November 14 and 15, 2025": a day range the date finder leaves alone
    months = [m for m in (_MONTHS.get("en", {}) if lang == "en" else {}) if len(m) > 2]
    if months:
        m = regex.search(rf"(?i)\b(?:{_alt(months)})\.?\s+\d{{1,2}}(?:\s*(?:and|to|-|–)\s*\d{{1,2}})?"
                         r",?\s+((?:19|20)\d\d)\b", text)
        if m:
            return m.group(1)
    return None


def told_as_done(text: str, d: DateMention, lang: str) -> bool:
    """Is date ``d`` of ``text`` the day of a clause told as done ("मंगलवार को … हस्ताक्षर
    हुए, जिसके तहत कंपनी निवेश करेगी", "signed an MoU on Tuesday under which it will
    invest")?  Then a weekday there is the last such day, even in a sentence about a plan.
    Hindi: the first tense mark after the date in its clause; English: the verbs of its
    clause before the date, else right after it.  Japanese: not read (False)."""
    key = _lang_key(lang)
    rx = _TENSE_RX.get(key) or {}
    past, future = rx.get("past"), rx.get("future")
    if past is None or future is None:
        return False
    if key == "hi":
        clause = regex.split(r"[।.;!?,]", text[d.end:], maxsplit=1)[0]
        marks = sorted((m.start(), t) for t, r in (("past", past), ("future", future))
                       for m in [r.search(clause)] if m)
        return bool(marks) and marks[0][1] == "past"
    before = regex.split(r"[,;:.!?]", text[max(0, d.start - 100):d.start])[-1]
    after = regex.split(r"[,;:.!?]", text[d.end:d.end + 40], maxsplit=1)[0]
    for window, nearest in ((before, max), (after, min)):
        marks = [(m.start(), t) for t, r in (("past", past), ("future", future))
                 for m in r.finditer(window)]
        if marks:
            return nearest(marks)[1] == "past"
    return False


def names_weekday(text: str, lang: str) -> bool:
    """Does ``text`` (a date mention) name a day of the week ("Tuesday", "मंगलवार", "火曜")?"""
    folded = fold(text)
    return any(fold(w) in folded for w in _WEEKDAYS.get(lang, {}))


# --- spans of days (trips) ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateSpan:
    """Days from ``first`` to ``last`` that the text gives for one happening ("from
    October 6 to 8", "6 से 8 अक्टूबर तक", "7月14～18日"); ``text == original[start:end]``."""

    start: int
    end: int
    first: dt.date
    last: dt.date
    text: str

    @property
    def iso(self) -> str:
        """The span at the precision it fixes (ANNOTATION.md, Dates rule 2): the day when it
        is one day, the month when it lies inside one month, else the year it starts in."""
        if self.first == self.last:
            return self.first.isoformat()
        if (self.first.year, self.first.month) == (self.last.year, self.last.month):
            return self.first.isoformat()[:7]
        return f"{self.first.year:04d}"

    def contains(self, iso: str) -> bool:
        """Does the date ``iso`` (any precision) lie inside the span?"""
        lo, hi = self.first.isoformat()[: len(iso)], self.last.isoformat()[: len(iso)]
        return lo <= iso <= hi


_MAX_SPAN_DAYS = 31


def _joiner(lang: str) -> str:
    """Between the first and the last day: dashes with or without spaces, words with."""
    words = _list("span_joiners", lang)
    marks = [w for w in words if not regex.search(r"[\p{L}]", w)]
    names = [w for w in words if regex.search(r"[\p{L}]", w)]
    parts = []
    if marks:
        parts.append(rf"\s*(?:{_alt(marks)})\s*")
    if names:
        if lang == "ja":
            parts.append(rf"\s*(?:{_alt(names)})\s*")
        else:
            parts.append(rf"\s+(?:{_alt(names)})\s+")
    return "(?:" + "|".join(parts) + ")"


def _span_patterns(lang: str) -> list[regex.Pattern[str]]:
    """Range shapes of one language; groups d1, d2 (digits or day words), mon1, mon2, y."""
    join = _joiner(lang)
    year = rf"(?P<y>{_YEAR})(?!\d)"
    if lang == "en":
        mon = _alt(_MONTHS["en"])
        m1 = rf"(?P<mon1>{mon})(?![\p{{L}}])\.?"
        m2 = rf"(?P<mon2>{mon})(?![\p{{L}}])\.?"
        d1 = r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?"
        d2 = r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?![\p{L}\p{N}])"
        lead = rf"(?:(?:{_alt(_list('span_lead', 'en'))})\s+)?"
        return [
            # October 6 to 8 | Oct 30 - Nov 2, 2025 | between May 24 and 25
            regex.compile(rf"{_NB}{lead}{m1}\s+{d1}{join}(?:{m2}\s+)?{d2}(?:,?\s+{year})?",
                          regex.IGNORECASE),
            # 6-8 October | 30 October to 2 November 2025
            regex.compile(rf"{_NB}{lead}{d1}(?:\s+(?:of\s+)?{m1})?{join}{d2}\s+(?:of\s+)?{m2}"
                          rf"(?:,?\s+{year})?", regex.IGNORECASE),
        ]
    if lang == "hi":
        mon = _alt(_MONTHS["hi"])
        dw = _alt(_DAY_WORDS["hi"])
        d1 = rf"(?P<d1>\d{{1,2}}|{dw})"
        d2 = rf"(?P<d2>\d{{1,2}}|{dw})"
        m1 = rf"(?P<mon1>{mon})(?![\p{{L}}\p{{M}}])"
        m2 = rf"(?P<mon2>{mon})(?![\p{{L}}\p{{M}}])"
        return [
            # 6 से 8 अक्टूबर (तक) | 6-8 अक्टूबर 2025 | 30 सितंबर से 2 अक्टूबर
            regex.compile(rf"{_NB}{d1}(?:\s*{m1})?{join}{d2}\s*{m2}(?:,?\s*{year})?"),
        ]
    if lang == "ja":
        eras = _alt(_ERAS)
        y = rf"(?:(?P<era>{eras})(?P<ey>\d{{1,2}}|元)年|(?P<y>\d{{4}})年)"
        wd = r"(?:\s*[（(][^）)]{1,3}[）)])?"
        return [
            # 7月14～18日 | 2025年7月14日から7月18日まで | 7月30日～8月2日
            regex.compile(rf"(?<!\d)(?:{y}\s*)?(?P<mon1>\d{{1,2}})月(?P<d1>\d{{1,2}})日?{wd}"
                          rf"{join}(?:(?P<mon2>\d{{1,2}})月)?(?P<d2>\d{{1,2}})日"),
            # 6～8日: days of the month nearest the publication date
            regex.compile(rf"(?<![\d月])(?P<d1>\d{{1,2}})日?{wd}{join}(?P<d2>\d{{1,2}})日(?!間)"),
            # 12、13の両日 | 12月12・13両日 | 12日と13日の両日: two days named as both
            regex.compile(rf"(?<!\d)(?:(?P<mon1>\d{{1,2}})月)?(?P<d1>\d{{1,2}})日?{wd}\s*[、・,，と]\s*"
                          rf"(?P<d2>\d{{1,2}})日?{wd}\s*の?両日"),
        ]
    return []


_SPAN_RX = {lang: _span_patterns(lang) for lang in _LANGS}


def _month_of(word: str | None, lang: str) -> int | None:
    if word is None:
        return None
    if lang == "ja":
        return int(word)
    if lang == "en" and not _capitalised(word):
        return None
    v = _MONTHS[lang].get(fold(word).rstrip("."))
    return int(v) if v is not None else None


def _day_of(word: str, lang: str) -> int | None:
    if word.isdigit():
        return int(word)
    v = _DAY_WORDS.get(lang, {}).get(fold(word))
    return int(v) if v is not None else None


@per_article
def find_spans(text: str, lang: str, published: dt.date | None) -> list[DateSpan]:
    """Ranges of days in ``text`` ("from October 6 to 8", "6 से 8 अक्टूबर", "7月14～18日").

    A range without a year takes the one that puts its first day nearest ``published``
    (as a yearless date does); without either nothing is returned.  Ranges longer than a
    month are not a trip's and are ignored.
    """
    key = _lang_key(lang)
    ascii_text = to_ascii_digits(text)
    out: list[DateSpan] = []
    taken: list[tuple[int, int]] = []
    for rx in _SPAN_RX[key]:
        for m in rx.finditer(ascii_text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            gd = m.groupdict()
            mon2 = _month_of(gd.get("mon2"), key)
            mon1 = _month_of(gd.get("mon1"), key) or mon2
            if mon2 is None:
                mon2 = mon1
            d1, d2 = _day_of(m.group("d1"), key), _day_of(m.group("d2"), key)
            if (gd.get("mon1") is None and gd.get("mon2") is None and published is not None
                    and d1 is not None):
                # a range of days with no month ("6～8日"): the month that puts the first
                # day nearest the publication date, not more than ten days ahead
                near = [(abs((x - published).days), x) for k in (-1, 0, 1)
                        for x in [_date(*_shift_month(published, k), d1)]
                        if x is not None and (x - published).days <= 10]
                if near:
                    mon1 = mon2 = min(near)[1].month
            if mon1 is None or mon2 is None or d1 is None or d2 is None:
                continue
            year: int | None = None
            if gd.get("era"):
                n = 1 if gd.get("ey") == "元" else int(gd["ey"])
                year = _ERAS[gd["era"]] + n - 1
            elif gd.get("y"):
                year = int(gd["y"])
            if year is None:
                if published is None:
                    continue
                first = _year_for_day(mon1, d1, published)
            else:
                first = _date(year, mon1, d1)
            if first is None:
                continue
            last = _date(first.year + (1 if mon2 < mon1 else 0), mon2, d2)
            if last is None or not 0 < (last - first).days <= _MAX_SPAN_DAYS:
                continue
            taken.append((m.start(), m.end()))
            out.append(DateSpan(m.start(), m.end(), first, last, text[m.start():m.end()]))
    return sorted(out, key=lambda s: s.start)


def _count_words(lang: str) -> dict[str, int]:
    """Number words that can count days ("four-day", "तीन दिवसीय")."""
    table = load_data("numbers.yaml")["number_words"].get(lang, {}) or {}
    return {fold(str(k)): int(v[0]) for k, v in table.items()
            if str(v[1]) == "unit" and 1 <= int(v[0]) <= _MAX_SPAN_DAYS}


_COUNT_WORDS = {lang: _count_words(lang) for lang in _LANGS}
_COUNT_START = {lang: r"(?<!\d)" if lang == "ja" else _NB for lang in _LANGS}  # 5日間: kana before
_DURATION_RX = {
    lang: regex.compile(
        rf"{_COUNT_START[lang]}(?P<n>\d{{1,2}}|{_alt(_COUNT_WORDS[lang])})"
        rf"(?:{'|'.join(_list('duration_after', lang))})",
        regex.IGNORECASE)
    for lang in _LANGS if _list("duration_after", lang)
}


_DURATION_WORDS = {lang: {fold(str(k)): int(v) for k, v in (_DATA.get("duration_words", {}).get(lang)
                                                              or {}).items()} for lang in _LANGS}
_DURATION_WORD_RX = {
    lang: regex.compile(rf"{_NB}(?:{_alt(words)}){_NA}", regex.IGNORECASE)
    for lang, words in _DURATION_WORDS.items() if words
}


def find_durations(text: str, lang: str) -> list[tuple[int, int, int]]:
    """Lengths in days ("a four-day visit", "तीन दिवसीय", "5日間", "a week-long tour") as
    (start, end, days)."""
    rx = _DURATION_RX.get(_lang_key(lang))
    if rx is None:
        return []
    out = []
    wrx = _DURATION_WORD_RX.get(_lang_key(lang))
    for m in wrx.finditer(text) if wrx is not None else []:
        out.append((m.start(), m.end(), _DURATION_WORDS[_lang_key(lang)][fold(m.group())]))
    for m in rx.finditer(to_ascii_digits(text)):
        n = m.group("n")
        days = int(n) if n.isdigit() else _COUNT_WORDS[_lang_key(lang)].get(fold(n))
        if days and 1 < days <= _MAX_SPAN_DAYS:
            out.append((m.start(), m.end(), days))
    return sorted(out)


def _cue_rx(section: str, lang: str) -> regex.Pattern[str] | None:
    words = _list(section, lang)
    if not words:
        return None
    if lang == "ja":
        return regex.compile(_alt(words))
    return regex.compile(rf"{_NB}(?:{_alt(words)})", regex.IGNORECASE)


_TRIP_RX = {lang: _cue_rx("trip_words", lang) for lang in _LANGS}
_AHEAD_RX = {lang: regex.compile(str(p), regex.IGNORECASE)
             for lang, p in (_DATA.get("span_cue_ahead") or {}).items()}
_START_RX = {lang: _cue_rx("span_start_cues", lang) for lang in _LANGS}
_END_RX = {lang: _cue_rx("span_end_cues", lang) for lang in _LANGS}
_NOT_START_RX = {lang: regex.compile(p) for lang in _LANGS
                 if (p := (_DATA.get("span_start_not_before") or {}).get(lang))}


@per_article
def mentions_trip(text: str, lang: str) -> bool:
    """Does ``text`` speak of a journey ("visit", "दौरे", "訪日")?"""
    rx = _TRIP_RX.get(_lang_key(lang))
    return bool(rx and rx.search(text))


def _trip_edges(text: str, key: str, published: dt.date | None
                ) -> tuple[list[DateMention], list[DateMention]]:
    """The days of ``text`` told as a trip's first and last ("began on 14 May", "returns
    on Friday", "9日に帰国"): (starts, ends), each by its nearest start or end verb."""
    days = [d for d in find_dates(text, key, published) if d.precision == "day"]
    if not days:
        return [], []
    start_rx, end_rx = _START_RX.get(key), _END_RX.get(key)
    not_start = _NOT_START_RX.get(key)

    def cue_near(d: DateMention, rx: regex.Pattern[str] | None
                 ) -> tuple[int, regex.Match[str]] | None:
        """Distance from the date to the nearest cue of ``rx`` in its clause, and the cue."""
        if rx is None:
            return None
        lo = max(0, d.start - 60)
        hi = min(len(text), d.end + 60)
        best: tuple[int, regex.Match[str]] | None = None
        for m in rx.finditer(text, lo, hi):
            if rx is start_rx and not_start is not None and not_start.match(text, m.end()):
                continue  # "16日、来日している…と会談": a stay, not the day of arrival
            between = text[min(m.end(), d.end):max(m.start(), d.start)]
            if regex.search(r"[;।。]|\band\b|और|、", between) and not (
                    m.start() >= d.end and len(between.strip()) <= 12):
                continue  # the cue belongs to another clause
            dist = max(m.start() - d.end, d.start - m.end(), 0)
            if best is None or dist < best[0]:
                best = (dist, m)
        return best

    def told_ahead(d: DateMention, cue: regex.Match[str]) -> DateMention:
        """A weekday whose verb is still to come ("the tour ends on Friday", "शुक्रवार को
        लौटेंगे", "9日に帰国する予定") is the coming one, not the last (ANNOTATION.md rule 1)."""
        if published is None or not d.relative or d.iso >= published.isoformat():
            return d
        rx = _AHEAD_RX.get(key)
        if rx is None or not rx.search(text, max(0, cue.start() - 12), min(len(text), cue.end() + 12)):
            return d
        coming = dt.date.fromisoformat(d.iso) + dt.timedelta(days=7)
        return DateMention(d.start, d.end, coming.isoformat(), d.precision, d.text, d.relative)

    # each date by its nearest cue; a cue is the verb of one date only, the nearest
    # ("मंगलवार को हरियाणा पहुंचे … ने बुधवार देर शाम … मुलाकात की": Wednesday is no arrival)
    claims: dict[tuple[str, int], tuple[int, DateMention, regex.Match[str]]] = {}
    for d in days:
        s_cue, e_cue = cue_near(d, start_rx), cue_near(d, end_rx)
        if s_cue is not None and (e_cue is None or s_cue[0] < e_cue[0]):
            kind, (dist, cue) = "start", s_cue
        elif e_cue is not None:
            kind, (dist, cue) = "end", e_cue
        else:
            continue
        key2 = (kind, cue.start())
        if key2 not in claims or dist < claims[key2][0]:
            claims[key2] = (dist, d, cue)
    starts, ends = [], []
    for (kind, _at), (_dist, d, cue) in sorted(claims.items(), key=lambda kv: kv[1][1].start):
        (starts if kind == "start" else ends).append(told_ahead(d, cue))
    return starts, ends


def trip_edges(text: str, lang: str, published: dt.date | None, journey: bool = False
               ) -> tuple[list[DateMention], list[DateMention]]:
    """The days a sentence tells as a journey's first and last (starts, ends); none
    when it speaks of no journey (``journey``: the caller knows it does, as the
    sentence of a visit: "बुधवार को जापान से लौट आए")."""
    key = _lang_key(lang)
    if not (journey or mentions_trip(text, key)):
        return [], []
    return _trip_edges(text, key, published)


def trip_edge(text: str, d: DateMention, lang: str, published: dt.date | None,
              journey: bool = False) -> bool:
    """Is date ``d`` of a sentence about a journey the day the journey began or ends
    ("the minister, who ends his Korea tour on Friday", "बुधवार को लौट आए")?  Such a day
    dates the journey, not the talks or deals the same sentence reports.  ``journey``:
    the caller knows the sentence tells one ("Patil, who returned from Japan on Tuesday")."""
    key = _lang_key(lang)
    if d.precision != "day" or not (journey or mentions_trip(text, key)):
        return False
    starts, ends = _trip_edges(text, key, published)
    return any(e.start == d.start for e in starts + ends)


def trip_span(text: str, lang: str, published: dt.date | None) -> DateSpan | None:
    """The days of the trip one sentence gives, if it gives them.

    A stated range ("from October 6 to 8"); else a start day and an end day told by their
    verbs ("arrives in Tokyo on 6 October and returns on 8 October", "छह अक्टूबर को
    पहुंचेंगे ... आठ अक्टूबर को लौटेंगे"); else a length with one of them ("the four-day
    tour that began on 14 May", "concluded his six-day visit on Saturday").  A day of the
    trip that is neither its start nor its end ("called on him on Tuesday") fixes nothing.
    """
    key = _lang_key(lang)
    spans = find_spans(text, key, published)
    if spans:
        return spans[0]
    starts, ends = _trip_edges(text, key, published)
    first = dt.date.fromisoformat(starts[0].iso) if starts else None
    last = dt.date.fromisoformat(ends[-1].iso) if ends else None
    lengths = find_durations(text, key)
    if first and last and 0 < (last - first).days <= _MAX_SPAN_DAYS:
        return DateSpan(starts[0].start, ends[-1].end, first, last, text[starts[0].start:ends[-1].end])
    if lengths and (first is None) != (last is None):
        n = lengths[0][2]
        if first is not None:
            last = first + dt.timedelta(days=n - 1)
            d = starts[0]
        else:
            assert last is not None
            first = last - dt.timedelta(days=n - 1)
            d = ends[-1]
        return DateSpan(d.start, d.end, first, last, d.text)
    return None


_SCHED_BEFORE = {lang: [regex.compile(p) for p in _list("scheduled_before", lang)] for lang in _LANGS}
_SCHED_AFTER = {lang: [regex.compile(p) for p in _list("scheduled_after", lang)] for lang in _LANGS}


def schedules_other(text: str, d: DateMention | DateSpan, lang: str) -> bool:
    """Is date mention (or span of days) ``d`` of ``text`` the date of a scheduled
    happening ("the summit to be held in January 2024", "the investors' meet set for
    March 3-4", "जनवरी में होने वाले सम्मेलन", "1月に開催される")?"""
    key = _lang_key(lang)
    before, after = text[: d.start], text[d.end:]
    return any(p.search(before) for p in _SCHED_BEFORE[key]) or any(
        p.match(after) for p in _SCHED_AFTER[key])


# Japanese: a past verb straight before a noun closes a clause that modifies that noun
# ("3月に新工場を発表した山田精機が"); its head is no adverbial noun of time ("訪問した際",
# "会談した後"), which carries the date to the main clause.
_JA_MODIFIER_RX = regex.compile(
    r"^[^、。，．「」『』()（）]*?た(?![際時後前折]|とき|ところ)(?=[\p{Han}\p{Katakana}\p{Latin}\p{N}])")


def modifies_noun(text: str, d: DateMention, lang: str) -> bool:
    """Is date mention ``d`` of ``text`` inside a clause that modifies a noun after it?

    In a head-final language the clause ends at the noun it describes: "昨年9月に合弁会社の
    設立を決めた山田精機が" dates that company's September decision, not what the
    sentence's main verb, or a trigger before the clause, tells."""
    if _lang_key(lang) != "ja":
        return False
    return bool(_JA_MODIFIER_RX.match(text[d.end:]))
