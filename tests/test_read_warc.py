"""WARC reader: HTML 200 responses only, and good records before any damage."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pactwatch.read.base import Document, ReadError
from pactwatch.read.warc import read_warc

CITIES = ["Pune", "Chennai", "Ahmedabad", "Bengaluru", "Hyderabad", "Kolkata", "Jaipur", "Lucknow"]


def article_html(i: int) -> bytes:
    # Lengths differ per record so that halving the file cannot land exactly on a
    # record boundary (a file cut there is a valid, shorter archive).
    paras = "".join(
        f"<p>{CITIES[i]}, Oct {i + 1} Paragraph {j}: officials from Shizuoka and the state "
        f"government discussed a components plant{' and a training centre' * (i % 3)}.</p>"
        for j in range(3 + i)
    )
    return (
        f"<html lang='en'><head><title>Story {i}</title></head><body>"
        f"<nav>Home | Business | Subscribe</nav><article>{paras}</article></body></html>"
    ).encode()


def write_warc(path: Path, n: int = 8, *, gzip: bool = True) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for i in range(n):
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(writer.create_warc_record(
                f"https://news.example.in/story/{i}", "response",
                payload=io.BytesIO(article_html(i)), http_headers=http,
            ))
            if i == 0:  # records that are not articles, to be skipped
                missing = StatusAndHeaders(
                    "404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
                writer.write_record(writer.create_warc_record(
                    "https://news.example.in/gone", "response",
                    payload=io.BytesIO(b"<html><body><p>Page not found here.</p></body></html>"),
                    http_headers=missing,
                ))
                image = StatusAndHeaders(
                    "200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1"
                )
                writer.write_record(writer.create_warc_record(
                    "https://news.example.in/logo.png", "response",
                    payload=io.BytesIO(b"\x89PNG\r\n\x1a\n" + bytes(64)), http_headers=image,
                ))
                writer.write_record(writer.create_warc_record(
                    "https://news.example.in/story/0", "request",
                    payload=io.BytesIO(b"GET /story/0 HTTP/1.1\r\nHost: news.example.in\r\n\r\n"),
                ))


def test_read_warc_gz_html_200_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path)
    results = list(read_warc(str(path)))
    assert all(isinstance(r, Document) for r in results), [str(r) for r in results]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.url for d in docs] == [f"https://news.example.in/story/{i}" for i in range(8)]
    assert docs[0].doc == "https://news.example.in/story/0"
    assert docs[0].title == "Story 0"
    assert docs[0].lang == "en"
    assert docs[0].text.startswith("Pune, Oct 1 Paragraph 0")
    assert "Subscribe" not in docs[0].text
    assert docs[0].source is not None and docs[0].source.startswith(f"{path} (record ")


def test_read_warc_uncompressed(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    write_warc(path, n=3, gzip=False)
    assert sum(isinstance(r, Document) for r in read_warc(str(path))) == 3


def test_read_warc_gz_truncated_yields_good_records_then_one_error(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole)
    data = whole.read_bytes()
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: len(data) // 2])
    results = list(read_warc(str(path)))
    docs = [r for r in results if isinstance(r, Document)]
    errors = [r for r in results if isinstance(r, ReadError)]
    assert len(errors) == 1 and results[-1] is errors[0]
    assert errors[0].item == str(path)
    assert "truncated" in errors[0].reason
    assert 1 <= len(docs) < 8
    # every record before the damage is read whole, in order
    assert [d.url for d in docs] == [f"https://news.example.in/story/{i}" for i in range(len(docs))]
    for i, d in enumerate(docs):
        assert d.text.count("Paragraph") == 3 + i


def test_read_warc_uncompressed_truncated(tmp_path: Path) -> None:
    whole = tmp_path / "whole.warc"
    write_warc(whole, gzip=False)
    data = whole.read_bytes()
    path = tmp_path / "cut.warc"
    path.write_bytes(data[: len(data) // 2])
    results = list(read_warc(str(path)))
    assert isinstance(results[-1], ReadError) and "truncated" in results[-1].reason
    assert any(isinstance(r, Document) for r in results)
    assert sum(isinstance(r, ReadError) for r in results) == 1


def test_read_warc_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("This is a plain note, not a web archive.\n", encoding="utf-8")
    (err,) = read_warc(str(path))
    assert isinstance(err, ReadError)
    assert "not a WARC" in err.reason


def test_read_warc_page_over_limit_is_error_and_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, n=8)
    limit = len(article_html(5))
    too_long = [i for i in range(8) if len(article_html(i)) > limit]
    assert too_long  # the test needs at least one page over the limit
    results = list(read_warc(str(path), max_bytes=limit))
    big = [r for r in results if isinstance(r, ReadError)]
    assert [r.item.rsplit("/", 1)[-1] for r in big] == [f"{i})" for i in too_long]
    assert all("--max-bytes" in r.reason for r in big)
    assert sum(isinstance(r, Document) for r in results) == 8 - len(too_long)
