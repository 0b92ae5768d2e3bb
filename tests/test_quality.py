"""The accuracy gate: the team's own corpus must not fall below the pinned floors.

Floors live in ``tests/corpus/floors.json``.  They only rise as the extractor improves; a
commit that lowers one must say why.  The corpus articles were written by the team (see
``tests/corpus/README.md``), so this gate never sees the shared devset.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus_scoring import score

from pactwatch.evaluate import load_records

CORPUS = Path(__file__).parent / "corpus"


def figures_of(out: dict) -> dict[str, float | None]:
    """The flat figures the floors name."""
    a = out["all"]
    lang = out["by_lang"]
    attr = a["event_attributes"]
    f: dict[str, float | None] = {
        "relevance_f1": a["relevance"]["f1"],
        "published_acc": a["published"]["acc"],
        "dateline_place_acc": a["dateline_place"]["acc"],
        "entities_f1": a["entities"]["all"]["f1"],
        "events_strict_f1": a["events_strict"]["all"]["f1"],
        "events_loose_f1": a["events_loose"]["f1"],
        "sectors_f1": a["event_sectors"]["f1"],
        "figures_f1": a["figures"]["f1"],
    }
    for k in ("amount", "date", "status", "place", "count", "jobs"):
        f[f"{k}_acc"] = attr.get(k, {}).get("acc")
    for code, v in lang.items():
        f[f"entities_f1_{code}"] = v["entities"]["f1"] if v["entities"] else None
        f[f"events_strict_f1_{code}"] = v["events_strict"]["f1"] if v["events_strict"] else None
    return f


@pytest.fixture(scope="module")
def corpus_figures() -> dict[str, float | None]:
    _gold, _preds, out, _misses = score([CORPUS / "articles"], CORPUS / "gold")
    figs = figures_of(out)
    print(json.dumps(figs, indent=1))
    return figs


def test_quality_floors(corpus_figures: dict[str, float | None]) -> None:
    floors = json.loads((CORPUS / "floors.json").read_text(encoding="utf-8"))
    below = []
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        got = corpus_figures.get(key)
        if got is None or got + 1e-9 < floor:
            below.append(f"{key}: {got} < floor {floor}")
    assert not below, "quality dropped below the pinned floors:\n" + "\n".join(below)


def test_quality_every_gold_article_has_a_prediction() -> None:
    gold = load_records(CORPUS / "gold")
    arts = {p.name for p in (CORPUS / "articles").iterdir() if p.is_file()}
    assert set(gold) == arts
