"""Near-duplicate documents in the store: LSH band rows, lookup, and extra sources.

A document's text gets `document_bands` rows (`link/neardup.py`). A new text
whose bands meet a stored document's and whose word-shingle Jaccard reaches
`neardup.THRESHOLD` is not stored again: it becomes one more
`document_sources` row (its URL, source, external id) of that document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from forcewatch.link import neardup
from forcewatch.records import Document

from .models import DocumentBandRow, DocumentRow, DocumentSourceRow


@dataclass(frozen=True)
class NearDuplicate:
    document_id: int
    similarity: float


def source_document_id(session: Session, content_hash: str) -> int | None:
    """Return the document a text is stored as, itself or as a near-duplicate copy."""
    stmt = select(DocumentSourceRow.document_id).where(
        DocumentSourceRow.content_hash == content_hash
    )
    return session.scalar(stmt)


def find_near_duplicate(session: Session, text: str) -> NearDuplicate | None:
    """Return the stored document this text nearly duplicates (best Jaccard, then lowest id)."""
    bands = neardup.text_bands(text)
    if bands is None:
        return None
    cond = or_(
        *(and_(DocumentBandRow.band == i, DocumentBandRow.value == v) for i, v in enumerate(bands))
    )
    ids = sorted(set(session.scalars(select(DocumentBandRow.document_id).where(cond))))
    if not ids:
        return None
    mine = neardup.shingles(text)
    best: NearDuplicate | None = None
    for doc_id, stored in session.execute(
        select(DocumentRow.id, DocumentRow.text).where(DocumentRow.id.in_(ids))
    ):
        sim = neardup.jaccard(mine, neardup.shingles(stored))
        if sim >= neardup.THRESHOLD and (
            best is None or (sim, -doc_id) > (best.similarity, -best.document_id)
        ):
            best = NearDuplicate(doc_id, sim)
    return best


def band_rows(document_id: int, text: str) -> list[DocumentBandRow]:
    """Return the LSH band rows of a document (none for a text too short to compare)."""
    bands = neardup.text_bands(text) or []
    return [DocumentBandRow(document_id=document_id, band=i, value=v) for i, v in enumerate(bands)]


def source_row(
    doc: Document, document_id: int, similarity: float, now: dt.datetime
) -> DocumentSourceRow:
    """Return the `document_sources` row recording where `doc` was read."""
    return DocumentSourceRow(
        document_id=document_id,
        content_hash=doc.doc_id,
        external_id=doc.external_id,
        url=doc.url,
        source=doc.source,
        title=doc.title,
        published=doc.published,
        origin=doc.origin,
        similarity=round(min(max(similarity, 0.0), 1.0), 4),
        added_at=now,
    )
