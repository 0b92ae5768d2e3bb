"""Every reader's error boundary: a poisonous item between two good ones.

For each reader, a batch holds a good item, then one that makes the reader raise
(RecursionError from nesting, MemoryError, UnicodeError, a library bug), then another
good item.  Both good items must be written by ``extract`` and stored by ``ingest``, the
poisonous one reported in one line, and no traceback printed.  Where no real input is
known to make a reader raise (the text, HTML, feed and WARC readers guard their
libraries already), the reader's own parsing function is patched to raise for the
poisonous item: the test is of the boundary, whatever the cause.
"""

from __future__ import annotations

import gzip
import html
import io
import json
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pactwatch.cli import main
from pactwatch.store import open_store

GOOD = [
    ("first", "Chennai, Mar 4 (PTI) The Tamil Nadu government signed a memorandum of "
              "understanding with Toyota Kirloskar Motor for a new plant in Tiruvallur."),
    ("second", "Lucknow, May 9 (PTI) Uttar Pradesh invited Japanese companies to invest in "
               "its new electronics park, the state's industries minister said."),
]
POISON = "POISON"
DEEP = "[" * 5000 + "]" * 5000


def _html(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body><article><p>{body}</p></article></body></html>"


def _raise_for_poison(real: Callable, exc: BaseException) -> Callable:
    def wrapper(data: object, *args: object, **kw: object) -> object:
        raw = data if isinstance(data, str) else bytes(data)  # type: ignore[arg-type]
        marker = POISON if isinstance(raw, str) else POISON.encode()
        if marker in raw:  # type: ignore[operator]
            raise exc
        return real(data, *args, **kw)
    return wrapper


def _text(folder: Path, mp: pytest.MonkeyPatch) -> None:
    import pactwatch.read.text as mod

    mp.setattr(mod, "decode_bytes", _raise_for_poison(mod.decode_bytes,
                                                      RecursionError("too deep")))
    (folder / "a.txt").write_text(GOOD[0][1], encoding="utf-8")
    (folder / "b.txt").write_text(f"{POISON} text", encoding="utf-8")
    (folder / "c.txt").write_text(GOOD[1][1], encoding="utf-8")


def _html_files(folder: Path, mp: pytest.MonkeyPatch) -> None:
    import pactwatch.read.html as mod

    mp.setattr(mod, "_decode_html", _raise_for_poison(mod._decode_html, MemoryError()))
    (folder / "a.html").write_text(_html(*GOOD[0]), encoding="utf-8")
    (folder / "b.html").write_text(_html("x", POISON), encoding="utf-8")
    (folder / "c.html").write_text(_html(*GOOD[1]), encoding="utf-8")


def _json_files(folder: Path, mp: pytest.MonkeyPatch) -> None:
    (folder / "a.json").write_text(json.dumps({"id": "first", "text": GOOD[0][1]}))
    (folder / "b.json").write_text('{"id": "deep", "text": "x", "extra": ' + DEEP + "}")
    (folder / "c.json").write_text(json.dumps({"id": "second", "text": GOOD[1][1]}))


def _jsonl(folder: Path, mp: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "first", "text": GOOD[0][1]}),
             '{"id": "deep", "text": "x", "extra": ' + DEEP + "}",
             json.dumps({"id": "second", "text": GOOD[1][1]})]
    (folder / "all.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _feed(folder: Path, mp: pytest.MonkeyPatch) -> None:
    import pactwatch.read.feed as mod

    mp.setattr(mod, "html_fragment_to_text",
               _raise_for_poison(mod.html_fragment_to_text, RecursionError("deep markup")))
    items = "".join(
        f"<item><title>{t}</title><link>https://news.example.in/{t}</link>"
        f"<description>{html.escape('<p>' + b + '</p>')}</description></item>"
        for t, b in (GOOD[0], ("poison", POISON), GOOD[1]))
    (folder / "news.rss").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}'
        "</channel></rss>", encoding="utf-8")


def _warc(folder: Path, mp: pytest.MonkeyPatch) -> None:
    import pactwatch.read.warc as mod

    mp.setattr(mod, "parse_html", _raise_for_poison(
        mod.parse_html, UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
    with open(folder / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for title, body in (GOOD[0], ("poison", POISON), GOOD[1]):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                    protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://news.example.in/{title}", "response",
                payload=io.BytesIO(_html(title, body).encode()), http_headers=http))


def _gzip(folder: Path, mp: pytest.MonkeyPatch) -> None:
    (folder / "a.txt.gz").write_bytes(gzip.compress(GOOD[0][1].encode()))
    noise = "".join(random.Random(7).choice("abcdefghij ") for _ in range(40000))
    whole = gzip.compress((json.dumps({"id": "cut", "text": noise}) + "\n").encode())
    (folder / "b.jsonl.gz").write_bytes(whole[: len(whole) // 2])  # cut inside line 1
    (folder / "c.html.gz").write_bytes(gzip.compress(_html(*GOOD[1]).encode()))


READERS: dict[str, Callable[[Path, pytest.MonkeyPatch], None]] = {
    "text": _text, "html": _html_files, "json": _json_files, "jsonl": _jsonl,
    "feed": _feed, "warc": _warc, "gzip": _gzip,
}


@pytest.mark.parametrize("reader", sorted(READERS))
def test_read_poison_item_good_neighbours_written_and_stored(
        reader: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in"
    src.mkdir()
    READERS[reader](src, monkeypatch)
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len([x for x in err.splitlines() if x.strip()]) >= 1
    bodies = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    names = " ".join(e["name"] for r in bodies for e in r["entities"])
    assert len(bodies) == 2, err
    assert "Tamil Nadu" in names and "Uttar Pradesh" in names

    db = str(tmp_path / "s.db")
    assert main(["ingest", str(src), "--db", db, "--quiet", "--no-embed"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    store = open_store(db)
    try:
        assert store.counts()["articles"] == 2
        assert len(store.search("Tiruvallur")) == 1
        assert len(store.search("electronics park")) == 1
    finally:
        store.close()


def test_read_poison_deep_json_on_stdin_is_one_line(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's reproduction: 5,000 nested brackets on stdin."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DEEP.encode())))
    assert main(["extract", "-", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "nested 5000 levels deep" in err and "at most 64" in err
