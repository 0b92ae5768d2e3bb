"""The ``watch``, ``sources``, ``alerts`` and ``watchlists`` sub-commands.

They live here, registered by one call from ``pactwatch.cli``, so the main CLI module
stays a list of verbs and the watch feature is one folder.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

DEFAULT_SECRET_ENV = "PACTWATCH_WEBHOOK_SECRET"


def add_watch_commands(sub: Any, db_arg: Callable[[argparse.ArgumentParser], None]) -> None:
    """Register the sub-commands on the main parser's ``sub`` (argparse subparsers)."""
    fmt = {"choices": ("table", "json", "csv"), "default": "table",
           "help": "table (for people), json (one object per line) or csv"}
    w = sub.add_parser("watch", help="follow feeds, news sitemaps and listing pages; store "
                                     "new articles; alert on watchlists")
    w.add_argument("sources", help="the sources file (YAML; may also hold watchlists and "
                                   "alerts)")
    db_arg(w)
    w.add_argument("--once", action="store_true", help="poll every source once, then exit")
    w.add_argument("--interval", default="15m",
                   help="time between polls of a source without its own (default 15m)")
    w.add_argument("--allow-private", action="store_true",
                   help="also fetch from loopback, private and link-local addresses "
                        "(intranet feeds, tests); off by default")
    w.add_argument("--watchlists", help="a YAML file with a list of watchlists (saved in "
                                        "the store)")
    w.add_argument("--alerts-jsonl", help="append alerts to this JSONL file")
    w.add_argument("--webhook", help="POST each alert (JSON) to this URL, HMAC-signed")
    w.add_argument("--webhook-secret-env", default=None,
                   help=f"environment variable holding the webhook secret (default "
                        f"{DEFAULT_SECRET_ENV})")
    w.add_argument("--no-embed", action="store_true",
                   help="match stories without the sentence embedding (faster)")
    w.add_argument("--kb", action="append", help="extra knowledge-base YAML file (repeatable)")
    w.add_argument("--min-delay", type=float, default=1.0,
                   help="seconds between two requests to one host (default 1)")
    w.add_argument("--timeout", type=float, default=20.0, help="seconds per request (20)")
    w.add_argument("--max-bytes", type=int, default=10 * 1024 * 1024,
                   help="largest response body read (default 10 MB)")
    w.add_argument("--workers", type=int, default=4, help="sources fetched at once (4)")
    w.add_argument("--user-agent", help="User-Agent to send (default: pactwatch/VERSION "
                                        "with a link; add your contact)")
    w.set_defaults(func=cmd_watch)

    so = sub.add_parser("sources", help="followed sources with their health")
    db_arg(so)
    so.add_argument("--format", **fmt)
    so.set_defaults(func=cmd_sources)

    al = sub.add_parser("alerts", help="alerts sent for watchlists, newest first")
    db_arg(al)
    al.add_argument("--watchlist", help="only this watchlist")
    al.add_argument("--limit", type=int, default=50, help="at most this many (0: all)")
    al.add_argument("--format", **fmt)
    al.set_defaults(func=cmd_alerts)

    wl = sub.add_parser("watchlists", help="watchlists saved in the store")
    db_arg(wl)
    wl.add_argument("--remove", metavar="NAME", help="delete this watchlist from the store")
    wl.set_defaults(func=cmd_watchlists)


def _err(msg: str) -> None:
    print(f"pactwatch: {msg}", file=sys.stderr)


def _store(a: argparse.Namespace, create: bool) -> Any:
    from pactwatch.terminal import open_cli_store

    return open_cli_store(a, create=create)


def cmd_watch(a: argparse.Namespace) -> int:
    import yaml

    from pactwatch.yamlload import safe_load as yaml_safe_load

    from .alerts import Alerter, Watchlist, WatchlistError, save_watchlists, stored_watchlists
    from .fetch import USER_AGENT, Fetcher
    from .poll import Watcher
    from .sources import ConfigError, load_config, parse_interval

    try:
        cfg = load_config(a.sources)
        interval = parse_interval(a.interval, "--interval")
        lists = [Watchlist.from_dict(d, f"{a.sources}: watchlist {n}")
                 for n, d in enumerate(cfg.watchlists, 1)]
        if a.watchlists:
            try:
                extra = yaml_safe_load(open(a.watchlists, encoding="utf-8")) or []
            except (OSError, yaml.YAMLError) as e:
                raise ConfigError(f"{a.watchlists}: cannot be read ({e})") from None
            if isinstance(extra, dict):
                extra = extra.get("watchlists") or []
            if not isinstance(extra, list):
                raise ConfigError(f"{a.watchlists}: expected a list of watchlists")
            lists += [Watchlist.from_dict(d, f"{a.watchlists}: watchlist {n}")
                      for n, d in enumerate(extra, 1)]
    except (ConfigError, WatchlistError) as e:
        _err(str(e))
        return 2
    if not cfg.sources:
        _err(f"{a.sources}: lists no sources")
        return 2
    alerts_cfg = cfg.alerts
    jsonl = a.alerts_jsonl or alerts_cfg.get("jsonl")
    webhook = a.webhook or alerts_cfg.get("webhook")
    secret_env = a.webhook_secret_env or alerts_cfg.get("secret_env") or DEFAULT_SECRET_ENV
    secret = os.environ.get(secret_env) if webhook else None
    if webhook and not secret:
        _err(f"the webhook needs a shared secret: set the environment variable {secret_env}")
        return 2
    store = _store(a, create=True)
    if store is None:
        return 2
    try:
        if lists:
            save_watchlists(store, lists)
        active = stored_watchlists(store)
        alerter = Alerter(store, active, jsonl=jsonl, webhook=webhook, secret=secret) \
            if active else None
        fetcher = Fetcher(allow_private=a.allow_private, user_agent=a.user_agent or USER_AGENT,
                          timeout=a.timeout, max_bytes=a.max_bytes, min_delay=a.min_delay)
        watcher = Watcher(store, fetcher, kb_files=a.kb or [], no_embed=a.no_embed,
                          alerter=alerter, interval=interval, workers=a.workers)

        def stop(signum: int, _frame: Any) -> None:
            _err(f"stopping after the current article ({signal.Signals(signum).name})")
            watcher.stop.set()

        old = {sig: signal.signal(sig, stop) for sig in (signal.SIGTERM, signal.SIGINT)}
        try:
            report = watcher.run(cfg.sources, once=a.once)
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)
            fetcher.close()
            if alerter is not None and not alerter.close(timeout=30):
                _err("some webhook deliveries are still pending; the next run retries them")
        return 1 if a.once and (report.failed_sources or report.failed_items) else 0
    finally:
        store.close()


def cmd_sources(a: argparse.Namespace) -> int:
    from pactwatch.terminal import write_rows

    from .poll import source_health

    store = _store(a, create=False)
    if store is None:
        return 2
    try:
        rows = source_health(store)
    finally:
        store.close()
    table = [{"health": r["health"], "kind": r["kind"] or "?", "url": r["url"],
              "last poll": (r["last_poll_at"] or "never")[:19],
              "items": f"{r['items_stored']} stored / {r['items_seen']} seen"
                       + (f" / {r['items_failed']} failed" if r["items_failed"] else ""),
              "last error": (f"{(r['last_error_at'] or '')[:19]} {r['last_error']}"
                             if r["last_error"] else "")} for r in rows]
    write_rows(rows, a.format, sys.stdout, table if a.format == "table" else None)
    return 0


def cmd_alerts(a: argparse.Namespace) -> int:
    from pactwatch.terminal import write_rows

    from .alerts import alert_history

    store = _store(a, create=False)
    if store is None:
        return 2
    try:
        rows = alert_history(store, watchlist=a.watchlist, limit=a.limit or None)
    finally:
        store.close()
    table = [{"id": str(r["id"]), "when": r["created_at"][:19], "watchlist": r["watchlist"],
              "story": str(r["story_id"]), "reason": r["reason"],
              "what": r["payload"]["what"],
              "sources": ", ".join(r["payload"]["sources"]),
              "webhook": r["webhook_status"]} for r in rows]
    write_rows(rows, a.format, sys.stdout, table if a.format == "table" else None)
    return 0


def cmd_watchlists(a: argparse.Namespace) -> int:
    import json

    from .alerts import delete_watchlist, stored_watchlists

    store = _store(a, create=False)
    if store is None:
        return 2
    try:
        if a.remove:
            if not delete_watchlist(store, a.remove):
                _err(f"no watchlist is called {a.remove!r}")
                return 1
            return 0
        for w in stored_watchlists(store):
            print(json.dumps(w.to_dict(), ensure_ascii=False))
        return 0
    finally:
        store.close()
