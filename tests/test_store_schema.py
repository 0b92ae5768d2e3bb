"""The migrations create exactly the tables ``schema.py`` describes, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from pactwatch.store import MIGRATIONS, open_store
from pactwatch.store.schema import metadata


def _diff(url: str) -> list:
    store = open_store(url)
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, metadata)
    store.close()
    # full-text and PostgreSQL sort indexes live outside the metadata (dialect-specific)
    return [d for d in diff if not any(x in str(d) for x in ("fts", "trgm", "pgsort"))]


def test_store_sqlite_migration_matches_schema(tmp_path: Path) -> None:
    assert _diff(str(tmp_path / "s.db")) == []


def test_store_postgres_migration_matches_schema(pg_url: str) -> None:
    assert _diff(pg_url) == []


def test_store_migrations_are_package_data() -> None:
    assert (MIGRATIONS / "env.py").is_file()
    names = sorted(p.name for p in (MIGRATIONS / "versions").glob("0*.py"))
    assert names == ["0001_initial.py", "0002_stories.py", "0003_watch.py",
                     "0004_span_indexes.py", "0005_entity_walk_order.py"]
    pyproject = (Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    assert "store/migrations/versions/*" in pyproject
