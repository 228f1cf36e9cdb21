"""Mention locality: the town or city a mention's place lies in, when the text says so.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

"Shot in the Toowoomba suburb of Harristown" stores place "Harristown" and
locality "Toowoomba"; linking then knows that a follow-up saying only
"Toowoomba" tells of the same place. Existing mentions keep a NULL locality
(their place is compared as before) until their document is analysed again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    """Add `mentions.locality`."""
    op.add_column("mentions", sa.Column("locality", sa.Text(), nullable=True))


def downgrade() -> None:
    """Drop `mentions.locality`."""
    op.drop_column("mentions", "locality")  # in place (SQLite 3.35+): no table copy
