"""Stated counts ("13,000 jobs", "छह समझौता ज्ञापन", "５社") with the noun they count.

The extractor fills an event's ``jobs`` and ``count`` and the article's ``figures`` from
these.  Everything language-specific (number words, unit nouns, counters, hedges) lives in
``data/numbers.yaml`` so a new language or spelling is a data change, not a code change.
Patterns are compiled once at import because this runs on every sentence of every article.

Money is not a count: anything that overlaps a sum of money the caller passes (the
spans :func:`pactwatch.events.amounts.find_counts` takes from ``find_amounts``), or sits
right after a currency sign, is dropped; so are bare years ("in 2025 Japanese companies ...") and day numbers after a
month name ("on October 7 companies ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import regex

from pactwatch.yamlload import safe_load as yaml_safe_load

__all__ = [
    "Quantity",
    "compose_number",
    "find_quantities",
    "fold",
    "load_data",
    "spelling_variants",
    "to_ascii_digits",
    "unit_after",
]

# Devanagari and full-width digits, plus the full-width comma and point, map one char to
# one char: offsets computed on the converted text stay valid in the original.
_DIGIT_TABLE = str.maketrans(
    {
        **{chr(0x0966 + i): str(i) for i in range(10)},
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "，": ",",
        "．": ".",
    }
)


def to_ascii_digits(s: str) -> str:
    """Return ``s`` with Devanagari/full-width digits (and ，．) as ASCII, same length.

    Patterns then only need ``[0-9]``, and because the mapping is one char for one char a
    match's offsets can be used on the original text unchanged.
    """
    return s.translate(_DIGIT_TABLE)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A stated count: ``text == original[start:end]``; ``unit`` is canonical ("jobs")."""

    start: int
    end: int
    value: float
    unit: str | None
    text: str
    approx: str | None = None


def load_data(name: str) -> dict[str, Any]:
    """Read one of the package's yaml data files (shared with the sibling modules)."""
    raw = resources.files("pactwatch.events").joinpath("data", name).read_text("utf-8")
    data = yaml_safe_load(raw)
    assert isinstance(data, dict), name
    return data


_DATA = load_data("numbers.yaml")
_LANGS = ("en", "hi", "ja")
_DIGITS = r"\d{1,3}(?:,\d{2,3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
_TOKEN_RX = regex.compile(rf"{_DIGITS}|[\p{{L}}\p{{M}}]+\.?|[%&]")
_NOT_WORD_BEFORE = r"(?<![\p{L}\p{M}\p{N}])"
_NOT_WORD_AFTER = r"(?![\p{L}\p{M}\p{N}])"


# Devanagari letters with nukta come precomposed (U+0958..U+095F) or as letter + U+093C;
# sources use both, so patterns accept both and lookups fold to the decomposed form.
_NUKTA = {
    "\u0958": "\u0915\u093c",
    "\u0959": "\u0916\u093c",
    "\u095a": "\u0917\u093c",
    "\u095b": "\u091c\u093c",
    "\u095c": "\u0921\u093c",
    "\u095d": "\u0922\u093c",
    "\u095e": "\u092b\u093c",
    "\u095f": "\u092f\u093c",
}
_NUKTA_FOLD = str.maketrans(_NUKTA)


def spelling_variants(word: str) -> set[str]:
    """``word`` with its nukta letters both precomposed and decomposed."""
    folded = word.translate(_NUKTA_FOLD)
    composed = folded
    for pre, dec in _NUKTA.items():
        composed = composed.replace(dec, pre)
    return {word, folded, composed}


def fold(s: str) -> str:
    """Lookup key: lower case, single spaces, nukta decomposed."""
    return " ".join(s.lower().split()).translate(_NUKTA_FOLD)


def _alt(words: Any, *, spaced: bool = True) -> str:
    """An alternation of ``words``, longest first, spaces matching any whitespace."""
    uniq = sorted({v for w in words for v in spelling_variants(str(w))}, key=lambda w: (-len(w), w))
    parts = [regex.escape(w) for w in uniq]
    if spaced:
        parts = [p.replace(r"\ ", r"\s+") for p in parts]
    return "|".join(parts) if parts else r"(?!x)x"


_norm = fold


def _words(lang: str) -> dict[str, tuple[float, str]]:
    """Number words of ``lang`` as ``word -> (value, kind)``."""
    table = _DATA["number_words"].get(lang, {})
    return {_norm(str(k)): (float(v[0]), str(v[1])) for k, v in table.items()}


_NUMBER_WORDS = {lang: _words(lang) for lang in _LANGS}


def compose_number(parts: list[tuple[float, str]]) -> float:
    """Combine ``(value, kind)`` parts into one number.

    ``kind`` is ``unit`` (added), ``small`` (multiplies the group so far: hundred, 十, 千)
    or ``big`` (closes a group: thousand, lakh, 万, 億).  Two ``big`` parts in a row
    multiply, which is how Indian and Japanese writing stacks them: "4 lakh crore" is
    4e12, "90 thousand crore" is 9e11, "1兆2000億" is 1.2e12, "दो हजार" is 2000.
    """
    total = 0.0
    last_group = 0.0
    section = 0.0
    cur = 0.0
    pending = False  # a unit value is waiting for its multiplier
    just_closed = False  # the previous part was a "big"
    if len(parts) > 1 and all(k == "unit" and v < 10 for v, k in parts):
        # positional kanji ("二〇二五"): digits, not a sum
        return float("".join(str(int(v)) for v, _ in parts))
    for value, kind in parts:
        if kind == "unit":
            cur += value
            pending = True
            just_closed = False
        elif kind == "small":
            section += (cur if pending else 1.0) * value
            cur = 0.0
            pending = False
            just_closed = False
        else:
            if just_closed and not pending and section == 0:
                total -= last_group
                last_group *= value
                total += last_group
            else:
                base = section + cur if (pending or section) else 1.0
                last_group = base * value
                total += last_group
            section = cur = 0.0
            pending = False
            just_closed = True
    return total + section + cur


def _parts(text: str, lang: str) -> list[tuple[float, str]]:
    """Split a matched number ("1.5 lakh", "दो हजार", "1万2000") into compose parts."""
    words = _NUMBER_WORDS.get(lang, {})
    out: list[tuple[float, str]] = []
    if lang == "ja":
        for m in regex.finditer(rf"{_DIGITS}|.", text):
            tok = m.group()
            if tok[0].isdigit():
                out.append((float(tok.replace(",", "")), "unit"))
            elif tok in words:
                out.append(words[tok])
        return out
    for m in _TOKEN_RX.finditer(text):
        tok = m.group()
        if tok[0].isdigit():
            out.append((float(tok.replace(",", "")), "unit"))
        elif _norm(tok) in words:
            out.append(words[_norm(tok)])
    return out


def _number_rx(lang: str) -> str:
    """Pattern for a number in ``lang``: digits (+ number words) or number words alone."""
    words = _NUMBER_WORDS[lang]
    if lang == "ja":
        kanji = "".join(sorted({w for w in words if len(w) == 1}))
        starters = "".join(w for w, (_, kind) in words.items() if kind != "big")
        part = rf"(?:{_DIGITS}|[{regex.escape(kanji)}])"
        return rf"(?:{_DIGITS}|[{regex.escape(starters)}]){part}*"
    mults = [w for w, (_, kind) in words.items() if kind != "unit"]
    word = rf"(?:{_alt(words)})(?![\p{{L}}\p{{M}}])"
    mult = rf"(?:{_alt(mults)})(?![\p{{L}}\p{{M}}])"
    return (
        rf"(?:(?:{_DIGITS})(?:[\s-]*{mult})*"
        rf"|{word}(?:(?:\s+|-)(?:and\s+)?{word})*)"
    )


def _lang_key(lang: str) -> str:
    """``en-IN`` -> ``en``; unknown languages use the English tables."""
    key = (lang or "en").lower()[:2]
    return key if key in _LANGS else "en"


def _month_names() -> list[str]:
    """Month names from dates.yaml: a number right after one is a day, not a count."""
    months = load_data("dates.yaml").get("months", {})
    return [str(w) for lang in ("en", "hi") for w in months.get(lang, {})]


@dataclass(frozen=True, slots=True)
class _Lang:
    """Everything compiled for one language."""

    rx: regex.Pattern[str]
    units: dict[str, str]
    words: dict[str, tuple[float, str]]


def _compile_lang(lang: str) -> _Lang:
    """Build the one big pattern of ``lang`` from the yaml tables."""
    units = {_norm(str(k)): str(v) for k, v in _DATA["units"].get(lang, {}).items()}
    approx_b = _DATA["approx_before"].get(lang, [])
    approx_a = _DATA["approx_after"].get(lang, [])
    num = _number_rx(lang)
    if lang == "ja":
        nouns = _DATA["ja_no_nouns"]
        rx = (
            rf"(?<![\d.,]|第)(?:(?P<approx>{_alt(approx_b)})\s*)?"
            rf"(?P<num>{num})"
            rf"(?:(?P<range>[〜～~\-－]|から)(?P<num2>{num}))?"
            rf"(?P<unit>{_alt(units)})?"
            rf"(?P<approx2>{_alt(approx_a)})?"
            rf"(?:の(?P<pre>[\p{{Han}}\p{{Katakana}}ー]{{0,4}}?)(?P<noun>{_alt(nouns)}))?"
        )
        return _Lang(regex.compile(rx), units, _NUMBER_WORDS[lang])
    fillers = _DATA["fillers"].get(lang, [])
    # besides the listed fillers: a capitalised word ("525 Japanese companies") and, in
    # English, one word shaped like an adjective ("six impactful MoUs", "nine prominent
    # firms"), so that the lexicon need not list every adjective of the language
    adjective = _DATA.get("adjective_shapes", {}).get(lang)
    extra = rf"|(?-i:[a-z][a-z\-]*(?:{_alt(adjective)}))" if adjective else ""
    filler = (rf"(?:{_alt(fillers)}|(?-i:\p{{Lu}}[\p{{L}}\p{{M}}\-]*){extra})"
              rf"(?![\p{{L}}\p{{M}}])")
    if lang == "hi":
        filler = rf"(?:{_alt(fillers)})(?![\p{{L}}\p{{M}}])"
    range_sep = r"-|–|to|or" if lang == "en" else r"-|–|से"
    rx = (
        rf"{_NOT_WORD_BEFORE}(?<![.,]\d*)"
        rf"(?:(?P<approx>{_alt(approx_b)})\s+)?"
        rf"(?P<num>{num})"
        rf"(?:\s*(?P<range>{range_sep})\s*(?P<num2>{num}))?"
        rf"(?:\s+(?P<approx2>{_alt(approx_a)}))?"
        rf"(?P<fill>(?:\s+{filler}){{0,3}})"
        rf"(?:\s*|-)(?P<unit>{_alt(units)})"
        rf"(?![\p{{L}}\p{{M}}\p{{N}}])"
    )
    return _Lang(regex.compile(rx, regex.IGNORECASE), units, _NUMBER_WORDS[lang])


_COMPILED = {lang: _compile_lang(lang) for lang in _LANGS}
_SCALE: dict[str, dict[str, float]] = {
    lang: {str(k): float(v) for k, v in table.items()}
    for lang, table in (_DATA.get("unit_scale") or {}).items()
}
# a currency mark before the number makes it money; a word ending in one is no mark
# ("covers 200 acres" is no "Rs 200")
_MONEY_WORDS = tuple(str(w) for w in _DATA["money_before"] if str(w)[:1].isalpha())
_MONEY_SIGNS = tuple(str(w) for w in _DATA["money_before"] if not str(w)[:1].isalpha())
_MONEY_BEFORE_RX = regex.compile(
    rf"(?:(?<![\p{{L}}\p{{M}}])(?:{_alt(_MONEY_WORDS)})|(?:{_alt(_MONEY_SIGNS)}))\s*$",
    regex.IGNORECASE)
_YEAR_CUE_RX = {
    lang: regex.compile(rf"{_NOT_WORD_BEFORE}(?:{_alt(cues)})[\s,]*$", regex.IGNORECASE)
    for lang, cues in _DATA["year_cues"].items()
}
_MONTH_BEFORE_RX = regex.compile(
    rf"{_NOT_WORD_BEFORE}(?:{_alt(_month_names())})\.?\s*$", regex.IGNORECASE
)
_JA_CONTEXT = {
    str(counter): {str(k): str(v) for k, v in ctx.items()}
    for counter, ctx in _DATA["ja_counter_context"].items()
}
_JA_NOUNS = {str(k): str(v) for k, v in _DATA["ja_no_nouns"].items()}


_UNIT_AFTER_RX = {
    lang: regex.compile(
        rf"\s*(?:(?:{_alt(_DATA['fillers'].get(lang, []))})\s+){{0,3}}(?P<unit>{_alt(c.units)})"
        rf"(?![\p{{L}}\p{{M}}\p{{N}}])",
        regex.IGNORECASE,
    )
    for lang, c in _COMPILED.items()
}


def unit_after(text: str, lang: str) -> str | None:
    """Canonical unit of the count noun ``text`` starts with ("  jobs in ..." -> "jobs").

    amounts uses it to tell "2 crore people" (a count) from "500 crore investment" (INR).
    """
    key = _lang_key(lang)
    m = _UNIT_AFTER_RX[key].match(text)
    return _COMPILED[key].units.get(_norm(m.group("unit"))) if m else None


def _range_value(m: regex.Match[str], lang: str) -> float:
    """Value of the (first) number; "2 to 3 lakh" borrows the trailing multiplier."""
    parts = _parts(m.group("num"), lang)
    if m.group("num2") and all(k == "unit" for _, k in parts):
        tail: list[tuple[float, str]] = []
        for v, k in reversed(_parts(m.group("num2"), lang)):
            if k == "unit":
                break
            tail.insert(0, (v, k))
        parts = parts + tail
    return compose_number(parts)


def _is_year(num: str) -> bool:
    """A plain four-digit 19xx/20xx number, the shape of a year."""
    return len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2099


def _ja_unit(m: regex.Match[str], text: str) -> tuple[str | None, int]:
    """Canonical unit and match end for a Japanese hit (counter, の-noun, context)."""
    counter = m.group("unit")
    noun = m.group("noun")
    if noun and (counter is None or counter in _JA_CONTEXT):
        return _JA_NOUNS[noun], m.end("noun")
    if counter is None:
        return None, m.end()
    end = m.end("approx2") if m.group("approx2") else m.end("unit")
    unit = _COMPILED["ja"].units.get(counter)
    ctx = _JA_CONTEXT.get(counter)
    if ctx:
        window = text[max(0, m.start() - 8) : m.end() + 12]
        for key, value in sorted(ctx.items(), key=lambda kv: -len(kv[0])):
            if key in window:
                return value, end
    return unit, end


def find_quantities(
    text: str, lang: str, money: Sequence[tuple[int, int]] = ()
) -> list[Quantity]:
    """Find stated counts with their noun in ``text`` (``lang``: en, hi or ja).

    Returns them in text order.  ``value`` of a range ("10-12 companies") is the lower
    number; ``approx`` is the hedge as written ("over", "से अधिक", "約").  ``money`` are
    the spans of sums of money in ``text``: a number inside one is no count.  They come
    from the caller (:func:`pactwatch.events.amounts.find_counts` finds them) because
    amounts are built on this module's number parsing, so this module cannot import
    amounts without an import circle.
    """
    key = _lang_key(lang)
    comp = _COMPILED[key]
    ascii_text = to_ascii_digits(text)
    found: list[Quantity] = []
    for m in comp.rx.finditer(ascii_text):
        num = m.group("num")
        start = m.start()
        before = ascii_text[max(0, start - 12) : start]
        if _MONEY_BEFORE_RX.search(before):
            continue
        if key == "ja":
            unit, end = _ja_unit(m, ascii_text)
            if unit is None and not m.group("noun"):
                continue
            if not num[0].isdigit() and not m.group("approx"):
                prev = ascii_text[start - 1 : start]
                if prev and regex.match(r"[\p{Han}\p{Katakana}]", prev):
                    continue
        else:
            toks = _parts(num, key)
            if not toks:
                continue
            if num.split()[0].lower() in {"a", "an"} and (len(toks) < 2 or toks[1][1] == "unit"):
                continue
            if _is_year(num) and not m.group("approx"):
                cue = _YEAR_CUE_RX.get(key)
                if m.group("fill").strip() or (cue and cue.search(before)):
                    continue
            if _MONTH_BEFORE_RX.search(before) and not m.group("approx"):
                continue
            unit = comp.units.get(_norm(m.group("unit")))
            end = m.end()
        value = _range_value(m, key)
        counter = m.group("unit")
        if counter and counter in _SCALE.get(key, {}):
            value *= _SCALE[key][counter]  # "3割" is 30 percent
        approx = m.group("approx") or m.group("approx2")
        found.append(
            Quantity(
                start=start,
                end=end,
                value=value,
                unit=unit,
                text=text[start:end],
                approx=_norm(approx) if approx else None,
            )
        )
    if found:
        found = [q for q in found if not any(s < q.end and q.start < e for s, e in money)]
        found = sorted(found + _elliptic(text, ascii_text, key, found, money),
                       key=lambda q: q.start)
    framed = _framed(text, ascii_text, key, found)
    if framed:
        found = sorted(found + framed, key=lambda q: q.start)
    return found


_FRAMED = {
    lang: [(regex.compile(str(e["pattern"]).replace("{num}", _number_rx(lang))), str(e["unit"]))
           for e in entries]
    for lang, entries in (_DATA.get("framed") or {}).items()
}


def _framed(text: str, ascii_text: str, lang: str, found: list[Quantity]) -> list[Quantity]:
    """Counts whose noun stands before the number ("रोजगार के 3000 अवसर")."""
    out: list[Quantity] = []
    for rx, unit in _FRAMED.get(lang, []):
        for m in rx.finditer(ascii_text):
            start, end = m.start("num"), m.end("num")
            if any(q.start < end and start < q.end for q in found + out):
                continue
            parts = _parts(m.group("num"), lang)
            if parts and not _is_year(m.group("num")):
                out.append(Quantity(start, end, compose_number(parts), unit, text[start:end]))
    return out


_ELLIPTIC = {
    lang: (
        # the counted noun may have a short tail first ("companies operating in X,
        # including 50 in Pune"), never past the end of a clause
        regex.compile(rf"[^.;:!?।\d]{{0,60}}?{rules['after']}(?P<num>{_number_rx(lang)})"
                      rf"(?![\p{{L}}\p{{M}}\p{{N}}]|\s*(?:%|per\s*cent|प्रतिशत|फीसदी))",
                      regex.IGNORECASE) if rules.get("after") else None,
        regex.compile(rf"(?:^|(?<=[\s,(]))(?P<num>{_number_rx(lang)}){rules['before']}",
                      regex.IGNORECASE) if rules.get("before") else None,
    )
    for lang, rules in (_DATA.get("elliptic") or {}).items()
}


def _elliptic(text: str, ascii_text: str, lang: str, found: list[Quantity],
              money: Sequence[tuple[int, int]]) -> list[Quantity]:
    """Counts that leave their noun to the count beside them: "300 companies, including
    over 50 in Pune" is 50 companies; "three out of the 12 townships" is 3 townships."""
    after_rx, before_rx = _ELLIPTIC.get(lang, (None, None))
    taken = [(q.start, q.end) for q in found] + list(money)
    out: list[Quantity] = []

    def add(start: int, end: int, num: str, unit: str | None) -> None:
        if any(s < end and start < e for s, e in taken) or _is_year(num):
            return
        parts = _parts(num, lang)
        if not parts:
            return
        taken.append((start, end))
        out.append(Quantity(start, end, compose_number(parts), unit, text[start:end]))

    for q in found:
        if q.unit is None:
            continue
        if after_rx is not None:
            m = after_rx.match(ascii_text, q.end)
            if m:
                add(m.start("num"), m.end("num"), m.group("num"), q.unit)
        if before_rx is not None:
            m = before_rx.search(ascii_text[max(0, q.start - 40): q.start])
            if m:
                off = max(0, q.start - 40)
                add(off + m.start("num"), off + m.end("num"), m.group("num"), q.unit)
    return out
