"""Plain-text reader: encodings, source headers, and a body left exactly as written."""

from __future__ import annotations

from pathlib import Path

from pactwatch.read.base import Document, ReadError
from pactwatch.read.text import read_text

JA_BODY = (
    "東京、10月7日 ― 経済産業省は7日、インド西部の州政府と半導体分野での協力に関する"
    "覚書に署名したと発表した。新工場の建設には約500億円が投じられる見込みだ。"
)
HI_BODY = (
    "नई दिल्ली, 7 अक्टूबर (भाषा) भारत और जापान ने मंगलवार को हरित हाइड्रोजन के क्षेत्र में "
    "सहयोग के लिए एक समझौता ज्ञापन पर हस्ताक्षर किए।"
)
EN_CP1252 = (
    "Pune, Oct 7 The state minister said the \u201cstrategic partnership\u201d would bring "
    "\u20ac120 million into the new plant \u2014 the largest such investment this year."
)


def read_one(path: Path) -> Document | ReadError:
    results = list(read_text(str(path)))
    assert len(results) == 1
    return results[0]


def doc_of(path: Path) -> Document:
    result = read_one(path)
    assert isinstance(result, Document), str(result)
    return result


def test_read_text_plain_utf8_keeps_body_and_uses_basename(tmp_path: Path) -> None:
    body = "Mumbai, Oct 7 A delegation arrived.\n\n  Indented second paragraph.  \n"
    path = tmp_path / "story_01.txt"
    path.write_text(body, encoding="utf-8")
    doc = doc_of(path)
    assert doc.text == body  # no whitespace normalisation
    assert doc.doc == "story_01.txt"
    assert doc.source == str(path)
    assert doc.title is None and doc.published is None and doc.url is None


def test_read_text_shift_jis(tmp_path: Path) -> None:
    path = tmp_path / "ja.txt"
    path.write_bytes(JA_BODY.encode("shift_jis"))
    assert doc_of(path).text == JA_BODY


def test_read_text_cp1252_curly_quotes_and_euro(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_bytes(EN_CP1252.encode("cp1252"))
    assert doc_of(path).text == EN_CP1252


def test_read_text_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "hi.txt"
    path.write_bytes(b"\xef\xbb\xbf" + HI_BODY.encode("utf-8"))
    assert doc_of(path).text == HI_BODY


def test_read_text_utf8_bom_before_date_header(tmp_path: Path) -> None:
    path = tmp_path / "hi.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ("date 2025-10-07 " + HI_BODY).encode("utf-8"))
    doc = doc_of(path)
    assert doc.published == "2025-10-07"
    assert doc.text == HI_BODY


def test_read_text_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "hi16.txt"
    path.write_bytes(HI_BODY.encode("utf-16"))  # Python writes a BOM for "utf-16"
    assert doc_of(path).text == HI_BODY


def test_read_text_date_header_same_line_offsets(tmp_path: Path) -> None:
    body = "Chandigarh, Oct 7 (PTI) A delegation from Osaka met the chief minister."
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-10-07 " + body, encoding="utf-8")
    doc = doc_of(path)
    assert doc.published == "2025-10-07"
    assert doc.text == body
    assert doc.text.startswith("Chandigarh")
    # Offsets downstream count from the body: a span found in text maps back exactly.
    start = doc.text.index("Osaka")
    assert doc.text[start : start + 5] == "Osaka"


def test_read_text_date_header_then_newlines(tmp_path: Path) -> None:
    body = "Bengaluru, Jan 11 The minister invited Japanese firms.\n\nSecond paragraph."
    path = tmp_path / "b.txt"
    path.write_text("\n  date 2024-01-11\n\n" + body, encoding="utf-8")
    doc = doc_of(path)
    assert doc.published == "2024-01-11"
    assert doc.text == body


def test_read_text_url_lang_date_tokens_any_order(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_text(
        "lang hi url https://news.example.in/a/123 date 2025-10-07\n" + HI_BODY,
        encoding="utf-8",
    )
    doc = doc_of(path)
    assert (doc.lang, doc.url, doc.published) == ("hi", "https://news.example.in/a/123", "2025-10-07")
    assert doc.text == HI_BODY


def test_read_text_invalid_date_token_stays_in_body(tmp_path: Path) -> None:
    raw = "date 2025-13-45 is not a date, so this is all body."
    path = tmp_path / "d.txt"
    path.write_text(raw, encoding="utf-8")
    doc = doc_of(path)
    assert doc.published is None
    assert doc.text == raw


def test_read_text_word_lang_opening_body_is_not_a_header(tmp_path: Path) -> None:
    raw = "Lang Lang played in Tokyo on Tuesday."
    path = tmp_path / "e.txt"
    path.write_text(raw, encoding="utf-8")
    assert doc_of(path).text == raw


def test_read_text_header_block(tmp_path: Path) -> None:
    body = "Osaka, Oct 7 The prefecture signed a memorandum with Gujarat."
    path = tmp_path / "f.txt"
    path.write_text(
        "Date: 2025-10-07\r\nURL: https://example.jp/n/1\r\nLang: ja\r\n"
        "Title: Osaka and Gujarat sign MoU\r\n\r\n" + body,
        encoding="utf-8",
    )
    doc = doc_of(path)
    assert doc.published == "2025-10-07"
    assert doc.url == "https://example.jp/n/1"
    assert doc.lang == "ja"
    assert doc.title == "Osaka and Gujarat sign MoU"
    assert doc.text == body


def test_read_text_header_block_rfc2822_date(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text("Date: Tue, 07 Oct 2025 00:30:00 +0530\n\nBody text.", encoding="utf-8")
    doc = doc_of(path)
    assert doc.published == "2025-10-07"  # the date as written, not shifted to UTC
    assert doc.text == "Body text."


def test_read_text_block_with_other_keys_is_body(tmp_path: Path) -> None:
    raw = "Date: 2025-10-07\nAuthor: Staff\n\nBody."
    path = tmp_path / "h.txt"
    path.write_text(raw, encoding="utf-8")
    doc = doc_of(path)
    assert doc.text == raw
    assert doc.published is None


def test_read_text_header_without_body_is_error(tmp_path: Path) -> None:
    path = tmp_path / "i.txt"
    path.write_text("date 2025-10-07\n\n", encoding="utf-8")
    result = read_one(path)
    assert isinstance(result, ReadError)
    assert result.item == str(path)
    assert "no article text" in result.reason


def test_read_text_whitespace_only_is_error(tmp_path: Path) -> None:
    path = tmp_path / "j.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    result = read_one(path)
    assert isinstance(result, ReadError)
    assert "only whitespace" in result.reason
