"""Speed of ``pactwatch serve``: API latency and overview render on a large store.

    .venv/bin/python benchmarks/bench_serve.py --keep DIR [--events 1000000] [--runs 15]

Uses the query store of ``benchmarks/bench_store.py`` (``DIR/query-<events>.db``; built
by its bulk insert when missing, about 5 minutes for 1,000,000 events), starts
``pactwatch serve`` on it as a separate process on 127.0.0.1, and times HTTP requests
from this process: each figure is the median wall-clock time of ``--runs`` requests
after one warm-up, so it includes HTTP and JSON encoding, an upper bound of the time
the server spends.  Pages are timed the same way (server-side render plus loopback).
"server ms" is the app's own ``Server-Timing`` (wall clock until the response
starts), "cpu ms" the CPU time the server process spent on the request: on a machine
busy with other work the wall clock includes waiting for a core, the CPU time not.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

REQUESTS: list[tuple[str, str]] = [
    ("api", "/api/v1/events?state=Gujarat&type=investment&since=1975-01&until=1975-06"),
    ("api", "/api/v1/events?entity=青葉自動車&since=1990&until=1990"),
    ("api", "/api/v1/events?entity=Aoba+Motors&sector=automotive"),
    ("api", "/api/v1/events?country=JP&status=planned"),
    ("api", "/api/v1/events?type=agreement&since=2000&until=2004"),
    ("api", "/api/v1/events?lang=hi&type=facility"),
    ("api", "/api/v1/events"),
    ("api", "/api/v1/events?cursor=NEXT"),  # the second page of the line above
    ("api", "/api/v1/search?q=Kawase+Steel"),
    ("api", "/api/v1/search?q=青葉自動車"),
    ("api", "/api/v1/search?q=%22article+123456%22"),
    ("api", "/api/v1/stories/1000"),
    ("api", "/api/v1/entities?q=Aoba"),
    ("page", "/"),
    ("page", "/?state=Gujarat&type=investment"),
    ("page", "/?country=JP&since=2000&until=2004"),
    ("page", "/stories/1000"),
    ("page", "/search?q=青葉自動車"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _timing(header: str, name: str) -> float:
    """One metric's ``dur`` from a Server-Timing header (NaN when absent)."""
    for part in header.split(","):
        bits = [b.strip() for b in part.split(";")]
        if bits[0] == name:
            for b in bits[1:]:
                if b.startswith("dur="):
                    return float(b[4:])
    return float("nan")


def _fetch(url: str) -> tuple[float, bytes, float, float]:
    """(client ms, body, server ms and server CPU ms from the Server-Timing header)."""
    t0 = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as r:  # noqa: S310 (loopback only)
        body = r.read()
        timing = r.headers.get("Server-Timing", "")
    return ((time.perf_counter() - t0) * 1000, body, _timing(timing, "app"),
            _timing(timing, "cpu"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keep", required=True, help="bench_store.py's folder (--keep DIR)")
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--db", help="another store URL instead of DIR/query-<events>.db")
    ap.add_argument("--runs", type=int, default=15)
    a = ap.parse_args()
    db = a.db or str(Path(a.keep) / f"query-{a.events}.db")
    if not a.db and not Path(db).exists():
        from bench_store import build_bulk  # type: ignore[import-not-found]

        from pactwatch.store import open_store

        store = open_store(db)
        print(f"build: {a.events} events by bulk insert into {db}", flush=True)
        build_bulk(store, a.events)
        store.close()
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PACTWATCH_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "pactwatch.cli", "serve", "--db", db,
                             "--port", str(port)], env=env, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                _fetch(base + "/api/v1/stats")
                break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit(proc.stderr.read() if proc.stderr else "server died") from None
                time.sleep(0.5)
        import json

        stats = json.loads(_fetch(base + "/api/v1/stats")[1])
        print(f"store: {stats}")
        first = json.loads(_fetch(base + "/api/v1/events")[1])
        nxt = urllib.parse.quote(first["next_cursor"])
        print(f"{'kind':<5} {'request':<70} {'first ms':>8} {'server ms':>9} "
              f"{'cpu ms':>7} {'client ms':>9} {'rows/bytes':>10}")
        for kind, path in REQUESTS:
            path = path.replace("NEXT", nxt)
            url = base + urllib.parse.quote(path, safe="/?=&%+:")
            _, body, first, _ = _fetch(url)  # the first request: nothing cached by the app
            runs = [_fetch(url) for _ in range(a.runs)]
            size = (len(json.loads(body).get("items", [])) if kind == "api" and
                    body.startswith(b"{") and b'"items"' in body[:20] else len(body))
            print(f"{kind:<5} {urllib.parse.unquote(path):<70} {first:>8.1f} "
                  f"{statistics.median(r[2] for r in runs):>9.1f} "
                  f"{statistics.median(r[3] for r in runs):>7.1f} "
                  f"{statistics.median(r[0] for r in runs):>9.1f} {size:>10}", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
