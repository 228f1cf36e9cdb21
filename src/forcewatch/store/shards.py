"""The ledger of finished batch shards (`batch_shards`): what a rerun may skip."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import BatchShardRow


def finished_shards(session: Session, sources: list[str]) -> set[tuple[str, int, str]]:
    """Return the (source, index, fingerprint) keys recorded for these input paths."""
    if not sources:
        return set()
    stmt = select(BatchShardRow.source, BatchShardRow.shard, BatchShardRow.fingerprint).where(
        BatchShardRow.source.in_(sorted(set(sources)))
    )
    return {(s, i, f) for s, i, f in session.execute(stmt)}


def record_shard(
    session: Session, key: tuple[str, int, str], documents: int, now: dt.datetime
) -> None:
    """Record a shard as finished, in the caller's transaction (with its documents)."""
    source, index, fingerprint = key
    session.add(
        BatchShardRow(
            source=source,
            shard=index,
            fingerprint=fingerprint,
            documents=documents,
            finished_at=now,
        )  # fmt: skip
    )
