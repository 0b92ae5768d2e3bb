"""The first store schema: articles, entities, events with evidence, stories, full text.

Revision ID: 0001
Revises:
Create Date: 2026-12-01

Written out by hand rather than from ``schema.metadata`` so that later changes to the
metadata cannot silently change what this first step creates; ``tests/
test_store_schema.py`` checks that the migrated database matches the metadata.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

_URL_NOT_NULL = sa.text("url IS NOT NULL")


def _fk(target: str) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(10)),
        sa.Column("dateline_place", sa.Text),
        sa.Column("relevant", sa.Boolean, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("content_hash", name="uq_articles_content_hash"),
    )
    op.create_index("ix_articles_url", "articles", ["url"], unique=True,
                    sqlite_where=_URL_NOT_NULL, postgresql_where=_URL_NOT_NULL)
    op.create_index("ix_articles_published", "articles", ["published"])

    op.create_table(
        "entities",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16)),
        sa.Column("kind", sa.String(40)),
        sa.Column("country", sa.String(8)),
    )
    op.create_index("ix_entities_country", "entities", ["country"])
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.Text, _fk("entities.id"), primary_key=True),
        sa.Column("alias", sa.Text, primary_key=True),
        sa.Column("lang", sa.String(16), primary_key=True),
        sa.Column("script", sa.String(24), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
    )
    op.create_index("ix_entity_aliases_key", "entity_aliases", ["key"])
    op.create_table(
        "entity_titles",
        sa.Column("entity_id", sa.Text, _fk("entities.id"), primary_key=True),
        sa.Column("title", sa.Text, primary_key=True),
    )
    op.create_table(
        "mentions",
        sa.Column("article_id", sa.Integer, _fk("articles.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_mentions_entity", "mentions", ["entity_id"])

    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("article_id", sa.Integer, _fk("articles.id"), nullable=False),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("place_id", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("date", sa.String(10)),
        sa.Column("date_lo", sa.String(10)),
        sa.Column("date_hi", sa.String(10)),
        sa.Column("amount_value", sa.Float),
        sa.Column("amount_currency", sa.String(8)),
        sa.Column("jobs", sa.BigInteger),
        sa.Column("count", sa.Integer),
        sa.Column("sectors", sa.Text, nullable=False),
        sa.Column("mention", sa.Text, nullable=False),
        sa.Column("vector", sa.LargeBinary),
        sa.UniqueConstraint("article_id", "idx", name="uq_events_article_idx"),
        sa.UniqueConstraint("key", name="uq_events_key"),
    )
    op.create_index("ix_events_type_date", "events", ["type", "date_lo"])
    op.create_index("ix_events_date", "events", ["date_lo"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_table(
        "event_entities",
        sa.Column("event_id", sa.Integer, _fk("events.id"), primary_key=True),
        sa.Column("role", sa.String(12), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
    )
    op.create_index("ix_event_entities_entity", "event_entities", ["entity_id", "event_id"])
    op.create_table(
        "event_sectors",
        sa.Column("event_id", sa.Integer, _fk("events.id"), primary_key=True),
        sa.Column("sector", sa.String(40), primary_key=True),
    )
    op.create_index("ix_event_sectors_sector", "event_sectors", ["sector", "event_id"])
    op.create_table(
        "evidence",
        sa.Column("event_id", sa.Integer, _fk("events.id"), primary_key=True),
        sa.Column("position", sa.Integer, primary_key=True),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )

    op.create_table(
        "stories",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date_lo", sa.String(10)),
        sa.Column("date_hi", sa.String(10)),
        sa.Column("n_members", sa.Integer, nullable=False),
        sa.Column("centroid", sa.LargeBinary),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_stories_type_date", "stories", ["type", "date_hi"])
    op.create_index("ix_stories_date", "stories", ["date_hi"])
    op.create_table(
        "story_members",
        sa.Column("event_id", sa.Integer, _fk("events.id"), primary_key=True),
        sa.Column("story_id", sa.Integer, _fk("stories.id"), nullable=False),
    )
    op.create_index("ix_story_members_story", "story_members", ["story_id"])
    op.create_table(
        "story_entities",
        sa.Column("entity_id", sa.Text, primary_key=True),
        sa.Column("story_id", sa.Integer, _fk("stories.id"), primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("date_lo", sa.String(10)),
        sa.Column("date_hi", sa.String(10)),
    )
    op.create_index("ix_story_entities_story", "story_entities", ["story_id"])
    op.create_index("ix_story_entities_lookup", "story_entities",
                    ["entity_id", "type", "date_hi"])

    _full_text()


def _full_text() -> None:
    """Full-text search over title and body in every script (and, on PostgreSQL, the
    indexes for newest-first order).

    SQLite: an FTS5 index with the ``trigram`` tokenizer (substring matching, so Hindi
    and Japanese, which word tokenizers split badly or not at all, are searchable), kept
    in step with ``articles`` by triggers.  PostgreSQL: ``pg_trgm`` GIN indexes that
    serve the same substring (``ILIKE``) queries.
    """
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5("
            "title, body, content='articles', content_rowid='id', tokenize='trigram')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, title, body) "
            "VALUES (new.id, coalesce(new.title, ''), new.body); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
            "VALUES ('delete', old.id, coalesce(old.title, ''), old.body); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_au AFTER UPDATE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, title, body) "
            "VALUES ('delete', old.id, coalesce(old.title, ''), old.body); "
            "INSERT INTO articles_fts(rowid, title, body) "
            "VALUES (new.id, coalesce(new.title, ''), new.body); END"
        )
    elif dialect == "postgresql":
        # newest-first listings sort "date DESC NULLS LAST" (SQLite's natural DESC order);
        # a plain PostgreSQL index, scanned backwards, yields NULLS FIRST and cannot serve
        op.execute("CREATE INDEX ix_stories_newest_pgsort ON stories "
                   "(date_hi DESC NULLS LAST, id DESC)")
        op.execute("CREATE INDEX ix_articles_newest_pgsort ON articles "
                   "(published DESC NULLS LAST, id DESC)")
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE INDEX ix_articles_body_trgm ON articles USING gin (body gin_trgm_ops)")
        op.execute(
            "CREATE INDEX ix_articles_title_trgm ON articles "
            "USING gin (coalesce(title, '') gin_trgm_ops)"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("story_entities", "story_members", "stories", "evidence", "event_sectors",
                  "event_entities", "events", "mentions", "entity_titles", "entity_aliases",
                  "entities", "articles"):
        op.drop_table(table)
