"""Linking: incident events and conflicts, document sources and LSH bands, keys, constraints.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

`document_sources` keeps every place a stored text was read from (the document
itself and its near-duplicates); existing documents get their own row here.
`document_bands` (MinHash LSH bands) and `mention_keys` (blocking keys) are
filled as documents are stored; `link_constraints` holds curator must/cannot
links; `incident_aliases` points retired incident ids at their successor.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    """Add the incident columns and the five linking tables; fill `document_sources`."""
    # plain ALTER TABLE ADD COLUMN (no batch copy: that would drop `incidents`, and
    # SQLite would apply ON DELETE SET NULL to every mention)
    op.add_column("incidents", sa.Column("event_id", sa.Integer(), nullable=True))
    op.add_column("incidents", sa.Column("conflicts", sa.Text(), nullable=True))
    op.create_index(op.f("ix_incidents_event_id"), "incidents", ["event_id"])

    op.create_table(
        "document_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("similarity", sa.Float(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(
            "similarity >= 0 AND similarity <= 1", name=op.f("ck_document_sources_similarity")
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_sources_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_sources")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_document_sources_content_hash")),
    )
    op.create_index(op.f("ix_document_sources_document_id"), "document_sources", ["document_id"])
    op.execute(
        "INSERT INTO document_sources (document_id, content_hash, external_id, url, source, "
        "title, published, origin, similarity, added_at) "
        "SELECT id, content_hash, external_id, url, source, title, published, origin, 1.0, "
        "ingested_at FROM documents"
    )

    op.create_table(
        "document_bands",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_document_bands_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "band", name=op.f("pk_document_bands")),
    )
    op.create_index(op.f("ix_document_bands_band_value"), "document_bands", ["band", "value"])

    op.create_table(
        "mention_keys",
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.CheckConstraint("kind IN ('key', 'probe')", name=op.f("ck_mention_keys_kind")),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_mention_keys_mention_id_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("mention_id", "kind", "key", name=op.f("pk_mention_keys")),
    )
    op.create_index(op.f("ix_mention_keys_kind_key"), "mention_keys", ["kind", "key"])

    op.create_table(
        "link_constraints",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("mention_a", sa.Integer(), nullable=False),
        sa.Column("mention_b", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('must', 'cannot')", name=op.f("ck_link_constraints_kind")),
        sa.CheckConstraint("mention_a < mention_b", name=op.f("ck_link_constraints_ordered")),
        sa.ForeignKeyConstraint(
            ["mention_a"],
            ["mentions.id"],
            name=op.f("fk_link_constraints_mention_a_mentions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_b"],
            ["mentions.id"],
            name=op.f("fk_link_constraints_mention_b_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_link_constraints")),
        sa.UniqueConstraint("mention_a", "mention_b", name=op.f("uq_link_constraints_pair")),
    )
    op.create_index(op.f("ix_link_constraints_mention_b"), "link_constraints", ["mention_b"])

    op.create_table(
        "incident_aliases",
        sa.Column("old_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("new_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("old_id", name=op.f("pk_incident_aliases")),
    )
    op.create_index(op.f("ix_incident_aliases_new_id"), "incident_aliases", ["new_id"])


def downgrade() -> None:
    """Drop the linking tables and incident columns."""
    for table in (
        "incident_aliases",
        "link_constraints",
        "mention_keys",
        "document_bands",
        "document_sources",
    ):
        op.drop_table(table)
    op.drop_index(op.f("ix_incidents_event_id"), table_name="incidents")
    op.drop_column("incidents", "conflicts")  # SQLite 3.35+ drops a column in place
    op.drop_column("incidents", "event_id")
