"""Speed of ``watch``: one poll of many local feeds with new items, then a poll where
nothing changed (every feed answers 304).

    .venv/bin/python benchmarks/bench_watch.py [--feeds 200] [--items 20]
                                               [--extract records|real] [--workers 8]

Everything is served by ``pactwatch.watch.localserver`` on 127.0.0.1; each feed has its
own host name (``feedN.test``, resolved to 127.0.0.1 by a stub resolver, with
``allow_private``) so the per-host gate sees 200 hosts, as in real life.  Each item is
a summary-only RSS entry whose link is an HTML page, so every item costs a page fetch
and a trafilatura read.  ``--min-delay`` is 0 here (the default of 1 s per host would
measure the politeness delay, not the code).

``--extract records`` (default) skips the language models: a page's "extraction" is the
synthetic article record it was generated from (``pactwatch.store.synthetic``, 2 events
each), so the figure is the watch machinery (fetch, read, ingest, story matching,
watchlist check) alone.  ``--extract real`` runs the real extractor (ingest without the
embedding, like ``--no-embed``); use fewer feeds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pactwatch.read.base import Document  # noqa: E402
from pactwatch.store import open_store  # noqa: E402
from pactwatch.store.synthetic import synthetic_record  # noqa: E402
from pactwatch.watch.alerts import Alerter, Watchlist  # noqa: E402
from pactwatch.watch.fetch import Fetcher  # noqa: E402
from pactwatch.watch.localserver import LocalServer, Route  # noqa: E402
from pactwatch.watch.poll import Watcher, default_extract  # noqa: E402
from pactwatch.watch.sources import SourceSpec  # noqa: E402


def page(title: str, body: str) -> bytes:
    return (f"<!doctype html><html><head><title>{escape(title)}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{escape(title)}</h1>"
            f"<p>{escape(body)}</p></article><footer>footer</footer></body></html>").encode()


def feed(links: list[tuple[str, str]]) -> bytes:
    items = "".join(f"<item><title>{escape(t)}</title><link>{escape(u)}</link>"
                    f"<description>teaser</description></item>" for t, u in links)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>bench</title>"
            f"<link>http://bench.test/</link><description>d</description>{items}"
            f"</channel></rss>").encode()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--feeds", type=int, default=200)
    ap.add_argument("--items", type=int, default=20)
    ap.add_argument("--extract", choices=("records", "real"), default="records")
    ap.add_argument("--workers", type=int, default=8)
    ap.add_argument("--db", help="store (default: a temporary SQLite file)")
    a = ap.parse_args()

    records: dict[str, dict[str, Any]] = {}
    with LocalServer() as srv, tempfile.TemporaryDirectory() as tmp:
        specs = []
        for f in range(a.feeds):
            host = f"feed{f}.test"
            links = []
            for j in range(a.items):
                i = f * a.items + j
                rec = synthetic_record(i)
                path = f"/f{f}/a/{j}"
                url = srv.url(path, host)
                srv.route(path, Route(body=page(rec["title"], rec["body"])))
                records[url] = rec
                links.append((rec["title"], url))
            srv.route(f"/f{f}/feed.xml", Route(body=feed(links),
                                                content_type="application/rss+xml"))
            specs.append(SourceSpec(url=srv.url(f"/f{f}/feed.xml", host), max_items=a.items))

        def from_records(docs: list[Document]) -> list[Any]:
            out: list[Any] = []
            for d in docs:
                rec = dict(records[d.url or ""])
                body = rec.pop("body")
                out.append((rec, body))
            return out

        store = open_store(a.db or str(Path(tmp) / "bench.db"))
        fetcher = Fetcher(allow_private=True, min_delay=0.0,
                          resolver=lambda host, port: ["127.0.0.1"])
        alerter = Alerter(store, [Watchlist.from_dict({"name": "gujarat", "state": "Gujarat"})],
                          log=lambda _: None)
        extract = from_records if a.extract == "records" else default_extract()
        from pactwatch.store.query import _kb_names

        _kb_names()  # the KB's names, loaded once per process by the first watchlist check
        if a.extract == "real":  # load the models before the clock starts
            extract([Document(doc="warm-up", text="The Gujarat government met Toyota.")])
        w = Watcher(store, fetcher, extract=extract, no_embed=True, alerter=alerter,
                    workers=a.workers, say=lambda _: None)
        req0 = fetcher.requests
        t0 = time.perf_counter()
        r1 = w.poll(specs)
        t1 = time.perf_counter() - t0
        req1 = fetcher.requests - req0
        t0 = time.perf_counter()
        r2 = w.poll(specs)
        t2 = time.perf_counter() - t0
        req2 = fetcher.requests - req0 - req1
        counts = store.counts()
        store.close()
        fetcher.close()

    print(f"first poll : {a.feeds} feeds x {a.items} new items ({a.extract} extraction): "
          f"{r1.stored} stored, {r1.unchanged} unchanged, {r1.failed_items} failed, "
          f"{r1.alerts} alerts, {req1} requests in {t1:.1f} s -> "
          f"{r1.items / t1:.1f} items/s end to end")
    print(f"second poll: nothing changed: {r2.not_modified}/{r2.sources} answered 304, "
          f"{req2} requests in {t2:.2f} s -> {1000 * t2 / max(1, r2.sources):.1f} ms per source")
    print(f"store: {counts}")


if __name__ == "__main__":
    main()
