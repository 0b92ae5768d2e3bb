"""Stories in memory, built by the store's decision: for the evaluation script, the
benchmark and the tests."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .links import place_article
from .mention import Embedder, EventMention, StoryView, mention_from_record


def _normalise(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n > 0 else v.astype(np.float32)


class StoryIndex:
    """Stories in memory, built by the same decision as the store (:func:`place_article`).

    Every stored mention is a candidate (no blocking index), which is fine for thousands
    of mentions, not millions.  ``merged`` records which story was merged into which.
    """

    def __init__(self, embedder: Embedder | None = None) -> None:
        self.embedder = embedder
        self.stories: dict[int, StoryView] = {}
        self._vecs: dict[str, np.ndarray | None] = {}
        self._story: dict[str, int] = {}
        self.merged: list[tuple[int, int]] = []
        self._next = 1

    def story_of(self, key: str) -> int:
        """The story a mention (``"<article>#<index>"``) is in now."""
        return self._story[key]

    def _refresh(self, sid: int) -> None:
        s = self.stories[sid]
        vs = [self._vecs[m.key] for m in s.members if self._vecs.get(m.key) is not None]
        s.centroid = _normalise(np.mean(vs, axis=0)) if vs else None

    def add_mentions(self, mentions: Sequence[EventMention],
                     vecs: Sequence[np.ndarray | None]) -> list[int]:
        """Place one article's mentions; the story id of each, in order."""
        cands = [(m, self._vecs.get(m.key), self._story[m.key])
                 for s in self.stories.values() for m in s.members]
        pl = place_article(mentions, vecs, cands)
        for young, old in pl.merges:
            for m in self.stories[young].members:
                self._story[m.key] = old
            self.stories[old].members.extend(self.stories.pop(young).members)
            self.merged.append((young, old))
        out: list[int] = []
        for m, v, sid in zip(mentions, vecs, pl.stories, strict=True):
            if sid is None:
                sid = self._next
                self._next += 1
                self.stories[sid] = StoryView(sid, m.type, [], None)
            self.stories[sid].members.append(m)
            self._vecs[m.key] = v
            self._story[m.key] = sid
            out.append(sid)
        for sid in set(out) | {o for _y, o in pl.merges}:
            self._refresh(sid)
        return out

    def add(self, m: EventMention, vec: np.ndarray | None = None) -> int:
        """Put ``m`` (an article of one mention) in its story and return the story id."""
        if vec is None and self.embedder is not None and m.text:
            vec = self.embedder.embed([m.text])[0]
        return self.add_mentions([m], [vec])[0]

    def add_record(self, article: dict, article_id: str) -> list[int]:
        """Add every event of an article record; the story id of each, in event order.

        The mentions of one article are embedded in one batch.
        """
        events = article.get("events") if isinstance(article, dict) else None
        n = len(events) if isinstance(events, list) else 0
        mentions: list[EventMention] = []
        for i in range(n):
            try:
                mentions.append(mention_from_record(article, i, article_id))
            except (IndexError, TypeError, AttributeError, ValueError):
                mentions.append(EventMention(f"{article_id}#{i}", article_id, None, "und", "",
                                             frozenset(), None, None, None, "announced",
                                             None, None, ""))
        vecs: list[np.ndarray | None] = [None] * n
        if self.embedder is not None:
            idx = [i for i, m in enumerate(mentions) if m.text]
            if idx:
                rows = self.embedder.embed([mentions[i].text for i in idx])
                for j, i in enumerate(idx):
                    vecs[i] = rows[j]
        return self.add_mentions(mentions, vecs)
