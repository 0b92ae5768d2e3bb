"""Stories: merge history and the happenings of a trip.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-04

``story_merges`` records each merge a late article proved (the younger story into the
older), so an old story id still leads somewhere; ``story_trips`` links the stories of
meetings, signings and pledges to the visit story of the trip they happened on.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "story_merges",
        sa.Column("story_id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("into_id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer),
        sa.Column("merged_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_story_merges_into", "story_merges", ["into_id"])
    op.create_table(
        "story_trips",
        sa.Column("story_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("trip_id", sa.Integer, sa.ForeignKey("stories.id", ondelete="CASCADE"),
                  primary_key=True),
    )
    op.create_index("ix_story_trips_trip", "story_trips", ["trip_id"])


def downgrade() -> None:
    op.drop_index("ix_story_trips_trip", table_name="story_trips")
    op.drop_table("story_trips")
    op.drop_index("ix_story_merges_into", table_name="story_merges")
    op.drop_table("story_merges")
