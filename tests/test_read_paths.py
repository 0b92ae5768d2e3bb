"""read_paths / count_inputs: folders, globs, stdin, dispatch, and every bad-input case."""

from __future__ import annotations

import gzip
import io
import json
import os
from pathlib import Path

import pytest

from pactwatch.read import base as read_base
from pactwatch.read import count_inputs, read_paths, sniff
from pactwatch.read.base import Document, ReadError, ReadResult

EN = "Kochi, Oct 7 A Japanese shipbuilder signed an agreement with the port trust."
HI = "भोपाल, 7 अक्टूबर मध्य प्रदेश के मुख्यमंत्री ने जापानी निवेशकों से मुलाकात की।"
JA = "横浜、10月7日 ― 神奈川県の代表団がインド南部の州を訪問した。"
HTML = (
    "<!DOCTYPE html><html lang='en'><head><title>Port pact</title></head><body><article>"
    f"<p>{EN}</p><p>The agreement covers a repair yard and training for 300 workers.</p>"
    "</article></body></html>"
)
RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    f"<item><title>Port pact</title><link>https://e.in/1</link><description>{EN}</description>"
    "</item></channel></rss>"
)


def run(paths: list[str], **kw: int) -> list[ReadResult]:
    return list(read_paths(paths, **kw))


def docs(results: list[ReadResult]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def errors(results: list[ReadResult]) -> list[ReadError]:
    return [r for r in results if isinstance(r, ReadError)]


def only_error(results: list[ReadResult]) -> ReadError:
    assert len(results) == 1, results
    assert isinstance(results[0], ReadError), results[0]
    return results[0]


def test_read_paths_dispatch_by_extension(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.md").write_text(HI, encoding="utf-8")
    (tmp_path / "c.htm").write_text(HTML, encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "j", "text": JA}) + "\n", encoding="utf-8")
    (tmp_path / "e.rss").write_text(RSS, encoding="utf-8")
    results = run([str(tmp_path)])
    assert not errors(results)
    got = {d.doc: d for d in docs(results)}
    assert set(got) == {"a.txt", "b.md", "c.htm", "j", "https://e.in/1"}
    assert got["c.htm"].title == "Port pact"  # went through the HTML reader
    assert got["j"].text == JA


def test_read_paths_folder_with_bad_file_still_reads_good_ones(tmp_path: Path) -> None:
    (tmp_path / "1_en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "2_bad.txt").write_bytes(b"\x00\x01\x02\x03binary\x00junk" * 20)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "3_hi.txt").write_text(HI, encoding="utf-8")
    results = run([str(tmp_path)])
    assert [d.doc for d in docs(results)] == ["1_en.txt", "3_hi.txt"]
    (bad,) = errors(results)
    assert bad.item == str(tmp_path / "2_bad.txt")
    assert "looks binary, not text" in bad.reason


def test_read_paths_folder_sorted_recursive_hidden_skipped(tmp_path: Path) -> None:
    for name in ["b.txt", "a.txt", ".hidden.txt"]:
        (tmp_path / name).write_text(EN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.txt").write_text(EN, encoding="utf-8")
    results = run([str(tmp_path)])
    assert [d.source for d in docs(results)] == [
        str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "c" / "a.txt")
    ]
    assert count_inputs([str(tmp_path)]) == 3


def test_read_paths_glob_pattern(tmp_path: Path) -> None:
    for name in ["x1.txt", "x2.txt", "y.txt"]:
        (tmp_path / name).write_text(EN, encoding="utf-8")
    pattern = str(tmp_path / "x*.txt")
    assert [d.doc for d in docs(run([pattern]))] == ["x1.txt", "x2.txt"]
    assert count_inputs([pattern]) == 2
    err = only_error(run([str(tmp_path / "z*.txt")]))
    assert "no files match" in err.reason


def test_read_paths_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    err = only_error(run([missing]))
    assert err.item == missing
    assert err.reason == "file does not exist"
    assert count_inputs([missing]) == 0


def test_read_paths_empty_folder(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_text("x")
    err = only_error(run([str(empty)]))
    assert err.item == str(empty)
    assert "folder has no files" in err.reason


def test_read_paths_empty_file(tmp_path: Path) -> None:
    for name in ["e.txt", "e.html", "e.jsonl", "e.rss", "e.warc.gz", "e.unknown"]:
        (tmp_path / name).write_bytes(b"")
        err = only_error(run([str(tmp_path / name)]))
        assert err.reason == "file is empty", name


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_read_paths_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(EN, encoding="utf-8")
    path.chmod(0)
    try:
        err = only_error(run([str(path)]))
    finally:
        path.chmod(0o644)
    assert "permission denied" in err.reason


def test_read_paths_permission_denied_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Same case, simulated at ``open`` so it is tested when the suite runs as root."""
    path = tmp_path / "secret.txt"
    path.write_text(EN, encoding="utf-8")

    def denied(*args: object, **kwargs: object) -> io.BytesIO:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(read_base, "open", denied, raising=False)
    err = only_error(run([str(path)]))
    assert err.item == str(path)
    assert err.reason == "file cannot be read: permission denied"


def test_read_paths_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = only_error(run([str(path)]))
    assert "looks binary, not text" in err.reason


def test_read_paths_binary_file_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(bytes(range(256)) * 8)
    err = only_error(run([str(path)]))
    assert "looks binary, not text" in err.reason


def test_read_paths_over_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("x" * 5000, encoding="utf-8")
    err = only_error(run([str(path)], max_bytes=1024))
    assert err.item == str(path)
    assert "4.9 KB (5,000 bytes)" in err.reason  # the size
    assert "1.0 KB (1,024 bytes)" in err.reason  # the limit
    assert "--max-bytes" in err.reason  # how to raise it
    assert docs(run([str(path)], max_bytes=5000))  # at the limit it reads


def test_read_paths_undecodable_text(tmp_path: Path) -> None:
    path = tmp_path / "mangled.txt"
    path.write_bytes(b"Report: " + bytes(range(0x80, 0x100)) * 4)
    err = only_error(run([str(path)]))
    assert "encoding could not be detected" in err.reason


def test_read_paths_malformed_json_line(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": EN}) + "\n{oops\n", encoding="utf-8")
    results = run([str(path)])
    assert len(docs(results)) == 1
    (err,) = errors(results)
    assert err.item == f"{path} (line 2)"


def test_read_paths_truncated_gzip(tmp_path: Path) -> None:
    import gzip

    path = tmp_path / "crawl.warc.gz"
    data = gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n" + b"x" * 4000)
    path.write_bytes(data[: len(data) // 2])
    err = only_error(run([str(path)]))
    assert err.item == str(path)
    assert "truncated" in err.reason


def test_read_paths_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.dat").write_text(HTML, encoding="utf-8")
    (tmp_path / "feed.dat").write_text(RSS, encoding="utf-8")
    (tmp_path / "rows.dat").write_text(json.dumps({"id": "r1", "text": EN}), encoding="utf-8")
    (tmp_path / "plain.dat").write_text("date 2025-10-07 " + EN, encoding="utf-8")
    got = {d.source: d for d in docs(run([str(tmp_path)]))}
    assert got[str(tmp_path / "page.dat")].title == "Port pact"
    assert got[f"{tmp_path / 'feed.dat'} (entry 1)"].url == "https://e.in/1"
    assert got[str(tmp_path / "rows.dat")].doc == "r1"
    plain = got[str(tmp_path / "plain.dat")]
    assert plain.published == "2025-10-07" and plain.text == EN


def test_read_paths_stdin_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("date 2024-01-11 " + HI))
    (doc,) = run(["-"])
    assert isinstance(doc, Document)
    assert doc.text == HI and doc.published == "2024-01-11"
    assert doc.doc == "<stdin>"


def test_read_paths_stdin_jsonl_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    data = "\n".join(json.dumps({"id": i, "text": t}) for i, t in enumerate([EN, JA])) + "\n"
    stdin = io.TextIOWrapper(io.BytesIO(data.encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert [d.doc for d in docs(run(["-"]))] == ["0", "1"]


def test_read_paths_stdin_html_and_feed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(HTML))
    (page,) = run(["-"])
    assert isinstance(page, Document) and page.title == "Port pact"
    monkeypatch.setattr("sys.stdin", io.StringIO(RSS))
    (entry,) = run(["-"])
    assert isinstance(entry, Document) and entry.url == "https://e.in/1"


def test_read_paths_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    err = only_error(run(["-"]))
    assert err.item == "<stdin>" and "empty" in err.reason


def test_read_paths_stdin_over_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y" * 100))
    err = only_error(run(["-"], max_bytes=10))
    assert "--max-bytes" in err.reason


def test_count_inputs_mixed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN, encoding="utf-8")
    assert count_inputs([str(tmp_path), str(tmp_path / "a.txt"), "-", str(tmp_path / "no")]) == 4


def test_sniff() -> None:
    assert sniff(b"WARC/1.0\r\n") == "warc"
    # gzip: a compressed web archive is a WARC, compressed anything else is read by
    # what it holds
    assert sniff(gzip.compress(b"WARC/1.0\r\nWARC-Type: warcinfo\r\n")) == "warc"
    assert sniff(gzip.compress(b"date 2025-10-07 Text")) == "gzip"
    assert sniff(b'  {"text": "x"}') == "json"
    assert sniff(b"<?xml version='1.0'?>\n<feed xmlns='http://www.w3.org/2005/Atom'>") == "feed"
    assert sniff(b"\xef\xbb\xbf<!doctype html><html>") == "html"
    assert sniff("<rss version='2.0'>".encode("utf-16")) == "feed"
    assert sniff(b"date 2025-10-07 Text") == "text"
