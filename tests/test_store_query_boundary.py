"""One query-string boundary for the CLI and the Python API.

Whatever text a user gives (bytes that are not UTF-8, lone surrogates, NUL and other
control characters, quotes alone, very long strings, any script), a query answers with
rows or raises ``QueryError``: never a database error, never a traceback.  Property
tests run over every query function on SQLite and on a real PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pactwatch.cli import main
from pactwatch.store import Store, open_store
from pactwatch.store.ingest import Ingestor
from pactwatch.store.query import MAX_QUERY_CHARS, QueryError, entity, events, search
from pactwatch.store.synthetic import synthetic_records

CALLS: dict[str, Callable[[Any, str], Any]] = {
    "search": lambda c, q: search(c, q),
    "entity": lambda c, q: entity(c, q),
    "events-entity": lambda c, q: events(c, entity=q),
    "events-state": lambda c, q: events(c, state=q),
    "events-country": lambda c, q: events(c, country=q),
    "events-type": lambda c, q: events(c, type=q),
    "events-sector": lambda c, q: events(c, sector=q),
    "events-status": lambda c, q: events(c, status=q),
    "events-since": lambda c, q: events(c, since=q),
    "events-until": lambda c, q: events(c, until=q, limit=3),
}
# Any code point, surrogates and controls included, plus the strings the issue found.
ANY_CHAR = st.characters(blacklist_categories=())
QUERY = st.one_of(
    st.text(ANY_CHAR, max_size=40),
    st.sampled_from(["", " ", '""', '"', "\x00", "Har\x00yana", "abc\udcff", "\udcfe\udcff",
                     "\udcc3", "%", "_", "\\", "'; DROP TABLE articles; --", '"a" "', "*",
                     "Gujarat", "गुजरात", "半導体", "JP", "2025-13", "99999", "0000-00-00",
                     "x" * (MAX_QUERY_CHARS + 1), "investment,", ",", "NEAR(a b)", "a OR b"]),
    st.text(st.sampled_from("Gujarat半導体गुज \"%_\x00\t\n\u200d"), max_size=12),
)


def _fill(store: Store) -> None:
    ing = Ingestor(store, embedder=None)
    for rec in synthetic_records(12):
        ing.ingest_record(rec, item=rec["doc"])
    assert not ing.report.failed


def _property(store: Store) -> None:
    @settings(max_examples=150, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(query=QUERY, call=st.sampled_from(sorted(CALLS)))
    def prop(query: str, call: str) -> None:
        try:
            with store.read() as conn:
                rows = CALLS[call](conn, query)
        except QueryError as e:
            assert str(e)  # a sentence for the user
            return
        assert isinstance(rows, list)

    prop()


def test_store_query_boundary_property_sqlite(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "s.db"))
    try:
        _fill(store)
        _property(store)
    finally:
        store.close()


def test_store_query_boundary_property_postgres(pg_url: str) -> None:
    store = open_store(pg_url)
    try:
        _fill(store)
        _property(store)
    finally:
        store.close()


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = open_store(str(tmp_path / "s.db"))
    _fill(s)
    yield s  # type: ignore[misc]
    s.close()


def test_store_query_boundary_nul_removed_not_every_article(store: Store) -> None:
    assert store.search("Har\x00yana").equals(store.search("Haryana"))
    with pytest.raises(QueryError, match="at least one word"):
        store.search("\x00")
    with pytest.raises(QueryError, match="at least one word"):
        store.search('""')
    with pytest.raises(QueryError, match="at least one word"):
        store.search("   ")


def test_store_query_boundary_surrogates_are_query_errors(store: Store) -> None:
    for call in (lambda: store.search("abc\udcff"), lambda: store.events(entity="\udcfe"),
                 lambda: store.entity("\udcc3"), lambda: store.events(state="Guj\ud800")):
        with pytest.raises(QueryError, match="not UTF-8"):
            call()


def test_store_query_boundary_length_bounded(store: Store) -> None:
    with pytest.raises(QueryError, match="the limit is 1,000"):
        store.search("a" * 5000)


def test_store_query_boundary_cli_non_utf8_arguments(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Bytes that are not UTF-8 reach Python's argv as lone surrogates (surrogateescape)."""
    db = str(tmp_path / "s.db")
    s = open_store(db)
    _fill(s)
    s.close()
    for argv in (["search", b"abc\xff".decode("utf-8", "surrogateescape")],
                 ["events", "--entity", b"\xfe\xff".decode("utf-8", "surrogateescape")],
                 ["entity", b"\xc3".decode("utf-8", "surrogateescape")]):
        assert main([*argv, "--db", db]) == 2
        err = capsys.readouterr().err
        assert "not UTF-8" in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
