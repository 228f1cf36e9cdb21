"""Reference lists: imported official lists, their records, and 1:1 matches.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24

`reference_records.row_key` (external id, else a hash of the raw row) makes
re-importing a list idempotent; `reference_matches` stores the deterministic
1:1 assignment of records to incidents so `show` can display it. Vocabularies
are written out here, not imported, so this revision keeps its meaning.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

FORMATS = "'nz-police', 'wapo', 'csv'"
OUTCOMES = "'fatal', 'injured', 'missed', 'unknown'"
FORCES = "'firearm', 'taser', 'restraint', 'vehicle', 'dog', 'other'"
WEAPONS = (
    "'firearm', 'rifle', 'shotgun', 'handgun', 'replica', 'knife', 'blunt', "
    "'vehicle', 'other', 'none'"
)


def _record_checks() -> list[sa.CheckConstraint]:
    """Return the named CHECK constraints on `reference_records`."""
    checks = {
        "outcome": f"outcome IN ({OUTCOMES})",
        "force": f"force IN ({FORCES})",
        "subject_weapon": f"subject_weapon IN ({WEAPONS})",
        "subject_sex": "subject_sex IN ('male', 'female')",
        "date_precision": "date_precision IN ('day', 'month', 'year')",
        "date_has_precision": "(date IS NULL) = (date_precision IS NULL)",
        "subject_age": "subject_age >= 0 AND subject_age <= 130",
    }
    return [
        sa.CheckConstraint(sql, name=op.f(f"ck_reference_records_{name}"))
        for name, sql in checks.items()
    ]


def upgrade() -> None:
    """Create `reference_lists`, `reference_records` and `reference_matches`."""
    op.create_table(
        "reference_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("format", sa.String(length=16), nullable=False),
        sa.Column("source_file", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(f"format IN ({FORMATS})", name=op.f("ck_reference_lists_format")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_lists")),
        sa.UniqueConstraint("name", name=op.f("uq_reference_lists_name")),
    )

    op.create_table(
        "reference_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("row_key", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=True),
        sa.Column("subject_name", sa.Text(), nullable=True),
        sa.Column("subject_age", sa.Integer(), nullable=True),
        sa.Column("subject_sex", sa.String(length=16), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("force", sa.String(length=16), nullable=True),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("subject_weapon", sa.String(length=16), nullable=True),
        sa.Column("raw", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
        *_record_checks(),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["reference_lists.id"],
            name=op.f("fk_reference_records_list_id_reference_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_records")),
        sa.UniqueConstraint(
            "list_id", "row_key", name=op.f("uq_reference_records_list_id_row_key")
        ),
    )
    op.create_index(op.f("ix_reference_records_list_id"), "reference_records", ["list_id"])
    op.create_index(
        op.f("ix_reference_records_country_date"), "reference_records", ["country", "date"]
    )

    op.create_table(
        "reference_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("matched_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("score >= 0", name=op.f("ck_reference_matches_score")),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["reference_lists.id"],
            name=op.f("fk_reference_matches_list_id_reference_lists"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["reference_records.id"],
            name=op.f("fk_reference_matches_record_id_reference_records"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_reference_matches_incident_id_incidents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_matches")),
        sa.UniqueConstraint("record_id", name=op.f("uq_reference_matches_record_id")),
        sa.UniqueConstraint(
            "list_id", "incident_id", name=op.f("uq_reference_matches_list_id_incident")
        ),
    )
    op.create_index(op.f("ix_reference_matches_list_id"), "reference_matches", ["list_id"])
    op.create_index(op.f("ix_reference_matches_incident_id"), "reference_matches", ["incident_id"])


def downgrade() -> None:
    """Drop the three reference tables, children first."""
    for table in ("reference_matches", "reference_records", "reference_lists"):
        op.drop_table(table)
