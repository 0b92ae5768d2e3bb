"""``regex``'s module-level functions with the compiled patterns kept in a plain dict.

The recogniser and the linker write their small patterns inline (``regex.match(r"\\d",
w)``), about 600 calls per English article.  Each module-level call goes through
``regex``'s own cache lookup, which checks flags, locale and version on every call and
costs ~3.5 µs against ~0.3 µs for a compiled pattern: two milliseconds an article.
These functions take the same arguments, compile a pattern once per (pattern, flags) and
call the compiled pattern's method, so every answer is the one ``regex`` gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex


@lru_cache(maxsize=4096)
def compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """The compiled ``pattern``.  Bounded: the inline patterns are a few hundred, but some
    callers build one from the article's own words (an abbreviation, a KB name), and an
    unbounded cache would grow with every article of a long run."""
    return regex.compile(pattern, flags)


def match(pattern: str, string: str, flags: int = 0, **kw: Any) -> regex.Match[str] | None:
    return compiled(pattern, flags).match(string, **kw)


def search(pattern: str, string: str, flags: int = 0, **kw: Any) -> regex.Match[str] | None:
    return compiled(pattern, flags).search(string, **kw)


def fullmatch(pattern: str, string: str, flags: int = 0, **kw: Any) -> regex.Match[str] | None:
    return compiled(pattern, flags).fullmatch(string, **kw)


def sub(pattern: str, repl: Any, string: str, count: int = 0, flags: int = 0, **kw: Any) -> str:
    return compiled(pattern, flags).sub(repl, string, count, **kw)


def split(pattern: str, string: str, maxsplit: int = 0, flags: int = 0, **kw: Any) -> list[Any]:
    return compiled(pattern, flags).split(string, maxsplit, **kw)


def finditer(pattern: str, string: str, flags: int = 0, **kw: Any) -> Iterator[regex.Match[str]]:
    return compiled(pattern, flags).finditer(string, **kw)


def findall(pattern: str, string: str, flags: int = 0, **kw: Any) -> list[Any]:
    return compiled(pattern, flags).findall(string, **kw)
