"""The ``pactwatch`` command: one sub-command per verb, thin over the Python API.

Exit status: 0 all good, 1 when any item failed (each failure is one line on stderr and
every good item is still written), 2 for usage errors.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from typing import TextIO

from .read.base import DEFAULT_MAX_BYTES, Document, ReadError


def _progress(total: int, quiet: bool) -> object | None:
    if quiet or total <= 3 or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return None
    return tqdm(total=total, unit="file", file=sys.stderr, leave=False)


def pretty(rec: dict, out: TextIO) -> None:
    """One article, readable by a person: metadata, entities, events with evidence."""
    w = out.write
    w(f"═══ {rec['doc']}  [{rec['lang']}]  published {rec.get('published') or '—'}\n")
    if rec.get("title"):
        w(f"    {rec['title']}\n")
    dl = rec.get("dateline")
    if dl:
        w(f"    dateline: {dl.get('place') or '—'} {', '.join(dl.get('agencies') or [])}\n")
    w(f"    relevant: {'yes' if rec['relevant'] else 'no'}\n")
    if rec["entities"]:
        w("\n  Entities\n")
        for e in rec["entities"]:
            titles = f" — {'; '.join(e['titles'])}" if e.get("titles") else ""
            surface = sorted({m["text"] for m in e.get("mentions", [])})
            seen = f"  (as {', '.join(surface)})" if surface and surface != [e["name"]] else ""
            w(f"    {e['type']:<6} {e['name']} [{e['kind']}, {e.get('country') or '?'}]{titles}{seen}\n")
    if rec["events"]:
        w("\n  Events\n")
        for n, ev in enumerate(rec["events"], 1):
            w(f"  {n}. {ev['type'].upper()} ({ev['status']})  {' · '.join(ev['participants'])}\n")
            facts = []
            if ev.get("place"):
                facts.append(f"place {ev['place']}")
            if ev.get("date"):
                facts.append(f"date {ev['date']}")
            if ev.get("amount"):
                a = ev["amount"]
                facts.append(f"amount {a['value']:,} {a['currency']}")
            if ev.get("jobs"):
                facts.append(f"jobs {ev['jobs']:,}")
            if ev.get("count"):
                facts.append(f"count {ev['count']}")
            if ev.get("sectors"):
                facts.append("sectors " + ", ".join(ev["sectors"]))
            if facts:
                w(f"     {' | '.join(facts)}\n")
            for e in ev.get("evidence", []):
                w(f"     ▸ “{e['text'].strip()}”  [{e['start']}:{e['end']}]\n")
    if rec.get("figures"):
        w("\n  Figures\n")
        for f in rec["figures"]:
            w(f"    {f['value']:,} {f['unit']} — {f['about']}\n")
    w("\n")


def cmd_extract(a: argparse.Namespace) -> int:
    from .pipeline import ExtractError, Extractor
    from .read import count_inputs, read_paths

    failed = 0
    try:
        extractor = Extractor(kb_files=a.kb or [])
    except ValueError as e:
        print(f"pactwatch: {e}", file=sys.stderr)
        return 2
    total = count_inputs(a.paths)
    bar = _progress(total, a.quiet)
    out: TextIO = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout  # noqa: SIM115
    seen_sources: set[str] = set()

    def docs() -> Iterator[Document]:
        nonlocal failed
        for item in read_paths(a.paths, max_bytes=a.max_bytes):
            src = item.item if isinstance(item, ReadError) else (item.source or item.doc)
            src_file = src.split("#")[0]
            if bar is not None and src_file not in seen_sources:
                seen_sources.add(src_file)
                bar.update(1)  # type: ignore[attr-defined]
            if isinstance(item, ReadError):
                failed += 1
                print(f"pactwatch: {item}", file=sys.stderr)
                continue
            yield item

    try:
        jobs = a.jobs if a.jobs > 0 else (os.cpu_count() or 1) if total > 8 else 1
        for res in extractor.extract_documents(docs(), jobs=jobs):
            if isinstance(res, ExtractError):
                failed += 1
                print(f"pactwatch: {res}", file=sys.stderr)
                continue
            rec = res.to_dict()
            if a.pretty:
                pretty(rec, out)
            else:
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if bar is not None:
            bar.close()  # type: ignore[attr-defined]
        if a.output:
            out.close()
    return 1 if failed else 0


def cmd_kb(a: argparse.Namespace) -> int:
    from .kb.fold import fold
    from .kb.loader import KBError, load_kb
    from .kb.matcher import Matcher

    try:
        kb = load_kb(a.kb or [])
    except KBError as e:
        print(f"pactwatch: {e}", file=sys.stderr)
        return 2
    if a.kb_cmd == "stats":
        by_type: Counter[str] = Counter()
        by_kind: Counter[str] = Counter()
        by_country: Counter[str] = Counter()
        by_lang: Counter[str] = Counter()
        for e in kb.entries.values():
            by_type[e.type] += 1
            by_kind[e.kind] += 1
            by_country[e.country or "—"] += 1
            for lang, names in e.aliases.items():
                by_lang[lang] += len(names)
        print(f"{len(kb)} entries")
        for title, c in (("type", by_type), ("kind", by_kind), ("country (top 15)", by_country),
                         ("aliases by language", by_lang)):
            print(f"\nby {title}:")
            for k, v in c.most_common(15 if "top" in title else None):
                print(f"  {k:<28} {v}")
        return 0
    import unicodedata

    name = unicodedata.normalize("NFC", " ".join(a.name))
    matcher = Matcher(kb)
    hits = [m for m in matcher.find(name) if m.start == 0 and m.end == len(name.strip())]
    key = fold(name)
    found = 0
    for m in hits or matcher.find(name):
        for cid, how in m.candidates:
            e = kb.get(cid)
            if not e:
                continue
            found += 1
            print(f"{e.name}  [{e.id}]  {e.type}/{e.kind}  country={e.country or '—'}")
            print(f"  matched {m.text!r} as {how} (folded key {key!r})")
            for lang, names in sorted(e.aliases.items()):
                print(f"  {lang}: {', '.join(names[:12])}{' …' if len(names) > 12 else ''}")
            if e.abbr:
                print(f"  abbr: {', '.join(e.abbr)}")
            for o in e.offices:
                print(f"  office: {o.title or o.office} {o.start or '?'} – {o.end or 'now'}")
            if e.parent:
                print(f"  parent: {e.parent}")
            print(f"  source: {e.source}")
    if not found:
        print(f"no knowledge-base entry matches {name!r}", file=sys.stderr)
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pactwatch", description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract", help="extract article records from files, folders, globs or -")
    e.add_argument("paths", nargs="+", help="files, folders, glob patterns, or - for stdin")
    e.add_argument("-o", "--output", help="write JSON lines here (default: stdout)")
    e.add_argument("--pretty", action="store_true", help="print readable records for a person")
    e.add_argument("--quiet", action="store_true", help="no progress bar")
    e.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"skip files larger than this (default {DEFAULT_MAX_BYTES})")
    e.add_argument("--kb", action="append", help="extra knowledge-base YAML file (repeatable)")
    e.add_argument("-j", "--jobs", type=int, default=0,
                   help="worker processes (default 0: one per core when more than 8 files)")
    e.set_defaults(func=cmd_extract)
    k = sub.add_parser("kb", help="inspect the knowledge base")
    ksub = k.add_subparsers(dest="kb_cmd", required=True)
    lk = ksub.add_parser("lookup", help="show the entry a name (any script) matches")
    lk.add_argument("name", nargs="+")
    lk.add_argument("--kb", action="append")
    st = ksub.add_parser("stats", help="count entries by type, kind, country and language")
    st.add_argument("--kb", action="append")
    k.set_defaults(func=cmd_kb)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
