"""Store reference lists and their records; run, store and read reference matches.

`import_reference` upserts a read list on (list, row_key), so importing the
same file again adds nothing and an updated file adds only its new rows.
`match_report` matches every record of a list to the incidents of its
countries (link/reference_match.py), replaces the list's stored matches with
the result and returns the typed report; `since` limits what is reported,
never what is matched, so the stored assignment does not depend on it.
Functions take a `Session` and leave the commit to the caller.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from forcewatch.errors import ConfigError, StoreError
from forcewatch.link.reference_match import Side, date_span, match
from forcewatch.link.reference_read import ReadResult, ReferenceRecord
from forcewatch.records import PartialDate

from .models import IncidentRow, ReferenceListRow, ReferenceMatchRow, ReferenceRecordRow
from .reference_views import (
    ImportSummary,
    IncidentBrief,
    ListMatchReport,
    MatchedPair,
    MatchReport,
    RecordBrief,
    ReferenceListView,
    ReferenceMatchView,
)

#: the record columns an import compares to tell "updated" from "unchanged"
_COMPARED = (
    "row_number", "external_id", "subject_name", "subject_age", "subject_sex", "outcome",
    "force", "date", "date_precision", "place", "region", "country", "subject_weapon", "raw",
)  # fmt: skip


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _record_values(rec: ReferenceRecord) -> dict[str, object]:
    return {
        "row_number": rec.row_number,
        "external_id": rec.external_id,
        "subject_name": rec.name,
        "subject_age": rec.age,
        "subject_sex": rec.sex,
        "outcome": rec.outcome.value,
        "force": rec.force.value if rec.force else None,
        "date": rec.date.iso() if rec.date else None,
        "date_precision": rec.date.precision.value if rec.date else None,
        "place": rec.place,
        "region": rec.region,
        "country": rec.country,
        "subject_weapon": rec.weapon.value if rec.weapon else None,
        "raw": rec.raw,
    }


def import_reference(session: Session, result: ReadResult) -> ImportSummary:
    """Add or update the records of `result` in its list (created on first import)."""
    now = _now()
    lst = session.scalar(select(ReferenceListRow).where(ReferenceListRow.name == result.list_name))
    if lst is None:
        lst = ReferenceListRow(
            name=result.list_name,
            format=result.fmt,
            source_file=str(result.path),
            created_at=now,
            updated_at=now,
        )
        session.add(lst)
        session.flush()
    elif lst.format != result.fmt:
        raise ConfigError(
            f"list {result.list_name!r} was imported with --format {lst.format}, not "
            f"{result.fmt}; give this one another --name"
        )
    existing = {
        r.row_key: r
        for r in session.scalars(
            select(ReferenceRecordRow).where(ReferenceRecordRow.list_id == lst.id)
        )
    }
    new = updated = unchanged = 0
    for rec in result.records:
        values = _record_values(rec)
        row = existing.pop(rec.row_key, None)
        if row is None:
            session.add(
                ReferenceRecordRow(list_id=lst.id, row_key=rec.row_key, imported_at=now, **values)
            )
            new += 1
        elif any(getattr(row, k) != values[k] for k in _COMPARED):
            for k, v in values.items():
                setattr(row, k, v)
            row.imported_at = now
            updated += 1
        else:
            unchanged += 1
    lst.source_file, lst.updated_at = str(result.path), now
    try:
        session.flush()
    except SQLAlchemyError as err:
        raise StoreError(
            f"{result.path}: could not store list {result.list_name!r}: {err}"
        ) from err
    return ImportSummary(
        result.list_name, result.fmt, str(result.path), result.rows, new, updated, unchanged,
        len(existing),
    )  # fmt: skip


def list_references(session: Session) -> list[ReferenceListView]:
    """Return every imported list with its record count, countries and date range."""
    stmt = (
        select(
            ReferenceListRow,
            func.count(ReferenceRecordRow.id),
            func.min(ReferenceRecordRow.date),
            func.max(ReferenceRecordRow.date),
        )
        .outerjoin(ReferenceRecordRow, ReferenceRecordRow.list_id == ReferenceListRow.id)
        .group_by(ReferenceListRow.id)
        .order_by(ReferenceListRow.name)
    )
    out = []
    for lst, n, lo, hi in session.execute(stmt):
        countries = session.scalars(
            select(ReferenceRecordRow.country)
            .where(ReferenceRecordRow.list_id == lst.id, ReferenceRecordRow.country.is_not(None))
            .distinct()
            .order_by(ReferenceRecordRow.country)
        ).all()
        out.append(
            ReferenceListView(
                lst.id, lst.name, lst.format, lst.source_file, n, list(countries), lo, hi
            )
        )
    return out


def _partial(value: str | None) -> PartialDate | None:
    return PartialDate.parse(value) if value else None


def _record_side(r: ReferenceRecordRow) -> Side:
    return Side(
        id=r.id, date=_partial(r.date), country=r.country, name=r.subject_name,
        age=r.subject_age, sex=r.subject_sex, outcome=r.outcome, force=r.force,
        place=r.place, region=r.region, weapon=r.subject_weapon,
    )  # fmt: skip


def _incident_side(r: IncidentRow) -> Side:
    return Side(
        id=r.id, date=_partial(r.date), country=r.country, name=r.subject_name,
        age=r.subject_age, sex=r.subject_sex, outcome=r.outcome, force=r.force,
        place=r.place, region=r.region, weapon=r.subject_weapon,
    )  # fmt: skip


def _record_brief(r: ReferenceRecordRow) -> RecordBrief:
    return RecordBrief(
        r.id, r.row_number, r.external_id, r.date, r.subject_name, r.place, r.region,
        r.country, r.outcome, r.subject_age, r.subject_sex, r.subject_weapon,
    )  # fmt: skip


def _incident_brief(r: IncidentRow) -> IncidentBrief:
    subject = r.subject_name or ("withheld" if r.name_withheld else None)
    return IncidentBrief(
        r.id, r.date, subject, r.place, r.region, r.country, r.outcome, r.subject_age
    )


def _lists(session: Session, list_name: str | None) -> list[ReferenceListRow]:
    stmt = select(ReferenceListRow).order_by(ReferenceListRow.name)
    if list_name is not None:
        stmt = stmt.where(ReferenceListRow.name == list_name)
    lists = list(session.scalars(stmt))
    if not lists:
        if list_name is None:
            raise ConfigError("no reference list imported: run `forcewatch reference import` first")
        known = ", ".join(session.scalars(select(ReferenceListRow.name))) or "none"
        raise ConfigError(f"no reference list named {list_name!r} (imported: {known})")
    return lists


def match_report(
    session: Session, list_name: str | None = None, since: dt.date | None = None
) -> MatchReport:
    """Match each list (or the one named), store the matches, and return the report."""
    return MatchReport([_match_list(session, lst, since) for lst in _lists(session, list_name)])


def _match_list(session: Session, lst: ReferenceListRow, since: dt.date | None) -> ListMatchReport:
    started = time.perf_counter()
    records = list(
        session.scalars(select(ReferenceRecordRow).where(ReferenceRecordRow.list_id == lst.id))
    )
    countries = sorted({r.country for r in records if r.country})
    incidents = list(
        session.scalars(
            select(IncidentRow).where(
                IncidentRow.country.in_(countries),
                IncidentRow.date.is_not(None),
                IncidentRow.status != "rejected",
            )
        )
    )
    pairs = match((_incident_side(i) for i in incidents), (_record_side(r) for r in records))
    session.execute(delete(ReferenceMatchRow).where(ReferenceMatchRow.list_id == lst.id))
    now = _now()
    rows = [
        {"list_id": lst.id, "record_id": p.record_id, "incident_id": p.incident_id,
         "score": p.score, "reasons": list(p.reasons), "matched_at": now}
        for p in pairs
    ]  # fmt: skip
    if rows:
        session.execute(insert(ReferenceMatchRow), rows)
    session.flush()
    return _report(lst, records, incidents, pairs, since, time.perf_counter() - started)


def _report(lst, records, incidents, pairs, since, seconds) -> ListMatchReport:
    """Build the report, keeping only records and incidents from `since` on."""
    floor = since.toordinal() if since else None

    def in_scope(date: str | None) -> bool:
        return date is not None and (
            floor is None or date_span(PartialDate.parse(date))[1] >= floor
        )

    recs = {r.id: r for r in records if in_scope(r.date)}
    dated = [r.date for r in recs.values() if r.date]
    lo = min((date_span(PartialDate.parse(d))[0] for d in dated), default=None)
    hi = max((date_span(PartialDate.parse(d))[1] for d in dated), default=None)

    def in_range(date: str | None) -> bool:
        if not in_scope(date) or lo is None or hi is None:
            return False
        a, b = date_span(PartialDate.parse(date))
        return b >= lo and a <= hi

    incs = {i.id: i for i in incidents if in_range(i.date)}
    all_incs = {i.id: i for i in incidents}
    matched = [
        MatchedPair(
            _incident_brief(all_incs[p.incident_id]),
            _record_brief(recs[p.record_id]),
            p.score,
            list(p.reasons),
        )  # fmt: skip
        for p in pairs
        if p.record_id in recs
    ]
    matched.sort(key=lambda m: (m.record.date or "", m.record.row_number))
    taken_inc = {p.incident_id for p in pairs}
    taken_rec = {p.record_id for p in pairs}
    news_only = [_incident_brief(i) for i in incs.values() if i.id not in taken_inc]
    list_only = [_record_brief(r) for r in recs.values() if r.id not in taken_rec]
    news_only.sort(key=lambda b: (b.date or "", b.id))
    list_only.sort(key=lambda b: (b.date or "", b.row_number))
    return ListMatchReport(
        list_name=lst.name,
        countries=sorted({r.country for r in records if r.country}),
        date_from=dt.date.fromordinal(lo).isoformat() if lo else None,
        date_to=dt.date.fromordinal(hi).isoformat() if hi else None,
        since=since.isoformat() if since else None,
        records=len(recs),
        incidents=len(incs),
        matched=matched,
        news_only=news_only,
        list_only=list_only,
        seconds=round(seconds, 3),
    )


def matches_for_incident(session: Session, incident_id: int) -> list[ReferenceMatchView]:
    """Return the stored reference matches of one incident, by list name."""
    stmt = (
        select(ReferenceMatchRow, ReferenceRecordRow, ReferenceListRow.name)
        .join(ReferenceRecordRow, ReferenceRecordRow.id == ReferenceMatchRow.record_id)
        .join(ReferenceListRow, ReferenceListRow.id == ReferenceMatchRow.list_id)
        .where(ReferenceMatchRow.incident_id == incident_id)
        .order_by(ReferenceListRow.name)
    )
    return [
        ReferenceMatchView(name, _record_brief(rec), m.score, list(m.reasons))
        for m, rec, name in session.execute(stmt)
    ]


def count_records(session: Session, ids: Iterable[int] | None = None) -> int:
    """Return how many reference records are stored (in the lists `ids`, when given)."""
    stmt = select(func.count(ReferenceRecordRow.id))
    if ids is not None:
        stmt = stmt.where(ReferenceRecordRow.list_id.in_(list(ids)))
    return session.scalar(stmt) or 0
