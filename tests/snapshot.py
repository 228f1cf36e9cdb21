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
