"""Find knowledge-base names in text, in any script, with script-aware boundaries.

One Aho-Corasick automaton over folded aliases finds every name in one pass over the
article (cost grows with the text, not with the size of the KB).  Boundaries differ by
script: Latin and Devanagari names must stand as whole words (``\\b`` is wrong inside
Devanagari, so we test Unicode categories), katakana names must not continue into more
katakana ("インド" is not inside "インドネシア"), and kanji names need no boundary.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import ahocorasick

from .fold import fold, fold_char, fold_with_map
from .loader import KB

# Devanagari names this short (folded letters) must match with vowel length as written
_SHORT_DEVA = 5

# how a name matched: a canonical name or alias, an acronym (exact case), or an adjective
HOW_ALIAS, HOW_ABBR, HOW_DEMONYM = "alias", "abbr", "demonym"


@dataclass(slots=True)
class KBMatch:
    start: int
    end: int
    text: str
    candidates: list[tuple[str, str]] = field(default_factory=list)  # (entry id, how)
    short: bool = False  # a one-word person alias: needs support from the article


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x30A0 <= o <= 0x30FF and o != 0x30FB:  # katakana, without the middle dot
        return "kana"
    if 0x3040 <= o <= 0x309F:
        return "hira"
    if 0x4E00 <= o <= 0x9FFF:
        return "han"
    if 0x0900 <= o <= 0x097F:
        return "deva"
    return "latin" if ch.isalnum() else "other"


def _is_word(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LMN"


def _common_words() -> frozenset[str]:
    """Function words of the languages we read, from spaCy's stop lists: a KB name equal
    to one ("इसे", "this", is also the Japanese city Ise; "गया", "went", is Gaya) is read
    as the word, never as the name."""
    words: set[str] = set()
    try:
        from spacy.lang.en.stop_words import STOP_WORDS as EN
        from spacy.lang.hi.stop_words import STOP_WORDS as HI
    except ImportError:  # pragma: no cover
        return frozenset()
    words.update(EN)
    words.update(fold(w) for w in HI)
    return frozenset(words)


# a short katakana name must be spelt as the KB spells it, vowel length included: the
# loose fold would make "コーチ" (coach) the city "コチ" (Kochi)
_SHORT_KANA = 3


class Matcher:
    """Built once per KB; ``find`` is called on every article."""

    def __init__(self, kb: KB) -> None:
        self.kb = kb
        stop = _common_words()
        self._auto = ahocorasick.Automaton()
        self._abbr = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str]]] = {}
        abbr: dict[str, list[tuple[str, str]]] = {}
        short_keys: set[str] = set()
        # a short name's loose key -> its exact spellings -> the entries spelt so
        strict: dict[str, dict[str, set[str]]] = {}
        for e in kb.entries.values():
            names: list[tuple[str, str]] = [(n, HOW_ALIAS) for _, n in e.all_aliases()]
            names += [(n, HOW_DEMONYM) for ns in e.demonyms.values() for n in ns]
            for name, how in names:
                if how == HOW_DEMONYM and name.endswith("の"):
                    continue  # "ロシアの" is Russia's: the genitive names the country
                key = fold(name)
                if not self._usable(key, stop):
                    continue
                # a one-word name in Latin or Devanagari ("Saini", "सैनी") is a surname that
                # needs support; "M・B・パティル" folds to one word too but is the full name
                if e.type == "PERSON" and " " not in key and all(
                        _script(c) in {"latin", "deva", "other"} for c in key):
                    short_keys.add(key)
                slot = table.setdefault(key, [])
                if (e.id, how) not in slot:
                    slot.append((e.id, how))
                if (_script(key[0]) == "deva" and len(key.replace(" ", "")) <= _SHORT_DEVA) or (
                        _script(key[0]) == "kana" and len(key) <= _SHORT_KANA):
                    strict.setdefault(key, {}).setdefault(fold(name, loose=False), set()).add(e.id)
            for a in e.abbr:
                a = a.strip()
                if len(a) >= 2:
                    abbr.setdefault(a, []).append((e.id, HOW_ABBR))
        self._strict = strict
        for key, cands in table.items():
            self._auto.add_word(key, (key, cands, key in short_keys))
        for key, cands in abbr.items():
            self._abbr.add_word(key, (key, cands, False))
        self._has_names = bool(table)
        if table:
            self._auto.make_automaton()
        if len(abbr):
            self._abbr.make_automaton()
        self._has_abbr = bool(abbr)

    @staticmethod
    def _usable(key: str, stop: frozenset[str]) -> bool:
        if not key or key in stop:
            return False
        first = _script(key[0])
        if first in {"kana", "han", "hira"}:
            return len(key) >= 2
        if first == "deva":
            return len(key) >= 2
        return len(key) >= 3 and any(c.isalpha() for c in key)

    def _boundary_ok(self, text: str, start: int, end: int) -> bool:
        first, last = text[start], text[end - 1]
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        sf, sl = _script(first), _script(last)
        if sf in {"latin", "deva"} and _is_word(before) and _script(before) in {"latin", "deva"}:
            return False
        if sl in {"latin", "deva"} and _is_word(after) and _script(after) in {"latin", "deva"}:
            return False
        if sf == "kana" and _script(before) == "kana":
            return False
        return not (sl == "kana" and _script(after) == "kana")

    def find(self, text: str) -> list[KBMatch]:
        """Every KB name in ``text``, longest first, never overlapping."""
        return self._find(text, first=False)

    def has_name(self, text: str) -> bool:
        """Whether ``text`` holds any KB name: ``bool(find(text))`` (the longest-first
        choice keeps at least one of the names found), stopping at the first one.  The
        relevance cascade asks only this of every article that has the vocabulary."""
        return bool(self._find(text, first=True))

    def _find(self, text: str, first: bool) -> list[KBMatch]:
        folded, idx = fold_with_map(text)
        raw: list[KBMatch] = []
        for end_f, (key, cands, short) in (self._auto.iter(folded) if self._has_names else ()):
            start_f = end_f - len(key) + 1
            start, end = idx[start_f], idx[end_f] + 1
            while end < len(text) and not fold_char(text[end]) and (
                    unicodedata.category(text[end])[0] == "M" or text[end] in "\u200c\u200d"):
                end += 1  # a nukta or joiner the fold dropped still belongs to the name
            while end < len(text) and text[end] == "ー" and "\u30a1" <= text[end - 1] <= "\u30fa":
                end += 1  # "デリー": the length mark the loose fold dropped ends the name
            if not self._boundary_ok(text, start, end):
                continue
            if key in self._strict:
                # a short Devanagari or katakana name must be spelt as the KB spells it,
                # and names only the entries spelt so: "リコー" is Ricoh, not RIICO's "リコ"
                ids = self._strict[key].get(fold(text[start:end], loose=False))
                if ids is None:
                    continue
                cands = [c for c in cands if c[0] in ids]
            if _script(text[start]) == "latin" and text[start].isalpha() and not text[start].isupper():
                continue  # a proper name starts with a capital ("japan" in a URL is not Japan)
            raw.append(KBMatch(start, end, text[start:end], list(cands), short))
            if first:
                return raw
        if self._has_abbr:
            for end_i, (key, cands, _short) in self._abbr.iter(text):
                start = end_i - len(key) + 1
                if self._boundary_ok(text, start, end_i + 1):
                    raw.append(KBMatch(start, end_i + 1, key, list(cands)))
                    if first:
                        return raw
        raw.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: list[KBMatch] = []
        by_span: dict[tuple[int, int], KBMatch] = {}
        # the characters taken so far: a name overlaps a longer one taken before it iff
        # one of its characters is taken (a scan of the taken spans per name was
        # quadratic in the names of an article)
        occupied = bytearray(len(text) + 1)
        for m in raw:
            same = by_span.get((m.start, m.end))
            if same is not None:
                for c in m.candidates:
                    if c not in same.candidates:
                        same.candidates.append(c)
                same.short = same.short and m.short
                continue
            if occupied.find(1, m.start, m.end) >= 0:
                continue
            taken.append(m)
            by_span[(m.start, m.end)] = m
            occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
        taken.sort(key=lambda m: m.start)
        return taken
