"""Relink a whole store: rebuild every mention's blocking keys, recluster every neighbourhood.

Linking is incremental: a new document only reclusters the mentions it can link
to. Two things call for a pass over everything: a database made before linking
existed (its mentions have no blocking keys, so nothing new ever links to them),
and an upgrade whose linking rules changed. `relink_all` rebuilds the keys of
every mention from its stored fields, then reclusters the store a batch of
seeds at a time; each batch reclusters the closed neighbourhood of its seeds,
so the result is the grouping the rules give for the whole set of mentions,
whatever the batch size. Curator merges and splits (link constraints) are obeyed
as always. Each batch commits, so a stopped run can simply be run again.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from .linking import key_rows, link_mention, relink
from .models import IncidentRow, MentionKeyRow, MentionRow

log = logging.getLogger(__name__)

_BATCH = 200


@dataclass(frozen=True)
class RelinkSummary:
    """What `relink_all` did: mentions keyed and relinked, incidents before and after."""

    mentions: int
    incidents_before: int
    incidents_after: int


def _incidents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(IncidentRow)) or 0


def relink_all(
    sessions: sessionmaker[Session],
    *,
    batch: int = _BATCH,
    progress: Callable[[int, int], None] | None = None,
) -> RelinkSummary:
    """Rebuild the blocking keys of every mention and relink the whole store."""
    with sessions() as session:
        ids = list(session.scalars(select(MentionRow.id).order_by(MentionRow.id)))
        before = _incidents(session)
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        with sessions.begin() as session:
            session.execute(delete(MentionKeyRow).where(MentionKeyRow.mention_id.in_(chunk)))
            rows = session.scalars(
                select(MentionRow)
                .where(MentionRow.id.in_(chunk))
                .options(selectinload(MentionRow.document))
            )
            for row in rows:
                session.add_all(key_rows(row.id, link_mention(row, row.document)))
        if progress is not None:
            progress(min(start + batch, len(ids)), 2 * len(ids))
    now = dt.datetime.now(dt.UTC)
    for start in range(0, len(ids), batch):
        with sessions.begin() as session:
            relink(session, ids[start : start + batch], now)
        if progress is not None:
            progress(len(ids) + min(start + batch, len(ids)), 2 * len(ids))
    with sessions() as session:
        after = _incidents(session)
    log.info("relinked %d mentions: %d incidents before, %d after", len(ids), before, after)
    return RelinkSummary(len(ids), before, after)
