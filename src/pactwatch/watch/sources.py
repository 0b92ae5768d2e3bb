"""What ``watch`` follows: the sources file, and the items a fetched source lists.

The sources file is YAML: either a plain list of sources, or a mapping with
``sources``, ``watchlists`` and ``alerts`` (so one file can say everything)::

    sources:
      - url: https://example.org/business/rss.xml        # kind guessed: feed
      - url: https://example.org/news-sitemap.xml
        kind: sitemap
        interval: 30m
      - url: https://example.org/investment/
        kind: page
        match: /investment/20\\d\\d/                      # which links are articles
        lang: en
        outlet: Example News

Three kinds, guessed from the first bytes fetched when ``kind`` is absent:

* **feed** (RSS / Atom / RDF): each entry is an item; its full content is used when the
  feed carries the article (``content:encoded`` or a long description), otherwise the
  entry's link is fetched and read as a page;
* **sitemap** (a news sitemap ``<urlset>``, or a ``<sitemapindex>`` of them): each
  ``<loc>`` is a page, newest first when dates are given;
* **page** (a listing page): links on the same site that look like articles (or that
  match ``match``) are pages.
"""

from __future__ import annotations

import io
import re
import xml.sax
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import yaml

from pactwatch.yamlload import safe_load as yaml_safe_load

KINDS = ("feed", "sitemap", "page")
DEFAULT_INTERVAL = 15 * 60
FULL_TEXT_CHARS = 500  # a feed entry shorter than this is a teaser: fetch the page
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


class ConfigError(ValueError):
    """The sources file cannot be used; the message names the file, entry and problem."""


def parse_interval(value: Any, what: str = "interval") -> int:
    """``15m``, ``1h``, ``90s``, ``1d`` or a number of seconds, to seconds (at least 1)."""
    m = _INTERVAL.match(str(value))
    if not m:
        raise ConfigError(f"{what} {value!r} is not a duration (use 30s, 15m, 2h or 1d)")
    seconds = int(float(m.group(1)) * _UNITS[m.group(2).lower()])
    if seconds < 1:
        raise ConfigError(f"{what} {value!r} is shorter than a second")
    return seconds


@dataclass
class SourceSpec:
    """One source as the file declares it."""

    url: str
    kind: str | None = None
    lang: str | None = None
    outlet: str | None = None
    interval: int | None = None  # seconds; None: the run's --interval
    match: str | None = None  # regex over link URLs, for listing pages
    max_items: int = 50  # new items taken per poll (the rest wait for the next one)


@dataclass
class WatchConfig:
    sources: list[SourceSpec] = field(default_factory=list)
    watchlists: list[dict[str, Any]] = field(default_factory=list)
    alerts: dict[str, Any] = field(default_factory=dict)


def load_config(path: str | Path) -> WatchConfig:
    """Read and check a sources file; raises ``ConfigError`` with a clear sentence."""
    p = Path(path)
    try:
        raw = yaml_safe_load(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{p}: cannot be read ({e.strerror})") from None
    except yaml.YAMLError as e:
        raise ConfigError(f"{p}: is not valid YAML ({e})") from None
    if raw is None:
        raw = []
    if isinstance(raw, list):
        raw = {"sources": raw}
    if not isinstance(raw, dict):
        raise ConfigError(f"{p}: expected a list of sources or a mapping with 'sources'")
    unknown = set(raw) - {"sources", "watchlists", "alerts"}
    if unknown:
        raise ConfigError(f"{p}: unknown section(s) {', '.join(sorted(unknown))} "
                          "(expected sources, watchlists, alerts)")
    cfg = WatchConfig()
    seen: set[str] = set()
    for n, entry in enumerate(raw.get("sources") or [], start=1):
        spec = _source(entry, f"{p}: source {n}")
        if spec.url in seen:
            raise ConfigError(f"{p}: source {n}: {spec.url} is listed twice")
        seen.add(spec.url)
        cfg.sources.append(spec)
    wls = raw.get("watchlists") or []
    if not isinstance(wls, list):
        raise ConfigError(f"{p}: 'watchlists' must be a list")
    cfg.watchlists = list(wls)
    alerts = raw.get("alerts") or {}
    if not isinstance(alerts, dict):
        raise ConfigError(f"{p}: 'alerts' must be a mapping (jsonl, webhook, secret_env)")
    cfg.alerts = alerts
    return cfg


def _source(entry: Any, where: str) -> SourceSpec:
    if isinstance(entry, str):
        entry = {"url": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
        raise ConfigError(f"{where}: needs a 'url'")
    unknown = set(entry) - {"url", "kind", "lang", "outlet", "interval", "match", "max_items"}
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    url = entry["url"].strip()
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
        raise ConfigError(f"{where}: {url!r} is not an http(s) URL")
    kind = entry.get("kind")
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} is not one of {', '.join(KINDS)}")
    match = entry.get("match")
    if match is not None:
        try:
            re.compile(str(match))
        except re.error as e:
            raise ConfigError(f"{where}: match {match!r} is not a regular expression ({e})"
                              ) from None
    max_items = entry.get("max_items", 50)
    if not isinstance(max_items, int) or max_items < 1:
        raise ConfigError(f"{where}: max_items must be a positive whole number")
    return SourceSpec(
        url=url, kind=kind, lang=entry.get("lang"), outlet=entry.get("outlet"),
        interval=parse_interval(entry["interval"], f"{where}: interval")
        if entry.get("interval") is not None else None,
        match=str(match) if match is not None else None, max_items=max_items)


# ----------------------------------------------------------------------------------
# Items a fetched source lists
# ----------------------------------------------------------------------------------

@dataclass
class Item:
    """One article a source lists.  ``text`` is set when the source carries the whole
    article (a full-content feed entry); otherwise ``url`` is fetched and read."""

    key: str  # the item's URL, else "guid:<id>": what "seen" means
    url: str | None
    guid: str | None = None
    title: str | None = None
    published: str | None = None
    lang: str | None = None
    text: str | None = None


@dataclass
class Listing:
    kind: str
    items: list[Item]
    children: list[str] = field(default_factory=list)  # sitemaps a sitemap index names


class ListingError(ValueError):
    """A fetched source is not what it should be (malformed XML, no entries...)."""


def guess_kind(body: bytes, content_type: str = "", url: str = "") -> str:
    """feed, sitemap or page, from the first bytes (the content type only breaks ties)."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if re.search(rb"<(rss|feed|rdf:rdf)[\s>]", head):
        return "feed"
    if re.search(rb"<(urlset|sitemapindex)[\s>]", head):
        return "sitemap"
    if head.startswith(b"<?xml") and not re.search(rb"<html[\s>]", head):
        if "sitemap" in url.lower():
            return "sitemap"
        return "feed"
    if any(t in content_type for t in ("rss", "atom")):
        return "feed"
    return "page"


def parse_listing(kind: str, body: bytes, base_url: str, spec: SourceSpec) -> Listing:
    if kind == "feed":
        return Listing("feed", _feed_items(body, base_url))
    if kind == "sitemap":
        return _sitemap(body, base_url)
    return Listing("page", _page_links(body, base_url, spec.match))


def _feed_items(body: bytes, base_url: str) -> list[Item]:
    import feedparser

    from pactwatch.read.base import normalise_lang
    from pactwatch.read.feed import _entry_date, _entry_lang, _entry_text

    parsed = feedparser.parse(io.BytesIO(body), sanitize_html=True, resolve_relative_uris=True,
                              response_headers={"content-location": base_url})
    entries = parsed.get("entries") or []
    why = parsed.get("bozo_exception")
    broken = isinstance(why, xml.sax.SAXException)  # not feedparser's header remarks
    if not entries:
        if not parsed.get("version"):
            raise ListingError(f"is not an RSS or Atom feed ({why})" if why else
                               "is not an RSS or Atom feed")
        if broken:
            raise ListingError(f"is a malformed feed ({why})")
        return []
    feed_lang = normalise_lang(parsed.feed.get("language"))
    items = []
    for entry in entries:
        link = (entry.get("link") or "").strip() or None
        if link:
            link = urldefrag(urljoin(base_url, link))[0]
            if urlsplit(link).scheme not in ("http", "https"):
                link = None  # e.g. a non-URL <guid> feedparser took for a permalink
        guid = (entry.get("id") or "").strip() or None
        if not link and not guid:
            continue
        text = _entry_text(entry)
        full = bool(entry.get("content")) or len(text) >= FULL_TEXT_CHARS
        items.append(Item(
            key=link or f"guid:{guid}", url=link, guid=guid,
            title=(entry.get("title") or "").strip() or None,
            published=_entry_date(entry), lang=_entry_lang(entry, feed_lang),
            text=text if (full and text.strip()) or (not link and text.strip()) else None))
    if not items and broken:
        # feedparser is lenient, which is right for the usual small defects; a feed
        # that yields nothing usable and is broken is reported as broken
        raise ListingError(f"is a malformed feed ({parsed.get('bozo_exception')})")
    return items


def _xml_root(body: bytes) -> Any:
    from lxml import etree

    # no entities, no network: an XML file from a stranger must not read local files
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False)
    try:
        return etree.fromstring(body, parser)
    except etree.XMLSyntaxError as e:
        raise ListingError(f"is malformed XML ({e})") from None


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _sitemap(body: bytes, base_url: str) -> Listing:
    from pactwatch.read.base import iso_date, normalise_lang

    root = _xml_root(body)
    name = _local(root.tag)
    if name == "sitemapindex":
        kids = []
        for sm in root:
            loc = next((c.text for c in sm if _local(c.tag) == "loc" and c.text), None)
            mod = next((c.text for c in sm if _local(c.tag) == "lastmod" and c.text), "")
            if loc:
                kids.append((mod.strip(), urljoin(base_url, loc.strip())))
        kids.sort(reverse=True)
        return Listing("sitemap", [], [u for _, u in kids])
    if name != "urlset":
        raise ListingError(f"is XML but not a sitemap (root element <{name}>)")
    items = []
    for url_el in root:
        fields: dict[str, str] = {}
        for c in url_el.iter():
            if isinstance(c.tag, str) and c.text and c.text.strip():
                fields.setdefault(_local(c.tag), c.text.strip())
        loc = fields.get("loc")
        if not loc:
            continue
        loc = urldefrag(urljoin(base_url, loc))[0]
        date = fields.get("publication_date") or fields.get("lastmod")
        items.append(Item(key=loc, url=loc, title=fields.get("title"),
                          published=iso_date(date) if date else None,
                          lang=normalise_lang(fields.get("language"))))
    items.sort(key=lambda i: i.published or "", reverse=True)
    return Listing("sitemap", items)


_NOT_ARTICLE = re.compile(
    r"/(tag|tags|category|categories|author|authors|page|search|login|signup|subscribe|"
    r"about|contact|privacy|terms|feed|rss|account|video|videos|photos|gallery)(/|$)|"
    r"\.(jpg|jpeg|png|gif|svg|webp|pdf|zip|mp3|mp4|css|js|xml|rss)$", re.IGNORECASE)


def looks_like_article(url: str, listing: str) -> bool:
    """A link on a listing page that probably is an article: same site, not the listing,
    not navigation, and a path that says "story" (a long slug, an id or a date)."""
    a, b = urlsplit(url), urlsplit(listing)
    if a.scheme not in ("http", "https"):
        return False
    if (a.hostname or "").removeprefix("www.") != (b.hostname or "").removeprefix("www."):
        return False
    path = a.path.rstrip("/")
    if not path or path == b.path.rstrip("/") or _NOT_ARTICLE.search(path):
        return False
    last = path.rsplit("/", 1)[-1]
    return last.count("-") >= 3 or bool(re.search(r"\d{4,}", path)) or (
        path.count("/") >= 2 and len(last) >= 12)


def _page_links(body: bytes, base_url: str, match: str | None) -> list[Item]:
    import lxml.html
    from lxml import etree

    try:
        tree = lxml.html.document_fromstring(body)
    except (etree.ParserError, ValueError) as e:
        raise ListingError(f"could not be parsed as HTML ({e})") from None
    base = tree.xpath("string(//base/@href)") or base_url
    pattern = re.compile(match) if match else None
    items: dict[str, Item] = {}
    for a in tree.xpath("//a[@href]"):
        href = urldefrag(urljoin(urljoin(base_url, base), a.get("href").strip()))[0]
        if pattern is not None:
            ok = bool(pattern.search(href)) and href.startswith(("http://", "https://"))
        else:
            ok = looks_like_article(href, base_url)
        if ok and href not in items:
            title = " ".join(a.text_content().split()) or None
            items[href] = Item(key=href, url=href, title=title)
    return list(items.values())
