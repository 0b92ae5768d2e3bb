"""Pages and API over untrusted text: escaped everywhere, strict headers, bounded input.

A hostile article (markup and a javascript: URL in its title, body, URL and a company
name) is stored; every page that shows it must carry the text escaped and no live
markup, no javascript: link; every response carries the CSP and friends; ETags, gzip,
no CORS; parameters past their bounds are refused with a clear 4xx.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import HOSTILE_NAME, IMG, SCRIPT, SVG, hostile_record

from pactwatch.serve import create_app
from pactwatch.store import open_store
from pactwatch.store.ingest import Ingestor
from pactwatch.store.synthetic import synthetic_records


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    store = open_store(str(tmp_path_factory.mktemp("serve") / "s.db"))
    ing = Ingestor(store, embedder=None, report=lambda line: None)
    for rec in [*synthetic_records(30), hostile_record()]:
        ing.ingest_record(rec)
    assert ing.report.stored == 31, ing.report.failed
    return TestClient(create_app(store, token=""))


def _hostile_story(c: TestClient) -> int:
    items = c.get("/api/v1/events", params={"entity": "name:evil-corp"}).json()["items"]
    assert len(items) == 1
    return items[0]["story"]


class _Tags(HTMLParser):
    """Every element a browser would build from the page, with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _live_markup(html: str) -> list[str]:
    """What in the page could run script: handler attributes, script elements other
    than the app's own file, injected img/svg-with-handler, javascript: links."""
    p = _Tags()
    p.feed(html)
    bad = []
    for tag, attrs in p.tags:
        if any(k.startswith("on") for k in attrs):
            bad.append(f"<{tag}> with {sorted(attrs)}")
        if tag == "script" and attrs.get("src") != "/static/app.js":
            bad.append(f"<script {attrs}>")
        if tag == "img":
            bad.append(f"<img {attrs}>")
        for k in ("href", "src", "action", "formaction"):
            if (attrs.get(k) or "").strip().lower().startswith("javascript:"):
                bad.append(f"<{tag} {k}={attrs[k]}>")
    return bad


def test_serve_hostile_text_is_escaped_on_every_page(client: TestClient) -> None:
    sid = _hostile_story(client)
    pages = ["/", "/?entity=name:evil-corp", f"/stories/{sid}", "/entities/name:evil-corp",
             "/entities/in-state:GJ", "/search?q=Evil+Corp", "/search?q=pwned", "/partners"]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        html = r.text
        assert _live_markup(html) == [], url
        if url not in ("/search?q=pwned",):
            assert re.search(r"Evil Corp &(#34|quot);&gt;&lt;svg onload=", html), \
                f"{url}: the hostile name is not shown, escaped"
    story = client.get(f"/stories/{sid}").text
    assert "&lt;script&gt;window.__pwned = 1" in story  # the evidence, shown literally
    assert '<a class="src"' not in story  # no link for a javascript: URL
    api = client.get(f"/api/v1/stories/{sid}").json()
    assert api["reports"][0]["title"] == "Hostile " + SCRIPT + IMG  # JSON keeps it as is
    assert HOSTILE_NAME in api["participants"] and SVG in HOSTILE_NAME


def test_serve_http_source_links_are_safe(client: TestClient) -> None:
    r = client.get("/api/v1/events", params={"limit": 1, "entity": "co:aoba-motors"}).json()["items"][0]
    html = client.get(f"/stories/{r['story']}").text
    links = re.findall(r'<a class="src" href="([^"]+)" rel="([^"]+)"', html)
    assert links and all(h.startswith(("http://", "https://")) and rel == "noopener noreferrer"
                          for h, rel in links)


def test_serve_security_headers_everywhere(client: TestClient) -> None:
    for url in ("/", "/static/style.css", "/api/v1/events", "/docs", "/api/v1/nothing",
                "/stories/999999", "/events.csv"):
        r = client.get(url, headers={"Origin": "https://elsewhere.example"})
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "access-control-allow-origin" not in r.headers, f"{url}: CORS must be off"
    html = client.get("/").text
    assert "<script>" not in html and "<script " in html and 'src="/static/app.js"' in html
    assert " style=" not in html and "<style" not in html  # the CSP would block them


def test_serve_etag_gzip_and_bounds(client: TestClient) -> None:
    sid = _hostile_story(client)
    for url in (f"/api/v1/stories/{sid}", "/api/v1/entities/in-state:GJ"):
        r = client.get(url)
        tag = r.headers["etag"]
        again = client.get(url, headers={"If-None-Match": tag})
        assert again.status_code == 304 and again.content == b""
    r = client.get("/", headers={"Accept-Encoding": "gzip"})
    assert r.headers.get("content-encoding") == "gzip"
    assert client.get("/api/v1/events", params={"limit": 500}).status_code == 422
    assert client.get("/api/v1/search", params={"q": "x" * 500}).status_code == 422
    r = client.get("/api/v1/events", params={"cursor": "not-a-cursor"})
    assert r.status_code == 400 and "cursor" in r.json()["detail"]
    r = client.get("/api/v1/events", params={"since": "last tuesday"})
    assert r.status_code == 400 and "not a date" in r.json()["detail"]
    assert client.get("/api/v1/stories/999999").json()["detail"].startswith("there is no story")
    assert client.get("/?state=" + "x" * 300).status_code == 400
    assert client.get("/search?q=" + "y" * 300).status_code == 400
    assert client.get("/stories/999999").status_code == 404


def test_serve_every_list_downloads_as_csv(client: TestClient) -> None:
    sid = _hostile_story(client)
    for url, header in (("/events.csv?type=investment", "story,type,status"),
                        (f"/stories/{sid}/sources.csv", "story,article,source"),
                        ("/entities/in-state:GJ/timeline.csv", "story,type,status"),
                        ("/entities/in-state:GJ/partners.csv", "id,name,kind"),
                        ("/search.csv?q=Motors", "article,doc,url"),
                        ("/partners.csv", "state_id,state,partner_id")):
        r = client.get(url)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv"), url
        assert r.text.startswith(header) and len(r.text.splitlines()) > 1, url
    csv_text = client.get(f"/stories/{sid}/sources.csv").text
    assert "\n'=" not in csv_text and SCRIPT in csv_text  # CSV keeps text as text


def test_serve_entity_by_name_in_any_script(client: TestClient) -> None:
    r = client.get("/entities/गुजरात", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/entities/in-state:GJ"
    assert client.get("/entities/グジャラート州", follow_redirects=False).status_code == 303
    assert client.get("/entities/nobody-at-all").status_code == 404
