"""Time and peak memory of extracting one very long text, at 10 kB, 100 kB, 1 MB, 10 MB.

    .venv/bin/python benchmarks/bench_long_text.py [--lang en] [--sizes 10k,100k,1M,10M]

Each size runs in a fresh process, so its peak resident memory (models and knowledge
base included) is its own.  Printed per size: characters, CPU seconds of the extraction
(models loaded beforehand, not counted; CPU time, because on a shared machine wall time
measures the other jobs too) and wall seconds, peak memory, events found, and the growth
factor of CPU time and memory from the previous size (target: at most 12x time per 10x
length, and under 1.5 GB at 10 MB).  ``--sizes 10M`` runs one size alone.

The texts are the team's own relevant corpus articles (tests/corpus/articles, those with
gold events) joined and repeated to the size, as a pasted dump would be; no devset text.
The extraction goes through ``Extractor.extract_documents`` with no character limit (the
readers' ``--max-chars`` is what keeps such dumps out of a normal batch).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}


def build_text(lang: str, size: int) -> str:
    """Relevant corpus articles of one language, joined until ``size`` UTF-8 bytes."""
    corpus = ROOT / "tests" / "corpus"
    base = []
    for p in sorted((corpus / "articles").glob(f"*_{lang}.txt")):
        gold = json.loads((corpus / "gold" / f"{p.stem}.json").read_text(encoding="utf-8"))
        if not gold.get("relevant"):
            continue  # an off-topic negative would mark the whole dump off-topic
        t = p.read_text(encoding="utf-8")
        if t.startswith("date "):
            t = t.split(" ", 2)[2]
        base.append(t.strip())
    if not base:
        raise SystemExit(f"no relevant {lang} articles in {corpus}")
    parts: list[str] = []
    n = i = 0
    while n < size:
        parts.append(base[i % len(base)])
        n += len(parts[-1].encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts).encode("utf-8")[:size].decode("utf-8", errors="ignore")


def run_one(lang: str, size: int) -> dict:
    """In this process: load the models, extract one text of ``size`` bytes, measure."""
    sys.path.insert(0, str(ROOT / "src"))
    from pactwatch.pipeline import ExtractError, Extractor
    from pactwatch.read.base import Document

    text = build_text(lang, size)
    ex = Extractor()
    ex.extract(build_text(lang, 3000), lang=lang)  # load the models first
    t0, c0 = time.perf_counter(), time.process_time()
    res = next(ex.extract_documents([Document(doc=f"long-{size}", text=text, lang=lang)]))
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    if isinstance(res, ExtractError):
        raise SystemExit(str(res))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"bytes": size, "chars": len(text), "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu, 2),
            "peak_mb": round(peak_mb), "events": len(res.events),
            "entities": len(res.entities)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lang", default="en", choices=("en", "hi", "ja"))
    ap.add_argument("--sizes", default="10k,100k,1M,10M",
                    help="comma-separated sizes in bytes of UTF-8 (10k, 100k, 1M, 10M)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child: one size
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_one(a.lang, a.one)))
        return
    rows = []
    for name in a.sizes.split(","):
        size = SIZES.get(name) or int(name)
        out = subprocess.run([sys.executable, __file__, "--lang", a.lang, "--one", str(size)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        prev = rows[-1] if rows else None
        row["time_x"] = round(row["cpu_seconds"] / prev["cpu_seconds"], 1) if prev else None
        row["mem_x"] = round(row["peak_mb"] / prev["peak_mb"], 2) if prev else None
        rows.append(row)
        print(f"{name:>5} {row['chars']:>11,} chars  {row['cpu_seconds']:>8.2f} s CPU  "
              f"({row['seconds']:.2f} s wall)  "
              f"{row['peak_mb']:>6,} MB  events {row['events']:>5}  "
              f"time x{row['time_x'] or '-'}  memory x{row['mem_x'] or '-'}", flush=True)


if __name__ == "__main__":
    main()
