"""Imported once by the fork server of a ``local:N`` cluster (``scale/dask.py``): loads
the extractor and both language models there, so that every worker process forked from
it starts with them (shared copy-on-write pages, as ``extract -j N``'s forked workers do)
instead of importing spaCy and loading the models in each worker, N times over on N
cores.

The options (KB files, cascade) come from ``PACTWATCH_DASK_PRELOAD`` (JSON), which the
driver sets before it starts the fork server.  Anything that goes wrong here is ignored:
a worker then loads the models on its first partition, as it would without this module
(and an exception other than ImportError would stop the fork server itself).
"""

from __future__ import annotations

import gc
import json
import os

ENV = "PACTWATCH_DASK_PRELOAD"


def _load() -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    opts = json.loads(spec)
    from .dask import warm

    warm(tuple(opts.get("kb_files") or ()), bool(opts.get("prefilter", True)))
    # what is loaded now lives as long as the workers: out of the collector's sight, its
    # passes do not write to (and so copy) the pages the forked workers share
    gc.freeze()


try:
    _load()
except Exception:  # noqa: BLE001, S110 - see the module docstring
    pass
