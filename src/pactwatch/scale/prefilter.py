"""The relevance cascade: decide cheaply whether an article can be relevant at all.

A day of world news is ~200,000 articles, of which perhaps 5 % are about economic
partnerships; the full extractor (spaCy/GiNZA, linking, frames) costs tens of
milliseconds an article.  The cascade runs before any of it, cheapest test first, and an
article that fails any test leaves with ``relevant: false``:

1. **vocabulary** (``data/vocabulary.yaml``, every language as data): one Aho-Corasick
   pass over the folded title and text; at least one economic-partnership word
   (invest*, MoU, minister, 企業, निवेश ...) must be there.  Off-topic news mostly stops
   here, at ~0.1 ms an article.
2. **story kind**: the extractor's own off-topic rule (``EventExtractor.offtopic``: four
   distinct crime, sport or war-game cue words), which makes the frames stage return no
   event whatever else the article says.  It is the same rule on the same words, so it
   costs no event; here it runs on the text without the title, which can only find fewer
   cue words than the extractor's body, never more.
3. **knowledge base**: the existing Aho-Corasick KB matcher (``kb.matcher.Matcher``) must
   find at least one name (a country, state, prefecture, city, company, ministry, office
   holder): every event needs participants from two countries, or a company and a
   government, and the places, countries and governments of a frame come from the KB.

Only what passes all three reaches the language models.  The tests are necessary
conditions of the extractor's frames, chosen wide (an extra vocabulary word costs
speed, a missing one costs recall), and ``tests/test_scale_prefilter.py`` checks that
every relevant article of the team corpus and of the devset passes and that relevant
records are identical with and without the cascade.

**Entities of off-topic articles are skipped** (``entities: []``), not taken from the
cheap stage.  Why: (a) the cheap stage has no NER and no linking, so its names would be a
second, lower-quality entity list that differs from what the full extractor gives for
the same article, and the store would mix the two kinds in its entity index; (b) the KB
matcher alone costs ~3 ms on a 600-word article, more than the whole cascade budget
(2 ms), and most off-topic articles never need it; (c) nothing downstream (stories,
events, alerts) reads the entities of an article without events.  The record keeps
``doc``, ``lang`` (by script), ``published``, ``title``, ``url`` and the body, so the store
still deduplicates it and full-text search still finds it.  ``--no-prefilter`` gives the
full record for every article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

import ahocorasick

from pactwatch.normalise import Text, normalise
from pactwatch.record import Article, ExtractError
from pactwatch.yamlload import safe_load as yaml_safe_load

if TYPE_CHECKING:
    from pactwatch.kb.loader import KB
    from pactwatch.kb.matcher import Matcher
    from pactwatch.read.base import Document

VOCABULARY = Path(__file__).parent / "data" / "vocabulary.yaml"

# stages, for counting what left where
STAGE_VOCABULARY, STAGE_KIND, STAGE_KB = "vocabulary", "story_kind", "knowledge_base"
STAGE_FRAME = "frame_cues"

_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_DEVA_LETTERS = re.compile(r"[\u0900-\u097F]")
_JA_LETTERS = re.compile(r"[\u3040-\u30FF\u4E00-\u9FFF]")
_FULLWIDTH = re.compile(r"[\uFF01-\uFF5E]")
_FULLWIDTH_TABLE = {o: chr(o - 0xFEE0).lower() for o in range(0xFF01, 0xFF5F)}
# the KB fold (kb/fold.py) for Devanagari, as plain replacements: nukta dropped (also
# from the precomposed letters), chandrabindu as anusvara, vowel length loose
_DEVA_FOLD = (("\u093c", ""), ("\u0901", "\u0902"), ("\u0958", "\u0915"),
              ("\u0959", "\u0916"), ("\u095a", "\u0917"), ("\u095b", "\u091c"),
              ("\u095c", "\u0921"), ("\u095d", "\u0922"), ("\u095e", "\u092b"),
              ("\u095f", "\u092f"), ("\u0940", "\u093f"), ("\u0942", "\u0941"),
              ("\u0908", "\u0907"), ("\u090a", "\u0909"), ("\u200c", ""), ("\u200d", ""))


def fast_fold(text: str) -> str:
    """Text folded for the vocabulary: lower case, one space for any run of white space,
    and for Devanagari the KB's fold (nukta, chandrabindu, loose vowel length); full-width
    Latin as ASCII.  No offset map: the cascade asks only whether a word is there, so
    this is a few C-level passes over the string (a per-character fold in Python, as
    the KB matcher does, costs more than the whole cascade's budget)."""
    s = " ".join(text.lower().split())
    if not s.isascii():
        if _DEVANAGARI.search(s):
            for a, b in _DEVA_FOLD:
                s = s.replace(a, b)
        if _FULLWIDTH.search(s):
            s = s.translate(_FULLWIDTH_TABLE)
    return s


def _is_word(ch: str) -> bool:
    o = ord(ch)
    return ch.isalnum() or 0x0900 <= o <= 0x097F


@dataclass(frozen=True, slots=True)
class Verdict:
    """The cascade's answer for one article: ``passed`` or the stage that stopped it."""

    passed: bool
    stage: str | None = None
    # the normalised text stage 4 read: the extractor takes it instead of normalising again
    text: Text | None = field(default=None, compare=False, repr=False)


class Prefilter:
    """Built once per process (the vocabulary automaton, and the KB matcher on first
    need); ``verdict`` is called on every article."""

    def __init__(self, kb: KB, vocabulary: Path = VOCABULARY,
                 matcher: Matcher | None = None) -> None:
        self.kb = kb
        self._matcher = matcher
        self._auto = ahocorasick.Automaton()
        data = yaml_safe_load(vocabulary.read_text(encoding="utf-8")) or {}
        n = 0
        for lang, words in data.items():
            for w in words or []:
                prefix = str(w).endswith("*")
                key = fast_fold(str(w).rstrip("*")).strip()
                if not key:
                    continue
                # Japanese words (and Latin acronyms inside Japanese text) match anywhere
                bounded = lang != "ja"
                old = self._auto.get(key, None)
                if old is not None:  # the same word in two lists: the looser rule wins
                    prefix, bounded = prefix or old[1], bounded and old[2]
                self._auto.add_word(key, (key, prefix, bounded))
                n += 1
        if not n:
            raise ValueError(f"{vocabulary}: the relevance vocabulary has no words")
        self._auto.make_automaton()

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            from pactwatch.kb.matcher import Matcher

            self._matcher = Matcher(self.kb)
        return self._matcher

    # -- the three tests ------------------------------------------------------------

    def has_vocabulary(self, text: str) -> bool:
        """At least one economic-partnership word stands as a word in ``text``."""
        s = fast_fold(text)
        for end, (key, prefix, bounded) in self._auto.iter(s):
            if not bounded:
                return True
            start = end - len(key) + 1
            if start > 0 and _is_word(s[start - 1]):
                continue
            if not prefix and end + 1 < len(s) and _is_word(s[end + 1]):
                continue
            return True
        return False

    @staticmethod
    def story_kind(text: str, lang: str) -> str | None:
        """The extractor's own off-topic rule (crime, sport, war games)."""
        from pactwatch.events.frames import EventExtractor

        return EventExtractor.offtopic(SimpleNamespace(body=text, lang=lang))  # type: ignore[arg-type]

    def has_kb_name(self, text: str) -> bool:
        return self.matcher.has_name(unicodedata.normalize("NFC", text))

    def verdict(self, doc: Document) -> Verdict:
        """Whether the article can be relevant; cheapest test first."""
        full = f"{doc.title}\n{doc.text}" if doc.title else doc.text
        if not self.has_vocabulary(full):
            return Verdict(False, STAGE_VOCABULARY)
        if self.story_kind(doc.text, guess_lang(doc)):
            return Verdict(False, STAGE_KIND)
        if not self.has_kb_name(full):
            return Verdict(False, STAGE_KB)
        text = normalise(doc)
        if not could_frame(text):
            return Verdict(False, STAGE_FRAME)
        return Verdict(True, text=text)

    # -- in the pipeline ------------------------------------------------------------

    def offtopic_record(self, doc: Document) -> Article:
        """The record of an article the cascade stopped: no entities, events or figures
        (see the module docstring for why), the reader's metadata, the body as read."""
        return Article(doc=doc.doc, lang=guess_lang(doc),
                       body=unicodedata.normalize("NFC", doc.text), published=doc.published,
                       title=doc.title, url=doc.url)

    def sift(self, docs: list[Document],
             extract: Callable[[list[Document], list[Text | None]],
                               Iterable[Article | ExtractError]]
             ) -> Iterator[Article | ExtractError]:
        """Records for ``docs`` in input order: the stopped ones from the cascade, the
        rest from ``extract`` (one batch, so the models still batch them), which is given
        the passed articles and the normalised texts the cascade already made of them."""
        stopped: list[Article | None] = []
        rest: list[Document] = []
        texts: list[Text | None] = []
        for d in docs:
            try:
                v = self.verdict(d)
            except Exception:  # the cascade must never cost an article: extract it fully
                v = Verdict(True)
            stopped.append(None if v.passed else self.offtopic_record(d))
            if v.passed:
                rest.append(d)
                texts.append(v.text)
        full = iter(extract(rest, texts) if rest else ())
        for s in stopped:
            yield s if s is not None else next(full)


def could_frame(text: Text) -> bool:
    """Stage 4: could the frames stage (``events/frames.py``) make any event of ``text``?

    Every event starts from a frame, and a frame only from a sentence (or a clause of
    one) that holds an event trigger (``events/data/triggers.yaml``) and passes the
    ``_fill`` tests that read nothing but the sentence's own words.  This stage asks
    exactly those, on the same normalised text (same language, sentences and skipped
    credits as the extractor), and leaves everything that needs names (participants,
    countries) to the extractor:

    - the article is not a crime, sport or war-game story (``EventExtractor.offtopic``,
      now on the normalised body, so it is the extractor's test itself);
    - some sentence outside the credits has a trigger of a type whose word-only
      conditions hold: a journey needs a strong trigger (``_fill`` drops a weak one),
      a plant needs a ``facility_actions`` cue in its sentence, an investment needs a sum
      or an ``investment_commitments`` cue in its sentence; meetings, agreements,
      policies and invitations pass on the trigger alone.

    Each condition is a necessary one of ``_fill`` (a cue or a sum found in a clause is
    also found in the sentence holding it), so this stage cannot cost an event; it is
    loose where ``_fill`` is strict (``investment_goals``, background cues, participants).
    A text extracted in segments (``longtext.py``) passes unread."""
    from pactwatch.events.amounts import find_amounts
    from pactwatch.events.frames import EventExtractor, has_cue
    from pactwatch.events.triggers import find_triggers
    from pactwatch.longtext import is_long

    if is_long(text):
        return True
    if EventExtractor.offtopic(text):
        return False
    lang = text.lang
    for s in text.sentences:
        if text.in_skip(s.start, s.end):
            continue
        trig = find_triggers(s.text, lang)
        for typ in {t.type for t in trig}:
            if typ == "visit" and not any(
                    t.strength == "strong" for t in trig if t.type == typ):
                continue
            if typ == "facility" and not has_cue("facility_actions", lang, s.text):
                continue
            if typ == "investment" and not (
                    has_cue("investment_commitments", lang, s.text)
                    or find_amounts(s.text, lang)):
                continue
            return True
    return False


def guess_lang(doc: Document) -> str:
    """The language by script, as ``lang/detect.py`` decides first: Devanagari is Hindi,
    kana or kanji Japanese, anything else English (the only Latin-script language with
    triggers).  A source's own ``lang`` wins when it names one of the three."""
    if doc.lang in ("en", "hi", "ja"):
        return doc.lang
    head = doc.text[:2000]
    if head.isascii():
        return "en"
    deva = len(_DEVA_LETTERS.findall(head))
    kana = len(_JA_LETTERS.findall(head))
    if not deva and not kana:
        return "en"
    return "hi" if deva >= kana else "ja"
