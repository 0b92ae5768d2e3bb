"""HTML reader: article body without boilerplate, metadata, fallback, and failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from pactwatch.read import html as html_reader
from pactwatch.read.base import Document, ReadError
from pactwatch.read.html import html_fragment_to_text, parse_html, read_html

PARAGRAPHS = [
    "Gandhinagar, Oct 7 (PTI) The state government on Tuesday signed a memorandum of "
    "understanding with a Tokyo-based maker of wafer-cleaning equipment.",
    "The company plans to invest Rs 2,000 crore in a plant near Sanand that will employ "
    "about 800 people, officials said.",
    "The chief minister welcomed the visiting delegation at the state secretariat and "
    "promised single-window clearances.",
]


def page(
    *,
    lang: str = "en-GB",
    head_extra: str = "",
    paragraphs: list[str] = PARAGRAPHS,
    charset: str = "utf-8",
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="{charset}">
<title>Gujarat signs chip-tool pact with Tokyo firm | Daily Ledger</title>
{head_extra}
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/biz">Business</a></li>
<li><a href="/sub">Subscribe now for special offers</a></li></ul></nav>
<article><h1>Gujarat signs chip-tool pact with Tokyo firm</h1>{body}</article>
<footer><p>Copyright 2025 Daily Ledger. All rights reserved. Privacy policy.</p></footer>
</body></html>"""


def doc_of(path: Path) -> Document:
    results = list(read_html(str(path)))
    assert len(results) == 1
    assert isinstance(results[0], Document), str(results[0])
    return results[0]


def test_read_html_article_text_without_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(page(), encoding="utf-8")
    doc = doc_of(path)
    for p in PARAGRAPHS:
        assert p in doc.text
    assert "Subscribe" not in doc.text
    assert "Copyright" not in doc.text
    assert doc.doc == "story.html"


def test_read_html_paragraphs_separated_by_blank_line_and_headline_removed(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(page(), encoding="utf-8")
    doc = doc_of(path)
    assert doc.text == "\n\n".join(PARAGRAPHS)
    assert doc.title == "Gujarat signs chip-tool pact with Tokyo firm"


def test_read_html_metadata_canonical_date_lang(tmp_path: Path) -> None:
    head = (
        '<link rel="canonical" href="https://news.example.com/biz/gujarat-chip-pact">'
        '<meta property="article:published_time" content="2025-10-07T09:30:00+05:30">'
    )
    path = tmp_path / "story.html"
    path.write_text(page(head_extra=head), encoding="utf-8")
    doc = doc_of(path)
    assert doc.url == "https://news.example.com/biz/gujarat-chip-pact"
    assert doc.published == "2025-10-07"
    assert doc.lang == "en"


def test_read_html_og_url_when_no_canonical(tmp_path: Path) -> None:
    head = '<meta property="og:url" content="https://news.example.com/og/path">'
    path = tmp_path / "story.html"
    path.write_text(page(head_extra=head), encoding="utf-8")
    assert doc_of(path).url == "https://news.example.com/og/path"


def test_read_html_japanese_shift_jis_meta_charset(tmp_path: Path) -> None:
    ja = [
        "大阪、10月7日 ― 大阪府は7日、インドのグジャラート州と経済協力に関する覚書を結んだ。",
        "府によると、両地域の企業による工場の共同建設や人材交流を進める。",
        "知事は記者会見で、来年春にも経済使節団を派遣する考えを示した。",
    ]
    path = tmp_path / "ja.html"
    path.write_bytes(page(lang="ja", paragraphs=ja, charset="shift_jis").encode("shift_jis"))
    doc = doc_of(path)
    assert doc.lang == "ja"
    assert ja[0] in doc.text


def test_read_html_fallback_to_paragraphs_when_trafilatura_finds_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_reader.trafilatura, "bare_extraction", lambda *a, **k: None)
    path = tmp_path / "story.html"
    path.write_text(page(), encoding="utf-8")
    doc = doc_of(path)
    assert doc.text == "\n\n".join(PARAGRAPHS)  # the footer <p> is not taken
    assert doc.title == "Gujarat signs chip-tool pact with Tokyo firm | Daily Ledger"


def test_read_html_no_article_text_is_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    results = list(read_html(str(path)))
    assert len(results) == 1
    assert isinstance(results[0], ReadError)
    assert results[0].item == str(path)
    assert results[0].reason == "no article text found"


def test_parse_html_explicit_url_wins_over_canonical() -> None:
    head = '<link rel="canonical" href="https://news.example.com/canonical">'
    doc = parse_html(
        page(head_extra=head).encode(), doc="d", source="s", url="https://archive.example/x"
    )
    assert isinstance(doc, Document)
    assert doc.url == "https://archive.example/x"


def test_html_fragment_to_text_keeps_paragraph_breaks() -> None:
    fragment = "<p>First  para\n with <b>bold</b>.</p><p>Second.</p><ul><li>One</li><li>Two</li></ul>"
    assert html_fragment_to_text(fragment) == "First para with bold.\n\nSecond.\n\nOne\n\nTwo"
