"""The store's tables, as SQLAlchemy Core metadata shared by SQLite and PostgreSQL.

The migrations in ``migrations/versions/`` create exactly these tables (a test compares
the migrated database with this metadata), and the ingest and query code builds its SQL
from them, so one code path serves both databases.

Choices that keep the two databases giving the same answers:

* dates are ISO strings (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) as the record states
  them, plus ``date_lo``/``date_hi`` (the first and last day that date can mean) so a
  range filter is a plain string comparison on both;
* lists and whole records are JSON text, not a database JSON type, because the two
  databases render JSON differently and nothing filters inside them (filters use the
  side tables: ``event_entities``, ``event_sectors``);
* embedding vectors are raw float32 bytes, so a story's centroid can be recomputed from
  its members without the embedding model.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc", Text, nullable=False),
    Column("url", Text),
    Column("source", Text),  # host of the url without "www.": the outlet
    Column("content_hash", String(64), nullable=False),
    Column("lang", String(16), nullable=False),
    Column("title", Text),
    Column("published", String(10)),
    Column("dateline_place", Text),
    Column("relevant", Boolean, nullable=False),
    Column("body", Text, nullable=False),
    Column("record", Text, nullable=False),  # the article record as JSON, without body
    Column("ingested_at", String(32), nullable=False),
    UniqueConstraint("content_hash", name="uq_articles_content_hash"),
)
Index("ix_articles_url", articles.c.url, unique=True,
      sqlite_where=text("url IS NOT NULL"), postgresql_where=text("url IS NOT NULL"))
Index("ix_articles_published", articles.c.published)

entities = Table(
    "entities", metadata,
    Column("id", Text, primary_key=True),  # KB id, or name:<slug>
    Column("name", Text, nullable=False),
    Column("type", String(16)),
    Column("kind", String(40)),
    Column("country", String(8)),
)
Index("ix_entities_country", entities.c.country)

entity_aliases = Table(
    "entity_aliases", metadata,
    Column("entity_id", Text, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("lang", String(16), primary_key=True),
    Column("script", String(24), nullable=False),
    Column("key", Text, nullable=False),  # folded form, for lookup in any script
)
Index("ix_entity_aliases_key", entity_aliases.c.key)

entity_titles = Table(
    "entity_titles", metadata,
    Column("entity_id", Text, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True),
    Column("title", Text, primary_key=True),
)

mentions = Table(
    "mentions", metadata,
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("entity_id", Text, nullable=False),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
)
Index("ix_mentions_entity", mentions.c.entity_id)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"),
           nullable=False),
    Column("idx", Integer, nullable=False),  # position of the event in its record
    Column("key", Text, nullable=False),  # "<article_id>#<idx>", the mention key
    Column("type", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("place_id", Text),
    Column("place", Text),
    Column("date", String(10)),  # as the record states it
    Column("date_lo", String(10)),  # event date, else the article's published date
    Column("date_hi", String(10)),
    Column("amount_value", Float),
    Column("amount_currency", String(8)),
    Column("jobs", BigInteger),
    Column("count", Integer),
    Column("sectors", Text, nullable=False),  # JSON list
    Column("mention", Text, nullable=False),  # the story EventMention as JSON
    Column("vector", LargeBinary),  # float32 embedding of the evidence, or NULL
    UniqueConstraint("article_id", "idx", name="uq_events_article_idx"),
    UniqueConstraint("key", name="uq_events_key"),
)
Index("ix_events_type_date", events.c.type, events.c.date_lo)
Index("ix_events_date", events.c.date_lo)
Index("ix_events_status", events.c.status)

event_entities = Table(
    "event_entities", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(12), primary_key=True),  # participant | place
    Column("position", Integer, primary_key=True),
    Column("entity_id", Text, nullable=False),
    Column("name", Text, nullable=False),
)
Index("ix_event_entities_entity", event_entities.c.entity_id, event_entities.c.event_id)

event_sectors = Table(
    "event_sectors", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("sector", String(40), primary_key=True),
)
Index("ix_event_sectors_sector", event_sectors.c.sector, event_sectors.c.event_id)

evidence = Table(
    "evidence", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("start_offset", Integer, nullable=False),
    Column("end_offset", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

stories = Table(
    "stories", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("type", String(16), nullable=False),
    Column("date_lo", String(10)),  # span of the members' dates
    Column("date_hi", String(10)),
    Column("n_members", Integer, nullable=False),
    Column("centroid", LargeBinary),  # mean of member vectors, L2-normalised
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)
# Newest first (end day, then id), with the start day so that "overlaps this period"
# is checked in the index: a filtered listing walks these without reading stories.
Index("ix_stories_type_span", stories.c.type, stories.c.date_hi, stories.c.id,
      stories.c.date_lo)
Index("ix_stories_span", stories.c.date_hi, stories.c.id, stories.c.date_lo)

story_members = Table(
    "story_members", metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), nullable=False),
)
Index("ix_story_members_story", story_members.c.story_id)

# The candidate index of story matching: stories by entity, type and end date, so that
# finding "stories of this type sharing an entity, near this date" is a range scan
# however many stories the entity already has (Japan is in nearly all of them).  The
# story's type and span are copied here and kept in step when a member joins or leaves.
story_entities = Table(
    "story_entities", metadata,
    Column("entity_id", Text, primary_key=True),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"),
           primary_key=True),
    Column("type", String(16), nullable=False),
    Column("date_lo", String(10)),
    Column("date_hi", String(10)),
)
Index("ix_story_entities_story", story_entities.c.story_id)
# (It holds every column those questions read: answered from the index alone.)
Index("ix_story_entities_type_span", story_entities.c.entity_id, story_entities.c.type,
      story_entities.c.date_hi, story_entities.c.date_lo, story_entities.c.story_id)
# The web app's "stories of this entity in this period", of any type
# (``query.story_select``), likewise from the index alone; in the listing order (last
# day, then story id), so a page of one entity's stories is a walk that stops early.
Index("ix_story_entities_span", story_entities.c.entity_id, story_entities.c.date_hi,
      story_entities.c.story_id, story_entities.c.date_lo, story_entities.c.type)

# Merges a late article proved: two stories that turned out to be one happening.  The
# younger story's members moved into the older one (``into_id``); the row keeps the old
# id findable (a link to it still leads to its story) and says which article proved it.
story_merges = Table(
    "story_merges", metadata,
    Column("story_id", Integer, primary_key=True, autoincrement=False),  # gone now
    Column("into_id", Integer, nullable=False),  # where its members went
    Column("article_id", Integer),  # the article whose report linked the two
    Column("merged_at", String(32), nullable=False),
)
Index("ix_story_merges_into", story_merges.c.into_id)

# Trips and their happenings: a meeting, signing or pledge reported as part of a
# delegation's visit links to the visit's story, so a trip can be shown with what
# happened during it.
story_trips = Table(
    "story_trips", metadata,
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"),
           primary_key=True),
    Column("trip_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"),
           primary_key=True),
)
Index("ix_story_trips_trip", story_trips.c.trip_id)

# ----------------------------------------------------------------------------------
# watch: the sources it follows, the items it has seen, watchlists and their alerts.
# Kept in the store (not a side file) so a restarted ``watch`` resumes where it stopped,
# ``pactwatch sources`` and the web app can show health, and an alert's "once per
# story per watchlist" is a database constraint rather than a hope.
# ----------------------------------------------------------------------------------

watch_sources = Table(
    "watch_sources", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("url", Text, nullable=False),
    Column("kind", String(16)),  # feed | sitemap | page; NULL until guessed
    Column("lang", String(16)),
    Column("outlet", Text),
    Column("interval_s", Integer),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_poll_at", String(32)),
    Column("last_ok_at", String(32)),
    Column("next_poll_at", String(32)),
    Column("last_error", Text),
    Column("last_error_at", String(32)),
    Column("failures", Integer, nullable=False),  # consecutive failed polls
    Column("polls", Integer, nullable=False),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("url", name="uq_watch_sources_url"),
)

watch_items = Table(
    "watch_items", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_id", Integer, ForeignKey("watch_sources.id", ondelete="CASCADE"),
           nullable=False),
    Column("key", Text, nullable=False),  # the item's URL, else "guid:<guid>"
    Column("url", Text),
    Column("status", String(16), nullable=False),  # stored | unchanged | failed | skipped
    Column("article_id", Integer),  # no FK: a newer version of the article replaces it
    Column("error", Text),
    Column("attempts", Integer, nullable=False),
    Column("first_seen_at", String(32), nullable=False),
    Column("done_at", String(32)),
    UniqueConstraint("key", name="uq_watch_items_key"),
)
Index("ix_watch_items_source", watch_items.c.source_id, watch_items.c.status)

watch_watchlists = Table(
    "watch_watchlists", metadata,
    Column("name", Text, primary_key=True),
    Column("query", Text, nullable=False),  # JSON: events filters and full-text terms
    Column("created_at", String(32), nullable=False),
    Column("updated_at", String(32), nullable=False),
)

watch_alert_state = Table(
    "watch_alert_state", metadata,
    Column("watchlist", Text, primary_key=True),
    Column("story_id", Integer, primary_key=True),
    Column("sources", Text, nullable=False),  # JSON list: sources already alerted
    Column("figures", Text, nullable=False),  # JSON list: figures already alerted
    Column("updated_at", String(32), nullable=False),
)

watch_alerts = Table(
    "watch_alerts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("watchlist", Text, nullable=False),
    Column("story_id", Integer, nullable=False),
    Column("article_id", Integer),
    Column("reason", String(24), nullable=False),  # new_story | new_source | new_figure | ...
    Column("payload", Text, nullable=False),  # the alert as JSON, as delivered
    Column("created_at", String(32), nullable=False),
    Column("webhook_status", String(12), nullable=False),  # none | pending | sent | failed
    Column("webhook_attempts", Integer, nullable=False),
    Column("webhook_error", Text),
)
Index("ix_watch_alerts_story", watch_alerts.c.watchlist, watch_alerts.c.story_id)
Index("ix_watch_alerts_webhook", watch_alerts.c.webhook_status)
