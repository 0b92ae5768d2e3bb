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

from .longtext import DEFAULT_MAX_CHARS, ProgressHook, report_progress
from .read.base import DEFAULT_MAX_BYTES, Document, ReadError
from .terminal import open_cli_store, write_rows

# Plain text for --help (the module docstring is reStructuredText).
DESCRIPTION = ("pactwatch: extract cross-border partnership events (visits, MoUs, "
               "investments, plants...) from news in English, Hindi and Japanese, store "
               "them and query them.")
EPILOG = ("Exit status: 0 all good; 1 when any item failed (one line each on stderr, every "
          "good item still written); 2 for usage errors. 'pactwatch COMMAND --help' "
          "explains each command.")


def _progress(total: int, quiet: bool) -> object | None:
    if quiet or total <= 3 or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return None
    return tqdm(total=total, unit="file", file=sys.stderr, leave=False)


def _long_item_progress(quiet: bool) -> ProgressHook | None:
    """A bar per long item (one extracted in segments), on a terminal only."""
    if quiet or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return None
    bars: dict[str, object] = {}

    def hook(item: str, done: int, total: int) -> None:
        bar = bars.get(item)
        if bar is None:
            bar = bars[item] = tqdm(total=total, unit="char", unit_scale=True, leave=False,
                                    desc=item[-30:], file=sys.stderr)
        bar.update(done - bar.n)  # type: ignore[attr-defined]
        if done >= total:
            bar.close()  # type: ignore[attr-defined]
            bars.pop(item, None)

    return hook


def pretty(rec: dict, out: TextIO) -> None:
    """One article, readable by a person: metadata, entities, events with evidence."""
    w = out.write
    w(f"═══ {rec['doc']}  [{rec['lang']}]  published {rec.get('published') or '—'}\n")
    if rec.get("title"):
        w(f"    {rec['title']}\n")
    dl = rec.get("dateline")
    if dl:
        parts = [dl.get("place") or "—", ", ".join(dl.get("agencies") or [])]
        w(f"    dateline: {' '.join(p for p in parts if p)}\n")
    w(f"    relevant: {'yes' if rec['relevant'] else 'no'}\n")
    if rec["entities"]:
        w("\n  Entities\n")
        for e in rec["entities"]:
            titles = f" — {'; '.join(e['titles'])}" if e.get("titles") else ""
            surface = sorted({m["text"] for m in e.get("mentions", [])})
            seen = f"  (as {', '.join(surface)})" if surface and surface != [e["name"]] else ""
            facts = ", ".join(x for x in (e["kind"], e.get("country")) if x)  # no '?'
            w(f"    {e['type']:<6} {e['name']} [{facts}]{titles}{seen}\n")
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
    if a.dask:  # partitions on a Dask cluster, one shard each (scale/dask.py)
        from .scale.dask import cli as dask_cli

        return dask_cli(a)
    from .pipeline import ExtractError, Extractor
    from .read import count_inputs, read_paths

    failed = 0
    try:
        extractor = Extractor(kb_files=a.kb or [], prefilter=bool(a.prefilter))
    except ValueError as e:
        print(f"pactwatch: {e}", file=sys.stderr)
        return 2
    total = count_inputs(a.paths)
    bar = _progress(total, a.quiet)
    out: TextIO = open(a.output, "w", encoding="utf-8") if a.output else sys.stdout  # noqa: SIM115
    seen_sources: set[str] = set()

    def docs() -> Iterator[Document]:
        nonlocal failed
        for item in read_paths(a.paths, max_bytes=a.max_bytes, max_chars=a.max_chars or None):
            src = item.item if isinstance(item, ReadError) else (item.source or item.doc)
            src_file = src.split("#")[0]
            if bar is not None and src_file not in seen_sources:
                seen_sources.add(src_file)
                bar.update(1)  # type: ignore[attr-defined]
            if isinstance(item, ReadError):
                failed += 1
                print(f"pactwatch: {item}", file=sys.stderr)
                continue
            if item.warning:  # still written: a warning, not a failure
                print(f"pactwatch: {item.source or item.doc}: warning: {item.warning}",
                      file=sys.stderr)
            yield item

    try:
        jobs = a.jobs if a.jobs > 0 else (os.cpu_count() or 1) if total > 8 else 1
        with report_progress(_long_item_progress(a.quiet)):
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


# --------------------------------------------------------------------------------------
# The store: ingest, events, entity, search, export
# --------------------------------------------------------------------------------------

def cmd_ingest(a: argparse.Namespace) -> int:
    if a.dask:  # extract and store partitions on a Dask cluster (scale/dask.py)
        from .scale.dask import cli as dask_cli

        return dask_cli(a, ingest=True)
    from .scale.inputs import ingest_paths
    from .store.ingest import Ingestor

    store = open_cli_store(a, create=True)
    if store is None:
        return 2
    try:
        ing = Ingestor(store, kb_files=a.kb or [],
                       **({"embedder": None} if a.no_embed else {}))
        ing.prefilter = a.prefilter is not False  # the relevance cascade (scale/prefilter.py)
        try:
            with report_progress(_long_item_progress(a.quiet)):
                ingest_paths(ing, a.paths,  # Parquet shards too
                             max_bytes=a.max_bytes,
                             max_chars=a.max_chars or None)
        except ValueError as e:  # a bad --kb file
            print(f"pactwatch: {e}", file=sys.stderr)
            return 2
        if not a.quiet:
            print(f"pactwatch: {ing.report.summary()} → {store.display_url}",
                  file=sys.stderr)
        return 1 if ing.report.failed else 0
    finally:
        store.close()


def _figure_text(figs: list[dict]) -> str:
    """Figures side by side with their sources: '1185 crore' is never averaged."""
    by_value: dict[str, list[str]] = {}
    for f in figs:
        v = f["value"]
        num = f"{v:,}" if isinstance(v, int | float) else str(v)
        cur = f" {f['currency']}" if f.get("currency") else ""
        by_value.setdefault(num + cur, []).append(f["source"])
    return "; ".join(f"{v} ({', '.join(dict.fromkeys(srcs))})" for v, srcs in by_value.items())


def _story_table_row(r: dict) -> dict[str, str]:
    figures = [x for x in (_figure_text(r["amounts"]),
                           "jobs " + _figure_text(r["jobs"]) if r["jobs"] else "",
                           "count " + _figure_text(r["counts"]) if r["counts"] else "") if x]
    return {"story": str(r["story"]), "type": r["type"], "status": r["status"],
            "date": r["date"] or r["date_lo"] or "", "participants": " · ".join(r["participants"]),
            "place": r["place"] or "", "figures": " | ".join(figures),
            "sources": f"{len(r['sources'])}: " + ", ".join(r["sources"])}


def cmd_events(a: argparse.Namespace) -> int:
    from .store.query import EVENT_COLUMNS, QueryError, events

    store = open_cli_store(a)
    if store is None:
        return 2
    try:
        with store.read() as conn:
            rows = events(conn, country=a.country, state=a.state, entity=a.entity, type=a.type,
                          sector=a.sector, status=a.status, since=a.since, until=a.until,
                          limit=a.limit or None)
    except QueryError as e:
        print(f"pactwatch: {e}", file=sys.stderr)
        return 2
    finally:
        store.close()
    write_rows(rows, a.format, sys.stdout,
                [_story_table_row(r) for r in rows] if a.format == "table" else None,
                columns=EVENT_COLUMNS)
    return 0


def cmd_entity(a: argparse.Namespace) -> int:
    from .store.query import QueryError, entity

    store = open_cli_store(a)
    if store is None:
        return 2
    name = " ".join(a.name)
    try:
        with store.read() as conn:
            found = entity(conn, name)
    except QueryError as e:
        print(f"pactwatch: {e}", file=sys.stderr)
        return 2
    finally:
        store.close()
    if not found:
        print(f"pactwatch: no stored entity is called {name.strip()!r} (in any script)",
              file=sys.stderr)
        return 1
    out = sys.stdout
    if a.format == "json":
        for e in found:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
        return 0
    if a.format == "csv":
        from .store.query import EVENT_COLUMNS

        write_rows([{"entity": e["id"], **r} for e in found for r in e["timeline"]], "csv", out,
                    columns=("entity", *EVENT_COLUMNS))
        return 0
    for e in found:
        out.write(f"{e['name']}  [{e['id']}]  {e['type'] or '?'}/{e['kind'] or '?'}  "
                  f"country={e['country'] or '—'}  in {e['n_articles']} articles\n")
        by_lang: dict[str, list[str]] = {}
        for al in e["aliases"]:
            by_lang.setdefault(f"{al['lang']} ({al['script']})", []).append(al["alias"])
        for lang, names in sorted(by_lang.items()):
            out.write(f"  {lang}: {', '.join(names)}\n")
        if e["titles"]:
            out.write(f"  titles: {'; '.join(e['titles'])}\n")
        out.write(f"\n  Timeline ({len(e['timeline'])} stories)\n")
        write_rows(e["timeline"], "table", out,
                    [_story_table_row(r) for r in e["timeline"]])
        out.write("\n")
    return 0


def cmd_search(a: argparse.Namespace) -> int:
    from .store.query import SEARCH_COLUMNS, QueryError, search

    store = open_cli_store(a)
    if store is None:
        return 2
    try:
        with store.read() as conn:
            rows = search(conn, " ".join(a.text), limit=a.limit or None)
    except QueryError as e:
        print(f"pactwatch: {e}", file=sys.stderr)
        return 2
    finally:
        store.close()
    table = [{"article": str(r["article"]), "published": r["published"] or "",
              "lang": r["lang"], "source": r["source"] or "", "title": r["title"] or "",
              "snippet": r["snippet"]} for r in rows]
    write_rows(rows, a.format, sys.stdout, table if a.format == "table" else None,
                columns=SEARCH_COLUMNS)
    return 0


def cmd_export(a: argparse.Namespace) -> int:
    store = open_cli_store(a)
    if store is None:
        return 2
    try:
        n = store.export(a.output, format=a.format, what=a.what)
    except OSError as e:
        print(f"pactwatch: {a.output}: cannot write ({e.strerror or e})", file=sys.stderr)
        return 1
    finally:
        store.close()
    if not a.quiet:
        print(f"pactwatch: wrote {n} {a.what} rows to {a.output}", file=sys.stderr)
    return 0


def cmd_serve(a: argparse.Namespace) -> int:
    store = open_cli_store(a)  # says so when the store does not exist
    if store is None:
        return 2
    store.close()
    from .serve.app import serve

    return serve(a.db, host=a.host, port=a.port)


def _db_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", help="SQLite file or URL, or postgresql://user@host/db "
                                "(default: $PACTWATCH_DB, else ./pactwatch.db)")


def _scale_args(p: argparse.ArgumentParser, ingest: bool = False) -> None:
    """Options of ``pactwatch.scale``: the relevance cascade, and Dask."""
    # Plain `extract` writes complete records by default: an off-topic article's entities are
    # part of its record, and the cascade would drop them. Archive-scale runs (`--dask`) and
    # `ingest` (which stores events, and keeps off-topic bodies for search) take the cascade.
    p.add_argument("--prefilter", dest="prefilter", action="store_true", default=None,
                   help="send clearly off-topic articles out before the models, as relevant: "
                        "false without entities (default: on for ingest and --dask, off for a "
                        "plain extract)")
    p.add_argument("--no-prefilter", dest="prefilter", action="store_false",
                   help="run every article through the whole extractor")
    p.add_argument("--dask", metavar="ADDRESS|local:N",
                   help="run on a Dask cluster (a scheduler address, or local:N worker "
                        "processes): one task and one shard per input partition"
                        + ("" if ingest else "; needs -o DIR"))
    p.add_argument("--files-per-partition", type=int, default=32, metavar="N",
                   help="with --dask: loose files per partition (an archive is one); "
                        "default 32")
    p.add_argument("--shard-format", choices=("parquet", "jsonl"), default="parquet",
                   help="with --dask: shard format (default parquet)")
    if ingest:
        p.add_argument("--shards", metavar="DIR",
                       help="with --dask: where the shards go (default .pactwatch-shards); "
                            "a re-run skips partitions already stored")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pactwatch", description=DESCRIPTION, epilog=EPILOG)
    sub = p.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("extract", help="extract article records from files, folders, globs or -")
    e.add_argument("paths", nargs="+", help="files, folders, glob patterns, or - for stdin")
    e.add_argument("-o", "--output", help="write JSON lines here (default: stdout)")
    e.add_argument("--pretty", action="store_true", help="print readable records for a person")
    e.add_argument("--quiet", action="store_true", help="no progress bar")
    e.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"skip files larger than this (default {DEFAULT_MAX_BYTES})")
    e.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="cut an article's text at the last sentence end before this many "
                        f"characters, with a warning (default {DEFAULT_MAX_CHARS}; 0: no limit)")
    e.add_argument("--kb", action="append", help="extra knowledge-base YAML file (repeatable)")
    e.add_argument("-j", "--jobs", type=int, default=0,
                   help="worker processes (default 0: one per core when more than 8 files)")
    _scale_args(e)
    e.set_defaults(func=cmd_extract)
    k = sub.add_parser("kb", help="inspect the knowledge base")
    ksub = k.add_subparsers(dest="kb_cmd", required=True)
    lk = ksub.add_parser("lookup", help="show the entry a name (any script) matches")
    kb_help = ("also load this knowledge-base YAML file (repeatable; default: the built-in "
               "knowledge base and ~/.config/pactwatch/kb/)")
    lk.add_argument("name", nargs="+", help="a name in any script (several words are one name)")
    lk.add_argument("--kb", action="append", help=kb_help)
    st = ksub.add_parser("stats", help="count entries by type, kind, country and language")
    st.add_argument("--kb", action="append", help=kb_help)
    k.set_defaults(func=cmd_kb)

    i = sub.add_parser("ingest", help="extract (or read records) and store in the database")
    i.add_argument("paths", nargs="+", help="files, folders, glob patterns, or - for stdin")
    _db_arg(i)
    i.add_argument("--quiet", action="store_true", help="no summary line")
    i.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES,
                   help=f"skip files larger than this (default {DEFAULT_MAX_BYTES})")
    i.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                   help="cut an article's text at the last sentence end before this many "
                        f"characters, with a warning (default {DEFAULT_MAX_CHARS}; 0: no limit)")
    i.add_argument("--kb", action="append", help="extra knowledge-base YAML file (repeatable)")
    i.add_argument("--no-embed", action="store_true",
                   help="match stories on entities, dates and figures only (no sentence "
                        "embedding: several times faster, a little less accurate)")
    _scale_args(i, ingest=True)
    i.set_defaults(func=cmd_ingest)
    fmt = {"choices": ("table", "json", "csv"), "default": "table",
           "help": "table (for people), json (one object per line) or csv"}
    ev = sub.add_parser("events", help="stories (canonical events) with their sources")
    _db_arg(ev)
    ev.add_argument("--country", help="ISO code or country name of a participant or place")
    ev.add_argument("--state", help="an Indian state or Japanese prefecture, any script")
    ev.add_argument("--entity", help="a participant or place, any script, or an entity id")
    ev.add_argument("--type", help="event type(s), comma-separated: visit, agreement, ...")
    ev.add_argument("--sector", help="sector slug(s), comma-separated")
    ev.add_argument("--status", help="status(es), comma-separated")
    ev.add_argument("--since", help="from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    ev.add_argument("--until", help="up to this date (inclusive)")
    ev.add_argument("--limit", type=int, default=100, help="at most this many (0: all)")
    ev.add_argument("--format", **fmt)
    ev.set_defaults(func=cmd_events)
    en = sub.add_parser("entity", help="one entity: aliases, titles, timeline of events")
    en.add_argument("name", nargs="+", help="a name in any script, or an entity id")
    _db_arg(en)
    en.add_argument("--format", **fmt)
    en.set_defaults(func=cmd_entity)
    se = sub.add_parser("search", help="full-text search over article titles and bodies")
    se.add_argument("text", nargs="+", help='words (all must appear); "a phrase" in quotes')
    _db_arg(se)
    se.add_argument("--limit", type=int, default=50, help="at most this many (0: all)")
    se.add_argument("--format", **fmt)
    se.set_defaults(func=cmd_search)
    ex = sub.add_parser("export", help="write events, entities or articles to a file")
    _db_arg(ex)
    ex.add_argument("--format", choices=("csv", "jsonl", "parquet"), default="jsonl",
                    help="file format: csv, jsonl (one JSON object per line) or parquet "
                         "(default: jsonl)")
    ex.add_argument("--what", choices=("events", "entities", "articles", "mentions"),
                    default="events",
                    help="events (one row per story, with sources), entities, articles "
                         "(records with bodies, re-ingestable) or mentions (one row per event "
                         "mention with its story) (default: events)")
    ex.add_argument("-o", "--output", required=True, help="the file to write")
    ex.add_argument("--quiet", action="store_true", help="no summary line")
    ex.set_defaults(func=cmd_export)
    from .watch.commands import add_watch_commands  # watch, sources, alerts, watchlists

    add_watch_commands(sub, _db_arg)

    sv = sub.add_parser("serve", help="the web app and HTTP API on a store (127.0.0.1 only "
                                      "unless --host says otherwise)")
    _db_arg(sv)
    sv.add_argument("--host", default="127.0.0.1",
                    help="address to listen on (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.set_defaults(func=cmd_serve)
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
