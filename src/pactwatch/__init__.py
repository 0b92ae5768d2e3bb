"""pactwatch: cross-border economic partnerships (visits, meetings, MoUs, investments,
invitations, policies, facilities) extracted from news in English, Hindi and Japanese.

Public API::

    import pactwatch
    art = pactwatch.extract(text, published="2025-10-07")
    art.to_dict()        # the article record of CONTRACT.md

    store = pactwatch.open_store("pactwatch.db")   # or postgresql://user@host/db
    store.ingest(["articles/"])
    store.events(country="JP", since="2025-01")    # pandas DataFrames
"""

from __future__ import annotations

import os
from functools import lru_cache

# One OpenBLAS thread in every pactwatch process and in the processes it starts, unless
# the user chose: the extractor runs one process per core (``extract -j``, Dask
# workers), and a threaded OpenBLAS spins on the other cores (pactwatch/blas.py).  Set
# before numpy loads, because a process started later reads it when numpy loads there:
# a Dask fork server imports numpy before it loads the models, and the workers forked
# from it kept a thread per core after the models held the server to one (2 workers
# spent ~25 % more CPU than 1 on the same articles).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
from typing import TYPE_CHECKING

from .record import Article

if TYPE_CHECKING:
    from .pipeline import Extractor
    from .store import Store

__all__ = ["Article", "extract", "get_extractor", "open_store"]
__version__ = "0.1.0"


@lru_cache(maxsize=1)
def get_extractor() -> Extractor:
    """The process-wide extractor: the KB and models load once, on first use."""
    from .pipeline import Extractor

    return Extractor()


def extract(text: str, *, published: str | None = None, lang: str | None = None,
            url: str | None = None) -> Article:
    """Extract one article record from a body of text."""
    return get_extractor().extract(text, published=published, lang=lang, url=url)


def open_store(url: str | None = None) -> Store:
    """Open the store (created and migrated on first use): a SQLite file path or URL, or
    ``postgresql://...``; default ``$PACTWATCH_DB`` or ``./pactwatch.db``.  Imported
    lazily so ``import pactwatch`` stays light for extraction-only use."""
    from .store import open_store as _open

    return _open(url)
