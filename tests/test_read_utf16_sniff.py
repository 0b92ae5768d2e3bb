"""UTF-16 without a byte-order mark is read in any script, in either byte order."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from pactwatch.read import read_paths
from pactwatch.read.base import Document, ReadError, decode_bytes

TEXTS = {
    "ja": "大阪、3月4日 日本とインドの経済協力について、政府は新しい工業団地の整備を発表した。\n"
          "トヨタ自動車は2025年に新工場を建設する予定だ。",
    "hi": "लखनऊ, 4 मार्च। भारत और जापान के बीच आर्थिक साझेदारी पर बातचीत हुई।\n"
          "मारुति सुज़ुकी ने नए संयंत्र की घोषणा की।",
    "en": "Chennai, Mar 4 (PTI) Tamil Nadu signed a memorandum with a Japanese company.\n"
          "The plant will open in 2026.",
    # no ASCII at all, so not one NUL byte in the file
    "ja_no_ascii": "日本とインドの経済協力について、政府は新しい工業団地の整備を発表した。"
                   "トヨタ自動車は新工場を建設する予定だ。",
}


@pytest.mark.parametrize("lang", sorted(TEXTS))
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_read_utf16_without_bom_any_script(tmp_path: Path, lang: str, encoding: str) -> None:
    path = tmp_path / f"{lang}.txt"
    path.write_bytes(TEXTS[lang].encode(encoding))  # no BOM for -le/-be
    docs = list(read_paths([str(path)]))
    assert len(docs) == 1 and isinstance(docs[0], Document), docs
    assert docs[0].text == TEXTS[lang]


def test_read_utf16_binary_and_legacy_encodings_unchanged() -> None:
    for seed in range(5):
        noise = random.Random(seed).randbytes(4096) + b"\x00" * 8
        assert isinstance(decode_bytes(noise, "x"), ReadError)
    ja = TEXTS["ja_no_ascii"] * 3
    for legacy in ("shift_jis", "euc_jp"):
        data = ja.encode(legacy)
        assert decode_bytes(data, "x") == ja
