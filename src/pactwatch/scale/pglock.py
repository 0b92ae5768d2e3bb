"""Many writers on one PostgreSQL: advisory locks on the story keys an article touches.

Story matching reads candidate stories (found by the entities of each event), decides,
then writes: two ingest processes storing two reports of one happening at the same time
would each see no story and each start one, a duplicate.  SQLite never has this problem
(its writers queue for one write lock, ``BEGIN IMMEDIATE``); PostgreSQL lets writers run
side by side, so each article's transaction first takes PostgreSQL's own transaction-
scoped advisory locks (``pg_advisory_xact_lock``) on:

- every entity id its events name (participants and places): a story is only ever
  found through an entity it shares with the mention, and every story's entity index
  row was written by a transaction that held that entity's lock, so an article that
  could join a story waits until the article that made or grew it has committed, and
  then sees it (READ COMMITTED takes a new snapshot per statement);
- its body hash and its URL: two processes storing the same article, or two versions
  of one URL, queue instead of failing on the unique index.

Keys are taken in sorted order at the start of the transaction, so the locks
themselves never deadlock; a deadlock or serialization failure elsewhere (entity rows
upserted in different orders by articles that share no event entity) rolls the
article back and runs it again, up to ``RETRIES`` times, so no article fails for it.

Why this and not the alternatives: ``SERIALIZABLE`` with retry also gives one story
per happening, but every pair of articles that read the same index pages conflicts
(predicate locks are page-grained on the candidate scans), so most concurrent articles
would be rolled back and redone, embedding lookups and all; a queue table with
``FOR UPDATE SKIP LOCKED`` feeding one matcher process is exact too, but serialises all
matching through one process and needs a second kind of worker.  Advisory locks
serialise only articles that share an entity, cost one round trip per key, and keep
``ingest`` one command.  Entity ids, not (type, entity) pairs, are the keys so the
rule stays right whatever candidate search ``store/stories.py`` uses, as long as a
candidate shares an entity with the mention.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from typing import Any, Protocol, TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError


class Writable(Protocol):
    """What the locks need of a store: its dialect and a write transaction.  A protocol,
    not ``pactwatch.store.Store``, so the store can call this module without this module
    importing the store back."""

    dialect: str

    def write(self) -> AbstractContextManager[Connection]: ...

T = TypeVar("T")
RETRIES = 8
_RETRY_STATES = {"40001", "40P01"}  # serialization_failure, deadlock_detected
_LOCK = text("SELECT pg_advisory_xact_lock(:k)")


def lock_key(kind: str, value: str) -> int:
    """A signed 64-bit advisory lock key for one story key (blake2b, stable across
    processes and machines, unlike Python's ``hash``)."""
    digest = hashlib.blake2b(f"pactwatch:{kind}:{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def article_keys(rec: dict, digest: str, entity_of: Callable[[str], str]) -> list[int]:
    """The lock keys of one validated article record, sorted.  ``entity_of`` maps a
    participant or place name of an event to the store's entity id (the ingest's own
    resolution, so the keys are exactly the ids its story search goes through)."""
    keys = {lock_key("hash", digest)}
    if rec.get("url"):
        keys.add(lock_key("url", rec["url"]))
    for ev in rec.get("events") or []:
        for n in [*(ev.get("participants") or []), *([ev["place"]] if ev.get("place") else [])]:
            keys.add(lock_key("entity", entity_of(n)))
    return sorted(keys)


def lock(conn: Connection, keys: Iterable[int]) -> None:
    """Take the advisory locks, in sorted order, until the transaction ends."""
    for k in sorted(set(keys)):
        conn.execute(_LOCK, {"k": k})


def _sqlstate(e: DBAPIError) -> str | None:
    orig: Any = e.orig
    return getattr(orig, "sqlstate", None) or getattr(orig, "pgcode", None)


class Stats:
    """Retries seen in this process (for the benchmark and the summary)."""

    retries = 0


def write_locked(store: Writable, keys: list[int], fn: Callable[[Connection], T]) -> T:
    """Run ``fn`` in one write transaction of ``store``; on PostgreSQL holding the
    advisory locks ``keys`` and retried after a deadlock or serialization failure."""
    if store.dialect != "postgresql":
        with store.write() as conn:
            return fn(conn)
    for attempt in range(RETRIES):
        try:
            with store.write() as conn:
                lock(conn, keys)
                return fn(conn)
        except DBAPIError as e:
            if _sqlstate(e) not in _RETRY_STATES or attempt == RETRIES - 1:
                raise
            Stats.retries += 1
            time.sleep(random.uniform(0.005, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover
