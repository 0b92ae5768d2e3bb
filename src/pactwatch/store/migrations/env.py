"""Alembic environment: migrations run on the connection the store hands over.

The store opens its own connection (with its SQLite pragmas and write lock), begins a
transaction and passes the connection in ``config.attributes["connection"]``; running
inside that external transaction means two processes opening a new database at once
cannot both create the tables.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached from the alembic command line
    raise RuntimeError(
        "pactwatch migrations run when a store is opened (pactwatch.open_store or any "
        "pactwatch store command), not from the alembic command line"
    )
context.configure(connection=connection, target_metadata=None, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
