"""JSON nesting is limited with a clear message; parser messages read as sentences."""

from __future__ import annotations

import json
from pathlib import Path

from pactwatch.read import read_paths
from pactwatch.read.base import Document, ReadError
from pactwatch.read.jsonl import MAX_JSON_DEPTH, json_depth


def test_read_jsonl_depth_limit_names_depth_and_limit(tmp_path: Path) -> None:
    ok = {"id": "ok", "text": "A delegation visited Osaka.", "meta": {"a": [[{"b": 1}]]}}
    deep = '{"id": "deep", "text": "x", "m": ' + "[" * 900 + "]" * 900 + "}"
    (tmp_path / "a.jsonl").write_text(json.dumps(ok) + "\n" + deep + "\n", encoding="utf-8")
    out = list(read_paths([str(tmp_path / "a.jsonl")]))
    assert isinstance(out[0], Document) and out[0].doc == "ok"
    assert isinstance(out[1], ReadError) and "line 2" in out[1].item
    assert "nested 901 levels deep" in out[1].reason and f"at most {MAX_JSON_DEPTH}" in out[1].reason


def test_read_jsonl_depth_ignores_brackets_in_strings() -> None:
    assert json_depth('{"text": "[[[[{{{{ \\" ]]]"}') == 1
    assert json_depth("[" * 70 + "]" * 70) == 70


def test_read_jsonl_no_doubled_at_in_control_character_error(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text('{"id": "x", "text": "tab\there"}\n', encoding="utf-8")
    out = list(read_paths([str(tmp_path / "c.jsonl")]))
    assert len(out) == 1 and isinstance(out[0], ReadError)
    assert "Invalid control character at column" in out[0].reason
    assert "at at" not in out[0].reason


def test_read_jsonl_deep_line_in_a_json_file_loses_only_that_line(tmp_path: Path) -> None:
    """JSON Lines saved as ``.json``: the deep line is an error, its neighbours read."""
    lines = [json.dumps({"id": "a", "text": "A delegation visited Osaka."}),
             '{"id": "deep", "text": "x", "m": ' + "[" * 3000 + "]" * 3000 + "}",
             json.dumps({"id": "c", "text": "Gujarat signed an MoU."})]
    (tmp_path / "x.json").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = list(read_paths([str(tmp_path / "x.json")]))
    assert [d.doc for d in out if isinstance(d, Document)] == ["a", "c"]
    assert [e.item.endswith("(line 2)") for e in out if isinstance(e, ReadError)] == [True]
