"""Matrix products of the language models on numpy's OpenBLAS instead of thinc's BLIS.

Why: thinc multiplies with the BLIS bundled in ``blis``, which picks a kernel by CPU
model at run time and falls back to its portable C ``generic`` kernel on processors it
does not know (AMD EPYC of recent families, for one: ``BLIS_ARCH_DEBUG=1`` prints
``selecting sub-configuration 'generic'``).  There a float32 product of token vectors
runs at about a third of OpenBLAS's speed on the same core, and the dense layers of
GiNZA's ``tok2vec`` and of the recognisers are most of a model's time.  numpy's OpenBLAS
chooses its kernel per CPU itself (``DYNAMIC_ARCH``).

``fast_matmul(nlp)`` gives every layer of the loaded pipeline thinc's ``NumpyOps`` with
``use_blis=False`` (its ``gemm`` then calls ``numpy.dot``); the parser's per-step
products stay on BLIS (thinc's C interface), as do all other kernels.  It does so only
when OpenBLAS can be held to one thread: a threaded OpenBLAS spins on both cores of a
small machine and costs more CPU than it saves, and the extractor already runs one
process per core (``extract -j``, Dask workers).  ``OPENBLAS_NUM_THREADS`` set by the
user is respected.  The entities are the same (devset, corpus and the scale mix give
byte-identical records on this machine); a product's last bits may differ between
kernels, as they already differ between BLIS kernels on different processors.
"""

from __future__ import annotations

import ctypes
import os
from functools import cache
from typing import Any

# setter names of the OpenBLAS builds numpy ships (scipy-openblas, 64-bit ints) and of
# a system OpenBLAS
_SETTERS = ("scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
            "openblas_set_num_threads64_", "openblas_set_num_threads")


@cache
def openblas_single_thread() -> bool:
    """Hold numpy's OpenBLAS to one thread (unless the user set OPENBLAS_NUM_THREADS);
    True when numpy uses an OpenBLAS this could find and set (Linux: /proc/self/maps)."""
    import numpy  # noqa: F401  (loads its BLAS)

    try:
        with open("/proc/self/maps", encoding="utf-8") as f:
            fields = [line.split() for line in f]
        libs = {p[-1] for p in fields
                if len(p) >= 6 and "openblas" in os.path.basename(p[-1]).lower()}
    except OSError:
        return False
    for path in sorted(libs):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(lib, name, None)
            if setter is None:
                continue
            # pactwatch's import sets the variable to 1 unless the user chose; numpy may
            # have loaded before that, so its OpenBLAS is told here as well
            if os.environ.get("OPENBLAS_NUM_THREADS", "1") == "1":
                setter.argtypes = [ctypes.c_int]
                setter(1)
            return True
    return False


def fast_matmul(nlp: Any) -> Any:
    """``nlp`` with its layers' matrix products on numpy's single-threaded OpenBLAS, when
    that is available (else unchanged); returns ``nlp``."""
    if os.environ.get("PACTWATCH_BLIS") == "1" or not openblas_single_thread():
        return nlp
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            node.ops = ops
    return nlp
