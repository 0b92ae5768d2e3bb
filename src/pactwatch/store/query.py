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
from .ingest import date_range, shift_day

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


def story_ids(conn: Connection, *, country: str | None = None, state: str | None = None,
              entity: str | None = None, type: str | Sequence[str] | None = None,
              sector: str | Sequence[str] | None = None,
              status: str | Sequence[str] | None = None, since: str | None = None,
              until: str | None = None, entity_ids: Sequence[str] | None = None,
              limit: int | None = None, offset: int = 0) -> list[int]:
    """Stories with at least one mention that meets every filter, newest first.

    Filters apply to one event mention at a time: ``--entity Toyota --sector steel``
    finds stories where one source reports Toyota in steel.  Dates are the event's date
    or, when it has none, its article's published date; a partial date overlaps a range
    when any of its days does.  ``country`` is an ISO code or a country name and matches
    events with a participant or place from that country.
    """
    ev, ee, en, es = s.events, s.event_entities, s.entities, s.event_sectors
    country = _clean_opt(country, "the country filter")
    state = _clean_opt(state, "the state filter")
    entity = _clean_opt(entity, "the entity filter")
    limit, offset = _limit(limit, "limit"), _limit(offset, "offset") or 0
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
                return []
            id_sets.append(ids)
    if entity_ids is not None:
        id_sets.append(list(entity_ids))
    for ids in id_sets:
        sub = select(ee.c.event_id).where(ee.c.entity_id.in_(ids))
        by_exists.append(exists().where(ee.c.event_id == ev.c.id, ee.c.entity_id.in_(ids)))
        drivers.append(sub)
        side.append(sub)
    if country:
        codes = _countries(conn, country)
        if not codes:
            return []
        sub = (select(ee.c.event_id).join(en, en.c.id == ee.c.entity_id)
               .where(en.c.country.in_(codes)))
        by_exists.append(exists().where(ee.c.event_id == ev.c.id, en.c.id == ee.c.entity_id,
                                        en.c.country.in_(codes)))
        drivers.append(sub)
        side.append(sub)
    st, sm = s.stories, s.story_members
    q = select(st.c.id)
    counts = [(_count_upto(conn, d, SELECTIVE), i) for i, d in enumerate(drivers)]
    best = min(counts, default=None)
    if best is not None and best[0] <= SELECTIVE:
        # few matching mentions: start from the smallest filter's index, check the rest
        # per mention, collect their stories and sort those
        drive = drivers[best[1]]
        rest = [c for c, d in zip(by_exists, side, strict=True) if d is not drive]
        q = q.where(st.c.id.in_(select(sm.c.story_id).join(ev, ev.c.id == sm.c.event_id)
                                .where(ev.c.id.in_(drive), *conds, *rest)))
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
    q = q.order_by(st.c.date_hi.desc().nulls_last(), st.c.id.desc()).offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return [r for (r,) in conn.execute(q)]


SELECTIVE = 20_000  # mentions: below this a filter drives the query from its index


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
    stories = {r.id: r for r in conn.execute(select(st).where(st.c.id.in_(idl)))}
    members: dict[int, list[dict]] = defaultdict(list)
    event_ids: list[int] = []
    for r in conn.execute(
            select(sm.c.story_id, ev.c.id, ev.c.type, ev.c.status, ev.c.date, ev.c.place,
                   ev.c.place_id, ev.c.amount_value, ev.c.amount_currency, ev.c.jobs,
                   ev.c.count, ev.c.sectors, ev.c.article_id, a.c.doc, a.c.url, a.c.source,
                   a.c.title, a.c.lang, a.c.published)
            .join(ev, ev.c.id == sm.c.event_id).join(a, a.c.id == ev.c.article_id)
            .where(sm.c.story_id.in_(idl)).order_by(ev.c.id)).mappings():
        m = dict(r)
        m["src"] = m["source"] or m["doc"]
        members[m["story_id"]].append(m)
        event_ids.append(m["id"])
    parts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for r in conn.execute(select(ee.c.event_id, ee.c.entity_id, ee.c.name)
                          .where(ee.c.event_id.in_(event_ids), ee.c.role == "participant")
                          .order_by(ee.c.event_id, ee.c.position)):
        parts[r.event_id].append((r.entity_id, r.name))
    secs: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(select(es.c.event_id, es.c.sector).where(es.c.event_id.in_(event_ids))):
        secs[r.event_id].append(r.sector)
    evid: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute(select(evd.c.event_id, evd.c.text).where(evd.c.event_id.in_(event_ids))
                          .order_by(evd.c.event_id, evd.c.position)):
        evid[r.event_id].append(r.text)
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
        q = q.where(a.c.id.in_(text("SELECT rowid FROM articles_fts WHERE articles_fts "
                                    "MATCH :fts").bindparams(fts=match)))
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

