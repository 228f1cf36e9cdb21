"""Which text of a near-duplicate group is analysed: the one with the smallest content hash.

A syndicated story arrives as several near-identical texts (`store/neardup.py`);
the store keeps one of them as the document whose mentions are linked, and the
others as extra sources. If that were the first text to arrive, the incidents
would depend on arrival order: the copies differ a little (a trimmed paragraph,
a reworded sentence) and so may their mentions. The representative is instead
the text with the smallest content hash, so the same set of texts always gives
the same mentions, whatever the order.

When a newcomer with a smaller hash nearly duplicates a stored document, the
newcomer is analysed and `promote` puts it in the document's place: the row
keeps its id (and so every link to it), takes the new text, its metadata and
its mentions, and the old text becomes one more source. Mentions are updated
in place position by position, so curator decisions that name a mention (must-
and cannot-links) survive; mentions past the new count are removed, and
incidents left with no mention are retired. The neighbourhood is relinked.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from forcewatch.records import DocResult, Document

from .linking import key_rows, link_mention, relink
from .models import (
    DocumentBandRow,
    DocumentRow,
    DocumentSourceRow,
    IncidentAliasRow,
    IncidentRow,
    MentionKeyRow,
    MentionRow,
)
from .neardup import band_rows, source_row
from .rows import check_evidence, document_row, mention_row

#: document columns a promotion keeps: the row's identity and when it was first stored
_KEPT = frozenset(("id", "ingested_at"))


def should_analyse(doc: Document, stored_hash: str) -> bool:
    """Return True when `doc`, a near-duplicate of the text stored as `stored_hash`, must be
    analysed because it will take that text's place."""
    return doc.doc_id < stored_hash


def can_promote(result: DocResult, stored: DocumentRow) -> bool:
    """Return True when `result` is an analysed text that takes `stored`'s place."""
    return result.skipped is None and should_analyse(result.document, stored.content_hash)


def promote(
    session: Session, stored: DocumentRow, result: DocResult, similarity: float, now: dt.datetime
) -> list[int]:
    """Make `result`'s text the analysed text of `stored`; return its mentions' incidents."""
    doc = result.document
    check_evidence(doc, result.mentions)
    old = session.scalar(
        select(DocumentSourceRow).where(DocumentSourceRow.content_hash == stored.content_hash)
    )
    if old is not None:
        old.similarity = round(min(max(similarity, 0.0), 1.0), 4)
    fresh = document_row(result, now)
    for column in DocumentRow.__table__.columns.keys():
        if column not in _KEPT:
            setattr(stored, column, getattr(fresh, column))
    session.add(source_row(doc, stored.id, 1.0, now))
    session.execute(delete(DocumentBandRow).where(DocumentBandRow.document_id == stored.id))
    session.add_all(band_rows(stored.id, doc.text))
    session.flush()
    return _replace_mentions(session, stored, result, now)


def _replace_mentions(
    session: Session, stored: DocumentRow, result: DocResult, now: dt.datetime
) -> list[int]:
    rows = list(
        session.scalars(
            select(MentionRow)
            .where(MentionRow.document_id == stored.id)
            .order_by(MentionRow.position)
        )
    )
    orphaned = {r.incident_id for r in rows[len(result.mentions) :]} - {None}
    for row in rows[len(result.mentions) :]:
        session.delete(row)
    session.flush()
    seeds: list[int] = []
    for position, mention in enumerate(result.mentions):
        fresh = mention_row(mention, position, stored.id, None)
        if position < len(rows):
            row = rows[position]
            for column in MentionRow.__table__.columns.keys():
                if column not in ("id", "document_id", "incident_id", "position"):
                    setattr(row, column, getattr(fresh, column))
            facts, investigations = list(fresh.facts), list(fresh.investigations)
            fresh.facts, fresh.investigations = [], []  # the stored row adopts them
            row.facts.clear()  # deleted first: (mention, field) is unique
            row.investigations.clear()
            session.flush()
            row.facts, row.investigations = facts, investigations
            session.execute(delete(MentionKeyRow).where(MentionKeyRow.mention_id == row.id))
        else:
            row = fresh
            session.add(row)
        session.flush()
        session.add_all(key_rows(row.id, link_mention(row, stored)))
        seeds.append(row.id)
    session.flush()
    mates = set(
        session.scalars(select(MentionRow.id).where(MentionRow.incident_id.in_(sorted(orphaned))))
    )
    assignment = relink(session, [*seeds, *sorted(mates)], now)
    _retire_empty(session, orphaned)
    return [assignment[m] for m in seeds]


def _retire_empty(session: Session, incident_ids: set[int]) -> None:
    """Delete incidents that lost their last mention when a text was replaced."""
    for incident_id in sorted(incident_ids):
        left = session.scalar(
            select(MentionRow.id).where(MentionRow.incident_id == incident_id).limit(1)
        )
        if left is None:
            session.execute(delete(IncidentAliasRow).where(IncidentAliasRow.new_id == incident_id))
            session.execute(delete(IncidentRow).where(IncidentRow.id == incident_id))
    session.flush()
