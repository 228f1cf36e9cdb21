"""Incident versions: optimistic locking of curator edits.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24

Every curator action on an incident moves its `version` on by one, with a
compare-and-set (`UPDATE ... WHERE version = <the version the curator saw>`). A
second curator saving an edit made on an older page is refused with a conflict,
never a silent overwrite. Machine relinking does not move it: a curator's
decision applies over whatever the machine merges.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None


def upgrade() -> None:
    """Add `incidents.version`, 0 for every existing incident."""
    # plain ALTER TABLE (no batch copy): the Datasette views of 0005 read `incidents`
    op.add_column(
        "incidents", sa.Column("version", sa.Integer(), nullable=False, server_default="0")
    )


def downgrade() -> None:
    """Drop `incidents.version`."""
    op.drop_column("incidents", "version")  # SQLite >= 3.35 drops columns in place
