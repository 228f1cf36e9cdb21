"""A database's content without row ids or timestamps, to compare two stores.

Rows are keyed by what identifies them whatever the order of arrival: documents
by content hash, mentions by (document hash, position), incidents by the
mentions they hold. Two stores with equal snapshots hold the same documents,
mentions, facts, investigations, sources, blocking keys and incidents with the
same merged fields.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import create_engine, select

from forcewatch.store.models import (
    DocumentBandRow,
    DocumentRow,
    DocumentSourceRow,
    FactRow,
    IncidentRow,
    InvestigationRow,
    MentionKeyRow,
    MentionRow,
)

TABLES = (
    DocumentRow,
    DocumentSourceRow,
    DocumentBandRow,
    MentionRow,
    FactRow,
    InvestigationRow,
    MentionKeyRow,
    IncidentRow,
)


def snapshot(url: str, ignore: set[str] = frozenset()) -> dict[str, list[tuple]]:  # type: ignore[assignment]
    """Return each compared table's rows as sorted tuples of (column, value repr).

    Columns named in `ignore` are left out (for values that depend on timing).
    """
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            docs = dict(conn.execute(select(DocumentRow.id, DocumentRow.content_hash)).all())
            mentions: dict[int, Any] = {}
            members: dict[int, list] = defaultdict(list)
            for mid, did, pos, iid in conn.execute(
                select(
                    MentionRow.id,
                    MentionRow.document_id,
                    MentionRow.position,
                    MentionRow.incident_id,
                )  # fmt: skip
            ):
                mentions[mid] = (docs[did], pos)
                if iid is not None:
                    members[iid].append(mentions[mid])
            incidents = {iid: tuple(sorted(ms)) for iid, ms in members.items()}
            events: dict[int, list] = defaultdict(list)
            for iid, event in conn.execute(select(IncidentRow.id, IncidentRow.event_id)):
                if event is not None:
                    events[event].append(incidents.get(iid, ("empty", iid)))
            event_key = {e: tuple(sorted(keys)) for e, keys in events.items()}
            ids = {
                "document_id": docs,
                "mention_id": mentions,
                "incident_id": incidents,
                "event_id": event_key,
            }
            out: dict[str, list[tuple]] = {}
            for model in TABLES:
                rows = []
                for row in conn.execute(select(model.__table__)).mappings():
                    values = []
                    for name, value in row.items():
                        if name.endswith("_at") or name == "id" or name in ignore:
                            continue
                        if name in ids and value is not None:
                            value = ids[name].get(value, ("missing", value))
                        values.append((name, repr(value)))
                    if model is IncidentRow:
                        values.append(("mentions", repr(incidents.get(row["id"]))))
                    rows.append(tuple(values))
                out[model.__tablename__] = sorted(rows)
            return out
    finally:
        engine.dispose()


def counts(url: str) -> dict[str, int]:
    """Return the number of rows of each compared table."""
    return {name: len(rows) for name, rows in snapshot(url).items()}


def review_snapshot(url: str) -> dict[str, list[tuple]]:
    """Return curator decisions (with the mentions they are anchored to) and the audit
    log without ids or times, to compare two stores' curator edits."""
    from forcewatch.store.models import AuditRow, ReviewAnchorRow, ReviewDecisionRow

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            docs = dict(conn.execute(select(DocumentRow.id, DocumentRow.content_hash)).all())
            mention_key = {
                mid: (docs[did], pos)
                for mid, did, pos in conn.execute(
                    select(MentionRow.id, MentionRow.document_id, MentionRow.position)
                )
            }
            anchors: dict[int, list] = defaultdict(list)
            for did, mid in conn.execute(
                select(ReviewAnchorRow.decision_id, ReviewAnchorRow.mention_id)
            ):
                anchors[did].append(mention_key.get(mid, ("missing", mid)))
            decisions = sorted(
                (kind, field, value, reason, by, tuple(sorted(anchors[did])))
                for did, kind, field, value, reason, by in conn.execute(
                    select(
                        ReviewDecisionRow.id,
                        ReviewDecisionRow.kind,
                        ReviewDecisionRow.field,
                        ReviewDecisionRow.value,
                        ReviewDecisionRow.reason,
                        ReviewDecisionRow.created_by,
                    )
                )
            )
            audit = sorted(
                tuple(row)
                for row in conn.execute(
                    select(
                        AuditRow.user_name,
                        AuditRow.action,
                        AuditRow.field,
                        AuditRow.before,
                        AuditRow.after,
                        AuditRow.reason,
                    )
                )
            )
            return {"review_decisions": decisions, "audit_log": audit}
    finally:
        engine.dispose()
