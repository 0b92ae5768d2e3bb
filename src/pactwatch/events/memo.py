"""Answers kept for the length of one article's event extraction.

The frame logic and the dating rules ask the same pure question of the same sentence
many times (for each trigger type, each frame, the merging, sharing and dating steps):
on news articles about half the calls of ``find_amounts`` and ``sentence_status``, and a
third of those of ``find_dates``, repeat one made earlier for the same article.  A
function decorated with :func:`per_article` keeps its answers while an extraction runs
(``with article():``, entered by ``EventExtractor.extract``) and forgets them when the
last one ends, so the memo never grows with the number of articles read, and outside an
extraction (the store, the CLI parsing a date) the function runs as written.

Only pure functions of hashable arguments whose answers are immutable (frozen
dataclasses, strings, or lists of them) may be decorated: a list answer is copied for
each caller, so a caller may change its list but not another caller's.  A kept answer is
therefore the answer, and records do not change.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])
_MEMO: dict[tuple[Any, ...], Any] = {}
_ACTIVE = [0]  # extractions running now (threads may extract at once)


def per_article(fn: _F) -> _F:
    """Keep ``fn``'s answers while an article is being extracted (see the module)."""

    @functools.wraps(fn)
    def kept(*args: Any, **kwargs: Any) -> Any:
        if not _ACTIVE[0]:
            return fn(*args, **kwargs)
        key = (fn, args, tuple(kwargs.items())) if kwargs else (fn, args)
        try:
            hit = _MEMO[key]
        except KeyError:
            hit = _MEMO[key] = fn(*args, **kwargs)
        except TypeError:  # an unhashable argument: no memo for this call
            return fn(*args, **kwargs)
        return list(hit) if isinstance(hit, list) else hit

    return kept  # type: ignore[return-value]


@contextlib.contextmanager
def article() -> Iterator[None]:
    """One article's extraction: answers are kept inside, forgotten when the last
    running extraction ends."""
    _ACTIVE[0] += 1
    try:
        yield
    finally:
        _ACTIVE[0] -= 1
        if not _ACTIVE[0]:
            _MEMO.clear()
