"""Export: events (one row per story, with sources), entities, articles or event
mentions (one row per mention with its story) to a file.

CSV cells hold lists as JSON so that nothing is lost and a spreadsheet still opens the
file; JSON Lines and Parquet keep lists and nested figures as they are.  An articles
export in JSON Lines is a file of article records *with* their body: ``pactwatch ingest``
reads it back without re-extraction, which is how a store is moved or rebuilt.

Rows are written page by page so an export of a large store does not hold everything
in memory.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import distinct, func, select

from . import schema as s
from .query import EVENT_COLUMNS, story_ids, story_rows

if TYPE_CHECKING:
    from . import Store

FORMATS = ("csv", "jsonl", "parquet")
WHATS = ("events", "entities", "articles", "mentions")
PAGE = 2000
ARTICLE_COLUMNS = ("id", "doc", "url", "source", "lang", "title", "published", "relevant",
                   "n_events", "content_hash", "ingested_at", "body")
MENTION_COLUMNS = ("doc", "event", "story", "story_type", "type", "article", "lang", "source")
ENTITY_COLUMNS = ("id", "name", "type", "kind", "country", "aliases", "titles",
                  "n_articles", "n_stories")


def _event_pages(store: Store) -> Iterator[list[dict]]:
    offset = 0
    while True:
        with store.read() as conn:
            ids = story_ids(conn, limit=PAGE, offset=offset)
            if not ids:
                return
            yield story_rows(conn, ids)
        offset += len(ids)


def _entity_pages(store: Store) -> Iterator[list[dict]]:
    e, al, ti, me, se = (s.entities, s.entity_aliases, s.entity_titles, s.mentions,
                         s.story_entities)
    last = ""
    while True:
        with store.read() as conn:
            ents = [dict(r) for r in conn.execute(
                select(e).where(e.c.id > last).order_by(e.c.id).limit(PAGE)).mappings()]
            if not ents:
                return
            ids = [x["id"] for x in ents]
            aliases: dict[str, list] = {i: [] for i in ids}
            for r in conn.execute(select(al.c.entity_id, al.c.alias, al.c.lang, al.c.script)
                                  .where(al.c.entity_id.in_(ids))):
                aliases[r.entity_id].append({"alias": r.alias, "lang": r.lang,
                                             "script": r.script})
            titles: dict[str, list] = {i: [] for i in ids}
            for r in conn.execute(select(ti.c.entity_id, ti.c.title)
                                  .where(ti.c.entity_id.in_(ids))):
                titles[r.entity_id].append(r.title)
            for i in ids:  # sorted in Python: the same order whatever the collation
                aliases[i].sort(key=lambda x: (x["lang"], x["alias"]))
                titles[i].sort()
            n_art = dict(conn.execute(select(me.c.entity_id, func.count(distinct(me.c.article_id)))
                                      .where(me.c.entity_id.in_(ids))
                                      .group_by(me.c.entity_id)).all())
            n_story = dict(conn.execute(select(se.c.entity_id, func.count())
                                        .where(se.c.entity_id.in_(ids))
                                        .group_by(se.c.entity_id)).all())
        yield [{**x, "aliases": aliases[x["id"]], "titles": titles[x["id"]],
                "n_articles": int(n_art.get(x["id"], 0)),
                "n_stories": int(n_story.get(x["id"], 0))} for x in ents]
        last = ids[-1]


def _article_pages(store: Store, *, records: bool) -> Iterator[list[dict]]:
    a, ev = s.articles, s.events
    last = 0
    while True:
        with store.read() as conn:
            rows = [dict(r) for r in conn.execute(
                select(a).where(a.c.id > last).order_by(a.c.id).limit(PAGE)).mappings()]
            if not rows:
                return
            counts = dict(conn.execute(select(ev.c.article_id, func.count())
                                       .where(ev.c.article_id.in_([r["id"] for r in rows]))
                                       .group_by(ev.c.article_id)).all())
        if records:  # the article record, body included: ingest reads it back as is
            yield [{**json.loads(r["record"]), "body": r["body"]} for r in rows]
        else:
            yield [{**{k: r[k] for k in ARTICLE_COLUMNS if k in r},
                    "n_events": int(counts.get(r["id"], 0))} for r in rows]
        last = rows[-1]["id"]


def _mention_pages(store: Store) -> Iterator[list[dict]]:
    """One row per event mention: its article's ``doc``, its index in the article
    record's ``events``, the story it is in and that story's type.

    This is what ``shared/eval/score_stories.py ASSIGN.jsonl --records R.jsonl`` reads
    (with ``export --what articles --format jsonl`` as the records), so any store,
    SQLite or PostgreSQL, is scored without the scorer reading its tables.
    """
    a, ev, sm, st = s.articles, s.events, s.story_members, s.stories
    last = 0
    while True:
        with store.read() as conn:
            rows = conn.execute(
                select(ev.c.id, a.c.doc, ev.c.idx, sm.c.story_id, st.c.type.label("st"),
                       ev.c.type, ev.c.article_id, a.c.lang, a.c.source)
                .join(a, a.c.id == ev.c.article_id).join(sm, sm.c.event_id == ev.c.id)
                .join(st, st.c.id == sm.c.story_id)
                .where(ev.c.id > last).order_by(ev.c.id).limit(PAGE)).all()
        if not rows:
            return
        yield [{"doc": r.doc, "event": int(r.idx), "story": int(r.story_id),
                "story_type": r.st, "type": r.type, "article": int(r.article_id),
                "lang": r.lang, "source": r.source} for r in rows]
        last = rows[-1].id


def _columns(what: str) -> tuple[str, ...]:
    return {"events": EVENT_COLUMNS, "entities": ENTITY_COLUMNS,
            "articles": ARTICLE_COLUMNS, "mentions": MENTION_COLUMNS}[what]


def _cell(v: Any) -> Any:
    if isinstance(v, list | dict):
        return json.dumps(v, ensure_ascii=False)
    return v


def export(store: Store, path: str, *, fmt: str, what: str) -> int:
    """Write one table of the store to ``path``; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")
    if what not in WHATS:
        raise ValueError(f"unknown export {what!r} (use {', '.join(WHATS)})")
    if what == "events":
        pages = _event_pages(store)
    elif what == "entities":
        pages = _entity_pages(store)
    elif what == "mentions":
        pages = _mention_pages(store)
    else:
        pages = _article_pages(store, records=fmt == "jsonl")
    cols = list(_columns(what))
    n = 0
    if fmt == "jsonl":
        with open(path, "w", encoding="utf-8") as out:
            for page in pages:
                for row in page:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                    n += 1
        return n
    if fmt == "csv":
        with open(path, "w", encoding="utf-8", newline="") as out:
            w = csv.writer(out)
            w.writerow(cols)
            for page in pages:
                for row in page:
                    w.writerow([_cell(row.get(c)) for c in cols])
                    n += 1
        return n
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _arrow_schema(what)
    with pq.ParquetWriter(path, schema) as writer:
        for page in pages:
            writer.write_table(pa.Table.from_pylist(
                [{c: row.get(c) for c in cols} for row in page], schema=schema))
            n += len(page)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


def _arrow_schema(what: str) -> Any:
    """Fixed Parquet schemas: every page and every store gives the same column types."""
    import pyarrow as pa

    st = pa.string()
    src = [("source", st), ("article", pa.int64())]
    if what == "events":
        return pa.schema([
            ("story", pa.int64()), ("type", st), ("status", st), ("date", st),
            ("date_lo", st), ("date_hi", st), ("participants", pa.list_(st)),
            ("participant_ids", pa.list_(st)), ("place", st), ("place_id", st),
            ("sectors", pa.list_(st)),
            ("amounts", pa.list_(pa.struct([("value", pa.float64()), ("currency", st), *src]))),
            ("jobs", pa.list_(pa.struct([("value", pa.int64()), *src]))),
            ("counts", pa.list_(pa.struct([("value", pa.int64()), *src]))),
            ("disagree", pa.list_(st)), ("statuses", pa.list_(st)),
            ("sources", pa.list_(st)),
            ("articles", pa.list_(pa.struct([
                ("id", pa.int64()), ("doc", st), ("url", st), ("source", st), ("title", st),
                ("lang", st), ("published", st)]))),
            ("n_mentions", pa.int64()),
            ("evidence", pa.list_(pa.struct([("article", pa.int64()), ("source", st),
                                             ("text", st)]))),
        ])
    if what == "mentions":
        return pa.schema([("doc", st), ("event", pa.int64()), ("story", pa.int64()),
                          ("story_type", st), ("type", st), ("article", pa.int64()),
                          ("lang", st), ("source", st)])
    if what == "entities":
        return pa.schema([
            ("id", st), ("name", st), ("type", st), ("kind", st), ("country", st),
            ("aliases", pa.list_(pa.struct([("alias", st), ("lang", st), ("script", st)]))),
            ("titles", pa.list_(st)), ("n_articles", pa.int64()), ("n_stories", pa.int64()),
        ])
    return pa.schema([
        ("id", pa.int64()), ("doc", st), ("url", st), ("source", st), ("lang", st),
        ("title", st), ("published", st), ("relevant", pa.bool_()), ("n_events", pa.int64()),
        ("content_hash", st), ("ingested_at", st), ("body", st),
    ])


def pages(store: Store, what: str, *, records: bool = False) -> Iterator[list[dict]]:
    """The rows of an export, a page at a time, each page read in its own short
    transaction: what the HTTP API streams (``records``: articles as re-ingestable
    records with their body)."""
    if what not in WHATS:
        raise ValueError(f"unknown export {what!r} (use {', '.join(WHATS)})")
    if what == "events":
        return _event_pages(store)
    if what == "entities":
        return _entity_pages(store)
    return _article_pages(store, records=records)


def columns(what: str) -> tuple[str, ...]:
    """The columns of an export (CSV header, Parquet schema order)."""
    return _columns(what)


def arrow_schema(what: str) -> Any:
    """The fixed Parquet schema of an export."""
    return _arrow_schema(what)


def csv_cell(v: Any) -> Any:
    """A value as a CSV cell: lists and dicts as JSON."""
    return _cell(v)
