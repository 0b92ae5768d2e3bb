"""Normalise a read document: Unicode, language, credits, dateline, publication date,
sentences.

The body keeps the reader's characters (NFC-composed, nothing else changed) because every
offset downstream points into it and the UI shows evidence from it.  What later stages
need in a friendlier form (ASCII digits, folded case) they derive with length-preserving
maps, never by rewriting the body.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from .lang import common_data, lang_data
from .lang.detect import detect_language
from .read.base import Document
from .record import Sentence, Span

_DIGITS = str.maketrans("０１２３４５６７８９०१२३४५६७८९", "01234567890123456789")


def ascii_digits(s: str) -> str:
    """Full-width and Devanagari digits to ASCII, one character for one (offsets hold)."""
    return s.translate(_DIGITS)


@dataclass(slots=True)
class RawDateline:
    """The dateline as written: the place still needs linking to the knowledge base."""

    place: str | None
    place_span: Span | None
    agencies: list[str] = field(default_factory=list)
    span: Span | None = None
    date: str | None = None  # ISO date when the dateline itself states a full date
    country: str | None = None  # "Tokyo [Japan]": the bracketed country, as written
    local: bool = False  # matched a pattern that names towns only ("Word:" is no country)
    # other lines that look like datelines, surest first: the linker takes the first whose
    # place the knowledge base knows when this one's is not a place
    alternatives: list[RawDateline] = field(default_factory=list)


@dataclass(slots=True)
class Text:
    """A document ready for recognition: body, language, sentences and metadata."""

    doc: str
    body: str
    lang: str
    sentences: list[Sentence]
    title: str | None = None
    url: str | None = None
    published: str | None = None
    dateline: RawDateline | None = None
    skip: list[Span] = field(default_factory=list)  # bylines and credits: not content

    def in_skip(self, start: int, end: int) -> bool:
        return any(s.start <= start and end <= s.end for s in self.skip)

    def touches_skip(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap a credit?  Names inside credits are not content."""
        return any(s.start < end and start < s.end for s in self.skip)

    @property
    def published_date(self) -> dt.date | None:
        if not self.published:
            return None
        try:
            return dt.date.fromisoformat(self.published[:10])
        except ValueError:
            return None


# ---------------------------------------------------------------- agencies and credits


@lru_cache(maxsize=1)
def _agency_lookup() -> dict[str, str]:
    out: dict[str, str] = {}
    for canon, spellings in (common_data().get("agencies") or {}).items():
        out[str(canon).casefold()] = str(canon)
        for s in spellings or []:
            out[str(s).casefold()] = str(canon)
    return out


def canonical_agency(name: str) -> str | None:
    """Map an agency spelling in any script ("एएनआई", "共同") to its canonical name."""
    return _agency_lookup().get(name.strip().casefold())


def _patterns(lang: str, key: str) -> list[str]:
    """The patterns a language's data lists under ``key`` (one or a list)."""
    raw = lang_data(lang).get(key)
    return [] if raw is None else [str(p) for p in (raw if isinstance(raw, list) else [raw])]


@cache
def _compiled(lang: str, key: str) -> list[regex.Pattern[str]]:
    return [regex.compile(p, regex.M) for p in _patterns(lang, key)]


# an unescaped "(" opening a global flag group, a back reference or a conditional
_UNSAFE_IN_ALTERNATION = regex.compile(
    r"(?<!\\)(?:\\\\)*(?:\((?:\?[a-zA-Z]*\)|\?[a-zA-Z]*-[a-zA-Z]*\)|\?P=|\?\()|\\[1-9]|\\g<)")


@cache
def _any_of(lang: str, key: str) -> regex.Pattern[str] | None:
    """One pattern that matches a line wherever one of ``_compiled(lang, key)`` does:
    their alternation, a leading global flag (``(?i)``) scoped to its own alternative.
    Asked of every line of every body, 32 byline patterns one by one were ~600 searches
    an English article.  None (ask them one by one) when an item holds what an
    alternation would change: a flag elsewhere, a numbered back reference, a
    conditional."""
    parts = []
    for item in _patterns(lang, key):
        lead = regex.match(r"\(\?([a-zA-Z]+)\)", item)
        body = item[lead.end():] if lead else item
        if _UNSAFE_IN_ALTERNATION.search(body):
            return None
        parts.append(f"(?{lead.group(1)}:{body})" if lead else f"(?:{body})")
    return regex.compile("|".join(parts), regex.M) if parts else None


def _lines(body: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in body.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


_LIST_ITEM = regex.compile(r"^\s*(?:[-–—•·*►▶›»]|\d{1,2}[.)])\s*\S")


def _link_blocks(body: str, langs: list[str]) -> list[Span]:
    """The lines under a heading such as "Related Stories", "Topics" or "Also Read" on a
    web page: other stories' headlines and index words.  They name people, firms and
    places of other stories ("Mohan Yadav To Visit Japan In January"), never this story's
    actors.  The block runs to the first blank line, and only while its lines read as list
    items or headlines: a bullet, or a short line with no closing full stop."""
    heads = [p for lg in langs for p in _compiled(lg, "link_block_headers")]
    if not heads:
        return []
    out: list[Span] = []
    lines = _lines(body)
    i = 0
    while i < len(lines):
        start, end = lines[i]
        if not any(p.search(body[start:end]) for p in heads):
            i += 1
            continue
        out.append(Span(start, end, body[start:end]))
        j = i + 1
        while j < len(lines):
            s, e = lines[j]
            line = body[s:e].strip()
            if not line:
                break
            item = bool(_LIST_ITEM.match(line)) or (len(line) <= 160 and not regex.search(
                r"[.!?][\"”’']?$", line))
            if not item:
                break
            out.append(Span(s, e, body[s:e]))
            j += 1
        i = j
    return out


def find_credits(body: str, lang: str) -> tuple[list[Span], list[str]]:
    """Bylines, credits and boilerplate: spans to skip, and the agencies they name.

    Whole lines (author lines, "Reporting by A; Editing by B", photo credits, "Also
    read", share and follow buttons), credits inside a line ("(Reporting by ...)") and
    agency sign-offs.  The body itself is never changed: later stages leave these spans
    out, so every offset still points into the text as read.  Agencies named by a credit
    that says the story came through them ("Written by A for Reuters", "(With inputs
    from PTI)", "PTI SUN MR") join the dateline's; a photo agency does not.
    """
    skip: list[Span] = []
    agencies: list[str] = []
    langs = [lang] if lang == "en" else [lang, "en"]
    for start, end in _lines(body):
        line = body[start:end]
        if not line.strip() or len(line) > 250:
            continue
        named = None
        for lg in langs:
            for p in _compiled(lg, "agency_credit_patterns"):
                m = p.search(line)
                if m:
                    named = m
                    break
            if named:
                break
        if named is not None:
            skip.append(Span(start, end, line))
            a = canonical_agency(named.group("agency"))
            if a and a not in agencies:
                agencies.append(a)
            continue
        for lg in langs:
            either = _any_of(lg, "byline_patterns")
            if (either.search(line) is not None if either is not None
                    else any(p.search(line) for p in _compiled(lg, "byline_patterns"))):
                skip.append(Span(start, end, line))
                break
    skip += _link_blocks(body, langs)
    for lg in langs:
        for p in _compiled(lg, "inline_credit_patterns"):
            for m in p.finditer(body):
                skip.append(Span(m.start(), m.end(), m.group(0)))
    for lg in langs:
        for p in _compiled(lg, "signoff_pattern"):
            for m in p.finditer(body):
                skip.append(Span(m.start(), m.end(), m.group(0)))
                a = canonical_agency(m.group("agency"))
                if a and a not in agencies:
                    agencies.append(a)
    # an author's profile after the story ("लेखक के बारे में", "About the Author"): the
    # writer's name and career, never an actor of the story, down to the end of the body
    for lg in langs:
        for p in _compiled(lg, "trailer_patterns"):
            m = p.search(body)
            if m:
                skip.append(Span(m.start(), len(body), body[m.start():]))
                break
    # a credit in parentheses at the very end of the body: "... said. (ANI)"
    tail_start = max(0, len(body.rstrip()) - 40)
    tail = body[tail_start:].rstrip()
    for lg in langs:
        for p in _compiled(lg, "credit_pattern"):
            m = p.search(tail)
            if m:
                a = canonical_agency(m.group("agency"))
                if a and a not in agencies:
                    agencies.append(a)
                skip.append(Span(tail_start + m.start(), tail_start + m.end(), m.group(0)))
    return skip, agencies


# ---------------------------------------------------------------- datelines

_EN_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
             r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_EN_DATE = rf"(?:{_EN_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?|\d{{1,2}}\s+{_EN_MONTH}(?:,?\s+(?P<year2>\d{{4}}))?)"
_ONE_PLACE = {
    "en": r"[A-Z][A-Za-z.'’-]+(?:\s+[A-Z][A-Za-z.'’-]+){0,3}",
    "hi": r"[\p{Devanagari}]+(?:\s[\p{Devanagari}]+){0,2}",
}
_PAREN = r"[^()\n]{1,30}"
_AGENCY_MODES = {"optional", "required", "required_if_bracketed"}


@dataclass(frozen=True, slots=True)
class _DatelineRule:
    pattern: regex.Pattern[str]
    agency: str  # one of _AGENCY_MODES
    local: bool  # the place is a town, never a country ("India: 244 all out" is a label)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True) if w)


def _fill(pattern: str, lang: str) -> str:
    """Put the language's building blocks into a dateline pattern of lang/data."""
    one = _ONE_PLACE.get(lang, _ONE_PLACE["en"])
    blocks = {"place": rf"{one}(?:\s*/\s*{one})*", "paren": _PAREN}
    if lang == "hi":
        months = [str(m) for m in (lang_data("hi").get("months") or {})]
        blocks["date"] = (rf"(?:[\d०-९]{{1,2}}|[\p{{Devanagari}}]+)\s*(?:{_alternation(months)})"
                          r"(?:,?\s+(?P<year>[\d०-९]{4}))?")
        heads = [str(h) for h in lang_data("hi").get("dateline_outlet_heads") or []]
        blocks["outlet"] = (rf"(?:{_alternation(list(_agency_lookup_raw()))})|"
                            rf"(?:[\p{{Devanagari}}.]+\s+){{0,2}}(?:{_alternation(heads)})")
    else:
        blocks["date"] = _EN_DATE
    for key, value in blocks.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


def _agency_lookup_raw() -> list[str]:
    """Every spelling of every agency, as written in common.yaml."""
    out: list[str] = []
    for canon, spellings in (common_data().get("agencies") or {}).items():
        out.append(str(canon))
        out.extend(str(s) for s in spellings or [])
    return out


@cache
def _dateline_grammar(lang: str) -> list[_DatelineRule]:
    """The dateline patterns of ``lang`` (lang/data/<lang>.yaml ``datelines``), compiled,
    each with its agency mode; Hindi copy also uses English datelines."""
    out: list[_DatelineRule] = []
    for lg in [lang, "en"] if lang == "hi" else [lang]:
        for i, item in enumerate(lang_data(lg).get("datelines") or []):
            mode = str(item.get("agency", "optional"))
            if mode not in _AGENCY_MODES:
                raise ValueError(f"E102: lang/data/{lg}.yaml datelines[{i}] has an unknown "
                                 f"agency mode {mode!r}")
            out.append(_DatelineRule(regex.compile(_fill(str(item["pattern"]), lg)), mode,
                                     str(item.get("place", "any")) == "local"))
    return out


def _dateline_year(m: regex.Match[str]) -> str | None:
    gd = m.groupdict()
    y = gd.get("year") or gd.get("year2")
    return ascii_digits(y) if y else None


def find_dateline(body: str, lang: str, skip: list[Span]) -> RawDateline | None:
    """Find the dateline among the first few lines (after headline and byline).

    The grammar is data: each language's ``datelines`` patterns.  The place is the first
    city of "Tokyo/New Delhi"; an agency is kept only when common.yaml knows it.
    """
    patterns = _dateline_grammar(lang if lang in {"en", "hi", "ja"} else "en")
    seen = 0
    sure: list[RawDateline] = []
    bare: list[RawDateline] = []  # "Word:" alone: after every surer candidate
    for start, end in _lines(body):
        line = body[start:end]
        stripped = line.lstrip()
        if not stripped.strip():
            continue
        if any(s.start <= start and end <= s.end for s in skip):
            continue
        if _LIST_ITEM.match(stripped):
            continue  # a press note's "Key Highlights" bullets before its dateline
        seen += 1
        if seen > 6:
            break
        off = start + (len(line) - len(stripped))
        for rule in patterns:
            mode = rule.agency
            m = rule.pattern.match(stripped)
            if not m:
                continue
            gd = m.groupdict()
            raw_place = m.group("place")
            place = regex.split(r"\s*/\s*", raw_place.strip())[0].strip()
            if len(place) < 2:
                continue
            whole = len(m.group(0).rstrip()) >= len(stripped.rstrip())
            if whole and not (gd.get("date") or gd.get("country") or gd.get("agency")
                              or lang == "ja"):
                continue  # "BENGALURU:" with nothing after it is a heading, not a dateline
            agencies = []
            ag = gd.get("agency")
            if ag:
                a = canonical_agency(ag)
                if a:
                    agencies.append(a)
                elif mode in {"required", "required_if_bracketed"}:
                    continue  # "(Chief Minister Mohan Yadav)" is not a credit
            elif mode == "required":
                continue
            date_iso = None
            if gd.get("date"):
                year = _dateline_year(m) or _year_in_body(body, lang)
                if year:
                    date_iso = _dateline_date_iso(m.group("date"), year, lang)
            pstart = off + m.start("place")
            found = RawDateline(
                place=place,
                place_span=Span(pstart, pstart + len(place), place),
                agencies=agencies,
                span=Span(off, off + len(m.group(0).rstrip()), stripped[: len(m.group(0).rstrip())]),
                date=date_iso,
                country=gd.get("country") or gd.get("country2"),
                local=rule.local and not (gd.get("date") or agencies),
            )
            # a headline with a colon ("Fostering Global Ties: ...") looks like a bare
            # dateline; a dated or credited one further down is surer
            (bare if found.local else sure).append(found)
            break
    ranked = sure + bare
    if not ranked:
        return None
    first = ranked[0]
    first.alternatives = ranked[1:]
    return first


def _dateline_date_iso(text: str, year: str, lang: str) -> str | None:
    """The dateline's day and month with ``year``, as ISO ("Oct 7" → 2025-10-07)."""
    if lang == "hi":
        try:
            from .events.dates import find_dates
        except ImportError:  # pragma: no cover
            return None
        hits = [d for d in find_dates(f"{text} {year}", "hi", None) if d.precision == "day"]
        return hits[0].iso if hits else None
    return _en_date_iso(text, year)


def _year_in_body(body: str, lang: str) -> str | None:
    """A dateline without a year ("Tokyo, October 6 (ANI)") takes the year of the first
    full date the story writes, as an annotator would; none, and the date stays unknown."""
    try:
        from .events.dates import year_from_text
    except ImportError:  # pragma: no cover - the events package ships with pactwatch
        return None
    return year_from_text(body[:20_000], lang)


def _en_date_iso(text: str, year: str) -> str | None:
    months = lang_data("en").get("months", {})
    words = regex.findall(r"[A-Za-z]+|\d+", text)
    month = day = None
    for w in words:
        if w.lower() in months and month is None:
            month = int(months[w.lower()])
        elif w.isdigit() and len(w) <= 2 and day is None:
            day = int(w)
    if month and day:
        try:
            return dt.date(int(year), month, day).isoformat()
        except ValueError:
            return None
    return None


# ---------------------------------------------------------------- sentences


@cache
def _en_abbrev() -> frozenset[str]:
    return frozenset(str(a).lower() for a in lang_data("en").get("abbreviations", []))


@lru_cache(maxsize=1)
def _en_closing() -> tuple[frozenset[str], frozenset[str]]:
    """Company suffixes that also close a sentence ("... home to Toyota Motor Corp. On
    Tuesday, ..."), and the words that open one."""
    data = lang_data("en")
    return (frozenset(str(a).lower() for a in data.get("suffix_abbreviations", [])),
            frozenset(str(a) for a in data.get("sentence_openers", [])))


_EN_END = regex.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[\p{Lu}\p{N}₹$])")
_HI_END = regex.compile(r"[।॥!?]+[\"'”’)\]]*|\.(?=\s)")
_JA_END = regex.compile(r"[。！？!?]+[」』）)]*")


_NEXT_WORD = regex.compile(r"\s+([\p{L}]+)")
_INITIALS = regex.compile(r"(?:\p{Lu}\.)+\p{Lu}?")


def _word_before(text: str, end: int) -> str:
    """The run of letters and points that ends at ``end`` ("Corp.", "U.S", "" after a
    digit or a quote): the word a full stop closes.  A backward walk, because a
    ``[\\p{L}.]+$`` search over the text before each stop tries every start position of
    the paragraph, and long paragraphs made sentence splitting quadratic."""
    i = end
    while i > 0 and (text[i - 1] == "." or text[i - 1].isalpha()):
        i -= 1
    return text[i:end]


def _split_paragraph(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence bounds within one paragraph, per the language's sentence ends."""
    bounds: list[tuple[int, int]] = []
    start = 0
    if lang == "ja":
        ends = [m.end() for m in _JA_END.finditer(text)]
    elif lang in {"hi", "mr", "ne"}:
        ends = [m.end() for m in _HI_END.finditer(text)]
    else:
        ends = []
        abbrev = _en_abbrev()
        for m in _EN_END.finditer(text):
            if m.group(0).startswith("."):
                word = _word_before(text, m.start())
                if word.lower().rstrip(".") in abbrev or (len(word) == 1 and word.isupper()):
                    suffixes, openers = _en_closing()
                    nxt = _NEXT_WORD.match(text[m.end():m.end() + 20])
                    if not (word.lower().rstrip(".") in suffixes and nxt and nxt.group(1) in openers):
                        continue
                if _INITIALS.fullmatch(word + "."):
                    continue  # initials: "M. B." / "U.S."
            ends.append(m.end())
    for e in ends:
        if text[start:e].strip():
            bounds.append((start, e))
        start = e
    if text[start:].strip():
        bounds.append((start, len(text)))
    # trim whitespace inside each bound
    out = []
    for s, e in bounds:
        seg = text[s:e]
        ls = len(seg) - len(seg.lstrip())
        rs = len(seg) - len(seg.rstrip())
        if e - rs > s + ls:
            out.append((s + ls, e - rs))
    return out


def split_sentences(body: str, lang: str) -> list[Sentence]:
    """Sentences with offsets into ``body``; a line break always ends a sentence."""
    sentences: list[Sentence] = []
    para = 0
    for start, end in _lines(body):
        line = body[start:end]
        if not line.strip():
            para += 1
            continue
        for s, e in _split_paragraph(line, lang):
            sentences.append(Sentence(start + s, start + e, line[s:e], len(sentences), para))
        para += 1
    return sentences


# ---------------------------------------------------------------- title and dates

_ISO = regex.compile(r"^\d{4}-\d{2}-\d{2}")


def guess_title(body: str) -> str | None:
    """The first line is a headline when it is short, unpunctuated and a paragraph alone.

    A leading date or byline line ("令和7年3月11日", "Published: Oct 6, 2025 10:12 IST")
    is passed over: the headline is the line after it.
    """
    try:
        from .events.dates import parse_published
    except ImportError:  # pragma: no cover
        parse_published = None  # type: ignore[assignment]
    for _ in range(2):
        head, sep, after = body.lstrip("\n").partition("\n")
        if not (sep and parse_published and len(head) < 80 and parse_published(head)):
            break
        body = after
    first, _, rest = body.lstrip("\n").partition("\n")
    first = first.strip()
    # a region tag under the headline ("（インド、日本）", JETRO's) closes it like a blank line
    tagged = bool(regex.match(r"[（(【\[][^\n]{1,30}[）)】\]]\s*(?:\n|$)", rest))
    # so does a date-and-time line under it ("2026年2月18日 19時05分", NHK's and Nikkei's
    # pages): the headline above it is a line alone all the same
    stamp = rest.partition("\n")[0].strip()
    tagged = tagged or bool(parse_published and 0 < len(stamp) < 40 and parse_published(stamp)
                            and regex.search(r"\d{1,2}[:時]\d{2}", stamp))
    if not first or len(first) > 200 or not rest.startswith("\n") and rest.strip():
        if not (first and len(first) <= 160 and (rest[:1] == "\n" or tagged)):
            return None
    if first[-1:] in ".。।" and len(first) > 120:
        return None
    return first


def published_from_text(body: str, lang: str) -> str | None:
    """A publication date stated in a byline line ("Published on: Oct 6, 2025")."""
    try:
        from .events.dates import parse_published
    except ImportError:  # pragma: no cover - the events package ships with pactwatch
        return None
    head = body[:1500]
    try:
        return parse_published(head)
    except Exception:
        return None


# ---------------------------------------------------------------- the stage


def normalise(doc: Document) -> Text:
    """Document → Text: compose Unicode, detect language, find credits, dateline, date,
    and sentences."""
    body = unicodedata.normalize("NFC", doc.text)
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    lang = detect_language(body, hint=doc.lang)
    skip, credit_agencies = find_credits(body, lang)
    dateline = find_dateline(body, lang, skip)
    if dateline is None and credit_agencies:
        dateline = RawDateline(place=None, place_span=None, agencies=credit_agencies)
    elif dateline is not None:
        for a in credit_agencies:
            if a not in dateline.agencies:
                dateline.agencies.append(a)
    published = doc.published if doc.published and _ISO.match(doc.published) else None
    if published:
        published = published[:10]
    if not published:
        published = published_from_text(body, lang)
    if not published and dateline and dateline.date:
        published = dateline.date
    title = doc.title or guess_title(body)
    if (not doc.title and title and dateline is not None and dateline.span is not None
            and (dateline.agencies or dateline.date)):
        at = body.find(title)
        if at >= 0 and at <= dateline.span.start < at + len(title):
            title = None  # "Pune, Oct 22 (ANI): Japan's envoy …": the lead, not a headline
    return Text(
        doc=doc.doc,
        body=body,
        lang=lang,
        sentences=split_sentences(body, lang),
        title=title,
        url=doc.url,
        published=published,
        dateline=dateline,
        skip=skip,
    )
