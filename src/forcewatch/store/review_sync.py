"""Keep curator decisions applied to incident rows whatever linking does to them.

Linking rewrites an incident's columns from its mentions' merged fields, gives a
group of mentions a new incident row, or retires a row into another
(`store/linking.py`). A curator's decision (`review_decisions`) is anchored to
the mentions the incident had when it was made (`review_anchors`), so whenever
linking moves mentions or rewrites incidents (`linking._assign` calls `reapply`)
and whenever a curator decides (`store/review.py`), this module recomputes the
touched incidents that carry (or just lost) anchored decisions: the machine's
merged values first, then the latest curator value of each field and the latest
status on top. Nothing is done for incidents without decisions, so ingest
without curation pays one small query per relink.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from forcewatch.records import PartialDate

from .merged import machine_values
from .models import IncidentRow, MentionRow, ReviewAnchorRow, ReviewDecisionRow

INT_FIELDS = ("subject_age", "officers_fired")


@dataclass(frozen=True)
class Decisions:
    """The latest decision of each kind on one incident: status and field values (as text)."""

    status: ReviewDecisionRow | None
    fields: dict[str, ReviewDecisionRow]


def decisions_for(session: Session, incident_ids: Iterable[int]) -> dict[int, Decisions]:
    """Return the latest status and field decisions anchored to each incident's mentions."""
    ids = sorted(set(incident_ids))
    if not ids:
        return {}
    stmt = (
        select(MentionRow.incident_id, ReviewDecisionRow)
        .join(ReviewAnchorRow, ReviewAnchorRow.decision_id == ReviewDecisionRow.id)
        .join(MentionRow, MentionRow.id == ReviewAnchorRow.mention_id)
        .where(MentionRow.incident_id.in_(ids))
        .order_by(ReviewDecisionRow.id)
    )
    status: dict[int, ReviewDecisionRow] = {}
    fields: dict[int, dict[str, ReviewDecisionRow]] = {}
    for incident_id, decision in session.execute(stmt):
        if decision.kind == "status":
            status[incident_id] = decision  # ordered by id: the last one wins
        elif decision.field is not None:
            fields.setdefault(incident_id, {})[decision.field] = decision
    return {i: Decisions(status.get(i), fields.get(i, {})) for i in set(status) | set(fields)}


def column_value(field: str, text: str | None) -> object:
    """Return a decision's text value as the incident column holds it."""
    if text is None:
        return None
    if field == "name_withheld":
        return text == "true"
    if field in INT_FIELDS:
        return int(text)
    return text


def _set(row: IncidentRow, name: str, value: object) -> None:
    if getattr(row, name) != value:
        setattr(row, name, value)


def apply_decisions(
    session: Session, incident_ids: Iterable[int], lost: Iterable[int] = ()
) -> None:
    """Rewrite the columns of incidents that carry decisions: machine values, then the curator's.

    `lost` are incidents that just lost an anchored mention: they are recomputed even
    when no decision is left on them (status back to candidate, machine values back).
    """
    with session.no_autoflush:
        found = decisions_for(session, incident_ids)
        targets = sorted(set(found) | set(lost))
        if not targets:
            return
        stmt = (
            select(IncidentRow)
            .where(IncidentRow.id.in_(targets))
            .options(
                selectinload(IncidentRow.mentions).selectinload(MentionRow.document),
                selectinload(IncidentRow.mentions).selectinload(MentionRow.facts),
            )
            .execution_options(populate_existing=True)  # collections moved by FK, not by ORM
        )
        for row in session.scalars(stmt):
            if not row.mentions:
                continue
            decisions = found.get(row.id, Decisions(None, {}))
            values = machine_values(list(row.mentions))
            for field, decision in decisions.fields.items():
                values[field] = column_value(field, decision.value)
            date = values.get("date")  # a curator's date carries its own precision
            values["date_precision"] = (
                None if date is None else PartialDate.parse(str(date)).precision.value
            )
            for name, value in values.items():
                _set(row, name, value)
            if decisions.status is not None and decisions.status.value:
                _set(row, "status", decisions.status.value)
            elif row.id in set(lost):
                _set(row, "status", "candidate")


def reapply(session: Session, incident_ids: Iterable[int], moved: dict[int, int]) -> None:
    """Re-apply decisions after linking rewrote `incident_ids` and moved mentions
    (`moved`: mention id -> its incident before); called by `linking._assign`."""
    lost: set[int] = set()
    if moved:
        stmt = select(ReviewAnchorRow.mention_id).where(
            ReviewAnchorRow.mention_id.in_(sorted(moved))
        )
        lost = {moved[m] for m in session.scalars(stmt)}
    apply_decisions(session, set(incident_ids) | lost, lost)
