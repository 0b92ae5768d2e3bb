"""``ix_story_entities_span`` in the listing order: entity, last day, story id.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05

0004 made it (entity, last day, first day, type, story), enough to find an entity's
stories in a period.  With the story id right after the last day, the index also gives
an entity's stories in the order a listing shows them (latest day first, then id), so
``GET /api/v1/events?entity=…&sector=…`` walks that one entity's stories newest first
and stops at the page's end instead of checking every story
(``query._story_query``).  The same columns, so every query 0004 served it serves.

Written out by hand, like 0001, so later metadata changes cannot change this step.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_story_entities_span", table_name="story_entities")
    op.create_index("ix_story_entities_span", "story_entities",
                    ["entity_id", "date_hi", "story_id", "date_lo", "type"])


def downgrade() -> None:
    op.drop_index("ix_story_entities_span", table_name="story_entities")
    op.create_index("ix_story_entities_span", "story_entities",
                    ["entity_id", "date_hi", "date_lo", "type", "story_id"])
