"""The web app in a real Chromium (Debian's ``chromium`` driven by Playwright).

``pactwatch serve`` runs as a separate process on a store that ``pactwatch ingest``
built from the team corpus (tests/corpus/articles), plus two records written for these
tests: a later report of one corpus story whose figures disagree, and a hostile article.
The browser then does what an analyst does: filter the overview and watch the table and
the timeline change, open a story with every source and the disagreeing figures, open an
entity by its Hindi name, search in Japanese, download a CSV.  On every page that shows
the hostile article no script may run (no dialog; the sentinel global stays undefined)
and its text must be shown literally.  A screenshot of each page is saved under
``$PACTWATCH_ARTIFACTS`` (default ``build/test-artifacts/serve``).

Without Chromium or Playwright the tests skip with the reason, unless
``PACTWATCH_REQUIRE_BROWSER=1`` (set by ``.ci/run``) makes that a failure.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from serve_fixtures import SCRIPT, hostile_record, jsonl

from pactwatch.serve.common import DEFAULT_PAGE

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(os.environ.get("PACTWATCH_ARTIFACTS") or ROOT / "build" / "test-artifacts"
                 / "serve")


def _unavailable(reason: str) -> None:
    if os.environ.get("PACTWATCH_REQUIRE_BROWSER") == "1":
        pytest.fail(f"the browser tests are required here but {reason}")
    pytest.skip(f"BROWSER TESTS SKIPPED: {reason}")


def _cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "pactwatch.cli", *args], env=env,
                          capture_output=True, text=True, timeout=timeout, cwd=ROOT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as r:  # noqa: S310 (loopback only)
        return json.loads(r.read())


def _disagreeing_report(records: list[dict[str, Any]]) -> dict[str, Any]:
    """A later report by another outlet of the corpus's first story with an amount,
    giving a different amount and job count."""
    for rec in records:
        for i, ev in enumerate(rec["events"]):
            if ev.get("amount") and rec["lang"] == "en":
                new = json.loads(json.dumps(rec))
                new["doc"] = "followup_" + rec["doc"]
                new["url"] = "https://followup.example/business/update"
                new["body"] = rec["body"] + "\n\n(Updated with revised figures.)"
                ev2 = new["events"][i]
                ev2["amount"] = {**ev["amount"], "value": ev["amount"]["value"] * 1.25}
                ev2["jobs"] = (ev.get("jobs") or 1000) + 777
                new["events"] = [ev2]
                return new
    raise AssertionError("the corpus has no English event with an amount")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        _unavailable("Debian's chromium is not installed (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    tmp = tmp_path_factory.mktemp("browser")
    db = str(tmp / "corpus.db")
    r = _cli("ingest", "--quiet", "--no-embed", "--db", db, "tests/corpus/articles")
    assert r.returncode == 0, r.stderr
    r = _cli("export", "--quiet", "--db", db, "--what", "articles", "--format", "jsonl",
             "-o", str(tmp / "records.jsonl"))
    assert r.returncode == 0, r.stderr
    records = [json.loads(x) for x in (tmp / "records.jsonl").read_text().splitlines()]
    (tmp / "extra.jsonl").write_bytes(jsonl([_disagreeing_report(records), hostile_record()]))
    r = _cli("ingest", "--quiet", "--no-embed", "--db", db, str(tmp / "extra.jsonl"))
    assert r.returncode == 0, r.stderr
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("PACTWATCH_TOKEN", None)
    proc = subprocess.Popen([sys.executable, "-m", "pactwatch.cli", "serve", "--db", db,
                             "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                _get(base + "/api/v1/stats")
                break
            except OSError:
                if proc.poll() is not None:
                    raise AssertionError(proc.stderr.read() if proc.stderr else "") from None
                time.sleep(0.5)
        else:
            raise AssertionError("pactwatch serve did not answer within 60 s")
        yield base
    finally:
        proc.terminate()
        try:
            _, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        assert "bound to 127.0.0.1" in err, err  # it said where it listens


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    pg = ctx.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    try:
        yield pg
    finally:
        ctx.close()


def _shot(pg: Any, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_serve_browser_overview_filter_changes_table_and_timeline(server: str,
                                                                  page: Any) -> None:
    page.goto(server + "/")
    total = int(page.get_attribute("#timeline svg", "data-total"))
    rows = page.locator("#stories tbody tr").count()
    assert total > 0 and rows > 0
    _shot(page, "overview")
    # a type with fewer stories than one page of the table (the corpus has 60-odd
    # articles, so investments alone now fill a page of 50)
    page.select_option("select[name=type]", "policy")  # app.js submits the form
    page.wait_for_url("**/?type=policy")
    assert page.locator("select[name=type]").input_value() == "policy"
    new_total = int(page.get_attribute("#timeline svg", "data-total"))
    types = page.locator("#stories tbody tr td:nth-child(2)").all_inner_texts()
    # the filter narrows the timeline; the table shows one page of the narrower set (it can
    # still be a full page when the corpus grows, so no "fewer rows" test on the table)
    assert 0 < new_total < total and 0 < len(types) <= rows
    assert set(types) == {"policy"}
    legend = page.locator("#timeline svg text.lg").all_text_contents()
    assert legend == ["policy"]
    _shot(page, "overview-policy")


def test_serve_browser_story_shows_every_source_and_disagreement(server: str,
                                                                 page: Any) -> None:
    # the corpus grows past one page of stories: follow the pages
    items: list[dict[str, Any]] = []
    cursor = ""
    while True:
        page_ = _get(server + "/api/v1/events?limit=200" + (f"&cursor={quote(cursor)}" if cursor else ""))
        items += page_["items"]
        cursor = page_.get("next_cursor") or ""
        if not cursor:
            break
    story = next(r for r in items if r["disagree"] and len(r["articles"]) >= 2)
    page.goto(f"{server}/stories/{story['story']}")
    reports = page.locator("article.report")
    assert reports.count() == len(story["articles"])
    outlets = page.locator("article.report .outlet").all_inner_texts()
    assert sorted(outlets) == sorted(a["source"] for a in story["articles"])
    assert page.locator("#figures .badge.warn").count() == 1
    table = page.locator("table.figs.disagree").first
    values = table.locator("tbody td.num").all_inner_texts()
    assert len(set(values)) >= 2  # both figures, side by side
    assert "followup.example" in table.inner_text()
    assert page.locator("blockquote.evidence mark").count() >= len(story["articles"])
    link = page.locator("a.src").first
    assert link.get_attribute("rel") == "noopener noreferrer"
    _shot(page, "story-disagree")


def test_serve_browser_entity_by_hindi_name(server: str, page: Any) -> None:
    page.goto(server + "/entities/तमिलनाडु")
    assert page.url.endswith("/entities/in-state:TN")
    assert page.locator("h1").inner_text().startswith("Tamil Nadu")
    assert page.locator("#network svg circle").count() >= 2
    assert page.locator("#timeline svg rect").count() >= 1
    _shot(page, "entity-hindi")


def test_serve_browser_search_in_japanese_and_csv(server: str, page: Any) -> None:
    page.goto(server + "/search")
    page.fill("form.bigsearch input[name=q]", "半導体")
    page.press("form.bigsearch input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    hits = page.locator("#hits li")
    assert hits.count() >= 1
    assert "半導体" in page.locator("#hits mark").first.inner_text()
    assert hits.first.get_attribute("lang") == "ja"
    _shot(page, "search-japanese")
    # a type with fewer stories than one page of the table: investments passed 50 when
    # the corpus reached 70-odd articles, so the table shows a page and the CSV all
    page.goto(server + "/?type=policy")
    with page.expect_download() as dl:
        page.click("text=Download CSV")
    path = dl.value.path()
    rows = list(csv.DictReader(io.StringIO(Path(path).read_text(encoding="utf-8"))))
    assert rows and {r["type"] for r in rows} == {"policy"}
    # the CSV holds every filtered story, the table one page of them
    assert page.locator("#stories tbody tr").count() == min(len(rows), DEFAULT_PAGE)
    page.goto(server + "/partners")
    assert page.locator("#matrix td").count() > 0
    _shot(page, "partners")


def test_serve_browser_hostile_article_runs_no_script(server: str, page: Any) -> None:
    items = _get(server + "/api/v1/events?entity=name:evil-corp")["items"]
    sid = items[0]["story"]
    for name, url in (("hostile-overview", "/"), ("hostile-story", f"/stories/{sid}"),
                      ("hostile-entity", "/entities/name:evil-corp"),
                      ("hostile-search", "/search?q=Evil+Corp"),
                      # the hostile event's day: the matrix keeps the 25 busiest
                      # partners, and the growing corpus outnumbers a one-story company
                      ("hostile-partners", "/partners?since=2026-06-01&until=2026-06-01"),
                      ("hostile-gujarat", "/entities/in-state:GJ")):
        page.goto(server + url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__pwned") == "undefined", url
        assert page.dialogs == [], url
        assert "Evil Corp \"><svg onload=" in page.locator("main").inner_text(), url
        _shot(page, name)
    page.goto(f"{server}/stories/{sid}")
    text = page.locator("main").inner_text()
    assert SCRIPT in text and "javascript:" in text  # shown literally, never as a link
    assert page.locator("a[href^='javascript']").count() == 0
    page.locator("svg").first.hover() if page.locator("svg").count() else None
    assert page.evaluate("typeof window.__pwned") == "undefined" and page.dialogs == []
