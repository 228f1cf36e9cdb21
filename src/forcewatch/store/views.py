"""Typed read-only views the repository returns (no ORM objects leave `store`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class StoreOutcome:
    """What `store_result` did: `new` is False when the content hash was already stored."""

    new: bool
    document_id: int
    incident_ids: list[int]


@dataclass(frozen=True)
class StoreCounts:
    """Row counts: documents, relevant documents, mentions and incidents."""

    documents: int
    relevant_documents: int
    mentions: int
    incidents: int


@dataclass(frozen=True)
class IncidentSummary:
    """One line of the incident list.

    `subject` is the name, "withheld" when the text says it is suppressed, else None.
    `date` is an ISO partial date ("2019", "2019-09", "2019-09-08") or None.
    """

    id: int
    status: str
    subject: str | None
    age: int | None
    sex: str | None
    outcome: str
    force: str
    date: str | None
    date_precision: str | None
    place: str | None
    region: str | None
    country: str | None
    agency: str | None
    weapon: str | None
    officers_fired: int | None
    confidence: float
    n_sources: int


@dataclass(frozen=True)
class EvidenceView:
    """A supporting sentence: `text` is `Document.content[start:end]` of that document."""

    document_id: int
    external_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class FieldView:
    """One incident field: its value, best confidence and every sentence supporting it."""

    name: str
    value: str | int | bool | None
    confidence: float | None
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True)
class InvestigationView:
    """One investigation named by a source, with its supporting sentence if known."""

    body: str
    kind: str
    finding: str | None
    confidence: float
    document_id: int
    evidence: EvidenceView | None


@dataclass(frozen=True)
class SourceView:
    """A document that reports the incident."""

    document_id: int
    external_id: str
    url: str | None
    title: str | None
    source: str | None
    published: dt.date | None


@dataclass(frozen=True)
class IncidentDetail:
    """Everything known about one incident, each field with its evidence."""

    summary: IncidentSummary
    created_at: dt.datetime
    updated_at: dt.datetime
    fields: tuple[FieldView, ...]  # in gold-format order, every field present
    investigations: tuple[InvestigationView, ...]
    sources: tuple[SourceView, ...]

    @property
    def id(self) -> int:
        return self.summary.id

    def field(self, name: str) -> FieldView:
        """Return the field called `name`; raise KeyError if there is none."""
        for view in self.fields:
            if view.name == name:
                return view
        raise KeyError(name)
