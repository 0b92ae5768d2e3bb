"""Ingest: article records into the store, one transaction per article.

Why one transaction per article: a killed ingest (kill -9, power cut of the process)
leaves every article it committed complete and no article half-stored, and running the
same command again skips what is there (same normalised body hash) and stores the rest.

What happens to one article:

1. its body (or, for a record without body, the record itself) is hashed after Unicode
   NFC and whitespace folding; a hash already stored means "unchanged", nothing added;
2. an article already stored under the same URL is an older version: it is deleted
   (its events leave their stories, emptied stories go) and the new one stored;
3. entities are merged across articles by ``id`` (KB id or ``name:<slug>``), with every
   alias seen (language and script) and every title;
4. each event becomes an ``EventMention`` (``pactwatch.store.stories``) and is compared
   with the events of a few candidate articles fetched by index (an event of its type
   naming one of its specific entities, published within the report window);
   ``stories.place_article`` links it to the mentions that report its happening, and it
   joins their story or starts one.  The decision depends only on the two articles of
   each pair, so any ingest order gives the same stories; when an article links two
   stories they are merged (``story_merges`` keeps the old id); nothing else moves.

Inputs are what ``pactwatch extract`` reads; JSON/JSONL lines that are already article
records (``"schema": "article/1"``) are stored as they are, without re-extraction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gzip
import hashlib
import json
import os
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import regex
from sqlalchemy import Connection, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect
from sqlalchemy.exc import DBAPIError, IntegrityError

from pactwatch.kb.fold import fold
from pactwatch.longtext import DEFAULT_MAX_CHARS, limit_chars
from pactwatch.read import gzip_damage, inner_kind, open_input, read_file, sniff
from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    STDIN_NAME,
    Document,
    ReadError,
    crash_reason,
    guarded,
    member,
)
from pactwatch.read.jsonl import (
    ARTICLE_SCHEMA,
    JSONTooDeep,
    describe_json_error,
    loads,
    record_to_document,
)

from . import schema as s
from .dates import date_range, shift_day

if TYPE_CHECKING:
    import numpy as np

    from . import Store

MAX_CANDIDATE_ARTICLES = 200  # articles whose mentions a new article is compared with


# ----------------------------------------------------------------------------------
# Names and ids, and the story decision (``pactwatch.store.stories``)
# ----------------------------------------------------------------------------------

def slug(name: str) -> str:
    """The ``name:<slug>`` form the linker gives names the KB lacks (``link.slug``)."""
    return regex.sub(r"[^\p{L}\p{N}]+", "-", fold(name)).strip("-")


def source_of(url: str | None) -> str | None:
    """The outlet of an article: the URL's host without ``www.``."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def name_index(article: dict) -> dict[str, str]:
    """Entity names (as written, and folded) to ids, to resolve event participants."""
    out: dict[str, str] = {}
    for e in article.get("entities") or []:
        name, eid = e.get("name"), e.get("id")
        if isinstance(name, str) and name:
            eid = eid if isinstance(eid, str) and eid else f"name:{slug(name)}"
            out.setdefault(name, eid)
            out.setdefault(fold(name), eid)
    return out


def entity_id_for(name: str, index: dict[str, str]) -> str:
    return index.get(name) or index.get(fold(name)) or f"name:{slug(name)}"


from .stories import (  # noqa: E402 - after the helpers the module re-exports
    MAX_REPORT_GAP,
    PLAN_DAYS,
    TRIP_DAYS,
    EventMention,
    default_embedder,
    mention_from_record,
    place_article,
    trip_links,
    weight,
)


def mention_to_json(m: Any) -> str:
    """A mention as JSON (sets and tuples as lists), to rebuild ``StoryView`` members."""
    d = {}
    for f in dataclasses.fields(m):
        v = getattr(m, f.name)
        if isinstance(v, frozenset | set):
            v = sorted(v)
        elif isinstance(v, tuple):
            v = list(v)
        d[f.name] = v
    return json.dumps(d, ensure_ascii=False, sort_keys=True)


@functools.lru_cache(maxsize=1)
def _mention_fields() -> tuple[tuple[str, str], ...]:
    return tuple((f.name, str(f.type)) for f in dataclasses.fields(EventMention))


@functools.lru_cache(maxsize=200_000)
def mention_from_json(raw: str) -> Any:
    """The ``EventMention`` a stored JSON stands for (cached: candidate stories are read
    again and again while their articles keep coming)."""
    d = json.loads(raw)
    kwargs: dict[str, Any] = {}
    for name, kind in _mention_fields():
        v = d.get(name)
        if v is not None and "frozenset" in kind:
            v = frozenset(v)
        elif isinstance(v, list) and "tuple" in kind:
            v = tuple(v)
        kwargs[name] = v
    return EventMention(**kwargs)


# ----------------------------------------------------------------------------------
# Records: validation and the values the tables need
# ----------------------------------------------------------------------------------

class RecordError(ValueError):
    """A record that cannot be stored; the message says which field is wrong."""


# date_range and shift_day live in store/dates.py (query and stories read them too);
# they are imported above and stay importable from here.


def normalised_hash(body: str) -> str:
    """sha256 of the body after NFC and whitespace folding: the same text re-scraped
    with other line breaks or a trailing newline is the same article."""
    norm = " ".join(unicodedata.normalize("NFC", body).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def record_hash(rec: dict) -> str:
    """For a record without body: the hash of its content (what was extracted)."""
    keep = {k: rec.get(k) for k in ("doc", "lang", "published", "title", "url", "dateline",
                                    "entities", "events", "figures")}
    raw = json.dumps(keep, ensure_ascii=False, sort_keys=True)
    return "r" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[1:]


def script_of(text: str) -> str:
    """The main script of a name (Latin, Devanagari, Katakana, Han, ...): aliases are
    grouped by it so "Toyota", "टोयोटा" and "トヨタ" show as three writings."""
    seen: Counter[str] = Counter()
    for ch in text:
        if unicodedata.category(ch).startswith("L"):
            try:
                word = unicodedata.name(ch).split()[0]
            except ValueError:
                continue
            seen["Han" if word == "CJK" else word.title()] += 1
    return seen.most_common(1)[0][0] if seen else "Common"


def _opt_str(v: Any, what: str) -> str | None:
    if v is None:
        return None
    if not isinstance(v, str):
        raise RecordError(f"{what} is {type(v).__name__}, not text")
    return v.strip() or None


def _int_or_none(v: Any, what: str) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int | float) or (
            isinstance(v, float) and not v.is_integer()):
        raise RecordError(f"{what} is {v!r}, not a whole number")
    return int(v)


def _spans(v: Any, what: str) -> list[dict]:
    if v is None:
        return []
    if not isinstance(v, list):
        raise RecordError(f"{what} is {type(v).__name__}, not a list")
    out = []
    for i, sp in enumerate(v, 1):
        if not isinstance(sp, dict) or not isinstance(sp.get("text"), str):
            raise RecordError(f"{what} item {i} has no 'text'")
        start, end = sp.get("start", 0), sp.get("end", 0)
        if isinstance(start, bool) or not isinstance(start, int) or \
                isinstance(end, bool) or not isinstance(end, int):
            raise RecordError(f"{what} item {i} has offsets that are not whole numbers")
        out.append({"start": start, "end": end, "text": sp["text"]})
    return out


def validate_record(rec: Any) -> dict:
    """A clean copy of an article record, or ``RecordError`` naming the bad field.

    Checks what the tables rely on (types of every stored field), not what extraction
    could have found; unknown extra fields are kept in the stored record.
    """
    if not isinstance(rec, dict):
        raise RecordError(f"is {type(rec).__name__}, not an article record")
    out = dict(rec)
    doc = rec.get("doc")
    if not isinstance(doc, str | int) or isinstance(doc, bool) or not str(doc).strip():
        raise RecordError("has no 'doc' (the article's name or id)")
    out["doc"] = str(doc).strip()
    lang = rec.get("lang")
    out["lang"] = lang.strip() if isinstance(lang, str) and lang.strip() else "und"
    published = _opt_str(rec.get("published"), "'published'")
    if published and date_range(published) is None:
        raise RecordError(f"'published' is {published!r}, not an ISO date")
    out["published"] = published
    out["title"] = _opt_str(rec.get("title"), "'title'")
    out["url"] = _opt_str(rec.get("url"), "'url'")
    dl = rec.get("dateline")
    if dl is not None and not isinstance(dl, dict):
        raise RecordError("'dateline' is not an object")
    ents = rec.get("entities") or []
    if not isinstance(ents, list):
        raise RecordError("'entities' is not a list")
    clean_ents = []
    for i, e in enumerate(ents, 1):
        if not isinstance(e, dict) or not isinstance(e.get("name"), str) or not e["name"].strip():
            raise RecordError(f"entity {i} has no 'name'")
        ce = dict(e)
        ce["name"] = e["name"].strip()
        eid = e.get("id")
        ce["id"] = eid.strip() if isinstance(eid, str) and eid.strip() else \
            f"name:{slug(ce['name'])}"
        for key in ("type", "kind", "country"):
            ce[key] = _opt_str(e.get(key), f"entity {i} '{key}'")
        titles = e.get("titles") or []
        if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
            raise RecordError(f"entity {i} 'titles' is not a list of text")
        ce["titles"] = [t.strip() for t in titles if t.strip()]
        ce["mentions"] = _spans(e.get("mentions"), f"entity {i} 'mentions'")
        clean_ents.append(ce)
    out["entities"] = clean_ents
    evs = rec.get("events") or []
    if not isinstance(evs, list):
        raise RecordError("'events' is not a list")
    clean_evs = []
    for i, ev in enumerate(evs, 1):
        what = f"event {i}"
        if not isinstance(ev, dict):
            raise RecordError(f"{what} is not an object")
        ce = dict(ev)
        if not isinstance(ev.get("type"), str) or not ev["type"].strip():
            raise RecordError(f"{what} has no 'type'")
        ce["type"] = ev["type"].strip()
        parts = ev.get("participants") or []
        if not isinstance(parts, list) or not all(isinstance(p, str) for p in parts):
            raise RecordError(f"{what} 'participants' is not a list of names")
        ce["participants"] = [p.strip() for p in parts if p.strip()]
        ce["place"] = _opt_str(ev.get("place"), f"{what} 'place'")
        date = _opt_str(ev.get("date"), f"{what} 'date'")
        if date and date_range(date) is None:
            raise RecordError(f"{what} 'date' is {date!r}, not an ISO date")
        ce["date"] = date
        ce["status"] = _opt_str(ev.get("status"), f"{what} 'status'") or "announced"
        sectors = ev.get("sectors") or []
        if not isinstance(sectors, list) or not all(isinstance(x, str) for x in sectors):
            raise RecordError(f"{what} 'sectors' is not a list of names")
        ce["sectors"] = sorted({x.strip() for x in sectors if x.strip()})
        amount = ev.get("amount")
        if amount is not None:
            if not isinstance(amount, dict) or isinstance(amount.get("value"), bool) or \
                    not isinstance(amount.get("value"), int | float) or \
                    not isinstance(amount.get("currency"), str):
                raise RecordError(f"{what} 'amount' is not {{value, currency}}")
        ce["jobs"] = _int_or_none(ev.get("jobs"), f"{what} 'jobs'")
        ce["count"] = _int_or_none(ev.get("count"), f"{what} 'count'")
        ce["evidence"] = _spans(ev.get("evidence"), f"{what} 'evidence'")
        clean_evs.append(ce)
    out["events"] = clean_evs
    out["relevant"] = bool(clean_evs)
    out.setdefault("schema", ARTICLE_SCHEMA)
    return out


# ----------------------------------------------------------------------------------
# Inputs: documents to extract, records to store as they are, errors to report
# ----------------------------------------------------------------------------------

@dataclass(slots=True)
class RecordInput:
    """An article record read from JSON: stored without re-extraction."""

    record: dict
    item: str


Input = RecordInput | Document | ReadError


def is_record(value: Any) -> bool:
    """An ``article/1`` record: stored as it is (and validated), never re-extracted."""
    return isinstance(value, dict) and value.get("schema") == ARTICLE_SCHEMA


def _from_json_value(value: Any, *, default_doc: str, item: str) -> Input:
    if is_record(value):
        return RecordInput(value, item)
    return record_to_document(value, default_doc=default_doc, source=item)


def _json_lines(data: Iterable[bytes], name: str, source: str, max_bytes: int
                ) -> Iterator[Input]:
    seen = False
    for lineno, raw in enumerate(data, 1):
        item = member(source, f"line {lineno}")
        if len(raw) > max_bytes:
            seen = True
            yield ReadError(item, "line is longer than the size limit; use --max-bytes")
            continue
        if lineno == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        if not raw.strip():
            continue
        seen = True
        try:
            value = loads(raw.decode("utf-8"))
            res = _from_json_value(value, default_doc=f"{name}#{lineno}", item=item)
        except UnicodeDecodeError:
            yield ReadError(item, "is not UTF-8 text")
            continue
        except json.JSONDecodeError as e:
            yield ReadError(item, describe_json_error(e, whole_file=False))
            continue
        except JSONTooDeep as e:
            yield ReadError(item, str(e))
            continue
        except Exception as e:  # the reader's error boundary: one line, never past it
            yield ReadError(item, crash_reason(e))
            continue
        yield res
    if not seen:
        yield ReadError(source, "has no JSON records, only blank lines")


def _json_bytes(data: bytes, name: str, source: str, max_bytes: int) -> Iterator[Input]:
    try:
        value = loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, JSONTooDeep):  # then line by line
        yield from _json_lines(data.splitlines(keepends=True), name, source, max_bytes)
        return
    if isinstance(value, list):
        if not value:
            yield ReadError(source, "is an empty JSON list, with no articles")
        for i, v in enumerate(value, 1):
            yield _from_json_value(v, default_doc=f"{name}#{i}", item=member(source, f"item {i}"))
        return
    yield _from_json_value(value, default_doc=name, item=source)


def _json_file(path: str, max_bytes: int) -> Iterator[Input]:
    name = os.path.basename(path).removesuffix(".gz")
    try:
        if name.lower().endswith(".json"):
            with open_input(path) as fh:  # plain or gzip-compressed
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield ReadError(path, "file is larger than the size limit; use --max-bytes")
                return
            if not data.strip():
                yield ReadError(path, "file is empty")
                return
            yield from _json_bytes(data, name, path, max_bytes)
        else:
            with open_input(path) as fh:
                yield from _json_lines(fh, name, path, max_bytes)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield ReadError(path, gzip_damage(e, lines=not name.lower().endswith(".json")))
    except OSError as e:
        yield ReadError(path, f"file cannot be read: {e.strerror or e}")


def read_inputs(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Input]:
    """Like ``read.read_paths``, but JSON article records come out as ``RecordInput``."""
    from pactwatch.read import _expand  # the CLI's path rules: folders, globs, "-"

    for arg in paths:
        for target in _expand(arg):
            # each file behind its error boundary: what a reader raises is that
            # file's one error line, and the next file is read
            if isinstance(target, ReadError):
                yield target
            elif target == "-":
                yield from guarded(_stdin(max_bytes), STDIN_NAME)  # type: ignore[arg-type]
            elif inner_kind(target) == "json" and os.path.isfile(target):
                yield from guarded(_json_file(target, max_bytes), target)  # type: ignore[arg-type]
            else:
                yield from guarded(read_file(target, max_bytes=max_bytes), target)


def _stdin(max_bytes: int) -> Iterator[Input]:
    from pactwatch.read import _parse_bytes

    buf = getattr(sys.stdin, "buffer", None)
    data = buf.read(max_bytes + 1) if buf is not None else sys.stdin.read().encode("utf-8")
    if not data:
        yield ReadError(STDIN_NAME, "file is empty (nothing came on standard input)")
        return
    kind = sniff(data[:8192])
    if kind == "json":
        yield from _json_bytes(data, STDIN_NAME, STDIN_NAME, max_bytes)
    else:
        yield from _parse_bytes(kind, data, name=STDIN_NAME, source=STDIN_NAME,
                                max_bytes=max_bytes)


# ----------------------------------------------------------------------------------
# Writing
# ----------------------------------------------------------------------------------

@dataclass
class IngestReport:
    """What one ingest did; ``failed`` lists one line per bad item."""

    stored: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    stories_new: int = 0
    stories_joined: int = 0
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.stored} stored ({self.replaced} replacing an older version), "
                f"{self.unchanged} unchanged, {len(self.failed)} failed; {self.events} "
                f"events: {self.stories_new} new stories, {self.stories_joined} joined")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _vec_bytes(vec: Any) -> bytes | None:
    if vec is None:
        return None
    import numpy as np

    return np.asarray(vec, dtype=np.float32).tobytes()


def centroid(blobs: Iterable[bytes | None]) -> np.ndarray | None:
    """Mean of the member vectors, L2-normalised; None when no member has one."""
    import numpy as np

    vecs = [np.frombuffer(b, dtype=np.float32) for b in blobs if b]
    if not vecs:
        return None
    mean = np.mean(np.stack(vecs), axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm).astype(np.float32) if norm > 0 else mean.astype(np.float32)


class _Statements:
    """Every statement the ingest runs, built once per store.

    Building SQLAlchemy constructs per row costs more than running them; a statement
    object built once is compiled once and its cache key memoised, which makes ingest
    several times faster.
    """

    def __init__(self, dialect: str) -> None:
        a, ev, st = s.articles, s.events, s.stories
        mod = pg_dialect if dialect == "postgresql" else sqlite_dialect
        self.by_hash = select(a.c.id).where(a.c.content_hash == bindparam("h"))
        self.by_url = select(a.c.id).where(a.c.url == bindparam("u"))
        self.article = insert(a).returning(a.c.id)
        self.delete_article = delete(a).where(a.c.id == bindparam("aid"))
        ent = mod.insert(s.entities)
        self.entities = ent.on_conflict_do_update(
            index_elements=["id"],
            set_={c: func.coalesce(s.entities.c[c], ent.excluded[c])
                  for c in ("type", "kind", "country")})
        self.aliases = mod.insert(s.entity_aliases).on_conflict_do_nothing(
            index_elements=["entity_id", "alias", "lang"])
        self.titles = mod.insert(s.entity_titles).on_conflict_do_nothing(
            index_elements=["entity_id", "title"])
        self.story_entities = mod.insert(s.story_entities).on_conflict_do_nothing(
            index_elements=["entity_id", "story_id"])
        self.mentions = insert(s.mentions)
        self.event = insert(ev).returning(ev.c.id)
        self.event_entities = insert(s.event_entities)
        self.event_sectors = insert(s.event_sectors)
        self.evidence = insert(s.evidence)
        self.story = insert(st).returning(st.c.id)
        self.member = insert(s.story_members)
        se, sm, ee = s.story_entities, s.story_members, s.event_entities
        # candidate articles: an event of one of the types naming one of the entities
        cand = (select(ev.c.article_id).distinct()
                .join(ee, ee.c.event_id == ev.c.id).join(a, a.c.id == ev.c.article_id)
                .where(ee.c.entity_id.in_(bindparam("ids", expanding=True)),
                       ev.c.type.in_(bindparam("types", expanding=True)),
                       ev.c.article_id != bindparam("aid")))
        self.cand_articles = cand.order_by(ev.c.article_id.desc()).limit(bindparam("k"))
        self.cand_articles_dated = cand.where(
            a.c.published.is_(None) | ((a.c.published >= bindparam("lo"))
                                       & (a.c.published <= bindparam("hi")))
        ).order_by(ev.c.article_id.desc()).limit(bindparam("k"))
        self.cand_mentions = (select(ev.c.mention, ev.c.vector, sm.c.story_id)
                              .join(sm, sm.c.event_id == ev.c.id)
                              .where(ev.c.article_id.in_(bindparam("aids", expanding=True)))
                              .order_by(ev.c.id))
        sme, stt = s.story_merges, s.story_trips
        self.next_story_id = select(func.max(func.coalesce(
            select(func.max(st.c.id)).scalar_subquery(), 0), func.coalesce(
            select(func.max(sme.c.story_id)).scalar_subquery(), 0)) + 1)
        self.next_story_id_pg = select(func.nextval(func.pg_get_serial_sequence(
            "stories", "id")))
        self.move_members = update(sm).where(sm.c.story_id == bindparam("young")).values(
            story_id=bindparam("old"))
        self.trips_of = select(stt.c.story_id, stt.c.trip_id).where(
            (stt.c.story_id == bindparam("sid")) | (stt.c.trip_id == bindparam("sid")))
        self.story_trips = mod.insert(stt).on_conflict_do_nothing(
            index_elements=["story_id", "trip_id"])
        self.merge_record = insert(sme)
        self.repoint_merges = update(sme).where(sme.c.into_id == bindparam("young")).values(
            into_id=bindparam("old"))
        self.story_rows = select(st.c.id, st.c.type, st.c.centroid, st.c.date_lo,
                                 st.c.date_hi, st.c.n_members).where(
            st.c.id.in_(bindparam("sids", expanding=True)))
        self.story_type = select(st.c.type).where(st.c.id == bindparam("sid"))
        self.story_entity_dates = update(se).where(se.c.story_id == bindparam("sid")).values(
            date_lo=bindparam("dlo"), date_hi=bindparam("dhi"))
        self.members = (select(sm.c.story_id, ev.c.mention).join(ev, ev.c.id == sm.c.event_id)
                        .where(sm.c.story_id.in_(bindparam("sids", expanding=True)))
                        .order_by(ev.c.id))
        self.member_rows = (select(ev.c.id, ev.c.date_lo, ev.c.date_hi, ev.c.vector)
                            .join(sm, sm.c.event_id == ev.c.id)
                            .where(sm.c.story_id == bindparam("sid")))
        self.member_vectors = (select(ev.c.vector).join(sm, sm.c.event_id == ev.c.id)
                               .where(sm.c.story_id == bindparam("sid")))
        self.update_story = update(st).where(st.c.id == bindparam("sid")).values(
            n_members=bindparam("n"), date_lo=bindparam("dlo"), date_hi=bindparam("dhi"),
            centroid=bindparam("cen"), updated_at=bindparam("now"))
        self.delete_story = delete(st).where(st.c.id == bindparam("sid"))
        self.stories_of_article = (select(sm.c.story_id).distinct()
                                   .join(ev, ev.c.id == sm.c.event_id)
                                   .where(ev.c.article_id == bindparam("aid")))
        self.clear_story_entities = delete(se).where(se.c.story_id == bindparam("sid"))
        self.story_entity_ids = (select(s.event_entities.c.entity_id).distinct()
                                 .join(sm, sm.c.event_id == s.event_entities.c.event_id)
                                 .where(sm.c.story_id == bindparam("sid")))


class Ingestor:
    """Stores articles into one store; models (extractor, embedder) load on first need."""

    def __init__(self, store: Store, *, kb_files: Sequence[str] = (),
                 report: Callable[[str], None] | None = None,
                 embedder: Any = "default") -> None:
        self.store = store
        self.kb_files = list(kb_files)
        self.report = IngestReport()
        self._say = report or (lambda line: print(f"pactwatch: {line}", file=sys.stderr))
        self._embedder = embedder
        self.sql = _Statements(store.dialect)
        # entity and alias rows this ingest has committed: not sent again (added only
        # after a commit, so a rolled-back article never hides a missing row)
        self._known: set[tuple] = set()
        self._pending: set[tuple] = set()
        self.prefilter = False  # the relevance cascade before extraction (scale/prefilter.py)

    # -- inputs ---------------------------------------------------------------------

    def fail(self, item: str, reason: str) -> None:
        line = f"{item}: {reason}"
        self.report.failed.append(line)
        self._say(line)

    def ingest_paths(self, paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                     max_chars: int | None = DEFAULT_MAX_CHARS) -> None:
        """Read, extract what needs extracting, store; bad items are reported, skipped.
        A text over ``max_chars`` is cut there, with a warning line (see longtext.py)."""
        from itertools import chain

        def documents() -> Iterator[Document]:
            for item in read_inputs(paths, max_bytes=max_bytes):
                if isinstance(item, ReadError):
                    self.fail(item.item, item.reason)
                elif isinstance(item, RecordInput):
                    self.ingest_record(item.record, item=item.item)
                else:
                    item = limit_chars(item, max_chars)
                    if item.warning:
                        self._say(f"{item.source or item.doc}: warning: {item.warning}")
                    yield item

        docs = documents()
        first = next(docs, None)
        if first is None:
            return
        from pactwatch.pipeline import ExtractError, Extractor

        extractor = Extractor(kb_files=self.kb_files, prefilter=self.prefilter)
        for res in extractor.extract_documents(chain([first], docs)):
            if isinstance(res, ExtractError):
                self.fail(res.item, res.reason)
                continue
            self.ingest_record(res.to_dict(), body=res.body, item=res.doc)

    # -- one article ----------------------------------------------------------------

    def embedder(self) -> Any:
        if self._embedder == "default":
            self._embedder = default_embedder()
        return self._embedder

    def ingest_record(self, record: Any, *, body: str | None = None, item: str = "record"
                      ) -> str | None:
        """Store one record; returns 'stored', 'replaced', 'unchanged' or None (failed)."""
        try:
            rec = validate_record(record)
        except RecordError as e:
            self.fail(item, str(e))
            return None
        raw = rec.pop("body", None)
        if body is None:
            body = raw if isinstance(raw, str) else ""
        digest = normalised_hash(body) if body.strip() else record_hash(rec)
        if rec["events"] and self.embedder() is not None:
            with self.store.read() as conn:  # no embedding for what is already stored
                if conn.execute(self.sql.by_hash, {"h": digest}).first():
                    self.report.unchanged += 1
                    return "unchanged"
        self._pending = set()
        try:
            vectors = self._vectors(rec)
            # many writers on PostgreSQL: advisory locks on the article's story keys,
            # retried after a deadlock (scale/pglock.py); SQLite's writers queue anyway
            from pactwatch.scale.pglock import article_keys, write_locked

            counts = (self.report.stories_new, self.report.stories_joined)

            def attempt(conn: Connection) -> str:
                self.report.stories_new, self.report.stories_joined = counts
                return self._store(conn, rec, body, digest, vectors)

            keys: list[int] = []
            if self.store.dialect == "postgresql":
                names = name_index(rec)
                keys = article_keys(rec, digest, lambda n: entity_id_for(n, names))
            outcome = write_locked(self.store, keys, attempt)
            self._known |= self._pending
        except IntegrityError as e:  # a concurrent writer stored it between our checks
            self.fail(item, f"could not be stored: conflicting row ({_first_line(e)})")
            return None
        except DBAPIError as e:
            self.fail(item, f"could not be stored: database error ({_first_line(e)})")
            return None
        except Exception as e:  # a bad article must never sink the batch
            self.fail(item, f"could not be stored ({type(e).__name__}: {e})")
            return None
        if outcome == "unchanged":
            self.report.unchanged += 1
        else:
            self.report.stored += 1
            self.report.replaced += outcome == "replaced"
            self.report.events += len(rec["events"])
        return outcome

    def _vectors(self, rec: dict) -> list[Any]:
        """Embeddings of each event's evidence, one batch per article, before the write
        transaction so the database lock is not held while the model runs."""
        if not rec["events"]:
            return []
        emb = self.embedder()
        if emb is None:
            return [None] * len(rec["events"])
        texts = [mention_from_record(rec, i, "0").text for i in range(len(rec["events"]))]
        return list(emb.embed(texts))

    def _store(self, conn: Connection, rec: dict, body: str, digest: str,
               vectors: list[Any]) -> str:
        if conn.execute(self.sql.by_hash, {"h": digest}).first():
            return "unchanged"
        outcome = "stored"
        if rec["url"]:
            old = conn.execute(self.sql.by_url, {"u": rec["url"]}).scalar()
            if old is not None:
                self._delete_article(conn, old)
                outcome = "replaced"
        dateline = rec.get("dateline")
        aid = conn.execute(self.sql.article, {
            "doc": rec["doc"], "url": rec["url"], "source": source_of(rec["url"]),
            "content_hash": digest, "lang": rec["lang"], "title": rec["title"],
            "published": rec["published"],
            "dateline_place": dateline.get("place") if isinstance(dateline, dict)
            and isinstance(dateline.get("place"), str) else None,
            "relevant": rec["relevant"], "body": body,
            "record": json.dumps(rec, ensure_ascii=False), "ingested_at": _now(),
        }).scalar_one()
        self._store_entities(conn, rec, aid)
        self._store_events(conn, rec, aid, vectors)
        return outcome

    def _store_entities(self, conn: Connection, rec: dict, aid: int) -> None:
        lang = rec["lang"]
        ents, aliases, titles, mentions = [], [], [], []
        seen_alias: set[tuple[str, str, str]] = set()
        known = {e["id"] for e in rec["entities"]}

        def alias(eid: str, text: str, lang_: str) -> None:
            text = " ".join(text.split())
            if not text or (eid, text, lang_) in seen_alias:
                return
            seen_alias.add((eid, text, lang_))
            aliases.append({"entity_id": eid, "alias": text, "lang": lang_,
                            "script": script_of(text), "key": fold(text)})

        for e in rec["entities"]:
            ents.append({"id": e["id"], "name": e["name"], "type": e["type"], "kind": e["kind"],
                         "country": e["country"]})
            alias(e["id"], e["name"], "en" if script_of(e["name"]) == "Latin" else lang)
            for m in e["mentions"]:
                alias(e["id"], m["text"], lang)
                mentions.append({"article_id": aid, "position": len(mentions),
                                 "entity_id": e["id"], "start_offset": m["start"],
                                 "end_offset": m["end"], "text": m["text"]})
            titles.extend({"entity_id": e["id"], "title": t} for t in e["titles"])
        names = name_index(rec)
        for ev in rec["events"]:  # names an event uses that no entity lists
            for n in [*ev["participants"], *([ev["place"]] if ev["place"] else [])]:
                eid = entity_id_for(n, names)
                if eid not in known:
                    known.add(eid)
                    ents.append({"id": eid, "name": n, "type": None, "kind": None,
                                 "country": None})
                    alias(eid, n, "en" if script_of(n) == "Latin" else lang)
        ents = self._new(ents, ("id", "name", "type", "kind", "country"))
        aliases = self._new(aliases, ("entity_id", "alias", "lang"))
        titles = self._new(titles, ("entity_id", "title"))
        for stmt, rows in ((self.sql.entities, ents), (self.sql.aliases, aliases),
                           (self.sql.titles, titles), (self.sql.mentions, mentions)):
            if rows:
                conn.execute(stmt, rows)

    def _new(self, rows: list[dict], key: tuple[str, ...]) -> list[dict]:
        """Rows this ingest has not yet committed (the same entity recurs constantly)."""
        out = []
        for r in rows:
            k = (key[0], *(r[c] for c in key))
            if k not in self._known:
                self._pending.add(k)
                out.append(r)
        return out

    def _store_events(self, conn: Connection, rec: dict, aid: int, vectors: list[Any]) -> None:
        """Events, their entities, sectors and evidence (one batch each per article),
        then each mention's story, in record order."""
        names = name_index(rec)
        published = rec["published"]
        ents: list[dict] = []
        sectors: list[dict] = []
        evidence: list[dict] = []
        placed: list[tuple[int, Any, Any, tuple[str, str] | None, set[str]]] = []
        for i, ev in enumerate(rec["events"]):
            m = mention_from_record(rec, i, str(aid))
            rng = date_range(ev["date"]) or date_range(published)
            amount = ev.get("amount")
            vec = vectors[i] if i < len(vectors) else None
            place_id = entity_id_for(ev["place"], names) if ev["place"] else None
            eid = conn.execute(self.sql.event, {
                "article_id": aid, "idx": i, "key": m.key, "type": ev["type"],
                "status": ev["status"], "place_id": place_id, "place": ev["place"],
                "date": ev["date"], "date_lo": rng[0] if rng else None,
                "date_hi": rng[1] if rng else None,
                "amount_value": float(amount["value"]) if amount else None,
                "amount_currency": amount["currency"] if amount else None,
                "jobs": ev["jobs"], "count": ev["count"], "sectors": json.dumps(ev["sectors"]),
                "mention": mention_to_json(m), "vector": _vec_bytes(vec),
            }).scalar_one()
            mine = [{"event_id": eid, "role": "participant", "position": j,
                     "entity_id": entity_id_for(p, names), "name": p}
                    for j, p in enumerate(ev["participants"])]
            if ev["place"]:
                mine.append({"event_id": eid, "role": "place", "position": 0,
                             "entity_id": place_id, "name": ev["place"]})
            ents.extend(mine)
            sectors.extend({"event_id": eid, "sector": x} for x in ev["sectors"])
            evidence.extend({"event_id": eid, "position": j, "start_offset": sp["start"],
                             "end_offset": sp["end"], "text": sp["text"]}
                            for j, sp in enumerate(ev["evidence"]))
            placed.append((eid, m, vec, rng, {e["entity_id"] for e in mine}))
        for stmt, rows in ((self.sql.event_entities, ents), (self.sql.event_sectors, sectors),
                           (self.sql.evidence, evidence)):
            if rows:
                conn.execute(stmt, rows)
        self._settle_stories(conn, rec, aid, placed)

    # -- stories ----------------------------------------------------------------------

    def _settle_stories(self, conn: Connection, rec: dict, aid: int,
                        placed: list[tuple[int, Any, Any, Any, set[str]]]) -> None:
        """Put the article's mentions in stories (``stories.place_article``): each links
        to mentions of candidate articles, joins their story or starts one; stories its
        links prove to be one are merged (recorded in ``story_merges``); the article's
        meetings and signings link to its trip's visit story (``story_trips``)."""
        if not placed:
            return
        cands = self._candidates(conn, rec, aid, placed)
        pl = place_article([p[1] for p in placed], [p[2] for p in placed], cands)
        now = _now()
        touched: set[int] = set()
        for young, old in pl.merges:
            self._merge(conn, young, old, aid, now)
            touched.add(old)
        sids: list[int] = []
        for (eid, m, _vec, rng, _ids), sid in zip(placed, pl.stories, strict=True):
            if sid is None:
                lo, hi = (rng[0], rng[1]) if rng else (None, None)
                sid = self._new_story_id(conn)
                conn.execute(self.sql.story, {
                    "id": sid, "type": m.type, "date_lo": lo, "date_hi": hi, "n_members": 0,
                    "centroid": None, "created_at": now, "updated_at": now})
                self.report.stories_new += 1
            else:
                self.report.stories_joined += 1
            conn.execute(self.sql.member, {"event_id": eid, "story_id": sid})
            touched.add(sid)
            sids.append(sid)
        for sid in sorted(touched):
            self._refresh_story(conn, sid, now)
        trips = trip_links([p[1] for p in placed], sids)
        if trips:
            conn.execute(self.sql.story_trips, [{"story_id": x, "trip_id": t} for x, t in trips])

    def _new_story_id(self, conn: Connection) -> int:
        """The next story id.  SQLite would hand out again the id of the newest story
        once a merge deleted it, and the merge history must keep meaning one story, so
        ids continue after every id ever used (writers are serialised on SQLite)."""
        if self.store.dialect == "postgresql":
            return int(conn.execute(self.sql.next_story_id_pg).scalar_one())
        return int(conn.execute(self.sql.next_story_id).scalar_one())

    def _merge(self, conn: Connection, young: int, old: int, aid: int, now: str) -> None:
        """Move story ``young``'s members, entities and trip links into ``old``."""
        conn.execute(self.sql.move_members, {"young": young, "old": old})
        trips = conn.execute(self.sql.trips_of, {"sid": young}).all()
        conn.execute(self.sql.merge_record, {"story_id": young, "into_id": old,
                                             "article_id": aid, "merged_at": now})
        conn.execute(self.sql.repoint_merges, {"young": young, "old": old})
        conn.execute(self.sql.delete_story, {"sid": young})
        moved = {(old if x == young else x, old if t == young else t) for x, t in trips}
        moved = {(x, t) for x, t in moved if x != t}
        if moved:
            conn.execute(self.sql.story_trips, [{"story_id": x, "trip_id": t}
                                                for x, t in sorted(moved)])

    def _candidates(self, conn: Connection, rec: dict, aid: int,
                    placed: list[tuple[int, Any, Any, Any, set[str]]]
                    ) -> list[tuple[Any, Any, int]]:
        """The mentions of other articles that could link to this one, with their
        stories: every event of the (at most :data:`MAX_CANDIDATE_ARTICLES`) articles
        that have an event of one of this article's types naming one of its specific
        entities (a country alone does not count), published within
        ``stories.MAX_REPORT_GAP`` days of it (or either undated); for a visit, within
        ``stories.PLAN_DAYS`` (a visit announced months ahead is one trip with the
        visit made).

        The condition is symmetric, so whichever of two articles comes second finds
        the first: the same pairs are compared in any ingest order.
        """
        ids = sorted({i for p in placed for i in p[4] if weight(i) >= 1.0})
        if not ids:
            return []
        types = sorted({p[1].type for p in placed})
        pub = rec["published"]
        rng = date_range(pub) if pub else None
        params: dict[str, Any] = {"ids": ids, "types": types, "aid": aid,
                                  "k": MAX_CANDIDATE_ARTICLES}
        if rng:
            stmt = self.sql.cand_articles_dated
            params.update(lo=shift_day(rng[0], -MAX_REPORT_GAP),
                          hi=shift_day(rng[1], MAX_REPORT_GAP), pub=rng[0])
        else:
            stmt = self.sql.cand_articles
        arts = [a for (a,) in conn.execute(stmt, params)]
        if rng and "visit" in types:
            wide = PLAN_DAYS + TRIP_DAYS
            seen = set(arts)
            arts += [a for (a,) in conn.execute(stmt, {
                **params, "types": ["visit"], "lo": shift_day(rng[0], -wide),
                "hi": shift_day(rng[1], wide)}) if a not in seen]
        if not arts:
            return []
        import numpy as np

        out = []
        for r in conn.execute(self.sql.cand_mentions, {"aids": arts}):
            vec = np.frombuffer(r.vector, dtype=np.float32) if r.vector else None
            out.append((mention_from_json(r.mention), vec, int(r.story_id)))
        return out

    def _refresh_story(self, conn: Connection, sid: int, now: str) -> None:
        """After a member left: recompute span, size, centroid and entity index from
        the remaining members; a story left with none is deleted."""
        rows = conn.execute(self.sql.member_rows, {"sid": sid}).all()
        if not rows:
            conn.execute(self.sql.delete_story, {"sid": sid})
            return
        los = [r.date_lo for r in rows if r.date_lo]
        his = [r.date_hi for r in rows if r.date_hi]
        dlo, dhi = (min(los) if los else None), (max(his) if his else None)
        conn.execute(self.sql.update_story, {
            "sid": sid, "n": len(rows), "dlo": dlo, "dhi": dhi,
            "cen": _vec_bytes(centroid(r.vector for r in rows)), "now": now})
        typ = conn.execute(self.sql.story_type, {"sid": sid}).scalar_one()
        conn.execute(self.sql.clear_story_entities, {"sid": sid})
        ids = sorted(x for (x,) in conn.execute(self.sql.story_entity_ids, {"sid": sid}))
        if ids:
            conn.execute(self.sql.story_entities, [
                {"entity_id": x, "story_id": sid, "type": typ, "date_lo": dlo, "date_hi": dhi}
                for x in ids])

    def _delete_article(self, conn: Connection, aid: int) -> None:
        """Remove an article (cascading to its rows); its stories are recomputed."""
        affected = sorted(x for (x,) in conn.execute(self.sql.stories_of_article,
                                                     {"aid": aid}))
        conn.execute(self.sql.delete_article, {"aid": aid})
        now = _now()
        for sid in affected:
            self._refresh_story(conn, sid, now)


def _first_line(e: DBAPIError) -> str:
    return str(e.orig or e).strip().splitlines()[0]
