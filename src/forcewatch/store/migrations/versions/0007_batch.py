"""Batch shards: the input shards a `forcewatch batch` run has finished.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24

A rerun of an interrupted batch skips the shards recorded here. A shard is
keyed by the input path as given, its index among that input's shards and
the SHA-256 of its bytes, so an input that changed is read again (its
documents are still stored once: writes are idempotent on the content hash).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    """Create `batch_shards`."""
    op.create_table(
        "batch_shards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("shard", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("documents", sa.Integer(), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_batch_shards")),
        sa.UniqueConstraint("source", "shard", "fingerprint", name=op.f("uq_batch_shards_source")),
    )


def downgrade() -> None:
    """Drop `batch_shards`."""
    op.drop_table("batch_shards")
