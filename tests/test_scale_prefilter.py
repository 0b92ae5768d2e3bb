"""The relevance cascade never costs a relevant article, and sends off-topic news out.

Recall is checked on the gold of the team corpus and (when present on the machine) the
shared devset: every article the gold calls relevant must pass the cascade.  Identity is
checked by extracting the corpus with and without the cascade: relevant records are
equal field for field.  Off-topic articles come from our own generator
(``pactwatch.scale.synthetic``).
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from pactwatch.kb.loader import load_kb
from pactwatch.pipeline import ExtractError, Extractor
from pactwatch.read import read_paths
from pactwatch.read.base import Document
from pactwatch.scale.prefilter import STAGE_VOCABULARY, Prefilter, fast_fold, guess_lang
from pactwatch.scale.synthetic import offtopic_article

CORPUS = Path(__file__).parent / "corpus"
DEVSET = Path("/work/shared/devset")


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return Prefilter(load_kb([]))


def _docs(folder: Path) -> dict[str, Document]:
    return {d.doc: d for d in read_paths([str(folder)]) if isinstance(d, Document)}


def _gold_relevant(folder: Path) -> set[str]:
    out = set()
    for f in sorted(folder.glob("*.json")):
        rec = json.loads(f.read_text(encoding="utf-8"))
        if rec.get("relevant"):
            out.add(rec["doc"])
    return out


@pytest.mark.parametrize("where", ["corpus", "devset"])
def test_scale_prefilter_passes_every_gold_relevant_article(prefilter: Prefilter,
                                                            where: str) -> None:
    base = CORPUS if where == "corpus" else DEVSET
    if not (base / "gold").is_dir():
        pytest.skip(f"{base} is not on this machine")
    docs = _docs(base / "articles")
    relevant = _gold_relevant(base / "gold") & set(docs)
    assert len(relevant) >= 10
    missed = sorted(d for d in relevant if not prefilter.verdict(docs[d]).passed)
    recall = 1 - len(missed) / len(relevant)
    assert recall >= 0.99, f"the cascade stops relevant articles: {missed}"


def test_scale_prefilter_relevant_records_identical_with_and_without() -> None:
    docs = list(_docs(CORPUS / "articles").values())
    ex = Extractor(prefilter=True)
    with_cascade = {r.doc: r.to_dict() for r in ex.extract_documents(docs)
                    if not isinstance(r, ExtractError)}
    cascade, ex.prefilter = ex.prefilter, None
    without = {r.doc: r.to_dict() for r in ex.extract_documents(docs)
               if not isinstance(r, ExtractError)}
    assert set(with_cascade) == set(without) == {d.doc for d in docs}
    relevant = [k for k, v in without.items() if v["relevant"]]
    assert len(relevant) >= 12
    for k in relevant:
        assert with_cascade[k] == without[k], k
    # the corpus's two negatives leave early, as relevant: false without entities
    stopped = [d for d in docs if not cascade.verdict(d).passed]
    assert {d.doc for d in stopped} == {k for k, v in without.items() if not v["relevant"]}
    for d in stopped:
        rec = with_cascade[d.doc]
        assert rec["relevant"] is False and rec["entities"] == [] and rec["events"] == []
        assert rec["lang"] == without[d.doc]["lang"]


def test_scale_prefilter_stops_generated_offtopic_news(prefilter: Prefilter) -> None:
    rng = random.Random(7)
    docs = [Document(doc=f"o{i}", text=text, title=title)
            for i in range(300) for title, text in [offtopic_article(rng)]]
    words = [len(d.text.split()) for d in docs if d.text.isascii()]
    assert 400 <= min(words) and max(words) <= 900
    verdicts = [prefilter.verdict(d) for d in docs]
    stopped = sum(not v.passed for v in verdicts)
    assert stopped / len(docs) >= 0.85
    assert sum(v.stage == STAGE_VOCABULARY for v in verdicts) / len(docs) >= 0.75


def test_scale_prefilter_sift_keeps_input_order(prefilter: Prefilter) -> None:
    rng = random.Random(3)
    off = [Document(doc=f"off{i}", text=offtopic_article(rng)[1]) for i in range(3)]
    on = Document(doc="on", text="Toyota will invest Rs 500 crore in a new plant in "
                                  "Gujarat, the company said on Monday.")
    seen: list[list[str]] = []

    def extract(rest: list[Document], texts: list) -> list[ExtractError]:
        assert len(texts) == len(rest)
        seen.append([d.doc for d in rest])
        return [ExtractError(d.doc, "extracted") for d in rest]

    out = list(prefilter.sift([off[0], on, off[1], off[2]], extract))
    assert [getattr(r, "doc", getattr(r, "item", None)) for r in out] == \
        ["off0", "on", "off1", "off2"]
    assert seen == [["on"]]  # only the possible one went to the models, in one batch


def test_scale_prefilter_folds_like_the_kb() -> None:
    # nukta, chandrabindu and vowel length do not hide a Hindi word; nor does case or
    # a line break inside a two-word term
    assert fast_fold("फ़ैक्ट्री") == fast_fold("फैक्ट्री")
    assert fast_fold("Chief\n  MINISTER") == "chief minister"
    assert fast_fold("ＪＥＴＲＯ") == "jetro"
    assert guess_lang(Document(doc="x", text="निवेश")) == "hi"
    assert guess_lang(Document(doc="x", text="投資する")) == "ja"
    assert guess_lang(Document(doc="x", text="plain")) == "en"


def test_scale_prefilter_words_stand_alone(prefilter: Prefilter) -> None:
    assert not prefilter.has_vocabulary("The investigators spoke according to plan.")
    assert prefilter.has_vocabulary("Investors were told on Monday.")
    assert prefilter.has_vocabulary("कंपनियों ने निवेश किया")
    assert prefilter.has_vocabulary("トヨタが工場を建設")
