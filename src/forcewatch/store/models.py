"""SQLAlchemy table models: documents, mentions, facts, investigations, incidents.

The schema is created and changed only by the Alembic migrations in
`store/migrations/versions/`; a test checks that they match these models.
Types are portable (SQLite and PostgreSQL); constraints are named by
`NAMING_CONVENTION` so batch-mode migrations on SQLite can find them.
Vocabulary columns are plain strings guarded by named CHECK constraints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from forcewatch.records import (
    DatePrecision,
    Finding,
    Force,
    InvestigationKind,
    Mention,
    Outcome,
    Weapon,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

INCIDENT_STATUSES = ("candidate", "confirmed", "rejected")
SEXES = ("male", "female")


def _in(column: str, values: Iterable[str]) -> str:
    """Return a portable SQL test that `column` is one of `values` (NULL passes a CHECK)."""
    quoted = ", ".join(f"'{v}'" for v in values)
    return f"{column} IN ({quoted})"


def _unit(column: str) -> str:
    return f"{column} >= 0 AND {column} <= 1"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _subject_checks() -> tuple[CheckConstraint, ...]:
    """Return the CHECK constraints shared by `mentions` and `incidents`."""
    return (
        CheckConstraint(_in("outcome", Outcome), "outcome"),
        CheckConstraint(_in("force", Force), "force"),
        CheckConstraint(_in("subject_weapon", Weapon), "subject_weapon"),
        CheckConstraint(_in("subject_sex", SEXES), "subject_sex"),
        CheckConstraint(_in("date_precision", DatePrecision), "date_precision"),
        CheckConstraint("(date IS NULL) = (date_precision IS NULL)", "date_has_precision"),
        CheckConstraint("subject_age >= 0 AND subject_age <= 130", "subject_age"),
        CheckConstraint("officers_fired >= 0", "officers_fired"),
        CheckConstraint(_unit("confidence"), "confidence"),
    )


def _offset_checks() -> tuple[CheckConstraint, ...]:
    """Return the CHECK constraints on evidence offsets: both or neither, in order."""
    return (
        CheckConstraint("(start_char IS NULL) = (end_char IS NULL)", "offsets_paired"),
        CheckConstraint("start_char >= 0 AND end_char >= start_char", "offsets_order"),
    )


class SubjectColumns:
    """The incident field values, as columns of both `mentions` and `incidents`."""

    subject_name: Mapped[str | None] = mapped_column(Text)
    name_withheld: Mapped[bool] = mapped_column(Boolean, default=False)
    subject_age: Mapped[int | None] = mapped_column(Integer)
    subject_sex: Mapped[str | None] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    force: Mapped[str] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    date_precision: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    agency: Mapped[str | None] = mapped_column(Text)
    subject_weapon: Mapped[str | None] = mapped_column(String(16))
    officers_fired: Mapped[int | None] = mapped_column(Integer)
    confidence: Mapped[float] = mapped_column(Float)


class DocumentRow(Base):
    """One stored article; `content_hash` makes ingest idempotent."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    external_id: Mapped[str] = mapped_column(Text, index=True)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    lang: Mapped[str | None] = mapped_column(String(35))
    fmt: Mapped[str] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(Text)
    warnings: Mapped[list[str]] = mapped_column(JSON)
    relevant: Mapped[bool] = mapped_column(Boolean)
    score: Mapped[float] = mapped_column(Float)
    detector_relevant: Mapped[bool] = mapped_column(Boolean)
    detector_score: Mapped[float] = mapped_column(Float)
    detector_terms: Mapped[list[str]] = mapped_column(JSON)
    skipped: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="document", order_by="MentionRow.position"
    )


class IncidentRow(SubjectColumns, Base):
    """One person in one incident: the merged fields of its linked mentions (`store/linking.py`)."""

    __tablename__ = "incidents"
    __table_args__ = (
        CheckConstraint(_in("status", INCIDENT_STATUSES), "status"),
        *_subject_checks(),
        Index("ix_incidents_date", "date"),
        Index("ix_incidents_country", "country"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(16), default="candidate")
    #: moved on by every curator action (compare-and-set): optimistic locking of edits
    version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    event_id: Mapped[int | None] = mapped_column(Integer, index=True)  # shared by one event
    conflicts: Mapped[str | None] = mapped_column(Text)  # "age,place": fields sources disagree on
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="incident", order_by="MentionRow.id"
    )


class MentionRow(SubjectColumns, Base):
    """One person subjected to force, as one document tells it."""

    __tablename__ = "mentions"
    __table_args__ = (
        UniqueConstraint("document_id", "position", name="uq_mentions_document_position"),
        *_subject_checks(),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)  # order within the document, from 0
    locality: Mapped[str | None] = mapped_column(Text)  # the town the place lies in, if told

    document: Mapped[DocumentRow] = relationship(back_populates="mentions")
    incident: Mapped[IncidentRow | None] = relationship(back_populates="mentions")
    facts: Mapped[list[FactRow]] = relationship(
        back_populates="mention", order_by="FactRow.id", cascade="all, delete-orphan"
    )
    investigations: Mapped[list[InvestigationRow]] = relationship(
        back_populates="mention", order_by="InvestigationRow.position", cascade="all, delete-orphan"
    )


class FactRow(Base):
    """One field of a mention: its value as text, confidence and evidence offsets."""

    __tablename__ = "facts"
    __table_args__ = (
        UniqueConstraint("mention_id", "field", name="uq_facts_mention_field"),
        CheckConstraint(_in("field", Mention.FIELDS), "field"),
        CheckConstraint(_unit("confidence"), "confidence"),
        *_offset_checks(),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    field: Mapped[str] = mapped_column(String(32))
    value: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    start_char: Mapped[int | None] = mapped_column(Integer)  # into Document.content
    end_char: Mapped[int | None] = mapped_column(Integer)

    mention: Mapped[MentionRow] = relationship(back_populates="facts")


class InvestigationRow(Base):
    """One investigation a mention names, with its finding and evidence offsets."""

    __tablename__ = "investigations"
    __table_args__ = (
        UniqueConstraint("mention_id", "position", name="uq_investigations_mention_position"),
        CheckConstraint(_in("kind", InvestigationKind), "kind"),
        CheckConstraint(_in("finding", Finding), "finding"),
        CheckConstraint(_unit("confidence"), "confidence"),
        *_offset_checks(),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    finding: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    start_char: Mapped[int | None] = mapped_column(Integer)
    end_char: Mapped[int | None] = mapped_column(Integer)

    mention: Mapped[MentionRow] = relationship(back_populates="investigations")


LINK_KINDS = ("must", "cannot")
KEY_KINDS = ("key", "probe")


class DocumentSourceRow(Base):
    """One place a stored text was read from: the document itself and each near-duplicate."""

    __tablename__ = "document_sources"
    __table_args__ = (CheckConstraint(_unit("similarity"), "similarity"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    external_id: Mapped[str] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    origin: Mapped[str] = mapped_column(Text)
    similarity: Mapped[float] = mapped_column(Float)  # word-shingle Jaccard to the document
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class DocumentBandRow(Base):
    """One MinHash LSH band hash of a document's text (`link/neardup.py`)."""

    __tablename__ = "document_bands"
    __table_args__ = (Index("ix_document_bands_band_value", "band", "value"),)

    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger)


class MentionKeyRow(Base):
    """One blocking key or probe of a mention (`link/mention.py: blocking_keys`)."""

    __tablename__ = "mention_keys"
    __table_args__ = (
        CheckConstraint(_in("kind", KEY_KINDS), "kind"),
        Index("ix_mention_keys_kind_key", "kind", "key"),
    )

    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(8), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)


class LinkConstraintRow(Base):
    """A curator's decision that two mentions are (must) or are not (cannot) one incident."""

    __tablename__ = "link_constraints"
    __table_args__ = (
        UniqueConstraint("mention_a", "mention_b", name="uq_link_constraints_pair"),
        CheckConstraint(_in("kind", LINK_KINDS), "kind"),
        CheckConstraint("mention_a < mention_b", "ordered"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    mention_a: Mapped[int] = mapped_column(ForeignKey("mentions.id", ondelete="CASCADE"))
    mention_b: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    action: Mapped[str] = mapped_column(Text)  # "merge 9 12", "split 12 document 4"


class IncidentAliasRow(Base):
    """An incident id that no longer exists, and the incident that took its mentions."""

    __tablename__ = "incident_aliases"

    old_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    new_id: Mapped[int] = mapped_column(Integer, index=True)
    reason: Mapped[str] = mapped_column(Text)  # "merged by NAME" or "relinked"
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


REFERENCE_FORMATS = ("nz-police", "wapo", "csv")


class ReferenceListRow(Base):
    """One imported official or third-party list (e.g. NZ Police shootings, WaPo)."""

    __tablename__ = "reference_lists"
    __table_args__ = (CheckConstraint(_in("format", REFERENCE_FORMATS), "format"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    format: Mapped[str] = mapped_column(String(16))
    source_file: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    records: Mapped[list[ReferenceRecordRow]] = relationship(
        back_populates="reference_list",
        order_by="ReferenceRecordRow.id",
        cascade="all, delete-orphan",
    )


class ReferenceRecordRow(Base):
    """One row of a reference list, mapped into the gold vocabulary.

    `row_key` identifies the row across re-imports: the list's external id when
    it has one, else a hash of the raw row; it makes import idempotent.
    """

    __tablename__ = "reference_records"
    __table_args__ = (
        UniqueConstraint("list_id", "row_key", name="uq_reference_records_list_id_row_key"),
        CheckConstraint(_in("outcome", Outcome), "outcome"),
        CheckConstraint(_in("force", Force), "force"),
        CheckConstraint(_in("subject_weapon", Weapon), "subject_weapon"),
        CheckConstraint(_in("subject_sex", SEXES), "subject_sex"),
        CheckConstraint(_in("date_precision", DatePrecision), "date_precision"),
        CheckConstraint("(date IS NULL) = (date_precision IS NULL)", "date_has_precision"),
        CheckConstraint("subject_age >= 0 AND subject_age <= 130", "subject_age"),
        Index("ix_reference_records_country_date", "country", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("reference_lists.id", ondelete="CASCADE"), index=True
    )
    row_number: Mapped[int] = mapped_column(Integer)  # 1-based data row in the latest import
    row_key: Mapped[str] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(Text)
    subject_name: Mapped[str | None] = mapped_column(Text)
    subject_age: Mapped[int | None] = mapped_column(Integer)
    subject_sex: Mapped[str | None] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    force: Mapped[str | None] = mapped_column(String(16))
    date: Mapped[str | None] = mapped_column(String(10))
    date_precision: Mapped[str | None] = mapped_column(String(8))
    place: Mapped[str | None] = mapped_column(Text)
    region: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(Text)
    subject_weapon: Mapped[str | None] = mapped_column(String(16))
    raw: Mapped[dict[str, str]] = mapped_column(JSON)
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))

    reference_list: Mapped[ReferenceListRow] = relationship(back_populates="records")


class ReferenceMatchRow(Base):
    """One record of a list matched 1:1 to one incident, with its score and reasons."""

    __tablename__ = "reference_matches"
    __table_args__ = (
        UniqueConstraint("record_id", name="uq_reference_matches_record_id"),
        UniqueConstraint("list_id", "incident_id", name="uq_reference_matches_list_id_incident"),
        CheckConstraint("score >= 0", "score"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    list_id: Mapped[int] = mapped_column(
        ForeignKey("reference_lists.id", ondelete="CASCADE"), index=True
    )
    record_id: Mapped[int] = mapped_column(ForeignKey("reference_records.id", ondelete="CASCADE"))
    incident_id: Mapped[int] = mapped_column(
        ForeignKey("incidents.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[list[str]] = mapped_column(JSON)
    matched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# ---------------------------------------------------------------- review (web app)

USER_ROLES = ("curator", "admin")
DECISION_KINDS = ("status", "field")
REVIEW_STATUSES = ("confirmed", "rejected", "candidate")

#: the public list and the review queue filter by status and sort by date; the
#: dashboard statistics group by these columns, each read from one covering index
_inc = IncidentRow.__table__.c
Index("ix_incidents_status_date", _inc.status, _inc.date)
Index("ix_incidents_status_outcome_date", _inc.status, _inc.outcome, _inc.date)
Index("ix_incidents_status_weapon", _inc.status, _inc.subject_weapon, _inc.outcome)
Index("ix_incidents_status_force", _inc.status, _inc.force, _inc.outcome)
Index("ix_incidents_status_place", _inc.status, _inc.country, _inc.region, _inc.outcome)


class UserRow(Base):
    """A curator or admin who may sign in to the web app; the password is an argon2 hash."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(_in("role", USER_ROLES), "role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ReviewDecisionRow(Base):
    """A curator's decision: an incident's status, or one field's value (`store/review.py`).

    It is anchored to the mentions the incident had when it was made
    (`review_anchors`), so it follows them when linking moves them to another
    incident row; the latest decision of a kind and field wins.
    """

    __tablename__ = "review_decisions"
    __table_args__ = (
        CheckConstraint(_in("kind", DECISION_KINDS), "kind"),
        CheckConstraint(_in("field", Mention.FIELDS), "field"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(Integer, index=True)  # when it was made
    kind: Mapped[str] = mapped_column(String(8))
    field: Mapped[str | None] = mapped_column(String(32))  # kind "field" only
    value: Mapped[str | None] = mapped_column(Text)  # status, or the field value as text
    reason: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class ReviewAnchorRow(Base):
    """One mention a review decision is anchored to."""

    __tablename__ = "review_anchors"

    decision_id: Mapped[int] = mapped_column(
        ForeignKey("review_decisions.id", ondelete="CASCADE"), primary_key=True
    )
    mention_id: Mapped[int] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AuditRow(Base):
    """One curator action: who, when, on which incident, what changed and why."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    user_name: Mapped[str] = mapped_column(Text)
    incident_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(16))  # confirm, reject, edit, merge, split
    field: Mapped[str | None] = mapped_column(String(32))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("review_decisions.id", ondelete="SET NULL"), index=True
    )


class BatchShardRow(Base):
    """One input shard a `forcewatch batch` run finished: a rerun skips it.

    Keyed by the input it came from, its index there and a fingerprint of its
    bytes, so a file changed since is read again.
    """

    __tablename__ = "batch_shards"
    __table_args__ = (UniqueConstraint("source", "shard", "fingerprint"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text)  # the input path as given
    shard: Mapped[int] = mapped_column(Integer)  # its position among the input's shards
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the shard's bytes
    documents: Mapped[int] = mapped_column(Integer)  # documents read from it
    finished_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


FEED_ITEM_STATUSES = ("stored", "duplicate", "skipped")


class FeedRow(Base):
    """One RSS/Atom feed `forcewatch poll` follows, with its conditional-GET state and health."""

    __tablename__ = "feeds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    etag: Mapped[str | None] = mapped_column(Text)  # the last response's ETag header
    last_modified: Mapped[str | None] = mapped_column(Text)  # ... and Last-Modified header
    added_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_success_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
    items_seen: Mapped[int] = mapped_column(Integer, default=0)  # feed entries ever listed
    new_documents: Mapped[int] = mapped_column(Integer, default=0)  # documents it brought in


class FeedItemRow(Base):
    """One page URL a poll dealt with; it is never fetched again, whatever became of it."""

    __tablename__ = "feed_items"
    __table_args__ = (CheckConstraint(_in("status", FEED_ITEM_STATUSES), "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feed_id: Mapped[int | None] = mapped_column(
        ForeignKey("feeds.id", ondelete="SET NULL"), index=True
    )
    url: Mapped[str] = mapped_column(Text, unique=True)
    status: Mapped[str] = mapped_column(String(16))
    detail: Mapped[str | None] = mapped_column(Text)  # why it was skipped, or the duplicate's id
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="SET NULL"))
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


# a poll looks pages up by URL before fetching them (migration 0006)
Index("ix_documents_url", DocumentRow.url)
Index("ix_document_sources_url", DocumentSourceRow.url)
