"""The extractor: read → normalise → recognise → link → events → article record.

Models and the knowledge base load once per ``Extractor`` and serve every article; English
texts go through spaCy in batches (``nlp.pipe``), which is several times faster than one
call per article.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .dateline import choose_dateline
from .events.frames import EventExtractor
from .kb.loader import KB, load_kb
from .link import Linker
from .longtext import extract_long, is_long
from .normalise import Text, normalise
from .read.base import Document
from .recognise import Recogniser, english_nlp, japanese_nlp
from .record import Article, Dateline, ExtractError


class Extractor:
    """Load once, extract many."""

    def __init__(self, kb: KB | None = None, kb_files: Iterable[str] = (),
                 prefilter: bool = False) -> None:
        self.kb = kb if kb is not None else load_kb(kb_files)
        self.recogniser = Recogniser(self.kb)
        # the relevance cascade (scale/prefilter.py): off-topic articles skip the models
        self.prefilter: Any = None
        if prefilter:
            from .scale.prefilter import Prefilter

            self.prefilter = Prefilter(self.kb, matcher=self.recogniser.matcher)
        self.linker = Linker(self.kb)
        self.events = EventExtractor(self.kb)
        self._warmed = 0  # what warm() has loaded: 1 English, 2 English and Japanese

    def _parse(self, texts: list[Text]) -> list[Any]:
        docs: list[Any] = [None] * len(texts)
        # a long text is extracted segment by segment in finish() (longtext.py)
        en = [i for i, t in enumerate(texts) if t.lang == "en" and not is_long(t)]
        if en:
            nlp = english_nlp()
            for i, d in zip(en, nlp.pipe((texts[i].body for i in en), batch_size=32), strict=True):
                docs[i] = d
        ja = [i for i, t in enumerate(texts) if t.lang == "ja" and not is_long(t)]
        if ja:
            nlp = japanese_nlp()
            for i in ja:
                docs[i] = nlp(texts[i].body[:200_000])
        return docs

    def finish(self, text: Text, doc: Any) -> Article:
        if is_long(text):
            return extract_long(self, text)
        mentions = self.recogniser.recognise(text, doc)
        # bylines and credits (normalise.find_credits) name writers and outlets, not actors
        mentions = [m for m in mentions if not text.touches_skip(m.start, m.end)]
        linked = self.linker.link(text, mentions)
        # settle the dateline before the events, which take "here" and venues from it
        place = choose_dateline(text, linked, self.kb, self.recogniser.matcher)
        events, figures, used = self.events.extract(text, linked)
        dateline = None
        if text.dateline:
            dateline = Dateline(place, list(text.dateline.agencies), text.dateline.span)
            if dateline.place is None and not dateline.agencies:
                dateline = None
        return Article(
            doc=text.doc, lang=text.lang, body=text.body, published=text.published,
            dateline=dateline, title=text.title, url=text.url,
            entities=linked.final(used), events=events, figures=figures,
            sentences=text.sentences)

    def extract_documents(self, docs: Iterable[Document], batch: int = 64, jobs: int = 1
                          ) -> Iterator[Article | ExtractError]:
        """Extract in batches; one failing article yields an error, not an exception.

        ``jobs > 1`` spreads the batches over that many worker processes, forked after the
        knowledge base and the English model are loaded, so the workers share those pages
        instead of loading their own copies; results come back in input order.
        """
        if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            yield from self._parallel(docs, jobs)
            return
        for buf in _chunks(docs, batch):
            yield from self._batch(buf)

    def warm(self, japanese: bool = True) -> None:
        """Load both language models and everything each language builds on first use
        (the KB's name indexes by sound and spelling, grammar data, compiled patterns, the
        language detector's model) by extracting three short articles of our own.

        Forked workers (``extract -j N``, a Dask fork server) call this in the parent
        first: each would otherwise build the same indexes again on its first article of
        each language, about a second of CPU per worker, and load its own copy of the
        Japanese model instead of sharing the parent's pages.  The warm-up articles skip
        the cascade, which could send them out before they reach the models; a warm-up
        never fails the run.  ``japanese=False`` leaves GiNZA (and the Japanese indexes)
        to be loaded where the first Japanese article appears: ~2 s and ~300 MB that an
        English-only run would pay for nothing."""
        if self._warmed >= (1 + japanese):
            return  # done already: a second warm-up costs ~0.5 s of CPU for nothing
        english_nlp()
        if japanese:
            japanese_nlp()
        self._warmed = 1 + japanese
        with contextlib.suppress(Exception):
            list(self._batch([Document(doc=f"warm-{lang}", text=text)
                              for lang, text in _WARM_TEXTS if japanese or lang != "ja"],
                             sift=False))

    def _parallel(self, docs: Iterable[Document], jobs: int) -> Iterator[Article | ExtractError]:
        global _WORKER
        # before forking: the children inherit the models and the indexes (GiNZA only if
        # this process has loaded it already: the input's languages are not known yet)
        self.warm(japanese=japanese_nlp.cache_info().currsize > 0)
        _WORKER = self
        ctx = multiprocessing.get_context("fork")
        with ctx.Pool(jobs) as pool:
            pending: deque[Any] = deque()
            # Small batches keep both cores busy.  Results leave in input order, so while
            # the oldest batch is still running (one with a long Japanese article takes
            # ~50 times an off-topic one) the other workers need queued batches to go on
            # with: with 2 per worker in flight they ran dry (a simulation of the 95/5
            # mix: 140 vs 165 articles/s for 4 per worker); 4 per worker still bounds
            # memory.
            for buf in _chunks(docs, 16):
                pending.append(pool.apply_async(_work, (buf,)))
                if len(pending) >= 4 * jobs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()

    def _batch(self, docs: list[Document], sift: bool = True,
               pre: list[Text | None] | None = None) -> Iterator[Article | ExtractError]:
        """Extract one batch; ``pre`` holds texts already normalised (by the cascade)."""
        if sift and self.prefilter is not None:
            yield from self.prefilter.sift(
                docs, lambda rest, texts: self._batch(rest, sift=False, pre=texts))
            return
        texts: list[Text | None] = []
        errors: dict[int, ExtractError] = {}
        for i, d in enumerate(docs):
            done = pre[i] if pre is not None else None
            if done is not None:
                texts.append(done)
                continue
            try:
                texts.append(normalise(d))
            except Exception as e:  # a bad article must not sink the batch
                texts.append(None)
                errors[i] = ExtractError(d.doc, f"E401: could not normalise the text ({e})")
        good = [t for t in texts if t is not None]
        try:
            parsed = self._parse(good)
        except Exception:
            parsed = []
            for t in good:  # isolate the article that breaks the model
                try:
                    parsed.append(self._parse([t])[0])
                except Exception:
                    parsed.append(None)
        it = iter(parsed)
        for i, t in enumerate(texts):
            if t is None:
                yield errors[i]
                continue
            doc = next(it)
            try:
                yield self.finish(t, doc)
            except Exception as e:
                yield ExtractError(docs[i].doc, f"E402: extraction failed ({type(e).__name__}: {e})")

    def extract(self, text: str, *, published: str | None = None, lang: str | None = None,
                url: str | None = None, doc: str = "text") -> Article:
        d = Document(doc=doc, text=text, published=published, lang=lang, url=url)
        res = next(self._batch([d]))
        if isinstance(res, ExtractError):
            raise ValueError(str(res))
        return res


# Three short articles of our own, one a language, that reach the models and the rules
# each language builds on first use: a company, a state, a sum, and people whose names the
# KB does not hold (the Hindi and katakana name indexes are built on the first unknown
# name)
_WARM_TEXTS = (
    ("en", "Tokyo, March 3: Nippon Demo Motors will invest Rs 1,200 crore in a new plant "
           "in Gujarat, Prime Minister Narendra Modi said after meeting the company's chief."),
    ("hi", "नई दिल्ली: जापान की कंपनी निप्पॉन डेमो मोटर्स गुजरात में नया संयंत्र लगाएगी और "
           "इसमें 1,200 करोड़ रुपये का निवेश करेगी। कंपनी के अध्यक्ष ताकेशी मोरिता ने उद्योग "
           "मंत्री अनिल वर्मा से मुलाकात की।"),
    ("ja", "日本デモ自動車は3日、インドのグジャラート州に新工場を建設すると発表した。投資額は約200億円。"
           "森田健社長はラジェシュ・ヴァルマ州工業相と会談した。"),
)

_WORKER: Extractor | None = None  # the extractor a forked worker inherited


def _work(docs: list[Document]) -> list[Article | ExtractError]:
    """Run in a worker process: extract one batch with the inherited extractor."""
    assert _WORKER is not None, "E403: worker started without an extractor"
    return list(_WORKER._batch(docs))


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    buf: list[Document] = []
    for d in docs:
        buf.append(d)
        if len(buf) >= size:
            yield buf
            buf = []
    if buf:
        yield buf
