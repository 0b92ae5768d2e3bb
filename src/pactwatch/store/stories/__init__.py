"""Stories: one canonical happening behind the event mentions of many articles.

The extractor gives one event per happening *within* an article.  Across articles the
same MoU is reported by PTI in English, by Bhasha in Hindi and by Kyodo in Japanese, with
different spellings, different noise participants and sometimes different amounts.  This
module decides, one new article at a time, which mentions of earlier articles its
mentions report (:func:`link_articles`, a decision about two articles that does not
depend on what else is stored), and so which story each joins, starting one or merging
two when it proves them one (:func:`place_article`).  The store runs it against the
candidate articles its indexes return; :class:`StoryIndex` runs the same decision in
memory for the evaluation script and the tests.

The decision is built for precision ("the Haryana–Japan MoU", not "everything Haryana
did"): hard rules first (same type, never two mentions of one article, dates that cannot
be the same day, reports far apart in time, a negated act against a done one), then a
score that adds up what the two sides share (specific participants, agreeing amounts,
dates and sectors, the multilingual embedding of the evidence) and subtracts what speaks
against one happening (different counterpart companies, days between the reports).  A
pair links on strong specific evidence (a counterpart both name, an agreeing figure or
day), or on close evidence texts when both are dated and share more than a state and
its own office holders; weaker pairs link only between articles already shown to
report one happening.  Visits of one traveller to one country within days are one trip,
and a visit announced with no date is the one its office holder makes within months.

Rooms: ``mention`` (the data, the embedder), ``entities`` (what a shared or differing
participant says), ``evidence`` (the pair score), ``links`` (two articles, placement,
trips), ``memory`` (:class:`StoryIndex`).
"""

from __future__ import annotations

from .entities import company_like, related, same_entity, weight
from .evidence import (
    CONTEXT_TYPES,
    GENERIC_TYPES,
    MAX_REPORT_GAP,
    THRESHOLD,
    Evidence,
    PairEvidence,
    cos_mid,
    dates_compatible,
    figures_agree,
    pair_evidence,
    undated,
)
from .links import (
    PLAN_DAYS,
    TRIP_DAYS,
    Link,
    Placement,
    current_story,
    destinations,
    link_articles,
    place_article,
    same_trip,
    trip_links,
    trip_of,
)
from .memory import StoryIndex
from .mention import (
    E5Embedder,
    Embedder,
    EventMention,
    StoryView,
    default_embedder,
    mention_from_record,
)

__all__ = [
    "CONTEXT_TYPES", "GENERIC_TYPES", "MAX_REPORT_GAP", "PLAN_DAYS", "THRESHOLD",
    "TRIP_DAYS",
    "E5Embedder", "Embedder", "EventMention", "Evidence", "Link", "PairEvidence",
    "Placement", "StoryIndex", "StoryView", "company_like", "cos_mid", "current_story",
    "dates_compatible", "default_embedder", "destinations", "figures_agree",
    "link_articles", "mention_from_record", "pair_evidence", "place_article", "related",
    "same_entity", "same_trip", "trip_links", "trip_of", "undated", "weight",
]
