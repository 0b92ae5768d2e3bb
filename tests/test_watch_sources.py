"""The sources file and what a fetched source lists: kinds guessed, config errors as
clear sentences, article links told from navigation, XML that cannot reach local files."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.watch.sources import (
    ConfigError,
    ListingError,
    SourceSpec,
    guess_kind,
    load_config,
    looks_like_article,
    parse_interval,
    parse_listing,
)


def test_intervals() -> None:
    assert [parse_interval(x) for x in ("15m", "1h", "90s", "1d", 120, "2.5m")] == \
        [900, 3600, 90, 86400, 120, 150]
    with pytest.raises(ConfigError, match="not a duration"):
        parse_interval("soon")


def test_load_config_list_and_mapping(tmp_path: Path) -> None:
    p = tmp_path / "s.yaml"
    p.write_text("- https://example.org/rss\n- url: https://example.org/sitemap.xml\n"
                 "  kind: sitemap\n  interval: 30m\n", encoding="utf-8")
    cfg = load_config(p)
    assert [s.url for s in cfg.sources] == ["https://example.org/rss",
                                            "https://example.org/sitemap.xml"]
    assert cfg.sources[1].kind == "sitemap" and cfg.sources[1].interval == 1800
    p.write_text("sources: [https://example.org/rss]\nwatchlists:\n  - name: x\n    state: Goa\n"
                 "alerts: {jsonl: a.jsonl}\n", encoding="utf-8")
    cfg = load_config(p)
    assert cfg.watchlists == [{"name": "x", "state": "Goa"}] and cfg.alerts["jsonl"] == "a.jsonl"


@pytest.mark.parametrize("text,message", [
    ("- url: file:///etc/passwd\n", r"not an http\(s\) URL"),
    ("- url: https://a.example/x\n  kind: blog\n", "kind 'blog'"),
    ("- url: https://a.example/x\n  colour: red\n", "unknown key"),
    ("- url: https://a.example/x\n- url: https://a.example/x\n", "listed twice"),
    ("- url: https://a.example/x\n  match: '('\n", "not a regular expression"),
    ("sources: []\nextra: 1\n", "unknown section"),
    ("[unclosed\n", "not valid YAML"),
])
def test_config_errors(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "s.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(p)


def test_guess_kind() -> None:
    assert guess_kind(b'<?xml version="1.0"?>\n<rss version="2.0">') == "feed"
    assert guess_kind(b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert guess_kind(b"<?xml version='1.0'?><urlset xmlns='x'>") == "sitemap"
    assert guess_kind(b"<sitemapindex>") == "sitemap"
    assert guess_kind(b"<!doctype html><html><body>") == "page"


def test_article_links() -> None:
    base = "https://news.example/business/"
    assert looks_like_article("https://news.example/business/gujarat-signs-mou-with-firm", base)
    assert looks_like_article("https://www.news.example/2025/10/07/123456", base)
    assert not looks_like_article("https://news.example/tag/steel", base)
    assert not looks_like_article("https://news.example/business/", base)
    assert not looks_like_article("https://other.example/a-b-c-d-e", base)
    assert not looks_like_article("https://news.example/about", base)
    assert not looks_like_article("mailto:desk@news.example", base)


def test_sitemap_index_and_entities_are_not_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY x SYSTEM "file://{secret}">]>'
           '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           '<url><loc>https://news.example/a-b-c-d&x;</loc></url></urlset>').encode()
    listing = parse_listing("sitemap", xxe, "https://news.example/s.xml",
                            SourceSpec(url="https://news.example/s.xml"))
    assert all("TOP SECRET" not in (i.url or "") for i in listing.items)
    idx = (b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b"<sitemap><loc>/old.xml</loc><lastmod>2024-01-01</lastmod></sitemap>"
           b"<sitemap><loc>/new.xml</loc><lastmod>2025-10-01</lastmod></sitemap></sitemapindex>")
    kids = parse_listing("sitemap", idx, "https://news.example/i.xml",
                         SourceSpec(url="https://news.example/i.xml")).children
    assert kids == ["https://news.example/new.xml", "https://news.example/old.xml"]
    with pytest.raises(ListingError, match="malformed XML"):
        parse_listing("sitemap", b"<urlset><url><loc>x", "https://n.example/",
                      SourceSpec(url="https://n.example/"))


def test_feed_entry_without_link_uses_its_content() -> None:
    body = (b"<rss version='2.0'><channel><title>t</title><item><guid>urn:x:1</guid>"
            b"<description>Only text here, and no link at all.</description></item>"
            b"</channel></rss>")
    items = parse_listing("feed", body, "https://n.example/f", SourceSpec(url="https://n.example/f")
                          ).items
    assert items[0].key == "guid:urn:x:1" and items[0].text and items[0].url is None
