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
    unbounded cache would grow with every article of a long run.  Not put in ``regex``'s
    own cache as well (``cache_pattern=False``): that one holds 500 patterns and, when
    full, drops a fifth of them at random, which the module-level calls elsewhere then
    compile again; the article-built patterns kept filling it."""
    return regex.compile(pattern, flags, cache_pattern=False)


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


def prefilter(patterns: list[str], flags: int, k: int = 4, left: str = "") -> regex.Pattern[str] | None:
    """A pattern that matches (``overlapped``) at least wherever one of ``patterns``
    can begin a match: ``left`` (a zero-width boundary every pattern begins with, which
    lets most positions fail at once) and the named list of their ``prefixes``, compiled
    with ``flags`` (those of the patterns, so that case folds alike).  None: no such
    strings (see ``prefixes``)."""
    starts = prefixes(patterns, k)
    return regex.compile(rf"{left}\L<starts>", flags, starts=starts) if starts else None


def prefixes(patterns: list[str], k: int = 3, most: int = 5000) -> list[str] | None:
    """Strings of at most ``k`` characters, one of which begins every match of one of
    ``patterns``; None when they cannot be read from the patterns.

    A scan for a large alternation (a lexicon of a few hundred words) tries every
    alternative at every position of the text, ~2 µs a character; a ``regex`` named list
    (``\\L<name>``, a set of strings looked up at once) of the words' first few
    letters, after the words' left boundary, rules out almost every position at a
    fraction of that.  (Small alternations scan about as fast as such a list: the
    date patterns gain nothing.)  The patterns are read with the standard library's own
    parser (``re._parser``) after ``_for_stdlib``.  A construct not read (a class by
    category or negation, ``.``, a back reference, an inline flag, more than ``most``
    strings) ends the prefix where it stands, so a shorter string is kept, which asks
    less of the text; zero-width assertions are skipped over.  A pattern whose matches
    may begin with anything (an empty prefix) gives None, and the caller scans as
    before.
    """
    import re._constants as c  # the stdlib parser: not a public API, so failures fall back
    import re._parser as p

    done: set[str] = set()
    try:
        for pat in patterns:
            readable = _for_stdlib(pat)
            if readable is None:
                return None
            tree = p.parse(readable)
            if tree.state.flags & ~c.SRE_FLAG_UNICODE:
                return None
            done |= _Prefixes(c, k, most, done).run(tree, {""})
    except Exception:  # noqa: BLE001 - an unreadable pattern: no prefilter, scan as before
        return None
    if "" in done:
        return None
    return sorted(done)


def _for_stdlib(pat: str) -> str | None:
    """``pat`` in a form the standard parser reads, for ``prefixes`` only: a ``regex``
    property (``\\p{Lu}``), or a class holding one (``[\\p{L}\\p{M}]``), becomes ``.``
    (any character: the strings can only get shorter), and a lookbehind becomes a
    lookahead (both are skipped over as zero width, and ``regex`` allows lookbehinds of
    any width, the stdlib does not).  None: a class left open."""
    out: list[str] = []
    i = 0
    while i < len(pat):
        ch = pat[i]
        if ch == "\\":
            if pat[i + 1:i + 2] in ("p", "P"):
                close = pat.find("}", i) if pat[i + 2:i + 3] == "{" else i + 2
                if close < 0:
                    return None
                out.append(".")
                i = close + 1
                continue
            out.append(pat[i:i + 2])
            i += 2
            continue
        if ch == "[":
            end = _class_end(pat, i)
            if end < 0:
                return None
            body = pat[i:end + 1]
            out.append("." if regex.search(r"(?<!\\)(?:\\\\)*\\[pP]", body) else body)
            i = end + 1
            continue
        if pat.startswith(("(?<!", "(?<="), i):
            out.append("(?" + pat[i + 3])
            i += 4
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _class_end(pat: str, start: int) -> int:
    """Index of the "]" closing the class opened at ``start`` (a "]" first in the class,
    as in "[]" or "[^]", is a member); -1 when it is not closed."""
    i = start + 1
    if pat[i:i + 1] == "^":
        i += 1
    if pat[i:i + 1] == "]":
        i += 1
    while i < len(pat):
        if pat[i] == "\\":
            i += 2
            continue
        if pat[i] == "]":
            return i
        i += 1
    return -1


class _Prefixes:
    """The walk of ``prefixes`` over one parsed pattern: strings still shorter than ``k``
    are extended item by item; finished ones (``k`` long, or cut by an item not read)
    go to ``done``."""

    def __init__(self, c: Any, k: int, most: int, done: set[str]) -> None:
        self.c, self.k, self.most, self.done = c, k, most, done

    def run(self, seq: Any, open_: set[str]) -> set[str]:
        """Strings of the whole pattern: finished ones and those the pattern may end on."""
        return self.done | self.seq(seq, open_)

    def seq(self, seq: Any, open_: set[str]) -> set[str]:
        """Extend ``open_`` over the items of ``seq``; returns the strings still open."""
        c = self.c
        for op, av in seq:
            if not open_:
                break
            if op is c.LITERAL:
                chars: set[str] | None = {chr(av)}
            elif op is c.IN:
                chars = set()
                for iop, iav in av:
                    if iop is c.LITERAL:
                        chars.add(chr(iav))
                    elif iop is c.RANGE and iav[1] - iav[0] < 64:
                        chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
                    else:  # NEGATE, CATEGORY, wide ranges
                        chars = None
                        break
            elif op is c.SUBPATTERN and not av[1] and not av[2]:
                open_ = self.seq(av[3], open_)
                continue
            elif op is c.BRANCH:
                open_ = set().union(*(self.seq(alt, open_) for alt in av[1]))
                continue
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                lo, hi, sub = av
                out = set(open_) if lo == 0 else set()
                cur = open_
                for i in range(min(hi, self.k)):
                    cur = self.seq(sub, cur)
                    if i + 1 >= lo:
                        out |= cur
                if hi > self.k:  # more rounds only lengthen strings past k
                    out |= cur
                open_ = out
                continue
            elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue  # zero width: the next item begins the match
            else:  # ANY, NOT_LITERAL, GROUPREF, ...
                chars = None
            if chars is None or len(open_) * len(chars) > self.most:
                self.done |= open_  # cut here: what is read so far still begins the match
                return set()
            grown = {s + ch for s in open_ for ch in chars}
            self.done |= {s for s in grown if len(s) >= self.k}
            open_ = {s for s in grown if len(s) < self.k}
        return open_
