"""HTML pages (``.html``, ``.htm``, ``.xhtml``) and HTML fragments, to article text.

trafilatura finds the article body and drops navigation, footers, share bars and reader
comments; its metadata gives the title and the publication date.  When it finds nothing
(very short pages, odd markup) the text of the page's ``<p>`` elements outside
nav/header/footer/aside is used, so a page with a real paragraph is never lost.

Body text has one paragraph per block with a blank line between blocks, the layout of
the plain-text corpus, so the later stages see one shape whatever the source format.
A headline that trafilatura repeats as the first line of the body is removed: it is
already the ``title``, and the body then opens with the dateline as a news text does.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document as Extraction

from pactwatch.read.base import (
    DEFAULT_MAX_BYTES,
    Document,
    ReadError,
    ReadResult,
    decode_bytes,
    guarded_call,
    iso_date,
    load_bytes,
    normalise_lang,
)

# trafilatura and htmldate log "discarding data" warnings for every short page; with no
# handler configured, Python would print them on stderr between the CLI's own lines.
# A NullHandler silences only that fallback: an application that configures logging
# still receives the records.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
# Only dates a page states about itself; trafilatura's "extensive" search would also
# take dates from the running text, which is the events' date, not the article's.
_DATE_PARAMS = {"original_date": True, "extensive_search": False}
_BOILERPLATE = {"nav", "header", "footer", "aside", "form", "script", "style", "noscript"}
_BLOCKS = {
    "address", "article", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
}
_SKIP = {"script", "style", "noscript", "template", "head", "title"}
_SPACES = re.compile(r"\s+")


def _paragraphs(lines: Iterator[str] | list[str]) -> str:
    """Join non-empty lines as paragraphs separated by one blank line."""
    return "\n\n".join(s for s in (line.strip() for line in lines) if s)


def _element_text(el: etree._Element) -> str:
    """Visible text of an element: whitespace collapsed as a browser does, one paragraph
    per block element (``<p>``, ``<li>``, ``<br>``, headings, ...)."""
    parts: list[str | None] = []  # None marks a block boundary

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag.rsplit("}", 1)[-1].lower() in _SKIP:
            if node.tail:
                parts.append(node.tail)
            return
        block = node.tag.rsplit("}", 1)[-1].lower() in _BLOCKS
        if block:
            parts.append(None)
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if block:
            parts.append(None)
        if node.tail:
            parts.append(node.tail)

    walk(el)
    paragraphs: list[str] = []
    current: list[str] = []
    for part in [*parts, None]:
        if part is not None:
            current.append(part)
            continue
        paragraphs.append(_SPACES.sub(" ", "".join(current)))
        current = []
    return _paragraphs(paragraphs)


def html_fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content), paragraph breaks kept."""
    if "<" not in fragment:
        return _paragraphs(fragment.split("\n"))
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _paragraphs(fragment.split("\n"))
    return _element_text(root)


def _fallback_paragraphs(tree: etree._Element) -> str:
    """The ``<p>`` elements outside navigation and footers, as paragraphs."""
    texts: list[str] = []
    for p in tree.iter("p"):
        if any(
            isinstance(a.tag, str) and a.tag.lower() in _BOILERPLATE for a in p.iterancestors()
        ):
            continue
        text = _element_text(p)
        if text:
            texts.append(text)
    return "\n\n".join(texts)


def _first(tree: etree._Element, xpath: str) -> str | None:
    for value in tree.xpath(xpath):
        s = str(value).strip()
        if s:
            return s
    return None


def _page_url(tree: etree._Element, base: str | None) -> str | None:
    """The page's own address: canonical link, else og:url, made absolute if possible."""
    url = _first(
        tree, '//link[contains(concat(" ", normalize-space(@rel), " "), " canonical ")]/@href'
    )
    url = url or _first(tree, '//meta[@property="og:url" or @name="og:url"]/@content')
    if url is None:
        return None
    if url.startswith("//"):
        url = "https:" + url
    if base and not re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", url):
        url = urljoin(base, url)
    return url if re.match(r"https?://", url) else None


def _page_lang(tree: etree._Element) -> str | None:
    """``<html lang>`` (or ``xml:lang``), else the Content-Language meta, else og:locale."""
    for xpath in (
        "/html/@lang",
        "/html/@xml:lang",
        '//meta[translate(@http-equiv, "CLANGUETN", "clanguetn")="content-language"]/@content',
        '//meta[@property="og:locale"]/@content',
    ):
        lang = normalise_lang(_first(tree, xpath))
        if lang:
            return lang
    return None


def _page_date(tree: etree._Element) -> str | None:
    """A stated publication date from common meta tags, for when trafilatura gave none."""
    return iso_date(
        _first(tree, '//meta[@property="article:published_time"]/@content')
        or _first(
            tree, '//meta[@name="date" or @name="pubdate" or @itemprop="datePublished"]/@content'
        )
        or _first(tree, "//time[@datetime]/@datetime")
    )


def _decode_html(data: bytes, source: str, charset: str | None) -> str | ReadError:
    """Decode with the HTTP or ``<meta>`` charset when it works, else by detection."""
    declared = [charset] if charset else []
    m = _META_CHARSET.search(data[:4096])
    if m:
        declared.append(m[1].decode("ascii"))
    for encoding in declared:
        try:
            text = data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
        if "\x00" not in text:
            return text.lstrip("\ufeff")
    return decode_bytes(data, source)


def _extract(tree: etree._Element, url: str | None) -> Extraction | None:
    try:
        result = trafilatura.bare_extraction(
            tree,
            url=url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=dict(_DATE_PARAMS),
            # Menus and footers are never the article; pruning them first keeps
            # trafilatura's recall fallback from returning "Home | World | Sign in".
            prune_xpath=["//nav", "//footer"],
        )
    except Exception:  # trafilatura bugs must not end a batch
        return None
    return result if isinstance(result, Extraction) else None


def _without_headline(text: str, title: str | None) -> str:
    if not title:
        return text
    head, sep, rest = text.partition("\n\n")
    if sep and _SPACES.sub(" ", head).strip() == _SPACES.sub(" ", title).strip():
        return rest
    return text


def parse_html(
    data: bytes | str,
    *,
    doc: str,
    source: str,
    url: str | None = None,
    charset: str | None = None,
) -> ReadResult:
    """One HTML page to a ``Document``.

    ``url`` is the address the page was fetched from (a WARC record's target URI); when
    given it wins over the page's canonical link, since it is what the archive recorded.
    ``charset`` is the HTTP Content-Type charset, tried before the page's own ``<meta>``.
    """
    if isinstance(data, bytes):
        if not data.strip():
            return ReadError(source, "file is empty")
        decoded = _decode_html(data, source, charset)
        if isinstance(decoded, ReadError):
            return decoded
        html = decoded
    else:
        html = data
    if not html.strip():
        return ReadError(source, "file is empty")
    try:
        tree = trafilatura.load_html(html)
    except Exception:  # see _extract
        tree = None
    if tree is None:
        try:
            tree = lxml.html.document_fromstring(html.encode("utf-8"))
        except (etree.ParserError, ValueError):
            return ReadError(source, "could not be parsed as HTML")
    result = _extract(tree, url)
    title = (result.title if result else None) or _first(tree, "//title/text()")
    title = _SPACES.sub(" ", title).strip() if title else None
    text = _paragraphs(result.text.split("\n")) if result and result.text else ""
    text = _without_headline(text, title)
    if not text.strip():
        text = _fallback_paragraphs(tree)
    if not text.strip():
        return ReadError(source, "no article text found")
    published = iso_date(result.date) if result and result.date else None
    return Document(
        doc=doc,
        text=text,
        title=title or None,
        published=published or _page_date(tree),
        lang=_page_lang(tree),
        url=url or _page_url(tree, None) or (result.url if result else None),
        source=source,
    )


def read_html(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[ReadResult]:
    """Read one HTML file; ``doc`` is the file's base name."""
    data = load_bytes(path, max_bytes)
    if isinstance(data, ReadError):
        yield data
        return
    yield guarded_call(path, parse_html, data, doc=os.path.basename(path), source=path)
