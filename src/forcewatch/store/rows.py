"""Turn a pipeline `DocResult` into table rows (documents, mentions, facts, investigations)."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from forcewatch.errors import StoreError
from forcewatch.records import DocResult, Document, Evidence, Mention, PartialDate

from .models import DocumentRow, FactRow, InvestigationRow, MentionRow

#: columns shared by `mentions` and `incidents` that hold a fact value as is
PLAIN_FIELDS = tuple(f for f in Mention.FIELDS if f not in ("name_withheld", "date"))


def plain(value: object) -> object:
    """Return a fact value as stored in a typed column: enums and dates as strings."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.iso()
    return value


def as_text(value: object) -> str | None:
    """Return a fact value as the text kept in `facts.value`."""
    value = plain(value)
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def subject_values(mention: Mention) -> dict[str, object]:
    """Return the column values of the subject columns for one mention."""
    values: dict[str, object] = {
        name: None if getattr(mention, name) is None else plain(getattr(mention, name).value)
        for name in PLAIN_FIELDS
    }
    withheld = mention.name_withheld
    values["name_withheld"] = bool(withheld.value) if withheld is not None else False
    date = mention.date
    if date is not None and isinstance(date.value, PartialDate):
        values["date"] = date.value.iso()
        values["date_precision"] = date.value.precision.value
    elif date is not None:
        values["date"] = plain(date.value)  # not a PartialDate: the CHECK on precision refuses it
        values["date_precision"] = None
    else:
        values["date"] = values["date_precision"] = None
    values["confidence"] = mention.confidence
    return values


def document_row(result: DocResult, now: dt.datetime) -> DocumentRow:
    """Return the `documents` row for one result (not yet added to a session)."""
    doc = result.document
    return DocumentRow(
        content_hash=doc.doc_id,
        external_id=doc.external_id,
        url=doc.url,
        source=doc.source,
        title=doc.title,
        text=doc.text,
        published=doc.published,
        lang=doc.lang,
        fmt=doc.fmt,
        origin=doc.origin,
        warnings=list(doc.warnings),
        relevant=result.relevant,
        score=result.score,
        detector_relevant=result.detection.relevant,
        detector_score=result.detection.score,
        detector_terms=list(result.detection.terms),
        skipped=result.skipped,
        ingested_at=now,
    )


def mention_row(
    mention: Mention, position: int, document_id: int, incident_id: int | None
) -> MentionRow:
    """Return the `mentions` row with its fact and investigation rows attached."""
    row = MentionRow(
        document_id=document_id,
        incident_id=incident_id,
        position=position,
        locality=mention.locality.value if mention.locality is not None else None,
        **subject_values(mention),
    )
    for name, fact in mention.facts().items():
        start, end = _offsets(fact.evidence)
        row.facts.append(
            FactRow(
                document_id=document_id,
                field=name,
                value=as_text(fact.value),
                confidence=fact.confidence,
                start_char=start,
                end_char=end,
            )
        )
    for i, inv in enumerate(mention.investigations):
        start, end = _offsets(inv.evidence)
        row.investigations.append(
            InvestigationRow(
                document_id=document_id,
                position=i,
                body=inv.body,
                kind=plain(inv.kind),
                finding=plain(inv.finding),
                confidence=inv.confidence,
                start_char=start,
                end_char=end,
            )
        )
    return row


def _offsets(evidence: Evidence | None) -> tuple[int | None, int | None]:
    return (None, None) if evidence is None else (evidence.start, evidence.end)


def check_evidence(doc: Document, mentions: tuple[Mention, ...]) -> None:
    """Raise StoreError if evidence points at another document or outside its content."""
    size = len(doc.content)
    ids = {doc.doc_id, doc.external_id}
    where = doc.origin or doc.external_id
    for i, mention in enumerate(mentions):
        items: list[tuple[str, Evidence | None]] = [
            (name, fact.evidence) for name, fact in mention.facts().items()
        ]
        items += [
            (f"investigations[{j}]", v.evidence) for j, v in enumerate(mention.investigations)
        ]
        for name, ev in items:
            if ev is None:
                continue
            if ev.doc_id not in ids:
                raise StoreError(
                    f"{where}: mention {i} field {name}: evidence names document {ev.doc_id!r}, "
                    f"not this one ({doc.external_id!r}); nothing stored: fix the extractor"
                )
            if not 0 <= ev.start <= ev.end <= size:
                raise StoreError(
                    f"{where}: mention {i} field {name}: evidence offsets {ev.start}:{ev.end} lie "
                    f"outside the content (length {size}); nothing stored: fix the extractor"
                )
