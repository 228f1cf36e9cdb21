"""Read queries for the web app: filtered, paginated incident lists, statistics, documents.

Every filter is a bound parameter of a SQLAlchemy expression (no SQL text is
built from input), so any string is safe and an unknown value simply matches
nothing. Dates are ISO partial dates; a date range keeps an incident when its
date's range ("2019-06": June 1-30) overlaps the asked range. The web app
passes `status="confirmed"` for the public.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, and_, distinct, exists, func, or_, select
from sqlalchemy.orm import Session

from .models import DocumentRow, IncidentRow, MentionRow
from .views import IncidentSummary

_OUTCOMES = ("fatal", "injured", "missed", "unknown")


@dataclass(frozen=True)
class IncidentFilter:
    """What to keep: each given criterion must hold (None: any)."""

    status: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    country: str | None = None
    region: str | None = None
    outcome: str | None = None
    force: str | None = None
    q: str | None = None  # words in the name, place, region, agency


@dataclass(frozen=True)
class IncidentPage:
    """One page of incidents and how many match in all."""

    total: int
    limit: int
    offset: int
    items: list[IncidentSummary]


@dataclass(frozen=True)
class Tally:
    """Counts per outcome for one group (a year, a weapon, a region)."""

    key: str
    fatal: int = 0
    injured: int = 0
    missed: int = 0
    unknown: int = 0

    @property
    def total(self) -> int:
        return self.fatal + self.injured + self.missed + self.unknown


@dataclass(frozen=True)
class Stats:
    """The tally overall and by year, subject weapon, region and force."""

    overall: Tally
    by_year: list[Tally] = field(default_factory=list)
    by_weapon: list[Tally] = field(default_factory=list)
    by_region: list[Tally] = field(default_factory=list)
    by_force: list[Tally] = field(default_factory=list)


@dataclass(frozen=True)
class DocumentSummary:
    """One stored article, without its text."""

    id: int
    external_id: str
    title: str | None
    url: str | None
    source: str | None
    published: dt.date | None
    relevant: bool
    n_mentions: int


def _since(since: dt.date) -> ColumnElement[bool]:
    iso = since.isoformat()
    return or_(
        and_(IncidentRow.date_precision == "day", IncidentRow.date >= iso),
        and_(IncidentRow.date_precision == "month", IncidentRow.date >= iso[:7]),
        and_(IncidentRow.date_precision == "year", IncidentRow.date >= iso[:4]),
    )


def _until(until: dt.date) -> ColumnElement[bool]:
    # a partial date's first day is its own ISO prefix, which sorts before any longer date
    return and_(IncidentRow.date.is_not(None), IncidentRow.date <= until.isoformat())


def _where(stmt: Select, f: IncidentFilter) -> Select:
    if f.status:
        stmt = stmt.where(IncidentRow.status == f.status)
    if f.since:
        stmt = stmt.where(_since(f.since))
    if f.until:
        stmt = stmt.where(_until(f.until))
    if f.country:
        stmt = stmt.where(func.upper(IncidentRow.country) == f.country.strip().upper())
    if f.region:
        stmt = stmt.where(func.lower(IncidentRow.region) == f.region.strip().lower())
    if f.outcome:
        stmt = stmt.where(IncidentRow.outcome == f.outcome.strip().lower())
    if f.force:
        stmt = stmt.where(IncidentRow.force == f.force.strip().lower())
    for word in (f.q or "").split()[:8]:
        pattern = word.lower()
        stmt = stmt.where(
            or_(
                *(
                    func.lower(col).contains(pattern, autoescape=True)
                    for col in (
                        IncidentRow.subject_name,
                        IncidentRow.place,
                        IncidentRow.region,
                        IncidentRow.agency,
                    )
                )
            )
        )
    return stmt


def _n_sources(session: Session, ids: list[int]) -> dict[int, int]:
    """Return how many distinct documents stand behind each of these incidents."""
    if not ids:
        return {}
    stmt = (
        select(MentionRow.incident_id, func.count(distinct(MentionRow.document_id)))
        .where(MentionRow.incident_id.in_(ids))
        .group_by(MentionRow.incident_id)
    )
    return {i: int(n) for i, n in session.execute(stmt)}


def summary(row: IncidentRow, n_sources: int) -> IncidentSummary:
    """Return the list view of an incident row."""
    subject = row.subject_name or ("withheld" if row.name_withheld else None)
    return IncidentSummary(
        id=row.id,
        status=row.status,
        subject=subject,
        age=row.subject_age,
        sex=row.subject_sex,
        outcome=row.outcome,
        force=row.force,
        date=row.date,
        date_precision=row.date_precision,
        place=row.place,
        region=row.region,
        country=row.country,
        agency=row.agency,
        weapon=row.subject_weapon,
        officers_fired=row.officers_fired,
        confidence=row.confidence,
        n_sources=n_sources,
        event_id=row.event_id,
        conflicts=tuple(row.conflicts.split(",")) if row.conflicts else (),
    )


def list_page(
    session: Session, f: IncidentFilter, *, limit: int = 50, offset: int = 0, queue: bool = False
) -> IncidentPage:
    """Return one page of matching incidents: newest date first, or for the review queue
    newest stored and most confident first."""
    total = int(session.scalar(_where(select(func.count(IncidentRow.id)), f)) or 0)
    stmt = _where(select(IncidentRow), f)
    if queue:
        stmt = stmt.order_by(
            IncidentRow.created_at.desc(), IncidentRow.confidence.desc(), IncidentRow.id.desc()
        )
    else:  # NULLS LAST is a descending scan of ix_incidents_status_date on SQLite
        stmt = stmt.order_by(IncidentRow.date.desc().nulls_last(), IncidentRow.id.desc())
    rows = list(session.scalars(stmt.limit(limit).offset(offset)))
    n = _n_sources(session, [r.id for r in rows])
    return IncidentPage(total, limit, offset, [summary(r, n.get(r.id, 0)) for r in rows])


def _tallies(session: Session, keys: list, f: IncidentFilter) -> list[Tally]:
    """Return outcome counts grouped by `keys` (joined by a space into the tally key)."""
    stmt = _where(select(*keys, IncidentRow.outcome, func.count()), f).group_by(
        *keys, IncidentRow.outcome
    )
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for *k, outcome, n in session.execute(stmt):
        key = " ".join("" if v is None else str(v) for v in k).strip()
        counts[key][outcome] = counts[key].get(outcome, 0) + int(n)
    return [Tally(k, **{o: c.get(o, 0) for o in _OUTCOMES}) for k, c in counts.items()]


def stats(session: Session, f: IncidentFilter) -> Stats:
    """Return the tally of matching incidents, overall and by year, weapon, region and force.

    Each grouping reads one covering index (`ix_incidents_status_*`), so the stats of
    tens of thousands of incidents take milliseconds.
    """
    by_year = sorted(
        _tallies(session, [func.substr(IncidentRow.date, 1, 4)], f),
        key=lambda t: (t.key == "", t.key),  # undated last
    )
    overall = _tallies(session, [], f)

    def biggest(ts: list[Tally]) -> list[Tally]:
        return sorted(ts, key=lambda t: (-t.total, t.key))

    return Stats(
        overall=Tally("all", **{o: getattr(overall[0], o) for o in _OUTCOMES})
        if overall
        else Tally("all"),
        by_year=by_year,
        by_weapon=biggest(_tallies(session, [IncidentRow.subject_weapon], f)),
        by_region=biggest(_tallies(session, [IncidentRow.country, IncidentRow.region], f)),
        by_force=biggest(_tallies(session, [IncidentRow.force], f)),
    )


def list_documents(
    session: Session, *, confirmed_only: bool, limit: int = 50, offset: int = 0
) -> tuple[int, list[DocumentSummary]]:
    """Return how many documents there are and one page of them, newest stored first.

    With `confirmed_only`, only documents that are a source of a confirmed incident.
    """
    n_mentions = (
        select(func.count(MentionRow.id))
        .where(MentionRow.document_id == DocumentRow.id)
        .correlate(DocumentRow)
        .scalar_subquery()
    )
    stmt = select(DocumentRow, n_mentions.label("n"))
    count = select(func.count(DocumentRow.id))
    if confirmed_only:
        published = exists(
            select(MentionRow.id)
            .join(IncidentRow, IncidentRow.id == MentionRow.incident_id)
            .where(MentionRow.document_id == DocumentRow.id, IncidentRow.status == "confirmed")
        )
        stmt, count = stmt.where(published), count.where(published)
    stmt = stmt.order_by(DocumentRow.id.desc()).limit(limit).offset(offset)
    items = [
        DocumentSummary(d.id, d.external_id, d.title, d.url, d.source, d.published, d.relevant, n)
        for d, n in session.execute(stmt)
    ]
    return int(session.scalar(count) or 0), items


def document_incidents(session: Session, document_id: int, *, confirmed_only: bool) -> list[int]:
    """Return the ids of the incidents a document is a source of."""
    stmt = (
        select(MentionRow.incident_id)
        .join(IncidentRow, IncidentRow.id == MentionRow.incident_id)
        .where(MentionRow.document_id == document_id)
        .distinct()
    )
    if confirmed_only:
        stmt = stmt.where(IncidentRow.status == "confirmed")
    return sorted(i for i in session.scalars(stmt) if i is not None)
