"""Entities: how much two reports sharing (or each naming a different) participant say.

KB ids agree across scripts; ``name:`` ids of names the KB lacks are compared by
phonetic keys; a country says almost nothing, a company or office holder most."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from .mention import EventMention, _slug

# A shared country says almost nothing (nearly every event has Japan and India); a
# shared company or person says most.
_WEIGHT = {
    "country": 0.2,
    "in-state": 1.0, "jp-pref": 1.0,
    "in-city": 1.0, "jp-city": 1.0, "in-district": 1.0, "zone": 1.2,
    "person": 1.5, "co": 1.6, "gov": 1.2, "name": 1.0,
    "group": 1.2,  # a company named only by its group's name ("Mitsubishi")
}


_COMPANY_SUFFIX = {
    "pvt", "private", "ltd", "limited", "co", "company", "corp", "corporation", "inc",
    "incorporated", "kk", "llp", "plc", "the", "of", "and", "holdings", "group",
}


def _prefix(eid: str) -> str:
    return eid.split(":", 1)[0] if ":" in eid else "name"


def weight(eid: str) -> float:
    """How much sharing this entity says about two mentions being one happening."""
    return _WEIGHT.get(_prefix(eid), 1.0)


def _skeleton(token: str) -> str:
    """A rough phonetic key of a romanised word, so spellings across scripts meet.

    Names the KB lacks are romanised from Devanagari or kana by the linker, and the
    romanisations differ from the English spelling in vowels, l/r, v/w/b and doubled
    letters ("Balvantsinh Rajput" / "Baruwantoshin Rajiputo"); consonants survive.
    """
    t = unicodedata.normalize("NFKD", token.casefold())
    t = "".join(c for c in t if c.isascii() and c.isalnum())
    if not t:
        return ""
    for a, b in (("sh", "s"), ("ch", "c"), ("ph", "f"), ("th", "t"), ("kh", "k"),
                 ("gh", "g"), ("dh", "d"), ("bh", "b"), ("l", "r"),
                 ("v", "b"), ("w", "b"), ("z", "j"), ("q", "k")):
        t = t.replace(a, b)
    head, rest = t[0], re.sub(r"[aeiouyh]", "", t[1:])
    return re.sub(r"(.)\1+", r"\1", head + rest)


_KB: list[Any] = []


def _kb() -> Any:
    """The packaged knowledge base (names, parents, countries of KB ids), loaded once.

    Only read here: a city's parent state and a subsidiary's parent company let two
    reports that name different levels of one thing ("Tumakuru" / "Karnataka",
    "Toyota Kirloskar Motor" / "Toyota") meet.  None when it cannot be loaded.
    """
    if not _KB:
        try:
            from pactwatch.kb.loader import load_kb

            _KB.append(load_kb())
        except Exception:  # noqa: BLE001 - without the KB ids are compared as they are
            _KB.append(None)
    return _KB[0]


@lru_cache(maxsize=65536)
def _entry(eid: str) -> Any:
    kb = _kb()
    return kb.get(eid) if kb is not None and not eid.startswith("name:") else None


@lru_cache(maxsize=65536)
def _ancestors(eid: str) -> frozenset[str]:
    """The parents of a KB id up to (not including) its country: state, parent company."""
    out: set[str] = set()
    e = _entry(eid)
    while e is not None and e.parent and e.parent not in out and len(out) < 8:
        if e.parent.startswith("country:"):
            break
        out.add(e.parent)
        e = _entry(e.parent)
    return frozenset(out)


@lru_cache(maxsize=65536)
def _name_key(eid: str) -> tuple[str, ...] | None:
    """The phonetic token keys of an entity's name (KB name, or the ``name:`` slug)."""
    prefix, _, rest = eid.partition(":")
    e = _entry(eid)
    if e is not None:
        rest = _slug(e.name)
    elif prefix not in {"name", "co", "gov", "person"} or not rest or rest[-1:].isdigit():
        return None
    toks = [t for t in rest.casefold().split("-") if t and t not in _COMPANY_SUFFIX]
    keys = tuple(k for k in (_skeleton(t) for t in toks) if k)
    return keys or None


_PLACE_KINDS = {"city", "district", "state", "prefecture", "town", "union_territory"}


def same_entity(a: str, b: str) -> bool:
    """Ids that name the same entity.

    KB ids are exact across scripts, except that a city and its district often share a
    name and articles mix them up ("Tumakuru").  A ``name:`` id is the slug of whatever
    the article wrote, so it is compared by phonetic keys, and a shorter name that
    starts a longer one ("Mitsui Kinzoku" / "Mitsui Kinzoku Components India") counts
    when it is long enough not to be a lone common word.
    """
    if a == b:
        return True
    if _prefix(a) == "group" or _prefix(b) == "group":
        return _of_group(a, b) or _of_group(b, a)
    ea, eb = _entry(a), _entry(b)
    if ea is not None and eb is not None:
        return (ea.kind in _PLACE_KINDS and eb.kind in _PLACE_KINDS
                and ea.country == eb.country and _slug(ea.name) == _slug(eb.name))
    if not (a.startswith("name:") or b.startswith("name:")):
        return False
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return False
    if _one_name_of(a, ka, b, kb) or _one_name_of(b, kb, a, ka):
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    if long_[: len(short)] != short:
        return False
    return len(short) >= 2 or (short == long_ and len(short[0]) >= 3)


def _one_name_of(short: str, ks: tuple[str, ...], person: str, kp: tuple[str, ...]) -> bool:
    """A single written name that is one of the names of a known person: reports call
    an office holder by one name ("Chief Minister Saini", "サイニ首相", "Mr Saini"), and the linker
    keeps a name the KB lists only in full as a ``name:`` id."""
    if len(ks) != 1 or len(kp) < 2 or not short.startswith("name:") or company_like(short):
        return False
    if _prefix(person) != "person" or _entry(person) is None:
        return False
    token = short[5:]
    return len(token) >= 4 and len(ks[0]) >= 2 and ks[0] in kp


def _first_word(eid: str) -> str | None:
    """The first word of a company's or unknown name's canonical slug."""
    e = _entry(eid)
    if e is not None and _prefix(eid) == "co":
        return _slug(e.name).split("-")[0]
    if eid.startswith("name:"):
        return eid[5:].split("-")[0]
    return None


def _of_group(group: str, other: str) -> bool:
    """``group:<word>`` is the group of ``other``: a company whose name starts with it."""
    return _prefix(group) == "group" and _first_word(other) == group.split(":", 1)[1]


def related(a: str, b: str) -> bool:
    """One contains or owns the other: a city in its state, a company's own Indian arm.

    A company counts as its parent's only when it carries the parent's name ("Toyota
    Kirloskar Motor" / "Toyota Motor"): the KB's parents also record groups (Denso under
    Toyota), and an MoU with Denso is not an MoU with Toyota.
    """
    for g, other in ((a, b), (b, a)):
        if _prefix(g) == "group" and any(_of_group(g, x) for x in _ancestors(other)):
            return True  # "Suzuki" and Maruti Suzuki, a company of the Suzuki group
    for child, parent in ((a, b), (b, a)):
        if parent in _ancestors(child):
            if _prefix(child) != "co":
                return True
            kc, kp = _name_key(child), _name_key(parent)
            if kc and kp and kp[0] in kc:
                return True
    return False


def _shared(a: Iterable[str], b: Iterable[str]) -> tuple[dict[str, float], set[str]]:
    """What of ``a`` has a counterpart in ``b`` (1 same, 0.5 related) and which of ``b``."""
    la, lb = list(a), list(b)
    sa: dict[str, float] = {}
    sb: set[str] = set()
    for x in la:
        for y in lb:
            v = 1.0 if same_entity(x, y) else 0.5 if related(x, y) else 0.0
            if v:
                sa[x] = max(sa.get(x, 0.0), v)
                sb.add(y)
    return sa, sb


# How strongly an unmatched counterpart on each side speaks against one happening:
# a KB company is a known different party; a ``name:`` id may be noise.
_CONFLICT = {"co": 1.0, "group": 1.0, "gov": 0.6, "person": 0.5, "name": 0.2, "jp-pref": 0.6,
             "jp-city": 0.6, "in-state": 1.0}


_LEGAL = {"pvt", "private", "ltd", "limited", "corp", "corporation", "inc",
          "incorporated", "kk", "llp", "plc", "gmbh", "company"}


def company_like(eid: str) -> bool:
    """A ``name:`` id whose name carries a legal form ("Kubota Corporation", "X Pvt Ltd").

    The KB lacks many companies; a name the article wrote with its legal suffix is a
    company all the same, not a misread word, so it counts as a counterpart like a KB
    company does.
    """
    return eid.startswith("name:") and any(t in _LEGAL for t in eid[5:].split("-"))


def _strength(ids: Iterable[str]) -> float:
    return max((1.0 if company_like(i) else _CONFLICT.get(_prefix(i), 0.0) for i in ids),
               default=0.0)


def _own_people(ids: Iterable[str], states: set[str]) -> set[str]:
    """The persons among ``ids`` who hold (or held) an office of one of ``states``."""
    out = set()
    for i in ids:
        e = _entry(i) if _prefix(i) == "person" else None
        if e is not None and any(getattr(o, "of", None) in states
                                 for o in (getattr(e, "offices", None) or [])):
            out.add(i)
    return out


_VENUES = {"in-state", "in-city", "in-district", "jp-pref", "jp-city"}


def _only_venue_and_hosts(shared: set[str]) -> bool:
    """Is all that two mentions share a state or city and that state's own office holders?

    A delegation's week in Osaka or a minister's day in Bengaluru holds many meetings
    there, so the place (and the state's chief minister or minister) is common to all
    of them.
    """
    places = {i for i in shared if _prefix(i) in _VENUES}
    if not places:
        return False
    states = {i for i in places if _prefix(i) == "in-state"}
    for i in places:
        states |= {a for a in _ancestors(i) if _prefix(a) == "in-state"}
    return shared <= places | _own_people(shared, states)


def _specific(ids: Iterable[str]) -> set[str]:
    return {i for i in ids if weight(i) >= 1.0}


def _ids(m: EventMention) -> set[str]:
    return set(m.participants) | ({m.place} if m.place else set())
