"""pactwatch.rx must answer exactly as regex's module functions do (records depend on it)."""

import regex

from pactwatch import rx


def _span(m: regex.Match[str] | None) -> tuple[int, int] | None:
    return m.span() if m else None


def test_match_search_fullmatch_agree_with_regex() -> None:
    text = "Shri Nayab Singh Saini met Toyota Kirloskar in Bengaluru on 5 Dec"
    for pat in (r"[\p{Lu}\p{N}]", r"\d", r"(?:Shri|Smt)\.?\s+[A-Z][a-z]+", r"\bin\s+\p{Lu}"):
        assert _span(rx.match(pat, text)) == _span(regex.match(pat, text))
        assert _span(rx.search(pat, text)) == _span(regex.search(pat, text))
        assert _span(rx.fullmatch(pat, text)) == _span(regex.fullmatch(pat, text))
    assert rx.search("TOYOTA", text, regex.I) is not None
    assert rx.search("TOYOTA", text) is None


def test_sub_split_finditer_findall_agree_with_regex() -> None:
    text = "Suzuki  Motor   Gujarat, Maruti-Suzuki"
    assert rx.sub(r"\s+", " ", text) == regex.sub(r"\s+", " ", text)
    assert rx.sub(r"\s+", " ", text, 1) == regex.sub(r"\s+", " ", text, 1)
    assert rx.split(r"[\s\-,]+", text) == regex.split(r"[\s\-,]+", text)
    assert [m.span() for m in rx.finditer(r"suzuki", text, regex.I)] == \
        [m.span() for m in regex.finditer(r"suzuki", text, regex.I)]
    assert rx.findall(r"\p{Lu}\w+", text) == regex.findall(r"\p{Lu}\w+", text)
