"""Repository: store pipeline results and read incidents back as typed views.

Writing: `store_result(db, result)` stores one document, its mentions, their
facts and investigations, all or nothing, and links the mentions to incidents
(`store/linking.py`): a mention joins the incident of the same person told by
other documents, or starts a new one. A near-duplicate of a stored text
(`store/neardup.py`) is not stored again: its URL and ids become one more
source of the stored document. Give it a `sessionmaker` and it runs and commits its own
transaction; give it a `Session` and it works inside a SAVEPOINT, leaving the
commit to you. Storing a content hash that is already there stores nothing.

Dates: incidents keep an ISO partial date ("2019", "2019-09", "2019-09-08").
`list_incidents(since=d)` keeps an incident when its date range overlaps
[d, ∞): with since=2019-06-30, "2019" and "2019-06" are kept (their ranges
reach June 30), "2019-05" and "2019-06-29" are not. Undated incidents are
left out when `since` is given.
"""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import ColumnElement, ScalarSelect, Select, and_, distinct, func, or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from forcewatch.errors import StoreError
from forcewatch.link.merge import MergedField
from forcewatch.records import DocResult, Document, Mention, Outcome

from .browse import summary as _summary
from .db import WRITE_TRANSACTION
from .export import IncidentExport, investigations_cell
from .linking import key_rows, link_mention, relink
from .merged import merged_for
from .models import (
    DocumentRow,
    DocumentSourceRow,
    FactRow,
    IncidentRow,
    InvestigationRow,
    MentionRow,
)
from .neardup import band_rows, find_near_duplicate, source_document_id, source_row
from .reference_repo import matches_for_incident
from .representative import can_promote, promote, should_analyse
from .rows import check_evidence, document_row, mention_row
from .views import (
    ChangeView,
    CopyView,
    EvidenceView,
    FieldView,
    IncidentDetail,
    IncidentSummary,
    InvestigationView,
    SourceView,
    StoreCounts,
    StoreOutcome,
    ValueView,
)

log = logging.getLogger(__name__)


def has_document(session: Session, content_hash: str) -> bool:
    """Return True if a document with this content hash is stored."""
    return _document_id(session, content_hash) is not None


def near_duplicate_of(session: Session, doc: Document) -> int | None:
    """Return the stored document `doc` nearly duplicates, else None (exact copies too).

    None also when `doc` would take the stored text's place as the one analysed
    (`store/representative.py`): then it must go through the pipeline.
    """
    found = _document_id(session, doc.doc_id)
    if found is not None:
        return found
    near = find_near_duplicate(session, doc.text)
    if near is None:
        return None
    stored = session.get(DocumentRow, near.document_id)
    if stored is not None and should_analyse(doc, stored.content_hash):
        return None
    return near.document_id


def live_incident_ids(session: Session, ids: set[int]) -> set[int]:
    """Return those of `ids` that are still incidents (linking retires merged ones)."""
    if not ids:
        return set()
    return set(session.scalars(select(IncidentRow.id).where(IncidentRow.id.in_(sorted(ids)))))


def _document_id(session: Session, content_hash: str) -> int | None:
    """Return the document a text is stored as: itself, or the text it nearly duplicates."""
    stmt = select(DocumentRow.id).where(DocumentRow.content_hash == content_hash)
    found = session.scalar(stmt)
    return found if found is not None else source_document_id(session, content_hash)


def _incident_ids(session: Session, document_id: int) -> list[int]:
    stmt = (
        select(MentionRow.incident_id)
        .where(MentionRow.document_id == document_id, MentionRow.incident_id.is_not(None))
        .order_by(MentionRow.position)
    )
    return [i for i in session.scalars(stmt) if i is not None]


def _write(session: Session, result: DocResult) -> StoreOutcome:
    """Add one result's rows to `session` and flush; return what was stored."""
    doc = result.document
    existing = _document_id(session, doc.doc_id)
    if existing is not None:
        log.debug("%s: already stored as document %d", doc.external_id, existing)
        return StoreOutcome(False, existing, _incident_ids(session, existing))
    now = dt.datetime.now(dt.UTC)
    near = find_near_duplicate(session, doc.text)
    stored = session.get(DocumentRow, near.document_id) if near is not None else None
    if near is not None and stored is not None and can_promote(result, stored):
        log.info(
            "%s: near-duplicate of document %d (Jaccard %.2f) with the smaller hash: "
            "analysed in its place",
            doc.external_id,
            near.document_id,
            near.similarity,
        )
        ids = promote(session, stored, result, near.similarity, now)
        return StoreOutcome(False, near.document_id, ids, near_duplicate_of=near.document_id)
    if near is not None:
        session.add(source_row(doc, near.document_id, near.similarity, now))
        session.flush()
        log.info(
            "%s: near-duplicate of document %d (Jaccard %.2f): kept as one more source",
            doc.external_id,
            near.document_id,
            near.similarity,
        )
        ids = _incident_ids(session, near.document_id)
        return StoreOutcome(False, near.document_id, ids, near_duplicate_of=near.document_id)
    check_evidence(doc, result.mentions)
    row = document_row(result, now)
    session.add(row)
    session.flush()
    session.add(source_row(doc, row.id, 1.0, now))
    session.add_all(band_rows(row.id, doc.text))
    mentions: list[MentionRow] = []
    for position, mention in enumerate(result.mentions):
        try:
            mrow = mention_row(mention, position, row.id, None)
            session.add(mrow)
            session.flush()
        except IntegrityError as err:
            raise StoreError(
                f"{doc.origin or doc.external_id}: document {doc.external_id!r} not stored: "
                f"the database refused mention {position} ({_reason(err)}); nothing of the "
                "document was kept: fix the value the constraint names and ingest it again"
            ) from err
        session.add_all(key_rows(mrow.id, link_mention(mrow, row)))
        mentions.append(mrow)
    session.flush()
    assignment = relink(session, [m.id for m in mentions], now)
    return StoreOutcome(True, row.id, [assignment[m.id] for m in mentions])


def store_result(db: Session | sessionmaker[Session], result: DocResult) -> StoreOutcome:
    """Store one document and what was found in it, all or nothing.

    With a `sessionmaker`, commits its own transaction. With a `Session`, uses a
    SAVEPOINT: on failure only this document is rolled back; the caller commits.
    Raises StoreError (naming the document) if the database refuses any row.
    """
    doc = result.document
    try:
        if isinstance(db, Session):
            with db.begin_nested():
                return _write(db, result)
        with db.begin() as session:
            session.connection(execution_options=WRITE_TRANSACTION)
            return _write(session, result)
    except IntegrityError as err:
        stored = _stored_meanwhile(db, doc)
        if stored is not None:
            return stored
        raise StoreError(
            f"{doc.origin or doc.external_id}: document {doc.external_id!r} not stored, "
            f"the database refused a row ({_reason(err)}); nothing of it was kept: "
            "fix the value named by the constraint and ingest it again"
        ) from err
    except SQLAlchemyError as err:
        raise StoreError(
            f"{doc.origin or doc.external_id}: document {doc.external_id!r} not stored "
            f"({_reason(err)}); nothing of it was kept: check the database and ingest it again"
        ) from err


def _reason(err: SQLAlchemyError) -> str:
    """Return the first line of the driver's message (it names the constraint)."""
    text = str(getattr(err, "orig", None) or err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def _stored_meanwhile(db: Session | sessionmaker[Session], doc: Document) -> StoreOutcome | None:
    """Return the outcome for a hash another writer stored first, else None."""
    if isinstance(db, Session):
        found = _document_id(db, doc.doc_id)
        return None if found is None else StoreOutcome(False, found, _incident_ids(db, found))
    with db() as session:
        found = _document_id(session, doc.doc_id)
        return None if found is None else StoreOutcome(False, found, _incident_ids(session, found))


def _n_sources() -> ScalarSelect[int]:
    """Return a correlated count of distinct documents behind an incident."""
    return (
        select(func.count(distinct(MentionRow.document_id)))
        .where(MentionRow.incident_id == IncidentRow.id)
        .correlate(IncidentRow)
        .scalar_subquery()
    )


def _since(since: dt.date) -> ColumnElement[bool]:
    """Return a condition: the incident's partial date range reaches `since` or later."""
    iso = since.isoformat()
    return or_(
        and_(IncidentRow.date_precision == "day", IncidentRow.date >= iso),
        and_(IncidentRow.date_precision == "month", IncidentRow.date >= iso[:7]),
        and_(IncidentRow.date_precision == "year", IncidentRow.date >= iso[:4]),
    )


def list_incidents(
    session: Session,
    *,
    country: str | None = None,
    outcome: str | None = None,
    since: dt.date | None = None,
    limit: int | None = None,
) -> list[IncidentSummary]:
    """Return incidents, newest date first (undated last), filtered as asked.

    `country` matches case-insensitively; `outcome` must be an Outcome value.
    """
    stmt = select(IncidentRow, _n_sources().label("n_sources"))
    if country is not None:
        stmt = stmt.where(func.upper(IncidentRow.country) == country.strip().upper())
    if outcome is not None:
        if outcome not in {o.value for o in Outcome}:
            raise StoreError(
                f"unknown outcome {outcome!r}: use one of {', '.join(o.value for o in Outcome)}"
            )
        stmt = stmt.where(IncidentRow.outcome == outcome)
    if since is not None:
        stmt = stmt.where(_since(since))
    stmt = stmt.order_by(IncidentRow.date.is_(None), IncidentRow.date.desc(), IncidentRow.id.desc())
    if limit is not None:
        stmt = stmt.limit(limit)
    return [_summary(row, n) for row, n in session.execute(stmt).all()]


def _incident(session: Session, incident_id: int) -> IncidentRow | None:
    stmt = (
        select(IncidentRow)
        .where(IncidentRow.id == incident_id)
        .options(
            selectinload(IncidentRow.mentions).selectinload(MentionRow.document),
            selectinload(IncidentRow.mentions).selectinload(MentionRow.facts),
            selectinload(IncidentRow.mentions).selectinload(MentionRow.investigations),
        )
    )
    return session.scalar(stmt)


def _content(doc: DocumentRow) -> str:
    """Return the string evidence offsets index into, as `Document.content` builds it."""
    return Document(external_id=doc.external_id, text=doc.text, title=doc.title).content


def _evidence(
    doc: DocumentRow, content: str, start: int | None, end: int | None
) -> EvidenceView | None:
    if start is None or end is None:
        return None
    return EvidenceView(doc.id, doc.external_id, start, end, content[start:end])


def get_incident(session: Session, incident_id: int) -> IncidentDetail | None:
    """Return one incident with every field's value, confidence and evidence, or None."""
    row = _incident(session, incident_id)
    if row is None:
        return None
    contents = {m.document.id: _content(m.document) for m in row.mentions}
    by_field: dict[str, list[tuple[FactRow, DocumentRow]]] = {}
    investigations: list[InvestigationView] = []
    for mention in row.mentions:
        for fact in mention.facts:
            by_field.setdefault(fact.field, []).append((fact, mention.document))
        for inv in mention.investigations:
            investigations.append(_investigation(inv, mention.document, contents))
    merged = merged_for(list(row.mentions))
    ext = {m.document.id: m.document.external_id for m in row.mentions}
    fields = tuple(
        _field(name, row, by_field.get(name, []), contents, merged.fields[name], ext)
        for name in Mention.FIELDS
    )
    copies = _copies(session, sorted(ext))
    sources: dict[int, SourceView] = {}
    for mention in row.mentions:
        doc = mention.document
        sources.setdefault(
            doc.id,
            SourceView(
                doc.id,
                doc.external_id,
                doc.url,
                doc.title,
                doc.source,
                doc.published,
                copies.get(doc.id, ()),
            ),
        )
    changes = tuple(
        ChangeView(
            c.field,
            _jsonable(c.before),
            _jsonable(c.after),
            c.before_documents,
            c.after_documents,
            c.before_published,
            c.after_published,
        )
        for c in merged.changes
    )
    return IncidentDetail(
        summary=_summary(row, len(sources)),
        created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at),
        fields=fields,
        investigations=tuple(investigations),
        sources=tuple(sources.values()),
        changes=changes,
        references=tuple(matches_for_incident(session, row.id)),
    )


def _jsonable(value: object) -> str | int | bool | None:
    return value if value is None or isinstance(value, str | int | bool) else str(value)


def _copies(session: Session, document_ids: list[int]) -> dict[int, tuple[CopyView, ...]]:
    """Return the near-duplicate copies of each document (not its own source row)."""
    stmt = (
        select(DocumentSourceRow)
        .where(DocumentSourceRow.document_id.in_(document_ids), DocumentSourceRow.similarity < 1)
        .order_by(DocumentSourceRow.document_id, DocumentSourceRow.id)
    )
    out: dict[int, list[CopyView]] = {}
    for r in session.scalars(stmt):
        view = CopyView(r.external_id, r.url, r.source, r.published, r.similarity)
        out.setdefault(r.document_id, []).append(view)
    return {k: tuple(v) for k, v in out.items()}


def _field(
    name: str,
    row: IncidentRow,
    facts: list[tuple[FactRow, DocumentRow]],
    contents: dict[int, str],
    merged: MergedField,
    external_ids: dict[int, str],
) -> FieldView:
    evidence = [_evidence(doc, contents[doc.id], f.start_char, f.end_char) for f, doc in facts]
    values = tuple(
        ValueView(
            _jsonable(s.value),
            s.documents,
            tuple(external_ids[d] for d in s.documents),
            round(s.weight, 4),
        )
        for s in merged.supports
    )
    return FieldView(
        name=name,
        value=getattr(row, name),
        confidence=max((f.confidence for f, _ in facts), default=None),
        evidence=tuple(e for e in evidence if e is not None),
        values=values,
        conflict=merged.conflict,
    )


def _investigation(
    inv: InvestigationRow, doc: DocumentRow, contents: dict[int, str]
) -> InvestigationView:
    return InvestigationView(
        body=inv.body,
        kind=inv.kind,
        finding=inv.finding,
        confidence=inv.confidence,
        document_id=doc.id,
        evidence=_evidence(doc, contents[doc.id], inv.start_char, inv.end_char),
    )


def _aware(value: dt.datetime) -> dt.datetime:
    """Return a UTC-aware datetime (SQLite hands back naive ones)."""
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def export_incidents(session: Session) -> list[IncidentExport]:
    """Return every incident as a flat export record, by incident id."""
    stmt = (
        select(IncidentRow)
        .order_by(IncidentRow.id)
        .options(
            selectinload(IncidentRow.mentions).selectinload(MentionRow.document),
            selectinload(IncidentRow.mentions).selectinload(MentionRow.investigations),
        )
    )
    copy_urls: dict[int, list[str]] = {}
    copies = select(DocumentSourceRow.document_id, DocumentSourceRow.url).where(
        DocumentSourceRow.similarity < 1, DocumentSourceRow.url.is_not(None)
    )
    for document_id, url in session.execute(copies.order_by(DocumentSourceRow.id)):
        copy_urls.setdefault(document_id, []).append(url)
    return [_export(row, copy_urls) for row in session.scalars(stmt)]


def _export(row: IncidentRow, copy_urls: dict[int, list[str]]) -> IncidentExport:
    """Return one export record; `source_urls` also lists near-duplicate copies' URLs."""
    docs: dict[int, DocumentRow] = {}
    invs: list[tuple[str, str, str | None]] = []
    for mention in row.mentions:
        docs.setdefault(mention.document.id, mention.document)
        invs += [(i.body, i.kind, i.finding) for i in mention.investigations]
    return IncidentExport(
        incident_id=row.id,
        status=row.status,
        subject_name=row.subject_name,
        name_withheld=row.name_withheld,
        subject_age=row.subject_age,
        subject_sex=row.subject_sex,
        outcome=row.outcome,
        force=row.force,
        date=row.date,
        date_precision=row.date_precision,
        place=row.place,
        region=row.region,
        country=row.country,
        agency=row.agency,
        subject_weapon=row.subject_weapon,
        officers_fired=row.officers_fired,
        investigations=investigations_cell(invs),
        confidence=row.confidence,
        source_ids=" ".join(d.external_id for d in docs.values()),
        source_urls=" ".join(
            u for d in docs.values() for u in ([d.url] if d.url else []) + copy_urls.get(d.id, [])
        ),
    )


def counts(session: Session) -> StoreCounts:
    """Return how many documents, relevant documents, mentions and incidents are stored."""

    def count(stmt: Select[int]) -> int:
        return int(session.scalar(stmt) or 0)

    return StoreCounts(
        documents=count(select(func.count(DocumentRow.id))),
        relevant_documents=count(
            select(func.count(DocumentRow.id)).where(DocumentRow.relevant.is_(True))
        ),
        mentions=count(select(func.count(MentionRow.id))),
        incidents=count(select(func.count(IncidentRow.id))),
    )
