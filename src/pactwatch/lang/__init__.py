"""What differs by language: detection, sentence ends, dateline styles, name patterns.

Per-language knowledge lives in ``lang/data/<code>.yaml``; this package only holds the
mechanisms that read it.  Adding a language means adding a data file (and, where its
grammar needs it, a module).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import Any

from pactwatch.yamlload import safe_load as yaml_safe_load


@cache
def lang_data(code: str) -> dict[str, Any]:
    """Load ``lang/data/<code>.yaml`` once per process (empty for unknown languages)."""
    try:
        text = resources.files("pactwatch.lang").joinpath(f"data/{code}.yaml").read_text("utf-8")
    except FileNotFoundError:
        return {}
    data = yaml_safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError(f"E101: lang/data/{code}.yaml must hold a mapping at the top level")
    return data


@lru_cache(maxsize=1)
def common_data() -> dict[str, Any]:
    """Knowledge shared by every language (news agencies and their spellings)."""
    return lang_data("common")
