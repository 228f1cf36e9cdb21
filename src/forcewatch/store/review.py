"""Curator review: confirm, reject, edit a field, merge, split; every action audited.

A status or a field value a curator sets is a `review_decisions` row anchored to
the incident's mentions, so it survives relinking (`store/review_sync.py`
re-applies it whenever linking rewrites the incident). Merge and split call
`store/curate.py` and add the audit rows. Each action writes one `audit_log`
row per incident it changes: who, when, field, before, after, reason. Values are
checked against the gold vocabulary; a bad one raises `CurationError` naming the
field and the values allowed. The caller commits the session.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from forcewatch.errors import ConflictError, CurationError
from forcewatch.records import Force, Mention, Outcome, PartialDate, Weapon

from . import curate
from .merged import machine_values
from .models import (
    AuditRow,
    IncidentAliasRow,
    IncidentRow,
    MentionRow,
    ReviewAnchorRow,
    ReviewDecisionRow,
)
from .review_sync import apply_decisions, column_value, decisions_for

EDITABLE_FIELDS: tuple[str, ...] = Mention.FIELDS
_CHOICES: dict[str, tuple[str, ...]] = {
    "outcome": tuple(o.value for o in Outcome),
    "force": tuple(f.value for f in Force),
    "subject_weapon": tuple(w.value for w in Weapon),
    "subject_sex": ("male", "female"),
}
_REQUIRED = ("outcome", "force")
_TRUE = {"true", "yes", "1", "on"}
_FALSE = {"false", "no", "0", "off", ""}


@dataclass(frozen=True)
class AuditEntry:
    """One curator action on an incident."""

    id: int
    at: dt.datetime
    user: str
    incident_id: int
    action: str
    field: str | None
    before: str | None
    after: str | None
    reason: str | None


@dataclass(frozen=True)
class FieldReview:
    """One field: the machine's merged value and, if a curator set one, theirs."""

    name: str
    machine: str | int | bool | None
    curator: str | int | bool | None
    curated: bool
    by: str | None
    at: dt.datetime | None


def field_choices(field: str) -> tuple[str, ...]:
    """Return the allowed values of a vocabulary field, or () for free fields."""
    return _CHOICES.get(field, ())


def normalise_value(field: str, text: str | None) -> str | None:
    """Return a curator's value for `field` as stored text (None: unknown), or raise."""
    if field not in EDITABLE_FIELDS:
        raise CurationError(f"unknown field {field!r}: use one of {', '.join(EDITABLE_FIELDS)}")
    value = (text or "").strip()
    if field == "name_withheld":
        if value.lower() not in _TRUE | _FALSE:
            raise CurationError(f"name_withheld: {value!r} is not true or false")
        return "true" if value.lower() in _TRUE else "false"
    if not value:
        if field in _REQUIRED:
            raise CurationError(f"{field} cannot be empty: use one of {', '.join(_CHOICES[field])}")
        return None
    if field in _CHOICES:
        value = value.lower()
        if value not in _CHOICES[field]:
            raise CurationError(f"{field}: {value!r} is not one of {', '.join(_CHOICES[field])}")
        return value
    if field in ("subject_age", "officers_fired"):
        top = 130 if field == "subject_age" else 100
        if not value.isdigit() or not 0 <= int(value) <= top:
            raise CurationError(f"{field}: {value!r} is not a whole number from 0 to {top}")
        return str(int(value))
    if field == "date":
        try:
            return PartialDate.parse(value).iso()
        except ValueError as err:
            raise CurationError(f"date: {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from err
    if field == "country":
        if len(value) != 2 or not value.isalpha():
            raise CurationError(f"country: {value!r} is not a two-letter ISO code such as NZ")
        return value.upper()
    if len(value) > 500:
        raise CurationError(f"{field}: at most 500 characters")
    return value


def resolve(session: Session, incident_id: int) -> int | None:
    """Return the live incident id for `incident_id` (following aliases), or None."""
    if session.get(IncidentRow, incident_id) is not None:
        return incident_id
    alias = session.get(IncidentAliasRow, incident_id)
    if alias is not None and session.get(IncidentRow, alias.new_id) is not None:
        return alias.new_id
    return None


def _live(session: Session, incident_id: int) -> IncidentRow:
    row = session.get(IncidentRow, incident_id)
    if row is not None:
        return row
    alias = session.get(IncidentAliasRow, incident_id)
    if alias is not None:
        raise CurationError(
            f"incident {incident_id} is now incident {alias.new_id} ({alias.reason}): act on that one"
        )
    raise CurationError(f"no incident {incident_id}: open the review queue to pick one")


def _claim(session: Session, row: IncidentRow, expected: int | None) -> None:
    """Move the incident's version on by one, if it is still `expected` (the version the
    curator saw; None: the current one). A compare-and-set in one UPDATE, so of two
    curators saving at once exactly one wins; the other gets a ConflictError."""
    seen = row.version if expected is None else expected
    done = session.execute(
        update(IncidentRow)
        .where(IncidentRow.id == row.id, IncidentRow.version == seen)
        .values(version=seen + 1)
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:
        session.refresh(row)
        raise ConflictError(
            f"incident {row.id} was changed by someone else since you opened it (it is at "
            f"version {row.version}, your page showed {seen}): reload it, look at the change, "
            "and save again if yours still holds"
        )
    set_committed_value(row, "version", seen + 1)


def _by(by: str) -> str:
    if not by.strip():
        raise CurationError("say who does this: the curator's name is empty")
    return by.strip()


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _decide(
    session: Session,
    row: IncidentRow,
    kind: str,
    field: str | None,
    value: str | None,
    reason: str | None,
    by: str,
    now: dt.datetime,
) -> ReviewDecisionRow:
    decision = ReviewDecisionRow(
        incident_id=row.id,
        kind=kind,
        field=field,
        value=value,
        reason=reason,
        created_by=by,
        created_at=now,
    )
    session.add(decision)
    session.flush()
    mentions = session.scalars(select(MentionRow.id).where(MentionRow.incident_id == row.id))
    session.add_all(ReviewAnchorRow(decision_id=decision.id, mention_id=m) for m in mentions)
    session.flush()
    return decision


def _audit(
    session: Session, by: str, now: dt.datetime, incident_id: int, action: str, **kw: object
) -> None:
    session.add(AuditRow(at=now, user_name=by, incident_id=incident_id, action=action, **kw))


def set_status(
    session: Session,
    incident_id: int,
    status: str,
    *,
    by: str,
    reason: str | None = None,
    version: int | None = None,
) -> int:
    """Confirm, reject (with a reason) or reopen an incident; return its id.

    `version`: the incident version the curator saw; a stale one raises ConflictError.
    """
    by = _by(by)
    if status not in ("confirmed", "rejected", "candidate"):
        raise CurationError(f"status {status!r}: use confirmed, rejected or candidate")
    reason = (reason or "").strip() or None
    if status == "rejected" and reason is None:
        raise CurationError(f"say why incident {incident_id} is rejected: the reason is empty")
    row = _live(session, incident_id)
    _claim(session, row, version)
    now = dt.datetime.now(dt.UTC)
    before = row.status
    decision = _decide(session, row, "status", None, status, reason, by, now)
    action = {"confirmed": "confirm", "rejected": "reject", "candidate": "reopen"}[status]
    _audit(session, by, now, row.id, action, field="status", before=before, after=status,
           reason=reason, decision_id=decision.id)  # fmt: skip
    apply_decisions(session, [row.id])
    session.flush()
    return row.id


def edit_field(
    session: Session,
    incident_id: int,
    field: str,
    value: str | None,
    *,
    by: str,
    version: int | None = None,
) -> int:
    """Set one field of an incident to a curator's value; return the incident id.

    `version`: the incident version the curator saw; a stale one raises ConflictError.
    """
    by = _by(by)
    stored = normalise_value(field, value)
    row = _live(session, incident_id)
    _claim(session, row, version)
    now = dt.datetime.now(dt.UTC)
    before = _text(getattr(row, field))
    decision = _decide(session, row, "field", field, stored, None, by, now)
    _audit(session, by, now, row.id, "edit", field=field, before=before, after=stored,
           decision_id=decision.id)  # fmt: skip
    apply_decisions(session, [row.id])
    session.flush()
    return row.id


def merge(session: Session, a: int, b: int, *, by: str, version: int | None = None) -> int:
    """Merge incident `b` into `a` (`store.curate`), audited on both; return the survivor.

    `version`: the version of `a` the curator saw; a stale one raises ConflictError.
    """
    by = _by(by)
    _claim(session, _live(session, a), version)
    survivor = curate.merge_incidents(session, a, b, by=by)
    now = dt.datetime.now(dt.UTC)
    for incident_id, other in ((a, b), (b, a)):
        _audit(session, by, now, incident_id, "merge", before=f"incidents {a} and {b}",
               after=f"incident {survivor}", reason=f"merged with {other}")  # fmt: skip
    session.flush()
    return survivor


def split(
    session: Session, incident_id: int, document_id: int, *, by: str, version: int | None = None
) -> int:
    """Split one document's mentions off an incident; the new incident starts unreviewed.

    `version`: the incident version the curator saw; a stale one raises ConflictError.
    """
    by = _by(by)
    _claim(session, _live(session, incident_id), version)
    new_id = curate.split_source(session, incident_id, document_id, by=by)
    moved = list(
        session.scalars(
            select(MentionRow.id).where(
                MentionRow.incident_id == new_id, MentionRow.document_id == document_id
            )
        )
    )
    if moved:  # the split-off person is not the one the earlier decisions were about
        session.execute(delete(ReviewAnchorRow).where(ReviewAnchorRow.mention_id.in_(moved)))
        apply_decisions(session, [new_id], lost=[new_id])
    now = dt.datetime.now(dt.UTC)
    for target in (incident_id, new_id):
        _audit(session, by, now, target, "split", field=None, before=f"incident {incident_id}",
               after=f"document {document_id} to incident {new_id}")  # fmt: skip
    session.flush()
    return new_id


def history(session: Session, incident_id: int) -> list[AuditEntry]:
    """Return the audit entries of an incident, its retired ids and its decisions, oldest first."""
    olds = select(IncidentAliasRow.old_id).where(IncidentAliasRow.new_id == incident_id)
    anchored = (
        select(ReviewAnchorRow.decision_id)
        .join(MentionRow, MentionRow.id == ReviewAnchorRow.mention_id)
        .where(MentionRow.incident_id == incident_id)
    )
    stmt = (
        select(AuditRow)
        .where(
            or_(
                AuditRow.incident_id == incident_id,
                AuditRow.incident_id.in_(olds),
                AuditRow.decision_id.in_(anchored),
            )
        )
        .order_by(AuditRow.id)
    )
    return [
        AuditEntry(
            r.id,
            _aware(r.at),
            r.user_name,
            r.incident_id,
            r.action,
            r.field,
            r.before,
            r.after,
            r.reason,
        )  # fmt: skip
        for r in session.scalars(stmt)
    ]


def field_reviews(session: Session, incident_id: int) -> list[FieldReview]:
    """Return, per field, the machine's value and the curator's (if any), in gold order."""
    row = session.get(IncidentRow, incident_id)
    if row is None:
        return []
    mentions = list(
        session.scalars(
            select(MentionRow)
            .where(MentionRow.incident_id == incident_id)
            .options(selectinload(MentionRow.document), selectinload(MentionRow.facts))
        )
    )
    machine = machine_values(mentions) if mentions else {}
    decisions = decisions_for(session, [incident_id]).get(incident_id)
    out = []
    for name in EDITABLE_FIELDS:
        d = decisions.fields.get(name) if decisions else None
        out.append(
            FieldReview(
                name=name,
                machine=machine.get(name),  # type: ignore[arg-type]
                curator=None if d is None else column_value(name, d.value),  # type: ignore[arg-type]
                curated=d is not None,
                by=None if d is None else d.created_by,
                at=None if d is None else _aware(d.created_at),
            )
        )
    return out


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
