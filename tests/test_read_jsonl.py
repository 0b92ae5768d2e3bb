"""JSON / JSON Lines reader: field aliases, article/1 records, and per-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from pactwatch.read.base import Document, ReadError
from pactwatch.read.jsonl import read_jsonl

EN = "Chennai, Oct 7 A Japanese auto-parts maker opened its second plant in the state."
HI = "लखनऊ, 7 अक्टूबर उत्तर प्रदेश सरकार ने एक जापानी कंपनी के साथ निवेश समझौता किया।"
JA = "名古屋、10月7日 ― 愛知県の部品メーカーがインド南部に新工場を開設した。"


def write_lines(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_read_jsonl_malformed_line_is_error_and_others_still_read(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    write_lines(path, [
        json.dumps({"id": "en-1", "text": EN, "lang": "en"}),
        '{"id": "broken", "text": "no closing brace"',
        json.dumps({"id": "hi-1", "body": HI, "lang": "hi"}, ensure_ascii=False),
    ])
    results = list(read_jsonl(str(path)))
    assert [type(r) for r in results] == [Document, ReadError, Document]
    err = results[1]
    assert isinstance(err, ReadError)
    assert err.item == f"{path} (line 2)"
    assert "not valid JSON" in err.reason
    assert str(path) in str(err) and "line 2" in str(err)
    assert [r.doc for r in results if isinstance(r, Document)] == ["en-1", "hi-1"]


def test_read_jsonl_field_aliases(tmp_path: Path) -> None:
    path = tmp_path / "aliases.jsonl"
    write_lines(path, [
        json.dumps({
            "id": 42, "content": JA, "date": "2025-10-07T10:00:00+09:00", "language": "ja-JP",
            "link": "https://example.jp/n/42", "headline": "愛知の企業がインドに新工場",
        }, ensure_ascii=False),
    ])
    (doc,) = read_jsonl(str(path))
    assert isinstance(doc, Document)
    assert doc.doc == "42"
    assert doc.text == JA
    assert doc.published == "2025-10-07"
    assert doc.lang == "ja"
    assert doc.url == "https://example.jp/n/42"
    assert doc.title == "愛知の企業がインドに新工場"
    assert doc.source == f"{path} (line 1)"


def test_read_jsonl_doc_defaults_to_filename_and_line(tmp_path: Path) -> None:
    path = tmp_path / "noid.ndjson"
    path.write_text("\n" + json.dumps({"text": EN}) + "\n", encoding="utf-8")  # line 2
    (doc,) = read_jsonl(str(path))
    assert isinstance(doc, Document)
    assert doc.doc == "noid.ndjson#2"


def test_read_jsonl_article_record_with_body(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    write_lines(path, [json.dumps({
        "schema": "article/1", "doc": "dev-hi-01.txt", "lang": "hi", "published": "2024-01-11",
        "title": None, "url": None, "body": HI, "entities": [], "events": [],
    }, ensure_ascii=False)])
    (doc,) = read_jsonl(str(path))
    assert isinstance(doc, Document)
    assert (doc.doc, doc.text, doc.lang, doc.published) == ("dev-hi-01.txt", HI, "hi", "2024-01-11")


def test_read_jsonl_article_record_without_body_is_error(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    write_lines(path, [json.dumps({"schema": "article/1", "doc": "x.txt", "lang": "en"})])
    (err,) = read_jsonl(str(path))
    assert isinstance(err, ReadError)
    assert "without its body" in err.reason


def test_read_jsonl_record_without_text_or_not_object(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    write_lines(path, [json.dumps({"id": "a", "title": "Only a title"}), "[1, 2]", '{"text": 5}'])
    results = list(read_jsonl(str(path)))
    assert all(isinstance(r, ReadError) for r in results)
    reasons = [r.reason for r in results if isinstance(r, ReadError)]
    assert "no article text" in reasons[0]
    assert "not a JSON object" in reasons[1]
    assert "field 'text' is a number" in reasons[2]


def test_read_jsonl_line_over_limit_is_error_and_next_line_reads(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    write_lines(path, [json.dumps({"text": "x" * 500}), json.dumps({"id": "ok", "text": EN})])
    results = list(read_jsonl(str(path), max_bytes=200))
    assert isinstance(results[0], ReadError)
    assert "--max-bytes" in results[0].reason
    assert isinstance(results[1], Document) and results[1].doc == "ok"


def test_read_json_single_object_and_list(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "T", "text": EN}), encoding="utf-8")
    (doc,) = read_jsonl(str(one))
    assert isinstance(doc, Document) and doc.doc == "one.json" and doc.title == "T"

    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "a", "text": EN}, {"text": JA}, "junk"]), encoding="utf-8")
    results = list(read_jsonl(str(many)))
    assert isinstance(results[0], Document) and results[0].doc == "a"
    assert isinstance(results[1], Document) and results[1].doc == "many.json#2"
    assert isinstance(results[2], ReadError) and results[2].item == f"{many} (item 3)"


def test_read_json_invalid_whole_file_names_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    (err,) = read_jsonl(str(path))
    assert isinstance(err, ReadError)
    assert err.item == str(path)
    assert "not valid JSON" in err.reason and "line 1" in err.reason


def test_read_json_file_holding_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "actually_lines.json"
    write_lines(path, [json.dumps({"id": "a", "text": EN}), json.dumps({"id": "b", "text": EN})])
    assert [r.doc for r in read_jsonl(str(path)) if isinstance(r, Document)] == ["a", "b"]
