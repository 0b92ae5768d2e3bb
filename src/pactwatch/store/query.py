"""Queries: stories (canonical events) with their sources, entities, full-text search.

Every function takes an open connection and returns plain rows (dicts), built the same
way on SQLite and PostgreSQL: the SQL only filters and pages (ordered by columns both
databases sort alike), and the rows are assembled in Python, so the two databases give
the same answers to the same questions.

A story row never averages: when its sources disagree on an amount, a job count or a
number of agreements, every figure is listed with the source that gave it, and the
field is named in ``disagree``.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import regex
from sqlalchemy import Connection, distinct, exists, func, or_, select, text, union

from pactwatch.kb.fold import fold
from pactwatch.record import EVENT_TYPES, SECTORS, STATUSES

from . import schema as s
from .dates import date_range, shift_day

STATE_KINDS = ("state", "union_territory", "prefecture")
EVENT_COLUMNS = (
    "story", "type", "status", "date", "date_lo", "date_hi", "participants",
    "participant_ids", "place", "place_id", "sectors", "amounts", "jobs", "counts",
    "disagree", "statuses", "sources", "articles", "n_mentions", "evidence",
)
SEARCH_COLUMNS = ("article", "doc", "url", "source", "title", "lang", "published",
                  "n_events", "snippet")


class QueryError(ValueError):
    """A filter that cannot be understood (a malformed date, an unknown format)."""


# ----------------------------------------------------------------------------------
# The query-string boundary: every text a user gives (the CLI's arguments, the Python
# API's parameters) passes here once, before any of it reaches SQL
# ----------------------------------------------------------------------------------

MAX_QUERY_CHARS = 1_000
_BLANKS = dict.fromkeys(map(ord, "\t\n\r\v\f\x85\u2028\u2029"), " ")


def clean_text(value: object, what: str) -> str:
    """The text of one query parameter, validated and normalised, or ``QueryError``.

    Bytes that are not UTF-8 (on the command line Python turns them into lone
    surrogates) and lone surrogates from the API are refused: no database can store or
    compare them.  Line breaks and tabs become spaces; NUL and other control characters
    are removed (SQLite cuts a string at NUL, PostgreSQL refuses it, and none of them
    can occur in a stored name or article).  The result is NFC-composed, as stored text
    is, stripped, and at most ``MAX_QUERY_CHARS`` long.
    """
    if not isinstance(value, str):
        raise QueryError(f"{what} must be text, not {type(value).__name__}")
    if len(value) > 4 * MAX_QUERY_CHARS:  # before any work on it
        raise QueryError(f"{what} is {len(value):,} characters long; the limit is "
                         f"{MAX_QUERY_CHARS:,}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise QueryError(f"{what} is not valid text: it holds bytes that are not UTF-8 "
                         "(or lone surrogates)") from None
    text = value.translate(_BLANKS)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc")
    text = unicodedata.normalize("NFC", text).strip()
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"{what} is {len(text):,} characters long; the limit is "
                         f"{MAX_QUERY_CHARS:,}")
    return text


def _clean_opt(value: str | None, what: str) -> str | None:
    """A filter that may be absent (None); given but empty is an error, never "all"."""
    if value is None:
        return None
    text = clean_text(value, what)
    if not text:
        raise QueryError(f"{what} is empty; give a value or leave the filter out")
    return text


def _vocabulary(values: list[str], valid: tuple[str, ...], what: str) -> list[str]:
    """Filter values of a closed vocabulary, lower-cased; an unknown one names the valid."""
    out = []
    for v in values:
        key = v.strip().lower().replace("-", "_").replace(" ", "_")
        if key not in valid:
            raise QueryError(f"{v!r} is not a known {what}; use one of: {', '.join(valid)}")
        out.append(key)
    return out


def _limit(value: object, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise QueryError(f"{what} must be a whole number of 0 or more, not {value!r}")
    return value


# ----------------------------------------------------------------------------------
# Entities by name
# ----------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _kb_names() -> dict[str, frozenset[str]]:
    """Folded KB names and aliases (every script) to KB ids."""
    from pactwatch.kb.loader import load_kb

    out: dict[str, set[str]] = defaultdict(set)
    for entry in load_kb([]).entries.values():
        for n in [entry.name, *entry.abbr, *(a for names in entry.aliases.values()
                                             for a in names)]:
            out[fold(n)].add(entry.id)
    return {k: frozenset(v) for k, v in out.items()}


def preload() -> None:
    """Load the knowledge base's names now: ``resolve`` reads them for any name no
    stored article spelt, and loading them costs ~0.8 s once.  A server calls this at
    start so that its first visitor does not pay it."""
    _kb_names()


def resolve(conn: Connection, name: str, *, kinds: Sequence[str] | None = None) -> list[str]:
    """Entity ids a name stands for: an exact id, or any alias seen in the stored
    articles (folded, any script); failing those, any name the knowledge base knows for
    a stored entity, so "उत्तर प्रदेश" finds Uttar Pradesh even if only English
    articles are stored."""
    e, al = s.entities, s.entity_aliases
    name = clean_text(name, "the name")
    key = fold(name)
    q = select(e.c.id).where(or_(e.c.id == name.strip(), e.c.id.in_(
        select(al.c.entity_id).where(al.c.key == key))))
    if kinds:
        q = q.where(e.c.kind.in_(list(kinds)))
    found = sorted(r for (r,) in conn.execute(q))
    if found:
        return found
    kb_ids = sorted(_kb_names().get(key, ()))
    if not kb_ids:
        return []
    q = select(e.c.id).where(e.c.id.in_(kb_ids))
    if kinds:
        q = q.where(e.c.kind.in_(list(kinds)))
    return sorted(r for (r,) in conn.execute(q))


def _countries(conn: Connection, value: str) -> list[str]:
    v = value.strip()
    if regex.fullmatch(r"[A-Za-z]{2}", v):
        return [v.upper()]
    e = s.entities
    ids = resolve(conn, v, kinds=["country"])
    if not ids:
        return []
    return sorted({c for (c,) in conn.execute(select(e.c.country).where(e.c.id.in_(ids))) if c})


# ----------------------------------------------------------------------------------
# Events, one row per story
# ----------------------------------------------------------------------------------

def _bound(value: str | None, what: str, end: bool) -> str | None:
    value = _clean_opt(value, what)
    if value is None:
        return None
    try:
        rng = date_range(value)
    except (ValueError, OverflowError):
        rng = None
    if rng is None:
        raise QueryError(f"{what} {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return rng[1] if end else rng[0]


def _listify(v: str | Sequence[str] | None, what: str) -> list[str]:
    """Comma-separated values (or a list of them), each through the boundary."""
    if v is None:
        return []
    if isinstance(v, str):
        items = clean_text(v, what).split(",")
    elif isinstance(v, Sequence):
        items = [clean_text(x, what) for x in v]
    else:
        raise QueryError(f"{what} must be text or a list of texts, not {type(v).__name__}")
    out = [x.strip() for x in items if x.strip()]
    if not out:
        raise QueryError(f"{what} is empty; give a value or leave the filter out")
    return out


def story_ids(conn: Connection, *, limit: int | None = None, offset: int = 0,
              after: tuple[str | None, int] | None = None, **filters: Any) -> list[int]:
    """Stories with at least one mention that meets every filter (``story_select``),
    newest first.  ``after`` is a keyset cursor, the (date_hi, id) of the last story of
    the previous page, so deep pages cost what the first one does."""
    limit, offset = _limit(limit, "limit"), _limit(offset, "offset") or 0
    found = _story_query(conn, **filters)
    if found is None:
        return []
    q, date_hi, sid = found
    if after is not None:
        q = q.where(_after(date_hi, sid, after))
    q = q.order_by(date_hi.desc().nulls_last(), sid.desc()).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return [r for (r,) in conn.execute(q)]


def story_select(conn: Connection, *, country: str | None = None, state: str | None = None,
                 entity: str | None = None, type: str | Sequence[str] | None = None,
                 sector: str | Sequence[str] | None = None,
                 status: str | Sequence[str] | None = None, since: str | None = None,
                 until: str | None = None, entity_ids: Sequence[str] | None = None,
                 lang: str | Sequence[str] | None = None, whole: bool = False) -> Any:
    """The ids of stories with a mention that meets every filter, as an unordered
    select (None when a name matches nothing).  ``whole``: every matching story is
    wanted (an aggregate such as the overview's timeline), not a newest-first page, so
    a walk that would stop at a page's end is no option.

    Filters apply to one event mention at a time: ``--entity Toyota --sector steel``
    finds stories where one source reports Toyota in steel.  Dates are the event's date
    or, when it has none, its article's published date; a partial date overlaps a range
    when any of its days does.  ``country`` is an ISO code or a country name and matches
    events with a participant or place from that country.  ``lang`` keeps mentions
    reported in that language.
    """
    found = _story_query(conn, country=country, state=state, entity=entity, type=type,
                         sector=sector, status=status, since=since, until=until,
                         entity_ids=entity_ids, lang=lang, whole=whole)
    return None if found is None else found[0]


def _story_query(conn: Connection, *, country: str | None = None, state: str | None = None,
                 entity: str | None = None, type: str | Sequence[str] | None = None,
                 sector: str | Sequence[str] | None = None,
                 status: str | Sequence[str] | None = None, since: str | None = None,
                 until: str | None = None, entity_ids: Sequence[str] | None = None,
                 lang: str | Sequence[str] | None = None, whole: bool = False
                 ) -> tuple[Any, Any, Any] | None:
    """``story_select``, with the two columns that give its rows the listing order
    (latest day first, then story id): the story's, or, when the select walks one
    entity's stories, their copies in ``story_entities``."""
    ev, ee, en, es = s.events, s.event_entities, s.entities, s.event_sectors
    country = _clean_opt(country, "the country filter")
    state = _clean_opt(state, "the state filter")
    entity = _clean_opt(entity, "the entity filter")
    if entity_ids is not None:
        entity_ids = [clean_text(x, "an entity id") for x in entity_ids]
    conds: list[Any] = []  # on the mention alone
    by_exists: list[Any] = []  # the same as correlated EXISTS: to check per mention
    drivers: list[Any] = []  # selects of candidate event ids an index answers
    side: list[Any] = []  # for each by_exists entry, its driver
    types = _vocabulary(_listify(type, "the type filter"), EVENT_TYPES, "event type")
    sectors = _vocabulary(_listify(sector, "the sector filter"), SECTORS, "sector")
    statuses = _vocabulary(_listify(status, "the status filter"), STATUSES, "status")
    if types:
        conds.append(ev.c.type.in_(types))
    if statuses:
        conds.append(ev.c.status.in_(statuses))
    langs = _listify(lang, "the language filter")
    if langs:
        ar = s.articles
        conds.append(exists().where(ar.c.id == ev.c.article_id, ar.c.lang.in_(langs)))
    if sectors:
        sub = select(es.c.event_id).where(es.c.sector.in_(sectors))
        by_exists.append(exists().where(es.c.event_id == ev.c.id, es.c.sector.in_(sectors)))
        drivers.append(sub)
        side.append(sub)
    lo, hi = _bound(since, "since", False), _bound(until, "until", True)
    if lo:  # an event's span is at most a year: the extra bound lets the index serve
        conds += [ev.c.date_hi >= lo, ev.c.date_lo >= shift_day(lo, -366)]
    if hi:
        conds.append(ev.c.date_lo <= hi)
    if lo and hi:
        drivers.append(select(ev.c.id).where(ev.c.date_lo >= shift_day(lo, -366),
                                             ev.c.date_lo <= hi))
    id_sets: list[list[str]] = []
    for value, kinds in ((entity, None), (state, STATE_KINDS)):
        if value:
            ids = resolve(conn, value, kinds=kinds)
            if not ids:
                return None
            id_sets.append(ids)
    if entity_ids is not None:
        id_sets.append(list(entity_ids))
    se = s.story_entities
    story_drivers: list[Any] = []  # selects of candidate story ids, from story_entities
    for ids in id_sets:
        sub = select(ee.c.event_id).where(ee.c.entity_id.in_(ids))
        by_exists.append(exists().where(ee.c.event_id == ev.c.id, ee.c.entity_id.in_(ids)))
        drivers.append(sub)
        side.append(sub)
        if lo or hi or whole:  # (by type alone: too many to list, walked below)
            # a story names the entities of all its members, its type is theirs and its
            # span holds theirs: the stories of this entity of that type overlapping the
            # range are a superset of the answer that ix_story_entities_span finds
            # without touching one event (the mentions are still checked one by one)
            cand = select(se.c.story_id).where(se.c.entity_id.in_(ids))
            if types:
                cand = cand.where(se.c.type.in_(types))
            if lo:
                cand = cand.where(se.c.date_hi >= lo)
            if hi:
                cand = cand.where(se.c.date_lo <= hi)
            story_drivers.append(cand)
    if country:
        codes = _countries(conn, country)
        if not codes:
            return None
        sub = (select(ee.c.event_id).join(en, en.c.id == ee.c.entity_id)
               .where(en.c.country.in_(codes)))
        by_exists.append(exists().where(ee.c.event_id == ev.c.id, en.c.id == ee.c.entity_id,
                                        en.c.country.in_(codes)))
        drivers.append(sub)
        side.append(sub)
    st, sm = s.stories, s.story_members
    q = select(st.c.id)
    few = None
    for d in story_drivers:  # read once from the index: the list is the driver
        cand = [r for (r,) in conn.execute(d.limit(SELECTIVE_STORIES + 1))]
        if len(cand) <= SELECTIVE_STORIES and (few is None or len(cand) < len(few)):
            few = cand
    if few is not None:
        # few candidate stories: check each one's mentions against every filter
        return (q.where(st.c.id.in_(sorted(few)),
                        exists().where(sm.c.story_id == st.c.id, ev.c.id == sm.c.event_id,
                                       *conds, *by_exists)), st.c.date_hi, st.c.id)
    one = None if whole else next((ids[0] for ids in id_sets if len(ids) == 1), None)
    # with one entity's stories to walk, a filter's mentions drive only when fewer:
    # counting up to 20,000 of them (twice, for an entity and a sector) cost more than
    # the walk itself
    cap = SELECTIVE if one is None else SELECTIVE_WITH_WALK
    counts = [(_count_upto(conn, d, cap), i) for i, d in enumerate(drivers)]
    best = min(counts, default=None)
    if best is not None and best[0] <= cap:
        # few matching mentions: start from the smallest filter's index, check the rest
        # per mention, collect their stories and sort those
        drive = drivers[best[1]]
        rest = [c for c, d in zip(by_exists, side, strict=True) if d is not drive]
        q = q.where(st.c.id.in_(select(sm.c.story_id).join(ev, ev.c.id == sm.c.event_id)
                                .where(ev.c.id.in_(drive), *conds, *rest)))
    elif whole and story_drivers:
        # many, and all of them wanted: the entity's stories (of the type, in the
        # period) are still far fewer than all stories of the type in the period
        fewest = min(story_drivers, key=lambda d: _count_upto(conn, d, WHOLE_CAP))
        q = q.where(st.c.id.in_(fewest),
                    exists().where(sm.c.story_id == st.c.id, ev.c.id == sm.c.event_id,
                                   *conds, *by_exists))
    elif one is not None:
        # many, of one entity: walk its stories newest first and stop at the page's
        # end.  ix_story_entities_span holds them in the listing order (the story's
        # last day and id, copied there), so only that entity's stories are checked,
        # not every story of the type and period
        w = select(se.c.story_id).where(se.c.entity_id == one)
        if types:
            w = w.where(se.c.type.in_(types))
        if lo:
            w = w.where(se.c.date_hi >= lo)
        if hi:
            w = w.where(se.c.date_lo <= hi)
        w = w.where(exists().where(sm.c.story_id == se.c.story_id, ev.c.id == sm.c.event_id,
                                   *conds, *by_exists))
        return w, se.c.date_hi, se.c.story_id
    elif conds or by_exists:
        # many: walk the stories newest first and stop at the page's end; a story's type
        # and span bound its members', which lets the index skip what cannot match
        if types:
            q = q.where(st.c.type.in_(types))
        if lo:
            q = q.where(st.c.date_hi >= lo)
        if hi:
            q = q.where(st.c.date_lo <= hi)
        q = q.where(exists().where(sm.c.story_id == st.c.id, ev.c.id == sm.c.event_id,
                                   *conds, *by_exists))
    return q, st.c.date_hi, st.c.id


def _after(date_hi: Any, story: Any, after: tuple[str | None, int]) -> Any:
    """Stories after (date_hi, id) in the order newest first, undated last."""
    d, sid = after
    if d is None:
        return (date_hi.is_(None)) & (story < sid)
    return or_(date_hi < d, (date_hi == d) & (story < sid), date_hi.is_(None))


SELECTIVE = 20_000  # mentions: below this a filter drives the query from its index
SELECTIVE_WITH_WALK = 5_000  # the same, when one entity's stories can be walked instead
SELECTIVE_STORIES = 5_000  # candidate stories of an entity: below this they drive it
WHOLE_CAP = 200_000  # candidate stories counted when choosing among entities' lists


def _count_upto(conn: Connection, sub: Any, n: int) -> int:
    """How many rows ``sub`` has, counting no further than ``n + 1``."""
    capped = sub.limit(n + 1).subquery()
    return int(conn.execute(select(func.count()).select_from(capped)).scalar_one())


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else float(v)


def _figures(members: list[dict], field: str) -> list[dict]:
    """Each distinct (figure, source) once, in member order: side by side, never merged."""
    out: list[dict] = []
    seen: set[tuple] = set()
    for m in members:
        if field == "amount":
            if m["amount_value"] is None:
                continue
            fig = {"value": _num(m["amount_value"]), "currency": m["amount_currency"]}
        else:
            if m[field] is None:
                continue
            fig = {"value": int(m[field])}
        key = (*fig.values(), m["src"])
        if key in seen:
            continue
        seen.add(key)
        out.append({**fig, "source": m["src"], "article": m["article_id"]})
    return out


def _most_common(values: Iterable[Any]) -> Any:
    c = Counter(v for v in values if v is not None)
    if not c:
        return None
    best = max(c.values())
    return min(v for v, n in c.items() if n == best)


def story_rows(conn: Connection, ids: Sequence[int]) -> list[dict[str, Any]]:
    """The story rows for ``ids``, in that order, with every member's facts and sources."""
    if not ids:
        return []
    ev, sm, a, ee, es, evd, st = (s.events, s.story_members, s.articles, s.event_entities,
                                   s.event_sectors, s.evidence, s.stories)
    idl = list(ids)
    # only the columns used (a centroid is 1.5 kB a story), every result fetched at
    # once (.all(): row-by-row fetching costs more than the SQL on a page of stories)
    stories = {r.id: r for r in conn.execute(
        select(st.c.id, st.c.type, st.c.date_lo, st.c.date_hi).where(st.c.id.in_(idl))).all()}
    members: dict[int, list[dict]] = defaultdict(list)
    event_ids: list[int] = []
    for r in conn.execute(
            select(sm.c.story_id, ev.c.id, ev.c.type, ev.c.status, ev.c.date, ev.c.place,
                   ev.c.place_id, ev.c.amount_value, ev.c.amount_currency, ev.c.jobs,
                   ev.c.count, ev.c.sectors, ev.c.article_id, a.c.doc, a.c.url, a.c.source,
                   a.c.title, a.c.lang, a.c.published)
            .join(ev, ev.c.id == sm.c.event_id).join(a, a.c.id == ev.c.article_id)
            .where(sm.c.story_id.in_(idl)).order_by(ev.c.id)).mappings().all():
        m = dict(r)
        m["src"] = m["source"] or m["doc"]
        members[m["story_id"]].append(m)
        event_ids.append(m["id"])
    parts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for eid, entity_id, name in conn.execute(
            select(ee.c.event_id, ee.c.entity_id, ee.c.name)
            .where(ee.c.event_id.in_(event_ids), ee.c.role == "participant")
            .order_by(ee.c.event_id, ee.c.position)).all():
        parts[eid].append((entity_id, name))
    secs: dict[int, list[str]] = defaultdict(list)
    for eid, sector in conn.execute(select(es.c.event_id, es.c.sector)
                                    .where(es.c.event_id.in_(event_ids))).all():
        secs[eid].append(sector)
    evid: dict[int, list[str]] = defaultdict(list)
    for eid, text_ in conn.execute(select(evd.c.event_id, evd.c.text)
                                   .where(evd.c.event_id.in_(event_ids))
                                   .order_by(evd.c.event_id, evd.c.position)).all():
        evid[eid].append(text_)
    rows = []
    for sid in idl:
        story, ms = stories.get(sid), members.get(sid, [])
        if story is None or not ms:
            continue
        latest = max(ms, key=lambda m: (m["published"] or "", m["article_id"], m["id"]))
        pids: dict[str, str] = {}
        for m in ms:
            for eid, name in parts[m["id"]]:
                pids.setdefault(eid, name)
        place_id = _most_common(m["place_id"] for m in ms)
        place = next((m["place"] for m in ms if m["place_id"] == place_id), None)
        amounts, jobs, counts = (_figures(ms, f) for f in ("amount", "jobs", "count"))
        disagree = [name for name, figs in (("amount", amounts), ("jobs", jobs),
                                            ("count", counts))
                    if len({tuple(v for k, v in f.items() if k in ("value", "currency"))
                            for f in figs}) > 1]
        arts: dict[int, dict] = {}
        for m in ms:
            arts.setdefault(m["article_id"], {
                "id": m["article_id"], "doc": m["doc"], "url": m["url"],
                "source": m["src"], "title": m["title"], "lang": m["lang"],
                "published": m["published"]})
        rows.append({
            "story": sid, "type": story.type, "status": latest["status"],
            "date": _most_common(m["date"] for m in ms),
            "date_lo": story.date_lo, "date_hi": story.date_hi,
            "participants": list(pids.values()), "participant_ids": list(pids),
            "place": place, "place_id": place_id,
            "sectors": sorted({x for m in ms for x in secs[m["id"]]}),
            "amounts": amounts, "jobs": jobs, "counts": counts, "disagree": disagree,
            "statuses": sorted({m["status"] for m in ms}),
            "sources": list(dict.fromkeys(m["src"] for m in ms)),
            "articles": list(arts.values()), "n_mentions": len(ms),
            "evidence": [{"article": m["article_id"], "source": m["src"], "text": t}
                         for m in ms for t in evid[m["id"]]],
        })
    return rows


def events(conn: Connection, **filters: Any) -> list[dict[str, Any]]:
    """Stories matching the filters (see ``story_ids``), newest first, as rows."""
    return story_rows(conn, story_ids(conn, **filters))


# ----------------------------------------------------------------------------------
# One entity
# ----------------------------------------------------------------------------------

def entity(conn: Connection, name: str) -> list[dict[str, Any]]:
    """Each entity the name stands for: facts, aliases by language, titles, timeline."""
    e, al, ti, me = s.entities, s.entity_aliases, s.entity_titles, s.mentions
    name = clean_text(name, "the entity name")
    if not name:
        raise QueryError("the entity name is empty; give a name in any script, or an id")
    out = []
    for eid in resolve(conn, name):
        row = conn.execute(select(e).where(e.c.id == eid)).mappings().one()
        aliases = sorted((dict(r) for r in conn.execute(  # sorted here: collation-free
            select(al.c.alias, al.c.lang, al.c.script).where(al.c.entity_id == eid))
            .mappings()), key=lambda x: (x["lang"], x["alias"]))
        titles = sorted(t for (t,) in conn.execute(select(ti.c.title)
                                                    .where(ti.c.entity_id == eid)))
        ev, ee = s.events, s.event_entities
        arts = union(select(me.c.article_id.label("a")).where(me.c.entity_id == eid),
                     select(ev.c.article_id.label("a")).join(ee, ee.c.event_id == ev.c.id)
                     .where(ee.c.entity_id == eid)).subquery()
        n_articles = conn.execute(select(func.count(distinct(arts.c.a)))).scalar_one()
        timeline = events(conn, entity_ids=[eid])
        timeline.sort(key=lambda r: (r["date_lo"] is None, r["date_lo"] or "", r["story"]))
        out.append({**dict(row), "aliases": aliases, "titles": titles,
                    "n_articles": int(n_articles), "timeline": timeline})
    return out


# ----------------------------------------------------------------------------------
# Full text
# ----------------------------------------------------------------------------------

_TERM = regex.compile(r'"([^"]+)"|(\S+)')


def terms(query: str) -> list[str]:
    """Words of a query; a "quoted phrase" is one term.  Quotes alone (``""``) are no
    term: the query is then as empty as a blank one."""
    out = []
    for m in _TERM.finditer(query):
        term = (m.group(1) or m.group(2)).strip().strip('"').strip()
        if term:
            out.append(term)
    return out


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _snippet(body: str, title: str | None, words: list[str], width: int = 80) -> str:
    low = body.casefold()
    for w in words:
        i = low.find(w.casefold())
        if i >= 0:
            start = max(0, i - width // 2)
            piece = " ".join(body[start:start + width + len(w)].split())
            return ("…" if start else "") + piece + ("…" if start + width + len(w) < len(body)
                                                    else "")
    return title or " ".join(body[:width].split())


SEARCH_WALK_MIN = 500  # full-text hits above which a search walks the date index


def search(conn: Connection, query: str, *, limit: int | None = 100) -> list[dict[str, Any]]:
    """Articles whose title or body contains every term (substring, case-insensitive),
    newest first.

    SQLite answers from the FTS5 trigram index (terms of three or more characters;
    shorter ones, common in Japanese, fall back to LIKE); PostgreSQL from ``ILIKE``
    served by pg_trgm GIN indexes.  Substring matching is what works alike for English,
    Hindi and Japanese, which has no spaces between words.
    """
    words = terms(clean_text(query, "the search text"))
    limit = _limit(limit, "limit")
    if not words:
        raise QueryError("the search needs at least one word (quotes alone are not one)")
    a, ev = s.articles, s.events
    q = select(a.c.id)  # ids first: sorting many matches must not drag their bodies along
    dialect = conn.dialect.name
    long_words = [w for w in words if len(w) >= 3]
    title = func.coalesce(a.c.title, "")
    for w in words:
        if dialect == "sqlite" and w in long_words:
            continue  # answered by the FTS index below
        pat = _like(w)
        q = q.where(or_(a.c.body.ilike(pat, escape="\\"), title.ilike(pat, escape="\\")))
    if dialect == "sqlite" and long_words:
        match = " AND ".join('"' + w.replace('"', '""') + '"' for w in long_words)
        hits = text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts")
        # Few hits (read once, up to a cap): look each up by id and sort them.  Many
        # (a company named in one article of six): reading every hit's row only to
        # sort by date costs far more than walking the date index newest first and
        # stopping at the page's end, which ``id + 0`` (no rowid lookup on the left)
        # makes SQLite do.  "Many" is what that walk meets within ~100 index entries
        # a hit; the first hits of a common term come cheap, so the cap costs little.
        total = int(conn.execute(select(func.max(a.c.id))).scalar() or 0)
        cap = max(SEARCH_WALK_MIN, total // 100)
        found_ids = [r for (r,) in conn.execute(
            text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :fts LIMIT :cap"),
            {"fts": match, "cap": cap + 1})]
        if len(found_ids) <= cap:
            q = q.where(a.c.id.in_(found_ids))
        else:
            q = q.where((a.c.id + 0).in_(hits.bindparams(fts=match)))
    q = q.order_by(a.c.published.desc().nulls_last(), a.c.id.desc())
    if limit is not None:
        q = q.limit(limit)
    ids = [r for (r,) in conn.execute(q)]
    found = {r.id: r for r in conn.execute(
        select(a.c.id, a.c.doc, a.c.url, a.c.source, a.c.title, a.c.lang, a.c.published,
               a.c.body).where(a.c.id.in_(ids)))} if ids else {}
    rows = [found[i] for i in ids]
    n_events = dict(conn.execute(
        select(ev.c.article_id, func.count()).where(ev.c.article_id.in_([r.id for r in rows]))
        .group_by(ev.c.article_id)).all()) if rows else {}
    return [{"article": r.id, "doc": r.doc, "url": r.url, "source": r.source or r.doc,
             "title": r.title, "lang": r.lang, "published": r.published,
             "n_events": int(n_events.get(r.id, 0)),
             "snippet": _snippet(r.body, r.title, words)} for r in rows]



# ----------------------------------------------------------------------------------
# For the web app and HTTP API (pactwatch.serve): aggregates and one story in full
# ----------------------------------------------------------------------------------

def story_months(conn: Connection, **filters: Any) -> list[dict[str, Any]]:
    """Stories per month (of their last day) and type, for the filters of
    ``story_select``: the overview's timeline.  Undated stories are left out."""
    q = story_select(conn, whole=True, **filters)
    if q is None:
        return []
    st = s.stories
    month = func.substr(st.c.date_hi, 1, 7)
    agg = (select(month.label("month"), st.c.type, func.count().label("n"))
           .where(st.c.date_hi.is_not(None)).group_by(month, st.c.type))
    if q.whereclause is not None:  # no filter: every story, straight from its index
        agg = agg.where(st.c.id.in_(q))
    rows = conn.execute(agg)
    return sorted(({"month": m, "type": t, "n": int(n)} for m, t, n in rows),
                  key=lambda r: (r["month"], r["type"]))


def story_detail(conn: Connection, story_id: int, *, context: int = 160
                 ) -> dict[str, Any] | None:
    """One story row (``story_rows``) plus ``reports``: for every source article, each of
    its event mentions with the evidence sentences, their offsets in the article body
    and a little of the text around them, so a reader sees the sentence in place."""
    rows = story_rows(conn, [story_id])
    if not rows:
        return None
    row = rows[0]
    ev, sm, a, evd = s.events, s.story_members, s.articles, s.evidence
    members = conn.execute(
        select(ev.c.id, ev.c.article_id, ev.c.type, ev.c.status, ev.c.date, ev.c.place,
               ev.c.amount_value, ev.c.amount_currency, ev.c.jobs, ev.c.count)
        .join(sm, sm.c.event_id == ev.c.id).where(sm.c.story_id == story_id)
        .order_by(ev.c.id)).mappings().all()
    art_ids = sorted({m["article_id"] for m in members})
    bodies = dict(conn.execute(select(a.c.id, a.c.body).where(a.c.id.in_(art_ids))).all())
    evidence: dict[int, list[dict]] = defaultdict(list)
    for r in conn.execute(select(evd).where(evd.c.event_id.in_([m["id"] for m in members]))
                          .order_by(evd.c.event_id, evd.c.position)).mappings():
        evidence[r["event_id"]].append(dict(r))
    reports = []
    for art in row["articles"]:
        body = bodies.get(art["id"]) or ""
        mentions = []
        for m in members:
            if m["article_id"] != art["id"]:
                continue
            sentences = []
            for e in evidence[m["id"]]:
                lo, hi = e["start_offset"], e["end_offset"]
                inside = 0 <= lo <= hi <= len(body) and body[lo:hi].strip() != ""
                sentences.append({
                    "start": lo, "end": hi, "text": e["text"],
                    "before": body[max(0, lo - context):lo] if inside else "",
                    "after": body[hi:hi + context] if inside else ""})
            mentions.append({
                "event": m["id"], "type": m["type"], "status": m["status"], "date": m["date"],
                "place": m["place"],
                "amount": ({"value": _num(m["amount_value"]), "currency": m["amount_currency"]}
                           if m["amount_value"] is not None else None),
                "jobs": m["jobs"], "count": m["count"], "evidence": sentences})
        reports.append({**art, "mentions": mentions})
    return {**row, "reports": reports, "trip": story_trip(conn, story_id)}


def story_trip(conn: Connection, story_id: int) -> dict[str, Any] | None:
    """The trip a story belongs to, for the story page and the API: ``visit`` (the
    trip's visit story) and ``happenings`` (the meetings, signings, pledges and
    invitations reported on it), each as ``story``, ``type``, ``status``, ``date`` and
    the first ``participants``; None for a story that belongs to no trip."""
    from .stories import trip_of

    t = trip_of(conn, story_id)
    if t["trip"] is None:
        return None
    ids = [t["trip"], *t["happenings"]]
    rows = {r["story"]: r for r in story_rows(conn, ids)}

    def brief(i: int) -> dict[str, Any] | None:
        r = rows.get(i)
        return None if r is None else {
            "story": i, "type": r["type"], "status": r["status"], "date": r["date"],
            "participants": r["participants"][:4]}

    visit = brief(t["trip"])
    if visit is None:
        return None
    return {"visit": visit,
            "happenings": [b for b in (brief(i) for i in t["happenings"]) if b is not None]}


def find_entities(conn: Connection, q: str, *, limit: int = 50) -> list[dict[str, Any]]:
    """Entities whose id or any stored alias (folded, any script) contains ``q``; exact
    names first, then those in the most stories."""
    e, al, se = s.entities, s.entity_aliases, s.story_entities
    key = fold(q)
    if not key:
        return []
    exact = set(resolve(conn, q))
    pat = _like(key)
    ids = {r for (r,) in conn.execute(
        select(al.c.entity_id).where(al.c.key.like(pat, escape="\\")).distinct()
        .limit(limit * 4))}
    ids |= {r for (r,) in conn.execute(select(e.c.id).where(e.c.id.like(_like(q.strip()),
                                                                       escape="\\"))
                                       .limit(limit * 4))}
    ids |= exact
    if not ids:
        return []
    n = dict(conn.execute(select(se.c.entity_id, func.count()).where(se.c.entity_id.in_(ids))
                          .group_by(se.c.entity_id)).all())
    rows = [dict(r) for r in conn.execute(select(e.c.id, e.c.name, e.c.type, e.c.kind,
                                                 e.c.country).where(e.c.id.in_(ids)))
            .mappings()]
    for r in rows:
        r["n_stories"] = int(n.get(r["id"], 0))
    rows.sort(key=lambda r: (r["id"] not in exact, -r["n_stories"], r["id"]))
    return rows[:limit]


def entity_brief(conn: Connection, entity_id: str, *, timeline_limit: int = 500
                 ) -> dict[str, Any] | None:
    """One entity by id: facts, aliases by language and script, titles, article count
    and its newest ``timeline_limit`` stories (oldest first), the total in
    ``n_stories``.  ``entity`` does the same by name, without a bound."""
    e, al, ti, se = s.entities, s.entity_aliases, s.entity_titles, s.story_entities
    row = conn.execute(select(e).where(e.c.id == entity_id)).mappings().first()
    if row is None:
        return None
    aliases = sorted((dict(r) for r in conn.execute(
        select(al.c.alias, al.c.lang, al.c.script).where(al.c.entity_id == entity_id))
        .mappings()), key=lambda x: (x["lang"], x["alias"]))
    titles = sorted(t for (t,) in conn.execute(select(ti.c.title)
                                                .where(ti.c.entity_id == entity_id)))
    n_stories = int(conn.execute(select(func.count()).where(se.c.entity_id == entity_id))
                    .scalar_one())
    timeline = events(conn, entity_ids=[entity_id], limit=timeline_limit)
    timeline.sort(key=lambda r: (r["date_lo"] is None, r["date_lo"] or "", r["story"]))
    return {**dict(row), "aliases": aliases, "titles": titles, "n_stories": n_stories,
            "timeline": timeline}


def entity_partners(conn: Connection, entity_id: str, *, limit: int = 30
                    ) -> list[dict[str, Any]]:
    """Who an entity shares stories with: every other participant or place of its
    events, with the number of shared stories in all and by event type.

    The type is read from the story (only mentions of one type join a story), not from
    each event: event rows carry their mention as JSON and are many times larger, and
    an entity in 40,000 stories has ~150,000 of them (1.1 -> 0.7 s on the benchmark
    store)."""
    me, other, st, sm, e = (s.event_entities.alias("me"), s.event_entities.alias("other"),
                            s.stories, s.story_members, s.entities)
    q = (select(other.c.entity_id, st.c.type, func.count(distinct(sm.c.story_id)))
         .select_from(me)
         .join(other, (other.c.event_id == me.c.event_id)
               & (other.c.entity_id != entity_id))
         .join(sm, sm.c.event_id == me.c.event_id).join(st, st.c.id == sm.c.story_id)
         .where(me.c.entity_id == entity_id).group_by(other.c.entity_id, st.c.type))
    by: dict[str, dict[str, int]] = defaultdict(dict)
    for eid, typ, n in conn.execute(q):
        by[eid][typ] = int(n)
    ranked = sorted(by.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:limit]
    info = {r.id: r for r in conn.execute(select(e).where(e.c.id.in_([k for k, _ in ranked])))}
    return [{"id": k, "name": info[k].name if k in info else k,
             "kind": info[k].kind if k in info else None,
             "country": info[k].country if k in info else None,
             "n_stories": sum(v.values()), "by_type": dict(sorted(v.items()))}
            for k, v in ranked]


def partners(conn: Connection, *, since: str | None = None, until: str | None = None,
             type: str | Sequence[str] | None = None, sector: str | Sequence[str] | None = None,
             limit: int = 25) -> dict[str, Any]:
    """Which states (Indian states and union territories, Japanese prefectures) share
    stories with which foreign countries and companies, in which sectors: the cells of
    a matrix (``rows`` × ``cols``, the ``limit`` busiest of each) with story counts by
    type and sector.  A partner is a participant whose country is not the state's."""
    st_e, pa_e = s.entities.alias("st_e"), s.entities.alias("pa_e")
    a, b, ev, sm, es = (s.event_entities.alias("a"), s.event_entities.alias("b"), s.events,
                        s.story_members, s.event_sectors)
    conds: list[Any] = [st_e.c.kind.in_(STATE_KINDS), b.c.role == "participant",
                        pa_e.c.country.is_not(None), pa_e.c.country != st_e.c.country,
                        pa_e.c.kind.not_in(STATE_KINDS)]
    lo, hi = _bound(since, "since", False), _bound(until, "until", True)
    if lo:  # the second bound lets the date index serve (an event spans at most a year)
        conds += [ev.c.date_hi >= lo, ev.c.date_lo >= shift_day(lo, -366)]
    if hi:
        conds.append(ev.c.date_lo <= hi)
    types = _vocabulary(_listify(type, "the type filter"), EVENT_TYPES, "event type")
    sectors = _vocabulary(_listify(sector, "the sector filter"), SECTORS, "sector")
    if types:
        conds.append(ev.c.type.in_(types))
    if sectors:
        conds.append(exists().where(es.c.event_id == ev.c.id, es.c.sector.in_(sectors)))
    base = (select(a.c.entity_id.label("row"), b.c.entity_id.label("col"),
                   ev.c.id.label("event"), ev.c.type.label("type"),
                   sm.c.story_id.label("story"))
            .select_from(a).join(st_e, st_e.c.id == a.c.entity_id)
            .join(b, b.c.event_id == a.c.event_id).join(pa_e, pa_e.c.id == b.c.entity_id)
            .join(ev, ev.c.id == a.c.event_id).join(sm, sm.c.event_id == a.c.event_id)
            .where(*conds)).subquery()
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for r, c, typ, n in conn.execute(select(base.c.row, base.c.col, base.c.type,
                                            func.count(distinct(base.c.story)))
                                     .group_by(base.c.row, base.c.col, base.c.type)):
        cell = cells.setdefault((r, c), {"row": r, "col": c, "n_stories": 0, "by_type": {},
                                         "sectors": {}})
        cell["by_type"][typ] = int(n)
        cell["n_stories"] += int(n)
    for r, c, sec, n in conn.execute(
            select(base.c.row, base.c.col, es.c.sector, func.count(distinct(base.c.story)))
            .join(es, es.c.event_id == base.c.event)
            .group_by(base.c.row, base.c.col, es.c.sector)):
        if (r, c) in cells:
            cells[(r, c)]["sectors"][sec] = int(n)
    row_tot: Counter[str] = Counter()
    col_tot: Counter[str] = Counter()
    for (r, c), cell in cells.items():
        row_tot[r] += cell["n_stories"]
        col_tot[c] += cell["n_stories"]
    rows = [k for k, _ in sorted(row_tot.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
    cols = [k for k, _ in sorted(col_tot.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
    e = s.entities
    names = {r.id: r for r in conn.execute(select(e).where(e.c.id.in_(rows + cols)))}

    def ent(i: str) -> dict[str, Any]:
        x = names.get(i)
        return {"id": i, "name": x.name if x else i, "kind": x.kind if x else None,
                "country": x.country if x else None}

    keep_r, keep_c = set(rows), set(cols)
    out_cells = []
    for (r, c), cell in sorted(cells.items()):
        if r in keep_r and c in keep_c:
            cell["by_type"] = dict(sorted(cell["by_type"].items()))
            cell["sectors"] = dict(sorted(cell["sectors"].items(), key=lambda kv: (-kv[1], kv[0])))
            out_cells.append(cell)
    return {"rows": [{**ent(r), "n_stories": row_tot[r]} for r in rows],
            "cols": [{**ent(c), "n_stories": col_tot[c]} for c in cols],
            "cells": out_cells}


def data_version(conn: Connection) -> tuple[int, int]:
    """Changes whenever an ingest stores or replaces an article (ids only grow): a
    cheap key for caching what the store says."""
    a, st = s.articles, s.stories
    return (int(conn.execute(select(func.max(a.c.id))).scalar() or 0),
            int(conn.execute(select(func.max(st.c.id))).scalar() or 0))


def latest_date(conn: Connection) -> str | None:
    """The latest day any story reaches (its index answers): where "recent" ends."""
    st = s.stories
    return conn.execute(select(func.max(st.c.date_hi))).scalar()
