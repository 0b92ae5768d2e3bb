"""Extract a folder of the team's own articles and score it against its gold records.

Shared by the accuracy gates (``test_quality.py`` and the probe gates): one extractor for
the whole test process, so the knowledge base and the models load once, not once per
gate."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

from pactwatch.evaluate import evaluate, load_records
from pactwatch.pipeline import ExtractError, Extractor
from pactwatch.read import read_paths


@cache
def extractor() -> Extractor:
    return Extractor()


def predict(paths: Iterable[Path]) -> dict[str, dict]:
    """The records of every article under ``paths`` by doc name; an article that fails
    to extract fails the test (the corpus is ours: none may fail)."""
    preds: dict[str, dict] = {}
    for res in extractor().extract_documents(
            d for d in read_paths([str(p) for p in paths]) if not hasattr(d, "reason")):
        assert not isinstance(res, ExtractError), str(res)
        preds[res.doc] = res.to_dict()
    return preds


def score(paths: Iterable[Path], gold_dir: Path, lang: str | None = None
          ) -> tuple[dict[str, dict], dict[str, dict], dict, list[str]]:
    """Gold, predictions, figures and misses of the articles under ``paths``."""
    preds = predict(paths)
    gold = load_records(gold_dir)
    out, misses = evaluate(gold, preds, lang)
    return gold, preds, out, misses


def assert_floors(out: dict, misses: list[str], entities: float,
                  events: float | None = None) -> None:
    """Entity F1 (and strict event F1) at or above their floors, with the misses of the
    failing kind as the message."""
    ent = out["all"]["entities"]["all"]["f1"]
    assert ent + 1e-9 >= entities, "\n".join(m for m in misses if "entity" in m)
    if events is not None:
        ev = out["all"]["events_strict"]["all"]["f1"]
        assert ev + 1e-9 >= events, "\n".join(m for m in misses if "event" in m)
