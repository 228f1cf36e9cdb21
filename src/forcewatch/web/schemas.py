"""JSON API response and request models: the stable, documented field names (docs/web.md).

Kept apart from the store's views and tables: the views are read with
`from_attributes`, and a field is only ever added here, never renamed.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

Scalar = str | int | bool | float | None


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class IncidentOut(_Out):
    """One incident as listed: the merged (and curated) values."""

    id: int
    status: str = Field(description="candidate, confirmed or rejected")
    subject: str | None = Field(description='the name, "withheld", or null')
    age: int | None
    sex: str | None
    outcome: str = Field(description="fatal, injured, missed or unknown")
    force: str = Field(description="firearm, taser, restraint, vehicle, dog or other")
    date: str | None = Field(description="ISO partial date: YYYY, YYYY-MM or YYYY-MM-DD")
    date_precision: str | None
    place: str | None
    region: str | None
    country: str | None = Field(description="ISO 3166-1 alpha-2 code")
    agency: str | None
    weapon: str | None = Field(description="the subject's weapon")
    officers_fired: int | None
    confidence: float
    n_sources: int
    event_id: int | None
    conflicts: list[str] = Field(description="fields whose sources disagree")


class IncidentListOut(BaseModel):
    """One page of incidents; `total` counts every match."""

    total: int
    limit: int
    offset: int
    items: list[IncidentOut]


class EvidenceOut(_Out):
    document_id: int
    external_id: str
    start: int = Field(description="character offset into the document's content")
    end: int
    text: str


class ValueOut(_Out):
    value: Scalar
    document_ids: list[int]
    weight: float


class FieldOut(BaseModel):
    """One field: the value shown, what the machine says and what a curator set."""

    name: str
    value: Scalar
    machine_value: Scalar
    curator_value: Scalar
    curated: bool
    curated_by: str | None
    confidence: float | None
    conflict: bool
    evidence: list[EvidenceOut]
    values: list[ValueOut]


class InvestigationOut(_Out):
    body: str
    kind: str
    finding: str | None
    confidence: float
    document_id: int
    evidence: EvidenceOut | None


class SourceOut(_Out):
    document_id: int
    external_id: str
    url: str | None
    title: str | None
    source: str | None
    published: dt.date | None


class ChangeOut(_Out):
    field: str
    before: Scalar
    after: Scalar
    before_documents: list[int]
    after_documents: list[int]


class AuditOut(_Out):
    """One curator action."""

    id: int
    at: dt.datetime
    user: str
    incident_id: int
    action: str = Field(description="confirm, reject, reopen, edit, merge or split")
    field: str | None
    before: str | None
    after: str | None
    reason: str | None


class IncidentDetailOut(BaseModel):
    """One incident with fields, evidence, sources, conflicts, changes and history."""

    incident: IncidentOut
    created_at: dt.datetime
    updated_at: dt.datetime
    fields: list[FieldOut]
    investigations: list[InvestigationOut]
    sources: list[SourceOut]
    changes: list[ChangeOut]
    history: list[AuditOut] = Field(description="curator actions; empty for the public")
    version: int = Field(
        description="moved on by every curator action; send it back as If-Match to act"
    )


class TallyOut(_Out):
    key: str
    fatal: int
    injured: int
    missed: int
    unknown: int
    total: int


class StatsOut(_Out):
    """The tally of confirmed incidents, overall and by year, weapon, region and force."""

    overall: TallyOut
    by_year: list[TallyOut]
    by_weapon: list[TallyOut]
    by_region: list[TallyOut]
    by_force: list[TallyOut]


class DocumentOut(_Out):
    id: int
    external_id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None
    relevant: bool
    n_mentions: int


class DocumentListOut(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentOut]


class DocumentDetailOut(BaseModel):
    document: DocumentOut
    content: str = Field(
        description="title, a blank line, then the text: evidence offsets index it"
    )
    incident_ids: list[int]


class UserOut(_Out):
    id: int
    name: str
    role: str


class ActionResult(BaseModel):
    """What a curator action did: the incident it leaves (merge survivor, split-off)."""

    incident_id: int
    detail: str
    version: int | None = Field(None, description="the incident's version after the action")


class RejectIn(BaseModel):
    reason: str = Field(min_length=1, max_length=2000)


class FieldIn(BaseModel):
    value: str | None = Field(default=None, max_length=500)


class MergeIn(BaseModel):
    other: int = Field(description="the incident merged into this one")


class SplitIn(BaseModel):
    document_id: int
