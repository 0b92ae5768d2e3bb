"""Polling: fetch the due sources, read their new items, extract, store, alert.

How one poll runs: a few fetch threads take one source each (the fetcher's per-host
gate keeps each host at one request at a time), fetch its listing conditionally, find
the items not yet done, and fetch and read those (full-content feed entries need no
fetch).  The documents go through a bounded queue to the main thread, which extracts
them in small batches, stores each article in its own transaction (the store's ingest:
an article with an already stored body is stored once, whatever its URL or GUID), marks
the item done, and checks watchlists.  So the network and the extractor overlap, and
only one thread ever writes articles.

What makes a restart safe (a killed ``watch`` loses nothing and doubles nothing):

* an item is marked done only after its article is committed; an item whose article
  is already stored under its URL (killed between the two commits) is marked done
  without being fetched again, and its alerts are re-checked (re-checking is a no-op
  when they were already sent);
* a listing's ETag / Last-Modified are saved only once every item it listed was done
  (or given up on): saving them first would let a 304 hide items a killed run never
  reached;
* an item that fails (timeout, 500, unreadable page) is retried on later polls, at
  most ``max_attempts`` times, and its error is kept in ``watch_items``.
"""

from __future__ import annotations

import datetime as dt
import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select, update

from pactwatch.read.base import Document, ReadError
from pactwatch.store import schema as s

from .fetch import Fetcher, FetchError
from .sources import (
    DEFAULT_INTERVAL,
    Item,
    ListingError,
    SourceSpec,
    guess_kind,
    parse_listing,
)

if TYPE_CHECKING:
    from pactwatch.store import Store

    from .alerts import Alerter

Extracted = tuple[dict, str] | str  # (record, body) or an error sentence
Extract = Callable[[list[Document]], list[Extracted]]
DONE = ("stored", "unchanged", "skipped")
FEED_ACCEPT = ("application/rss+xml, application/atom+xml, application/xml;q=0.9, "
               "text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _later(seconds: float) -> str:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)).strftime(
        "%Y-%m-%dT%H:%M:%S.%fZ")


def default_extract(kb_files: Sequence[str] = ()) -> Extract:
    """The project's extractor, loaded on the first batch (not when nothing is new)."""
    holder: list[Any] = []

    def run(docs: list[Document]) -> list[Extracted]:
        from pactwatch.pipeline import ExtractError, Extractor

        if not holder:
            holder.append(Extractor(kb_files=kb_files))
        out: list[Extracted] = []
        for res in holder[0].extract_documents(docs, batch=len(docs) or 1):
            if isinstance(res, ExtractError):
                out.append(res.reason)
            else:
                out.append((res.to_dict(), res.body))
        return out

    return run


@dataclass
class PollReport:
    """What one poll did (``watch`` prints its summary)."""

    sources: int = 0
    not_modified: int = 0
    failed_sources: int = 0
    items: int = 0  # new items taken this poll
    stored: int = 0
    unchanged: int = 0
    failed_items: int = 0
    alerts: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.sources} sources polled ({self.not_modified} not modified, "
                f"{self.failed_sources} failed); {self.items} new items: {self.stored} stored, "
                f"{self.unchanged} already stored, {self.failed_items} failed; "
                f"{self.alerts} alerts; {self.seconds:.1f} s")


@dataclass
class _Source:
    id: int
    spec: SourceSpec
    kind: str | None
    etag: str | None
    last_modified: str | None
    interval: int


class Watcher:
    """Keeps a store current from a list of sources."""

    def __init__(self, store: Store, fetcher: Fetcher, *, extract: Extract | None = None,
                 kb_files: Sequence[str] = (), no_embed: bool = False,
                 alerter: Alerter | None = None, interval: int = DEFAULT_INTERVAL,
                 workers: int = 4, batch: int = 16, max_attempts: int = 3,
                 say: Callable[[str], None] | None = None) -> None:
        from pactwatch.store.ingest import Ingestor

        self.store = store
        self.fetcher = fetcher
        self.extract = extract or default_extract(kb_files)
        self.say = say or (lambda line: print(f"pactwatch: {line}", file=sys.stderr))
        self.ingestor = Ingestor(store, kb_files=kb_files, report=self.say,
                                 **({"embedder": None} if no_embed else {}))
        self.alerter = alerter
        self.interval = interval
        self.workers = workers
        self.batch = batch
        self.max_attempts = max_attempts
        self.stop = threading.Event()
        self._claimed: set[str] = set()
        self._claim_lock = threading.Lock()

    # -- sources in the store ---------------------------------------------------------

    def sync(self, specs: Sequence[SourceSpec]) -> list[_Source]:
        """Make sure every source has its row; returns them with their saved state."""
        ws = s.watch_sources
        out = []
        with self.store.write() as conn:
            for spec in specs:
                row = conn.execute(select(ws).where(ws.c.url == spec.url)).mappings().first()
                values = {"lang": spec.lang, "outlet": spec.outlet, "interval_s": spec.interval}
                if spec.kind:
                    values["kind"] = spec.kind
                if row is None:
                    sid = conn.execute(insert(ws).values(
                        url=spec.url, failures=0, polls=0, created_at=_now(), **values
                    ).returning(ws.c.id)).scalar_one()
                    row = {"id": sid, "kind": spec.kind, "etag": None, "last_modified": None}
                else:
                    if spec.kind and row["kind"] and spec.kind != row["kind"]:
                        values.update(etag=None, last_modified=None)  # re-read it as the new kind
                    conn.execute(update(ws).where(ws.c.id == row["id"]).values(**values))
                    row = {**row, **values}
                out.append(_Source(id=row["id"], spec=spec, kind=spec.kind or row["kind"],
                                   etag=row["etag"], last_modified=row["last_modified"],
                                   interval=spec.interval or self.interval))
        return out

    def due(self, sources: Sequence[_Source]) -> list[_Source]:
        ws = s.watch_sources
        now = _now()
        with self.store.read() as conn:
            nxt = dict(conn.execute(select(ws.c.id, ws.c.next_poll_at).where(
                ws.c.id.in_([x.id for x in sources]))).all())
        return [x for x in sources if not nxt.get(x.id) or nxt[x.id] <= now]

    # -- one poll ---------------------------------------------------------------------

    def poll(self, specs: Sequence[SourceSpec], *, force: bool = True) -> PollReport:
        """Poll the sources (all of them when ``force``, else those due) once."""
        t0 = time.monotonic()
        report = PollReport()
        sources = self.sync(specs)
        if not force:
            sources = self.due(sources)
        if not sources:
            return report
        report.sources = len(sources)
        self._claimed.clear()  # in-flight keys of this poll only
        if self.alerter is not None:
            self.alerter.resume_once()
        q: queue.Queue[tuple] = queue.Queue(maxsize=4 * self.batch)
        remaining = len(sources)
        with ThreadPoolExecutor(max_workers=max(1, min(self.workers, len(sources))),
                                thread_name_prefix="pactwatch-fetch") as pool:
            for src in sources:
                pool.submit(self._source_thread, src, q)
            batch: list[tuple[_Source, Item, Document]] = []
            while remaining:
                try:
                    msg = q.get(timeout=0.5 if not batch else 0.0)
                except queue.Empty:
                    if batch:
                        self._flush(batch, report)
                        batch = []
                    continue
                if msg[0] == "doc":
                    batch.append(msg[1:])
                    if len(batch) >= self.batch:
                        self._flush(batch, report)
                        batch = []
                    continue
                if batch:  # keep the order: a source's items before its "done"
                    self._flush(batch, report)
                    batch = []
                if msg[0] == "item_error":
                    self._item_failed(msg[1], msg[2], msg[3], report, retryable=msg[4])
                elif msg[0] == "recovered":
                    self._recovered(msg[1], msg[2], msg[3], report)
                elif msg[0] == "done":
                    remaining -= 1
                    self._source_done(report, *msg[1:])
        report.seconds = time.monotonic() - t0
        return report

    def run(self, specs: Sequence[SourceSpec], *, once: bool = False) -> PollReport:
        """Poll until stopped (``stop.set()``, SIGTERM/SIGINT in the CLI); ``once``:
        poll every source one time and return."""
        report = self.poll(specs, force=True)
        self.say(report.summary())
        while not once and not self.stop.is_set():
            wait = self._seconds_to_next(specs)
            if self.stop.wait(min(max(wait, 1.0), 60.0)):
                break
            if wait <= 1.0:
                report = self.poll(specs, force=False)
                if report.sources:
                    self.say(report.summary())
        return report

    def _seconds_to_next(self, specs: Sequence[SourceSpec]) -> float:
        ws = s.watch_sources
        with self.store.read() as conn:
            nxt = conn.execute(select(func.min(ws.c.next_poll_at)).where(
                ws.c.url.in_([x.url for x in specs]))).scalar()
        if not nxt:
            return 0.0
        when = dt.datetime.strptime(nxt, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
        return (when - dt.datetime.now(dt.UTC)).total_seconds()

    # -- fetch threads ----------------------------------------------------------------

    def _source_thread(self, src: _Source, q: queue.Queue) -> None:
        """Everything one source needs from the network; results go to the queue, and
        the last message is always ("done", ...)."""
        outcome: dict[str, Any] = {"ok": False, "error": None, "retry_after": None,
                                   "not_modified": False, "complete": False}
        try:
            self._fetch_source(src, q, outcome)
        except Exception as e:  # noqa: BLE001 - one broken source never stops the others
            outcome["error"] = f"{src.spec.url}: unexpected {type(e).__name__}: {e}"
        finally:
            q.put(("done", src, outcome))

    def _fetch_source(self, src: _Source, q: queue.Queue, outcome: dict[str, Any]) -> None:
        url = src.spec.url
        try:
            resp = self.fetcher.get(url, etag=src.etag, last_modified=src.last_modified,
                                    accept=FEED_ACCEPT)
        except FetchError as e:
            outcome.update(error=str(e), retry_after=e.retry_after)
            return
        if resp.not_modified:
            outcome.update(ok=True, not_modified=True, complete=True,
                           etag=src.etag, last_modified=src.last_modified)
            return
        kind = src.kind or guess_kind(resp.body, resp.content_type, url)
        outcome["kind"] = kind
        try:
            listing = parse_listing(kind, resp.body, resp.url, src.spec)
            items = list(listing.items)
            for child in listing.children[:3]:  # a sitemap index: its newest sitemaps
                kid = self.fetcher.get(child, accept=FEED_ACCEPT)
                items += parse_listing("sitemap", kid.body, kid.url, src.spec).items
        except (ListingError, FetchError) as e:
            outcome["error"] = f"{url} {e}" if isinstance(e, ListingError) else str(e)
            return
        outcome.update(ok=True, etag=resp.etag, last_modified=resp.last_modified)
        todo = self._unseen(items)
        taken = todo[:src.spec.max_items]
        complete = len(taken) == len(todo)
        for item in taken:
            if self.stop.is_set():
                complete = False
                break
            if not self._claim(item.key):
                continue
            msg = self._read_item(src, item)
            if msg[0] == "item_error" and msg[4]:
                complete = False  # will be retried: keep the listing fresh (no 304)
            q.put(msg)
        outcome["complete"] = complete

    def _claim(self, key: str) -> bool:
        with self._claim_lock:
            if key in self._claimed:
                return False
            self._claimed.add(key)
            return True

    def _unseen(self, items: list[Item]) -> list[Item]:
        wi = s.watch_items
        uniq = list({i.key: i for i in items}.values())
        done: set[str] = set()
        with self.store.read() as conn:
            for n in range(0, len(uniq), 500):
                keys = [i.key for i in uniq[n:n + 500]]
                for key, status, attempts in conn.execute(
                        select(wi.c.key, wi.c.status, wi.c.attempts).where(wi.c.key.in_(keys))):
                    if status in DONE or attempts >= self.max_attempts:
                        done.add(key)
        return [i for i in uniq if i.key not in done]

    def _read_item(self, src: _Source, item: Item) -> tuple:
        """("doc", src, item, Document) or ("recovered", src, item, article id) or
        ("item_error", src, item, reason, retryable)."""
        from pactwatch.read.html import parse_html

        if item.url:
            a = s.articles
            with self.store.read() as conn:
                aid = conn.execute(select(a.c.id).where(a.c.url == item.url)).scalar()
            if aid is not None:
                return ("recovered", src, item, aid)
        lang = item.lang or src.spec.lang
        if item.text:
            return ("doc", src, item, Document(
                doc=item.url or item.key, text=item.text, title=item.title,
                published=item.published, lang=lang, url=item.url, source=src.spec.url))
        assert item.url is not None
        try:
            resp = self.fetcher.get(item.url, accept=PAGE_ACCEPT)
        except FetchError as e:
            return ("item_error", src, item, str(e), True)
        res = parse_html(resp.body, doc=item.url, source=item.url, url=item.url,
                         charset=resp.charset)
        if isinstance(res, ReadError):
            return ("item_error", src, item, str(res), False)
        res.title = res.title or item.title
        res.published = res.published or item.published
        res.lang = res.lang or lang
        return ("doc", src, item, res)

    # -- the main thread: extract, store, mark, alert ---------------------------------

    def _flush(self, batch: list[tuple[_Source, Item, Document]], report: PollReport) -> None:
        try:
            results = self.extract([d for _, _, d in batch])
        except Exception as e:  # noqa: BLE001 - a broken batch fails its items, not the run
            results = [f"extraction failed ({type(e).__name__}: {e})"] * len(batch)
        for (src, item, doc), res in zip(batch, results, strict=True):
            report.items += 1
            if isinstance(res, str):
                self._item_failed(src, item, res, report, counted=True)
                continue
            rec, body = res
            if item.url:
                rec["url"] = item.url
            outcome = self.ingestor.ingest_record(rec, body=body, item=doc.doc)
            if outcome is None:
                self._item_failed(src, item, self.ingestor.report.failed[-1]
                                  if self.ingestor.report.failed else "could not be stored",
                                  report, counted=True)
                continue
            aid = self._article_id(rec, body)
            status = "unchanged" if outcome == "unchanged" else "stored"
            self._mark(src, item, status, aid, None)
            if status == "stored":
                report.stored += 1
                self._alerts(aid, report)
            else:
                report.unchanged += 1

    def _article_id(self, rec: dict, body: str) -> int | None:
        from pactwatch.store.ingest import normalised_hash, record_hash

        a = s.articles
        digest = normalised_hash(body) if body.strip() else record_hash(
            {k: v for k, v in rec.items() if k != "body"})
        with self.store.read() as conn:
            aid = conn.execute(select(a.c.id).where(a.c.content_hash == digest)).scalar()
            if aid is None and rec.get("url"):
                aid = conn.execute(select(a.c.id).where(a.c.url == rec["url"])).scalar()
        return aid

    def _alerts(self, aid: int | None, report: PollReport) -> None:
        if self.alerter is None or aid is None:
            return
        try:
            report.alerts += len(self.alerter.check_article(aid))
        except Exception as e:  # noqa: BLE001 - alerts never stop ingestion
            self.say(f"article {aid}: watchlists could not be checked ({type(e).__name__}: {e})")

    def _recovered(self, src: _Source, item: Item, aid: int, report: PollReport) -> None:
        self._mark(src, item, "stored", aid, None)
        self._alerts(aid, report)

    def _item_failed(self, src: _Source, item: Item, reason: str, report: PollReport,
                     counted: bool = False, retryable: bool = True) -> None:
        """A failed item keeps its error; it is tried again on later polls unless the
        failure is in the item itself (a page with no article text): then skipped."""
        if not counted:
            report.items += 1
        report.failed_items += 1
        self.say(f"{item.url or item.key}: {reason}")
        self._mark(src, item, "failed" if retryable else "skipped", None, reason)

    def _mark(self, src: _Source, item: Item, status: str, aid: int | None,
              error: str | None) -> None:
        wi = s.watch_items
        now = _now()
        with self.store.write() as conn:
            row = conn.execute(select(wi.c.id, wi.c.attempts).where(wi.c.key == item.key)).first()
            if row is None:
                conn.execute(insert(wi).values(
                    source_id=src.id, key=item.key, url=item.url, status=status,
                    article_id=aid, error=error, attempts=1, first_seen_at=now,
                    done_at=now if status in DONE else None))
            else:
                conn.execute(update(wi).where(wi.c.id == row.id).values(
                    status=status, article_id=aid, error=error, attempts=row.attempts + 1,
                    done_at=now if status in DONE else None))

    def _source_done(self, report: PollReport, src: _Source, outcome: dict[str, Any]) -> None:
        ws = s.watch_sources
        now = _now()
        values: dict[str, Any] = {"last_poll_at": now, "polls": ws.c.polls + 1}
        if outcome["ok"]:
            values.update(failures=0, last_ok_at=now, next_poll_at=_later(src.interval))
            if outcome.get("kind"):
                values["kind"] = outcome["kind"]
                src.kind = outcome["kind"]
            if outcome["complete"]:
                values.update(etag=outcome.get("etag"), last_modified=outcome.get("last_modified"))
            else:
                values.update(etag=None, last_modified=None)
            src.etag, src.last_modified = values.get("etag"), values.get("last_modified")
            report.not_modified += outcome["not_modified"]
        else:
            report.failed_sources += 1
            report.errors.append(outcome["error"])
            self.say(outcome["error"])
            wait = max(float(outcome.get("retry_after") or 0), float(src.interval))
            values.update(failures=ws.c.failures + 1, last_error=outcome["error"],
                          last_error_at=now, next_poll_at=_later(wait))
        with self.store.write() as conn:
            conn.execute(update(ws).where(ws.c.id == src.id).values(**values))


# ----------------------------------------------------------------------------------
# Health, for ``pactwatch sources`` and the web app
# ----------------------------------------------------------------------------------

def source_health(store: Store) -> list[dict[str, Any]]:
    """Every followed source with its state and a one-word health:
    ``new`` (never polled), ``ok``, ``failing`` (the last 1-2 polls failed) or ``down``."""
    ws, wi = s.watch_sources, s.watch_items
    with store.read() as conn:
        counts: dict[int, dict[str, int]] = {}
        for sid, status, n in conn.execute(select(wi.c.source_id, wi.c.status, func.count())
                                           .group_by(wi.c.source_id, wi.c.status)):
            counts.setdefault(sid, {})[status] = int(n)
        rows = [dict(r) for r in conn.execute(select(ws).order_by(ws.c.id)).mappings()]
    out = []
    for r in rows:
        c = counts.get(r["id"], {})
        health = ("new" if not r["polls"] else "ok" if not r["failures"]
                  else "failing" if r["failures"] < 3 else "down")
        out.append({
            "id": r["id"], "url": r["url"], "kind": r["kind"], "outlet": r["outlet"],
            "lang": r["lang"], "health": health, "failures": r["failures"], "polls": r["polls"],
            "last_poll_at": r["last_poll_at"], "last_ok_at": r["last_ok_at"],
            "next_poll_at": r["next_poll_at"], "last_error": r["last_error"],
            "last_error_at": r["last_error_at"], "items_seen": sum(c.values()),
            "items_stored": c.get("stored", 0), "items_unchanged": c.get("unchanged", 0),
            "items_failed": c.get("failed", 0),
        })
    return out
