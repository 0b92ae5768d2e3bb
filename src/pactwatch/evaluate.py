"""Score article records against gold records: the project's own scorer.

The same figures as the shared evaluation script (``shared/eval/score.py``, whose logic this
module follows so that our corpus gate and the devset speak the same language), importable
so that ``tests/test_quality.py`` can gate on them:

    python -m pactwatch.evaluate GOLD_DIR PRED            # PRED: a folder of *.json, or a .jsonl file
    python -m pactwatch.evaluate GOLD_DIR PRED --json     # the same figures as one JSON object
    python -m pactwatch.evaluate GOLD_DIR PRED --explain  # list every miss and every false alarm

Records are paired by the base name of their "doc" field. A gold record with no
prediction counts as a prediction with nothing in it. Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

SUFFIXES = {
    "pvt", "private", "ltd", "limited", "co", "company", "corp", "corporation", "inc",
    "incorporated", "kk", "llp", "plc", "the", "of",
}
HONORIFICS = {"shri", "sri", "smt", "mr", "mrs", "ms", "dr", "hon", "honourable", "honorable"}


def norm(name: str) -> str:
    """Fold a name to a comparable key: case, width, accents, punctuation, suffixes."""
    s = unicodedata.normalize("NFKC", name or "").casefold()
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    s = re.sub(r"[\W_]+", " ", s)
    toks = [t for t in s.split() if t not in SUFFIXES and t not in HONORIFICS]
    return " ".join(toks)


class GoldEntities:
    """The gold entities of one article, found by any of their names."""

    def __init__(self, entities: list[dict]):
        self.entities = entities
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
        # a multi-word name whose words all appear in one gold name ("Nayab Saini")
        toks = set(k.split())
        if len(toks) >= 2:
            hits = [i for i, keys in enumerate(self.keys)
                    if any(toks <= set(g.split()) or set(g.split()) <= toks
                           for g in keys if len(g.split()) >= 2)]
            if len(hits) == 1:
                return hits[0]
        return None


class PRF:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def figures(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else (1.0 if not self.fn else 0.0)
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


class Rate:
    def __init__(self):
        self.ok = self.n = 0

    def add(self, ok: bool):
        self.n += 1
        self.ok += int(bool(ok))

    def figures(self) -> dict:
        return {"acc": round(self.ok / self.n, 3) if self.n else None, "n": self.n}


def load_records(path: Path) -> dict[str, dict]:
    out: dict[str, dict] = {}
    if path.is_dir():
        items = []
        for f in sorted(path.glob("*.json")):
            items.append(json.loads(f.read_text(encoding="utf-8")))
    else:
        text = path.read_text(encoding="utf-8")
        items = [json.loads(line) for line in text.splitlines() if line.strip()]
    for rec in items:
        doc = Path(str(rec.get("doc", ""))).name
        if doc:
            out[doc] = rec
    return out


def date_ok(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return True
    return bool(pred) and str(pred)[: len(gold)] == gold


def amount_ok(gold: dict | None, pred: dict | None) -> bool:
    if not gold:
        return not pred
    if not pred or not isinstance(pred, dict):
        return False
    try:
        gv, pv = float(gold["value"]), float(pred["value"])
    except (KeyError, TypeError, ValueError):
        return False
    same_cur = str(gold.get("currency", "")).upper() == str(pred.get("currency", "")).upper()
    return same_cur and abs(gv - pv) <= 0.01 * abs(gv)


class Scorer:
    def __init__(self):
        self.rel = PRF()
        self.published = Rate()
        self.dateline = Rate()
        self.ent = defaultdict(PRF)      # by type and "all"
        self.ev_strict = defaultdict(PRF)  # by event type and "all"
        self.ev_loose = PRF()
        self.attr = defaultdict(Rate)
        self.sectors = PRF()
        self.figs = PRF()
        self.misses: list[str] = []

    def article(self, gold: dict, pred: dict):
        doc = gold.get("doc", "?")
        g_rel, p_rel = bool(gold.get("relevant")), bool(pred.get("relevant"))
        self.rel.add(int(g_rel and p_rel), int(p_rel and not g_rel), int(g_rel and not p_rel))
        if gold.get("published"):
            self.published.add(date_ok(gold["published"], pred.get("published")))
        g_dl = (gold.get("dateline") or {}).get("place")
        if g_dl:
            p_dl = (pred.get("dateline") or {}).get("place") or ""
            self.dateline.add(norm(g_dl) == norm(p_dl))

        ge = GoldEntities(gold.get("entities", []))
        # entities: each gold entity found at most once
        found: set[int] = set()
        for e in pred.get("entities", []):
            i = ge.find(e.get("name", ""))
            typ = e.get("type", "?")
            if i is None or i in found:
                if i is None:
                    self.ent["all"].add(0, 1, 0)
                    self.ent[typ].add(0, 1, 0)
                    self.misses.append(f"{doc}: extra entity {e.get('name')!r} ({typ})")
                continue
            found.add(i)
            gtyp = ge.entities[i].get("type", "?")
            self.ent["all"].add(1, 0, 0)
            self.ent[gtyp].add(1, 0, 0)
        for i, e in enumerate(ge.entities):
            if i not in found:
                self.ent["all"].add(0, 0, 1)
                self.ent[e.get("type", "?")].add(0, 0, 1)
                self.misses.append(f"{doc}: missed entity {e.get('name')!r}")

        self.events(doc, ge, gold.get("events", []), pred.get("events", []))

        gf = {(float(f["value"]), norm(f.get("unit", ""))) for f in gold.get("figures", [])}
        pf = set()
        for f in pred.get("figures", []):
            try:
                pf.add((float(f["value"]), norm(f.get("unit", ""))))
            except (KeyError, TypeError, ValueError):
                continue
        gv = {v for v, _ in gf}
        pv = {v for v, _ in pf}
        self.figs.add(len(gv & pv), len(pv - gv), len(gv - pv))

    def events(self, doc: str, ge: GoldEntities, gold: list[dict], pred: list[dict]):
        def parts(ev: dict) -> set[int]:
            ids = {ge.find(n) for n in ev.get("participants", []) if isinstance(n, str)}
            return {i for i in ids if i is not None}

        gparts = [parts(g) for g in gold]
        pparts = [parts(p) for p in pred]
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(pred):
                if g.get("type") != p.get("type"):
                    continue
                ov = len(gparts[gi] & pparts[pi])
                if ov:
                    # ties between events with the same participants go to the pair
                    # whose amount and date agree (as shared/eval/score.py does)
                    agree = int(bool(g.get("amount")) and amount_ok(g.get("amount"), p.get("amount")))
                    agree += int(bool(g.get("date")) and date_ok(g.get("date"), p.get("date")))
                    pairs.append((ov, -abs(len(gparts[gi]) - len(pparts[pi])), agree, gi, pi))
        pairs.sort(reverse=True)
        used_g, used_p, strict, loose = set(), set(), [], []
        for ov, _, _, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            loose.append((gi, pi))
            if ov >= min(2, len(gparts[gi])):
                strict.append((gi, pi))
        self.ev_loose.add(len(loose), len(pred) - len(loose), len(gold) - len(loose))
        sg = {gi for gi, _ in strict}
        sp = {pi for _, pi in strict}
        self.ev_strict["all"].add(len(strict), len(pred) - len(strict), len(gold) - len(strict))
        for gi, g in enumerate(gold):
            t = g.get("type", "?")
            self.ev_strict[t].add(int(gi in sg), 0, int(gi not in sg))
            if gi not in sg:
                self.misses.append(f"{doc}: missed event {t} {g.get('participants')}")
        for pi, p in enumerate(pred):
            if pi not in sp:
                self.ev_strict[p.get("type", "?")].add(0, 1, 0)
                self.misses.append(
                    f"{doc}: extra event {p.get('type')} {p.get('participants')}")
        for gi, pi in strict:
            g, p = gold[gi], pred[pi]
            if g.get("date"):
                self.attr["date"].add(date_ok(g["date"], p.get("date")))
            if g.get("place"):
                self.attr["place"].add(ge.find(g["place"]) is not None
                                       and ge.find(g["place"]) == ge.find(p.get("place") or ""))
            if g.get("amount") or p.get("amount"):
                self.attr["amount"].add(amount_ok(g.get("amount"), p.get("amount")))
            if g.get("jobs"):
                self.attr["jobs"].add(p.get("jobs") == g["jobs"])
            if g.get("count"):
                self.attr["count"].add(p.get("count") == g["count"])
            if g.get("status"):
                self.attr["status"].add(p.get("status") == g["status"])
            gs, ps = set(g.get("sectors", [])), set(p.get("sectors", []))
            self.sectors.add(len(gs & ps), len(ps - gs), len(gs - ps))

    def figures(self) -> dict:
        return {
            "relevance": self.rel.figures(),
            "published": self.published.figures(),
            "dateline_place": self.dateline.figures(),
            "entities": {k: v.figures() for k, v in sorted(self.ent.items())},
            "events_strict": {k: v.figures() for k, v in sorted(self.ev_strict.items())},
            "events_loose": self.ev_loose.figures(),
            "event_attributes": {k: v.figures() for k, v in sorted(self.attr.items())},
            "event_sectors": self.sectors.figures(),
            "figures": self.figs.figures(),
        }


def evaluate(gold: dict[str, dict], pred: dict[str, dict], lang: str | None = None
             ) -> tuple[dict, list[str]]:
    """Figures (as printed by ``--json``) and the list of misses, for records by doc name."""
    by_lang: dict[str, Scorer] = defaultdict(Scorer)
    total = Scorer()
    for doc, g in sorted(gold.items()):
        if lang and g.get("lang") != lang:
            continue
        p = pred.get(doc, {})
        total.article(g, p)
        by_lang[g.get("lang", "?")].article(g, p)
    out = {"articles": sum(1 for g in gold.values() if not lang or g.get("lang") == lang),
           "predicted": sum(1 for d, g in gold.items()
                            if d in pred and (not lang or g.get("lang") == lang)),
           "all": total.figures(),
           "by_lang": {k: {"entities": v.figures()["entities"]["all"] if "all" in v.ent else None,
                           "events_strict": v.figures()["events_strict"].get("all")}
                       for k, v in sorted(by_lang.items())}}
    return out, total.misses


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--explain", action="store_true", help="list misses and false alarms")
    ap.add_argument("--lang", help="score only gold records of this language")
    a = ap.parse_args(argv)

    out, misses = evaluate(load_records(a.gold), load_records(a.pred), a.lang)
    if a.json:
        print(json.dumps(out, indent=1))
    else:
        f = out["all"]
        print(f"articles {out['articles']}, predicted {out['predicted']}")
        print(f"relevance   {f['relevance']}")
        print(f"published   {f['published']}   dateline place {f['dateline_place']}")
        for k, v in f["entities"].items():
            print(f"entities {k:8} {v}")
        for k, v in f["events_strict"].items():
            print(f"events   {k:12} {v}")
        print(f"events loose {f['events_loose']}")
        for k, v in f["event_attributes"].items():
            print(f"attribute {k:8} {v}")
        print(f"sectors     {f['event_sectors']}")
        print(f"figures     {f['figures']}")
        for k, v in out["by_lang"].items():
            print(f"lang {k}: entities {v['entities']} events {v['events_strict']}")
    if a.explain:
        for m in misses:
            print(m)
    return 0


if __name__ == "__main__":
    sys.exit(main())
