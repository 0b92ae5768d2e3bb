"""Throughput and memory of the extractor, measured in one run so ratios are fair.

    .venv/bin/python benchmarks/bench_extract.py [--articles 200] [--jobs 2]

Reports:
- whole-extractor throughput on English articles of about 600 words, as a ratio to spaCy's
  bare ``nlp.pipe`` with the same model on the same texts (target ≥ 0.5), both with the
  components the extractor runs and with every component of the model, and articles per
  second in one process and in ``--jobs`` worker processes (target ≥ 10 on two cores);
- entity-stage throughput (normalise + recognise + link, model included) in words per
  second per core, on English and Hindi;
- peak resident memory of the whole process (target ≤ 1.5 GB).

The texts are built from the team's own corpus articles (tests/corpus/articles), repeated
and cut to length; no devset text is used.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import spacy  # noqa: E402

from pactwatch.normalise import normalise  # noqa: E402
from pactwatch.pipeline import Extractor  # noqa: E402
from pactwatch.read.base import Document  # noqa: E402
from pactwatch.recognise import english_nlp  # noqa: E402
from pactwatch.transition import spacy_decoders  # noqa: E402


def corpus_texts(lang: str) -> list[str]:
    folder = ROOT / "tests" / "corpus" / "articles"
    out = []
    for p in sorted(folder.glob(f"*_{lang}.txt")):
        t = p.read_text(encoding="utf-8")
        if t.startswith("date "):
            t = t.split(" ", 2)[2]
        out.append(t)
    if not out:
        raise SystemExit(f"no {lang} articles in {folder}")
    return out


def make_articles(lang: str, n: int, words: int = 600) -> list[str]:
    base = corpus_texts(lang)
    arts = []
    for i in range(n):
        parts, count, j = [], 0, i
        while count < words:
            t = base[j % len(base)]
            parts.append(t)
            count += len(t.split())
            j += 1
        text = "\n\n".join(parts)
        arts.append(" ".join(text.split(" ")[:words]) if lang == "en" else text)
    return arts


def fresh_texts() -> list[str]:
    """Our English probe articles (tests/corpus/probes*, deal_probes): texts that the
    600-word articles above never repeat, so no per-sentence memo of the rules has seen
    them when they are extracted."""
    out = []
    for folder in ("probes", "probes_en_unseen", "deal_probes"):
        for p in sorted((ROOT / "tests" / "corpus" / folder / "articles").glob("*_en.txt")):
            t = p.read_text(encoding="utf-8")
            out.append(t.split("\n", 1)[1] if t.startswith("date ") else t)
    return out


def fresh_report(ex: Extractor, nlp: object) -> None:
    """The whole extractor against the bare NER on texts it meets for the first time,
    one pass each (a second pass would find its answers in the memos): the bench's
    repeated articles let the trigger finder's and the dating pass's memos answer more
    often than real news does, which flatters the whole-extractor figure above."""
    texts = fresh_texts()
    if not texts:
        return
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):  # type: ignore[attr-defined]
        pass
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in ex.extract_documents(Document(doc=f"f{i}", text=t) for i, t in enumerate(texts)):
        pass
    full = time.perf_counter() - t0
    n = len(texts)
    print(f"fresh texts (our {n} English probes, ~{words // n} words, one pass each)")
    print(f"  bare nlp.pipe (ner)  {1000 * bare / n:6.1f} ms/article")
    print(f"  whole extractor      {1000 * full / n:6.1f} ms/article  "
          f"(rules {1000 * (full - bare) / n:.1f} ms; ratio {bare / full:.2f})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run")
    a = ap.parse_args()
    ex = Extractor()
    nlp = english_nlp()
    en = make_articles("en", a.articles)
    n_words = sum(len(t.split()) for t in en)
    # warm up both paths
    list(nlp.pipe(en[:5]))
    list(ex.extract_documents(Document(doc=f"w{i}", text=t) for i, t in enumerate(en[:5])))

    t0 = time.perf_counter()
    for _ in nlp.pipe(en, batch_size=32):
        pass
    bare = time.perf_counter() - t0
    # the same, with spaCy's own greedy decoder instead of the numpy decoder the extractor
    # loads (pactwatch/transition.py): what a user's plain spacy.load would run
    with spacy_decoders(nlp):
        list(nlp.pipe(en[:5]))
        t0 = time.perf_counter()
        for _ in nlp.pipe(en, batch_size=32):
            pass
        bare_greedy = time.perf_counter() - t0
    # every component (the medium model is a package data folder, not an installed name)
    full_nlp = spacy.load(getattr(nlp, "path", None) or nlp.meta["lang"] + "_" + nlp.meta["name"])
    list(full_nlp.pipe(en[:5]))
    t0 = time.perf_counter()
    for _ in full_nlp.pipe(en, batch_size=32):
        pass
    bare_full = time.perf_counter() - t0
    del full_nlp
    t0 = time.perf_counter()
    for _ in ex.extract_documents(Document(doc=f"a{i}", text=t) for i, t in enumerate(en)):
        pass
    full = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in ex.extract_documents((Document(doc=f"a{i}", text=t) for i, t in enumerate(en)),
                                  jobs=a.jobs):
        pass
    par = time.perf_counter() - t0
    print(f"English, {len(en)} articles of ~{n_words // len(en)} words")
    print(f"  bare nlp.pipe, all components of the model  {len(en) / bare_full:8.1f} articles/s")
    print(f"  bare nlp.pipe, the components we run (ner)  {len(en) / bare:8.1f} articles/s")
    print(f"  bare nlp.pipe, ner with spaCy's greedy decoder {len(en) / bare_greedy:5.1f} articles/s")
    print(f"  whole extractor, 1 process                  {len(en) / full:8.1f} articles/s")
    print(f"  whole extractor, {a.jobs} processes                 {len(en) / par:8.1f} articles/s"
          "  (target >= 10 on two cores)")
    print(f"  ratio extractor/bare (same components)   = {bare / full:.2f}  (target >= 0.5)")
    print(f"  ratio extractor/bare (all components)    = {bare_full / full:.2f}")
    print(f"  ratio extractor/bare (ner, greedy)       = {bare_greedy / full:.2f}")

    fresh_report(ex, nlp)

    for lang in ("en", "hi"):
        texts = make_articles(lang, min(a.articles, 100))
        words = sum(len(t.split()) for t in texts)
        docs = [Document(doc=f"{lang}{i}", text=t, lang=lang) for i, t in enumerate(texts)]
        t0 = time.perf_counter()
        norm = [normalise(d) for d in docs]
        parsed = ex._parse(norm)
        for t, d in zip(norm, parsed, strict=True):
            ex.linker.link(t, ex.recogniser.recognise(t, d))
        dt_ = time.perf_counter() - t0
        print(f"entity stage {lang}: {words / dt_:10.0f} words/s on one core")

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"peak memory: {peak_kb / 1024:.0f} MB  (target <= 1536 MB)")
    print(f"peak memory of the largest worker process: {kids_kb / 1024:.0f} MB "
          "(its pages are mostly shared with the parent, forked after loading)")


if __name__ == "__main__":
    main()
