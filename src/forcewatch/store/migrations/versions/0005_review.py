"""Review: users, curator decisions anchored to mentions, the audit log, Datasette views.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24

Five indexes on `incidents` serve the public list and statistics.
`users` are the curators and admins of the web app (argon2 password hashes).
`review_decisions` hold a status (confirm, reject) or a field value a curator
set; `review_anchors` tie each to the mentions its incident had, so it follows
them through relinking (`store/review_sync.py`). `audit_log` records every
curator action. Two SQL views make the file pleasant in Datasette:
`confirmed_incidents` (the published record with a source count) and
`incident_sources` (one row per incident and source document).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | tuple[str, ...] | None = None
depends_on: str | tuple[str, ...] | None = None

FIELDS = (
    "subject_name",
    "name_withheld",
    "subject_age",
    "subject_sex",
    "outcome",
    "force",
    "date",
    "place",
    "region",
    "country",
    "agency",
    "subject_weapon",
    "officers_fired",
)

#: the public list sorts by (status, date); the statistics group from covering indexes
STATS_INDEXES = (
    ("ix_incidents_status_date", ["status", "date"]),
    ("ix_incidents_status_outcome_date", ["status", "outcome", "date"]),
    ("ix_incidents_status_weapon", ["status", "subject_weapon", "outcome"]),
    ("ix_incidents_status_force", ["status", "force", "outcome"]),
    ("ix_incidents_status_place", ["status", "country", "region", "outcome"]),
)

CONFIRMED_INCIDENTS = """
CREATE VIEW confirmed_incidents AS
SELECT i.id AS incident_id, i.subject_name, i.name_withheld, i.subject_age, i.subject_sex,
       i.outcome, i.force, i.date, i.date_precision, i.place, i.region, i.country, i.agency,
       i.subject_weapon, i.officers_fired, i.confidence, i.conflicts,
       (SELECT COUNT(DISTINCT m.document_id) FROM mentions m WHERE m.incident_id = i.id)
         AS n_sources
FROM incidents i
WHERE i.status = 'confirmed'
"""

INCIDENT_SOURCES = """
CREATE VIEW incident_sources AS
SELECT DISTINCT i.id AS incident_id, i.status, i.subject_name, i.date, i.place, i.country,
       d.id AS document_id, d.external_id, d.title, d.url, d.source, d.published
FROM incidents i
JOIN mentions m ON m.incident_id = i.id
JOIN documents d ON d.id = m.document_id
"""


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def upgrade() -> None:
    """Create the review tables, an incidents (status, date) index and the two views."""
    for name, columns in STATS_INDEXES:
        op.create_index(name, "incidents", columns)
    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_in("role", ("curator", "admin")), name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("name", name=op.f("uq_users_name")),
    )
    op.create_table(
        "review_decisions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint(_in("kind", ("status", "field")), name=op.f("ck_review_decisions_kind")),
        sa.CheckConstraint(_in("field", FIELDS), name=op.f("ck_review_decisions_field")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_decisions")),
    )
    op.create_index(op.f("ix_review_decisions_incident_id"), "review_decisions", ["incident_id"])
    op.create_table(
        "review_anchors",
        sa.Column("decision_id", sa.Integer(), nullable=False),
        sa.Column("mention_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["review_decisions.id"],
            name=op.f("fk_review_anchors_decision_id_review_decisions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["mention_id"],
            ["mentions.id"],
            name=op.f("fk_review_anchors_mention_id_mentions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("decision_id", "mention_id", name=op.f("pk_review_anchors")),
    )
    op.create_index(op.f("ix_review_anchors_mention_id"), "review_anchors", ["mention_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.Text(), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=True),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("decision_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"],
            ["review_decisions.id"],
            name=op.f("fk_audit_log_decision_id_review_decisions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_incident_id"), "audit_log", ["incident_id"])
    op.create_index(op.f("ix_audit_log_decision_id"), "audit_log", ["decision_id"])
    op.execute(CONFIRMED_INCIDENTS)
    op.execute(INCIDENT_SOURCES)


def downgrade() -> None:
    """Drop the views, the review tables and the index."""
    op.execute("DROP VIEW IF EXISTS incident_sources")
    op.execute("DROP VIEW IF EXISTS confirmed_incidents")
    op.drop_table("audit_log")
    op.drop_table("review_anchors")
    op.drop_table("review_decisions")
    op.drop_table("users")
    for name, _ in reversed(STATS_INDEXES):
        op.drop_index(name, table_name="incidents")
