"""Feeds: the RSS/Atom feeds `forcewatch poll` follows, and the pages it fetched.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24

`feeds` holds each followed feed with its conditional-GET state (ETag,
Last-Modified) and its health (last success, last error, items seen, new
documents). `feed_items` records every page URL a poll has dealt with, so a
page is never fetched twice, whatever became of it (stored, duplicate,
skipped). Two indexes on `documents.url` and `document_sources.url` let a poll
skip pages already stored from files or web archives.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

ITEM_STATUSES = ("stored", "duplicate", "skipped")


def _in(column: str, values: tuple[str, ...]) -> str:
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def upgrade() -> None:
    """Create `feeds`, `feed_items` and the two URL indexes."""
    op.create_table(
        "feeds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_polled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_success_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("items_seen", sa.Integer(), nullable=False),
        sa.Column("new_documents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feeds")),
        sa.UniqueConstraint("name", name=op.f("uq_feeds_name")),
        sa.UniqueConstraint("url", name=op.f("uq_feeds_url")),
    )
    op.create_table(
        "feed_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feed_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_in("status", ITEM_STATUSES), name=op.f("ck_feed_items_status")),
        sa.ForeignKeyConstraint(
            ["feed_id"],
            ["feeds.id"],
            name=op.f("fk_feed_items_feed_id_feeds"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_feed_items_document_id_documents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_feed_items")),
        sa.UniqueConstraint("url", name=op.f("uq_feed_items_url")),
    )
    op.create_index(op.f("ix_feed_items_feed_id"), "feed_items", ["feed_id"])
    op.create_index(op.f("ix_documents_url"), "documents", ["url"])
    op.create_index(op.f("ix_document_sources_url"), "document_sources", ["url"])


def downgrade() -> None:
    """Drop the URL indexes and the two feed tables."""
    op.drop_index(op.f("ix_document_sources_url"), table_name="document_sources")
    op.drop_index(op.f("ix_documents_url"), table_name="documents")
    op.drop_index(op.f("ix_feed_items_feed_id"), table_name="feed_items")
    op.drop_table("feed_items")
    op.drop_table("feeds")
