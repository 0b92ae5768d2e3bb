"""The models run only what the extractor reads, and their products on OpenBLAS give the
same entities as on BLIS (pactwatch.blas)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from pactwatch.blas import openblas_single_thread
from pactwatch.recognise import JA_UNUSED, english_nlp, japanese_nlp

JA = ("トヨタ自動車の佐藤恒治社長は12日、インドのカルナタカ州政府とベンガルールで会談し、"
      "電気自動車の新工場に約3300億円を投資する覚書に署名した。スズキも同州で部品を生産する。")
EN = ("Maruti Suzuki signed a memorandum with the Gujarat government in Gandhinagar on "
      "Monday to build a plant, Chief Minister Bhupendra Patel told reporters.")


def _ents(doc: object) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]  # type: ignore[attr-defined]


def _set_ops(nlp: object, ops: object) -> None:
    for _, proc in nlp.pipeline:  # type: ignore[attr-defined]
        if hasattr(proc, "model"):
            for node in proc.model.walk():
                node.ops = ops


def test_japanese_runs_only_what_the_extractor_reads() -> None:
    nlp = japanese_nlp()
    # no parser: a rule sentencizer gives the sentence starts the recogniser reads
    assert nlp.pipe_names == ["tok2vec", "sentencizer", "ner"]
    assert [s.text for s in nlp("インドを訪問した。知事が会談した！").sents] == [
        "インドを訪問した。", "知事が会談した！"]
    assert not set(JA_UNUSED) & set(nlp.component_names)
    doc = nlp(JA)
    # what the Japanese rules read: Sudachi's tags and readings, and the entities
    toyota = doc[0]
    assert toyota.text == "トヨタ自動車" and "固有名詞" in toyota.tag_
    assert toyota.morph.get("Reading") == ["トヨタジドウシャ"]
    assert any(e.text == "インド" for e in doc.ents)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_openblas_products_give_the_blis_entities(lang: str) -> None:
    if not openblas_single_thread():
        pytest.skip("numpy has no OpenBLAS this platform lets us set")
    from thinc.api import NumpyOps

    nlp, text = (japanese_nlp(), JA) if lang == "ja" else (english_nlp(), EN)
    ner = nlp.get_pipe("ner")
    assert ner.model.ops.use_blis is False  # fast_matmul applied at load
    fast = _ents(nlp(text))
    try:
        _set_ops(nlp, NumpyOps(use_blis=True))
        slow = _ents(nlp(text))
    finally:
        _set_ops(nlp, NumpyOps(use_blis=False))
    assert fast == slow and fast


def test_openblas_one_thread_is_the_default_of_child_processes() -> None:
    """Importing pactwatch sets OPENBLAS_NUM_THREADS=1 for the processes it starts (a
    Dask fork server loads numpy before the models), and keeps a value the user set."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    code = "import os, pactwatch; print(os.environ['OPENBLAS_NUM_THREADS'])"
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                         text=True, check=True)
    assert run.stdout.strip() == "1"
    run = subprocess.run([sys.executable, "-c", code], env={**env, "OPENBLAS_NUM_THREADS": "2"},
                         capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "2"


def test_openblas_held_to_one_thread() -> None:
    if os.environ.get("OPENBLAS_NUM_THREADS", "1") != "1":
        pytest.skip("the user's OPENBLAS_NUM_THREADS is respected")
    if not openblas_single_thread():
        pytest.skip("numpy has no OpenBLAS this platform lets us set")
    with open("/proc/self/maps", encoding="utf-8") as f:
        path = next(line.split()[-1] for line in f if "openblas" in line.lower())
    lib = ctypes.CDLL(path)
    getter = next((getattr(lib, n) for n in ("scipy_openblas_get_num_threads64_",
                                             "openblas_get_num_threads64_",
                                             "openblas_get_num_threads") if hasattr(lib, n)), None)
    if getter is None:
        pytest.skip("no thread-count getter in this OpenBLAS")
    assert getter() == 1
