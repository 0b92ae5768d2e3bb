#!/usr/bin/env python3
"""Build ``src/pactwatch/events/data/company_sectors.json``: what each company of the
knowledge base makes, as sector slugs of the contract.

Why: "Suzuki will invest 350 billion rupees" or "Toyota Kirloskar signed an MoU" names no
sector word, yet an analyst counts the deal under automotive.  The company's line of
business is a sector of its deals (agreements, investments, plants) besides those the
text names (events/frames.py); measured on the devset, adding it always beat adding it
only when the text names none (tune sectors F1 .684 -> .711, check .472 -> .489).

Sources, in order (a company takes the first that gives it any sector):
1. ``events/data/company_sectors_seed.yaml``: the core business of the best-known
   companies whose names do not say it (Denso, Daikin, Kubota), from public profiles;
   its ``none`` list (trading houses, holding groups) gets no sector from any source.
2. The company's English name: sector words of ``sectors.yaml`` plus the name words of
   ``sector_context.yaml`` ("Motor", "Electric", "Foods"); words of legal form or generic
   activity ("Manufacturing", "Industries") are silent.
3. The parent company's sectors (a subsidiary makes what its group makes).
4. Learned: the sectors that gold events of a company agree on, in every one of at least
   ``MIN_SUPPORT`` events, from the team corpus (``tests/corpus/gold``) and the devset's
   **tune** fold when its directory is given.  The check fold is never read.

``--report`` prints how often the table's sectors are among the gold sectors of events
with one company (the precision of the fallback) on the same data.

Run (deterministic; the output is committed, the package only reads it):
    python scripts/train_sectors.py [--devset /work/shared/devset] [--report]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

import regex
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from pactwatch.events.sectors import find_sectors  # noqa: E402
from pactwatch.record import SECTORS  # noqa: E402

DATA = ROOT / "src/pactwatch/events/data"
KB = ROOT / "src/pactwatch/kb/data/companies.jsonl"
OUT = DATA / "company_sectors.json"
MIN_SUPPORT = 2


def fold(name: str) -> str:
    """Case, punctuation and legal suffixes folded, as the scorer compares names."""
    s = regex.sub(r"[\p{P}\p{S}]+", " ", name.casefold())
    s = regex.sub(r"\b(?:pvt|private|ltd|limited|co|corporation|corp|inc|k k)\b", " ", s)
    return " ".join(s.split())


def name_sectors(name: str, words: dict[str, str], silent: list[str]) -> list[str]:
    """Sectors a company's English name states."""
    quiet = regex.sub(r"\b(?:" + "|".join(map(regex.escape, silent)) + r")\b", " ", name)
    out = [h.slug for h in find_sectors(quiet, "en", gate=False)]
    for word, slug in words.items():
        if regex.search(rf"\b{regex.escape(word)}\b", quiet):
            out.append(slug)
    return sorted(set(out))


def gold_events(devset: Path | None) -> list[tuple[list[str], list[dict], set[str]]]:
    """(participants, entities, sectors) of every gold event of the corpus and tune fold."""
    files = sorted((ROOT / "tests/corpus/gold").glob("*.json"))
    if devset is not None:
        with (devset / "INDEX.tsv").open(encoding="utf-8") as fh:
            tune = [r["file"] for r in csv.DictReader(fh, delimiter="\t") if r["fold"] == "tune"]
        files += [devset / "gold" / (f.rsplit(".", 1)[0] + ".json") for f in tune]
    out = []
    for path in files:
        rec = json.loads(path.read_text("utf-8"))
        for ev in rec.get("events", []):
            out.append((ev.get("participants", []), rec.get("entities", []),
                        set(ev.get("sectors") or [])))
    return out


def companies_of(parts: list[str], ents: list[dict], index: dict[str, str]) -> set[str]:
    """KB company ids of an event's participants (by gold name or alias)."""
    by_name = {e["name"]: e for e in ents}
    ids = set()
    for p in parts:
        e = by_name.get(p)
        if not e or e.get("type") != "ORG":
            continue
        for n in [e["name"], *e.get("aliases", [])]:
            if fold(n) in index:
                ids.add(index[fold(n)])
                break
    return ids


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--devset", type=Path, help="shared devset directory (tune fold only)")
    ap.add_argument("--report", action="store_true")
    args = ap.parse_args(argv)

    companies = [json.loads(line) for line in KB.read_text("utf-8").splitlines() if line]
    known = {c["id"] for c in companies}
    seed_raw = yaml.safe_load((DATA / "company_sectors_seed.yaml").read_text("utf-8"))
    ctx = yaml.safe_load((DATA / "sector_context.yaml").read_text("utf-8"))
    seed: dict[str, set[str]] = {}
    silent = set(seed_raw.pop("none", []))
    for slug, ids in seed_raw.items():
        if slug not in SECTORS:
            raise SystemExit(f"seed: {slug!r} is not a contract sector")
        for cid in ids:
            if cid not in known:
                raise SystemExit(f"seed: {cid!r} is not a KB company")
            seed.setdefault(cid, set()).add(slug)

    table: dict[str, set[str]] = {}
    unknown = silent - known
    if unknown:
        raise SystemExit(f"seed none: not KB companies: {sorted(unknown)}")
    for c in companies:
        if c["id"] in silent:
            continue
        got = seed.get(c["id"]) or set(name_sectors(
            c["name"], ctx["company_name_words"], ctx["name_words_silent"]))
        if got:
            table[c["id"]] = got
    parents = {c["id"]: c.get("parent") for c in companies}
    for cid in sorted(known):
        seen, p = {cid}, parents.get(cid)
        while cid not in table and cid not in silent and p and p not in seen:
            if p in table:
                table[cid] = set(table[p])
            seen.add(p)
            p = parents.get(p)

    index: dict[str, str] = {}
    for c in companies:
        for n in [c["name"], *c["aliases"].get("en", [])]:
            index.setdefault(fold(n), c["id"])
    events = gold_events(args.devset)
    votes: dict[str, Counter[str]] = {}
    seen_n: Counter[str] = Counter()
    for parts, ents, sectors in events:
        ids = companies_of(parts, ents, index)
        if len(ids) != 1 or not sectors:
            continue
        cid = next(iter(ids))
        seen_n[cid] += 1
        votes.setdefault(cid, Counter()).update(sectors)
    for cid, c in sorted(votes.items()):
        agreed = {s for s, n in c.items() if n == seen_n[cid]}
        if cid not in table and cid not in silent and seen_n[cid] >= MIN_SUPPORT and agreed:
            table[cid] = agreed
            print(f"learned {cid}: {sorted(agreed)} ({seen_n[cid]} events)")

    lines = [f"{json.dumps(k)}: {json.dumps(sorted(v))}" for k, v in sorted(table.items())]
    OUT.write_text("{\n" + ",\n".join(lines) + "\n}\n", "utf-8")
    print(f"{len(table)} of {len(companies)} companies have sectors -> {OUT.relative_to(ROOT)}")
    if args.report:
        tp = fp = fn = 0
        for parts, ents, sectors in events:
            ids = companies_of(parts, ents, index)
            if len(ids) != 1:
                continue
            have = table.get(next(iter(ids)), set())
            tp += len(have & sectors)
            fp += len(have - sectors)
            fn += len(sectors - have) if have else 0
        print(f"events with one KB company: table sectors in gold {tp}, not in gold {fp}, "
              f"gold sectors the table lacks {fn}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
