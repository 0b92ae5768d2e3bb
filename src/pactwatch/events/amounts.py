"""Amounts of money ("Rs 1,185 crore", "13 अरब डॉलर", "約6662億円") as value + currency.

The contract wants ``amount.value`` as the plain number in the stated currency
("Rs 1,185 crore" is 11850000000 INR), so multipliers (crore, lakh, 億, 兆, billion) are
applied here and nothing is converted between currencies.  Multiplier and currency words
live in ``data/amounts.yaml``; the pattern is built from them once at import because this
runs on every sentence of every article.

A bare number is never money; the one exception is a number with "crore" (Indian writing
leaves out "rupees": "a 500 crore investment"), unless a count noun follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from pactwatch.events.numbers import (
    Quantity,
    compose_number,
    find_quantities,
    fold,
    load_data,
    spelling_variants,
    to_ascii_digits,
    unit_after,
)

from .memo import per_article

__all__ = ["Money", "find_amounts", "find_counts"]


@dataclass(frozen=True, slots=True)
class Money:
    """An amount: ``text == original[start:end]``; ``value`` in ``currency`` (ISO 4217).

    For a range ("Rs 500-700 crore") ``value`` is the lower number and ``is_range`` is
    true; ``approx`` is the hedge as written ("nearly", "約", "करीब").
    """

    start: int
    end: int
    value: float
    currency: str
    text: str
    approx: str | None = None
    is_range: bool = False


_DATA = load_data("amounts.yaml")
_DIGITS = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
_LETTER = r"[\p{Latin}\p{Devanagari}\p{M}\p{N}]"


_norm = fold


def _alt(words: Any, *, digits_may_follow: bool = False) -> str:
    """An alternation of ``words``, longest first, with word ends guarded.

    A word ending in a Latin or Devanagari letter must not run on into another letter
    ("bn" is not the start of "bnb"); Japanese words need no guard.  A currency written
    before the number may touch it ("Rs1,200 crore", Mint's style): ``digits_may_follow``.
    """
    variants = {v for w in words for v in spelling_variants(str(w))}
    uniq = sorted(variants, key=lambda w: (-len(w), w))
    guard = r"[\p{Latin}\p{Devanagari}\p{M}]" if digits_may_follow else _LETTER
    out = []
    for w in uniq:
        p = regex.escape(w).replace(r"\ ", r"\s+")
        if regex.search(r"[\p{Latin}\p{Devanagari}\p{M}]$", w):
            p += rf"(?!{guard})"
        out.append(p)
    return "|".join(out) if out else r"(?!x)x"


def _merged(section: str) -> dict[str, Any]:
    """One yaml section with all languages merged (keys normalised)."""
    out: dict[str, Any] = {}
    for table in _DATA[section].values():
        for k, v in table.items():
            out[_norm(str(k))] = v
    return out


_MULT = {k: (float(v[0]), str(v[1])) for k, v in _merged("multipliers").items()}
_SIGN_ONLY = {_norm(str(w)) for w in _DATA["sign_only_multipliers"]}
_NOT_MONEY_UNITS = {str(u) for u in _DATA["count_units_not_money"]}
_INDIAN = {_norm(str(w)) for w in _DATA["indian_multipliers"]}
_CUR_BEFORE = {k: str(v) for k, v in _merged("currency_before").items()}
_CUR_AFTER = {k: str(v) for k, v in _merged("currency_after").items()}
_APPROX_BEFORE = [w for ws in _DATA["approx_before"].values() for w in ws]
_APPROX_AFTER = [w for ws in _DATA["approx_after"].values() for w in ws]

_mult_words = [w for w in _MULT if w not in _SIGN_ONLY]
_MULT_RX = rf"(?:{_alt(_mult_words)})"
# Number words written out before a money multiplier ("छह लाख करोड़ रुपये", "two lakh
# crore", "five billion dollars"): taken only with a multiplier after them, so "six
# companies" or "a plant" never become money.  The words are those of numbers.yaml.
_NUM_WORDS: dict[str, tuple[float, str]] = {
    fold(str(k)): (float(v[0]), str(v[1]))
    for table in load_data("numbers.yaml")["number_words"].values()
    for k, v in table.items()
    if str(v[1]) == "unit" and float(v[0]) > 0
    and not (str(k).isascii() and len(str(k)) <= 2)  # "a", "an": "a crore-plus deal"
    and not regex.fullmatch(r"[\p{Han}]+", str(k))  # kanji numerals are digits already
}
_WORDNUM_RX = rf"(?:{_alt(_NUM_WORDS)})"
_ANY_MULT_RX = rf"(?:{_alt(_MULT)})"
# one number with its multipliers; Japanese compounds chain with no space ("1兆2000億")
_SEG = (
    rf"(?:(?:{_DIGITS})(?:[\s-]*{_MULT_RX})*|{_WORDNUM_RX}(?:[\s-]+{_MULT_RX})+)"
    rf"(?:(?<=[万億兆千百])(?:{_DIGITS})(?:{_MULT_RX})+)*"
)
_SIGN_SEG = rf"(?:{_DIGITS})(?:(?:[\s-]*{_MULT_RX})+|{_ANY_MULT_RX})?"
_PATTERN = regex.compile(
    rf"(?<![\p{{Latin}}\p{{Devanagari}}\p{{M}}\p{{N}}.,])"
    rf"(?:(?P<approx>{_alt(_APPROX_BEFORE)})\s*)?"
    rf"(?:"
    rf"(?P<pre>{_alt(_CUR_BEFORE, digits_may_follow=True)})\s*(?P<num>{_SIGN_SEG}|{_SEG})"
    rf"|(?P<bnum>{_SEG})"
    rf")"
    rf"(?:\s*(?P<range>{_alt(_DATA['range_separators'])})\s*"
    rf"(?:{_alt(_CUR_BEFORE)})?\s*(?P<num2>{_SEG}))?"
    rf"(?:\s*(?P<suf>{_alt(_CUR_AFTER)}))?"
    rf"(?:\s*(?P<approx2>{_alt(_APPROX_AFTER)}))?",
    regex.IGNORECASE,
)
_TOKEN_RX = regex.compile(rf"{_DIGITS}|[\p{{L}}\p{{M}}]+\.?")


def _parts(seg: str) -> list[tuple[float, str]]:
    """Split "1,185 crore" / "1兆2000億" / "4 lakh" into compose parts."""
    out: list[tuple[float, str]] = []
    for m in _TOKEN_RX.finditer(seg):
        tok = m.group()
        if tok[0].isdigit():
            out.append((float(tok.replace(",", "")), "unit"))
            continue
        # Japanese multipliers arrive glued together ("兆", "千億"): split per char
        key = _norm(tok)
        if key in _NUM_WORDS and not out:
            out.append(_NUM_WORDS[key])
        elif key in _MULT:
            out.append(_MULT[key])
        elif key.rstrip(".") in _MULT:
            out.append(_MULT[key.rstrip(".")])
        else:
            out.extend(_MULT[c] for c in tok if c in _MULT)
    return out


def _value(m: regex.Match[str]) -> float:
    """Value of the (first) number; "Rs 500-700 crore" borrows the second's multiplier."""
    parts = _parts(m.group("num") or m.group("bnum"))
    if m.group("num2") and all(k == "unit" for _, k in parts):
        tail: list[tuple[float, str]] = []
        for v, k in reversed(_parts(m.group("num2"))):
            if k == "unit":
                break
            tail.insert(0, (v, k))
        parts = parts + tail
    return compose_number(parts)


def _count_noun_follows(text: str, end: int, lang: str) -> bool:
    """Is the bare-crore number followed by a count noun ("2 crore people")?"""
    return unit_after(text[end : end + 60], lang) in _NOT_MONEY_UNITS


@per_article
def find_amounts(text: str, lang: str) -> list[Money]:
    """Find amounts of money in ``text`` in text order (``lang``: en, hi or ja).

    Every hit needs a currency (sign or word), except number + crore, which is INR.
    """
    ascii_text = to_ascii_digits(text)
    found: list[Money] = []
    for m in _PATTERN.finditer(ascii_text):
        pre, suf = m.group("pre"), m.group("suf")
        currency = None
        if pre:
            currency = _CUR_BEFORE.get(_norm(pre))
        elif suf:
            currency = _CUR_AFTER.get(_norm(suf))
        else:
            seg = m.group("bnum") or ""
            words = {_norm(t) for t in _TOKEN_RX.findall(seg) if not t[0].isdigit()}
            if words & _INDIAN and not _count_noun_follows(ascii_text, m.end(), lang):
                currency = str(_DATA["indian_currency"])
        if currency is None:
            continue
        if m.group("num2") and not m.group("range"):
            continue
        value = _value(m)
        if value <= 0:
            continue
        approx = m.group("approx") or m.group("approx2")
        start, end = m.start(), m.end()
        found.append(
            Money(
                start=start,
                end=end,
                value=value,
                currency=currency,
                text=text[start:end],
                approx=_norm(approx) if approx else None,
                is_range=bool(m.group("num2")),
            )
        )
    return found


@per_article
def find_counts(text: str, lang: str) -> list[Quantity]:
    """Counts in ``text`` that are not part of a sum of money ("13,000 jobs", not the
    "2,000" of "Rs 2,000 crore").

    This is where counts and amounts meet: amounts are built on the number parsing of
    :mod:`pactwatch.events.numbers`, so the money spans are found here and handed down.
    """
    money = [(a.start, a.end) for a in find_amounts(text, lang)]
    return find_quantities(text, lang, money)


_USD = {str(k): float(v) for k, v in (_DATA.get("usd_per_unit") or {}).items()}


def same_sum(a: Money, b: Money) -> bool:
    """Are ``a`` and ``b`` one sum, told in one currency or in two ("Rs 1,600 crore" and
    "$194 million")?  Same currency: within 1%.  Two currencies: within a quarter of each
    other at rough dollar rates (``usd_per_unit``), which drift over the years; a
    currency without a rate is another sum."""
    if a.currency == b.currency:
        return abs(a.value - b.value) <= 0.01 * b.value
    ra, rb = _USD.get(a.currency or ""), _USD.get(b.currency or "")
    if ra is None or rb is None or not a.value or not b.value:
        return False
    ratio = (a.value * ra) / (b.value * rb)
    return 0.75 <= ratio <= 1.33

