"""Typed read-only views the repository returns (no ORM objects leave `store`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .reference_views import ReferenceMatchView


@dataclass(frozen=True)
class StoreOutcome:
    """What `store_result` did: `new` is False when the text was already stored.

    `incident_ids` are the incidents of the document's mentions, in mention order;
    `near_duplicate_of` is set when the text was kept as a copy of that document.
    """

    new: bool
    document_id: int
    incident_ids: list[int]
    near_duplicate_of: int | None = None


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
    event_id: int | None = None  # shared with the other people of one event
    conflicts: tuple[str, ...] = ()  # fields whose sources disagree


@dataclass(frozen=True)
class EvidenceView:
    """A supporting sentence: `text` is `Document.content[start:end]` of that document."""

    document_id: int
    external_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ValueView:
    """One distinct value sources give for a field, and the documents that give it."""

    value: str | int | bool | None
    document_ids: tuple[int, ...]
    external_ids: tuple[str, ...]
    weight: float  # summed confidence


@dataclass(frozen=True)
class FieldView:
    """One incident field: its merged value, best confidence and every sentence supporting it.

    `values` lists each distinct value with its documents (strongest first);
    `conflict` is True when sources disagree (see `link/merge.py` for the rule).
    """

    name: str
    value: str | int | bool | None
    confidence: float | None
    evidence: tuple[EvidenceView, ...]
    values: tuple[ValueView, ...] = ()
    conflict: bool = False


@dataclass(frozen=True)
class ChangeView:
    """A field that changed in later reports (outcome injured, then fatal)."""

    field: str
    before: str | int | bool | None
    after: str | int | bool | None
    before_documents: tuple[int, ...]
    after_documents: tuple[int, ...]
    before_published: dt.date | None
    after_published: dt.date | None


@dataclass(frozen=True)
class CopyView:
    """A near-duplicate copy of a source (syndicated or re-published), kept for its URL."""

    external_id: str
    url: str | None
    source: str | None
    published: dt.date | None
    similarity: float  # word-shingle Jaccard to the stored text


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
    copies: tuple[CopyView, ...] = ()


@dataclass(frozen=True)
class IncidentDetail:
    """Everything known about one incident, each field with its evidence."""

    summary: IncidentSummary
    created_at: dt.datetime
    updated_at: dt.datetime
    fields: tuple[FieldView, ...]  # in gold-format order, every field present
    investigations: tuple[InvestigationView, ...]
    sources: tuple[SourceView, ...]
    changes: tuple[ChangeView, ...] = ()
    references: tuple[ReferenceMatchView, ...] = ()  # official/third-party list rows matched

    @property
    def id(self) -> int:
        return self.summary.id

    def field(self, name: str) -> FieldView:
        """Return the field called `name`; raise KeyError if there is none."""
        for view in self.fields:
            if view.name == name:
                return view
        raise KeyError(name)
