"""Polling against a local server: new items between polls, 304s, failures kept visible,
duplicates stored once, feeds / sitemaps / listing pages, restart-safe item state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from watchkit import fake_extract, page, rss, story_text

from pactwatch.store import open_store
from pactwatch.watch.fetch import Fetcher
from pactwatch.watch.localserver import LocalServer, Route
from pactwatch.watch.poll import Watcher, source_health
from pactwatch.watch.sources import SourceSpec


@pytest.fixture
def srv() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


def watcher(tmp_path: Path, **kw: Any) -> Watcher:
    store = open_store(str(tmp_path / "w.db"))
    fetcher = Fetcher(allow_private=True, min_delay=0.0, backoff=0.01, timeout=2.0, retries=1)
    return Watcher(store, fetcher, extract=fake_extract, no_embed=True, say=lambda _: None, **kw)


def articles(w: Watcher) -> int:
    return w.store.counts()["articles"]


def test_new_items_between_polls_and_304(srv: LocalServer, tmp_path: Path) -> None:
    items = [{"title": f"Story {i}", "link": srv.url(f"/a/{i}"), "guid": f"g{i}",
              "description": "teaser"} for i in range(3)]
    feed = srv.route("/feed.xml", Route(body=rss(items), content_type="application/rss+xml"))
    for i in range(5):
        srv.route(f"/a/{i}", Route(body=page(f"Story {i}", story_text(
            "Aoba Motors", "Gujarat", 100 + i, f"outlet {i}"))))
    w = watcher(tmp_path)
    spec = [SourceSpec(url=srv.url("/feed.xml"))]
    r1 = w.poll(spec)
    assert (r1.stored, r1.failed_items) == (3, 0) and articles(w) == 3
    r2 = w.poll(spec)  # nothing new: a 304, no item fetched
    assert r2.not_modified == 1 and r2.items == 0
    items += [{"title": f"Story {i}", "link": srv.url(f"/a/{i}"), "guid": f"g{i}",
               "description": "teaser"} for i in (3, 4)]
    feed.body = rss(items)
    r3 = w.poll(spec)
    assert r3.stored == 2 and articles(w) == 5
    assert srv.count("/feed.xml") == {"200": 2, "304": 1}
    for i in range(5):
        assert srv.count(f"/a/{i}") == {"200": 1}, "every page fetched exactly once"
    h = source_health(w.store)[0]
    assert h["health"] == "ok" and h["kind"] == "feed" and h["items_stored"] == 5
    assert h["polls"] == 3


def test_full_content_feed_needs_no_page_fetch(srv: LocalServer, tmp_path: Path) -> None:
    body = story_text("Kawase Steel", "Tamil Nadu", 300, "wire") * 2
    srv.route("/full.xml", Route(body=rss([{"title": "Steel", "link": srv.url("/s/1"),
                                            "description": body}])))
    w = watcher(tmp_path)
    assert w.poll([SourceSpec(url=srv.url("/full.xml"))]).stored == 1
    assert srv.count("/s/1") == {}


def test_same_text_new_guids_stored_once(srv: LocalServer, tmp_path: Path) -> None:
    text = story_text("Aoba Motors", "Gujarat", 700, "wire")
    srv.route("/dup.xml", Route(body=rss([
        {"title": "Same", "link": srv.url(f"/d/{i}"), "guid": f"new-guid-{i}",
         "description": "teaser"} for i in range(3)])))
    for i in range(3):
        srv.route(f"/d/{i}", Route(body=page("Same story", text)))
    w = watcher(tmp_path)
    r = w.poll([SourceSpec(url=srv.url("/dup.xml"))])
    assert (r.stored, r.unchanged) == (1, 2)
    assert articles(w) == 1


def test_failing_source_keeps_its_error_visible(srv: LocalServer, tmp_path: Path) -> None:
    srv.route("/down.xml", Route(statuses=[500] * 4))
    srv.route("/bad.xml", Route(body=b"<?xml version='1.0'?><rss><channel><item><title>x",
                                content_type="application/rss+xml"))
    srv.route("/ok.xml", Route(body=rss([{"title": "A", "link": srv.url("/p"),
                                          "description": "t"}])))
    srv.route("/p", Route(body=page("A", story_text("Aoba Motors", "Gujarat", 1, "x"))))
    w = watcher(tmp_path)
    specs = [SourceSpec(url=srv.url(p)) for p in ("/down.xml", "/bad.xml", "/ok.xml")]
    r = w.poll(specs)
    assert r.failed_sources == 2 and r.stored == 1
    health = {h["url"].rsplit("/", 1)[1]: h for h in source_health(w.store)}
    assert health["down.xml"]["health"] == "failing"
    assert "HTTP 500" in health["down.xml"]["last_error"]
    assert "malformed" in health["bad.xml"]["last_error"] or \
        "not an RSS" in health["bad.xml"]["last_error"]
    assert health["ok.xml"]["health"] == "ok"
    # the server recovers: the source is healthy again, its last error still on record
    srv.route("/down.xml", Route(body=rss([])))
    w.poll(specs[:1])
    h = source_health(w.store)[0]
    assert h["health"] == "ok" and "HTTP 500" in h["last_error"]


def test_failed_item_is_retried_and_listing_not_cached(srv: LocalServer, tmp_path: Path
                                                       ) -> None:
    srv.route("/f.xml", Route(body=rss([{"title": "A", "link": srv.url("/flaky"),
                                         "description": "t"}])))
    srv.route("/flaky", Route(body=page("A", story_text("Aoba Motors", "Gujarat", 9, "x")),
                              statuses=[503, 503]))
    w = watcher(tmp_path)
    spec = [SourceSpec(url=srv.url("/f.xml"))]
    r1 = w.poll(spec)
    assert r1.failed_items == 1 and articles(w) == 0
    r2 = w.poll(spec)  # the listing is fetched again (no 304) and the item retried
    assert r2.stored == 1 and articles(w) == 1
    assert srv.count("/f.xml") == {"200": 2}


def test_sitemap_and_listing_page(srv: LocalServer, tmp_path: Path) -> None:
    sitemap = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
               ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
               f'<url><loc>{srv.url("/n/aoba-motors-gujarat-plant-2025")}</loc><news:news>'
               '<news:publication_date>2025-10-07</news:publication_date>'
               '<news:title>Aoba</news:title></news:news></url></urlset>')
    srv.route("/news-sitemap.xml", Route(body=sitemap.encode(), content_type="application/xml"))
    srv.route("/n/aoba-motors-gujarat-plant-2025", Route(body=page(
        "Aoba", story_text("Aoba Motors", "Gujarat", 200, "sitemap outlet"))))
    listing = ("<html><body><nav><a href='/about'>About</a><a href='/tag/steel'>Steel</a></nav>"
               "<ul><li><a href='/business/kawase-steel-to-invest-in-tamil-nadu'>Kawase</a>"
               "<li><a href='/business/2025/10/07/123456'>Sakura</a></ul>"
               "<a href='http://elsewhere.example/x-y-z-w'>off-site</a></body></html>")
    srv.route("/business/", Route(body=listing.encode()))
    srv.route("/business/kawase-steel-to-invest-in-tamil-nadu", Route(body=page(
        "Kawase", story_text("Kawase Steel", "Tamil Nadu", 300, "page outlet"))))
    srv.route("/business/2025/10/07/123456", Route(body=page(
        "Sakura", story_text("Sakura Batteries", "Karnataka", 400, "page outlet"))))
    w = watcher(tmp_path)
    r = w.poll([SourceSpec(url=srv.url("/news-sitemap.xml")),
                SourceSpec(url=srv.url("/business/"))])
    assert r.stored == 3 and r.failed_items == 0
    kinds = {h["url"].rsplit("/", 2)[-2] or h["url"]: h["kind"] for h in source_health(w.store)}
    assert sorted(kinds.values()) == ["page", "sitemap"]
    assert srv.count("/about") == {} and srv.count("/tag/steel") == {}


def test_item_with_article_already_stored_is_not_fetched_again(srv: LocalServer,
                                                               tmp_path: Path) -> None:
    """The state a kill leaves between "article committed" and "item marked done"."""
    srv.route("/k.xml", Route(body=rss([{"title": "K", "link": srv.url("/k/1"),
                                         "description": "t"}])))
    srv.route("/k/1", Route(body=page("K", story_text("Aoba Motors", "Gujarat", 5, "x"))))
    w = watcher(tmp_path)
    spec = [SourceSpec(url=srv.url("/k.xml"))]
    w.poll(spec)
    from sqlalchemy import delete

    from pactwatch.store import schema as s
    with w.store.write() as conn:  # forget the item, keep the article
        conn.execute(delete(s.watch_items))
        conn.execute(s.watch_sources.update().values(etag=None))
    w2 = watcher(tmp_path)
    r = w2.poll(spec)
    assert r.stored == 0 and articles(w2) == 1
    assert srv.count("/k/1") == {"200": 1}
    assert source_health(w2.store)[0]["items_stored"] == 1


def test_extraction_error_is_an_item_error(srv: LocalServer, tmp_path: Path) -> None:
    srv.route("/e.xml", Route(body=rss([{"title": "E", "link": srv.url("/e/1"),
                                         "description": "t"},
                                        {"title": "F", "link": srv.url("/e/2"),
                                         "description": "t"}])))
    srv.route("/e/1", Route(body=page("E", "BROKEN article text that is long enough " * 5)))
    srv.route("/e/2", Route(body=page("F", story_text("Aoba Motors", "Gujarat", 6, "x"))))
    w = watcher(tmp_path)
    r = w.poll([SourceSpec(url=srv.url("/e.xml"))])
    assert (r.stored, r.failed_items) == (1, 1)


def test_run_polls_again_after_the_interval_until_stopped(srv: LocalServer, tmp_path: Path
                                                          ) -> None:
    import threading
    import time

    srv.route("/i.xml", Route(body=rss([])))
    w = watcher(tmp_path)
    spec = [SourceSpec(url=srv.url("/i.xml"), interval=1)]
    t = threading.Thread(target=w.run, args=(spec,), daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while sum(srv.count("/i.xml").values()) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    w.stop.set()
    t.join(timeout=10)
    assert not t.is_alive()
    assert srv.count("/i.xml")["200"] == 1 and srv.count("/i.xml")["304"] >= 1


def test_retry_after_postpones_the_source(srv: LocalServer, tmp_path: Path) -> None:
    import datetime as dt

    srv.route("/busy.xml", Route(statuses=[503], headers={"Retry-After": "7200"}))
    w = watcher(tmp_path)
    spec = [SourceSpec(url=srv.url("/busy.xml"), interval=60)]
    w.poll(spec)
    h = source_health(w.store)[0]
    nxt = dt.datetime.strptime(h["next_poll_at"], "%Y-%m-%dT%H:%M:%S.%fZ")
    assert nxt - dt.datetime.now(dt.UTC).replace(tzinfo=None) > dt.timedelta(minutes=110)
    assert srv.count("/busy.xml") == {"503": 1}  # not hammered
    assert w.poll(spec, force=False).sources == 0  # not due


def test_item_redirecting_to_loopback_is_refused(srv: LocalServer, tmp_path: Path) -> None:
    """The feed's host counts as public here (a trusted address:port, as a real outlet
    would be); its item redirects to 127.0.0.1 on another port: refused, never
    connected, the error kept on the item, the other item stored."""
    store = open_store(str(tmp_path / "w.db"))
    fetcher = Fetcher(min_delay=0.0, backoff=0.01, timeout=2.0, retries=1,
                      trusted=[("127.0.0.1", srv.port)],
                      resolver=lambda host, port: ["127.0.0.1"])
    w = Watcher(store, fetcher, extract=fake_extract, no_embed=True, say=lambda _: None)
    base = f"http://outlet.test:{srv.port}"
    srv.route("/r.xml", Route(body=rss([
        {"title": "A", "link": f"{base}/go", "description": "t"},
        {"title": "B", "link": f"{base}/fine", "description": "t"}])))
    srv.route("/go", Route(redirect=f"http://127.0.0.1:{srv.port + 1}/admin"))
    srv.route("/fine", Route(body=page("B", story_text("Aoba Motors", "Gujarat", 3, "x"))))
    r = w.poll([SourceSpec(url=f"{base}/r.xml")])
    assert (r.stored, r.failed_items) == (1, 1)
    from sqlalchemy import select

    from pactwatch.store import schema as s
    with store.read() as conn:
        err = conn.execute(select(s.watch_items.c.error).where(
            s.watch_items.c.status == "failed")).scalar_one()
    assert "loopback" in err and "--allow-private" in err
