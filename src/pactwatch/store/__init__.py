"""The store: article records in SQLite (default, nothing to set up) or PostgreSQL.

One code path serves both databases (SQLAlchemy Core over ``schema.py``); the schema is
created and upgraded by the Alembic migrations shipped in ``migrations/``, applied
whenever a store is opened, so a newer pactwatch upgrades an old file on first use.

SQLite runs in WAL mode with a busy timeout, so a reader can query while an ingest
writes; every write transaction starts with ``BEGIN IMMEDIATE`` so two writers queue
for the lock instead of failing half-way through an article.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

if TYPE_CHECKING:
    import pandas as pd

    from .ingest import IngestReport

DEFAULT_DB = "sqlite:///pactwatch.db"
MIGRATIONS = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 60_000
_PG_MIGRATION_LOCK = 7_262_001  # pg_advisory_xact_lock key: one migrator at a time


class StoreError(Exception):
    """The store cannot be opened or used; the message names the database and why."""


def normalise_url(url: str | None) -> str:
    """What the user typed (a URL, a file path, or nothing) to a SQLAlchemy URL.

    ``postgresql://`` gets the psycopg 3 driver (SQLAlchemy would otherwise look for
    psycopg2); a bare path is a SQLite file; nothing means ``$PACTWATCH_DB`` or
    ``pactwatch.db`` in the current folder.
    """
    url = (url or os.environ.get("PACTWATCH_DB") or DEFAULT_DB).strip()
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    if "://" not in url:
        return "sqlite:///" + str(Path(url).expanduser())
    return url


def _display(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _sqlite_setup(engine: Engine) -> None:
    """Pragmas on every new connection, and explicit transaction starts.

    pysqlite's own transaction handling starts transactions late and cannot take the
    write lock up front; the SQLAlchemy-documented recipe turns it off and emits BEGIN
    here.  A write transaction asks for ``BEGIN IMMEDIATE``: waiting for the lock at the
    start is safe, failing to upgrade a read lock half-way through an article is not.
    """

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cur = dbapi_connection.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")  # durable against a killed process
        cur.execute("PRAGMA foreign_keys = ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("pactwatch_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Store:
    """An open store.  Queries return pandas DataFrames; the CLI uses the same calls."""

    def __init__(self, url: str | None = None, *, migrate: bool = True) -> None:
        self.url = normalise_url(url)
        self.display_url = _display(self.url)
        try:
            sa_url = make_url(self.url)
        except ArgumentError as e:
            raise StoreError(f"'{self.url}' is not a database URL ({e})") from None
        backend = sa_url.get_backend_name()
        if backend not in ("sqlite", "postgresql"):
            raise StoreError(
                f"{self.display_url}: pactwatch stores articles in SQLite or PostgreSQL, "
                f"not {backend}")
        kwargs: dict[str, Any] = {}
        if backend == "sqlite":
            db = sa_url.database or ""
            if db and db != ":memory:":
                parent = Path(db).expanduser().resolve().parent
                if not parent.is_dir():
                    raise StoreError(
                        f"{self.display_url}: the folder {parent} does not exist")
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000}
        else:
            kwargs["pool_pre_ping"] = True
        try:
            self.engine = create_engine(sa_url, **kwargs)
        except (NoSuchModuleError, ImportError) as e:
            raise StoreError(f"{self.display_url}: no database driver ({e})") from None
        self.dialect = self.engine.dialect.name
        if self.dialect == "sqlite":
            _sqlite_setup(self.engine)
        if migrate:
            try:
                self._migrate()
            except DBAPIError as e:
                self.engine.dispose()
                raise StoreError(
                    f"{self.display_url}: cannot open the store "
                    f"({str(e.orig).strip().splitlines()[0] if e.orig else e})") from None

    # -- connections --------------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on error."""
        with self.engine.connect() as conn:
            conn.execution_options(pactwatch_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for a whole query."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------

    def _migrate(self) -> None:
        """Bring the database to the newest schema revision this package ships."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        script = ScriptDirectory.from_config(cfg)
        head = script.get_current_head()
        with self.read() as conn:  # cheap check first: no write lock when up to date
            current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            raise StoreError(
                f"{self.display_url}: the database has schema revision {current}, which "
                "this pactwatch does not know; it was written by a newer version")
        with self.write() as conn:
            if self.dialect == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"),
                             {"k": _PG_MIGRATION_LOCK})
            if MigrationContext.configure(conn).get_current_revision() == head:
                return  # another process migrated while we waited
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.read() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    # -- the Python API -------------------------------------------------------------

    def ingest(self, paths: Sequence[str] = (), *, records: Sequence[dict] = (),
               kb_files: Sequence[str] = (), report: Any = None) -> IngestReport:
        """Store articles from files (extracted, or read back when they are article
        records) and from record dicts; see ``ingest.Ingestor``."""
        from .ingest import Ingestor

        ing = Ingestor(self, kb_files=kb_files, report=report)
        for rec in records:
            ing.ingest_record(rec, item=str(rec.get("doc", "record")))
        if paths:
            ing.ingest_paths(paths)
        return ing.report

    def events(self, **filters: Any) -> pd.DataFrame:
        """One row per story (canonical event) with its sources; see ``query.events``."""
        import pandas as pd

        from .query import EVENT_COLUMNS, events

        with self.read() as conn:
            return pd.DataFrame(events(conn, **filters), columns=list(EVENT_COLUMNS))

    def entity(self, name: str) -> list[dict[str, Any]]:
        """Every stored entity the name (any script, or an id) stands for, each with its
        aliases, titles and ``timeline`` (a DataFrame of its stories, oldest first)."""
        import pandas as pd

        from .query import EVENT_COLUMNS, entity

        with self.read() as conn:
            found = entity(conn, name)
        for e in found:
            e["timeline"] = pd.DataFrame(e["timeline"], columns=list(EVENT_COLUMNS))
            e["aliases"] = pd.DataFrame(e["aliases"], columns=["alias", "lang", "script"])
        return found

    def search(self, query: str, *, limit: int | None = 100) -> pd.DataFrame:
        """Articles whose title or body contains every term; see ``query.search``."""
        import pandas as pd

        from .query import SEARCH_COLUMNS, search

        with self.read() as conn:
            return pd.DataFrame(search(conn, query, limit=limit), columns=list(SEARCH_COLUMNS))

    def export(self, path: str, *, format: str = "jsonl", what: str = "events") -> int:
        """Write events (with sources), entities or articles to a file; returns rows."""
        from .export import export

        return export(self, path, fmt=format, what=what)

    def counts(self) -> dict[str, int]:
        """Rows per main table: a quick look at what the store holds."""
        out: dict[str, int] = {}
        with self.read() as conn:
            for table in ("articles", "events", "stories", "entities"):
                out[table] = int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
        return out


def open_store(url: str | None = None) -> Store:
    """Open (and create or upgrade) the store at ``url``: a SQLite file path or URL, or
    ``postgresql://user@host/db``; default ``$PACTWATCH_DB`` or ``./pactwatch.db``."""
    return Store(url)
