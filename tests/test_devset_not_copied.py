"""No tracked file copies the text of a devset article.

The project rule is that devset articles never enter the repository: not as test
fixtures, not as comments, not as KB patterns.  Scores on the devset only mean something
while the code has not seen its wording.  This guard reads the devset at run time (it is
not part of the repository, and nothing of it is stored here) and fails when a tracked
file shares a long run of words with an article.

Thresholds: 10 consecutive words for English and Hindi (tokens are runs of letters,
marks and digits, so "Rs 1,338 crore" is four tokens), and 20 consecutive characters,
whitespace removed and at least half of them kana or kanji, for Japanese.  They are
long enough that the official names the KB must hold ("Department for Promotion of
Industry and Internal Trade", 8 words; "Ministry of Economy, Trade and Industry", 6) and
a title with a name ("Tamil Nadu Chief Minister M K Stalin", 7) pass, and short enough
that a copied sentence or clause does not.

When the devset is absent (a checkout outside the team's machine) the test skips.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import regex

ROOT = Path(__file__).resolve().parents[1]
WORDS = 10
CHARS = 20
_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_KANA_KANJI = regex.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_SPACE = regex.compile(r"\s+")
# Not text: nothing to copy into them, and reading them would be slow.
_BINARY = {".png", ".jpg", ".gif", ".parquet", ".db", ".sqlite", ".gz", ".zip", ".bin",
           ".npy", ".npz", ".pkl", ".onnx", ".pt"}


def _devset_dir() -> Path | None:
    """The devset sits beside the main checkout (``../shared/devset/articles``); a git
    worktree lives elsewhere, so the main checkout is also found through git's common
    directory.  ``PACTWATCH_DEVSET`` overrides both."""
    env = os.environ.get("PACTWATCH_DEVSET")
    cands = [Path(env)] if env else []
    cands.append(ROOT.parent / "shared" / "devset" / "articles")
    try:
        common = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--path-format=absolute",
             "--git-common-dir"], capture_output=True, text=True, check=True).stdout.strip()
        cands.append(Path(common).parent.parent / "shared" / "devset" / "articles")
    except (OSError, subprocess.CalledProcessError):
        pass
    return next((c for c in cands if c.is_dir() and any(c.iterdir())), None)


def _word_grams(text: str, vocab: set[str] | None = None) -> Iterator[tuple[str, ...]]:
    """Every run of ``WORDS`` tokens; with ``vocab``, only runs whose every token is in
    it (a run with a word the devset never uses cannot be copied from it)."""
    words = [w.casefold() for w in _TOKEN.findall(text)]
    ok = 0
    for i, w in enumerate(words):
        ok = ok + 1 if vocab is None or w in vocab else 0
        if ok >= WORDS:
            yield tuple(words[i - WORDS + 1:i + 1])


def _char_grams(text: str, keep: bool = False) -> Iterator[str]:
    """Every run of ``CHARS`` characters, whitespace removed, of a text with kana or
    kanji; with ``keep`` only runs at least half kana or kanji (the devset side: a run of
    Latin letters is the word check's business)."""
    flat = _SPACE.sub("", text)
    if not _KANA_KANJI.search(flat):
        return
    for i in range(len(flat) - CHARS + 1):
        run = flat[i:i + CHARS]
        if not keep or len(_KANA_KANJI.findall(run)) * 2 >= CHARS:
            yield run


def _fingerprints(arts: Path) -> tuple[dict[int, str], set[str]]:
    """Hashes of every long run of every article, to the article's file name, and the
    articles' vocabulary.  Kept in memory for this run only."""
    prints: dict[int, str] = {}
    vocab: set[str] = set()
    for p in sorted(arts.iterdir()):
        if not p.is_file():
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        vocab.update(w.casefold() for w in _TOKEN.findall(text))
        for g in _word_grams(text):
            prints.setdefault(hash(g), p.name)
        for s in _char_grams(text, keep=True):
            prints.setdefault(hash(s), p.name)
    return prints, vocab


def _tracked_texts() -> Iterator[tuple[str, str]]:
    files = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True,
                           check=True).stdout.decode().split("\0")
    for f in files:
        path = ROOT / f
        if not f or path.suffix.lower() in _BINARY or not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8192]:
            continue
        try:
            yield f, data.decode("utf-8")
        except UnicodeDecodeError:
            continue


def test_no_tracked_file_shares_a_long_run_with_a_devset_article() -> None:
    arts = _devset_dir()
    if arts is None:
        pytest.skip("devset not found beside the checkout (../shared/devset/articles)")
    prints, vocab = _fingerprints(arts)
    copied: dict[tuple[str, str], int] = {}
    for f, text in _tracked_texts():
        for run in [*_word_grams(text, vocab), *_char_grams(text)]:
            art = prints.get(hash(run))
            if art:
                copied[(f, art)] = copied.get((f, art), 0) + 1
    report = [f"{f} shares {n} run(s) of >= {WORDS} words / {CHARS} chars with devset {a}"
              for (f, a), n in sorted(copied.items())]
    assert not report, "devset text copied into the repository:\n" + "\n".join(report)


def test_the_guard_catches_a_copied_clause_and_passes_official_names() -> None:
    """The thresholds themselves, on invented text: a ten-word run is caught, a long
    official name is not."""
    def caught(article: str, text: str) -> bool:
        runs = {hash(g) for g in _word_grams(article)} | {hash(s) for s in _char_grams(
            article, keep=True)}
        return any(hash(r) in runs for r in [*_word_grams(text), *_char_grams(text)])

    invented = "the state cabinet on monday cleared a new policy for electric buses in cities"
    assert caught(invented, "Reports say the state cabinet on Monday cleared a new policy "
                            "for electric buses.")
    assert not caught("officials from dpiit or department for promotion of industry and "
                      "internal trade held talks",
                      "Department for Promotion of Industry and Internal Trade said on Monday")
    ja = "州政府は新しい電気バスの導入計画を閣議で正式に決定したと発表した"
    assert caught(ja, "記者会見で" + ja[2:25])
    assert not caught(ja, "経済産業省と電気バス")
