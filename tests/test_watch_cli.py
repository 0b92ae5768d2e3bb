"""``pactwatch watch`` / ``sources`` / ``alerts`` end to end with the real extractor, the
loopback refusal without ``--allow-private``, and a ``watch`` killed mid-poll (SIGKILL)
then restarted: nothing lost, nothing doubled.  All traffic stays on 127.0.0.1."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchkit import page, rss

from pactwatch.watch.localserver import LocalServer, Route

SRC = str(Path(__file__).parents[1] / "src")
STATES = ["Gujarat", "Tamil Nadu", "Karnataka", "Haryana", "Maharashtra", "Uttar Pradesh"]
FIRMS = ["Aoba Motors", "Kawase Steel", "Sakura Batteries", "Hoshino Denki"]


def article(n: int) -> tuple[str, str]:
    """A short English report we wrote: a state signs an MoU with a Japanese firm."""
    state, firm = STATES[n % len(STATES)], FIRMS[n % len(FIRMS)]
    title = f"{state} signs MoU with {firm} (report {n})"
    text = (f"The {state} government on Tuesday signed a memorandum of understanding with "
            f"Japan's {firm} for a new plant, with an investment of Rs {100 + 10 * n} crore. "
            f"Officials said the plant would create {200 + n} jobs.\n\n"
            f"Report number {n}: construction is expected to begin next year.")
    return title, text


def run(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-m", "pactwatch.cli", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)


@pytest.fixture
def srv() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


def serve(srv: LocalServer, n: int, delay: float = 0.0) -> None:
    items = []
    for i in range(n):
        title, text = article(i)
        srv.route(f"/news/{i}", Route(body=page(title, text), delay=delay))
        items.append({"title": title, "link": srv.url(f"/news/{i}"), "guid": f"id-{i}",
                      "description": "teaser", "pubDate": "Tue, 07 Oct 2025 10:00:00 +0530"})
    srv.route("/feed.xml", Route(body=rss(items), content_type="application/rss+xml"))


def sources_file(tmp_path: Path, srv: LocalServer, **extra: str) -> Path:
    p = tmp_path / "sources.yaml"
    p.write_text(
        f"sources:\n  - url: {srv.url('/feed.xml')}\n    outlet: Test wire\n"
        "watchlists:\n  - name: gujarat\n    state: Gujarat\n"
        f"alerts:\n  jsonl: {tmp_path / 'alerts.jsonl'}\n", encoding="utf-8")
    return p


def test_watch_once_sources_and_alerts(srv: LocalServer, tmp_path: Path) -> None:
    serve(srv, 2)
    db = str(tmp_path / "w.db")
    src = sources_file(tmp_path, srv)
    r = run("watch", str(src), "--db", db, "--once", "--allow-private", "--no-embed",
            "--min-delay", "0")
    assert r.returncode == 0, r.stderr
    assert "2 stored" in r.stderr and "alert [gujarat]" in r.stdout
    alerts = [json.loads(x) for x in (tmp_path / "alerts.jsonl").read_text().splitlines()]
    assert alerts and all("Gujarat" in a["participants"] for a in alerts)
    s = run("sources", "--db", db, "--format", "json")
    row = json.loads(s.stdout.splitlines()[0])
    assert row["health"] == "ok" and row["items_stored"] == 2 and row["kind"] == "feed"
    assert "gujarat" in run("alerts", "--db", db).stdout
    assert json.loads(run("watchlists", "--db", db).stdout)["state"] == "Gujarat"
    # a second run: the feed answers 304, nothing is fetched or stored again
    r2 = run("watch", str(src), "--db", db, "--once", "--allow-private", "--no-embed",
             "--min-delay", "0")
    assert "1 not modified" in r2.stderr and "0 new items" in r2.stderr
    assert srv.count("/news/0") == {"200": 1} and srv.count("/feed.xml") == {"200": 1, "304": 1}


def test_loopback_refused_without_allow_private(srv: LocalServer, tmp_path: Path) -> None:
    serve(srv, 1)
    db = str(tmp_path / "w.db")
    r = run("watch", str(sources_file(tmp_path, srv)), "--db", db, "--once", "--no-embed")
    assert r.returncode == 1
    assert "loopback" in r.stderr and "--allow-private" in r.stderr
    assert srv.hits == [], "not one request reached the server"
    row = json.loads(run("sources", "--db", db, "--format", "json").stdout.splitlines()[0])
    assert row["health"] == "failing" and "loopback" in row["last_error"]


def test_bad_sources_file_is_a_usage_error(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text("- url: ftp://example.org/feed\n", encoding="utf-8")
    r = run("watch", str(p), "--db", str(tmp_path / "w.db"), "--once")
    assert r.returncode == 2 and "not an http(s) URL" in r.stderr


def _count(db: str, sql: str) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return int(conn.execute(sql).fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def test_kill_mid_poll_and_restart(srv: LocalServer, tmp_path: Path) -> None:
    n = 12
    serve(srv, n, delay=0.25)
    db = str(tmp_path / "w.db")
    src = sources_file(tmp_path, srv)
    args = [sys.executable, "-m", "pactwatch.cli", "watch", str(src), "--db", db, "--once",
            "--allow-private", "--no-embed", "--min-delay", "0"]
    proc = subprocess.Popen(args, env={**os.environ, "PYTHONPATH": SRC},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 180
        while _count(db, "SELECT count(*) FROM articles") < 3:
            assert proc.poll() is None, "watch ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    stored_before = _count(db, "SELECT count(*) FROM articles")
    assert 3 <= stored_before < n, "killed mid-poll"
    with sqlite3.connect(db) as conn:
        before = {u for (u,) in conn.execute("SELECT url FROM articles")}
    r = run("watch", str(src), "--db", db, "--once", "--allow-private", "--no-embed",
            "--min-delay", "0")
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as conn:
        urls = [u for (u,) in conn.execute("SELECT url FROM articles")]
        items = conn.execute("SELECT status, count(*) FROM watch_items GROUP BY status"
                             ).fetchall()
        alerts = conn.execute("SELECT watchlist, story_id, count(*) FROM watch_alerts "
                              "GROUP BY watchlist, story_id, reason HAVING count(*) > 1"
                              ).fetchall()
    assert len(urls) == n and len(set(urls)) == n, "nothing lost, nothing doubled"
    assert dict(items) == {"stored": n}
    assert alerts == []
    for i in range(n):  # a page whose article was committed before the kill: fetched once
        if srv.url(f"/news/{i}") in before:
            assert srv.count(f"/news/{i}") == {"200": 1}
