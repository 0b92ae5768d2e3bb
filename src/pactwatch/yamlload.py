"""YAML reading for the packaged data and the user's files.

The knowledge and grammar of every language is YAML (``lang/data``, ``events/data``,
``kb/data/curated``, ``scale/data``), read at every process start: PyYAML's pure-Python
parser spent ~2 s of CPU on the 28 packaged files, a fifth of a cold start and of a Dask
fork server's warm-up.  libyaml's C parser (``yaml.CSafeLoader``, in PyYAML's wheels)
builds the same objects with the same safe constructor at an eighth of the cost
(tests/test_yamlload_same_objects.py checks every packaged file); where PyYAML was built
without libyaml the Python parser is used.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(stream: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load`` with libyaml's parser when there is one."""
    return yaml.load(stream, Loader=_LOADER)  # noqa: S506 - a safe loader
