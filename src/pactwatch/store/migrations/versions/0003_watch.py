"""watch: followed sources, seen items, watchlists, alert state and alert history.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04

Written out by hand, like 0001, so later metadata changes cannot change this step;
``tests/test_store_schema.py`` checks the migrated database against ``schema.metadata``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("kind", sa.String(16)),
        sa.Column("lang", sa.String(16)),
        sa.Column("outlet", sa.Text),
        sa.Column("interval_s", sa.Integer),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("last_poll_at", sa.String(32)),
        sa.Column("last_ok_at", sa.String(32)),
        sa.Column("next_poll_at", sa.String(32)),
        sa.Column("last_error", sa.Text),
        sa.Column("last_error_at", sa.String(32)),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("polls", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.UniqueConstraint("url", name="uq_watch_sources_url"),
    )
    op.create_table(
        "watch_items",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("source_id", sa.Integer,
                  sa.ForeignKey("watch_sources.id", ondelete="CASCADE"), nullable=False),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("article_id", sa.Integer),
        sa.Column("error", sa.Text),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("first_seen_at", sa.String(32), nullable=False),
        sa.Column("done_at", sa.String(32)),
        sa.UniqueConstraint("key", name="uq_watch_items_key"),
    )
    op.create_index("ix_watch_items_source", "watch_items", ["source_id", "status"])
    op.create_table(
        "watch_watchlists",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("query", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "watch_alert_state",
        sa.Column("watchlist", sa.Text, primary_key=True),
        sa.Column("story_id", sa.Integer, primary_key=True),
        sa.Column("sources", sa.Text, nullable=False),
        sa.Column("figures", sa.Text, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "watch_alerts",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("watchlist", sa.Text, nullable=False),
        sa.Column("story_id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer),
        sa.Column("reason", sa.String(24), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
        sa.Column("webhook_status", sa.String(12), nullable=False),
        sa.Column("webhook_attempts", sa.Integer, nullable=False),
        sa.Column("webhook_error", sa.Text),
    )
    op.create_index("ix_watch_alerts_story", "watch_alerts", ["watchlist", "story_id"])
    op.create_index("ix_watch_alerts_webhook", "watch_alerts", ["webhook_status"])


def downgrade() -> None:
    for index, table in (("ix_watch_alerts_webhook", "watch_alerts"),
                         ("ix_watch_alerts_story", "watch_alerts"),
                         ("ix_watch_items_source", "watch_items")):
        op.drop_index(index, table_name=table)
    for table in ("watch_alerts", "watch_alert_state", "watch_watchlists", "watch_items",
                  "watch_sources"):
        op.drop_table(table)
