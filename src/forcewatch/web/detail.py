"""One incident for the API and the incident page: repo detail + curator review + history."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from forcewatch.store import repo, review
from forcewatch.store.models import IncidentRow
from forcewatch.store.review import AuditEntry, FieldReview
from forcewatch.store.views import IncidentDetail

from .schemas import (
    AuditOut,
    ChangeOut,
    EvidenceOut,
    FieldOut,
    IncidentDetailOut,
    IncidentOut,
    InvestigationOut,
    SourceOut,
    ValueOut,
)


@dataclass(frozen=True)
class IncidentBundle:
    """The repo's detail, each field's review and the audit history."""

    detail: IncidentDetail
    reviews: dict[str, FieldReview]
    history: list[AuditEntry]
    version: int  # for optimistic locking: curator forms and If-Match send it back


def load(session: Session, incident_id: int, *, with_history: bool) -> IncidentBundle | None:
    """Return everything the incident page and API show, or None if there is no such incident."""
    detail = repo.get_incident(session, incident_id)
    if detail is None:
        return None
    reviews = {r.name: r for r in review.field_reviews(session, incident_id)}
    history = review.history(session, incident_id) if with_history else []
    row = session.get(IncidentRow, incident_id)
    return IncidentBundle(detail, reviews, history, row.version if row is not None else 0)


def to_json(bundle: IncidentBundle, *, public: bool = True) -> IncidentDetailOut:
    """Return the API model of an incident; for the public, without curators' names."""
    d = bundle.detail
    fields = []
    for f in d.fields:
        r = bundle.reviews.get(f.name)
        fields.append(
            FieldOut(
                name=f.name,
                value=f.value,
                machine_value=r.machine if r else f.value,
                curator_value=r.curator if r else None,
                curated=bool(r and r.curated),
                curated_by=r.by if r and not public else None,
                confidence=f.confidence,
                conflict=f.conflict,
                evidence=[EvidenceOut.model_validate(e) for e in f.evidence],
                values=[ValueOut.model_validate(v) for v in f.values],
            )
        )
    return IncidentDetailOut(
        incident=IncidentOut.model_validate(d.summary),
        created_at=d.created_at,
        updated_at=d.updated_at,
        fields=fields,
        investigations=[InvestigationOut.model_validate(i) for i in d.investigations],
        sources=[SourceOut.model_validate(s) for s in d.sources],
        changes=[ChangeOut.model_validate(c) for c in d.changes],
        history=[AuditOut.model_validate(h) for h in bundle.history],
        version=bundle.version,
    )
