"""Initial schema: documents, incidents, mentions, facts, investigations.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Vocabularies are written out here (not imported from the models) so this
migration keeps meaning what it meant when later revisions change them.
Every name is wrapped in `op.f()`: it is final, the naming convention must
not prefix it again.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

OUTCOMES = "'fatal', 'injured', 'missed', 'unknown'"
FORCES = "'firearm', 'taser', 'restraint', 'vehicle', 'dog', 'other'"
WEAPONS = (
    "'firearm', 'rifle', 'shotgun', 'handgun', 'replica', 'knife', 'blunt', "
    "'vehicle', 'other', 'none'"
)
FIELDS = (
    "'subject_name', 'name_withheld', 'subject_age', 'subject_sex', 'outcome', 'force', "
    "'date', 'place', 'region', 'country', 'agency', 'subject_weapon', 'officers_fired'"
)
KINDS = "'police', 'coroner', 'oversight', 'prosecutor', 'other'"
FINDINGS = "'justified', 'unjustified', 'charged', 'cleared', 'pending'"


def _subject_columns() -> list[sa.Column]:
    """Return the incident field columns shared by `mentions` and `incidents`."""
    return [
        sa.Column("subject_name", sa.Text(), nullable=True),
        sa.Column("name_withheld", sa.Boolean(), nullable=False),
        sa.Column("subject_age", sa.Integer(), nullable=True),
        sa.Column("subject_sex", sa.String(length=16), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("force", sa.String(length=16), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("place", sa.Text(), nullable=True),
        sa.Column("region", sa.Text(), nullable=True),
        sa.Column("country", sa.Text(), nullable=True),
        sa.Column("agency", sa.Text(), nullable=True),
        sa.Column("subject_weapon", sa.String(length=16), nullable=True),
        sa.Column("officers_fired", sa.Integer(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
    ]


def _subject_checks(table: str) -> list[sa.CheckConstraint]:
    """Return the named CHECK constraints on the subject columns of `table`."""
    checks = {
        "outcome": f"outcome IN ({OUTCOMES})",
        "force": f"force IN ({FORCES})",
        "subject_weapon": f"subject_weapon IN ({WEAPONS})",
        "subject_sex": "subject_sex IN ('male', 'female')",
        "date_precision": "date_precision IN ('day', 'month', 'year')",
        "date_has_precision": "(date IS NULL) = (date_precision IS NULL)",
        "subject_age": "subject_age >= 0 AND subject_age <= 130",
        "officers_fired": "officers_fired >= 0",
        "confidence": "confidence >= 0 AND confidence <= 1",
    }
    return [
        sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}")) for name, sql in checks.items()
    ]


def _evidence_checks(table: str) -> list[sa.CheckConstraint]:
    """Return the CHECK constraints on confidence and evidence offsets of `table`."""
    return [
        sa.CheckConstraint(
            "confidence >= 0 AND confidence <= 1", name=op.f(f"ck_{table}_confidence")
        ),
        sa.CheckConstraint(
            "(start_char IS NULL) = (end_char IS NULL)", name=op.f(f"ck_{table}_offsets_paired")
        ),
        sa.CheckConstraint(
            "start_char >= 0 AND end_char >= start_char", name=op.f(f"ck_{table}_offsets_order")
        ),
    ]


def upgrade() -> None:
    """Create the five tables, their constraints and indexes."""
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("external_id", sa.Text(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("lang", sa.String(length=35), nullable=True),
        sa.Column("fmt", sa.String(length=16), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("warnings", sa.JSON(), nullable=False),
        sa.Column("relevant", sa.Boolean(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("detector_relevant", sa.Boolean(), nullable=False),
        sa.Column("detector_score", sa.Float(), nullable=False),
        sa.Column("detector_terms", sa.JSON(), nullable=False),
        sa.Column("skipped", sa.Text(), nullable=True),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    op.create_index(op.f("ix_documents_external_id"), "documents", ["external_id"])

    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        *_subject_columns(),
        sa.CheckConstraint(
            "status IN ('candidate', 'confirmed', 'rejected')", name=op.f("ck_incidents_status")
        ),
        *_subject_checks("incidents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    op.create_index(op.f("ix_incidents_date"), "incidents", ["date"])
    op.create_index(op.f("ix_incidents_country"), "incidents", ["country"])

    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        *_subject_columns(),
        *_subject_checks("mentions"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_mentions_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["incident_id"],
            ["incidents.id"],
            name=op.f("fk_mentions_incident_id_incidents"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
        sa.UniqueConstraint("document_id", "position", name=op.f("uq_mentions_document_position")),
    )
    op.create_index(op.f("ix_mentions_document_id"), "mentions", ["document_id"])
    op.create_index(op.f("ix_mentions_incident_id"), "mentions", ["incident_id"])

    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.CheckConstraint(f"field IN ({FIELDS})", name=op.f("ck_facts_field")),
        *_evidence_checks("facts"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_facts_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_facts_mention_id_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facts")),
        sa.UniqueConstraint("mention_id", "field", name=op.f("uq_facts_mention_field")),
    )
    op.create_index(op.f("ix_facts_document_id"), "facts", ["document_id"])
    op.create_index(op.f("ix_facts_mention_id"), "facts", ["mention_id"])

    op.create_table(
        "investigations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("finding", sa.String(length=16), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("start_char", sa.Integer(), nullable=True),
        sa.Column("end_char", sa.Integer(), nullable=True),
        sa.CheckConstraint(f"kind IN ({KINDS})", name=op.f("ck_investigations_kind")),
        sa.CheckConstraint(f"finding IN ({FINDINGS})", name=op.f("ck_investigations_finding")),
        *_evidence_checks("investigations"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["documents.id"],
            name=op.f("fk_investigations_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_investigations_mention_id_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_investigations")),
        sa.UniqueConstraint(
            "mention_id", "position", name=op.f("uq_investigations_mention_position")
        ),
    )
    op.create_index(op.f("ix_investigations_document_id"), "investigations", ["document_id"])
    op.create_index(op.f("ix_investigations_mention_id"), "investigations", ["mention_id"])


def downgrade() -> None:
    """Drop the five tables (indexes go with them), children first."""
    for table in ("investigations", "facts", "mentions", "incidents", "documents"):
        op.drop_table(table)
