"""Records do not depend on the process's string hashes.

Python salts ``str`` hashes per process (``PYTHONHASHSEED``), so anything that picks from
a ``set`` of names by iterating it can choose differently in another process: a Dask
worker, ``extract -j 2``, tomorrow's run.  A journey to two places of one country once
placed an invitation in either, by the seed (events/places.py, rule 3b).  The Hindi
probes (no language model: fast) are extracted under three seeds; the records must be
byte-identical."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBES = Path(__file__).parent / "corpus" / "probes" / "articles"


def _extract(seed: int, out: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    subprocess.run([sys.executable, "-m", "pactwatch.cli", "extract", "--quiet", str(PROBES),
                    "-o", str(out)], check=True, env=env)
    return out.read_bytes()


def test_pipeline_records_do_not_depend_on_hash_seed(tmp_path: Path) -> None:
    runs = [_extract(seed, tmp_path / f"{seed}.jsonl") for seed in (1, 3, 5)]
    assert runs[0].count(b"\n") >= 10
    assert runs[0] == runs[1] == runs[2]
