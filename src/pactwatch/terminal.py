"""What the command line shows people and scripts: tables, CSV and JSON lines, and the
store a command opens.

Kept apart from ``pactwatch.cli`` so that the watch commands (``pactwatch.watch``), which
register themselves on the main parser, use the same output and store rules without
importing the CLI module back (an import circle).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from .store import Store


def open_cli_store(a: argparse.Namespace, *, create: bool = False) -> Store | None:
    """The store ``--db`` names; only ``ingest`` may create a new SQLite file (a query
    on a mistyped path should say so, not answer from a new empty store)."""
    from pathlib import Path

    from sqlalchemy.engine import make_url

    from .store import StoreError, normalise_url, open_store

    url = normalise_url(a.db)
    if not create and url.startswith("sqlite"):
        db = make_url(url).database
        if db and db != ":memory:" and not Path(db).exists():
            print(f"pactwatch: there is no store at {db} (create one with pactwatch ingest, "
                  "or choose another with --db)", file=sys.stderr)
            return None
    try:
        return open_store(a.db)
    except StoreError as e:
        print(f"pactwatch: {e}", file=sys.stderr)
        return None


def text_width(s: str) -> int:
    """Terminal columns of a string: CJK and full-width characters take two."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)


def short(v: object, width: int) -> str:
    s = " ".join(("" if v is None else str(v)).split())
    if text_width(s) <= width:
        return s
    while s and text_width(s) > width - 1:
        s = s[:-1]
    return s + "…"


def pad(s: str, width: int) -> str:
    return s + " " * max(0, width - text_width(s))


WIDTHS = {"participants": 48, "figures": 40, "sources": 40, "title": 50, "snippet": 70,
           "url": 40}


def write_rows(rows: list[dict], fmt: str, out: TextIO, table_rows: list[dict] | None = None,
                columns: Sequence[str] | None = None) -> None:
    """Rows as JSON lines, CSV (with its header even when nothing was found, so a
    script reading it sees the columns) or a table for people."""
    import csv

    if fmt == "json":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        if not rows and not columns:
            return
        w = csv.writer(out)
        cols = list(rows[0]) if rows else list(columns or ())
        w.writerow(cols)
        for r in rows:
            w.writerow([json.dumps(r[c], ensure_ascii=False) if isinstance(r[c], list | dict)
                        else r[c] for c in cols])
        return
    trs = table_rows if table_rows is not None else [
        {k: ("" if v is None else str(v)) for k, v in r.items()} for r in rows]
    if not trs:
        out.write("(nothing found)\n")
        return
    cols = list(trs[0])
    cells = [[short(r[c], WIDTHS.get(c, 30)) for c in cols] for r in trs]
    widths = [max(text_width(c), *(text_width(row[i]) for row in cells)) for i, c in enumerate(cols)]
    out.write("  ".join(pad(c, w) for c, w in zip(cols, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("─" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")
