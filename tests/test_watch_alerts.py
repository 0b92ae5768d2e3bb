"""Watchlists: one alert per story, again when a new source brings a disagreeing figure;
JSONL and webhook delivery (HMAC checked by the receiver); a failing webhook is retried
and never holds up ingestion."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from watchkit import fake_extract, page, rss, story_text

from pactwatch.store import open_store
from pactwatch.watch.alerts import (
    Alerter,
    Watchlist,
    WatchlistError,
    alert_history,
    verify_signature,
)
from pactwatch.watch.fetch import Fetcher
from pactwatch.watch.localserver import LocalServer, Route
from pactwatch.watch.poll import Watcher
from pactwatch.watch.sources import SourceSpec

SECRET = "s3cret-for-tests"
OUTLETS = ("wire-a.test", "wire-b.test", "wire-c.test")


@pytest.fixture
def srv() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


def setup(tmp_path: Path, lists: list[dict], db: str | None = None, **alert_kw: Any
          ) -> tuple[Watcher, Alerter]:
    store = open_store(db or str(tmp_path / "w.db"))
    fetcher = Fetcher(allow_private=True, min_delay=0.0, backoff=0.01, timeout=2.0, retries=1,
                      resolver=lambda host, port: ["127.0.0.1"])
    alerter = Alerter(store, [Watchlist.from_dict(d) for d in lists],
                      jsonl=tmp_path / "alerts.jsonl", log=lambda _: None, **alert_kw)
    w = Watcher(store, fetcher, extract=fake_extract, no_embed=True, alerter=alerter,
                say=lambda _: None)
    return w, alerter


def publish(srv: LocalServer, outlet: str, n: int, crore: int, company: str = "Aoba Motors",
            state: str = "Gujarat") -> SourceSpec:
    """Outlet ``outlet`` (a host name resolving to the local server) reports a story."""
    path = f"/{outlet}/story-{n}"
    srv.route(path, Route(body=page(f"{company} in {state}", story_text(
        company, state, crore, outlet, extra=f"Report number {n} by {outlet}."))))
    srv.route(f"/{outlet}/feed.xml", Route(body=rss([{
        "title": f"{company} in {state}", "link": srv.url(path, outlet), "description": "t"}])))
    return SourceSpec(url=srv.url(f"/{outlet}/feed.xml", outlet))


def jsonl(tmp_path: Path) -> list[dict]:
    p = tmp_path / "alerts.jsonl"
    return [json.loads(x) for x in p.read_text().splitlines()] if p.exists() else []


GUJARAT = {"name": "gujarat-semis", "state": "Gujarat", "sector": "semiconductors",
           "country": "JP"}


def test_alert_once_per_story_then_on_disagreeing_figure(srv: LocalServer, tmp_path: Path
                                                         ) -> None:
    w, _ = setup(tmp_path, [GUJARAT, {"name": "karnataka", "state": "Karnataka"},
                            {"name": "words", "text": '"semiconductor plant" Aoba'}])
    a = publish(srv, OUTLETS[0], 1, 500)
    assert w.poll([a]).alerts == 2  # gujarat-semis and words; not karnataka
    first = jsonl(tmp_path)
    assert {x["watchlist"] for x in first} == {"gujarat-semis", "words"}
    assert all(x["reason"] == "new_story" for x in first)
    assert first[0]["sources"] == ["wire-a.test"]
    assert "Aoba Motors" in first[0]["what"]

    b = publish(srv, OUTLETS[1], 2, 500)  # same story, same figure: a new source only
    r = w.poll([a, b])
    assert r.stored == 1 and r.alerts == 0

    c = publish(srv, OUTLETS[2], 3, 650)  # a new source with a disagreeing amount
    r = w.poll([a, b, c])
    assert r.stored == 1 and r.alerts == 2
    again = jsonl(tmp_path)[2:]
    assert {x["reason"] for x in again} == {"disagreeing_figure"}
    ch = again[0]["changed"]
    assert ch["disagree"] == ["amount"]
    assert ch["new_sources"] == ["wire-b.test", "wire-c.test"]
    assert [f["value"] for f in ch["new_figures"]] == [6_500_000_000]
    assert len({x["story"] for x in jsonl(tmp_path)}) == 1

    w.poll([a, b, c])  # nothing new: nothing more
    assert len(jsonl(tmp_path)) == 4
    hist = alert_history(w.store, watchlist="gujarat-semis")
    assert [h["reason"] for h in hist] == ["disagreeing_figure", "new_story"]
    assert all(h["webhook_status"] == "none" for h in hist)


def test_recheck_after_restart_sends_nothing_twice(srv: LocalServer, tmp_path: Path) -> None:
    w, alerter = setup(tmp_path, [GUJARAT])
    w.poll([publish(srv, OUTLETS[0], 1, 500)])
    assert len(jsonl(tmp_path)) == 1
    _, alerter2 = setup(tmp_path, [GUJARAT])
    assert alerter2.check_article(1) == []
    assert len(jsonl(tmp_path)) == 1


def test_webhook_is_signed_and_retried(srv: LocalServer, tmp_path: Path) -> None:
    srv.route("/hook", Route(statuses=[500, 503]))
    w, alerter = setup(tmp_path, [GUJARAT], webhook=srv.url("/hook"), secret=SECRET,
                       backoff=0.01)
    w.poll([publish(srv, OUTLETS[0], 1, 500)])
    assert alerter.close(timeout=20)
    assert [p[1] for p in srv.posts] == [500, 503, 200]
    for _, _, headers, body in srv.posts:  # what the receiver checks
        assert verify_signature(SECRET, body, headers["x-pactwatch-timestamp"],
                                headers["x-pactwatch-signature"])
        assert not verify_signature("wrong secret", body, headers["x-pactwatch-timestamp"],
                                    headers["x-pactwatch-signature"])
        assert not verify_signature(SECRET, body + b" ", headers["x-pactwatch-timestamp"],
                                    headers["x-pactwatch-signature"])
    payload = json.loads(srv.posts[-1][3])
    assert payload["watchlist"] == "gujarat-semis" and payload["reason"] == "new_story"
    hist = alert_history(w.store)
    assert hist[0]["webhook_status"] == "sent" and hist[0]["webhook_attempts"] == 3


def test_failing_webhook_never_blocks_ingestion(srv: LocalServer, tmp_path: Path) -> None:
    srv.route("/hook", Route(statuses=[500] * 100, delay=0.3))
    w, alerter = setup(tmp_path, [GUJARAT, {"name": "tn", "state": "Tamil Nadu"}],
                       webhook=srv.url("/hook"), secret=SECRET, backoff=0.5, retries=2)
    specs = [publish(srv, OUTLETS[0], 1, 500),
             publish(srv, OUTLETS[1], 2, 300, company="Kawase Steel", state="Tamil Nadu")]
    t0 = time.monotonic()
    r = w.poll(specs)
    took = time.monotonic() - t0
    assert r.stored == 2 and r.alerts == 2
    assert took < 2.0, "the poll waited for the webhook"  # 2 alerts x 3 tries x 0.3 s + backoff
    assert alerter.close(timeout=30)
    hist = alert_history(w.store)
    assert [h["webhook_status"] for h in hist] == ["failed", "failed"]
    assert all(h["webhook_attempts"] == 3 and h["webhook_error"] == "HTTP 500" for h in hist)
    assert len(srv.posts) == 6


def test_pending_webhooks_are_resumed_by_the_next_run(srv: LocalServer, tmp_path: Path) -> None:
    srv.route("/hook", Route())
    w, alerter = setup(tmp_path, [GUJARAT], webhook=srv.url("/nothing-listens-here"),
                       secret=SECRET, backoff=0.01, retries=0)
    from pactwatch.store import schema as s
    w.poll([publish(srv, OUTLETS[0], 1, 500)])
    alerter.close(timeout=10)
    with w.store.write() as conn:  # as if the process died before delivering
        conn.execute(s.watch_alerts.update().values(webhook_status="pending"))
    _, alerter2 = setup(tmp_path, [GUJARAT], webhook=srv.url("/hook"), secret=SECRET)
    assert alerter2.resume() == 1
    assert alerter2.close(timeout=10)
    assert [p[0] for p in srv.posts if p[1] == 200] == ["/hook"]
    assert alert_history(w.store)[0]["webhook_status"] == "sent"


def test_watchlist_validation() -> None:
    with pytest.raises(WatchlistError, match="unknown key"):
        Watchlist.from_dict({"name": "x", "colour": "red"})
    with pytest.raises(WatchlistError, match="not a date"):
        Watchlist.from_dict({"name": "x", "since": "last week"})
    with pytest.raises(WatchlistError, match="match everything"):
        Watchlist.from_dict({"name": "x"})
    with pytest.raises(WatchlistError, match="secret"):
        Alerter(None, [], webhook="http://127.0.0.1:9/")  # type: ignore[arg-type]


def test_postgres_alerts_and_item_state(srv: LocalServer, tmp_path: Path, pg_url: str) -> None:
    """The same tables and decisions on PostgreSQL."""
    w, _ = setup(tmp_path, [GUJARAT], db=pg_url)
    a = publish(srv, OUTLETS[0], 1, 500)
    assert w.poll([a]).alerts == 1
    c = publish(srv, OUTLETS[2], 3, 650)
    r = w.poll([a, c])
    assert (r.stored, r.alerts) == (1, 1)
    assert w.poll([a, c]).items == 0
    from pactwatch.watch import source_health
    assert [h["items_stored"] for h in source_health(w.store)] == [1, 1]
    assert [x["reason"] for x in jsonl(tmp_path)] == ["new_story", "disagreeing_figure"]
    w.store.close()
