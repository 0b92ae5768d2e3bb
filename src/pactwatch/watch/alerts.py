"""Watchlists and alerts: tell an analyst when a story they care about appears or changes.

A watchlist is a saved query: the filters of ``pactwatch events`` (``country``,
``state``, ``entity``, ``type``, ``sector``, ``status``, ``since``, ``until``) plus
full-text ``text`` terms.  Watchlists come from the sources file (or ``--watchlists``)
and are saved in the store (``watch_watchlists``), so the web app can list them.

When ``watch`` stores an article, each story its events joined is checked against every
watchlist.  The check is on the story as ``pactwatch events`` shows it (all its
members together): its type, statuses, sectors, date span, the entities of any member
(participants and places, which give ``country`` and ``state``), and the title and body
of any of its articles for ``text`` (every term, case-insensitive substring, as
``search``).

Once per story per watchlist: the first time a story matches, one alert
(``new_story`` when this article started it, ``new_report`` when an existing story now
matches).  Later reports alert again only when they bring a figure (amount, jobs,
count) not alerted before: ``disagreeing_figure`` when the story's sources now disagree
on it, ``new_figure`` otherwise.  A new source with nothing new is no alert.  The state
("which sources and figures were alerted") and the alert row are written in one
transaction, so the decision is taken once even when two watchers share a store, and
re-checking an article (after a restart) changes nothing.

Delivery, after the commit: a line on stdout (the log), a line in a JSONL file, and a
webhook POST.  Webhooks are delivered by a background thread with retries; a webhook
that is down never slows ingestion, and undelivered alerts stay ``pending`` in the store
and are retried by the next run.  The body is signed: ``X-Pactwatch-Signature:
sha256=HMAC_SHA256(secret, "<timestamp>.<body>")`` with ``X-Pactwatch-Timestamp``;
``verify_signature`` is what a receiver runs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import queue
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, select, update

from pactwatch.store import schema as s

if TYPE_CHECKING:
    from pactwatch.store import Store

FILTERS = ("country", "state", "entity", "type", "sector", "status", "since", "until")
SIGNATURE_HEADER = "X-Pactwatch-Signature"
TIMESTAMP_HEADER = "X-Pactwatch-Timestamp"


class WatchlistError(ValueError):
    """A watchlist that cannot be used (unknown key, bad date, no name)."""


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _split(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, list | tuple):
        return [str(x).strip() for x in v if str(x).strip()]
    return [x.strip() for x in str(v).split(",") if x.strip()]


@dataclass
class Watchlist:
    """A saved query; ``filters`` has the ``events`` filter names, ``text`` search terms."""

    name: str
    filters: dict[str, str] = field(default_factory=dict)
    text: str | None = None

    @classmethod
    def from_dict(cls, d: Any, where: str = "watchlist") -> Watchlist:
        from pactwatch.store.query import QueryError, _bound

        if not isinstance(d, dict) or not isinstance(d.get("name"), str) or not d["name"].strip():
            raise WatchlistError(f"{where}: needs a 'name'")
        name = d["name"].strip()
        unknown = set(d) - {"name", "text", *FILTERS}
        if unknown:
            raise WatchlistError(f"{where} '{name}': unknown key(s) "
                                 f"{', '.join(sorted(unknown))} (filters: {', '.join(FILTERS)}"
                                 ", text)")
        filters = {k: ",".join(_split(d[k])) if isinstance(d[k], list) else str(d[k]).strip()
                   for k in FILTERS if d.get(k) not in (None, "", [])}
        try:
            _bound(filters.get("since"), "since", False)
            _bound(filters.get("until"), "until", True)
        except QueryError as e:
            raise WatchlistError(f"{where} '{name}': {e}") from None
        text = d.get("text")
        if not filters and not text:
            raise WatchlistError(f"{where} '{name}': has neither filters nor text "
                                 "(it would match everything)")
        return cls(name=name, filters=filters, text=str(text).strip() if text else None)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, **self.filters, **({"text": self.text} if self.text else {})}


# ----------------------------------------------------------------------------------
# Watchlists in the store
# ----------------------------------------------------------------------------------

def save_watchlists(store: Store, lists: Sequence[Watchlist]) -> None:
    """Save (insert or replace) watchlists in the store."""
    wl = s.watch_watchlists
    now = _now()
    with store.write() as conn:
        for w in lists:
            q = json.dumps(w.to_dict(), ensure_ascii=False, sort_keys=True)
            if conn.execute(select(wl.c.name).where(wl.c.name == w.name)).first():
                conn.execute(update(wl).where(wl.c.name == w.name).values(query=q,
                                                                          updated_at=now))
            else:
                conn.execute(insert(wl).values(name=w.name, query=q, created_at=now,
                                               updated_at=now))


def delete_watchlist(store: Store, name: str) -> bool:
    wl = s.watch_watchlists
    with store.write() as conn:
        return bool(conn.execute(delete(wl).where(wl.c.name == name)).rowcount)


def stored_watchlists(store: Store) -> list[Watchlist]:
    """Every watchlist saved in the store, by name."""
    wl = s.watch_watchlists
    with store.read() as conn:
        rows = conn.execute(select(wl.c.name, wl.c.query).order_by(wl.c.name)).all()
    return [Watchlist.from_dict(json.loads(q), f"stored watchlist {n}") for n, q in rows]


def alert_history(store: Store, *, watchlist: str | None = None, story: int | None = None,
                  limit: int | None = 100) -> list[dict[str, Any]]:
    """Alerts, newest first, with their delivery state (for ``serve`` and the CLI)."""
    a = s.watch_alerts
    q = select(a).order_by(a.c.id.desc())
    if watchlist:
        q = q.where(a.c.watchlist == watchlist)
    if story is not None:
        q = q.where(a.c.story_id == story)
    if limit:
        q = q.limit(limit)
    with store.read() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        r["payload"] = json.loads(r["payload"])
    return rows


# ----------------------------------------------------------------------------------
# Matching a story
# ----------------------------------------------------------------------------------

def _figures(row: dict) -> set[tuple]:
    out: set[tuple] = set()
    for fld, key in (("amount", "amounts"), ("jobs", "jobs"), ("count", "counts")):
        for f in row.get(key) or []:
            out.add((fld, f["value"], f.get("currency")))
    return out


def names_any(conn: Connection, name: str, ids: set[str],
              kinds: Sequence[str] | None = None) -> bool:
    """Is ``name`` (any script, or an id) one of the entities ``ids``?

    The same meaning as ``query.resolve`` (an id, a stored alias folded, a name the
    knowledge base has for the entity), asked the other way round: only about this
    story's few entities, which an index answers at once, instead of resolving the
    name over the whole store for every story checked.
    """
    from pactwatch.kb.fold import fold
    from pactwatch.store.query import _kb_names

    if not ids:
        return False
    en, al = s.entities, s.entity_aliases
    cands = set(ids)
    if kinds:
        cands = {r for (r,) in conn.execute(select(en.c.id).where(
            en.c.id.in_(list(ids)), en.c.kind.in_(list(kinds))))}
    if name.strip() in cands:
        return True
    key = fold(name)
    if conn.execute(select(al.c.entity_id).where(al.c.key == key,
                                                 al.c.entity_id.in_(list(cands)))).first():
        return True
    return bool(cands & _kb_names().get(key, frozenset()))


def story_matches(conn: Connection, w: Watchlist, row: dict[str, Any]) -> bool:
    """Does the story (a row of ``query.story_rows``) meet every filter of ``w``?"""
    from pactwatch.store.query import STATE_KINDS, _bound, _countries, terms

    f = w.filters
    types = _split(f.get("type"))
    if types and row["type"] not in types:
        return False
    statuses = _split(f.get("status"))
    if statuses and not set(statuses) & set(row["statuses"]):
        return False
    sectors = _split(f.get("sector"))
    if sectors and not set(sectors) & set(row["sectors"]):
        return False
    lo, hi = _bound(f.get("since"), "since", False), _bound(f.get("until"), "until", True)
    if lo and (row["date_hi"] is None or row["date_hi"] < lo):
        return False
    if hi and (row["date_lo"] is None or row["date_lo"] > hi):
        return False
    se, en = s.story_entities, s.entities
    if f.get("entity") or f.get("state") or f.get("country"):
        ids = {r for (r,) in conn.execute(select(se.c.entity_id)
                                          .where(se.c.story_id == row["story"]))}
        ids |= set(row["participant_ids"]) | ({row["place_id"]} if row["place_id"] else set())
        if f.get("entity") and not names_any(conn, f["entity"], ids):
            return False
        if f.get("state") and not names_any(conn, f["state"], ids, STATE_KINDS):
            return False
        if f.get("country"):
            codes = set(_countries(conn, f["country"]))
            have = {c for (c,) in conn.execute(select(en.c.country).where(en.c.id.in_(ids)))}
            if not codes & have:
                return False
    if w.text:
        words = [t.casefold() for t in terms(w.text)]
        a = s.articles
        ids_ = [x["id"] for x in row["articles"]]
        for title, body in conn.execute(select(a.c.title, a.c.body).where(a.c.id.in_(ids_))):
            hay = f"{title or ''}\n{body}".casefold()
            if all(t in hay for t in words):
                break
        else:
            return False
    return True


def _summary(row: dict[str, Any]) -> str:
    parts = [f"{row['type']} ({row['status']})", " · ".join(row["participants"]) or "—"]
    if row.get("place"):
        parts.append(f"at {row['place']}")
    if row.get("date") or row.get("date_lo"):
        parts.append(str(row.get("date") or row["date_lo"]))
    for f in row.get("amounts") or []:
        parts.append(f"{f['value']:,} {f.get('currency') or ''}".strip() + f" ({f['source']})")
    for f in row.get("jobs") or []:
        parts.append(f"{f['value']:,} jobs ({f['source']})")
    return ", ".join(parts)


def _quick(conn: Connection, w: Watchlist, stype: str, ids: set[str]) -> bool:
    """The cheap part of ``story_matches`` (type and names, on the story's index rows):
    most stories fail here, before their full row is assembled."""
    types = _split(w.filters.get("type"))
    if types and stype not in types:
        return False
    if w.filters.get("entity") and not names_any(conn, w.filters["entity"], ids):
        return False
    from pactwatch.store.query import STATE_KINDS

    return not (w.filters.get("state")
                and not names_any(conn, w.filters["state"], ids, STATE_KINDS))


def would_alert(conn: Connection, w: Watchlist, row: dict[str, Any]) -> bool:
    """``decide`` without writing: lets the common case (no alert) skip the write lock."""
    st = s.watch_alert_state
    state = conn.execute(select(st.c.figures).where(
        st.c.watchlist == w.name, st.c.story_id == row["story"])).first()
    if state is not None and not _figures(row) - {tuple(x) for x in json.loads(state.figures)}:
        return False
    return story_matches(conn, w, row)


def decide(conn: Connection, w: Watchlist, row: dict[str, Any], article_id: int | None
           ) -> dict[str, Any] | None:
    """The alert for this story and watchlist now, or None; writes the state and the
    alert row in ``conn``'s transaction (the caller commits)."""
    st = s.watch_alert_state
    state = conn.execute(select(st.c.sources, st.c.figures).where(
        st.c.watchlist == w.name, st.c.story_id == row["story"])).first()
    figs_now = _figures(row)
    sources_now = list(row["sources"])
    if state is None:
        if not story_matches(conn, w, row):
            return None
        new_sources, new_figs = sources_now, figs_now
        first = [a for a in row["articles"] if a["id"] == article_id]
        reason = "new_story" if len(row["articles"]) <= 1 or (
            first and row["articles"][0]["id"] == article_id) else "new_report"
    else:
        seen_figs = {tuple(x) for x in json.loads(state.figures)}
        new_figs = figs_now - seen_figs
        if not new_figs:
            return None  # once per story: a new source with nothing new is no alert
        if not story_matches(conn, w, row):
            return None
        seen_sources = set(json.loads(state.sources))
        new_sources = [x for x in sources_now if x not in seen_sources]
        reason = ("disagreeing_figure" if {f[0] for f in new_figs} & set(row["disagree"])
                  else "new_figure")
    now = _now()
    trigger = next((a for a in row["articles"] if a["id"] == article_id), None)
    payload = {
        "watchlist": w.name, "story": row["story"], "reason": reason,
        "what": _summary(row),
        "changed": {"new_sources": new_sources,
                    "new_figures": [{"field": f, "value": v, **({"currency": c} if c else {})}
                                    for f, v, c in sorted(new_figs, key=str)],
                    "disagree": row["disagree"]},
        "type": row["type"], "status": row["status"], "date": row["date"],
        "participants": row["participants"], "place": row["place"], "sectors": row["sectors"],
        "amounts": row["amounts"], "jobs": row["jobs"], "counts": row["counts"],
        "sources": sources_now,
        "articles": [{k: a[k] for k in ("title", "url", "source", "published")}
                     for a in row["articles"]],
        "article": {k: trigger[k] for k in ("title", "url", "source", "published")}
        if trigger else None,
        "created_at": now,
    }
    state_row = {"sources": json.dumps(sources_now, ensure_ascii=False),
                 "figures": json.dumps(sorted(figs_now, key=str), ensure_ascii=False),
                 "updated_at": now}
    if state is None:
        conn.execute(insert(st).values(watchlist=w.name, story_id=row["story"], **state_row))
    else:
        conn.execute(update(st).where(st.c.watchlist == w.name,
                                      st.c.story_id == row["story"]).values(**state_row))
    return payload


def signature(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode("utf-8"), timestamp.encode("ascii") + b"." + body,
                   hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify_signature(secret: str, body: bytes, timestamp: str | None, sig: str | None, *,
                     tolerance: float = 300.0, now: float | None = None) -> bool:
    """What a webhook receiver checks: the HMAC matches, and the timestamp is recent
    (a replayed old request fails)."""
    if not sig or not timestamp or not timestamp.isdigit():
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > tolerance:
        return False
    return hmac.compare_digest(signature(secret, timestamp, body), sig)


# ----------------------------------------------------------------------------------
# Checking articles and delivering alerts
# ----------------------------------------------------------------------------------

class Alerter:
    """Checks stored articles against watchlists and delivers the alerts."""

    def __init__(self, store: Store, watchlists: Sequence[Watchlist], *,
                 jsonl: str | Path | None = None, webhook: str | None = None,
                 secret: str | None = None, log: Callable[[str], None] | None = None,
                 retries: int = 4, backoff: float = 1.0, timeout: float = 10.0) -> None:
        self.store = store
        self.watchlists = list(watchlists)
        self.jsonl = Path(jsonl) if jsonl else None
        self.webhook = webhook
        self.secret = secret
        # alerts are the command's output (stdout, one line each); progress is on stderr
        self.log = log or (lambda line: print(line, flush=True))
        self.warn = (lambda line: print(f"pactwatch: {line}", file=sys.stderr)) \
            if log is None else log
        self.retries = retries
        self.backoff = backoff
        self.timeout = timeout
        self.sent = 0
        self._queue: queue.Queue[tuple[int, bytes] | None] = queue.Queue()
        self._worker: threading.Thread | None = None
        self._jsonl_lock = threading.Lock()
        if webhook and not secret:
            raise WatchlistError("a webhook needs a shared secret to sign with "
                                 "(alerts: secret_env: NAME, or --webhook-secret-env)")

    # -- checking -----------------------------------------------------------------------

    def check_article(self, article_id: int) -> list[dict[str, Any]]:
        """Alerts for the stories of one stored article (none when it is re-checked)."""
        if not self.watchlists:
            return []
        from pactwatch.store.query import story_rows

        ev, sm, st, se = s.events, s.story_members, s.stories, s.story_entities
        sids_q = (select(sm.c.story_id).distinct().join(ev, ev.c.id == sm.c.event_id)
                  .where(ev.c.article_id == article_id).order_by(sm.c.story_id))
        with self.store.read() as conn:  # most articles alert nobody: no write lock for them
            sids = []
            for sid, stype in conn.execute(select(st.c.id, st.c.type).where(
                    st.c.id.in_(sids_q.scalar_subquery()))):
                ids = {r for (r,) in conn.execute(select(se.c.entity_id)
                                                  .where(se.c.story_id == sid))}
                if any(_quick(conn, w, stype, ids) for w in self.watchlists):
                    sids.append(sid)
            if not sids or not any(would_alert(conn, w, row) for row in story_rows(conn, sids)
                                   for w in self.watchlists):
                return []
        alerts: list[tuple[int, dict]] = []
        with self.store.write() as conn:  # decided again under the lock: exactly once
            for row in story_rows(conn, sids):
                for w in self.watchlists:
                    payload = decide(conn, w, row, article_id)
                    if payload is None:
                        continue
                    aid = conn.execute(insert(s.watch_alerts).values(
                        watchlist=w.name, story_id=row["story"], article_id=article_id,
                        reason=payload["reason"],
                        payload=json.dumps(payload, ensure_ascii=False),
                        created_at=payload["created_at"],
                        webhook_status="pending" if self.webhook else "none",
                        webhook_attempts=0).returning(s.watch_alerts.c.id)).scalar_one()
                    payload["id"] = aid
                    alerts.append((aid, payload))
        for aid, payload in alerts:  # after the commit: only decided alerts go out
            self._deliver(aid, payload)
        return [p for _, p in alerts]

    def _deliver(self, aid: int, payload: dict[str, Any]) -> None:
        ch = payload["changed"]
        what = {"new_story": "new story", "new_report": "now matches",
                "new_figure": "new figure", "disagreeing_figure": "figures disagree"}
        extra = ""
        if ch["new_figures"] and payload["reason"] in ("new_figure", "disagreeing_figure"):
            extra = " — " + ", ".join(f"{f['field']} {f['value']:,}" for f in ch["new_figures"])
        self.log(f"alert [{payload['watchlist']}] {what.get(payload['reason'], payload['reason'])}"
                 f"{extra}: {payload['what']}; sources: {', '.join(payload['sources'])}")
        line = json.dumps(payload, ensure_ascii=False) + "\n"
        if self.jsonl:
            with self._jsonl_lock, self.jsonl.open("a", encoding="utf-8") as f:
                f.write(line)
        if self.webhook:
            self._start()
            self._queue.put((aid, line.encode("utf-8")))

    # -- the webhook worker -------------------------------------------------------------

    def resume_once(self) -> None:
        """``resume`` on the first poll of a run only."""
        if not getattr(self, "_resumed", False):
            self._resumed = True
            self.resume()

    def resume(self) -> int:
        """Queue the alerts a previous run could not deliver; returns how many."""
        if not self.webhook:
            return 0
        a = s.watch_alerts
        with self.store.read() as conn:
            rows = conn.execute(select(a.c.id, a.c.payload).where(
                a.c.webhook_status == "pending").order_by(a.c.id)).all()
        for aid, payload in rows:
            p = json.loads(payload)
            p["id"] = aid
            self._start()
            self._queue.put((aid, (json.dumps(p, ensure_ascii=False) + "\n").encode("utf-8")))
        return len(rows)

    def _start(self) -> None:
        if self._worker is None:
            self._worker = threading.Thread(target=self._run, name="pactwatch-webhook",
                                            daemon=True)
            self._worker.start()

    def _run(self) -> None:
        import httpx

        # the webhook is the operator's own endpoint (often an intranet one), not a URL
        # from a feed: no address check, but no environment proxy either
        with httpx.Client(timeout=self.timeout, trust_env=False) as client:
            while True:
                job = self._queue.get()
                if job is None:
                    return
                aid, body = job
                status, error, attempts = self._post(client, aid, body)
                try:
                    with self.store.write() as conn:
                        conn.execute(update(s.watch_alerts).where(s.watch_alerts.c.id == aid)
                                     .values(webhook_status=status, webhook_error=error,
                                             webhook_attempts=s.watch_alerts.c.webhook_attempts
                                             + attempts))
                except Exception as e:  # noqa: BLE001 - never kill the worker
                    self.warn(f"alert {aid}: could not record the webhook delivery ({e})")

    def _post(self, client: Any, aid: int, body: bytes) -> tuple[str, str | None, int]:
        import httpx

        error = None
        for attempt in range(self.retries + 1):
            ts = str(int(time.time()))
            headers = {"Content-Type": "application/json", TIMESTAMP_HEADER: ts,
                       SIGNATURE_HEADER: signature(self.secret or "", ts, body),
                       "X-Pactwatch-Delivery": str(aid)}
            try:
                r = client.post(self.webhook, content=body, headers=headers)
                if 200 <= r.status_code < 300:
                    self.sent += 1
                    return "sent", None, attempt + 1
                error = f"HTTP {r.status_code}"
                if 400 <= r.status_code < 500 and r.status_code not in (408, 429):
                    break  # the receiver refuses it: retrying will not help
            except httpx.HTTPError as e:
                error = f"{type(e).__name__}: {e}"
            if attempt < self.retries:
                time.sleep(self.backoff * 2 ** attempt)
        self.warn(f"alert {aid}: webhook failed after {attempt + 1} attempt(s) ({error})")
        return "failed", error, attempt + 1

    def close(self, timeout: float = 30.0) -> bool:
        """Wait (at most ``timeout`` s) for queued webhooks; True when all were tried.
        What is left stays ``pending`` in the store for the next run."""
        if self._worker is None:
            return True
        self._queue.put(None)
        self._worker.join(timeout)
        done = not self._worker.is_alive()
        self._worker = None if done else self._worker
        return done
