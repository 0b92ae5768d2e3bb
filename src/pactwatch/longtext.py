"""Long texts: the per-article character limit and sentence-chunked model calls.

News articles are 2–20 kB.  A pasted dump of megabytes is not an article, and two things
go wrong with one: the statistical models have hard input limits (spaCy refuses texts
over ``nlp.max_length`` characters, SudachiPy, under GiNZA, anything over 49,149 bytes),
and one call over the whole text holds the model's working memory for all of it at once.

So a long text is extracted in article-sized segments, cut at sentence ends: each goes
through the whole extractor as an article of its own (model call, recognition, linking,
events), and the records are joined into one, with offsets into the whole body.  Time and
memory grow linearly with the length.  A text of article size is one segment, extracted
exactly as before, so normal articles give the same records.  What a segment cannot
see is the rest of the text: an event whose sentences straddle a cut is found from the
sentences on one side.

The readers cut an article at ``DEFAULT_MAX_CHARS`` (at the last sentence end before the
limit) and attach a warning saying so: the record is still written, from the first
million characters, and ``--max-chars`` raises the limit.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Protocol

import regex

from .record import Article, Dateline, Entity, Event, Figure, Sentence

if TYPE_CHECKING:
    from .normalise import Text

DEFAULT_MAX_CHARS = 1_000_000
# Characters per segment.  Several stages compare each mention with the others of its
# text, which is cheap for an article and quadratic for a dump, so a long text is
# extracted in article-sized segments: 50,000 characters is several long articles, and
# news is 2-20 kB, so articles are one segment as before.  Japanese: SudachiPy (under
# GiNZA) takes at most 49,149 bytes a call, and a character is at most four bytes.
SEGMENT_CHARS = {"other": 50_000, "ja": 12_000}
SUDACHI_MAX_BYTES = 49_149

# The last sentence end (Latin, Devanagari danda, Japanese full stop) or line break.
_SENTENCE_END = regex.compile(r"(?r)(?:[.!?।॥。！？][\"'”’)）」』]*\s|\n)")
_SPACE = regex.compile(r"(?r)\s")

ProgressHook = Callable[[str, int, int], None]
# Who hears about progress through one long item: (item, characters done, total).
# Set for a block with ``report_progress``; the CLI shows it as a bar on a terminal.
_PROGRESS: ContextVar[ProgressHook | None] = ContextVar("pactwatch_progress", default=None)


@contextlib.contextmanager
def report_progress(hook: ProgressHook | None) -> Iterator[None]:
    """Call ``hook(item, done, total)`` after each model chunk of a long item."""
    token = _PROGRESS.set(hook)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def cut_point(text: str, limit: int) -> int:
    """Where to cut ``text`` to at most ``limit`` characters: after the last sentence end
    (or line break) in the second half of the window, else after the last whitespace,
    else at the limit itself."""
    if len(text) <= limit:
        return len(text)
    floor = limit // 2
    m = _SENTENCE_END.search(text, floor, limit)
    if m:
        return m.end()
    m = _SPACE.search(text, floor, limit)
    return m.end() if m else limit


def limit_chars(doc: Any, max_chars: int | None) -> Any:
    """The document cut to ``max_chars`` characters, with a warning saying where; the
    same document when it is within the limit (or the limit is None)."""
    text = doc.text
    if max_chars is None or len(text) <= max_chars:
        return doc
    end = cut_point(text, max_chars)
    warning = (f"text is {len(text):,} characters, over the limit of {max_chars:,}: only "
               f"the first {end:,} (to the last sentence end) are read; use --max-chars "
               "to raise the limit")
    return dataclasses.replace(doc, text=text[:end], warning=warning)


def chunk_spans(body: str, limit: int) -> list[tuple[int, int]]:
    """Consecutive spans covering ``body``, each at most ``limit`` characters, cut at
    sentence ends where there are any (see ``cut_point``)."""
    spans: list[tuple[int, int]] = []
    start = 0
    while start < len(body):
        end = start + cut_point(body[start:start + limit + 1], limit)
        if end <= start:
            end = min(len(body), start + limit)
        spans.append((start, end))
        start = end
    return spans


def is_long(text: Text) -> bool:
    """True when ``text`` is extracted in segments rather than in one pass."""
    if text.lang == "ja":  # what SudachiPy takes in one call is one pass, as before
        return len(text.body) > SUDACHI_MAX_BYTES // 4 and (
            len(text.body.encode("utf-8")) > SUDACHI_MAX_BYTES)
    return len(text.body) > SEGMENT_CHARS["other"]


def segments(text: Text) -> list[tuple[int, Text]]:
    """The text as consecutive segments, each a ``Text`` of its own with offsets from the
    segment's start, paired with that start.  Sentences crossing a cut are clipped; the
    dateline and the credits go with the segment they stand in."""
    from .normalise import Text  # here: the readers import this module, normalise them

    limit = SEGMENT_CHARS.get(text.lang, SEGMENT_CHARS["other"])
    spans = chunk_spans(text.body, limit)
    out: list[tuple[int, Text]] = []
    sentences = sorted(text.sentences, key=lambda x: x.start)
    k = 0
    for start, end in spans:
        body = text.body[start:end]
        sents: list[Sentence] = []
        while k < len(sentences) and sentences[k].start < end:
            snt = sentences[k]
            a, b = max(snt.start, start), min(snt.end, end)
            if a < b:
                sents.append(Sentence(a - start, b - start, text.body[a:b], len(sents),
                                      snt.paragraph))
            if snt.end > end:
                break  # the rest of this sentence opens the next segment
            k += 1
        dateline = text.dateline
        if dateline is not None and not (
                dateline.span is not None and start <= dateline.span.start < end):
            dateline = None if start else dateline  # a dateline without a span: the first
        elif dateline is not None and dateline.span is not None:
            dateline = dataclasses.replace(dateline, span=_shift(dateline.span, -start),
                                           place_span=_shift(dateline.place_span, -start))
        out.append((start, Text(
            doc=text.doc, body=body, lang=text.lang, sentences=sents, title=text.title,
            url=text.url, published=text.published, dateline=dateline,
            skip=[_shift(x, -start) for x in text.skip if start <= x.start < end])))
    return out


def _shift(span: Any, by: int) -> Any:
    if span is None:
        return None
    return dataclasses.replace(span, start=span.start + by, end=span.end + by)


class SegmentExtractor(Protocol):
    """What a long text needs of the extractor: parse segments, finish one.

    A protocol rather than the ``Extractor`` class, so the pipeline can call this module
    without this module importing the pipeline back."""

    def _parse(self, texts: list[Text]) -> list[Any]: ...

    def finish(self, text: Text, doc: Any) -> Article: ...


def extract_long(extractor: SegmentExtractor, text: Text) -> Article:
    """Extract a long text segment by segment and join the records into one.

    Every segment goes through the whole extractor as an article of its own (model
    call, recognition, linking, events), so the cost of each stage is that of one
    article-sized text and the total grows linearly with the length.  Offsets are
    shifted back to the whole body; an entity named in several segments is one entity
    with all its mentions; events and figures are listed in text order.
    """
    hook = _PROGRESS.get()
    entities: dict[str, Entity] = {}
    events: list[Event] = []
    figures: list[Figure] = []
    dateline: Dateline | None = None
    for start, seg in segments(text):
        doc = extractor._parse([seg])[0]
        art = extractor.finish(seg, doc)
        if dateline is None and art.dateline is not None:
            dateline = dataclasses.replace(art.dateline, span=_shift(art.dateline.span, start))
        for ent in art.entities:
            mentions = [_shift(m, start) for m in ent.mentions]
            known = entities.get(ent.id)
            if known is None:
                entities[ent.id] = dataclasses.replace(ent, mentions=mentions,
                                                       titles=list(ent.titles))
                continue
            known.mentions.extend(mentions)
            known.titles.extend(t for t in ent.titles if t not in known.titles)
            known.country = known.country or ent.country
        for ev in art.events:
            events.append(dataclasses.replace(ev, evidence=[_shift(e, start)
                                                            for e in ev.evidence]))
        figures.extend(art.figures)
        if hook is not None:
            hook(text.doc, start + len(seg.body), len(text.body))
    return Article(
        doc=text.doc, lang=text.lang, body=text.body, published=text.published,
        dateline=dateline, title=text.title, url=text.url, entities=list(entities.values()),
        events=events, figures=figures, sentences=text.sentences)
